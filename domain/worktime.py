"""Working time from what staff already report: start, end and breaks of each day, and the
勤務間インターバル (rest between the end of one day's work and the start of the next).

Presence reports (業務開始, 離席, 戻りました, 会議中, 業務終了) are timestamped; this module
turns one person's reports into work periods and days, and finds the starts that come less
than the policy's interval after the previous day's end. Nothing here knows who may see the
result: the callers show a person their own case and a chief only counts per section.

Source of the default interval: 人事院規則15-14 (職員の勤務時間、休日及び休暇) 第1条の2, in
force from April 2024, makes securing rest between the end of one day's work and the start of
the next (勤務間のインターバル) an endeavour duty of each ministry; the 人事院's notice 職職―78
(令和6年3月29日, 「勤務間のインターバル確保について」) takes 11 hours as the aim (目安; the
figure checked against press reports only, see the policy file). ``[worktime]
interval_hours`` changes it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from domain.schedule import EntryState, ScheduleEntry, part_minutes

START, END, AWAY, BACK, MEETING = "start", "end", "away", "back", "meeting"
PRESENCE_KINDS = (START, END, AWAY, BACK, MEETING)


class WorkTimeRules(BaseModel):
    """Policy section ``[worktime]``: the 勤務間インターバル check."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interval_check: bool = True
    interval_hours: float = Field(11, gt=0, le=24)

    @property
    def interval(self) -> timedelta:
        """The rest a person should have between one day's end and the next start."""
        return timedelta(hours=self.interval_hours)


@dataclass(frozen=True, slots=True)
class PresenceReport:
    """One timestamped presence report (``kind`` is one of :data:`PRESENCE_KINDS`)."""

    employee_id: str
    kind: str
    at: datetime  # aware


@dataclass(frozen=True, slots=True)
class Break:
    """離席 … 戻りました; ``end`` is None when nobody said they were back."""

    start: datetime
    end: datetime | None


@dataclass(frozen=True, slots=True)
class WorkPeriod:
    """From one 業務開始 to the 業務終了 after it (``end`` None: never reported)."""

    employee_id: str
    start: datetime
    end: datetime | None
    breaks: tuple[Break, ...] = ()

    def day(self, tz: ZoneInfo) -> date:
        """The local day the period belongs to: the day it started."""
        return self.start.astimezone(tz).date()


@dataclass(frozen=True, slots=True)
class IntervalCase:
    """A start that came less than the interval after the previous day's end."""

    employee_id: str
    day: date  # local day of the start
    previous_end: datetime
    start: datetime

    @property
    def rest(self) -> timedelta:
        return self.start - self.previous_end


class PresenceHistory(Protocol):
    """Presence reports as recorded (implemented in storage)."""

    async def presence_reports(
        self, since: datetime, until: datetime, employee_ids: Sequence[str] | None = None
    ) -> list[PresenceReport]:
        """Reports with ``since <= at < until`` (everyone's when ``employee_ids`` is None),
        in time order."""
        ...


def work_periods(reports: Iterable[PresenceReport]) -> list[WorkPeriod]:
    """Each person's work periods, in time order.

    A period opens at a 業務開始 and closes at the next 業務終了; a second 業務開始 while a
    period is open is a repeat and ignored; a 業務終了 with no open period closes nothing.
    離席 opens a break and 戻りました (or the period's end) closes it; 会議中 is work.
    """
    by_person: defaultdict[str, list[PresenceReport]] = defaultdict(list)
    for report in reports:
        by_person[report.employee_id].append(report)
    periods: list[WorkPeriod] = []
    for employee_id in sorted(by_person):
        start: datetime | None = None
        breaks: list[Break] = []
        away: datetime | None = None
        for report in sorted(by_person[employee_id], key=lambda r: r.at):
            if report.kind == START and start is None:
                start, breaks, away = report.at, [], None
            elif report.kind == END and start is not None:
                if away is not None:
                    breaks.append(Break(away, report.at))
                periods.append(WorkPeriod(employee_id, start, report.at, tuple(breaks)))
                start, away = None, None
            elif report.kind == AWAY and start is not None and away is None:
                away = report.at
            elif report.kind == BACK and away is not None:
                breaks.append(Break(away, report.at))
                away = None
        if start is not None:
            if away is not None:
                breaks.append(Break(away, None))
            periods.append(WorkPeriod(employee_id, start, None, tuple(breaks)))
    return periods


def interval_cases(
    reports: Iterable[PresenceReport], rules: WorkTimeRules, tz: ZoneInfo
) -> list[IntervalCase]:
    """Every start that came less than ``rules.interval`` after the end of the person's
    previous work period, when that period started on an earlier local day (a break in the
    middle of one day, 中抜け, is not an interval). Empty when the check is off."""
    if not rules.interval_check:
        return []
    cases: list[IntervalCase] = []
    previous: WorkPeriod | None = None
    for period in work_periods(reports):
        if previous is not None and previous.employee_id == period.employee_id:
            end = previous.end
            if (
                end is not None
                and previous.day(tz) < period.day(tz)
                and period.start - end < rules.interval
            ):
                cases.append(IntervalCase(period.employee_id, period.day(tz), end, period.start))
        previous = period
    return cases


def hours_and_minutes(span: timedelta) -> tuple[int, int]:
    """A duration as whole hours and minutes (rounded down to the minute)."""
    minutes = max(0, int(span.total_seconds() // 60))
    return divmod(minutes, 60)


def cases_by_section(cases: Iterable[IntervalCase], section_of: dict[str, str]) -> dict[str, int]:
    """How many interval cases each section had (people without a section are left out):
    what a chief sees, never who."""
    counts: defaultdict[str, int] = defaultdict(int)
    for case in cases:
        section = section_of.get(case.employee_id)
        if section is not None:
            counts[section] += 1
    return dict(counts)


@dataclass(frozen=True, slots=True)
class WorkDay:
    """One person's day for the 勤務管理システム export: the first start, the last end,
    breaks (離席 … 戻りました, and gaps between two periods of one day), the declared status,
    and the rest before the start when it was shorter than the interval."""

    employee_id: str
    day: date
    status: str  # e.g. "telework", "telework:am;office:pm", "" when nothing was declared
    start: datetime | None
    end: datetime | None
    breaks: tuple[Break, ...] = ()
    short_rest: timedelta | None = None

    @property
    def break_minutes(self) -> int:
        """Minutes of closed breaks (a break nobody ended is not counted)."""
        return sum(
            int((b.end - b.start).total_seconds() // 60) for b in self.breaks if b.end is not None
        )

    @property
    def worked_minutes(self) -> int | None:
        """From start to end less the breaks; None without both a start and an end."""
        if self.start is None or self.end is None:
            return None
        return int((self.end - self.start).total_seconds() // 60) - self.break_minutes


def day_status(entries: Iterable[ScheduleEntry]) -> str:
    """The declared status of one person's day as a stable code: ``status`` for a whole
    day, ``status:part`` for a part, joined by ``;`` in the order of the day; a pending entry
    is marked ``(pending)``. Cancelled and rejected entries are left out."""
    live = [e for e in entries if e.state.is_live]
    live.sort(key=lambda e: (part_minutes(e.part), e.status.value))
    labels = []
    for entry in live:
        label = entry.status.value if entry.part == "full" else f"{entry.status.value}:{entry.part}"
        if entry.state is EntryState.PENDING:
            label += "(pending)"
        labels.append(label)
    return ";".join(labels)


def work_days(
    reports: Iterable[PresenceReport],
    entries: Iterable[ScheduleEntry],
    rules: WorkTimeRules,
    tz: ZoneInfo,
    first: date,
    last: date,
) -> list[WorkDay]:
    """Every (person, day) in [first, last] with a work period or a live declaration, in
    (person, day) order. Pass reports from a day before ``first`` so that the rest before a
    start on ``first`` is measured."""
    reports = list(reports)
    by_day: defaultdict[tuple[str, date], list[WorkPeriod]] = defaultdict(list)
    for period in work_periods(reports):
        day = period.day(tz)
        if first <= day <= last:
            by_day[(period.employee_id, day)].append(period)
    declared: defaultdict[tuple[str, date], list[ScheduleEntry]] = defaultdict(list)
    for entry in entries:
        if first <= entry.day <= last and entry.state.is_live:
            declared[(entry.employee_id, entry.day)].append(entry)
    short = {(c.employee_id, c.day): c.rest for c in interval_cases(reports, rules, tz)}
    days: list[WorkDay] = []
    for key in sorted(set(by_day) | set(declared)):
        periods = by_day.get(key, [])
        breaks: list[Break] = []
        for index, period in enumerate(periods):
            breaks.extend(period.breaks)
            if index + 1 < len(periods) and period.end is not None:
                breaks.append(Break(period.end, periods[index + 1].start))  # 中抜け
        days.append(
            WorkDay(
                employee_id=key[0],
                day=key[1],
                status=day_status(declared.get(key, [])),
                start=periods[0].start if periods else None,
                end=periods[-1].end if periods else None,
                breaks=tuple(breaks),
                short_rest=short.get(key),
            )
        )
    return days
