"""Reading and writing sessions on SQLite (storage.engine.Sessions): readers never take the
write lock, writers queue one after the other, a write in a reading session is refused."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from storage.engine import (
    NestedWriteError,
    ReadOnlySessionError,
    create_engine,
    session_factory,
)


async def test_fifty_concurrent_writers_all_commit_and_readers_run_beside_them(
    sqlite_url: str,
) -> None:
    engine = create_engine(sqlite_url)
    sessions = session_factory(engine)
    try:
        async with sessions.begin() as session:
            await session.execute(text("CREATE TABLE bench_counter (n INTEGER NOT NULL)"))
            await session.execute(text("INSERT INTO bench_counter VALUES (0)"))

        async def increment() -> None:
            # read, then write in one transaction: an update would be lost if two interleaved,
            # and a deferred transaction would fail with "database is locked"
            async with sessions.begin() as session:
                n = (await session.execute(text("SELECT n FROM bench_counter"))).scalar_one()
                await asyncio.sleep(0)
                await session.execute(text("UPDATE bench_counter SET n = :n"), {"n": n + 1})

        async def read() -> int:
            async with sessions() as session:
                return int(
                    (await session.execute(text("SELECT n FROM bench_counter"))).scalar_one()
                )

        results = await asyncio.gather(
            *(increment() for _ in range(50)), *(read() for _ in range(20))
        )
        assert all(0 <= r <= 50 for r in results[50:])
        assert await read() == 50
    finally:
        async with engine.begin() as conn:
            await conn.execute(text("DROP TABLE IF EXISTS bench_counter"))
        await engine.dispose()


async def test_a_reader_does_not_wait_for_an_open_write_transaction(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    sessions = session_factory(engine)
    try:
        async with sessions.begin() as writer:
            await writer.execute(text("CREATE TABLE t (n INTEGER)"))
        async with sessions.begin() as writer:
            await writer.execute(text("INSERT INTO t VALUES (1)"))
            async with sessions() as reader:  # the write lock is held right now
                rows = (await asyncio.wait_for(reader.execute(text("SELECT n FROM t")), 2)).all()
            assert rows == []  # the writer has not committed
    finally:
        await engine.dispose()


async def test_a_write_in_a_reading_session_is_refused_on_sqlite(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    try:
        async with session_factory(engine)() as session:
            with pytest.raises(ReadOnlySessionError, match=r"sessions\.begin\(\)"):
                await session.execute(text("CREATE TABLE t (n INTEGER)"))
    finally:
        await engine.dispose()


async def test_a_write_hidden_in_a_with_statement_is_refused_and_comments_are_not(
    sqlite_url: str,
) -> None:
    engine = create_engine(sqlite_url)
    sessions = session_factory(engine)
    try:
        async with sessions.begin() as writer:
            await writer.execute(text("CREATE TABLE t (n INTEGER)"))
        async with sessions() as session:
            with pytest.raises(ReadOnlySessionError):
                await session.execute(
                    text("WITH one AS (SELECT 1 AS n) INSERT INTO t SELECT n FROM one")
                )
        async with sessions() as session:
            # a comment before a read, and a read that only names a word like "update"
            rows = await session.execute(text("-- who\n/* what */ SELECT 'update' FROM t"))
            assert rows.all() == []
    finally:
        await engine.dispose()


async def test_a_writing_session_inside_another_in_one_task_fails_at_once(
    sqlite_url: str,
) -> None:
    engine = create_engine(sqlite_url)
    sessions = session_factory(engine)
    try:
        async with sessions.begin() as outer:
            await outer.execute(text("CREATE TABLE t (n INTEGER)"))
            with pytest.raises(NestedWriteError):
                async with asyncio.timeout(2):  # not after the 15 s lock wait
                    async with sessions.begin():
                        pass

            async def other_task() -> None:  # another task waits its turn instead
                async with sessions.begin() as session:
                    await session.execute(text("INSERT INTO t VALUES (2)"))

            waiting = asyncio.create_task(other_task())
            await asyncio.sleep(0.05)
            assert not waiting.done()
        await asyncio.wait_for(waiting, 5)
        async with sessions() as session:
            assert (await session.execute(text("SELECT n FROM t"))).scalars().all() == [2]
    finally:
        await engine.dispose()
