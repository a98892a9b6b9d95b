"""Poll and invitation rules: the tally, the quorum, when to remind non-voters, when a poll
finalises itself, and the RSVP tally.

A poll finalises itself at its deadline only when a quorum of participants voted (default:
half of them, rounded up) and at least one slot got a vote; the slot with most votes wins,
ties going to the earlier candidate in the lead's order (best-ranked first). Without a quorum
the poll stays open and the lead is told once: the lead decides, never a guess.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from domain.meetings import Meeting, MeetingState, Participant, Rsvp, Slot

REMIND_BEFORE_DEADLINE = timedelta(hours=24)


def tally(meeting: Meeting) -> list[int]:
    """Votes per candidate, in candidate order."""
    counts = [0] * len(meeting.candidates)
    for person in meeting.participants:
        for index in person.votes or ():
            if 0 <= index < len(counts):
                counts[index] += 1
    return counts


def voters(meeting: Meeting) -> list[Participant]:
    return [p for p in meeting.participants if p.votes is not None]


def non_voters(meeting: Meeting) -> list[Participant]:
    return [p for p in meeting.participants if p.votes is None]


def quorum_needed(meeting: Meeting, share: float) -> int:
    return max(1, math.ceil(len(meeting.participants) * share - 1e-9))


def quorum_reached(meeting: Meeting, share: float) -> bool:
    return len(voters(meeting)) >= quorum_needed(meeting, share)


def leading(meeting: Meeting) -> int | None:
    """The candidate index with most votes (earliest in order on a tie); None with no votes."""
    counts = tally(meeting)
    best = max(counts, default=0)
    return counts.index(best) if best > 0 else None


def deadline_outcome(meeting: Meeting, now: datetime, share: float) -> Slot | None:
    """The slot a poll finalises itself with at its deadline, or None (not due, no quorum,
    no votes, or no longer polling)."""
    if meeting.state != MeetingState.POLLING or meeting.poll_deadline is None:
        return None
    if now < meeting.poll_deadline or not quorum_reached(meeting, share):
        return None
    index = leading(meeting)
    return meeting.candidates[index] if index is not None else None


def remind_at(meeting: Meeting) -> datetime | None:
    """When non-voters get their one reminder: 24 hours before the deadline, or half-way
    through the poll if it is shorter than two days."""
    if meeting.poll_deadline is None or meeting.created_at is None:
        return None
    halfway = meeting.created_at + (meeting.poll_deadline - meeting.created_at) / 2
    return max(halfway, meeting.poll_deadline - REMIND_BEFORE_DEADLINE)


def reminder_due(meeting: Meeting, now: datetime) -> bool:
    at = remind_at(meeting)
    return (
        meeting.state == MeetingState.POLLING
        and meeting.reminded_at is None
        and at is not None
        and at <= now
        and bool(non_voters(meeting))
    )


def rsvp_tally(meeting: Meeting) -> dict[Rsvp | None, list[Participant]]:
    """Participants by their answer (None: not answered yet), in invitation order."""
    grouped: dict[Rsvp | None, list[Participant]] = {r: [] for r in Rsvp}
    grouped[None] = []
    for person in meeting.participants:
        grouped[person.rsvp].append(person)
    return grouped


def start_reminder_recipients(meeting: Meeting) -> list[Participant]:
    """Who gets the reminder before the start: those who accepted or answered tentative."""
    return [p for p in meeting.participants if p.rsvp in (Rsvp.ACCEPTED, Rsvp.TENTATIVE)]
