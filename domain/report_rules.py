"""The 2026 rules in the fiscal-year report (issue 18 §3): per month and 課室, how many people
were eligible for the 在宅勤務等手当 (yes or borderline) and how many 業務開始 came sooner
than the 勤務間インターバル after the previous day's 業務終了.

Counts only, never who. Each count sits in the 課室 the person was in at the time (the
roster's history): an eligible person on the month's last day (or the reference day in the
current month), an interval case on its day. Months after the reference day have no figure.
Pure: the caller reads :class:`RulesInputs` through a :class:`RulesSource`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Protocol

from domain.allowance import (
    Eligibility,
    PlaceSince,
    TeleworkDay,
    TeleworkOrder,
    assess_ledger,
    data_range,
    ledger_days,
    month_index,
    month_start,
)
from domain.calendar import WorkCalendar
from domain.org import OrgChart, OrgUnit, StaffMember
from domain.policy import Policy
from domain.report_history import StaffHistory
from domain.worktime import PresenceReport, interval_cases


@dataclass(frozen=True)
class RulesInputs:
    """What the figures read: every order (cancelled ones included), each person's place
    history, confirmed telework days of the allowance's data range, and the presence
    reports of the counted days (from the day before, for the first interval), and the
    day each person moved in from another ministry, where the roster records one."""

    orders: Sequence[TeleworkOrder] = ()
    places: Mapping[str, Sequence[PlaceSince]] = field(default_factory=dict)
    days: Sequence[TeleworkDay] = ()
    presence: Sequence[PresenceReport] = ()
    moves: Mapping[str, date] = field(default_factory=dict)  # 府省着任日 per person


class RulesSource(Protocol):
    """Port: reads the 2026 rules' inputs (implemented by ``storage.report_rules``)."""

    async def rules_inputs(
        self, first: date, last: date, since: datetime, until: datetime
    ) -> RulesInputs:
        """Orders and places; telework days of ``first``…``last``; presence reports at or
        after ``since`` and before ``until``."""
        ...


@dataclass(frozen=True)
class RulesSection:
    """One 課室's counts per month (None: the month is after the reference day)."""

    section: OrgUnit
    eligible: tuple[int | None, ...]
    warnings: tuple[int | None, ...]


@dataclass(frozen=True)
class RulesFigures:
    """The allowance-eligible headcount and interval warnings of a report's months."""

    months: tuple[date, ...]  # first day of each month of the range
    counted: int  # the first ``counted`` months have figures (up to the reference day)
    sections: tuple[RulesSection, ...]
    allowance: bool  # [allowance] enabled
    interval: bool  # [worktime] interval_check

    def total(self, column: str, index: int) -> int | None:
        """The sum over sections of ``eligible`` or ``warnings`` in month ``index`` (None:
        after the reference day)."""
        if index >= self.counted:
            return None
        return sum(getattr(s, column)[index] or 0 for s in self.sections)


def month_firsts(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s to ``last``'s."""
    return [month_start(i) for i in range(month_index(first), month_index(last) + 1)]


def month_last(month: date) -> date:
    return month_start(month_index(month) + 1) - timedelta(days=1)


def inputs_range(first: date, last: date, policy: Policy) -> tuple[date, date]:
    """The telework days the allowance reads for the months of ``first``…``last``."""
    start, _ = data_range(first.replace(day=1), policy.allowance)
    _, end = data_range(last.replace(day=1), policy.allowance)
    return start, end


def presence_range(
    first: date, reference: date, calendar: WorkCalendar
) -> tuple[datetime, datetime]:
    """The presence reports the interval cases of ``first``…``reference`` read."""
    return (
        calendar.at(first - timedelta(days=1), time(0)),
        calendar.at(reference + timedelta(days=1), time(0)),
    )


async def read_rules_inputs(
    source: RulesSource, first: date, last: date, reference: date, policy: Policy
) -> RulesInputs:
    """Read what :func:`rules_figures` needs for the range ``first``…``last``."""
    calendar = policy.work_calendar()
    start, end = inputs_range(first, last, policy)
    since, until = presence_range(first, min(last, reference), calendar)
    return await source.rules_inputs(start, end, since, until)


def section_placer(
    staff: Iterable[StaffMember], history: StaffHistory, chart: OrgChart
) -> Callable[[str, date], str | None]:
    """A function giving the 課室 a person was in on a day (None: not in post, or in no
    課室 the chart knows)."""
    members = {m.employee_id: m for m in staff}

    def section_on(employee_id: str, day: date) -> str | None:
        member = members.get(employee_id)
        if member is None or not history.in_post_on(member, day):
            return None
        unit = history.unit_on(member, day)
        section = chart.section_of(unit) if unit in chart else None
        return section.code if section else None

    return section_on


def rules_figures(
    first: date,
    last: date,
    reference: date,
    sections: Sequence[OrgUnit],
    section_on: Callable[[str, date], str | None],
    inputs: RulesInputs,
    policy: Policy,
    calendar: WorkCalendar,
) -> RulesFigures:
    """Per month of ``first``…``last`` and per 課室 of ``sections``: the eligible headcount
    and the interval warnings, counted up to ``reference`` (see the module docstring)."""
    months = month_firsts(first, last)
    counted = [m for m in months if m <= reference]
    codes = {s.code for s in sections}
    eligible: list[dict[str, int]] = [{} for _ in counted]
    if policy.allowance.enabled:
        rules = policy.allowance
        people = {o.employee_id for o in inputs.orders}  # nobody else can be eligible
        days = [d for d in inputs.days if d.employee_id in people]
        ledger = ledger_days(days, inputs.orders, inputs.places, rules, calendar)
        for i, month in enumerate(counted):
            day = min(reference, month_last(month))
            assessed = assess_ledger(
                month, people, ledger, inputs.orders, rules, calendar, inputs.moves
            )
            for result in assessed:
                if result.eligibility is Eligibility.NO:
                    continue
                code = section_on(result.employee_id, day)
                if code in codes:
                    eligible[i][code] = eligible[i].get(code, 0) + 1
    warnings: list[dict[str, int]] = [{} for _ in counted]
    if policy.worktime.interval_check:
        for case in interval_cases(inputs.presence, policy.worktime, calendar.tz):
            if not first <= case.day <= min(last, reference):
                continue
            code = section_on(case.employee_id, case.day)
            if code in codes:
                i = month_index(case.day) - month_index(months[0])
                warnings[i][code] = warnings[i].get(code, 0) + 1
    after = (None,) * (len(months) - len(counted))
    rows = tuple(
        RulesSection(
            section,
            tuple(e.get(section.code, 0) for e in eligible) + after,
            tuple(w.get(section.code, 0) for w in warnings) + after,
        )
        for section in sections
    )
    return RulesFigures(
        tuple(months), len(counted), rows, policy.allowance.enabled, policy.worktime.interval_check
    )
