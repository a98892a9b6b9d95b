"""Scheduled firings under a frozen clock: one replica per firing, missed ones recovered."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.delivery import Firing
from scheduler.clock import ReminderClock, ScheduledJob, cron_trigger, latest_due
from storage.ledger_fanout import SqlFiringLedger
from tests.fakes.clock import FrozenClock

TOKYO = ZoneInfo("Asia/Tokyo")
MONDAY_0900 = datetime(2026, 11, 30, 9, 0, tzinfo=TOKYO)


class Recorder:
    def __init__(self, fail: int = 0) -> None:
        self.firings: list[Firing] = []
        self.fail = fail

    async def __call__(self, firing: Firing) -> None:
        if self.fail:
            self.fail -= 1
            raise RuntimeError("fan-out failed")
        self.firings.append(firing)


def replica(
    engine: AsyncEngine, clock: FrozenClock, owner: str, handler: Recorder
) -> ReminderClock:
    jobs = [ScheduledJob("weekday-nudge", "0 9 * * mon-fri", handler)]
    return ReminderClock(jobs, SqlFiringLedger(engine, clock), clock=clock, owner=owner)


async def test_each_firing_runs_on_one_replica_only(engine: AsyncEngine) -> None:
    clock = FrozenClock(MONDAY_0900 + timedelta(seconds=1))
    handler = Recorder()
    a, b = replica(engine, clock, "a", handler), replica(engine, clock, "b", handler)
    assert await a.fire("weekday-nudge") is not None
    clock.advance(minutes=3)  # a late replica still names the 09:00 firing
    assert await b.fire("weekday-nudge") is None
    [firing] = handler.firings
    assert firing.period_key == "2026-11-30T09:00+09:00"
    assert firing.scheduled_for == MONDAY_0900
    clock.set(MONDAY_0900 + timedelta(days=1, seconds=2))
    assert await b.fire("weekday-nudge") is not None
    assert [f.period_key for f in handler.firings][-1] == "2026-12-01T09:00+09:00"


async def test_a_firing_missed_while_all_replicas_were_down_is_recovered_once(
    engine: AsyncEngine,
) -> None:
    clock = FrozenClock(MONDAY_0900 + timedelta(hours=5))
    handler = Recorder()
    [recovered] = await replica(engine, clock, "a", handler).reconcile()
    assert recovered.period_key == "2026-11-30T09:00+09:00"
    assert await replica(engine, clock, "b", handler).reconcile() == []
    clock.advance(hours=2)  # now 16:00: the 09:00 firing is outside the 6 h catch-up window
    assert (
        await replica(
            engine, FrozenClock(clock.now() + timedelta(days=1)), "c", handler
        ).reconcile()
        == []
    )
    assert len(handler.firings) == 1


async def test_saturday_has_nothing_to_recover(engine: AsyncEngine) -> None:
    clock = FrozenClock(datetime(2026, 12, 5, 10, 0, tzinfo=TOKYO))
    handler = Recorder()
    assert await replica(engine, clock, "a", handler).reconcile() == []
    assert handler.firings == []


async def test_an_abandoned_firing_is_rerun_after_it_goes_stale(engine: AsyncEngine) -> None:
    clock = FrozenClock(MONDAY_0900)
    handler = Recorder(fail=1)
    assert await replica(engine, clock, "a", handler).fire("weekday-nudge") is None
    assert await replica(engine, clock, "b", handler).reconcile() == []  # not stale yet
    clock.advance(minutes=16)
    [rerun] = await replica(engine, clock, "b", handler).reconcile()
    assert rerun.period_key == "2026-11-30T09:00+09:00" and handler.firings == [rerun]
    clock.advance(minutes=16)
    assert await replica(engine, clock, "c", handler).reconcile() == []


def test_weekdays_must_be_names_and_crons_five_fields() -> None:
    with pytest.raises(ValueError, match="names"):
        cron_trigger("0 9 * * 1-5", TOKYO)
    with pytest.raises(ValueError, match="5 fields"):
        cron_trigger("0 9 * *", TOKYO)
    trigger = cron_trigger("30 17 * * fri", TOKYO)
    friday = datetime(2026, 12, 4, 17, 30, tzinfo=TOKYO)
    assert latest_due(trigger, friday + timedelta(hours=1), timedelta(days=1)) == friday
    assert latest_due(trigger, friday - timedelta(minutes=1), timedelta(days=1)) is None


async def test_start_recovers_then_registers_jobs_in_tokyo_time(engine: AsyncEngine) -> None:
    clock = FrozenClock(MONDAY_0900 + timedelta(minutes=30))
    handler = Recorder()
    jobs = replica(engine, clock, "a", handler)
    await jobs.start()
    try:
        assert [f.period_key for f in handler.firings] == ["2026-11-30T09:00+09:00"]
        next_run = jobs.next_run_times()["weekday-nudge"]
        assert next_run.utcoffset() == timedelta(hours=9)
        assert (next_run.hour, next_run.minute) == (9, 0) and next_run.weekday() < 5
        assert "__reconcile__" in jobs.next_run_times()
    finally:
        await jobs.stop()
