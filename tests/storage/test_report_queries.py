"""Report inputs read from SQLite and PostgreSQL give the same report as the hand-computed
organisation built in memory (tests/domain/test_reports.py checks its every cell)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.report_rows import ReportInputs
from domain.reports import build_report, make_report
from storage.report_queries import ENTRY, SqlReportQueries, shared_snapshot
from tests.report_org import TELEWORK_WEEK, inputs, seed_report_org

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
NOW = datetime(2026, 4, 1, tzinfo=UTC)


def _days(read: ReportInputs) -> dict[str, list[tuple[date, str]]]:
    """``ReportInputs.days`` as (day, am|pm|full) per person and row, in order."""
    assert read.days is not None and not read.occasions
    parts = {1: "am", 2: "pm", 3: "full"}
    return {
        employee_id: sorted((date.fromordinal(code >> 2), parts[code & 3]) for code in codes)
        for employee_id, codes in read.days.items()
    }


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
    assert sorted(_days(read)) == ["P04", "P06"]
    assert _days(read)["P04"] == [(date(2026, 6, 10), "am"), (date(2026, 6, 10), "pm")]
    assert read.meetings == [(date(2026, 6, 1), "大臣官房/総務課")]
    assert len(read.staff) == 20
    mover = next(m for m in read.staff if m.employee_id == "P11")
    assert read.history.unit_on(mover, date(2026, 9, 30)) == "関東局/総務課"
    assert read.history.unit_on(mover, date(2026, 10, 1)) == "大臣官房/会計課"


async def test_a_time_range_part_counts_as_its_half_day(engine: AsyncEngine) -> None:
    await seed_report_org(engine)
    read = await SqlReportQueries(engine).report_inputs(date(2026, 4, 8), date(2026, 4, 8))
    assert _days(read) == {"P03": [(date(2026, 4, 8), "pm")]}


async def test_time_ranges_count_by_their_length_under_the_policy(engine: AsyncEngine) -> None:
    """Issue 14 item 6: 2 hours across noon is half a day (it used to be a full day); more
    than half of the standard working day is a full day, and the standard day is policy."""
    await seed_report_org(engine)
    async with engine.begin() as conn:
        await conn.execute(
            insert(ENTRY),
            [
                {"employee_id": emp, "day": date(2026, 4, 9), "part": part}
                | {"status": "telework", "state": "confirmed", "source": "test"}
                | {"created_at": NOW, "updated_at": NOW}
                for emp, part in (("P05", "11:00-13:00"), ("P16", "09:00-14:00"))
            ],
        )
    read = await SqlReportQueries(engine).report_inputs(date(2026, 4, 9), date(2026, 4, 9))
    assert _days(read) == {
        "P05": [(date(2026, 4, 9), "am")],
        "P16": [(date(2026, 4, 9), "full")],
    }
    long_days = POLICY.counting.model_copy(update={"standard_working_day": time(12, 0)})
    read = await SqlReportQueries(engine, "Asia/Tokyo", long_days.time_ranges).report_inputs(
        date(2026, 4, 9), date(2026, 4, 9)
    )
    assert _days(read)["P16"] == [(date(2026, 4, 9), "am")]  # 5 h ≤ 6 h
    request = ReportRequest(ReportRange.dates(date(2026, 4, 9), date(2026, 4, 9), CALENDAR))
    total = (await make_report(SqlReportQueries(engine), request, POLICY, CALENDAR)).total
    assert (total.occasions, total.person_days, total.half_days) == (2, 1.5, 1)


async def test_inputs_carry_each_persons_confirmed_days_without_hours(engine: AsyncEngine) -> None:
    """Issue 18 §2: confirmed 週休日（割振り0）days in the range, per person; pending ones,
    cancelled ones and days outside the range are not read."""
    await seed_report_org(engine)
    rows = [
        ("P05", date(2026, 7, 17), "confirmed"),
        ("P05", date(2026, 7, 24), "confirmed"),
        ("P06", date(2026, 7, 17), "pending"),
        ("P07", date(2026, 7, 17), "cancelled"),
        ("P08", date(2026, 8, 7), "confirmed"),
    ]
    async with engine.begin() as conn:
        await conn.execute(
            insert(ENTRY),
            [
                {"employee_id": emp, "day": day, "part": "full", "state": state}
                | {"status": "no_hours", "source": "test"}
                | {"created_at": NOW, "updated_at": NOW}
                for emp, day, state in rows
            ],
        )
    read = await SqlReportQueries(engine).report_inputs(date(2026, 7, 1), date(2026, 7, 31))
    assert {e: sorted(d) for e, d in read.no_hours.items()} == {
        "P05": [date(2026, 7, 17), date(2026, 7, 24)]
    }


async def test_postgresql_reads_telework_and_the_rest_in_one_snapshot(engine: AsyncEngine) -> None:
    """The report reads telework on a second connection while the first reads the rest
    (PostgreSQL): the second sees the first's snapshot, not a later one, and neither
    sees a row committed in between."""
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: on SQLite the report reads in one transaction")
    await seed_report_org(engine)
    count = select(func.count()).select_from(ENTRY)
    async with engine.connect() as conn:
        before = (await conn.execute(count)).scalar_one()
    async with shared_snapshot(engine) as (first, second):
        async with engine.begin() as conn:  # committed after the snapshot, before any read
            await conn.execute(
                insert(ENTRY),
                {"employee_id": "P05", "day": date(2026, 4, 9), "part": "full"}
                | {"status": "telework", "state": "confirmed", "source": "test"}
                | {"created_at": NOW, "updated_at": NOW},
            )
        assert (await second.execute(count)).scalar_one() == before
        assert (await first.execute(count)).scalar_one() == before
    async with engine.connect() as conn:
        assert (await conn.execute(count)).scalar_one() == before + 1
