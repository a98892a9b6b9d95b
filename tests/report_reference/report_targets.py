"""REFERENCE COPY (domain/report_targets.py at debad73) for the report equivalence tests.

Target attainment in reports: which periods of a category are judged, and whether one
person met each of them (the same counting and proration as ``domain.quota``)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from domain.calendar import WorkCalendar
from domain.periods import Period, PeriodKind, period_for
from domain.policy import Category
from domain.report_model import ReportRange

TeleworkDays = Sequence[tuple[int, bool]]
"""One person's telework as (date ordinal, full day?) pairs, one per day, ascending."""


def telework_days(pairs: Iterable[tuple[date, str]]) -> list[tuple[int, bool]]:
    """Merge (day, full|am|pm) pairs as ``domain.occasions.merge_by_day`` does (a morning
    and an afternoon of one day make a full day), in the compact form reports walk."""
    merged: dict[int, str] = {}
    for day, part in pairs:
        ordinal = day.toordinal()
        seen = merged.get(ordinal)
        if seen is None or part == "full":
            merged[ordinal] = part
        elif seen != part and seen != "full":
            merged[ordinal] = "full"
    return sorted((ordinal, part == "full") for ordinal, part in merged.items())


@dataclass(frozen=True, slots=True)
class JudgedPeriods:
    """One category's periods judged in a report, with a lookup from a day to its period.

    A month or week is judged when it ends inside the report's range on or before the
    reference day; the fiscal year is judged on its results up to the reference day.
    Periods without working days are never judged.
    """

    category_id: str
    count: int
    periods: tuple[Period, ...]
    working: tuple[tuple[int, ...], ...]  # working-day ordinals of each period
    last_working: tuple[int, ...]  # ordinal of each period's last working day
    period_of_day: Mapping[int, int]  # day ordinal (up to the reference day) → period index
    cutoff: int  # ordinal of the last day counted (the reference day)
    prorate: bool
    # An aim judged on average (目安): attained when the occasions reach ``count`` times the
    # periods that count (those with at least ``min_working_days`` working days from the
    # person's eligibility); ``met`` is then the periods of them with telework.
    on_average: bool = False
    min_working_days: int = 1

    def judge(
        self,
        days: TeleworkDays,
        eligible_from: date,
        half_day_occasions: int,
        no_hours: Sequence[int] = (),
    ) -> tuple[int, int, bool]:
        """(periods judged, periods met, attained) for one person's telework days.

        ``no_hours``: the ordinals (ascending) of the person's 週休日（割振り0）: days with no
        working hours allocated to them. They are working days of the organisation but not
        of the person, so a period is judged on the person's own working days: an aim's
        period counts only with at least ``min_working_days`` of them, and a period with
        none is never judged."""
        if self.on_average:
            return self._judge_on_average(days, eligible_from, half_day_occasions, no_hours)
        first = bisect_left(self.last_working, eligible_from.toordinal())
        skipped = {
            index
            for index in range(max(first, 0), len(self.periods))
            if no_hours and self._own_days(index, eligible_from.toordinal(), no_hours) == 0
        }
        judged = len(self.periods) - first - len(skipped)
        if judged <= 0:
            return 0, 0, False
        lo = bisect_left(days, (self.periods[first].start.toordinal(),))
        hi = bisect_right(days, (self.cutoff, True))
        done: dict[int, int] = {}
        lookup = self.period_of_day
        for position in range(lo, hi):
            ordinal, full = days[position]
            index = lookup.get(ordinal)
            if index is not None:
                done[index] = done.get(index, 0) + (1 if full else half_day_occasions)
        met = 0
        for index, occasions in done.items():
            if index not in skipped and occasions >= self._needed(index, eligible_from):
                met += 1
        return judged, met, met == judged

    def _own_days(self, index: int, start: int, no_hours: Sequence[int]) -> int:
        """The person's own working days of period ``index`` from ``start``: the
        organisation's working days less the person's 週休日."""
        working = self.working[index]
        first = working[bisect_left(working, start)] if working[-1] >= start else None
        if first is None:
            return 0
        remaining = len(working) - bisect_left(working, start)
        off = bisect_right(no_hours, working[-1]) - bisect_left(no_hours, first)
        return remaining - off

    def _judge_on_average(
        self,
        days: TeleworkDays,
        eligible_from: date,
        half_day_occasions: int,
        no_hours: Sequence[int],
    ) -> tuple[int, int, bool]:
        start = eligible_from.toordinal()
        counted = {
            index
            for index in range(len(self.working))
            if self._own_days(index, start, no_hours) >= self.min_working_days
        }
        if not counted:
            return 0, 0, False
        lo = bisect_left(days, (start,))
        hi = bisect_right(days, (self.cutoff, True))
        occasions = 0
        with_telework: set[int] = set()
        lookup = self.period_of_day
        for position in range(lo, hi):
            ordinal, full = days[position]
            index = lookup.get(ordinal)
            if index is not None:
                occasions += 1 if full else half_day_occasions
                if index in counted:
                    with_telework.add(index)
        judged = len(counted)
        return judged, len(with_telework), occasions >= self.count * judged

    def _needed(self, index: int, eligible_from: date) -> int:
        period = self.periods[index]
        if not self.prorate or eligible_from <= period.start:
            return self.count
        working = self.working[index]
        remaining = len(working) - bisect_left(working, eligible_from.toordinal())
        return -(-self.count * remaining // len(working))  # ceiling, as domain.quota


def judged_periods(
    category_id: str,
    category: Category,
    report_range: ReportRange,
    reference_day: date,
    calendar: WorkCalendar,
    *,
    prorate: bool,
    on_average: bool = False,
    min_working_days: int = 1,
) -> JudgedPeriods:
    """The periods of ``category`` that the report judges (see ``JudgedPeriods``)."""
    kind = category.target.period
    candidates: list[Period] = []
    if kind is PeriodKind.FISCAL_YEAR:
        candidates.append(period_for(kind, report_range.start, calendar))
    else:
        period = period_for(kind, report_range.start, calendar)
        while period.start <= report_range.end:
            if report_range.start <= period.end <= report_range.end and (
                period.end <= reference_day
            ):
                candidates.append(period)
            period = period_for(kind, period.end + timedelta(days=1), calendar)
    periods: list[Period] = []
    working: list[tuple[int, ...]] = []
    lookup: dict[int, int] = {}
    cutoff = reference_day.toordinal()
    for period in candidates:
        days = tuple(calendar.working_ordinals(period.start, period.end))
        if not days:
            continue
        index = len(periods)
        periods.append(period)
        working.append(days)
        for ordinal in range(period.start.toordinal(), min(period.end.toordinal(), cutoff) + 1):
            lookup[ordinal] = index
    return JudgedPeriods(
        category_id=category_id,
        count=category.target.count,
        periods=tuple(periods),
        working=tuple(working),
        last_working=tuple(days[-1] for days in working),
        period_of_day=lookup,
        cutoff=cutoff,
        prorate=prorate,
        on_average=on_average,
        min_working_days=min_working_days,
    )
