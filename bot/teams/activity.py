"""Reading a Teams activity: who, where, which language, and the text without mentions."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.core.language import from_locale
from bot.core.services import Services
from bot.core.turn import Conversation, Mention, Scope, Turn
from domain.identity import ChatUser, ConversationAddress

_AT_TAG = re.compile(r"<at[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def tenant_of(activity: Activity) -> str | None:
    """The tenant id from channelData (Teams) or the conversation (newer payloads)."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    if isinstance(tenant, dict) and tenant.get("id"):
        return str(tenant["id"])
    conversation = activity.conversation
    tenant_id = getattr(conversation, "tenant_id", None) if conversation else None
    return str(tenant_id) if tenant_id else None


def team_of(activity: Activity) -> str | None:
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    return None


def conversation_type(activity: Activity) -> str:
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None) if conversation else None
    if kind:
        return str(kind)
    if team_of(activity):
        return "channel"
    if conversation is not None and getattr(conversation, "is_group", False):
        return "groupChat"
    return "personal"


def locale_of(activity: Activity) -> str | None:
    """The activity's locale, else the one in Teams' clientInfo entity."""
    if activity.locale:
        return str(activity.locale)
    for entity in activity.entities or []:
        properties = getattr(entity, "additional_properties", None) or {}
        if getattr(entity, "type", None) == "clientInfo" and properties.get("locale"):
            return str(properties["locale"])
    return None


def chat_user(activity: Activity) -> ChatUser | None:
    sender = activity.from_property
    if sender is None or not sender.id:
        return None
    properties: dict[str, Any] = getattr(sender, "additional_properties", None) or {}
    return ChatUser(
        tenant_id=tenant_of(activity) or "",
        user_id=sender.id,
        aad_object_id=sender.aad_object_id or None,
        user_principal_name=properties.get("userPrincipalName") or properties.get("email"),
        display_name=sender.name or None,
        locale=locale_of(activity),
    )


def address_of(activity: Activity) -> ConversationAddress | None:
    conversation, bot = activity.conversation, activity.recipient
    if conversation is None or not conversation.id or bot is None or not activity.service_url:
        return None
    kind = conversation_type(activity)
    sender = activity.from_property
    return ConversationAddress(
        conversation_id=conversation.id,
        conversation_type=kind,
        service_url=activity.service_url,
        channel_id=activity.channel_id or "msteams",
        bot_id=bot.id or "",
        bot_name=bot.name,
        tenant_id=tenant_of(activity),
        team_id=team_of(activity),
        user_key=(sender.id or "") if kind == "personal" and sender else "",
    )


def message_text(context: TurnContext) -> str:
    """The user's text with the bot's ``<at>`` mention removed and other mentions unwrapped
    to the person's name (so "where is <at>Aoi</at>" still names Aoi)."""
    activity = context.activity
    raw = activity.text or ""
    if activity.recipient is not None and raw:
        # A mention entity without "mentioned" raises: then every <at> tag is unwrapped below.
        with contextlib.suppress(KeyError, TypeError, AttributeError):
            raw = TurnContext.remove_recipient_mention(activity) or ""
    without_mentions = _AT_TAG.sub(lambda m: f" {m.group(1).lstrip('@')} ", raw)
    return " ".join(_TAG.sub(" ", without_mentions).split())


def mentions_of(activity: Activity) -> tuple[Mention, ...]:
    """The people the message @mentions, never the bot itself (botbuilder keeps a mention's
    ``mentioned`` account in the entity's additional properties)."""
    bot_id = activity.recipient.id if activity.recipient else None
    found: dict[str, Mention] = {}
    for entity in activity.entities or []:
        if str(getattr(entity, "type", "")).lower() != "mention":
            continue
        properties = getattr(entity, "additional_properties", None) or {}
        account = properties.get("mentioned")
        if not isinstance(account, dict):
            continue
        person_id = str(account.get("id") or "")[:255]
        if not person_id or person_id == bot_id or person_id in found:
            continue
        found[person_id] = Mention(
            person_id,
            str(account.get("name") or "")[:100],
            str(account["aadObjectId"])[:64] if account.get("aadObjectId") else None,
        )
    return tuple(found.values())


def conversation_of(activity: Activity) -> Conversation:
    conversation = activity.conversation
    return Conversation(
        id=str(conversation.id) if conversation is not None and conversation.id else "",
        scope=Scope.of(conversation_type(activity)),
        tenant_id=tenant_of(activity),
        team_id=team_of(activity),
    )


def turn_of(activity: Activity, services: Services, user: ChatUser, text: str = "") -> Turn:
    """The channel-neutral turn of a Teams activity (its language is resolved afterwards)."""
    return Turn(
        sender=user,
        conversation=conversation_of(activity),
        lang=from_locale(user.locale) or "ja",
        services=services,
        text=text,
        mentions=mentions_of(activity) if text else (),
    )
