"""Ports of the meetings feature: the repository and saved sub-teams.

The Outlook event and its Teams link come from :class:`domain.m365.MeetingCalendar` when
Microsoft 365 is connected. Without it the bot says there is no link yet and lets the lead
paste one: it never invents a link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from domain.delivery import NewDelivery
from domain.meetings import Meeting, Participant, Rsvp, Slot

MeetingNotify = Callable[[Meeting], Sequence[NewDelivery]]
"""Messages to enqueue in the same transaction as a meeting change (given the meeting as
it is after the change)."""


@dataclass(frozen=True)
class SubTeam:
    """A saved group of people a lead meets with often (e.g. 文書係の打合せメンバー)."""

    id: int
    owner: str
    name: str
    members: tuple[Participant, ...]


class Meetings(Protocol):
    """Meetings, votes and answers. Every change appends an event and
    enqueues ``notify``'s messages in the same transaction."""

    async def create(self, meeting: Meeting, *, actor: str, notify: MeetingNotify) -> Meeting: ...

    async def get(self, meeting_id: int) -> Meeting | None: ...

    async def organised_by(self, employee_id: str, *, since: datetime) -> list[Meeting]: ...

    async def invited_to(self, key: str, *, since: datetime) -> list[Meeting]:
        """Meetings ``key`` (an employee id) is invited to and does not organise."""
        ...

    async def vote(self, meeting_id: int, key: str, choices: Sequence[int]) -> Meeting | None:
        """Store a participant's votes while the poll is open (None when it is not)."""
        ...

    async def finalise(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        *,
        actor: str,
        notify: MeetingNotify,
        calendar_event_id: str | None = None,
    ) -> Meeting | None:
        """Polling → scheduled (None if it was no longer polling); ``calendar_event_id``:
        the Outlook event made for it, if any."""
        ...

    async def change(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        *,
        sequence: int,
        actor: str,
        notify: MeetingNotify,
    ) -> Meeting | None:
        """Move or relink a scheduled meeting; bumps the sequence (None if ``sequence`` is
        stale or the meeting is not scheduled). Moving it clears the answers."""
        ...

    async def cancel(
        self, meeting_id: int, *, actor: str, notify: MeetingNotify
    ) -> Meeting | None: ...

    async def answer(self, meeting_id: int, key: str, response: Rsvp) -> Meeting | None: ...

    async def busy(self, keys: Sequence[str], start: date, end: date) -> dict[str, list[Slot]]:
        """Scheduled meetings of these people in [start, end] (declined ones excluded)."""
        ...

    async def open_polls(self) -> list[Meeting]: ...

    async def mark_reminded(self, meeting_id: int, *, notify: MeetingNotify) -> bool: ...

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Meeting]:
        """Scheduled meetings starting in [start, end)."""
        ...

    async def record_held(self, now: datetime) -> list[Meeting]:
        """Mark scheduled meetings that ended by ``now`` as held and append ``meeting.held``
        (each once); returns the newly recorded ones."""
        ...


class SubTeams(Protocol):
    """Saved sub-teams, who a Teams user is in the roster (for @mentioned people), and team
    telework day proposals."""

    async def save_team(self, team: SubTeam) -> SubTeam: ...

    async def teams_of(self, owner: str) -> list[SubTeam]: ...

    async def employees_for_chat_ids(self, chat_ids: Sequence[str]) -> dict[str, str]:
        """Teams user id → employee id for the people the bot has matched to the roster."""
        ...

    async def propose_team_day(
        self, section: str, day: date, *, actor: str, deliveries: Sequence[NewDelivery]
    ) -> int:
        """Record a chief's team-telework-day proposal and enqueue its messages together;
        returns how many messages were new."""
        ...
