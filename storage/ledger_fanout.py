"""Writing deliveries: event-driven enqueues, re-runnable fan-out, and claims of scheduled firings.

Every write is ``INSERT … ON CONFLICT DO NOTHING`` on the idempotency key
``(recipient, kind, period_key)``, so running a fan-out twice (a replica died half-way, an
operator re-ran a job) adds only what is missing and never a second message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, literal, select, true, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from domain.delivery import Clock, DeliveryStatus, Firing, NewDelivery
from storage.ledger_sql import (
    DELIVERY,
    REMINDER_RUN,
    json_literal,
    rowcount,
    upsert,
    utc_literal,
)
from storage.ledger_tables import as_utc, from_db

_KEY = ["recipient", "kind", "period_key"]
_CHUNK = 1000


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def _row(delivery: NewDelivery, now: datetime, available_at: datetime) -> dict[str, Any]:
    return {
        "run_id": delivery.run_id,
        "recipient": delivery.recipient,
        "kind": delivery.kind,
        "period_key": delivery.period_key,
        "payload": dict(delivery.payload),
        "conversation_id": delivery.conversation_id,
        "status": DeliveryStatus.PENDING.value,
        "attempts": 0,
        "throttles": 0,
        "available_at": available_at,
        "deadline_at": as_utc(delivery.deadline) if delivery.deadline else None,
        "created_at": now,
        "updated_at": now,
    }


async def enqueue(
    session: AsyncSession,
    delivery: NewDelivery,
    *,
    now: datetime,
    available_at: datetime | None = None,
) -> int | None:
    """Add one delivery inside the caller's transaction (commit it with the domain change).

    Returns the new row's id, or None when the same (recipient, kind, period) already exists.
    The caller should then wake the dispatcher after its commit (``Dispatcher.wake``).
    """
    now = as_utc(now)
    row = _row(delivery, now, as_utc(available_at) if available_at else now)
    stmt = (
        upsert(_dialect(session), DELIVERY)
        .values(**row)
        .on_conflict_do_nothing(index_elements=_KEY)
        .returning(DELIVERY.c.id)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def fan_out_to(
    session: AsyncSession, deliveries: Iterable[NewDelivery], *, now: datetime
) -> int:
    """Add many deliveries given as values (chunked multi-row inserts); returns how many are new."""
    now = as_utc(now)
    dialect = _dialect(session)
    added = 0
    chunk: list[dict[str, Any]] = []

    async def flush() -> int:
        if not chunk:
            return 0
        stmt = upsert(dialect, DELIVERY).values(chunk).on_conflict_do_nothing(index_elements=_KEY)
        count = rowcount(await session.execute(stmt))
        chunk.clear()
        return count

    for delivery in deliveries:
        chunk.append(_row(delivery, now, now))
        if len(chunk) >= _CHUNK:
            added += await flush()
    return added + await flush()


async def fan_out(
    session: AsyncSession,
    *,
    recipients: Select[Any],
    kind: str,
    period_key: str,
    payload: Mapping[str, Any],
    now: datetime,
    run_id: int | None = None,
    deadline: datetime | None = None,
) -> int:
    """``INSERT … SELECT … ON CONFLICT DO NOTHING``: one delivery per row of ``recipients``.

    ``recipients`` selects one column, the recipient key (the Teams user id of a 1:1
    conversation, as in ``conversation_ref.user_key``). ``deadline``: after it the messages are
    pointless and retries stop. Returns how many rows were new.
    """
    now = as_utc(now)
    dialect = _dialect(session)
    source = recipients.subquery("recipients")
    recipient = next(iter(source.c))
    rows = select(
        recipient,
        literal(kind),
        literal(period_key),
        json_literal(dialect, "payload", dict(payload)),
        literal(DeliveryStatus.PENDING.value),
        literal(0),
        literal(0),
        utc_literal(dialect, "available_at", now),
        literal(run_id),
        utc_literal(dialect, "created_at", now),
        utc_literal(dialect, "updated_at", now),
        utc_literal(dialect, "deadline_at", as_utc(deadline) if deadline else None),
    ).where(true())  # SQLite: a WHERE keeps "SELECT … ON CONFLICT" unambiguous
    columns = [
        "recipient",
        "kind",
        "period_key",
        "payload",
        "status",
        "attempts",
        "throttles",
        "available_at",
        "run_id",
        "created_at",
        "updated_at",
        "deadline_at",
    ]
    stmt = (
        upsert(dialect, DELIVERY)
        .from_select(columns, rows)
        .on_conflict_do_nothing(index_elements=_KEY)
    )
    return rowcount(await session.execute(stmt))


class SqlFiringLedger:
    """:class:`domain.delivery.FiringLedger` on the ``reminder_run`` table."""

    def __init__(self, engine: AsyncEngine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock

    async def claim_firing(
        self, job: str, period_key: str, scheduled_for: datetime, owner: str
    ) -> int | None:
        now = as_utc(self._clock.now())
        stmt = (
            upsert(self._engine.dialect.name, REMINDER_RUN)
            .values(
                job=job,
                period_key=period_key,
                scheduled_for=as_utc(scheduled_for),
                claimed_by=owner,
                claimed_at=now,
            )
            .on_conflict_do_nothing(index_elements=["job", "period_key"])
            .returning(REMINDER_RUN.c.id)
        )
        async with self._engine.begin() as conn:
            return (await conn.execute(stmt)).scalar_one_or_none()

    async def complete_firing(self, run_id: int) -> None:
        now = as_utc(self._clock.now())
        async with self._engine.begin() as conn:
            await conn.execute(
                update(REMINDER_RUN).where(REMINDER_RUN.c.id == run_id).values(completed_at=now)
            )

    async def reclaim_stale_firings(self, owner: str, older_than: timedelta) -> list[Firing]:
        now = as_utc(self._clock.now())
        run = REMINDER_RUN.c
        stmt = (
            update(REMINDER_RUN)
            .where(run.completed_at.is_(None), run.claimed_at <= now - older_than)
            .values(claimed_by=owner, claimed_at=now)
            .returning(run.id, run.job, run.period_key, run.scheduled_for)
        )
        async with self._engine.begin() as conn:
            rows = (await conn.execute(stmt)).all()
        return [
            Firing(
                run_id=r.id,
                job=r.job,
                period_key=r.period_key,
                scheduled_for=from_db(r.scheduled_for) or now,
            )
            for r in rows
        ]
