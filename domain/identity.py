"""Who is talking to the bot, and where: channel-neutral value types and their port."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class ChatUser:
    """A chat user as the channel identifies them (Teams: 29:… id, Entra object id, UPN)."""

    tenant_id: str
    user_id: str
    aad_object_id: str | None = None
    user_principal_name: str | None = None
    display_name: str | None = None
    locale: str | None = None


@dataclass(frozen=True)
class ConversationAddress:
    """Everything needed to post into a conversation later (a ConversationReference)."""

    conversation_id: str
    conversation_type: str
    service_url: str
    channel_id: str
    bot_id: str
    bot_name: str | None
    tenant_id: str | None
    team_id: str | None
    # The user's id for a 1:1 conversation; "" for channels and group chats.
    user_key: str


class TurnRecorder(Protocol):
    """Records, on every turn, who spoke and where (serviceUrl refreshed)."""

    async def record_turn(self, user: ChatUser | None, address: ConversationAddress) -> None: ...


class EventRecorder(Protocol):
    """Appends to the event log; nothing in it is ever updated or deleted."""

    async def append(
        self, *, actor: str, kind: str, subject: str | None, payload: dict[str, Any]
    ) -> None: ...
