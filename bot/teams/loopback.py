"""The terminal chat's connector: proactive messages to a terminal conversation are handed to
the terminal in this process instead of being POSTed to a Bot Framework connector.

A terminal chat has no connector to receive proactive messages (its activities carry
``CHAT_SERVICE_URL``, which nothing listens on). ``LoopbackSender`` wraps the real sender of
the delivery dispatcher: a delivery to ``CHAT_SERVICE_URL`` goes to the open terminal chat of
that conversation (``TerminalInbox``); everything else goes to the Teams connector unchanged.
When no terminal chat of that conversation is open in this process (``telework-bot chat`` in
another terminal, or the chat was closed) the delivery fails with that reason in words.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from domain.delivery import ConversationSender, ConversationTarget, SendResult

CHAT_SERVICE_URL = "http://127.0.0.1/terminal-chat"
NOT_OPEN = (
    "the terminal chat of this conversation is not open in the bot's process "
    "(proactive messages reach a terminal chat started by `telework-bot dev`)"
)

Deliver = Callable[[Mapping[str, Any]], None]


class TerminalInbox:
    """The terminal chats open in this process, by conversation id."""

    def __init__(self) -> None:
        self._open: dict[str, Deliver] = {}

    def open(self, conversation_id: str, deliver: Deliver) -> None:
        self._open[conversation_id] = deliver

    def close(self, conversation_id: str) -> None:
        self._open.pop(conversation_id, None)

    def get(self, conversation_id: str) -> Deliver | None:
        return self._open.get(conversation_id)


def is_terminal(service_url: str) -> bool:
    return service_url.rstrip("/") == CHAT_SERVICE_URL


class LoopbackSender:
    """A :class:`ConversationSender`: terminal conversations here, the rest to ``inner``."""

    def __init__(self, inner: ConversationSender, inbox: TerminalInbox) -> None:
        self._inner, self._inbox = inner, inbox

    async def send(self, target: ConversationTarget, activity: Mapping[str, Any]) -> SendResult:
        if not is_terminal(target.service_url):
            return await self._inner.send(target, activity)
        deliver = self._inbox.get(target.conversation_id)
        if deliver is None:
            return SendResult(http_status=404, error=NOT_OPEN)
        deliver(activity)
        return SendResult(http_status=201, activity_id=uuid.uuid4().hex)
