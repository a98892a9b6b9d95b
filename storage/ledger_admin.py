"""Operator actions on the ledger: a run's progress, resend its failures, cancel what is left.

Each change appends an ``event`` row in the same transaction (nothing is deleted; a
cancellation is itself an event).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.delivery import DeliveryStatus, FailedDelivery, RunProgress, RunSummary
from storage.engine import READ_ONLY
from storage.ledger_sql import DELIVERY, EVENT, REMINDER_RUN, rowcount
from storage.ledger_tables import as_utc, from_db

_D = DELIVERY.c


async def run_progress(engine: AsyncEngine, run_id: int | None = None) -> RunProgress:
    """Counts by status, for one run or (``None``) for the whole ledger."""
    stmt = select(_D.status, func.count()).group_by(_D.status)
    if run_id is not None:
        stmt = stmt.where(_D.run_id == run_id)
    async with engine.connect() as conn:
        await conn.execution_options(**READ_ONLY)
        async with conn.begin():
            rows = (await conn.execute(stmt)).all()
    return RunProgress(run_id=run_id, counts={DeliveryStatus(s): int(n) for s, n in rows})


async def recent_runs(engine: AsyncEngine, limit: int = 20) -> list[RunSummary]:
    run = REMINDER_RUN.c
    stmt = (
        select(run.id, run.job, run.period_key, run.scheduled_for, run.completed_at)
        .order_by(run.id.desc())
        .limit(limit)
    )
    async with engine.connect() as conn:
        await conn.execution_options(**READ_ONLY)
        async with conn.begin():
            rows = (await conn.execute(stmt)).all()
    return [
        RunSummary(r.id, r.job, r.period_key, from_db(r.scheduled_for), from_db(r.completed_at))
        for r in rows
    ]


async def recent_failures(engine: AsyncEngine, limit: int = 5) -> list[FailedDelivery]:
    """The latest deliveries that failed for good, newest first."""
    stmt = (
        select(
            _D.kind, _D.recipient, _D.last_http_status, _D.last_error, _D.updated_at, _D.attempts
        )
        .where(_D.status == DeliveryStatus.FAILED.value)
        .order_by(_D.updated_at.desc(), _D.id.desc())
        .limit(limit)
    )
    async with engine.connect() as conn:
        await conn.execution_options(**READ_ONLY)
        async with conn.begin():
            rows = (await conn.execute(stmt)).all()
    return [
        FailedDelivery(
            kind=r.kind,
            recipient=r.recipient,
            http_status=r.last_http_status,
            error=r.last_error,
            at=from_db(r.updated_at) or as_utc(r.updated_at),
            attempts=int(r.attempts),
        )
        for r in rows
    ]


class SqlDeliveryReports:
    """:class:`domain.ports.DeliveryReports` on the ledger tables."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def progress(self, run_id: int | None) -> RunProgress:
        return await run_progress(self._engine, run_id)

    async def recent_runs(self, limit: int = 5) -> list[RunSummary]:
        return await recent_runs(self._engine, limit)

    async def recent_failures(self, limit: int = 5) -> list[FailedDelivery]:
        return await recent_failures(self._engine, limit)


async def _record(
    conn: AsyncConnection, now: datetime, actor: str, kind: str, payload: dict[str, Any]
) -> None:
    await conn.execute(
        insert(EVENT).values(
            at=now, actor=actor, kind=kind, subject=f"run:{payload['run_id']}", payload=payload
        )
    )


async def resend_failed(engine: AsyncEngine, run_id: int, *, now: datetime, actor: str) -> int:
    """Put a run's failed and unknown deliveries back in the queue with fresh attempts."""
    now = as_utc(now)
    stmt = (
        update(DELIVERY)
        .where(
            _D.run_id == run_id,
            _D.status.in_([DeliveryStatus.FAILED.value, DeliveryStatus.UNKNOWN.value]),
        )
        .values(
            status=DeliveryStatus.PENDING.value,
            attempts=0,
            available_at=now,
            lease_owner=None,
            lease_expires_at=None,
            updated_at=now,
        )
    )
    async with engine.begin() as conn:
        count = rowcount(await conn.execute(stmt))
        await _record(conn, now, actor, "delivery.resend_failed", {"run_id": run_id, "rows": count})
    return count


async def cancel_run(engine: AsyncEngine, run_id: int, *, now: datetime, actor: str) -> int:
    """Cancel a run's pending deliveries. One already being sent is left to finish."""
    now = as_utc(now)
    stmt = (
        update(DELIVERY)
        .where(_D.run_id == run_id, _D.status == DeliveryStatus.PENDING.value)
        .values(
            status=DeliveryStatus.CANCELLED.value,
            lease_owner=None,
            lease_expires_at=None,
            updated_at=now,
        )
    )
    async with engine.begin() as conn:
        count = rowcount(await conn.execute(stmt))
        await _record(conn, now, actor, "delivery.cancelled", {"run_id": run_id, "rows": count})
    return count
