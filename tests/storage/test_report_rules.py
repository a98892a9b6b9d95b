"""What the report's 2026-rules figures read (SQLite and PostgreSQL): orders, places,
confirmed telework days, presence reports and each person's 府省着任日 from the roster."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.allowance import PlaceCategory, TeleworkOrder
from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.reports import make_report
from domain.roster import ImportPlan, StaffChange
from storage.allowance import SqlAllowance
from storage.engine import session_factory
from storage.org import SqlOrganisation
from storage.report_queries import SqlReportQueries
from storage.report_rules import SqlRulesQueries
from storage.schedule import SqlSchedule
from tests.domain.test_allowance import CALENDAR, weekdays_in
from tests.factories import TOKYO, UNITS, seed_staff, staff

MADE = datetime(2026, 9, 15, 10, tzinfo=TOKYO).astimezone(UTC)
START, UNTIL = date(2026, 9, 16), date(2027, 1, 29)
FIELD = ("ministry_since",)


async def seed(engine: AsyncEngine, moved: date | None) -> None:
    """A and B ordered Monday to Thursday from 9/16 to 1/29; B moved in from another
    ministry on ``moved`` (the roster's 府省着任日)."""
    await seed_staff(
        engine,
        staff("A"),
        staff("B", ministry_since=moved),
        staff("C1", is_section_chief=True),
    )
    sessions = session_factory(engine)
    store = SqlAllowance(sessions, clock=lambda: MADE)
    for person in ("A", "B"):
        await store.set_place(person, PlaceCategory.HOME, since=date(2026, 9, 1), actor=person)
        order = TeleworkOrder(person, "C1", START, UNTIL, MADE, ("mon", "tue", "wed", "thu"))
        await store.make_order(order, weekdays_in(START, UNTIL, {0, 1, 2, 3}))
    schedule = SqlSchedule(sessions)
    for kind, at in (
        ("start", datetime(2026, 11, 9, 9, tzinfo=TOKYO)),
        ("end", datetime(2026, 11, 9, 23, tzinfo=TOKYO)),
        ("start", datetime(2026, 11, 10, 8, tzinfo=TOKYO)),
    ):
        await schedule.record_presence("A", kind, at=at.astimezone(UTC))


async def test_the_roster_keeps_the_day_of_a_move_between_ministries(engine: AsyncEngine) -> None:
    await seed(engine, date(2026, 12, 10))
    organisation = SqlOrganisation(session_factory(engine))
    assert (await organisation.staff())["B"].ministry_since == date(2026, 12, 10)
    read = await organisation.member("A")
    assert read is not None and read.ministry_since is None
    member = await organisation.member("B")
    assert member is not None
    cleared = replace(member, ministry_since=None)  # a later import clears it
    plan = ImportPlan(units=UNITS, changes=[StaffChange("B", "updated", FIELD, cleared)])
    await organisation.apply_import(plan, actor="test")
    again = await organisation.member("B")
    assert again is not None and again.ministry_since is None


async def test_rules_inputs_read_the_ledger_presence_and_moves(engine: AsyncEngine) -> None:
    await seed(engine, date(2026, 12, 10))
    since = CALENDAR.at(date(2026, 11, 1), datetime.min.time())
    until = CALENDAR.at(date(2026, 12, 1), datetime.min.time())
    read = await SqlRulesQueries(session_factory(engine)).rules_inputs(
        date(2026, 11, 1), date(2026, 11, 30), since, until
    )
    assert sorted(o.employee_id for o in read.orders) == ["A", "B"]
    assert set(read.places) == {"A", "B"}
    assert {d.day.month for d in read.days} == {11}
    assert len(read.days) == 2 * len(
        weekdays_in(date(2026, 11, 1), date(2026, 11, 30), {0, 1, 2, 3})
    )
    assert [r.kind for r in read.presence] == ["start", "end", "start"]
    assert read.moves == {"B": date(2026, 12, 10)}


async def test_the_report_does_not_count_back_across_a_move(engine: AsyncEngine) -> None:
    """January: A is eligible on the November–January window; B, moved in on 12/10, has a
    new period from January whose window is January–March, with January's days only."""

    async def january_eligible() -> int | None:
        request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), as_of=date(2027, 1, 31))
        report = await make_report(
            SqlReportQueries(engine),
            request,
            default_policy(),
            CALENDAR,
            SqlRulesQueries(session_factory(engine)),
        )
        assert report.rules is not None
        return report.rules.total("eligible", 9)  # April … January

    await seed(engine, date(2026, 12, 10))
    assert await january_eligible() == 1  # A only
    organisation = SqlOrganisation(session_factory(engine))
    member = await organisation.member("B")
    assert member is not None
    plan = ImportPlan(
        units=UNITS,
        changes=[StaffChange("B", "updated", FIELD, replace(member, ministry_since=None))],
    )
    await organisation.apply_import(plan, actor="test")
    assert await january_eligible() == 2  # without the move B is eligible too
