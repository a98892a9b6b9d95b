"""Alembic, driven from code: upgrade a database and check that it is current.

The check runs at every start (server, chat, each database command) and on ``/readyz``, so it
does not import Alembic (a third of a second on a small machine): it reads the revision ids
from the version files (:mod:`storage.revisions`) and the database's ``alembic_version`` table
itself, as Alembic does. ``tests/storage/test_migrations.py`` holds it to Alembic's answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.revisions import (
    MIGRATIONS,
    VERSION_TABLE,
    DatabaseNotMigrated,
    head_revisions,
    not_migrated_message,
)

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["DatabaseNotMigrated", "ensure_migrated", "head_revisions", "upgrade"]


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
    current = await current_revisions(engine)
    if current != head_revisions():
        shown = engine.url.render_as_string(hide_password=True)
        raise DatabaseNotMigrated(not_migrated_message(shown, current))
