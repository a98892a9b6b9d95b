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
    Date,
    Integer,
    Select,
    Subquery,
    case,
    cast,
    func,
    literal,
    literal_column,
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


def segment_counts(
    start: date,
    end: date,
    boundaries: Sequence[date],
    closed: Collection[date],
    states: Sequence[str],
    rule: TimeRangeRule,
    *,
    scan: bool = False,
) -> Select[Any]:
    """Per person and segment of ``start``…``end`` cut at ``boundaries`` (segment ``i``
    holds the days before ``boundaries[i]`` and on or after the one before it): the days
    with counted telework, and of them the days with a row other than a morning and the
    days with a row other than an afternoon. Then, as ``merge_by_day`` merges a day's rows,
    full days = ``not_am + not_pm - days`` and half days = ``2 * days - not_am - not_pm``
    (a morning-only day lacks a row other than a morning, an afternoon-only day one other
    than an afternoon; every other day is a full day). No grouping per person and day: SQL
    counts distinct days per segment, which is cheaper than grouping every day first.

    ``scan`` (SQLite only): read the window by scanning the table rather than through the
    day index, faster when the window holds most of the table (`+day` hides the index)."""
    c = ENTRY.c
    code = part_code(c.part, rule)
    day = c.day
    ranged = literal_column(f"+{ENTRY.name}.day", Date) if scan else day
    conditions = [
        c.status == EntryStatus.TELEWORK.value,
        c.state.in_(list(states)) if len(states) > 1 else c.state == states[0],
        ranged >= start,
        ranged <= end,
    ]
    wanted = sorted(d for d in closed if start <= d <= end)
    if wanted:
        conditions.append(day.not_in(wanted))
    cuts = sorted(set(boundaries))
    segment: ColumnElement[int] = (
        case(*((day < cut, index) for index, cut in enumerate(cuts)), else_=len(cuts))
        if cuts
        else literal(0)
    )
    label = segment.label("segment")
    return (
        select(
            c.employee_id,
            label,
            func.count(func.distinct(day)),
            func.count(func.distinct(case((code != AM, day)))),
            func.count(func.distinct(case((code != PM, day)))),
        )
        .where(*conditions)
        .group_by(c.employee_id, label)
    )


EPOCH = date(2000, 1, 1)  # a day subtracted in SQL (PostgreSQL reads date.min as -infinity)


def part_codes(start: date, end: date, rule: TimeRangeRule, dialect: str) -> Select[Any]:
    """Per person, every confirmed telework row from ``start`` to ``end`` in one column:
    ``ordinal * 4 + part_code`` per row (the day's ``date.toordinal()``; ``part_code`` 1 a
    morning, 2 an afternoon, 3 a full day), in no particular order: comma-separated text on
    SQLite, an integer array on PostgreSQL (asyncpg decodes it in C: reading and decoding
    5,000 staff's two years took 0.078 s against 0.092 s as text); ``parse_part_codes``
    reads either.

    One row per person instead of one per occasion: the report reads two years of everyone's
    telework, and building a Python row per occasion cost more than the query. The codes are
    bits, so a day's rows merge as ``telework_days`` merges them by OR-ing them (a morning
    and an afternoon make 3, a full day); ``domain.reports._working_days`` does it. No GROUP
    BY per day here: one ordered pass over the (employee_id, day) index, no sort (measured
    2-6x faster than grouping per day first, on SQLite and PostgreSQL)."""
    c = ENTRY.c
    sqlite = dialect == "sqlite"
    # SQLite: scan the (employee_id, day) index rather than search the (day, status) one
    day = literal_column(f"+{ENTRY.name}.day", Date) if sqlite else c.day
    ordinal: ColumnElement[int]
    if sqlite:  # julianday of a date is N.5; N - 1721424 is the ordinal
        ordinal = cast(func.julianday(c.day), Integer) - 1721424
    else:  # date - date is a number of days on PostgreSQL
        ordinal = (c.day - literal(EPOCH, Date)) + EPOCH.toordinal()
    code = ordinal * 4 + part_code(c.part, rule)
    joined = func.group_concat(code) if sqlite else func.array_agg(code)
    return (
        select(c.employee_id, joined)
        .where(
            c.status == EntryStatus.TELEWORK.value,
            c.state == "confirmed",
            day >= start,
            day <= end,
        )
        .group_by(c.employee_id)
    )


def parse_part_codes(joined: str | list[int] | None) -> list[int]:
    """The integers of one ``part_codes`` row."""
    if isinstance(joined, list):
        return joined
    return list(map(int, joined.split(","))) if joined else []
