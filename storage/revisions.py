"""Which migrations the code needs, read from the version files without Alembic or SQLAlchemy.

The migration check runs at every start (server, chat, each database command, and
``deliveries status``, which must start at once: issue 16), so it reads the revision ids from
the version files itself, as Alembic does (``tests/storage/test_migrations.py`` holds it to
Alembic's answers), and imports neither library.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default; env.py does not change it


class DatabaseNotMigrated(Exception):
    """The database is missing tables or migrations; the message names the fix."""


def not_migrated_message(database: str, current: Iterable[str]) -> str:
    """What :class:`DatabaseNotMigrated` says: where the database is, what the code needs and
    the command that fixes it (``database`` is shown as given: hide its password first)."""
    return (
        f"the database {database} is at revision {sorted(current) or 'none'}, the code needs "
        f"{sorted(head_revisions())}: run `telework-bot db upgrade` first"
    )


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
