"""Alembic, driven from code: upgrade a database and check that it is current.

The check runs at every start (server, chat, each database command) and on ``/readyz``, so it
does not import Alembic (a third of a second on a small machine): it reads the revision ids
from the version files and the database's ``alembic_version`` table itself, as Alembic does.
``tests/storage/test_migrations.py`` holds it to Alembic's own answers.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default; env.py does not change it


class DatabaseNotMigrated(Exception):
    """The database is missing tables or migrations; the message names the fix."""


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (blocking; run it outside an event loop).
    A SQLite file's folder is created if it does not exist."""
    from alembic import command

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), revision)


@cache
def head_revisions() -> frozenset[str]:
    """The revisions the code needs: those no other revision revises (Alembic's heads)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        revision, down = _revision_ids(path)
        revisions.add(revision)
        revised.update(down)
    return frozenset(revisions - revised)


def _revision_ids(path: Path) -> tuple[str, tuple[str, ...]]:
    """A version file's ``revision`` and ``down_revision`` (literal values, as Alembic's
    template writes them), read without running the file."""
    values: dict[str, object] = {}
    target: ast.expr
    for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            values[target.id] = ast.literal_eval(value)
    revision, down = values.get("revision"), values.get("down_revision")
    if not isinstance(revision, str):
        raise ValueError(f"{path}: no literal `revision` id")
    if down is None:
        return revision, ()
    if isinstance(down, str):
        return revision, (down,)
    if isinstance(down, (tuple, list)) and all(isinstance(d, str) for d in down):
        return revision, tuple(str(d) for d in down)
    raise ValueError(f"{path}: `down_revision` is not a literal id or tuple of ids")


def _current(connection: Connection) -> set[str]:
    if not inspect(connection).has_table(VERSION_TABLE):
        return set()
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))  # noqa: S608
    return {str(row[0]) for row in rows}


async def current_revisions(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return await connection.run_sync(_current)


async def ensure_migrated(engine: AsyncEngine) -> None:
    """Raise :class:`DatabaseNotMigrated` unless the database is at the latest revision."""
    heads = set(head_revisions())
    current = await current_revisions(engine)
    if current != heads:
        raise DatabaseNotMigrated(
            f"the database {engine.url.render_as_string(hide_password=True)} is at revision "
            f"{sorted(current) or 'none'}, the code needs {sorted(heads)}: "
            "run `telework-bot db upgrade` first"
        )
