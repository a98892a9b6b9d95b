"""Candidate slots for a team meeting, ranked by who can attend; typed slots; the team's
telework day.

A person is *busy* in a slot when a live leave or business-trip declaration overlaps it
(a morning leave, 午前休, excludes morning slots only) or another scheduled meeting of theirs
overlaps it; *teleworking* when a live telework declaration covers the whole slot; otherwise
*free* (no declaration, in the office, or telework that covers only part of the slot).
With Microsoft 365 connected, a busy or out-of-office time in the person's Outlook calendar
also makes them busy; each busy mark keeps its source (:class:`BusySource`) for the card.
Slots rank by how many can attend, then by how many of them telework (the point of
チーム型テレワーク is meeting while teleworking together), then earliest first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.calendar import WorkCalendar
from domain.meetings import MeetingRefused, MeetingSettings, Slot
from domain.schedule import EntryStatus, ScheduleEntry, part_minutes

_AWAY = frozenset({EntryStatus.LEAVE, EntryStatus.BUSINESS_TRIP, EntryStatus.NO_HOURS})


class Availability(StrEnum):
    """Whether a person can attend a slot, and how."""

    TELEWORK = "telework"
    FREE = "free"
    BUSY = "busy"


class BusySource(StrEnum):
    """Why a person is busy in a slot."""

    SCHEDULE = "schedule"  # a leave or business trip declared in the bot
    MEETING = "meeting"  # another team meeting of theirs
    OUTLOOK = "outlook"  # their Outlook calendar (Microsoft 365)


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def local_slots(
    intervals: Iterable[tuple[datetime, datetime]], calendar: WorkCalendar
) -> list[Slot]:
    """Busy instants as local slots, one per day they touch (midnight-crossing split)."""
    slots = []
    for start, end in intervals:
        first, last = start.astimezone(calendar.tz), end.astimezone(calendar.tz)
        day = first.date()
        while day <= last.date():
            begin = _minutes(first.time()) if day == first.date() else 0
            finish = (
                last.hour * 60 + last.minute + (1 if last.second else 0)
                if day == last.date()
                else 1440
            )
            if begin < finish:
                slots.append(Slot(day, begin, finish))
            day += timedelta(days=1)
    return slots


def day_slots(days: Iterable[date], duration: int, settings: MeetingSettings) -> list[Slot]:
    """Every slot of ``duration`` minutes within working hours, on the step grid, outside
    lunch, on the given (working) days."""
    first, last = _minutes(settings.day_start), _minutes(settings.day_end)
    lunch = (_minutes(settings.lunch[0]), _minutes(settings.lunch[1])) if settings.lunch else None
    slots = []
    for day in days:
        for start in range(first, last - duration + 1, settings.step_minutes):
            end = start + duration
            if lunch and start < lunch[1] and lunch[0] < end:
                continue
            slots.append(Slot(day, start, end))
    return slots


def availability(
    slot: Slot,
    entries: Iterable[ScheduleEntry],
    meetings: Iterable[Slot] = (),
    outlook: Iterable[Slot] = (),
) -> Availability:
    """One person's availability for ``slot`` from their entries, other meetings and
    Outlook busy times."""
    return _availability(slot, entries, meetings, outlook)[0]


def _availability(
    slot: Slot, entries: Iterable[ScheduleEntry], meetings: Iterable[Slot], outlook: Iterable[Slot]
) -> tuple[Availability, BusySource | None]:
    teleworking = False
    for entry in entries:
        if entry.day != slot.day or not entry.state.is_live:
            continue
        start, end = part_minutes(entry.part)
        if entry.status in _AWAY and start < slot.end and slot.start < end:
            return Availability.BUSY, BusySource.SCHEDULE
        if entry.status == EntryStatus.TELEWORK and start <= slot.start and slot.end <= end:
            teleworking = True
    if any(slot.overlaps(other) for other in meetings):
        return Availability.BUSY, BusySource.MEETING
    if any(slot.overlaps(other) for other in outlook):
        return Availability.BUSY, BusySource.OUTLOOK
    return (Availability.TELEWORK if teleworking else Availability.FREE), None


@dataclass(frozen=True)
class RankedSlot:
    """A slot with who teleworks, who is free and who cannot attend (participant keys);
    ``busy_from`` gives each busy person's source, in the order of ``busy``."""

    slot: Slot
    teleworking: tuple[str, ...]
    free: tuple[str, ...]
    busy: tuple[str, ...]
    busy_from: tuple[BusySource, ...] = ()

    @property
    def available(self) -> tuple[str, ...]:
        return self.teleworking + self.free

    def sort_key(self) -> tuple[int, int, Slot]:
        return (-len(self.available), -len(self.teleworking), self.slot)


def rank_slots(
    slots: Iterable[Slot],
    people: Sequence[str],
    entries: Mapping[str, Sequence[ScheduleEntry]],
    meetings: Mapping[str, Sequence[Slot]] | None = None,
    outlook: Mapping[str, Sequence[Slot]] | None = None,
) -> list[RankedSlot]:
    """Every slot ranked, best first (see the module doc for the order)."""
    meetings, outlook = meetings or {}, outlook or {}
    ranked = []
    for slot in slots:
        found: dict[Availability, list[str]] = {a: [] for a in Availability}
        sources: list[BusySource] = []
        for person in people:
            state, source = _availability(
                slot, entries.get(person, ()), meetings.get(person, ()), outlook.get(person, ())
            )
            found[state].append(person)
            if source is not None:
                sources.append(source)
        ranked.append(
            RankedSlot(
                slot,
                tuple(found[Availability.TELEWORK]),
                tuple(found[Availability.FREE]),
                tuple(found[Availability.BUSY]),
                tuple(sources),
            )
        )
    return sorted(ranked, key=RankedSlot.sort_key)


def top_slots(ranked: Iterable[RankedSlot], count: int) -> list[RankedSlot]:
    """The best ``count`` slots that do not overlap one another (so that the lead sees real
    alternatives, not 14:00, 14:15 and 14:30 of the same afternoon); nobody-can-come slots
    are left out."""
    chosen: list[RankedSlot] = []
    for candidate in ranked:
        if len(chosen) >= count:
            break
        if not candidate.available:
            continue
        if any(candidate.slot.overlaps(c.slot) for c in chosen):
            continue
        chosen.append(candidate)
    return chosen


def telework_counts(
    days: Iterable[date], people: Sequence[str], entries: Mapping[str, Sequence[ScheduleEntry]]
) -> list[tuple[date, int]]:
    """How many of ``people`` have declared telework (any part) on each day."""
    counts = []
    for day in days:
        count = sum(
            1
            for person in people
            if any(
                e.day == day and e.status == EntryStatus.TELEWORK and e.state.is_live
                for e in entries.get(person, ())
            )
        )
        counts.append((day, count))
    return counts


def team_telework_days(
    days: Iterable[date], people: Sequence[str], entries: Mapping[str, Sequence[ScheduleEntry]]
) -> list[date]:
    """The day(s) on which most of ``people`` already telework (empty when nobody does)."""
    counts = telework_counts(days, people, entries)
    best = max((c for _d, c in counts), default=0)
    return [d for d, c in counts if best and c == best]


_SLOT = re.compile(
    r"^(?:(?P<y>\d{4})[-/.])?(?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:\s*\(\S+?\))?\s*(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?:\s*[-~〜–]\s*(?P<eh>\d{1,2}):(?P<emi>\d{2}))?$"
)
_SEPARATORS = re.compile(r"[,、，;；\n]+")


def parse_typed_slots(written: str, duration: int, today: date) -> list[Slot]:
    """Slots typed by the lead: ``12/8 14:00``, ``12/8(火) 14:00-15:00``, ``2026-12-08 9:30``,
    separated by commas or new lines. A month/day without a year is the next such date from
    ``today``. A range must last ``duration`` minutes."""
    slots: list[Slot] = []
    for piece in _SEPARATORS.split(unicodedata.normalize("NFKC", written)):
        item = piece.strip()
        if not item:
            continue
        match = _SLOT.match(item)
        if match is None:
            raise MeetingRefused("slot_unreadable", written=item)
        try:
            year = int(match["y"]) if match["y"] else today.year
            day = date(year, int(match["m"]), int(match["d"]))
            if not match["y"] and day < today:
                day = day.replace(year=year + 1)
            clock = time(int(match["h"]), int(match["mi"]))
        except ValueError:
            raise MeetingRefused("slot_unreadable", written=item) from None
        slot = Slot.at(day, clock, duration)
        if match["eh"] is not None:
            end = int(match["eh"]) * 60 + int(match["emi"])
            if end != slot.end:
                raise MeetingRefused("slot_length", written=item, minutes=duration)
        if slot not in slots:
            slots.append(slot)
    return slots
