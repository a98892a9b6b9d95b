"""The SQL delivery ledger the dispatcher drives (:class:`domain.delivery.DeliveryLedger`).

Claims lease rows: PostgreSQL skips rows another transaction holds (``FOR UPDATE SKIP LOCKED``);
SQLite serialises writers with ``BEGIN IMMEDIATE`` (see :mod:`storage.engine`). Every write after
a claim is fenced: it only happens ``WHERE lease_owner = :me AND lease_expires_at > :now``, so a
sender that lost its lease (paused too long, partitioned) cannot overwrite its successor's work.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, and_, func, literal, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.delivery import (
    ClaimedDelivery,
    Clock,
    ConversationTarget,
    DeliveryStatus,
    DuplicatePolicy,
    QueueStats,
)
from storage.engine import READ_ONLY
from storage.ledger_sql import CONVERSATION_REF, DELIVERY, LEADER_LEASE, SEND_GATE, rowcount, upsert
from storage.ledger_tables import as_utc, from_db

SENDER_LEASE = "delivery-dispatcher"
GLOBAL_GATE = "teams"
_D = DELIVERY.c
_PENDING = DeliveryStatus.PENDING.value
_SENDING = DeliveryStatus.SENDING.value
_MAX_ERROR = 2000


class SqlDeliveryLedger:
    """The ledger on SQLite or PostgreSQL. ``clock`` gives every instant written or compared."""

    def __init__(self, engine: AsyncEngine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock
        self._dialect = engine.dialect.name
        # SQLite has one writer at a time; queueing our own writers here is far cheaper than
        # letting them collide on BEGIN IMMEDIATE, whose busy handler sleeps in 1-25 ms steps.
        self._write_lock = asyncio.Lock() if self._dialect == "sqlite" else None
        # SQLite: fenced single-row writes (an attempt starts, a send is recorded) are combined:
        # those that arrive while one transaction commits go together in the next one. Not on
        # PostgreSQL: it has concurrent writers, and several rows in one transaction could
        # deadlock with the heartbeat's lease extension.
        self._queued: list[tuple[Any, asyncio.Future[int]]] = []
        self._flusher: asyncio.Task[None] | None = None

    @contextlib.asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncConnection]:
        if self._write_lock is None:
            async with self._engine.begin() as conn:
                yield conn
            return
        async with self._write_lock, self._engine.begin() as conn:
            yield conn

    def _now(self) -> datetime:
        return as_utc(self._clock.now())

    async def _read(self) -> AsyncConnection:
        conn = await self._engine.connect()
        return await conn.execution_options(**READ_ONLY)

    # --- the sender lease -------------------------------------------------------------------

    async def acquire_leadership(
        self, owner: str, ttl: timedelta, *, succeeding: str | None = None
    ) -> bool:
        now = self._now()
        table = LEADER_LEASE
        takeable = [table.c.owner == owner, table.c.expires_at <= now]
        if succeeding:
            takeable.append(table.c.owner.startswith(succeeding, autoescape=True))
        stmt = upsert(self._dialect, table).values(
            name=SENDER_LEASE, owner=owner, expires_at=now + ttl, acquired_at=now
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.name],
            set_={"owner": owner, "expires_at": now + ttl},
            where=or_(*takeable),
        ).returning(table.c.owner)
        async with self._write() as conn:
            row = (await conn.execute(stmt)).first()
        return row is not None and row.owner == owner

    async def release_leadership(self, owner: str) -> None:
        stmt = (
            update(LEADER_LEASE)
            .where(LEADER_LEASE.c.name == SENDER_LEASE, LEADER_LEASE.c.owner == owner)
            .values(expires_at=self._now())
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    # --- claims -----------------------------------------------------------------------------

    async def claim(self, owner: str, limit: int, lease: timedelta) -> list[ClaimedDelivery]:
        now = self._now()
        due = (
            select(_D.id)
            .where(
                _D.status == _PENDING,
                _D.available_at <= now,
                or_(_D.lease_expires_at.is_(None), _D.lease_expires_at <= now),
            )
            .order_by(_D.available_at, _D.id)
            .limit(limit)
        )
        if self._dialect == "postgresql":
            due = due.with_for_update(skip_locked=True)
        stmt = (
            update(DELIVERY)
            .where(_D.id.in_(due.scalar_subquery()))
            .values(lease_owner=owner, lease_expires_at=now + lease, updated_at=now)
            .returning(
                _D.id,
                _D.kind,
                _D.recipient,
                _D.period_key,
                _D.payload,
                _D.attempts,
                _D.throttles,
                _D.conversation_id,
                _D.service_url,
                _D.available_at,
                _D.created_at,
                _D.deadline_at,
            )
        )
        async with self._write() as conn:
            rows = list((await conn.execute(stmt)).all())
            if not rows:
                return []
            targets = await self._resolve(conn, rows)
        rows.sort(key=lambda r: (from_db(r.available_at), r.id))
        return [
            ClaimedDelivery(
                id=r.id,
                kind=r.kind,
                recipient=r.recipient,
                period_key=r.period_key,
                payload=r.payload,
                attempts=r.attempts,
                throttles=r.throttles,
                target=targets.get(r.id),
                created_at=from_db(r.created_at),
                deadline=from_db(r.deadline_at),
            )
            for r in rows
        ]

    async def _resolve(
        self, conn: AsyncConnection, rows: Sequence[Row[Any]]
    ) -> dict[int, ConversationTarget]:
        """Fresh service URLs from conversation_ref (Teams may move a tenant between them)."""
        ref = CONVERSATION_REF.c
        recipients = {r.recipient for r in rows if r.conversation_id is None}
        conversations = {r.conversation_id for r in rows if r.conversation_id is not None}
        personal: dict[str, tuple[str, str]] = {}
        by_conversation: dict[str, str] = {}
        if recipients:
            result = await conn.execute(
                select(ref.user_key, ref.conversation_id, ref.service_url)
                .where(ref.user_key.in_(recipients), ref.conversation_type == "personal")
                .order_by(ref.updated_at)
            )
            for user_key, conversation_id, service_url in result:
                personal[user_key] = (conversation_id, service_url)  # latest wins
        if conversations:
            found_urls = await conn.execute(
                select(ref.conversation_id, ref.service_url)
                .where(ref.conversation_id.in_(conversations))
                .order_by(ref.updated_at)
            )
            for conversation_id, service_url in found_urls:
                by_conversation[conversation_id] = service_url
        targets: dict[int, ConversationTarget] = {}
        for r in rows:
            if r.conversation_id is None:
                found = personal.get(r.recipient)
                if found:
                    targets[r.id] = ConversationTarget(found[1], found[0])
            else:
                url = by_conversation.get(r.conversation_id, r.service_url)
                if url:
                    targets[r.id] = ConversationTarget(url, r.conversation_id)
        return targets

    async def extend_leases(self, owner: str, lease: timedelta) -> int:
        now = self._now()
        stmt = (
            update(DELIVERY)
            .where(
                _D.lease_owner == owner,
                _D.lease_expires_at > now,
                _D.status.in_([_PENDING, _SENDING]),
            )
            .values(lease_expires_at=now + lease)
        )
        async with self._write() as conn:
            return rowcount(await conn.execute(stmt))

    # --- fenced completion ------------------------------------------------------------------

    async def _fenced(self, delivery_id: int, owner: str, expect: str, **values: Any) -> bool:
        now = self._now()
        stmt = (
            update(DELIVERY)
            .where(
                _D.id == delivery_id,
                _D.lease_owner == owner,
                _D.lease_expires_at > now,
                _D.status == expect,
            )
            .values(updated_at=now, **values)
        )
        return await self._combined(stmt) == 1

    async def _combined(self, stmt: Any) -> int:
        """Run ``stmt`` in the next combined transaction; its row count."""
        if self._write_lock is None:
            async with self._write() as conn:
                return rowcount(await conn.execute(stmt))
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._queued.append((stmt, done))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await asyncio.shield(done)

    async def _flush(self) -> None:
        while self._queued:
            batch, self._queued = self._queued, []
            try:
                async with self._write() as conn:
                    counts = [rowcount(await conn.execute(stmt)) for stmt, _ in batch]
            except Exception as exc:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
                continue
            for (_, done), count in zip(batch, counts, strict=True):
                if not done.done():
                    done.set_result(count)

    async def start_attempt(
        self, delivery_id: int, owner: str, target: ConversationTarget | None = None
    ) -> bool:
        extra: dict[str, Any] = {}
        if target is not None:
            extra = {"conversation_id": target.conversation_id, "service_url": target.service_url}
        return await self._fenced(
            delivery_id,
            owner,
            _PENDING,
            status=_SENDING,
            attempts=_D.attempts + 1,
            attempt_started_at=self._now(),
            **extra,
        )

    async def mark_sent(
        self, delivery_id: int, owner: str, http_status: int, activity_id: str | None
    ) -> bool:
        return await self._fenced(
            delivery_id,
            owner,
            _SENDING,
            status=DeliveryStatus.SENT.value,
            last_http_status=http_status,
            activity_id=activity_id,
            sent_at=self._now(),
            lease_owner=None,
            lease_expires_at=None,
        )

    async def mark_failed(
        self, delivery_id: int, owner: str, http_status: int | None, error: str
    ) -> bool:
        # A delivery can fail before any attempt (no conversation to send to): either status.
        for status in (_SENDING, _PENDING):
            if await self._fenced(
                delivery_id,
                owner,
                status,
                status=DeliveryStatus.FAILED.value,
                last_http_status=http_status,
                last_error=error[:_MAX_ERROR],
                lease_owner=None,
                lease_expires_at=None,
            ):
                return True
        return False

    async def retry_later(
        self,
        delivery_id: int,
        owner: str,
        available_at: datetime,
        http_status: int | None,
        error: str,
        *,
        throttled: bool,
    ) -> bool:
        counters: dict[str, Any] = {}
        if throttled:
            counters = {"attempts": _D.attempts - 1, "throttles": _D.throttles + 1}
        return await self._fenced(
            delivery_id,
            owner,
            _SENDING,
            status=_PENDING,
            available_at=as_utc(available_at),
            last_http_status=http_status,
            last_error=error[:_MAX_ERROR],
            lease_owner=None,
            lease_expires_at=None,
            **counters,
        )

    async def release(self, delivery_ids: list[int], owner: str) -> int:
        if not delivery_ids:
            return 0
        stmt = (
            update(DELIVERY)
            .where(_D.id.in_(delivery_ids), _D.lease_owner == owner, _D.status == _PENDING)
            .values(lease_owner=None, lease_expires_at=None, updated_at=self._now())
        )
        async with self._write() as conn:
            return rowcount(await conn.execute(stmt))

    async def mark_not_working(
        self, target: ConversationTarget, http_status: int, reason: str
    ) -> None:
        ref = CONVERSATION_REF.c
        stmt = (
            update(CONVERSATION_REF)
            .where(ref.conversation_id == target.conversation_id)
            .values(
                not_working_since=func.coalesce(
                    ref.not_working_since, literal(self._now(), DateTime(timezone=True))
                ),
                not_working_status=http_status,
                not_working_reason=reason[:_MAX_ERROR],
            )
        )
        await self._combined(stmt)

    async def cancel(self, delivery_id: int, owner: str, reason: str) -> bool:
        return await self._fenced(
            delivery_id,
            owner,
            _PENDING,
            status=DeliveryStatus.CANCELLED.value,
            last_error=reason[:_MAX_ERROR],
            lease_owner=None,
            lease_expires_at=None,
        )

    async def postpone(self, delivery_id: int, owner: str, available_at: datetime) -> bool:
        return await self._fenced(
            delivery_id,
            owner,
            _PENDING,
            available_at=as_utc(available_at),
            lease_owner=None,
            lease_expires_at=None,
        )

    async def take_over(self, owner: str, policy: DuplicatePolicy) -> int:
        now = self._now()
        others = and_(_D.lease_owner.is_not(None), _D.lease_owner != owner)
        async with self._write() as conn:
            released = rowcount(
                await conn.execute(
                    update(DELIVERY)
                    .where(others, _D.status == _PENDING)
                    .values(lease_owner=None, lease_expires_at=None, updated_at=now)
                )
            )
        return released + await self._reap(and_(others, _D.status == _SENDING), policy)

    async def reap_expired(self, policy: DuplicatePolicy) -> int:
        """Attempts whose sender's lease ran out: resend, or ``unknown`` for at-most-once kinds."""
        return await self._reap(
            and_(_D.status == _SENDING, _D.lease_expires_at <= self._now()), policy
        )

    async def _reap(self, expired: Any, policy: DuplicatePolicy) -> int:
        now = self._now()
        unknown_kinds = sorted(policy.at_most_once_kinds)
        cleared = {"lease_owner": None, "lease_expires_at": None, "updated_at": now}
        async with self._write() as conn:
            count = 0
            if unknown_kinds:
                count += rowcount(
                    await conn.execute(
                        update(DELIVERY)
                        .where(expired, _D.kind.in_(unknown_kinds))
                        .values(
                            status=DeliveryStatus.UNKNOWN.value,
                            last_error="sender lost its lease during the attempt",
                            **cleared,
                        )
                    )
                )
            count += rowcount(
                await conn.execute(
                    update(DELIVERY)
                    .where(expired)
                    .values(
                        status=_PENDING,
                        available_at=now,
                        last_error="sender lost its lease during the attempt; resending",
                        **cleared,
                    )
                )
            )
        return count

    # --- the shared send gate ---------------------------------------------------------------

    async def paused_until(self) -> datetime | None:
        conn = await self._read()
        try:
            async with conn.begin():
                value = (
                    await conn.execute(
                        select(SEND_GATE.c.paused_until).where(SEND_GATE.c.name == GLOBAL_GATE)
                    )
                ).scalar()
        finally:
            await conn.close()
        return from_db(value)

    async def pause(self, until: datetime) -> None:
        now, until = self._now(), as_utc(until)
        gate = SEND_GATE.c
        stmt = upsert(self._dialect, SEND_GATE).values(
            name=GLOBAL_GATE, paused_until=until, updated_at=now
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[gate.name],
            set_={"paused_until": until, "updated_at": now},
            where=or_(gate.paused_until.is_(None), gate.paused_until < until),
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    # --- for the idle wait and the metrics --------------------------------------------------

    async def next_due_at(self) -> datetime | None:
        conn = await self._read()
        try:
            async with conn.begin():
                value = (
                    await conn.execute(
                        select(func.min(_D.available_at)).where(_D.status == _PENDING)
                    )
                ).scalar()
        finally:
            await conn.close()
        return from_db(value)

    async def queue_stats(self) -> QueueStats:
        now = self._now()
        conn = await self._read()
        try:
            async with conn.begin():
                depth = (
                    await conn.execute(
                        select(func.count()).where(_D.status.in_([_PENDING, _SENDING]))
                    )
                ).scalar_one()
                oldest = (
                    await conn.execute(
                        select(func.min(_D.available_at)).where(
                            _D.status == _PENDING, _D.available_at <= now
                        )
                    )
                ).scalar()
        finally:
            await conn.close()
        oldest_at = from_db(oldest)
        age = max(0.0, (now - oldest_at).total_seconds()) if oldest_at else 0.0
        return QueueStats(depth=int(depth), oldest_due_age_seconds=age)
