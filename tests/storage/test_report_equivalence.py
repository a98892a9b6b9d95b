"""The report from SQL-merged days (issue 16 goal 2) gives exactly the figures of the report
as it was (``tests/report_reference``: every occasion of two years read into Python), on
SQLite and PostgreSQL: a generated roster with every edge case of the counting rules, and the
demo ministry with its movers, leavers, half days, Telework Week and 2026-rules inputs.

The previous year's body is built for the comparison only: the reference's is reduced to
that (``tests.report_reference.comparison``) before comparing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.policy import default_policy
from domain.report_model import (
    RangeKind,
    ReportRange,
    ReportRequest,
    Scope,
    default_telework_week,
)
from domain.reports import make_report
from storage.demo import seed_demo
from storage.demo_2026 import seed_rules_2026
from storage.engine import session_factory
from storage.report_queries import SqlReportQueries
from storage.report_rules import SqlRulesQueries
from tests.generated_roster import PLACES, generate, seed
from tests.report_reference.comparison import for_comparison
from tests.report_reference.read import reference_report

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
WEEK = default_telework_week(2026)

pytestmark = pytest.mark.timeout(180)


def _requests() -> list[ReportRequest]:
    year = ReportRange.fiscal_year_of(2026, CALENDAR)
    return [
        ReportRequest(year, telework_week=WEEK, per_person=True),
        ReportRequest(year, as_of=date(2026, 11, 18), telework_week=WEEK, per_person=True),
        ReportRequest(year, scope=Scope.HEAD_OFFICE, as_of=date(2027, 2, 10)),
        ReportRequest(year, scope=Scope.REGIONAL, telework_week=WEEK),
        ReportRequest(year, unit=PLACES[0].split("/")[0], telework_week=WEEK, per_person=True),
        ReportRequest(ReportRange.month_of(2026, 7, CALENDAR), telework_week=WEEK),
        ReportRequest(
            ReportRange(2026, date(2026, 5, 7), date(2026, 9, 30), RangeKind.DATES),
            as_of=date(2026, 8, 31),
            per_person=True,
        ),
    ]


async def test_a_generated_roster_gives_the_reference_figures(engine: AsyncEngine) -> None:
    await seed(engine, generate(41, 400, date(2025, 3, 20), date(2027, 4, 10)))
    source = SqlReportQueries(engine, CALENDAR.time_zone, POLICY.counting.time_ranges)
    for request in _requests():
        new = await make_report(source, request, POLICY, CALENDAR)
        old = await reference_report(engine, request, POLICY, CALENDAR)
        assert new == for_comparison(old), request
    assert new.total.teleworkers > 0  # the roster has telework in the ranges


async def test_the_demo_ministry_with_the_2026_rules_gives_the_reference_figures(
    engine: AsyncEngine,
) -> None:
    await seed_demo(engine, POLICY, staff=600, fiscal_year=2026, seed=5)
    today = date(2026, 12, 1)
    await seed_rules_2026(engine, POLICY, fiscal_year=2026, seed=5, today=today)
    source = SqlReportQueries(engine, CALENDAR.time_zone, POLICY.counting.time_ranges)
    rules = SqlRulesQueries(session_factory(engine))
    year = ReportRange.fiscal_year_of(2026, CALENDAR)
    for request in (
        ReportRequest(year, as_of=today, telework_week=WEEK, per_person=True),
        ReportRequest(year, as_of=date(2027, 3, 31), telework_week=WEEK),
    ):
        new = await make_report(source, request, POLICY, CALENDAR, rules)
        old = await reference_report(engine, request, POLICY, CALENDAR, rules)
        assert new == for_comparison(old), request
        assert new.rules is not None and new.rules.total("eligible", 6) is not None
    assert new.total.teleworkers > 100 and new.current.telework_week is not None
