"""The services handlers and jobs use, wired once by the composition root (``bot.app``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, cast

from domain.calendar import WorkCalendar
from domain.policy import Policy
from domain.ports import (
    CampaignList,
    ConversationMemory,
    DeliveryReports,
    Directory,
    LanguagePreferences,
    Schedule,
)
from domain.report_rows import ReportSource

T = TypeVar("T")


class Doorbell:
    """Wakes the delivery dispatcher after a transaction that enqueued messages has
    committed (the dispatcher is built after the services, so it is attached later)."""

    def __init__(self) -> None:
        self._ring: Callable[[], None] | None = None

    def attach(self, ring: Callable[[], None]) -> None:
        self._ring = ring

    def ring(self) -> None:
        if self._ring is not None:
            self._ring()


@dataclass(frozen=True)
class Services:
    """Repositories, policy and clock shared by every feature.

    ``extensions`` holds a feature's own service objects (the meetings desk, the reminder
    repositories), keyed by their type: :meth:`get` returns one, typed.
    """

    directory: Directory
    schedule: Schedule
    policy: Policy
    calendar: WorkCalendar
    admins: frozenset[str]
    now: Callable[[], datetime]
    deliveries: DeliveryReports
    reports: ReportSource
    campaigns: CampaignList
    languages: LanguagePreferences
    conversations: ConversationMemory
    conversation_timeout: timedelta = timedelta(minutes=10)
    doorbell: Doorbell = field(default_factory=Doorbell)
    extensions: dict[type, Any] = field(default_factory=dict)

    def today(self) -> date:
        return self.calendar.local_date(self.now())

    def provide(self, value: object, kind: type | None = None) -> None:
        """Register a feature's service object under its type, or under ``kind`` (a port it
        implements). Wiring only, before the first turn."""
        self.extensions[kind or type(value)] = value

    def find(self, kind: type[T]) -> T | None:
        """The extension registered under ``kind``, or None for an optional one that was not
        wired (e.g. a Microsoft 365 port with Graph off)."""
        return cast("T | None", self.extensions.get(kind))

    def get(self, kind: type[T]) -> T:
        """The extension registered under ``kind`` (a wiring defect if it is missing)."""
        value = self.extensions.get(kind)
        if value is None:
            raise LookupError(f"no {kind.__name__} wired into the services")
        return cast(T, value)
