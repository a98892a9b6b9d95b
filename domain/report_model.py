"""What a telework report asks for and what it counts: the request, the counting rules and
the tallies (pure data; ``domain.reports`` fills them in).

Counting rules, stated in every output (``RULES``):

* 基準日 (reference day): the period's last day, or the day the report is produced if the
  period is not over yet. Figures after the reference day are not counted (future
  declarations are plans, not telework done).
* 集計対象 (population): the staff in post on the reference day (hired on or before it, not
  left). Each person is counted, with all of their telework in the period, under the org unit
  they belonged to on the reference day (moves are read from the ``staff.*`` events, so a
  past year's report does not change when people move later). Staff who left before the
  reference day are not counted; their number is shown as an exclusion.
* 実施可能職員数 (eligible): the population less people still in their conditional
  appointment period (条件付採用期間) on the reference day, and less work the policy takes out
  of the plan altogether (``[exemptions] reasons``; none by default: 国会業務・窓口業務 are
  exempt from the weekly aim only, so they stay eligible and keep the other targets).
* 実施者数: people of the population with at least one telework occasion in the period;
  the rate against the eligible headcount counts only eligible implementers, so neither
  rate can exceed 100%.
* Telework on a closed day (weekend, holiday, 12/29–1/3, closure) is never counted.
* A half day is one occasion and ``policy.counting.half_day_person_days`` person-days;
  a morning and an afternoon on the same day merge into one full day.
* Target attainment: every eligible member of a category is judged for each of the
  category's periods that ends inside the report's range on or before the reference day
  (a fiscal-year target is judged on the results up to the reference day); the first
  period after the conditional appointment is prorated as in ``domain.quota``. A person
  attains a category when every judged period is met; ``period_rate`` is the share of
  person-periods met (for the weekly aim: the share of eligible weeks with telework).
* Categories are read from the current roster (manager, care); sensitive categories are
  suppressed for groups smaller than ``policy.reports.care_min_group_size``, and so is every
  cell from which a suppressed one could be worked out (``domain.report_privacy``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.calendar import WorkCalendar, fiscal_year_bounds
from domain.report_scope import Scope as Scope  # its own module: the command line offers it


class RangeKind(StrEnum):
    """How the report's date range was chosen."""

    FISCAL_YEAR = "fiscal_year"
    MONTH = "month"
    DATES = "dates"


@dataclass(frozen=True, slots=True)
class ReportRange:
    """The days a report covers (inclusive), inside one fiscal year."""

    fiscal_year: int
    start: date
    end: date
    kind: RangeKind

    @classmethod
    def fiscal_year_of(cls, fiscal_year: int, calendar: WorkCalendar) -> ReportRange:
        first, last = calendar.fiscal_year_range(fiscal_year)
        return cls(fiscal_year, first, last, RangeKind.FISCAL_YEAR)

    @classmethod
    def month_of(cls, year: int, month: int, calendar: WorkCalendar) -> ReportRange:
        first = date(year, month, 1)
        return cls(calendar.fiscal_year(first), first, _month_end(first), RangeKind.MONTH)

    @classmethod
    def dates(cls, start: date, end: date, calendar: WorkCalendar) -> ReportRange:
        """A custom range; it must lie inside one fiscal year (ValueError otherwise)."""
        if start > end:
            raise ValueError(f"the range starts after it ends: {start} > {end}")
        fiscal_year = calendar.fiscal_year(start)
        if calendar.fiscal_year(end) != fiscal_year:
            raise ValueError(f"{start}…{end} spans two fiscal years; report each separately")
        return cls(fiscal_year, start, end, RangeKind.DATES)

    def previous_year(self) -> ReportRange:
        """The same range one year earlier (for the comparison with the previous year)."""
        if self.kind is RangeKind.FISCAL_YEAR:
            first, last = fiscal_year_bounds(self.fiscal_year - 1, self.start.month)
            return ReportRange(self.fiscal_year - 1, first, last, self.kind)
        start = year_before(self.start)
        if self.kind is RangeKind.MONTH:
            return ReportRange(self.fiscal_year - 1, start, _month_end(start), self.kind)
        return ReportRange(self.fiscal_year - 1, start, year_before(self.end), self.kind)


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def year_before(day: date) -> date:
    """The same month and day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 2, 28)


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """One report: range, scope (and optionally one org unit with everything under it), the
    day it is produced for, and the Telework Week (a campaign's date range) if any."""

    range: ReportRange
    scope: Scope = Scope.ALL
    unit: str | None = None
    as_of: date | None = None  # None: the range's end (a finished period)
    telework_week: tuple[date, date] | None = None
    generated_at: datetime | None = None
    per_person: bool = False  # admins only: a list of people (never care situations)

    @property
    def reference_day(self) -> date:
        """基準日: the range's end, or ``as_of`` when the range is not over yet."""
        if self.as_of is None:
            return self.range.end
        return min(self.range.end, self.as_of)


def default_telework_week(fiscal_year: int) -> tuple[date, date]:
    """The July Telework Week until campaigns supply it: Monday to Friday of the week of the
    third Monday of July (海の日), e.g. 2026-07-20 … 2026-07-24."""
    first = date(fiscal_year, 7, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7 + 14)
    return monday, monday + timedelta(days=4)


@dataclass(slots=True)
class CategoryTally:
    """Target attainment of one category in one group of people."""

    members: int = 0  # eligible members with at least one judged period
    attained: int = 0  # … who met every judged period
    periods_judged: int = 0
    periods_met: int = 0
    suppressed: bool = False  # sensitive and smaller than k (or suppressed to protect one)

    @property
    def rate(self) -> float | None:
        return self.attained / self.members if self.members else None

    @property
    def period_rate(self) -> float | None:
        return self.periods_met / self.periods_judged if self.periods_judged else None


@dataclass(slots=True)
class MonthTally:
    """One calendar month of the range (only days up to the reference day count)."""

    implementers: int = 0
    occasions: int = 0
    person_days: float = 0.0
    full_days: int = 0
    half_days: int = 0
    # 月1回以上: eligible people of the population (reference-day unit) who teleworked in it
    implementers_eligible: int = 0


@dataclass(slots=True)
class Tally:
    """Everything counted for one group of people (a scope, an org unit)."""

    headcount: int = 0  # the population: in post on the reference day, in this group then
    eligible: int = 0
    implementers: int = 0  # … of whom teleworked in the range (the rates' numerator)
    implementers_eligible: int = 0
    # Usage: everyone who teleworked in the range, each day in the unit they were in that
    # day (leavers and movers included); occasions, person-days and the months count them.
    teleworkers: int = 0
    occasions: int = 0
    person_days: float = 0.0
    full_days: int = 0
    half_days: int = 0
    meetings: int = 0
    months: list[MonthTally] = field(default_factory=list)
    categories: dict[str, CategoryTally] = field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        """実施率 against the headcount."""
        return self.implementers / self.headcount if self.headcount else None

    @property
    def rate_eligible(self) -> float | None:
        """実施率 against the eligible headcount (eligible implementers only)."""
        return self.implementers_eligible / self.eligible if self.eligible else None

    def once_a_month_rate(self, index: int) -> float | None:
        """月1回以上実施率 of one month: eligible staff who teleworked in it ÷ eligible."""
        if not self.eligible:
            return None
        return self.months[index].implementers_eligible / self.eligible

    def once_a_month_average(self, complete_months: int) -> float | None:
        """月1回以上実施率 over the year: the mean of the months that are over (the first
        ``complete_months``); None before the first month ends."""
        rates = [self.once_a_month_rate(i) for i in range(complete_months)]
        known = [r for r in rates if r is not None]
        return sum(known) / len(known) if known and len(known) == len(rates) else None

    @property
    def days_per_implementer(self) -> float | None:
        """延べ人日 ÷ 期間中の実施者数 (both usage figures)."""
        return self.person_days / self.teleworkers if self.teleworkers else None


@dataclass(frozen=True, slots=True)
class Exclusions:
    """Who is left out of the population or of the eligible headcount, and why."""

    left: int  # in post during the range but left before the reference day
    exempt: int  # exempt work (in the population, not eligible)
    conditional: int  # 条件付採用期間 on the reference day
    unknown_unit: int  # in post but in an org unit the chart does not know
    not_covered: int = 0  # 非常勤 (or another type the policy leaves out of the plan)
