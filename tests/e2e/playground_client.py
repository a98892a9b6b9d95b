"""A client for Microsoft 365 Agents Playground's own HTTP API and websocket.

Request bodies follow the Playground's validators (dist/index.js, 0.2.28):
* ``POST /_conversation/v1/conversations/{id}/messages``
  ``{"from": {"id"}, "text", "textFormat": "plain"}`` → ``{"messageId", "timestamp"}``;
  the Playground then posts a Teams message activity to the bot.
* ``POST /_conversation/v1/invoke`` ``{"name": "adaptiveCard/action", "from": {"id"},
  "conversation": {"id"}, "replyToId": <the card's messageId>, "value": {"action": …}}`` →
  the bot's invoke response ``{"type", "value"}`` (the card that replaces the clicked one).
* ``POST /_conversation/v1/submit`` (Action.Submit) ``{"conversation", "from", "replyToId",
  "value"}``.
* the websocket ``/_ws_conversation/v1/conversations/stream`` pushes
  ``{"action": "createMessage" | "updateMessage" | "typing", "actionConversationId",
  "message": {"messageId", "from": {"id"}, "text"?, "attachments"?}}`` for every message the
  bot sends.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp

CARD = "application/vnd.microsoft.card.adaptive"
Json = dict[str, Any]


def card_of(message: Json) -> Json | None:
    """The Adaptive Card a Playground message carries, if any."""
    for attachment in message.get("attachments") or []:
        if attachment.get("contentType") == CARD and isinstance(attachment.get("content"), dict):
            content: Json = attachment["content"]
            return content
    return None


def _texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key in ("text", "title", "value"):
            if isinstance(node.get(key), str):
                yield node[key]
        for key, child in node.items():
            if key != "data" and isinstance(child, dict | list):
                yield from _texts(child)
    elif isinstance(node, list):
        for child in node:
            yield from _texts(child)


def visible_text(message_or_card: Json) -> str:
    """Everything a person reads: message text, card texts, facts and button titles."""
    card = card_of(message_or_card)
    parts = [message_or_card.get("text") or ""] if card is not None else []
    parts.extend(_texts(card if card is not None else message_or_card))
    return "\n".join(part for part in parts if part)


def action_titled(card: Json, title: str) -> Json:
    """The card's button with this title (top-level actions and ActionSets)."""
    found: list[Json] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action.") and node.get("title") == title:
                found.append(node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(card)
    if not found:
        raise AssertionError(f"no button {title!r} on the card:\n{json.dumps(card)[:2000]}")
    return found[0]


@dataclass
class PlaygroundChat:
    """The mock user's personal chat with the bot, seen through the Playground."""

    base_url: str
    session: aiohttp.ClientSession
    websocket: aiohttp.ClientWebSocketResponse
    conversation_id: str
    user_id: str
    bot_id: str
    seen: list[Json] = field(default_factory=list)

    @classmethod
    async def open(cls, base_url: str, session: aiohttp.ClientSession) -> PlaygroundChat:
        async with session.get(f"{base_url}/_internal/v1/config") as response:
            assert response.status == 200, await response.text()
            config = (await response.json())["config"]
        websocket = await session.ws_connect(
            f"{base_url}/_ws_conversation/v1/conversations/stream", heartbeat=10
        )
        return cls(
            base_url=base_url,
            session=session,
            websocket=websocket,
            conversation_id=config["personalChat"]["id"],
            user_id=config["currentUser"]["id"],
            bot_id=config["bot"]["id"],
        )

    async def close(self) -> None:
        await self.websocket.close()

    async def say(self, text: str) -> str:
        """Send a message as the mock user; the Playground's message id."""
        url = f"{self.base_url}/_conversation/v1/conversations/{self.conversation_id}/messages"
        body = {"from": {"id": self.user_id}, "text": text, "textFormat": "plain"}
        async with self.session.post(url, json=body) as response:
            assert response.status == 200, f"{response.status}: {await response.text()}"
            return str((await response.json())["messageId"])

    async def bot_message(self, matches: Callable[[Json], bool], *, within: float = 20.0) -> Json:
        """The next message the bot sends into this chat that ``matches`` (bounded wait)."""
        deadline = time.monotonic() + within
        skipped: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                frame = await self.websocket.receive(timeout=left)
            except TimeoutError:
                break
            if frame.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"the Playground's websocket closed: {frame.type!r}")
            event = json.loads(frame.data)
            message = event.get("message") or {}
            if (
                event.get("action") != "createMessage"
                or event.get("actionConversationId") != self.conversation_id
                or (message.get("from") or {}).get("id") != self.bot_id
            ):
                continue
            self.seen.append(message)
            if matches(message):
                return dict(message)
            skipped.append(visible_text(message)[:300])
        raise AssertionError(
            f"no matching bot message within {within:.0f} s; the bot sent: {skipped!r}"
        )

    async def ask(self, text: str, expect: str, *, within: float = 20.0) -> Json:
        """Say ``text`` and wait for the bot's message containing ``expect``."""
        await self.say(text)
        return await self.bot_message(lambda m: expect in visible_text(m), within=within)

    async def press(self, message: Json, title: str) -> Json:
        """Press a card button the way the Playground's UI does; the invoke response."""
        card = card_of(message)
        assert card is not None, f"not a card: {message!r}"
        action = action_titled(card, title)
        if action["type"] == "Action.Execute":
            body = {
                "name": "adaptiveCard/action",
                "from": {"id": self.user_id},
                "conversation": {"id": self.conversation_id},
                "replyToId": message["messageId"],
                "value": {
                    "action": {
                        "type": "Action.Execute",
                        "verb": action.get("verb"),
                        "data": action.get("data", {}),
                    },
                    "trigger": "manual",
                },
            }
            path = "invoke"
        else:  # Action.Submit: the bot answers with a new message on the websocket
            body = {
                "conversation": {"id": self.conversation_id},
                "from": {"id": self.user_id},
                "replyToId": message["messageId"],
                "value": action.get("data", {}),
            }
            path = "submit"
        async with self.session.post(
            f"{self.base_url}/_conversation/v1/{path}", json=body
        ) as response:
            assert response.status == 200, f"{response.status}: {await response.text()}"
            raw = await response.text()
        return json.loads(raw) if raw else {}
