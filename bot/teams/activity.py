"""Reading a Teams activity: who, where, which language, and the text without mentions."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.core.language import from_locale
from bot.core.services import Services
from bot.core.turn import Conversation, Mention, Scope, Turn
from domain.identity import ChatUser, ConversationAddress

# ASCII-only lower-casing keeps every index of the original string (str.lower() does not:
# "İ" becomes two characters), so positions found in the folded copy apply to the original.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
    """``personal``, ``groupChat`` or ``channel``. A conversation counts as personal only when
    nothing says otherwise: without a ``conversationType``, a team, ``isGroup`` or a thread id
    (``19:…@thread.v2``/``.skype``/``.tacv2``, which 1:1 chats never have) mean a group."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None) if conversation else None
    if kind:
        return str(kind)
    if team_of(activity):
        return "channel"
    if conversation is not None and getattr(conversation, "is_group", False):
        return "groupChat"
    if conversation is not None and "@thread." in str(conversation.id or ""):
        return "groupChat"
    return "personal"


def conversation_scope(activity: Activity) -> str:
    """The Teams app scope the activity comes from: ``personal`` (a 1:1 chat with the bot),
    ``team`` (a channel) or ``groupChat``; a kind Teams may add later is never personal."""
    kind = conversation_type(activity)
    if kind == "personal":
        return "personal"
    return "team" if kind == "channel" else "groupChat"


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
    return readable_text(activity.text or "", bot_mention_names(activity))


def bot_mention_names(activity: Activity) -> frozenset[str]:
    """The names under which this message mentions the bot: the mention entities that name
    the recipient, and the recipient's own name. Read without regular expressions: the text
    and the entities are whatever the sender chose (botbuilder's ``remove_recipient_mention``
    uses a mention's name as a regular expression)."""
    bot = activity.recipient
    if bot is None:
        return frozenset()
    names = {_mention_name(bot.name or "")}
    for entity in activity.entities or []:
        if str(getattr(entity, "type", "")).lower() != "mention":
            continue
        properties = getattr(entity, "additional_properties", None) or {}
        mentioned = properties.get("mentioned")
        if not isinstance(mentioned, dict) or not bot.id or mentioned.get("id") != bot.id:
            continue
        tagged = properties.get("text")
        if isinstance(tagged, str) and tagged:
            names.update(_mention_name(name) for name, _end, _start in _at_spans(tagged))
        names.add(_mention_name(str(mentioned.get("name") or "")))
    names.discard("")
    return frozenset(names)


def readable_text(raw: str, bot_names: Collection[str] = ()) -> str:
    """``raw`` with ``<at>name</at>`` mentions of the bot (``bot_names``) dropped, other
    mentions unwrapped to the name, every other tag removed and whitespace collapsed.

    Linear in ``len(raw)``: each scan moves forward only, and a scan that finds no closing
    ``</at>`` (or ``>``) stops, because none can follow further on either. A regular
    expression such as ``<at[^>]*>(.*?)</at>`` restarts its scan at every ``<at`` and takes
    minutes on a 256 KB body of repeated ``<at>``.
    """
    parts: list[str] = []
    position = 0
    for name, end, start in _at_spans(raw):
        parts.append(raw[position:start])
        shown = _mention_name(_strip_tags(name))
        parts.append(" " if shown in bot_names else f" {shown} ")
        position = end
    parts.append(raw[position:])
    return " ".join(_strip_tags("".join(parts)).split())


def _mention_name(value: str) -> str:
    return " ".join(value.split()).lstrip("@").strip()


def _at_spans(raw: str, position: int = 0) -> list[tuple[str, int, int]]:
    """(inner text, index after ``</at>``, index of ``<at``) of each ``<at …>…</at>``,
    case-insensitively, the inner text ending at the first ``</at>`` (as ``.*?`` would)."""
    folded = raw.translate(_ASCII_LOWER)
    spans: list[tuple[str, int, int]] = []
    while True:
        start = folded.find("<at", position)
        if start < 0:
            break
        opened = folded.find(">", start)
        if opened < 0:
            break
        closed = folded.find("</at>", opened + 1)
        if closed < 0:
            break
        spans.append((raw[opened + 1 : closed], closed + len("</at>"), start))
        position = closed + len("</at>")
    return spans


def _strip_tags(value: str) -> str:
    """Every ``<…>`` (at least one character inside) replaced by a space, in one pass."""
    parts: list[str] = []
    position = 0
    while True:
        start = value.find("<", position)
        if start < 0:
            break
        end = value.find(">", start + 1)
        if end < 0:
            break
        if end == start + 1:  # "<>" is no tag: keep the "<" and look on from the ">"
            parts.append(value[position : start + 1])
            position = start + 1
            continue
        parts.append(value[position:start])
        parts.append(" ")
        position = end + 1
    parts.append(value[position:])
    return "".join(parts)


MAX_MENTIONS = 101  # a meeting's capacity (100) and the lead


def mentions_of(activity: Activity) -> tuple[Mention, ...]:
    """The people the message @mentions, never the bot itself (botbuilder keeps a mention's
    ``mentioned`` account in the entity's additional properties)."""
    bot_id = activity.recipient.id if activity.recipient else None
    found: dict[str, Mention] = {}
    for entity in activity.entities or []:
        if len(found) >= MAX_MENTIONS:  # a body can carry thousands of mention entities
            break
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
