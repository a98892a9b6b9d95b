"""Quota status from telework counted per person and period in SQL equals the status computed
in Python from every occasion (the path it replaced), on a generated roster, on SQLite and
PostgreSQL: for results (confirmed) and for what is declared (confirmed or pending)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.nudges import NudgePlanner
from domain.policy import default_policy
from domain.quota import QuotaFrame, quota_statuses, quota_statuses_counted
from domain.schedule import occasion_part
from storage.engine import session_factory
from storage.nudge_facts import SqlNudgeFacts
from storage.schedule import LIVE, SqlSchedule
from storage.telework_counts import SqlTeleworkCounts
from tests.generated_roster import generate, seed

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
DAYS = (
    date(2026, 4, 1),  # the fiscal year's first day
    date(2026, 5, 6),  # a holiday (closed)
    date(2026, 7, 22),  # mid-week in July
    date(2026, 11, 26),
    date(2026, 12, 31),  # the year end (closed)
    date(2027, 3, 31),  # the fiscal year's last day
)


async def test_counted_statuses_equal_statuses_from_every_occasion(engine: AsyncEngine) -> None:
    roster = generate(16, 300, date(2026, 3, 20), date(2027, 4, 10))
    await seed(engine, roster)
    sessions = session_factory(engine)
    counts = SqlTeleworkCounts(sessions, POLICY.counting.time_ranges)
    start, end = date(2026, 3, 20), date(2027, 4, 10)
    occasions = await SqlSchedule(sessions).telework_occasions(start, end)
    facts = await SqlNudgeFacts(sessions).schedule(start, end, start, start)
    declared = {
        emp: [(d, occasion_part(p).value) for d, p in pairs]
        for emp, pairs in facts.telework.items()
    }
    assert any(len(v) > 3 for v in occasions.values())
    checked = 0
    for on in DAYS:
        frame = QuotaFrame(POLICY, CALENDAR, on)
        for states, by_person in ((("confirmed",), occasions), (LIVE, declared)):
            counted = await counts.per_period(
                frame.windows, on, CALENDAR.is_working_day, states=states
            )
            expected = list(quota_statuses(roster.staff, by_person, POLICY, CALENDAR, on))
            got = list(quota_statuses_counted(roster.staff, counted, frame))
            assert got == expected
            checked += sum(len(s.targets) for s in got)
    assert checked > 1000  # targets with telework done and planned were compared


async def test_nudge_decisions_from_counts_equal_decisions_from_every_occasion(
    engine: AsyncEngine,
) -> None:
    roster = generate(23, 300, date(2026, 3, 20), date(2027, 4, 10))
    await seed(engine, roster)
    facts = SqlNudgeFacts(session_factory(engine), POLICY.counting.time_ranges)
    decided = 0
    for today in (date(2026, 7, 22), date(2026, 11, 18), date(2026, 11, 19), date(2027, 3, 17)):
        planner = NudgePlanner(POLICY, CALENDAR, today)
        assert planner.any_due
        lo, hi = planner.occasion_window()
        occasions = (await facts.schedule(lo, hi, today, today)).telework
        counted = await facts.declared_per_period(
            list(planner.periods.values()), today, CALENDAR.is_working_day
        )
        for member in roster.staff:
            issued = {"general": 1} if member.employee_id.endswith("7") else {}
            expected = planner.decide(member, occasions.get(member.employee_id, ()), issued=issued)
            got = planner.decide_counted(member, counted.get(member.employee_id, {}), issued=issued)
            assert got == expected
            decided += expected is not None
    assert decided > 100


async def test_statuses_read_in_one_statement_equal_statuses_from_every_occasion(
    engine: AsyncEngine,
) -> None:
    roster = generate(29, 300, date(2026, 3, 20), date(2027, 4, 10))
    await seed(engine, roster)
    sessions = session_factory(engine)
    counts = SqlTeleworkCounts(sessions, POLICY.counting.time_ranges)
    start, end = date(2026, 3, 20), date(2027, 4, 10)
    occasions = await SqlSchedule(sessions).telework_occasions(start, end)
    facts = await SqlNudgeFacts(sessions).schedule(start, end, start, start)
    declared = {
        emp: [(d, occasion_part(p).value) for d, p in pairs]
        for emp, pairs in facts.telework.items()
    }
    staff = sorted(roster.staff, key=lambda m: m.employee_id)
    active = [m for m in staff if m.active]
    checked = 0
    for on in DAYS:
        frame = QuotaFrame(POLICY, CALENDAR, on)
        for states, by_person in ((("confirmed",), occasions), (LIVE, declared)):
            expected = list(quota_statuses(staff, by_person, POLICY, CALENDAR, on))
            assert await counts.quota_statuses(QuotaFrame(POLICY, CALENDAR, on), states=states) == (
                expected
            )
            got = await counts.quota_statuses(frame, states=states, active_only=True)
            assert got == [s for s in expected if s.employee_id in {m.employee_id for m in active}]
            checked += sum(len(s.targets) for s in got)
        # Only some periods counted (nudge planning): the others count as no telework.
        week = frame.windows[-1]
        per_week = await counts.per_period([week], on, CALENDAR.is_working_day, states=LIVE)
        expected = list(quota_statuses_counted(active, per_week, frame))
        assert any(s.targets and s.targets[-1].done + s.targets[-1].planned for s in expected)
        got = await counts.quota_statuses(frame, states=LIVE, active_only=True, windows=[week])
        assert got == expected
    assert checked > 1000  # targets with telework done and planned were compared
