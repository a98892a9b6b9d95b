"""``deliveries status`` read through the driver gives what storage.ledger_admin gives."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import create_engine
from storage.ledger import SqlDeliveryLedger
from storage.ledger_admin import recent_runs, run_progress
from storage.ledger_fanout import SqlFiringLedger
from storage.ledger_status import read_status
from storage.revisions import DatabaseNotMigrated
from tests.fakes.clock import FrozenClock
from tests.fakes.ledger_data import add_deliveries, add_refs


async def seed(engine: AsyncEngine, clock: FrozenClock) -> int:
    firings = SqlFiringLedger(engine, clock)
    run_id = await firings.claim_firing("nudge", "2026-12", clock.now(), "r")
    other = await firings.claim_firing("digest", "2026-12-02", clock.now(), "r")
    assert run_id is not None and other is not None
    await firings.complete_firing(other)
    await add_refs(engine, range(5), "http://127.0.0.1:9")
    await add_deliveries(engine, range(4), now=clock.now(), run_id=run_id)
    await add_deliveries(engine, range(4, 5), now=clock.now(), run_id=other)
    ledger = SqlDeliveryLedger(engine, clock)
    [d] = await ledger.claim("me", 1, timedelta(seconds=30))
    await ledger.start_attempt(d.id, "me", d.target)
    await ledger.mark_failed(d.id, "me", 403, "blocked")
    return run_id


async def test_the_same_answers_as_the_sqlalchemy_queries(database_url: str) -> None:
    engine, clock = create_engine(database_url), FrozenClock()
    try:
        run_id = await seed(engine, clock)
        for asked in (None, run_id, run_id + 100):
            status = await read_status(database_url, asked)
            assert status is not None
            assert status.progress == await run_progress(engine, asked)
            assert status.runs == await recent_runs(engine)
        assert [r.completed_at is not None for r in status.runs] == [True, False]
        assert status.runs[1].scheduled_for == clock.now()
    finally:
        await engine.dispose()


async def test_an_unmigrated_database_is_refused_as_ensure_migrated_does(
    database_url: str, tmp_path: Path
) -> None:
    engine = create_engine(database_url)
    async with engine.begin() as conn:
        [head] = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        await conn.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    try:
        with pytest.raises(DatabaseNotMigrated, match=r"\['0005'\].*telework-bot db upgrade"):
            await read_status(database_url, None)
    finally:  # the PostgreSQL database is shared by the session's tests
        async with engine.begin() as conn:
            await conn.execute(
                text("UPDATE alembic_version SET version_num = :v"), {"v": head.version_num}
            )
        await engine.dispose()
    missing = tmp_path / "nowhere.db"
    with pytest.raises(DatabaseNotMigrated, match="none"):
        await read_status(f"sqlite+aiosqlite:///{missing}", None)
    assert not missing.exists()  # not created, unlike an engine's first connection


@pytest.mark.parametrize(
    "url",
    [
        "sqlite+aiosqlite:///x.db?mode=ro",
        "postgresql+asyncpg://u@h/db?prepared_statement_cache_size=0",
        "postgresql+psycopg://u@h/db",
        "mysql+aiomysql://u@h/db",
    ],
)
async def test_other_urls_are_left_to_sqlalchemy(url: str) -> None:
    assert await read_status(url, None) is None
