"""Migrations apply on both backends and the app can tell a current database from a stale one."""

from __future__ import annotations

import asyncio
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
    assert {"teams_identity", "conversation_ref", "event", "conversation_state"} <= names


async def test_empty_database_is_refused_with_the_fix(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    try:
        with pytest.raises(DatabaseNotMigrated, match="telework-bot db upgrade"):
            await ensure_migrated(engine)
    finally:
        await engine.dispose()


def test_head_revisions_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    from storage.migrate import MIGRATIONS, head_revisions

    assert head_revisions() == set(ScriptDirectory(str(MIGRATIONS)).get_heads())


def test_heads_of_branches_and_merges_are_alembics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read without Alembic, a branch has two heads and a merge closes them, as in Alembic."""
    from alembic.script import ScriptDirectory

    from storage import revisions

    versions = tmp_path / "versions"
    versions.mkdir()
    (tmp_path / "script.py.mako").write_text("", encoding="utf-8")
    files = {
        "a": "revision: str = 'a'\ndown_revision: str | None = None\n",
        "b": "revision = 'b'\ndown_revision = 'a'\n",
        "c": "X = len('x')\nrevision: str = 'c'\ndown_revision: str | None = 'a'\n",
    }
    for name, source in files.items():
        (versions / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(revisions, "VERSIONS", versions)

    def ours() -> frozenset[str]:
        revisions.head_revisions.cache_clear()
        return revisions.head_revisions()

    try:
        assert ours() == {"b", "c"} == set(ScriptDirectory(str(tmp_path)).get_heads())
        merge = "revision = 'm'\ndown_revision = ('b', 'c')\n"
        (versions / "m.py").write_text(merge, encoding="utf-8")
        assert ours() == {"m"} == set(ScriptDirectory(str(tmp_path)).get_heads())
    finally:
        revisions.head_revisions.cache_clear()


async def test_current_revisions_are_alembics(engine: AsyncEngine, tmp_path: Path) -> None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy.engine import Connection

    from storage.migrate import current_revisions, head_revisions, upgrade

    def alembics(connection: Connection) -> set[str]:
        return set(MigrationContext.configure(connection).get_current_heads())

    stale_url = f"sqlite+aiosqlite:///{tmp_path / 'stale.db'}"
    await asyncio.to_thread(upgrade, stale_url, "0005")
    empty, stale = (
        create_engine(f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"),
        create_engine(stale_url),
    )
    try:
        for each, expected in ((engine, set(head_revisions())), (empty, set()), (stale, {"0005"})):
            async with each.connect() as conn:
                assert await current_revisions(each) == await conn.run_sync(alembics) == expected
        with pytest.raises(DatabaseNotMigrated, match=r"at revision \['0005'\], the code needs"):
            await ensure_migrated(stale)
    finally:
        await empty.dispose()
        await stale.dispose()
