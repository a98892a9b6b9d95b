"""The async database engine: SQLite (WAL, busy timeout) by default, PostgreSQL via asyncpg.

On SQLite a transaction that writes starts with ``BEGIN IMMEDIATE`` (it takes the one write lock
up front), and one that only reads with a plain ``BEGIN`` (in WAL mode readers never wait for
the writer). :func:`session_factory` makes the choice from how a session is opened:
``sessions.begin()`` writes, ``sessions()`` reads. Before this, every session took the write
lock, so a declaration turn queued five times behind every other turn's lock for four reads
and one write, and the waits (SQLite's busy handler sleeps up to 100 ms between tries) made
the slowest turns slow (issue 16, bench/turns.py).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 15_000
_log = logging.getLogger(__name__)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """Create the engine for ``url`` with the connection settings each backend needs."""
    if is_sqlite(url):
        engine = create_async_engine(
            url,
            echo=echo,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_on_begin)
        event.listen(engine.sync_engine, "before_cursor_execute", _sqlite_reads_only)
        return engine
    return create_async_engine(url, echo=echo, pool_size=10, max_overflow=10, pool_pre_ping=True)


def _sqlite_on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _sqlite_on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


READ_ONLY = {"telework_read_only": True}
"""Execution options for a read-only SQLite transaction: a plain deferred BEGIN (the sessions
of ``sessions()`` have them; see :func:`session_factory`)."""

# What a read-only transaction may run: a deferred transaction that then writes fails at once
# with "database is locked" when another connection wrote since it began (the busy timeout
# cannot help), so a write there is refused before it reaches SQLite.
_READ_STATEMENTS = (
    "SELECT",
    "WITH",
    "PRAGMA",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
)


def _sqlite_on_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
    # instead of one failing with "database is locked" when it upgrades a read lock.
    if conn.get_execution_options().get("telework_read_only"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_reads_only(
    conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    reading = conn.get_execution_options().get("telework_read_only")
    if reading and _writes(statement):
        raise ReadOnlySessionError(
            f"a write in a read-only session ({statement.strip()[:40]!r}): open it with "
            "sessions.begin()"
        )


_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*\n?|/\*.*?\*/)*", re.DOTALL)
_WRITE_WORDS = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def _writes(statement: str) -> bool:
    """Whether a statement may write: not one of the reading kinds (after leading comments),
    or a ``WITH`` whose body inserts, updates or deletes."""
    body = _COMMENTS.sub("", statement, count=1)
    head = body[:9].upper()
    if head.startswith("EXPLAIN") or not body:
        return False
    if not head.startswith(_READ_STATEMENTS):
        return True
    return head.startswith("WITH") and _WRITE_WORDS.search(body) is not None


class ReadOnlySessionError(Exception):
    """A session opened to read (``sessions()``) tried to write: a bug, refused on SQLite."""


class Sessions(async_sessionmaker[AsyncSession]):
    """``sessions()`` for reading, ``sessions.begin()`` for a transaction that writes.

    On SQLite the two differ (see the module): a reading session's transaction is deferred,
    so it never waits for, nor holds up, the writer; the writing sessions of one process take
    their turn on an asyncio lock before ``BEGIN IMMEDIATE``, first come first served, instead
    of polling SQLite's lock in its busy handler (which sleeps up to 100 ms between tries, the
    slowest turns under load: bench/turns.py). On PostgreSQL they are the same."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine.execution_options(**READ_ONLY), expire_on_commit=False)
        self._writer = engine
        self._serialise = is_sqlite(engine.url.drivername)

    def begin(self) -> AbstractAsyncContextManager[AsyncSession]:  # type: ignore[override]
        """A new session in a transaction that writes, committed when the block ends (as
        ``async_sessionmaker.begin``, on the engine without the read-only option)."""
        return self._writing()

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[AsyncSession]:
        writers = _writers(self._writer) if self._serialise else None
        acquired = False
        if writers is not None:
            task = asyncio.current_task()
            if writers.holder is not None and writers.holder is task:
                # SQLite has one write lock: a second writing session in the task that holds
                # it would wait for itself (then fail with "database is locked").
                raise NestedWriteError("a writing session inside another one: pass the session")
            try:  # a writer that waits this long falls back on SQLite's own busy timeout
                async with asyncio.timeout(SQLITE_BUSY_TIMEOUT_MS / 1000):
                    acquired = await writers.lock.acquire()
            except TimeoutError:
                acquired = False
                _log.warning("sqlite writer waited %d ms for its turn", SQLITE_BUSY_TIMEOUT_MS)
            if acquired:
                writers.holder = task
        try:
            async with self(bind=self._writer)._maker_context_manager() as session:
                yield session
        finally:
            if acquired and writers is not None:
                writers.holder = None
                writers.lock.release()


class NestedWriteError(Exception):
    """A writing session opened inside another in the same task (SQLite): a bug."""


class _Writers:
    """The writers' turn on one SQLite database: the lock and the task holding it."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.lock = asyncio.Lock()
        self.holder: asyncio.Task[Any] | None = None


_WRITE_LOCKS: WeakKeyDictionary[Engine, _Writers] = WeakKeyDictionary()


def _writers(engine: AsyncEngine) -> _Writers:
    """The writers' lock of ``engine`` in the running event loop (one per process and loop)."""
    loop = asyncio.get_running_loop()
    held = _WRITE_LOCKS.get(engine.sync_engine)
    if held is None or held.loop is not loop:
        held = _Writers(loop)
        _WRITE_LOCKS[engine.sync_engine] = held
    return held


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return Sessions(engine)
