"""The SQL delivery ledger on SQLite and PostgreSQL: idempotent writes, leases, fencing, reaping."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.delivery import DeliveryStatus, DuplicatePolicy, NewDelivery
from storage.engine import session_factory
from storage.ledger import SqlDeliveryLedger
from storage.ledger_admin import cancel_run, resend_failed, run_progress
from storage.ledger_fanout import SqlFiringLedger, enqueue, fan_out
from storage.ledger_sql import CONVERSATION_REF, DELIVERY, EVENT
from tests.fakes.clock import FrozenClock
from tests.fakes.ledger_data import add_deliveries, add_refs, conversation, deliveries, user

LEASE = timedelta(seconds=30)
URL = "https://smba.example/jp/"


async def test_fan_out_from_a_select_is_rerunnable(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    await add_refs(engine, range(5), URL)
    recipients = select(CONVERSATION_REF.c.user_key).where(
        CONVERSATION_REF.c.conversation_type == "personal"
    )
    firings = SqlFiringLedger(engine, clock)
    run_id = await firings.claim_firing("daily", "2026-12-01T09:00+09:00", clock.now(), "a")
    sessions = session_factory(engine)
    for expected in (5, 0):
        async with sessions.begin() as session:
            added = await fan_out(
                session,
                recipients=recipients,
                kind="reminder",
                period_key="2026-12-01",
                payload={"type": "message", "text": "出勤予定を登録してください"},
                now=clock.now(),
                run_id=run_id,
            )
        assert added == expected
    rows = await deliveries(engine)
    assert sorted(r.recipient for r in rows) == [user(n) for n in range(5)]
    assert {r.run_id for r in rows} == {run_id}
    assert rows[0].payload["text"] == "出勤予定を登録してください"
    assert all(r.status == "pending" and r.attempts == 0 for r in rows)


async def test_enqueue_commits_or_rolls_back_with_the_callers_transaction(
    engine: AsyncEngine,
) -> None:
    clock = FrozenClock()
    sessions = session_factory(engine)
    message = NewDelivery(user(1), "approval", "decl-42", {"text": "承認されました"})
    async with sessions.begin() as session:
        assert await enqueue(session, message, now=clock.now()) is not None
        await session.rollback()
    assert await deliveries(engine) == []
    async with sessions.begin() as session:
        first = await enqueue(session, message, now=clock.now())
    async with sessions.begin() as session:
        again = await enqueue(session, message, now=clock.now())
    assert first is not None and again is None
    assert len(await deliveries(engine)) == 1


async def test_claims_do_not_overlap_and_resolve_the_latest_service_url(
    engine: AsyncEngine,
) -> None:
    clock = FrozenClock()
    await add_refs(engine, range(30), URL)
    await add_deliveries(engine, range(30), now=clock.now())
    ledger = SqlDeliveryLedger(engine, clock)
    claimed = await asyncio.gather(*(ledger.claim(f"w{i}", 4, LEASE) for i in range(10)))
    ids = [d.id for batch in claimed for d in batch]
    assert len(ids) == 30 and len(set(ids)) == 30
    first = next(d for batch in claimed for d in batch if d.recipient == user(3))
    assert first.target is not None and first.target.conversation_id == conversation(3)
    assert first.target.service_url == URL
    assert await ledger.claim("late", 10, LEASE) == []


async def test_an_unknown_recipient_has_no_target(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    await add_deliveries(engine, [7], now=clock.now())
    ledger = SqlDeliveryLedger(engine, clock)
    [claimed] = await ledger.claim("me", 10, LEASE)
    assert claimed.target is None
    assert await ledger.mark_failed(claimed.id, "me", None, "no conversation reference")
    [row] = await deliveries(engine)
    assert row.status == "failed" and row.last_error == "no conversation reference"


async def test_completion_is_fenced_on_the_lease(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    await add_refs(engine, [1], URL)
    await add_deliveries(engine, [1], now=clock.now())
    ledger = SqlDeliveryLedger(engine, clock)
    [mine] = await ledger.claim("old", 10, LEASE)
    assert await ledger.claim("new", 10, LEASE) == []
    clock.advance(seconds=31)
    [theirs] = await ledger.claim("new", 10, LEASE)  # the old claim expired unattempted
    assert theirs.id == mine.id
    assert not await ledger.start_attempt(mine.id, "old")
    assert await ledger.start_attempt(theirs.id, "new", theirs.target)
    assert not await ledger.mark_sent(mine.id, "old", 201, "x")
    assert await ledger.mark_sent(theirs.id, "new", 201, "activity-1")
    [row] = await deliveries(engine)
    assert (row.status, row.activity_id, row.attempts, row.last_http_status) == (
        "sent",
        "activity-1",
        1,
        201,
    )
    assert row.lease_owner is None and row.conversation_id == conversation(1)


async def test_reaper_resends_or_marks_unknown_by_kind(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    await add_refs(engine, range(4), URL)
    await add_deliveries(engine, [0, 1], now=clock.now(), kind="reminder")
    await add_deliveries(engine, [2, 3], now=clock.now(), kind="meeting-invite")
    ledger = SqlDeliveryLedger(engine, clock)
    claimed = await ledger.claim("dead", 10, LEASE)
    for d in claimed[:3]:  # three attempts start; the fourth was claimed but never attempted
        assert await ledger.start_attempt(d.id, "dead", d.target)
    policy = DuplicatePolicy(at_most_once_kinds=frozenset({"meeting-invite"}))
    assert await ledger.reap_expired(policy) == 0  # leases still live
    clock.advance(seconds=31)
    assert await ledger.reap_expired(policy) == 3
    status = {r.recipient: r.status for r in await deliveries(engine)}
    assert status == {
        user(0): "pending",
        user(1): "pending",
        user(2): "unknown",
        user(3): "pending",
    }
    again = await ledger.claim("next", 10, LEASE)
    assert sorted(d.recipient for d in again) == [user(0), user(1), user(3)]


async def test_a_throttle_refunds_the_attempt_and_a_retry_counts_it(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    await add_refs(engine, [1, 2], URL)
    await add_deliveries(engine, [1, 2], now=clock.now())
    ledger = SqlDeliveryLedger(engine, clock)
    a, b = await ledger.claim("me", 10, LEASE)
    for d in (a, b):
        await ledger.start_attempt(d.id, "me", d.target)
    later = clock.now() + timedelta(seconds=7)
    assert await ledger.retry_later(a.id, "me", later, 429, "slow down", throttled=True)
    assert await ledger.retry_later(b.id, "me", later, 503, "busy", throttled=False)
    rows = {r.id: r for r in await deliveries(engine)}
    assert (rows[a.id].attempts, rows[a.id].throttles) == (0, 1)
    assert (rows[b.id].attempts, rows[b.id].throttles) == (1, 0)
    assert await ledger.claim("me", 10, LEASE) == []  # not due yet
    assert await ledger.next_due_at() == later
    clock.advance(seconds=7)
    assert len(await ledger.claim("me", 10, LEASE)) == 2


async def test_one_leader_at_a_time(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    ledger = SqlDeliveryLedger(engine, clock)
    ttl = timedelta(seconds=15)
    assert await ledger.acquire_leadership("a", ttl)
    assert not await ledger.acquire_leadership("b", ttl)
    clock.advance(seconds=10)
    assert await ledger.acquire_leadership("a", ttl)  # renewal
    clock.advance(seconds=10)
    assert not await ledger.acquire_leadership("b", ttl)
    clock.advance(seconds=6)
    assert await ledger.acquire_leadership("b", ttl)
    assert not await ledger.acquire_leadership("a", ttl)
    await ledger.release_leadership("b")
    assert await ledger.acquire_leadership("a", ttl)


async def test_a_restarted_replica_takes_its_own_live_lease_and_nobody_elses(
    engine: AsyncEngine,
) -> None:
    clock = FrozenClock()
    ledger = SqlDeliveryLedger(engine, clock)
    ttl = timedelta(seconds=3)
    assert await ledger.acquire_leadership("r_1/1", ttl)
    assert not await ledger.acquire_leadership("r%/9", ttl, succeeding="r%/")  # no wildcard
    assert not await ledger.acquire_leadership("x/1", ttl, succeeding="x/")
    assert await ledger.acquire_leadership("r_1/2", ttl, succeeding="r_1/")  # at once
    assert not await ledger.acquire_leadership("r_1/1", ttl)  # the old incarnation is out


async def test_the_new_leader_takes_over_every_other_claim(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    ledger = SqlDeliveryLedger(engine, clock)
    await add_refs(engine, range(4), "http://127.0.0.1:9")
    await add_deliveries(engine, range(4), now=clock.now())
    old = await ledger.claim("old/1", 3, LEASE)
    assert await ledger.start_attempt(old[0].id, "old/1")
    mine = await ledger.claim("new/1", 10, LEASE)
    assert len(mine) == 1
    assert await ledger.take_over("new/1", DuplicatePolicy()) == 3
    rows = {r.id: r for r in await deliveries(engine)}
    assert rows[mine[0].id].lease_owner == "new/1"  # its own claims stay
    assert all(rows[d.id].lease_owner is None and rows[d.id].status == "pending" for d in old)
    assert not await ledger.mark_sent(old[0].id, "old/1", 200, "x")  # fenced out


async def test_the_send_gate_only_lengthens_a_pause(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    ledger = SqlDeliveryLedger(engine, clock)
    assert await ledger.paused_until() is None
    far, near = clock.now() + timedelta(seconds=30), clock.now() + timedelta(seconds=5)
    await ledger.pause(far)
    await ledger.pause(near)
    assert await ledger.paused_until() == far


async def test_firing_claims_are_won_once_and_stale_ones_reclaimed(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    firings = SqlFiringLedger(engine, clock)
    when = clock.now()
    won = await asyncio.gather(
        *(firings.claim_firing("nudge", "2026-12-01T09:00", when, f"r{i}") for i in range(5))
    )
    assert len([w for w in won if w is not None]) == 1
    assert await firings.reclaim_stale_firings("r9", timedelta(minutes=10)) == []
    clock.advance(minutes=11)
    [stale] = await firings.reclaim_stale_firings("r9", timedelta(minutes=10))
    assert (stale.job, stale.period_key, stale.scheduled_for) == ("nudge", "2026-12-01T09:00", when)
    await firings.complete_firing(stale.run_id)
    clock.advance(minutes=11)
    assert await firings.reclaim_stale_firings("r9", timedelta(minutes=10)) == []


async def test_operators_cancel_and_resend_a_run_and_it_is_logged(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    firings = SqlFiringLedger(engine, clock)
    run_id = await firings.claim_firing("nudge", "p", clock.now(), "r")
    assert run_id is not None
    await add_refs(engine, range(6), URL)
    await add_deliveries(engine, range(6), now=clock.now(), run_id=run_id)
    ledger = SqlDeliveryLedger(engine, clock)
    claimed = await ledger.claim("me", 2, LEASE)
    for d in claimed:
        await ledger.start_attempt(d.id, "me", d.target)
    await ledger.mark_sent(claimed[0].id, "me", 201, "x")
    await ledger.mark_failed(claimed[1].id, "me", 403, "blocked")
    assert await cancel_run(engine, run_id, now=clock.now(), actor="admin") == 4
    progress = await run_progress(engine, run_id)
    assert (
        progress.count(DeliveryStatus.SENT),
        progress.count(DeliveryStatus.FAILED),
        progress.count(DeliveryStatus.CANCELLED),
        progress.total,
    ) == (1, 1, 4, 6)
    assert await resend_failed(engine, run_id, now=clock.now(), actor="admin") == 1
    assert (await run_progress(engine, run_id)).count(DeliveryStatus.PENDING) == 1
    async with engine.connect() as conn:
        kinds = (await conn.execute(select(EVENT.c.kind).order_by(EVENT.c.id))).scalars().all()
    assert kinds == ["delivery.cancelled", "delivery.resend_failed"]


async def test_queue_stats_count_open_rows_and_age_the_oldest_due(engine: AsyncEngine) -> None:
    clock = FrozenClock()
    await add_deliveries(engine, range(3), now=clock.now())
    clock.advance(seconds=90)
    stats = await SqlDeliveryLedger(engine, clock).queue_stats()
    assert (stats.depth, stats.oldest_due_age_seconds) == (3, 90.0)
    async with engine.connect() as conn:
        assert (await conn.execute(select(DELIVERY.c.id))).all()
