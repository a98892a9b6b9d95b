"""What a handler gets and gives: one request in channel-neutral terms, and the reply.

A ``Turn`` is built by the channel edge (``bot.teams``) from an activity; handlers never see
botbuilder types. Who is talking (``sender``), where (``conversation``), what they wrote
(``text``, with mentions of the bot removed), whom they mentioned, and the app's services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from bot.core.conversation import ConversationState
from bot.core.services import Services
from bot.ui.cards import Card
from bot.ui.texts import Lang
from domain.identity import ChatUser
from domain.org import OrgChart, Viewer

if TYPE_CHECKING:
    from bot.core.router import Router


class Scope(StrEnum):
    """Where a conversation happens, in the Teams manifest's words."""

    PERSONAL = "personal"  # a 1:1 chat with the bot
    GROUP_CHAT = "groupChat"
    TEAM = "team"  # a channel of a team

    @classmethod
    def of(cls, conversation_type: str | None) -> Scope:
        """The scope of a Bot Framework ``conversationType`` (``channel`` is a team's). A
        kind Teams may add later is never taken for a 1:1 chat."""
        if conversation_type == "personal":
            return cls.PERSONAL
        if conversation_type in ("channel", "team"):
            return cls.TEAM
        return cls.GROUP_CHAT


PERSONAL_ONLY = frozenset({Scope.PERSONAL})
EVERYWHERE = frozenset(Scope)


@dataclass(frozen=True, slots=True)
class Mention:
    """Someone the message @mentioned (never the bot itself)."""

    user_id: str
    name: str
    aad_object_id: str | None = None


@dataclass(frozen=True, slots=True)
class Conversation:
    """The conversation a turn happens in."""

    id: str
    scope: Scope
    tenant_id: str | None = None
    team_id: str | None = None

    @property
    def personal(self) -> bool:
        return self.scope == Scope.PERSONAL


@dataclass
class Reply:
    """What a handler answers: a text, a card, or both."""

    text: str | None = None
    card: Card | None = None


class NotOnRoster(Exception):
    """The person talking matches no staff record: the bot explains, nothing is done."""


@dataclass
class Turn:
    """One request as handlers see it.

    ``argument`` is what followed a command's name ("レポート 2025" → "2025"); ``data`` is a
    card action's raw data (each route validates it into its payload model before the
    handler runs, so handlers read the typed payload, not this).
    """

    sender: ChatUser
    conversation: Conversation
    lang: Lang
    services: Services
    text: str = ""
    mentions: tuple[Mention, ...] = ()
    argument: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    router: Router | None = None
    _viewer: Viewer | None = None
    _looked_up: bool = False
    _chart: OrgChart | None = None
    _exchange: ConversationState | None = None

    @property
    def exchange(self) -> ConversationState:
        """The exchange open in this conversation for this person (a question the bot asked,
        a card waiting for a yes): read once per turn, written once when it is answered."""
        if self._exchange is None:
            services = self.services
            self._exchange = ConversationState(
                services.conversations,
                self.sender.user_id,
                self.conversation.id,
                now=services.now(),
                timeout=services.conversation_timeout,
            )
        return self._exchange

    async def viewer(self) -> Viewer | None:
        """The staff member talking, with their roles; None when the roster has nobody who
        matches (looked up once per turn)."""
        if not self._looked_up:
            self._looked_up = True
            self._viewer = await self._find_viewer()
        return self._viewer

    async def staff(self) -> Viewer:
        """The staff member talking; raises :class:`NotOnRoster` (answered politely, in one
        place) when the roster has nobody who matches."""
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
            self._chart = await self.services.directory.chart()
        return self._chart

    async def _find_viewer(self) -> Viewer | None:
        # The chat user was matched to the roster at first contact (by the channel edge):
        # this reads the link, with no call to the channel.
        member = await self.services.directory.link(self.sender)
        if member is None:
            return None
        return Viewer.of(member, await self.chart(), self.services.admins)
