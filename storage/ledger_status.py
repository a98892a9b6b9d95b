"""The ledger's progress for ``telework-bot deliveries status``, read through the database's own
driver (``sqlite3``, asyncpg), without SQLAlchemy.

``deliveries status`` is what an operator types while a broadcast runs, and it must start at
once (issue 16, ≤ 0.3 s): importing SQLAlchemy and SQLModel alone takes longer. The two
queries here are the ones of :mod:`storage.ledger_admin` (``run_progress``, ``recent_runs``),
which stays the answer everywhere else; ``tests/storage/test_ledger_status.py`` holds the two
to the same results on SQLite and PostgreSQL. Like every database command, it first checks
that the database is migrated (:mod:`storage.revisions`).

Only plain URLs take this path: a SQLite file, or PostgreSQL through asyncpg without query
options (SQLAlchemy's asyncpg dialect reads those itself). For anything else
:func:`read_status` answers ``None`` and the caller uses :mod:`storage.ledger_admin`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from domain.delivery import DeliveryStatus, RunProgress, RunSummary
from storage.revisions import VERSION_TABLE, DatabaseNotMigrated, head_revisions
from storage.revisions import not_migrated_message as _not_migrated

SQLITE_BUSY_TIMEOUT_S = 15.0  # as storage.engine: wait for a writer rather than fail

_PROGRESS = "SELECT status, count(*) FROM delivery{where} GROUP BY status"
_RUNS = (
    "SELECT id, job, period_key, scheduled_for, completed_at FROM reminder_run "
    "ORDER BY id DESC LIMIT {limit}"
)


@dataclass(frozen=True)
class LedgerStatus:
    """Counts by status (for one run or the whole ledger) and the latest runs, newest first."""

    progress: RunProgress
    runs: list[RunSummary]


async def read_status(url: str, run_id: int | None, runs: int = 20) -> LedgerStatus | None:
    """The status through the driver, or ``None`` when ``url`` is not one this module reads.

    Raises :class:`DatabaseNotMigrated` as ``ensure_migrated`` does."""
    scheme, _, rest = url.partition("://")
    backend, _, driver = scheme.partition("+")
    if "?" in rest or "#" in rest:
        return None
    if backend == "sqlite" and driver in ("", "aiosqlite", "pysqlite"):
        return _read_sqlite(url, unquote(rest[1:]), run_id, runs)
    if backend in ("postgresql", "postgres") and driver == "asyncpg":
        return await _read_postgres(url, run_id, runs)
    return None


def _read_sqlite(url: str, database: str, run_id: int | None, runs: int) -> LedgerStatus:
    import sqlite3
    from urllib.parse import quote

    if database in ("", ":memory:"):  # a new, empty database every time
        raise DatabaseNotMigrated(_not_migrated(url, ()))
    try:
        # mode=rw: never create a missing file (SQLAlchemy would, empty), only report it.
        connection = sqlite3.connect(
            f"file:{quote(database)}?mode=rw", uri=True, timeout=SQLITE_BUSY_TIMEOUT_S
        )
    except sqlite3.OperationalError:
        raise DatabaseNotMigrated(_not_migrated(url, ())) from None
    try:
        connection.isolation_level = None  # our BEGIN: one snapshot for the three reads
        connection.execute("BEGIN")
        tables = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        ).fetchall()
        current = (
            {str(r[0]) for r in connection.execute(f"SELECT version_num FROM {VERSION_TABLE}")}  # noqa: S608
            if tables
            else set()
        )
        if current != head_revisions():
            raise DatabaseNotMigrated(_not_migrated(url, current))
        where, args = (" WHERE run_id = ?", (run_id,)) if run_id is not None else ("", ())
        counts = connection.execute(_PROGRESS.format(where=where), args).fetchall()
        latest = connection.execute(_RUNS.format(limit=int(runs))).fetchall()
        connection.execute("COMMIT")
    finally:
        connection.close()
    return _status(run_id, counts, latest)


async def _read_postgres(url: str, run_id: int | None, runs: int) -> LedgerStatus:
    import asyncpg

    parts = urlsplit(url)
    dsn = urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))
    connection = await asyncpg.connect(dsn)
    try:
        async with connection.transaction(readonly=True):
            try:
                rows = await connection.fetch(f"SELECT version_num FROM {VERSION_TABLE}")  # noqa: S608
                current = {str(r[0]) for r in rows}
            except asyncpg.UndefinedTableError:
                current = set()
            if current != head_revisions():
                raise DatabaseNotMigrated(_not_migrated(_hide_password(url), current))
            where, args = (" WHERE run_id = $1", [run_id]) if run_id is not None else ("", [])
            counts = await connection.fetch(_PROGRESS.format(where=where), *args)
            latest = await connection.fetch(_RUNS.format(limit=int(runs)))
    finally:
        await connection.close()
    return _status(run_id, [tuple(r) for r in counts], [tuple(r) for r in latest])


def _status(
    run_id: int | None, counts: Sequence[Sequence[Any]], latest: Sequence[Sequence[Any]]
) -> LedgerStatus:
    progress = RunProgress(run_id=run_id, counts={DeliveryStatus(s): int(n) for s, n in counts})
    return LedgerStatus(
        progress,
        [
            RunSummary(int(i), str(job), str(key), _utc(scheduled), _utc(completed))
            for i, job, key, scheduled, completed in latest
        ],
    )


def _utc(value: datetime | str | None) -> datetime | None:
    """A timestamp as :func:`storage.ledger_tables.from_db` reads it: aware, in UTC (SQLite
    keeps SQLAlchemy's text form, ``2026-12-02 10:59:46.123456``)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
