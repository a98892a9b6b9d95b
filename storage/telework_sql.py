"""Telework merged per person and day in SQL, for aggregates that never load every occasion
into Python (quota status, nudge planning, reports).

The rules are those of ``domain.occasions`` and ``domain.schedule.TimeRangeRule``, written as
SQL: each row's part counts as a morning (1), an afternoon (2) or a full day (3) — a time
range by the minutes it covers —; the rows of one person and day merge into a full day when
any is full or a morning and an afternoon were both recorded; telework on a closed day never
counts (the caller passes the closed days of the window). ``tests/storage`` checks the part
codes against ``TimeRangeRule.part`` and the merge against ``merge_by_day`` on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Subquery,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)

from domain.schedule import NOON, EntryStatus, TimeRangeRule
from storage.schedule import ScheduleEntryRow

ENTRY = ScheduleEntryRow.__table__  # type: ignore[attr-defined]
AM, PM, FULL = 1, 2, 3


def _least(a: ColumnElement[Any], b: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((a < b, a), else_=b)


def _greatest(a: ColumnElement[Any], b: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((a > b, a), else_=b)


def _minutes(part: ColumnElement[str], at: int) -> ColumnElement[int]:
    """``HH:MM`` starting at character ``at`` (1-based) as minutes of the day."""
    hours = cast(func.substr(part, at, 2), Integer)
    return hours * 60 + cast(func.substr(part, at + 3, 2), Integer)


def part_code(part: ColumnElement[str], rule: TimeRangeRule) -> ColumnElement[int]:
    """1 (am), 2 (pm) or 3 (full): ``TimeRangeRule.part`` of a stored part, in SQL. A time
    range is ``HH:MM-HH:MM`` or open, ``HH:MM-`` (to the end of the working day)."""
    start = _minutes(part, 1)
    end = case(
        (func.length(part) == 6, _greatest(start, literal(rule.day_end_minutes))),
        else_=_minutes(part, 7),
    )
    noon = literal(NOON)
    zero = literal(0)
    morning = _greatest(zero, _least(end, noon) - start)
    afternoon = _greatest(zero, end - _greatest(start, noon))
    time_range = case(
        (2 * (end - start) > rule.standard_minutes, FULL),
        (morning > afternoon, AM),
        (morning < afternoon, PM),
        (start < noon, AM),
        else_=PM,
    )
    return case((part == "full", FULL), (part == "am", AM), (part == "pm", PM), else_=time_range)


def telework_days(
    start: date,
    end: date,
    closed: Collection[date],
    states: Sequence[str],
    rule: TimeRangeRule,
) -> Subquery:
    """One row per person and day with counted telework from ``start`` to ``end``:
    ``employee_id``, ``day``, ``full`` (1 a full day, 0 a half day). ``closed``: the closed
    days of the window (their telework never counts); ``states``: which entry states count
    (confirmed only for results, confirmed or pending for what is declared)."""
    c = ENTRY.c
    code = part_code(c.part, rule)
    conditions = [
        c.status == EntryStatus.TELEWORK.value,
        c.state.in_(list(states)) if len(states) > 1 else c.state == states[0],
        c.day >= start,
        c.day <= end,
    ]
    wanted = sorted(d for d in closed if start <= d <= end)
    if wanted:
        conditions.append(c.day.not_in(wanted))
    grouped = (
        select(
            c.employee_id,
            c.day,
            func.max(code).label("hi"),
            func.min(code).label("lo"),
        )
        .where(*conditions)
        .group_by(c.employee_id, c.day)
        .subquery("parts")
    )
    full = case((or_(grouped.c.hi == FULL, grouped.c.lo != grouped.c.hi), 1), else_=0)
    return select(grouped.c.employee_id, grouped.c.day, full.label("full")).subquery("days")


def counts_in(days: Subquery, first: date, last: date, *, full: bool) -> ColumnElement[int]:
    """``SUM`` of the full (or half) days of ``days`` from ``first`` to ``last``."""
    if last < first:
        return literal(0)
    inside = and_(days.c.day >= first, days.c.day <= last, days.c.full == (1 if full else 0))
    return func.sum(case((inside, 1), else_=0))


def per_person(days: Subquery, columns: Sequence[ColumnElement[Any]]) -> Select[Any]:
    """``SELECT employee_id, columns… FROM days GROUP BY employee_id``."""
    return select(days.c.employee_id, *columns).group_by(days.c.employee_id)
