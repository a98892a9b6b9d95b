"""The working calendar of a Japanese government office.

Offices close on weekends, national holidays (国民の祝日, including 振替休日 and 国民の休日),
the year-end closure (年末年始, 29 December – 3 January) and organisation closure days from
configuration. The fiscal year (年度) starts in April unless configured otherwise.

Reports and benchmarks ask these questions millions of times, so each year is computed once
and kept: the closed weekdays as a set and the working days as a sorted list of ordinals
(working-day arithmetic is then a binary search, not a day-by-day walk).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.national_holidays import national_holidays

DEFAULT_TIME_ZONE = "Asia/Tokyo"
ORG_CLOSURE_DEFAULT_NAME = "組織の休業日"

_WEEKDAY_NAMES_JA = ("月", "火", "水", "木", "金", "土", "日")


class ClosureKind(StrEnum):
    """Why an office is closed on a day."""

    WEEKEND = "weekend"
    NATIONAL_HOLIDAY = "national_holiday"  # 国民の祝日・休日 (incl. 振替休日, 国民の休日)
    YEAR_END = "year_end"  # 年末年始 12/29–1/3
    ORG_CLOSURE = "org_closure"  # organisation-specific closure day from configuration


@dataclass(frozen=True, slots=True)
class Closure:
    """A closed day's reason, with a name in Japanese and English (e.g. 振替休日 / Substitute
    Holiday; 土曜日 / Saturday; 年末年始 / Year-end closure)."""

    kind: ClosureKind
    name_ja: str
    name_en: str

    def name(self, lang: str) -> str:
        """The name in ``lang`` ("ja" or "en"; anything else falls back to Japanese)."""
        return self.name_en if lang == "en" else self.name_ja


_SATURDAY = Closure(ClosureKind.WEEKEND, "土曜日", "Saturday")
_SUNDAY = Closure(ClosureKind.WEEKEND, "日曜日", "Sunday")
_YEAR_END = Closure(ClosureKind.YEAR_END, "年末年始", "Year-end closure")


@dataclass(frozen=True, slots=True)
class _Year:
    """One calendar year, computed once: closures of weekdays and the working-day ordinals."""

    closed_weekdays: Mapping[date, Closure]  # non-weekend closed days (weekends are computed)
    holiday_names: Mapping[date, Closure]  # every national holiday, weekend ones included
    working: tuple[int, ...]  # ordinals of the working days, ascending


class WorkCalendar:
    """Working days, closures and fiscal years of one organisation.

    Working-day arithmetic (``add_working_days``) never counts the starting day itself: the
    result is the n-th working day strictly after (n > 0) or strictly before (n < 0) ``day``,
    whether or not ``day`` is open. So ``add_working_days(Saturday, 1)`` is the following
    Monday (if open), and ``add_working_days(Saturday, -1)`` the Friday before. ``n == 0``
    returns ``day`` unchanged, even when it is closed (use ``next_working_day(day,
    inclusive=True)`` to roll a closed day forward). For a working day ``d``,
    ``add_working_days(add_working_days(d, n), -n) == d``.

    National holidays are known for the years the ``holidays`` package covers for Japan
    (1949–2099; :mod:`domain.national_holidays` keeps its answers in a table); asking about a
    closure outside them raises ``CalendarRangeError`` rather than silently treating the year
    as having no holidays.
    """

    def __init__(
        self,
        time_zone: str = DEFAULT_TIME_ZONE,
        *,
        org_closures: Mapping[date, str] | Iterable[date] = (),
        fiscal_year_start_month: int = 4,
        year_end_closure: bool = True,
    ) -> None:
        if not 1 <= fiscal_year_start_month <= 12:
            raise ValueError(
                f"fiscal_year_start_month must be 1..12, not {fiscal_year_start_month}"
            )
        try:
            self.tz = ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {time_zone!r}") from exc
        self.time_zone = time_zone
        self.fiscal_year_start_month = fiscal_year_start_month
        self.year_end_closure = year_end_closure
        if isinstance(org_closures, Mapping):
            named: dict[date, str] = dict(org_closures)
        else:
            named = {d: ORG_CLOSURE_DEFAULT_NAME for d in org_closures}
        self.org_closures: Mapping[date, str] = named
        self._years: dict[int, _Year] = {}

    def __repr__(self) -> str:
        return (
            f"WorkCalendar({self.time_zone!r}, fiscal_year_start_month="
            f"{self.fiscal_year_start_month}, org_closures={len(self.org_closures)})"
        )

    # -- closures -------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether the office is open on ``day``."""
        if day.weekday() >= 5:
            return False
        return day not in self._year(day.year).closed_weekdays

    def closure_reason(self, day: date) -> Closure | None:
        """Why the office is closed on ``day``, or ``None`` when it is open.

        When several reasons apply, the most specific wins: a national holiday (元日 on
        1 January, not 年末年始), then the year-end closure, then an organisation closure day,
        then the weekend.
        """
        year = self._year(day.year)
        holiday = year.holiday_names.get(day)
        if holiday is not None:
            return holiday
        closed = year.closed_weekdays.get(day)
        if closed is not None:
            return closed
        if self._is_year_end(day):
            return _YEAR_END
        if day in self.org_closures:
            return Closure(ClosureKind.ORG_CLOSURE, self.org_closures[day], "Organisation closure")
        wd = day.weekday()
        if wd == 5:
            return _SATURDAY
        if wd == 6:
            return _SUNDAY
        return None

    def national_holidays(self, year: int) -> dict[date, str]:
        """The national holidays of a calendar year with their Japanese names."""
        return {d: c.name_ja for d, c in sorted(self._year(year).holiday_names.items())}

    # -- working-day arithmetic -----------------------------------------------------------

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after (n > 0) or before (n < 0) ``day``; see the class doc."""
        if n == 0:
            return day
        o = day.toordinal()
        year = day.year
        ords = self._year(year).working
        if n > 0:
            i = bisect_right(ords, o) + n - 1
            while i >= len(ords):
                i -= len(ords)
                year += 1
                ords = self._year(year).working
            return date.fromordinal(ords[i])
        i = bisect_left(ords, o) + n  # n < 0
        while i < 0:
            year -= 1
            ords = self._year(year).working
            i += len(ords)
        return date.fromordinal(ords[i])

    def next_working_day(self, day: date, *, inclusive: bool = False) -> date:
        """The first working day after ``day`` (or ``day`` itself if open and ``inclusive``)."""
        if inclusive and self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date, *, inclusive: bool = False) -> date:
        """The last working day before ``day`` (or ``day`` itself if open and ``inclusive``)."""
        if inclusive and self.is_working_day(day):
            return day
        return self.add_working_days(day, -1)

    def working_days(self, start: date, end: date) -> list[date]:
        """The working days from ``start`` to ``end``, both included (empty if start > end)."""
        return [date.fromordinal(o) for o in self.working_ordinals(start, end)]

    def count_working_days(self, start: date, end: date) -> int:
        """How many working days lie from ``start`` to ``end``, both included."""
        if start > end:
            return 0
        s, e = start.toordinal(), end.toordinal()
        total = 0
        for year in range(start.year, end.year + 1):
            ords = self._year(year).working
            total += bisect_right(ords, e) - bisect_left(ords, s)
        return total

    def working_ordinals(self, start: date, end: date) -> list[int]:
        """Like ``working_days`` but as ``date.toordinal()`` values (for tight loops)."""
        if start > end:
            return []
        s, e = start.toordinal(), end.toordinal()
        out: list[int] = []
        for year in range(start.year, end.year + 1):
            ords = self._year(year).working
            out.extend(ords[bisect_left(ords, s) : bisect_right(ords, e)])
        return out

    # -- fiscal year (年度) -----------------------------------------------------------------

    def fiscal_year(self, day: date) -> int:
        """The fiscal year of ``day``, named by the calendar year it starts in
        (FY2026 = 令和8年度 = 2026-04-01 … 2027-03-31 with an April start)."""
        return day.year if day.month >= self.fiscal_year_start_month else day.year - 1

    def fiscal_year_range(self, fiscal_year: int) -> tuple[date, date]:
        """First and last day (inclusive) of a fiscal year."""
        return fiscal_year_bounds(fiscal_year, self.fiscal_year_start_month)

    # -- time zone ------------------------------------------------------------------------

    def local_date(self, instant: datetime) -> date:
        """The office's local date at an aware instant (naive datetimes are refused)."""
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise ValueError("a timezone-aware datetime is required")
        return instant.astimezone(self.tz).date()

    def at(self, day: date, clock: time) -> datetime:
        """An aware datetime: ``day`` at local wall-clock ``clock`` in the office's time zone."""
        return datetime.combine(day, clock, tzinfo=self.tz)

    # -- internals ------------------------------------------------------------------------

    def _is_year_end(self, day: date) -> bool:
        if not self.year_end_closure:
            return False
        return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is not None:
            return cached
        holiday_names = {
            h.day: Closure(ClosureKind.NATIONAL_HOLIDAY, h.name_ja, h.name_en)
            for h in national_holidays(year)
        }
        closed: dict[date, Closure] = {}
        day = date(year, 1, 1)
        one = timedelta(days=1)
        working: list[int] = []
        while day.year == year:
            if day.weekday() < 5:
                reason: Closure | None = holiday_names.get(day)
                if reason is None and self._is_year_end(day):
                    reason = _YEAR_END
                if reason is None and day in self.org_closures:
                    reason = Closure(
                        ClosureKind.ORG_CLOSURE, self.org_closures[day], "Organisation closure"
                    )
                if reason is None:
                    working.append(day.toordinal())
                else:
                    closed[day] = reason
            day += one
        built = _Year(closed_weekdays=closed, holiday_names=holiday_names, working=tuple(working))
        self._years[year] = built
        return built


def fiscal_year_bounds(fiscal_year: int, start_month: int = 4) -> tuple[date, date]:
    """First and last day (inclusive) of ``fiscal_year`` for a fiscal year starting in
    ``start_month``."""
    first = date(fiscal_year, start_month, 1)
    if start_month == 1:
        return first, date(fiscal_year, 12, 31)
    return first, date(fiscal_year + 1, start_month, 1) - timedelta(days=1)


def weekday_ja(day: date) -> str:
    """The one-character Japanese weekday (月, 火, …) as chat shows it: 10/6(月)."""
    return _WEEKDAY_NAMES_JA[day.weekday()]
