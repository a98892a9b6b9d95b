"""Period keys: one spelling of "which year / month / week / day" for quotas, the delivery
ledger (``UNIQUE(user, kind, period_key)``) and reports.

=============  ===============  ==========================================================
kind           key              meaning
=============  ===============  ==========================================================
fiscal_year    ``FY2026``       令和8年度: 2026-04-01 … 2027-03-31 (with an April start)
month          ``FY2026-07``    July 2026, a month of FY2026
month          ``FY2026-01``    January **2027**: FY2026 contains exactly one January
week           ``2026-W48``     ISO 8601 week (Monday–Sunday), ISO week-numbering year
day            ``2026-11-26``   one date
=============  ===============  ==========================================================

A month key names the fiscal year first so that keys of one fiscal year share a prefix and a
month is never mistaken for a calendar-year month; the two digits are the calendar month.
Keys use ASCII digits only and round-trip exactly: ``parse_period_key(p.key) == p``.
Fiscal-year and month keys depend on the fiscal year's start month, so parse them with the
same calendar that made them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from domain.calendar import WorkCalendar, fiscal_year_bounds

_T = TypeVar("_T")


class PeriodKind(StrEnum):
    """The length of a period a target, a nudge or a report is counted over."""

    FISCAL_YEAR = "fiscal_year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class Period:
    """A named stretch of days, ``start`` to ``end`` inclusive, with its stable key."""

    kind: PeriodKind
    key: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        """Calendar days in the period."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.key


_FY = re.compile(r"FY([0-9]{4})")
_MONTH = re.compile(r"FY([0-9]{4})-(0[1-9]|1[0-2])")
_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def period_for(kind: PeriodKind | str, day: date, calendar: WorkCalendar) -> Period:
    """The period of ``kind`` that contains ``day``."""
    return period_for_start_month(PeriodKind(kind), day, calendar.fiscal_year_start_month)


def period_for_start_month(kind: PeriodKind, day: date, start_month: int) -> Period:
    """``period_for`` given only the fiscal year's start month (no holidays needed)."""
    if kind is PeriodKind.DAY:
        return Period(kind, day.isoformat(), day, day)
    if kind is PeriodKind.WEEK:
        iso = day.isocalendar()
        monday = day - timedelta(days=iso.weekday - 1)
        return Period(kind, f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(days=6))
    fy = day.year if day.month >= start_month else day.year - 1
    if kind is PeriodKind.FISCAL_YEAR:
        first, last = fiscal_year_bounds(fy, start_month)
        return Period(kind, f"FY{fy:04d}", first, last)
    first = day.replace(day=1)
    return Period(kind, f"FY{fy:04d}-{day.month:02d}", first, _month_end(first))


def parse_period_key(key: str, calendar: WorkCalendar | None = None) -> Period:
    """The period a key names; ``calendar`` gives the fiscal year's start month (April if
    omitted). Raises ``ValueError`` naming the key when it is not a valid period key."""
    start_month = calendar.fiscal_year_start_month if calendar is not None else 4
    if m := _FY.fullmatch(key):
        fy = int(m[1])
        first, last = _checked(key, lambda: fiscal_year_bounds(fy, start_month))
        return Period(PeriodKind.FISCAL_YEAR, key, first, last)
    if m := _MONTH.fullmatch(key):
        fy, month = int(m[1]), int(m[2])
        year = fy if month >= start_month else fy + 1
        first = _checked(key, lambda: date(year, month, 1))
        return Period(PeriodKind.MONTH, key, first, _month_end(first))
    if m := _WEEK.fullmatch(key):
        iso_year, week = int(m[1]), int(m[2])
        monday = _checked(key, lambda: date.fromisocalendar(iso_year, week, 1))
        return Period(PeriodKind.WEEK, key, monday, monday + timedelta(days=6))
    if _DAY.fullmatch(key):
        day = _checked(key, lambda: date.fromisoformat(key))
        return Period(PeriodKind.DAY, key, day, day)
    raise ValueError(
        f"not a period key: {key!r} (expected FY2026, FY2026-07, 2026-W48 or 2026-11-26)"
    )


def months_of_fiscal_year(fiscal_year: int, calendar: WorkCalendar) -> list[Period]:
    """The twelve month periods of a fiscal year, in order (for monthly breakdowns)."""
    first, _ = calendar.fiscal_year_range(fiscal_year)
    out: list[Period] = []
    month_start = first
    for _ in range(12):
        out.append(period_for(PeriodKind.MONTH, month_start, calendar))
        month_start = _month_end(month_start) + timedelta(days=1)
    return out


def _month_end(first: date) -> date:
    if first.month == 12:
        return date(first.year, 12, 31)
    return date(first.year, first.month + 1, 1) - timedelta(days=1)


def _checked(key: str, build: Callable[[], _T]) -> _T:
    try:
        return build()
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not a valid period: {key!r} ({exc})") from exc
