"""Schedule entries: what a person declares for a day (telework, office, leave, business trip).

A declaration is saved only after the person confirmed it; cancelling keeps the row (its state
becomes ``cancelled``) and the event log keeps the history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.occasions import DayPart


class EntryStatus(StrEnum):
    """Where the person works (or not) for that part of the day."""

    TELEWORK = "telework"
    OFFICE = "office"
    LEAVE = "leave"
    BUSINESS_TRIP = "business_trip"
    # 割振り0: a weekly day with no working hours allocated (選択的週休3日 from April 2025,
    # フレックスタイム制). Not leave, not a closed day for the organisation, never telework.
    NO_HOURS = "no_hours"


class EntryState(StrEnum):
    """Where the entry is in its life."""

    CONFIRMED = "confirmed"
    PENDING = "pending"  # waiting for the section chief's approval
    REJECTED = "rejected"
    CANCELLED = "cancelled"

    @property
    def is_live(self) -> bool:
        """Whether the entry still stands (or may, once approved)."""
        return self in (EntryState.CONFIRMED, EntryState.PENDING)


_RANGE = re.compile(r"^(\d{2}):(\d{2})-(?:(\d{2}):(\d{2}))?$")
NOON = 12 * 60


def part_minutes(part: str) -> tuple[int, int]:
    """The minutes of the day a part covers: full 0–24h, am 0–12h, pm 12–24h, or the range."""
    if part == DayPart.FULL:
        return (0, 24 * 60)
    if part == DayPart.AM:
        return (0, NOON)
    if part == DayPart.PM:
        return (NOON, 24 * 60)
    match = _RANGE.match(part)
    if not match:
        raise ValueError(f"unknown part of day {part!r}")
    start = int(match[1]) * 60 + int(match[2])
    end = int(match[3]) * 60 + int(match[4]) if match[3] else 24 * 60
    if not 0 <= start < end <= 24 * 60:
        raise ValueError(f"part of day {part!r} is not a valid time range")
    return (start, end)


def is_valid_part(part: str) -> bool:
    try:
        part_minutes(part)
    except ValueError:
        return False
    return True


def overlaps(a: str, b: str) -> bool:
    """Whether two parts of the same day overlap."""
    a0, a1 = part_minutes(a)
    b0, b1 = part_minutes(b)
    return a0 < b1 and b0 < a1


@dataclass(frozen=True, slots=True)
class TimeRangeRule:
    """How a declared time range counts (``policy.counting``): a half day (0.5 person-days)
    when it covers at most half of the standard working day, else a full day; one occasion
    either way. An open range (「15時から」, ``15:00-``) runs to ``day_end_minutes``."""

    standard_minutes: int = 7 * 60 + 45  # 7時間45分
    day_end_minutes: int = 17 * 60 + 15  # 終業 17:15

    def part(self, part: str) -> DayPart:
        """The day part a declared part counts as (full, am and pm count as themselves)."""
        if part in (DayPart.FULL, DayPart.AM, DayPart.PM):
            return DayPart(part)
        start, end = part_minutes(part)
        if part.endswith("-"):  # open: to the end of the working day
            end = max(start, self.day_end_minutes)
        if 2 * (end - start) > self.standard_minutes:
            return DayPart.FULL
        # A half day sits in the half of the day most of it covers, so a morning range and
        # an afternoon range of one day still merge into a full day.
        morning = max(0, min(end, NOON) - start)
        afternoon = max(0, end - max(start, NOON))
        if morning != afternoon:
            return DayPart.AM if morning > afternoon else DayPart.PM
        return DayPart.AM if start < NOON else DayPart.PM


DEFAULT_TIME_RANGES = TimeRangeRule()


def occasion_part(part: str, rule: TimeRangeRule = DEFAULT_TIME_RANGES) -> DayPart:
    """How a part counts as a telework occasion (see ``TimeRangeRule``): 午前・午後 are half
    days; a time range is a half day when it covers at most half of the standard working
    day (2 hours across noon: 0.5), else a full day."""
    return rule.part(part)


@dataclass(frozen=True, slots=True)
class ScheduleEntry:
    """One declared part of one day for one person."""

    employee_id: str
    day: date
    part: str
    status: EntryStatus
    state: EntryState = EntryState.CONFIRMED
    note: str | None = None
    id: int | None = None
    recurrence_id: int | None = None
    updated_at: datetime | None = None

    def conflicts_with(self, other: ScheduleEntry) -> bool:
        """Same person and day, both live, overlapping parts. The caller tells "already
        declared" (same status) from a real conflict (another status)."""
        return (
            self.employee_id == other.employee_id
            and self.day == other.day
            and self.state.is_live
            and other.state.is_live
            and overlaps(self.part, other.part)
        )


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class RecurringPlan:
    """A weekly pattern (毎週水曜テレワーク) from ``start`` to ``until`` (inclusive)."""

    employee_id: str
    weekdays: tuple[str, ...]
    part: str
    status: EntryStatus
    start: date
    until: date | None = None

    def days(self, start: date, end: date) -> list[date]:
        """The plan's days between ``start`` and ``end`` (closed days included: the caller
        decides what to do with them)."""
        wanted = {WEEKDAYS.index(w) for w in self.weekdays}
        first = max(start, self.start)
        last = min(end, self.until) if self.until else end
        return [
            first + timedelta(days=i)
            for i in range((last - first).days + 1)
            if (first + timedelta(days=i)).weekday() in wanted
        ]


@dataclass(frozen=True, slots=True)
class PresenceReport:
    """One presence report: ``kind`` is start, end, away, back or meeting; ``at`` is when it
    happened (the time the person stated, else when they said it)."""

    id: int
    kind: str
    at: datetime
