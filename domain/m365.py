"""Ports to the organisation's Microsoft 365 (issue 17): Outlook events for team meetings,
free/busy, installing the Teams app for people, and status notes.

All optional: the composition root provides an implementation (the Microsoft Graph adapter,
``bot.graph``) only for the features switched on in ``TELEWORK_GRAPH_FEATURES``; with none,
everything works as without Microsoft 365 (a pasted join link and an .ics file, slots from
declared schedules, people reached once they installed the app themselves).

A person is named to Microsoft 365 by :func:`mailbox_of`: the Entra object id from the roster,
else the e-mail address (the user principal name in most tenants).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.meetings import Meeting
from domain.org import StaffMember


class M365Failure(StrEnum):
    """Why Microsoft 365 did not do what was asked."""

    PERMISSION = "permission"  # 403: the app lacks the permission (or a policy excludes it)
    UNKNOWN_USER = "unknown_user"  # 404: no such user or mailbox
    THROTTLED = "throttled"  # still 429 after the retries
    UNAVAILABLE = "unavailable"  # 5xx, timeouts, no connection, no token
    REJECTED = "rejected"  # any other 4xx: the request was not accepted


class M365Error(Exception):
    """A Microsoft 365 call failed; ``failure`` says why, ``detail`` is for logs and admins
    (never shown to staff)."""

    def __init__(self, failure: M365Failure, detail: str = "") -> None:
        super().__init__(f"{failure.value}: {detail}" if detail else failure.value)
        self.failure = failure
        self.detail = detail


def mailbox_of(member: StaffMember) -> str:
    """How Microsoft Graph names this person: their Entra object id, else their UPN."""
    return member.aad_object_id or member.email


# -- team meetings in Outlook ------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEvent:
    """An event in the organiser's Outlook calendar and its Teams meeting's join link."""

    event_id: str
    join_url: str | None


class MeetingCalendar(Protocol):
    """Creates, moves and cancels a team meeting's event in the organiser's mailbox; the
    event invites the participants (Outlook sends them the invitation)."""

    async def create(
        self, organiser: str, meeting: Meeting, start: datetime, end: datetime
    ) -> CalendarEvent: ...

    async def update(
        self, organiser: str, event_id: str, meeting: Meeting, start: datetime, end: datetime
    ) -> CalendarEvent: ...

    async def cancel(self, organiser: str, event_id: str, comment: str) -> None: ...


# -- free/busy ---------------------------------------------------------------------------------

BusyTimes = Mapping[str, Sequence[tuple[datetime, datetime]]]
"""Mailbox → busy intervals (aware instants). A mailbox whose schedule could not be read is
missing (not "free")."""


class FreeBusy(Protocol):
    """People's busy times from their Outlook calendars."""

    async def busy(
        self, organiser: str, mailboxes: Sequence[str], start: datetime, end: datetime
    ) -> BusyTimes: ...


# -- installing the Teams app for people --------------------------------------------------------


class InstallResult(StrEnum):
    INSTALLED = "installed"
    ALREADY = "already"  # was installed before: success, nothing changed
    FAILED = "failed"


@dataclass(frozen=True)
class InstallOutcome:
    result: InstallResult
    reason: str | None = None  # why it failed (M365Failure value and detail)


class AppInstaller(Protocol):
    """Installs the bot's Teams app (personal scope) for a person."""

    async def install(self, mailbox: str) -> InstallOutcome: ...


# -- status notes ------------------------------------------------------------------------------


class StatusNotes(Protocol):
    """A person's Teams status message (「本日テレワーク（〜17:45）」), expiring on its own."""

    @property
    def available(self) -> bool:
        """False once Microsoft 365 refused the permission: the option is then hidden."""
        ...

    async def set_note(self, mailbox: str, message: str, expires: datetime) -> None: ...
