"""The reference report read as it was at debad73: every confirmed telework row of the
window, each part counted by the time-range rule in Python (``_occasions`` verbatim); the
rest of the inputs as ``storage.report_queries`` reads them."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, literal_column, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.calendar import WorkCalendar
from domain.policy import Policy
from domain.report_model import ReportRequest
from domain.report_rows import Report
from domain.report_rules import RulesSource, read_rules_inputs
from domain.schedule import EntryState, EntryStatus, TimeRangeRule, occasion_part
from storage.report_queries import ENTRY, SqlReportQueries
from tests.report_reference.reports import build_report


async def reference_report(
    engine: AsyncEngine,
    request: ReportRequest,
    policy: Policy,
    calendar: WorkCalendar,
    rules_source: RulesSource | None = None,
) -> Report:
    """``make_report`` as it was: the same window, every occasion loaded."""
    rules = policy.counting.time_ranges
    previous_start, _ = calendar.fiscal_year_range(request.range.fiscal_year - 1)
    start, end = previous_start - timedelta(days=7), request.range.end + timedelta(days=7)
    inputs = await SqlReportQueries(engine, calendar.time_zone, rules).report_inputs(start, end)
    async with engine.connect() as conn:
        occasions = await _occasions(conn, start, end, rules)
    inputs = dataclasses.replace(inputs, occasions=occasions, days=None)
    figures = None
    if rules_source is not None:
        r = request.range
        figures = await read_rules_inputs(
            rules_source, r.start, r.end, request.reference_day, policy
        )
    return build_report(request, inputs, policy, calendar, figures)


async def _occasions(
    conn: AsyncConnection, start: date, end: date, time_ranges: TimeRangeRule
) -> dict[str, list[tuple[date, str]]]:
    c = ENTRY.c
    day: ColumnElement[Any] = c.day
    if conn.dialect.name == "sqlite":
        day = literal_column(f"+{ENTRY.name}.day")
    rows = (
        await conn.execute(
            select(c.employee_id, day, c.part).where(
                c.status == EntryStatus.TELEWORK.value,
                c.state == EntryState.CONFIRMED.value,
                day >= start.isoformat() if conn.dialect.name == "sqlite" else day >= start,
                day <= end.isoformat() if conn.dialect.name == "sqlite" else day <= end,
            )
        )
    ).all()
    days: dict[object, date] = {}
    parts: dict[str, str] = {}
    result: dict[str, list[tuple[date, str]]] = {}
    for employee_id, value, part in rows:
        when = days.get(value)
        if when is None:
            when = days[value] = value if isinstance(value, date) else date.fromisoformat(value)
        counted = parts.get(part)
        if counted is None:
            counted = parts[part] = occasion_part(part, time_ranges).value
        mine = result.get(employee_id)
        if mine is None:
            mine = result[employee_id] = []
        mine.append((when, counted))
    return result
