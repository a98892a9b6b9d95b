"""Report inputs read from SQLite and PostgreSQL give the same report as the hand-computed
organisation built in memory (tests/domain/test_reports.py checks its every cell)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.reports import build_report, make_report
from storage.report_queries import SqlReportQueries
from tests.report_org import TELEWORK_WEEK, inputs, seed_report_org

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()


async def test_the_database_gives_the_hand_computed_report(engine: AsyncEngine) -> None:
    await seed_report_org(engine)
    request = ReportRequest(
        ReportRange.fiscal_year_of(2026, CALENDAR), telework_week=TELEWORK_WEEK, per_person=True
    )
    from_db = await make_report(SqlReportQueries(engine), request, POLICY, CALENDAR)
    in_memory = build_report(request, inputs(date(2025, 3, 25), date(2027, 4, 7)), POLICY, CALENDAR)
    assert from_db.current == in_memory.current
    assert from_db.previous == in_memory.previous
    assert from_db.total.headcount == 18
    assert from_db.total.meetings == 2


async def test_inputs_keep_only_confirmed_telework_in_the_range(engine: AsyncEngine) -> None:
    await seed_report_org(engine)
    read = await SqlReportQueries(engine).report_inputs(date(2026, 6, 1), date(2026, 6, 30))
    # P04's am+pm stay two rows (merged later); P18's cancelled, office and pending rows go.
    assert sorted(read.occasions) == ["P04", "P06"]
    assert sorted(read.occasions["P04"]) == [(date(2026, 6, 10), "am"), (date(2026, 6, 10), "pm")]
    assert read.meetings == [(date(2026, 6, 1), "大臣官房/総務課")]
    assert len(read.staff) == 20
    mover = next(m for m in read.staff if m.employee_id == "P11")
    assert read.history.unit_on(mover, date(2026, 9, 30)) == "関東局/総務課"
    assert read.history.unit_on(mover, date(2026, 10, 1)) == "大臣官房/会計課"


async def test_a_time_range_part_counts_as_its_half_day(engine: AsyncEngine) -> None:
    await seed_report_org(engine)
    read = await SqlReportQueries(engine).report_inputs(date(2026, 4, 8), date(2026, 4, 8))
    assert read.occasions == {"P03": [(date(2026, 4, 8), "pm")]}
