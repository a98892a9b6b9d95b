"""Migrations apply on both backends and the app can tell a current database from a stale one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import create_engine
from storage.migrate import DatabaseNotMigrated, ensure_migrated


async def test_migrated_database_is_accepted(engine: AsyncEngine) -> None:
    await ensure_migrated(engine)

    def tables(sync_conn: object) -> set[str]:
        return set(inspect(sync_conn).get_table_names())

    async with engine.connect() as conn:
        names = await conn.run_sync(tables)
    assert {"teams_identity", "conversation_ref", "event", "dialog_state"} <= names


async def test_empty_database_is_refused_with_the_fix(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    try:
        with pytest.raises(DatabaseNotMigrated, match="telework-bot db upgrade"):
            await ensure_migrated(engine)
    finally:
        await engine.dispose()
