"""What a command handler gets: the turn, the language, and the application's services."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo

from bot.teams.activity import chat_user
from bot.ui.cards import Card
from bot.ui.texts import Lang
from domain.calendar import WorkCalendar
from domain.org import OrgChart, Viewer
from domain.policy import Policy
from domain.ports import CampaignList, DeliveryReports, Directory, Schedule
from domain.report_rows import ReportSource


class Doorbell:
    """Wakes the delivery dispatcher after a transaction that enqueued messages has
    committed (the dispatcher is built after the features, so it is attached later)."""

    def __init__(self) -> None:
        self._ring: Callable[[], None] | None = None

    def attach(self, ring: Callable[[], None]) -> None:
        self._ring = ring

    def ring(self) -> None:
        if self._ring is not None:
            self._ring()


@dataclass(frozen=True)
class Features:
    """The services command handlers use, wired once by the composition root."""

    directory: Directory
    schedule: Schedule
    policy: Policy
    calendar: WorkCalendar
    admins: frozenset[str]
    now: Callable[[], datetime]
    deliveries: DeliveryReports
    reports: ReportSource
    campaigns: CampaignList
    doorbell: Doorbell = field(default_factory=Doorbell)

    def today(self) -> date:
        return self.calendar.local_date(self.now())


@dataclass
class Reply:
    """What a command answers: a text, a card, or both."""

    text: str | None = None
    card: Card | None = None


class NotOnRoster(Exception):
    """The person talking matches no staff record: the bot explains, nothing is done."""


@dataclass
class Turn:
    """One request as the command handlers see it."""

    context: TurnContext
    lang: Lang
    features: Features
    argument: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    _viewer: Viewer | None = None
    _looked_up: bool = False
    _chart: OrgChart | None = None

    async def viewer(self) -> Viewer | None:
        """The staff member talking, with their roles; None when the roster has nobody who
        matches (looked up once per turn)."""
        if not self._looked_up:
            self._looked_up = True
            self._viewer = await self._find_viewer()
        return self._viewer

    async def staff(self) -> Viewer:
        """The staff member talking; raises :class:`NotOnRoster` (answered politely by the
        bot, in one place) when the roster has nobody who matches."""
        viewer = await self.viewer()
        if viewer is None:
            raise NotOnRoster
        return viewer

    @property
    def cached_viewer(self) -> Viewer | None:
        """The viewer if :meth:`viewer` already looked them up this turn."""
        return self._viewer

    async def chart(self) -> OrgChart:
        """The org chart, read once per turn (the viewer's roles need it too)."""
        if self._chart is None:
            self._chart = await self.features.directory.chart()
        return self._chart

    async def _find_viewer(self) -> Viewer | None:
        # The Teams user was matched to the roster at first contact (TeleworkBot.on_turn):
        # this reads the link, with no call to the connector.
        user = chat_user(self.context.activity)
        if user is None:
            return None
        member = await self.features.directory.link(user)
        if member is None:
            return None
        return Viewer.of(member, await self.chart(), self.features.admins)


async def principal_name(context: TurnContext) -> str | None:
    """The sender's UPN from the Teams members API (messages carry the Entra object id but
    rarely the UPN); None when the connector does not know them or cannot be reached."""
    sender = context.activity.from_property
    if sender is None or not sender.id:
        return None
    try:
        account = await TeamsInfo.get_member(context, sender.id)
    except Exception:  # the connector may not know the member (or be unreachable)
        return None
    principal = getattr(account, "user_principal_name", None) or getattr(account, "email", None)
    return str(principal) if principal else None


Handler = Callable[[Turn], Awaitable[Reply]]
