"""Team-type telework meetings (チーム型テレワーク): meetings that used to need the office,
held online with the team teleworking together.

A lead picks a title, a duration, the participants and a window; candidate slots are ranked by
who can attend (``domain.meeting_slots``); participants vote on a poll (``domain.meeting_poll``);
the lead (or the deadline job, once a quorum voted) fixes one slot; participants answer the
invitation (accept / tentative / decline). Cancelling keeps the meeting (its state becomes
``cancelled``); a meeting whose end has passed without being cancelled counts as held.

Times of day are minutes after local midnight in the office's time zone; instants are aware.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from domain.calendar import WorkCalendar
from domain.errors import Refused

TITLE_MAX = 100
JOIN_URL_MAX = 1000


class MeetingRefused(Refused):
    """An expected refusal (too many people, a closed day, a slot outside working hours…).

    ``reason`` names the sentence the bot shows (``meetings.refused.<reason>``); ``values``
    fill it in, so the domain stays free of wording and languages.
    """

    def __init__(self, reason: str, **values: Any) -> None:
        super().__init__(f"meetings.refused.{reason}", **values)
        self.reason = reason


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


@dataclass(frozen=True)
class MeetingSettings:
    """Configuration of meetings (defaults: the ministry's working hours and the plan's
    web-conference limit of 100 participants)."""

    day_start: time = time(9, 30)
    day_end: time = time(17, 45)
    step_minutes: int = 15
    lunch: tuple[time, time] | None = (time(12, 0), time(13, 0))
    max_participants: int = 100
    reminder_before: timedelta = timedelta(minutes=15)
    shown_slots: int = 5
    max_candidates: int = 8
    quorum: float = 0.5  # share of participants who must have voted for a self-finalise
    durations: tuple[int, ...] = (30, 45, 60, 90, 120)
    max_window_working_days: int = 20
    min_notice: timedelta = timedelta(hours=1)  # a slot must start at least this far ahead

    def __post_init__(self) -> None:
        if not _minutes(self.day_start) < _minutes(self.day_end):
            raise ValueError("day_start must be before day_end")
        if self.step_minutes <= 0 or self.max_participants < 2:
            raise ValueError("step_minutes must be > 0 and max_participants >= 2")
        if not 0 < self.quorum <= 1:
            raise ValueError("quorum must be in (0, 1]")


@dataclass(frozen=True, order=True)
class Slot:
    """A candidate or chosen time: a local day, start and end in minutes after midnight."""

    day: date
    start: int
    end: int

    @classmethod
    def at(cls, day: date, clock: time, minutes: int) -> Slot:
        start = _minutes(clock)
        return cls(day, start, start + minutes)

    @property
    def part(self) -> str:
        """The slot as a part of the day (``14:00-15:00``), as schedule entries write it."""
        return f"{clock_label(self.start)}-{clock_label(self.end)}"

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def starts_at(self, calendar: WorkCalendar) -> datetime:
        return calendar.at(self.day, time(self.start // 60, self.start % 60))

    def ends_at(self, calendar: WorkCalendar) -> datetime:
        return self.starts_at(calendar) + timedelta(minutes=self.minutes)

    def overlaps(self, other: Slot) -> bool:
        return self.day == other.day and self.start < other.end and other.start < self.end

    def to_json(self) -> list[Any]:
        return [self.day.isoformat(), self.start, self.end]

    @classmethod
    def from_json(cls, value: Any) -> Slot:
        """Back from ``to_json`` (ValueError for anything else, e.g. forged card data)."""
        if not isinstance(value, list) or len(value) != 3:
            raise ValueError("a slot is [day, start, end]")
        day, start, end = value
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= 1440):
            raise ValueError("a slot's minutes must satisfy 0 <= start < end <= 1440")
        return cls(date.fromisoformat(str(day)), start, end)


def clock_label(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class MeetingState(StrEnum):
    """Where a meeting is in its life."""

    POLLING = "polling"
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Rsvp(StrEnum):
    """A participant's answer to the invitation."""

    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"


@dataclass(frozen=True)
class Participant:
    """Someone invited. ``key`` is the employee id, or the Teams user id of a person the roster
    does not know (a guest @mentioned in a group chat); ``chat_id`` reaches them 1:1."""

    key: str
    name: str
    chat_id: str | None = None
    email: str | None = None
    is_staff: bool = True
    votes: tuple[int, ...] | None = None  # candidate indexes; None: has not voted
    rsvp: Rsvp | None = None


@dataclass(frozen=True)
class Meeting:
    """A team meeting: its poll, the chosen slot, the join link and who answered what."""

    uid: str  # stable iCalendar UID
    title: str
    organiser: str  # employee id of the lead
    duration: int
    participants: tuple[Participant, ...]
    candidates: tuple[Slot, ...] = ()
    state: MeetingState = MeetingState.POLLING
    section: str | None = None
    poll_deadline: datetime | None = None
    slot: Slot | None = None
    join_url: str | None = None
    calendar_event_id: str | None = None  # the organiser's Outlook event (Microsoft 365)
    sequence: int = 0
    conversation_id: str | None = None  # the group chat / channel it was started in
    id: int | None = None
    created_at: datetime | None = None
    reminded_at: datetime | None = None
    held_at: datetime | None = None

    def participant(self, key: str | None = None, chat_id: str | None = None) -> Participant | None:
        """The participant with this employee id or Teams user id, if invited."""
        for person in self.participants:
            if (key and person.key == key) or (chat_id and person.chat_id == chat_id):
                return person
        return None

    @property
    def in_group(self) -> bool:
        return self.conversation_id is not None

    def with_participant(self, updated: Participant) -> Meeting:
        people = tuple(updated if p.key == updated.key else p for p in self.participants)
        return replace(self, participants=people)


def check_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise MeetingRefused("title_missing")
    if len(cleaned) > TITLE_MAX:
        raise MeetingRefused("title_long", limit=TITLE_MAX)
    return cleaned


def check_duration(minutes: int, settings: MeetingSettings) -> int:
    if minutes not in settings.durations:
        raise MeetingRefused("duration", choices="/".join(map(str, settings.durations)))
    return minutes


def check_capacity(count: int, settings: MeetingSettings) -> None:
    """More participants than a web conference holds (default 100) is refused."""
    if count > settings.max_participants:
        raise MeetingRefused("capacity", count=count, limit=settings.max_participants)
    if count < 2:
        raise MeetingRefused("too_few")


def check_window(
    start: date, end: date, today: date, calendar: WorkCalendar, settings: MeetingSettings
) -> list[date]:
    """The working days of the window (closed days skipped, never shifted)."""
    if end < start:
        raise MeetingRefused("window_order")
    if start < today:
        raise MeetingRefused("window_past")
    days = calendar.working_days(start, end)
    if not days:
        raise MeetingRefused("window_closed")
    if len(days) > settings.max_window_working_days:
        raise MeetingRefused("window_long", limit=settings.max_window_working_days)
    return days


def check_slot(
    slot: Slot, now: datetime, calendar: WorkCalendar, settings: MeetingSettings
) -> Slot:
    """A typed or changed slot must be on a working day, within working hours, outside lunch,
    and far enough ahead."""
    if not calendar.is_working_day(slot.day):
        raise MeetingRefused("slot_closed", day=slot.day)
    if slot.start < _minutes(settings.day_start) or slot.end > _minutes(settings.day_end):
        raise MeetingRefused(
            "slot_hours",
            day=slot.day,
            start=clock_label(_minutes(settings.day_start)),
            end=clock_label(_minutes(settings.day_end)),
        )
    if settings.lunch is not None:
        lunch = Slot(slot.day, _minutes(settings.lunch[0]), _minutes(settings.lunch[1]))
        if slot.overlaps(lunch):
            raise MeetingRefused("slot_lunch", day=slot.day)
    if slot.starts_at(calendar) < now + settings.min_notice:
        raise MeetingRefused("slot_soon", day=slot.day)
    return slot


def check_join_url(url: str) -> str:
    """A pasted join link: https only, of a sane length (never invented by the bot)."""
    cleaned = url.strip()
    parts = urlsplit(cleaned)
    if parts.scheme != "https" or not parts.netloc or len(cleaned) > JOIN_URL_MAX:
        raise MeetingRefused("join_url")
    if any(c.isspace() for c in cleaned):
        raise MeetingRefused("join_url")
    return cleaned


def poll_deadline(candidates: tuple[Slot, ...], now: datetime, calendar: WorkCalendar) -> datetime:
    """When the poll closes: 17:00 on the working day before the first candidate, but at least
    an hour from now and never later than 30 minutes before the first candidate starts."""
    first = min(candidates)
    before = calendar.previous_working_day(first.day)
    deadline = max(calendar.at(before, time(17, 0)), now + timedelta(hours=1))
    return min(deadline, first.starts_at(calendar) - timedelta(minutes=30))
