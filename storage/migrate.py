"""Alembic, driven from code: upgrade a database and check that it is current."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseNotMigrated(Exception):
    """The database is missing tables or migrations; the message names the fix."""


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (blocking; run it outside an event loop).
    A SQLite file's folder is created if it does not exist."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), revision)


def head_revisions(url: str) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(url)).get_heads())


def _current(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


async def current_revisions(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return await connection.run_sync(_current)


async def ensure_migrated(engine: AsyncEngine) -> None:
    """Raise :class:`DatabaseNotMigrated` unless the database is at the latest revision."""
    url = engine.url.render_as_string(hide_password=False)
    heads = head_revisions(url)
    current = await current_revisions(engine)
    if current != heads:
        raise DatabaseNotMigrated(
            f"the database {engine.url.render_as_string(hide_password=True)} is at revision "
            f"{sorted(current) or 'none'}, the code needs {sorted(heads)}: "
            "run `telework-bot db upgrade` first"
        )
