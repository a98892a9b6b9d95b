"""在宅勤務等手当 (the telework allowance): which days count, and who is eligible in a month.

The rule (人事院, from April 2024: 一般職の職員の給与に関する法律 第12条の3, 人事院規則9-151
第2条〜第4条, 運用通知 給実甲第1319号 第1項), as issue 18 states it and the policy's
``[allowance]`` defaults:
the allowance is paid for a period of at least three months, starting the month after the
home work was ordered in advance (命令), in which the days the person was ordered to work
wholly from an eligible place average more than 10 a month. Eligible places are the home,
the home of a spouse or a relative within the second degree, a lodging the employee pays
for, and places the head of the ministry approves. Holidays and leave do not count.

How this module reads it (each choice is a policy setting):

- A **counted day** is a confirmed telework day for the whole day (終日), on a working day of
  the calendar, ordered in advance (a chief's order covers it), at an eligible place (the
  person's place category in force that day). Days only requested and approved count only
  when ``count_requested`` is set.
- The **period** starts on the first day of the month after the month in which the person's
  first order still in force was made, or that month itself when the order was made on its
  first day (給実甲第1319号 第1項1).
- A **move between ministries** (府省等を異にする異動, the roster's 府省着任日) ends any
  period with the month of the move, or the month before when the move was on the 1st
  (第1項2): orders made before the move count as made on the day of the move, and days
  before it are never counted, so the window never reaches back across it.
- For a month M, the **window** is the ``period_months`` months ending at M, but never before
  the period's start; in the period's first months (fewer months than that have begun) the
  window is the period's first ``period_months`` months, so the days already ordered for the
  months ahead decide, as the rule's "ordered in advance" intends.
- **Eligible** when the window's average is more than ``threshold_days`` (strictly);
  **borderline** when eligible by less than or equal to ``borderline_margin_days`` (one more
  day of leave could end it); otherwise not eligible, with the reason.

Not modelled: the allowance's amount (payroll's business); a move out of the ministry (the
person leaves the roster).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from domain.calendar import WorkCalendar
from domain.schedule import WEEKDAYS, EntryStatus


class PlaceCategory(StrEnum):
    """Where a person teleworks from (asked once, remembered per person)."""

    HOME = "home"  # 自宅
    FAMILY_HOME = "family_home"  # 配偶者・二親等以内の親族の住居
    PAID_LODGING = "paid_lodging"  # 職員が費用を負担する宿泊施設等
    APPROVED = "approved"  # 各省各庁の長が認める場所
    OTHER = "other"  # その他（サテライトオフィス等）


class Eligibility(StrEnum):
    """The month's answer."""

    YES = "yes"
    BORDERLINE = "borderline"
    NO = "no"


class AllowanceRules(BaseModel):
    """Policy section ``[allowance]`` (defaults: the rule as issue 18 states it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    threshold_days: float = Field(10, ge=0, le=31)  # average must be MORE than this
    period_months: int = Field(3, ge=1, le=24)
    eligible_places: tuple[PlaceCategory, ...] = (
        PlaceCategory.HOME,
        PlaceCategory.FAMILY_HOME,
        PlaceCategory.PAID_LODGING,
        PlaceCategory.APPROVED,
    )
    count_requested: bool = False  # days only requested and approved (not ordered)
    whole_days_only: bool = True
    borderline_margin_days: float = Field(1, ge=0, le=31)


@dataclass(frozen=True, slots=True)
class TeleworkOrder:
    """A chief's order (命令) that a person work from home: a standing order from ``start`` to
    ``until`` on ``weekdays``, and/or specific ``days``."""

    employee_id: str
    ordered_by: str
    start: date
    until: date
    made_at: datetime
    weekdays: tuple[str, ...] = ()
    days: tuple[date, ...] = ()
    id: int | None = None
    cancelled_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.until < self.start:
            raise ValueError("an order ends before it starts")
        if not self.weekdays and not self.days:
            raise ValueError("an order needs weekdays or days")
        if any(w not in WEEKDAYS for w in self.weekdays):
            raise ValueError(f"unknown weekday in {self.weekdays!r}")

    @property
    def active(self) -> bool:
        return self.cancelled_at is None

    def covers(self, day: date) -> bool:
        """Whether the order names ``day`` (closed days included: callers skip them)."""
        if day in self.days:
            return True
        return self.start <= day <= self.until and WEEKDAYS[day.weekday()] in self.weekdays

    def working_days(self, calendar: WorkCalendar) -> list[date]:
        """Every working day the order names, in order."""
        named = set(self.days)
        day = self.start
        while day <= self.until:
            if WEEKDAYS[day.weekday()] in self.weekdays:
                named.add(day)
            day = date.fromordinal(day.toordinal() + 1)
        return sorted(d for d in named if calendar.is_working_day(d))


@dataclass(frozen=True, slots=True)
class PlaceSince:
    """The person's place category from ``since`` on (a history: the latest applies)."""

    employee_id: str
    place: PlaceCategory
    since: date


@dataclass(frozen=True, slots=True)
class TeleworkDay:
    """A confirmed telework entry as the ledger sees it."""

    employee_id: str
    day: date
    whole_day: bool
    ordered: bool  # made by an order (or covered by one), not only requested


@dataclass(frozen=True, slots=True)
class LedgerDay:
    """One telework day in the ledger: what it was and whether it counts (``why_not``)."""

    employee_id: str
    day: date
    ordered: bool
    whole_day: bool
    place: PlaceCategory | None
    why_not: str | None = None  # closed_day, not_ordered, part_day, no_place, place

    @property
    def counted(self) -> bool:
        return self.why_not is None


def place_on(history: Sequence[PlaceSince], day: date) -> PlaceCategory | None:
    """The place category in force on ``day`` (None: never recorded by then)."""
    current: PlaceCategory | None = None
    for item in sorted(history, key=lambda p: p.since):
        if item.since <= day:
            current = item.place
    return current


def ledger_days(
    days: Iterable[TeleworkDay],
    orders: Iterable[TeleworkOrder],
    places: Mapping[str, Sequence[PlaceSince]],
    rules: AllowanceRules,
    calendar: WorkCalendar,
) -> list[LedgerDay]:
    """Each telework day with its classification, in (person, day) order."""
    active: dict[str, list[TeleworkOrder]] = {}
    for order in orders:
        if order.active:
            active.setdefault(order.employee_id, []).append(order)
    out = []
    for item in sorted(days, key=lambda d: (d.employee_id, d.day)):
        ordered = item.ordered or any(o.covers(item.day) for o in active.get(item.employee_id, ()))
        place = place_on(places.get(item.employee_id, ()), item.day)
        why: str | None = None
        if not calendar.is_working_day(item.day):
            why = "closed_day"
        elif not ordered and not rules.count_requested:
            why = "not_ordered"
        elif not item.whole_day and rules.whole_days_only:
            why = "part_day"
        elif place is None:
            why = "no_place"
        elif place not in rules.eligible_places:
            why = "place"
        out.append(LedgerDay(item.employee_id, item.day, ordered, item.whole_day, place, why))
    return out


def month_index(day: date) -> int:
    """Months since year 0 (to step months with integers)."""
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class MonthAssessment:
    """One person's month: counted days, the window's figures and the answer with its
    reason (a texts key suffix and its values)."""

    employee_id: str
    month: date  # first day of the month
    whole_days: int  # counted days in the month itself
    period_start: date | None
    window: tuple[tuple[date, int], ...] = ()  # (month, counted days) per window month
    average: float | None = None
    eligibility: Eligibility = Eligibility.NO
    reason: str = "no_order"
    values: dict[str, str] = field(default_factory=dict)


def period_start(
    orders: Iterable[TeleworkOrder],
    employee_id: str,
    last_day: date,
    in_force_from: date,
    moved_on: date | None = None,
) -> date | None:
    """The first day of the month after the first order still in force was made (that
    month when it was made on the 1st): orders made by ``last_day``, not cancelled, running
    on or after ``in_force_from``. After a move between ministries on ``moved_on``, only
    orders running on or after it count, each as made no earlier than that day. ``made_at``
    must be local (naive or aware in the calendar's zone). None without one."""
    floor = max(in_force_from, moved_on) if moved_on is not None else in_force_from
    made = [
        max(o.made_at.date(), moved_on) if moved_on is not None else o.made_at.date()
        for o in orders
        if o.employee_id == employee_id
        and o.active
        and o.made_at.date() <= last_day
        and max((o.until, *o.days)) >= floor
    ]
    made = [d for d in made if d <= last_day]
    if not made:
        return None
    first = min(made)
    return month_start(month_index(first) + (0 if first.day == 1 else 1))


def assess(
    employee_id: str,
    month: date,
    ledger: Iterable[LedgerDay],
    orders: Iterable[TeleworkOrder],
    rules: AllowanceRules,
    calendar: WorkCalendar,
    moved_on: date | None = None,
) -> MonthAssessment:
    """The person's eligibility for the month containing ``month``.

    ``ledger`` must hold the person's days for the whole window (up to ``period_months``
    after the period's start); ``orders``' ``made_at`` are read in the calendar's zone;
    ``moved_on``: the day the person moved in from another ministry (nothing before it
    counts)."""
    first = month.replace(day=1)
    index = month_index(first)
    counted: dict[int, int] = {}
    for day in ledger:
        if moved_on is not None and day.day < moved_on:
            continue
        if day.employee_id == employee_id and day.counted:
            counted[month_index(day.day)] = counted.get(month_index(day.day), 0) + 1
    whole = counted.get(index, 0)
    local_orders = [
        TeleworkOrder(
            o.employee_id,
            o.ordered_by,
            o.start,
            o.until,
            o.made_at.astimezone(calendar.tz).replace(tzinfo=None),
            o.weekdays,
            o.days,
            o.id,
            o.cancelled_at,
        )
        for o in orders
        if o.employee_id == employee_id
    ]
    n = rules.period_months
    last_day = date.fromordinal(month_start(index + 1).toordinal() - 1)
    start = period_start(local_orders, employee_id, last_day, month_start(index - n + 1), moved_on)
    if start is None:
        return MonthAssessment(employee_id, first, whole, None)
    start_index = month_index(start)
    values = {"start": f"{start.year}-{start.month:02d}"}
    if index < start_index:
        return MonthAssessment(
            employee_id, first, whole, start, reason="before_period", values=values
        )
    end_index = max(index, start_index + n - 1)
    window = tuple(
        (month_start(i), counted.get(i, 0))
        for i in range(max(start_index, end_index - n + 1), end_index + 1)
    )
    average = round(sum(c for _, c in window) / n, 2)
    values |= {
        "average": f"{average:g}",
        "threshold": f"{rules.threshold_days:g}",
        "months": str(n),
    }
    if average > rules.threshold_days + rules.borderline_margin_days:
        answer, reason = Eligibility.YES, "above"
    elif average > rules.threshold_days:
        answer, reason = Eligibility.BORDERLINE, "just_above"
    else:
        answer, reason = Eligibility.NO, "below"
    return MonthAssessment(
        employee_id, first, whole, start, window, average, answer, reason, values
    )


def may_replace_ordered(status: EntryStatus) -> bool:
    """What a person may put on a day their chief ordered them to work from home without
    the chief: leave, or a day without working hours (neither counts for the allowance)."""
    return status in (EntryStatus.LEAVE, EntryStatus.NO_HOURS)


class OrderedDays(Protocol):
    """Which live entries were made by a chief's order (implemented in storage): a person
    cannot drop them without the chief."""

    async def ordered_entry_ids(self, entry_ids: Sequence[int]) -> set[int]: ...


def data_range(month: date, rules: AllowanceRules) -> tuple[date, date]:
    """The days whose ledger :func:`assess` may read for ``month``: from the first window
    month before it to the last month of a period starting right after it."""
    index = month_index(month)
    first = month_start(index - rules.period_months + 1)
    last = date.fromordinal(month_start(index + rules.period_months).toordinal() - 1)
    return first, last


def assess_month(
    month: date,
    employee_ids: Iterable[str],
    days: Iterable[TeleworkDay],
    orders: Sequence[TeleworkOrder],
    places: Mapping[str, Sequence[PlaceSince]],
    rules: AllowanceRules,
    calendar: WorkCalendar,
    moves: Mapping[str, date] | None = None,
) -> list[MonthAssessment]:
    """Every person's assessment for the month (days from :func:`data_range`); ``moves``:
    each person's 府省着任日, if the roster has one."""
    ledger = ledger_days(days, orders, places, rules, calendar)
    return assess_ledger(month, employee_ids, ledger, orders, rules, calendar, moves)


def assess_ledger(
    month: date,
    employee_ids: Iterable[str],
    ledger: Iterable[LedgerDay],
    orders: Sequence[TeleworkOrder],
    rules: AllowanceRules,
    calendar: WorkCalendar,
    moves: Mapping[str, date] | None = None,
) -> list[MonthAssessment]:
    """:func:`assess_month` from an already classified ledger (several months, one pass)."""
    moved = moves or {}
    by_person: dict[str, list[LedgerDay]] = {}
    for day in ledger:
        by_person.setdefault(day.employee_id, []).append(day)
    orders_of: dict[str, list[TeleworkOrder]] = {}
    for order in orders:
        orders_of.setdefault(order.employee_id, []).append(order)
    return [
        assess(e, month, by_person.get(e, []), orders_of.get(e, []), rules, calendar, moved.get(e))
        for e in sorted(set(employee_ids))
    ]


def eligible_by_unit(
    assessments: Iterable[MonthAssessment], unit_of: Mapping[str, str]
) -> dict[str, int]:
    """How many people each unit has who are eligible (yes or borderline): a headcount for
    reports, never who."""
    counts: dict[str, int] = {}
    for result in assessments:
        unit = unit_of.get(result.employee_id)
        if unit is not None and result.eligibility is not Eligibility.NO:
            counts[unit] = counts.get(unit, 0) + 1
    return counts
