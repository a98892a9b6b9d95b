"""Ports the services need from storage: Protocols implemented in storage/."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from domain.campaigns import Campaign
from domain.delivery import FailedDelivery, NewDelivery, RunProgress, RunSummary
from domain.identity import ChatUser
from domain.org import OrgChart, StaffMember
from domain.schedule import PresenceReport, RecurringPlan, ScheduleEntry

Notify = Callable[[list[ScheduleEntry]], Sequence[NewDelivery]]
"""Messages to enqueue in the same transaction as a schedule change."""


class Directory(Protocol):
    """The organisation: units, staff, and which staff record a chat user is."""

    async def chart(self) -> OrgChart: ...

    async def staff(
        self, *, active_only: bool = False, only: Collection[str] | None = None
    ) -> dict[str, StaffMember]:
        """Staff records by employee id (``only``: just these people's)."""
        ...

    async def units(self, *, active_only: bool = False) -> dict[str, str]:
        """Employee id → the code of their org unit."""
        ...

    async def member(self, employee_id: str) -> StaffMember | None: ...

    async def link(self, user: ChatUser) -> StaffMember | None: ...

    async def note_principal_name(self, user: ChatUser, principal_name: str) -> None: ...

    async def chat_ids(self, employee_ids: Sequence[str]) -> dict[str, str]:
        """The Teams user id each person last talked to the bot with (if any)."""
        ...


class Schedule(Protocol):
    """Declared schedule entries and presence reports."""

    async def entries(
        self, employee_id: str, start: date, end: date, *, live_only: bool = True
    ) -> list[ScheduleEntry]: ...

    async def entries_on(self, day: date, employee_ids: Sequence[str]) -> list[ScheduleEntry]: ...

    async def get(self, entry_id: int) -> ScheduleEntry | None: ...

    async def pending(self, from_day: date) -> list[ScheduleEntry]: ...

    async def save(
        self,
        new: Iterable[ScheduleEntry],
        *,
        actor: str,
        replacing: Iterable[int] = (),
        source: str = "chat",
        notify: Notify | None = None,
    ) -> list[ScheduleEntry]: ...

    async def save_recurring(
        self, plan: RecurringPlan, entries: Iterable[ScheduleEntry], *, actor: str
    ) -> list[ScheduleEntry]: ...

    async def cancel_recurring(
        self, employee_id: str, weekdays: Sequence[str], *, from_day: date, actor: str
    ) -> tuple[int, int]: ...

    async def cancel(self, entry_ids: Sequence[int], *, actor: str) -> int: ...

    async def decide(
        self,
        entry_id: int,
        *,
        approve: bool,
        actor: str,
        comment: str | None,
        notify: Notify | None = None,
    ) -> ScheduleEntry | None: ...

    async def decide_many(
        self,
        entry_ids: Sequence[int],
        *,
        approve: bool,
        actor: str,
        comment: str | None,
        notify: Notify | None = None,
    ) -> list[ScheduleEntry]:
        """Decide every still-pending entry of one request in one transaction."""
        ...

    async def telework_occasions(
        self, start: date, end: date, employee_ids: Sequence[str] | None = None
    ) -> dict[str, list[tuple[date, str]]]: ...

    async def record_presence(
        self, employee_id: str, kind: str, *, at: datetime, note: str | None = None
    ) -> None: ...

    async def latest_presence(
        self, employee_ids: Sequence[str], since: datetime
    ) -> dict[str, tuple[str, datetime]]: ...

    async def presence_reports(self, employee_id: str, since: datetime) -> list[PresenceReport]:
        """One person's presence reports since ``since``, in time order."""
        ...

    async def correct_presence(self, report_id: int, *, at: datetime, actor: str) -> bool:
        """Move one presence report to ``at``; ``False`` if it no longer exists."""
        ...


class DeliveryReports(Protocol):
    """Progress of proactive deliveries, for admins."""

    async def progress(self, run_id: int | None) -> RunProgress: ...

    async def recent_runs(self, limit: int = 5) -> list[RunSummary]: ...

    async def recent_failures(self, limit: int = 5) -> list[FailedDelivery]:
        """The latest deliveries that failed for good, newest first."""
        ...


class CampaignList(Protocol):
    """The campaigns the secretariat created (reports read Telework Week from them)."""

    async def all(self, *, include_cancelled: bool = True) -> list[Campaign]: ...


class LanguagePreferences(Protocol):
    """The one place a person's language is kept (read back through ``StaffMember``)."""

    async def set_language(self, employee_id: str, language: str, *, actor: str) -> None:
        """The person chose ``language`` ("ja"/"en") in chat."""
        ...

    async def note_written_language(self, employee_id: str, language: str) -> None:
        """The person's latest (long enough) message was written in ``language``."""
        ...


class ConversationMemory(Protocol):
    """What a conversation keeps between two messages (a declaration being clarified, a card
    waiting for a yes), per chat user and conversation, until an expiry time. Documents are
    plain JSON objects named by a ``topic`` (the exchange they belong to)."""

    async def recall(
        self, user_id: str, conversation_id: str, *, now: datetime
    ) -> tuple[str, dict[str, Any]] | None:
        """The open exchange's topic and document; None when there is none or it expired."""
        ...

    async def keep(
        self,
        user_id: str,
        conversation_id: str,
        topic: str,
        document: dict[str, Any],
        *,
        now: datetime,
        until: datetime,
    ) -> None:
        """Open (or replace) the exchange; expired ones of anybody are dropped meanwhile."""
        ...

    async def forget(self, user_id: str, conversation_id: str) -> None:
        """Close the exchange (nothing happens when none is open)."""
        ...
