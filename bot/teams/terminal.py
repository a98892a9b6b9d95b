"""``telework-bot chat``: a terminal conversation with the very same bot, in-process.

The bot runs behind a small in-process adapter instead of the Bot Framework connector;
everything else (command table, storage, cards) is what Teams users get. Card buttons are
numbered: type ``#1`` to press the first button of the last card. Proactive messages
(approval requests, polls, invitations) reach the chat through ``bot.teams.loopback`` when
the delivery dispatcher runs in the same process (``telework-bot dev``); they are printed as
they arrive, and a card among them becomes "the last card" for ``#N``.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)

from bot.teams.loopback import CHAT_SERVICE_URL
from bot.teams.server import TeamsEdge, install_turn_error_handler
from bot.ui.cards import CARD_CONTENT_TYPE, card_actions, card_plain_text

CHAT_TENANT = "00000000-0000-0000-0000-00000000c4a7"


@dataclass
class ChatUserProfile:
    """Who the terminal user is pretending to be."""

    user_id: str
    name: str
    upn: str | None = None
    aad_object_id: str | None = None
    locale: str = "ja-JP"


class InProcessAdapter(BotAdapter):  # type: ignore[misc]
    """Runs turns in this process and collects what the bot sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        responses = []
        for activity in activities:
            if activity.type == ActivityTypes.invoke_response:
                context.turn_state[self._INVOKE_RESPONSE_KEY] = activity
            elif activity.type == ActivityTypes.message:
                self.sent.append(activity)
            responses.append(ResourceResponse(id=uuid.uuid4().hex))
        return responses

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        self.sent.append(activity)

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        return None

    async def process(
        self, activity: Activity, logic: Callable[[TurnContext], Awaitable[None]]
    ) -> list[Activity]:
        self.sent = []
        context = TurnContext(self, activity)
        await self.run_pipeline(context, logic)
        invoke = context.turn_state.get(self._INVOKE_RESPONSE_KEY)
        if invoke is not None and isinstance(invoke.value.body, dict):
            body = invoke.value.body
            if body.get("type") == CARD_CONTENT_TYPE:
                self.sent.append(_card_message(body["value"]))
            elif isinstance(body.get("value"), str):
                self.sent.append(Activity(type=ActivityTypes.message, text=body["value"]))
        return self.sent


def _card_message(card: dict[str, Any]) -> Activity:
    from botbuilder.core import CardFactory

    return Activity(type=ActivityTypes.message, attachments=[CardFactory.adaptive_card(card)])


@dataclass
class TerminalChat:
    """A conversation between one terminal user and the bot."""

    edge: TeamsEdge
    user: ChatUserProfile
    adapter: InProcessAdapter = field(default_factory=InProcessAdapter)
    last_actions: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        install_turn_error_handler(self.adapter, self.edge)
        self.conversation_id = f"terminal:{self.user.user_id}"

    def listen(self, show: Callable[[list[str]], None]) -> None:
        """Receive this conversation's proactive messages: each is rendered and shown."""

        def deliver(activity: Mapping[str, Any]) -> None:
            show(self._render([Activity().deserialize(dict(activity))]))

        self.edge.terminal.open(self.conversation_id, deliver)

    def close(self) -> None:
        self.edge.terminal.close(self.conversation_id)

    def _activity(self, **fields: Any) -> Activity:
        return Activity(
            id=uuid.uuid4().hex,
            timestamp=datetime.now(UTC),
            channel_id="msteams",
            service_url=CHAT_SERVICE_URL,
            from_property=self._sender(),
            recipient=ChannelAccount(id="28:telework-bot", name="telework-bot"),
            conversation=ConversationAccount(
                id=self.conversation_id, conversation_type="personal", tenant_id=CHAT_TENANT
            ),
            channel_data={"tenant": {"id": CHAT_TENANT}},
            locale=self.user.locale,
            **fields,
        )

    def _sender(self) -> ChannelAccount:
        sender = ChannelAccount(
            id=self.user.user_id, name=self.user.name, aad_object_id=self.user.aad_object_id
        )
        if self.user.upn:
            # Where a Teams activity carries the UPN: a field of ``from`` that the schema does
            # not declare, so it is kept in ``additional_properties`` (read by ``chat_user``).
            sender.additional_properties["userPrincipalName"] = self.user.upn
        return sender

    async def install(self) -> list[str]:
        activity = self._activity(
            type=ActivityTypes.conversation_update,
            members_added=[ChannelAccount(id="28:telework-bot")],
        )
        return self._render(await self.adapter.process(activity, self.edge.bot.on_turn))

    async def say(self, line: str) -> list[str]:
        """Send a line; ``#N`` presses button N of the last card."""
        stripped = line.strip()
        if stripped.startswith("#") and stripped[1:].isdigit():
            index = int(stripped[1:]) - 1
            if 0 <= index < len(self.last_actions):
                return await self.press(self.last_actions[index])
            return [f"(no button {stripped[1:]} on the last card)"]
        activity = self._activity(type=ActivityTypes.message, text=line)
        return self._render(await self.adapter.process(activity, self.edge.bot.on_turn))

    async def press(self, action: dict[str, Any]) -> list[str]:
        if action.get("type") == "Action.Execute":
            activity = self._activity(
                type=ActivityTypes.invoke,
                name="adaptiveCard/action",
                value={
                    "action": {
                        "type": "Action.Execute",
                        "verb": action.get("verb"),
                        "data": action.get("data", {}),
                    },
                    "trigger": "manual",
                },
            )
        else:
            activity = self._activity(type=ActivityTypes.message, value=action.get("data", {}))
        return self._render(await self.adapter.process(activity, self.edge.bot.on_turn))

    def _render(self, activities: list[Activity]) -> list[str]:
        lines: list[str] = []
        for activity in activities:
            if activity.text:
                lines.append(activity.text)
            for attachment in activity.attachments or []:
                if attachment.content_type == CARD_CONTENT_TYPE:
                    content = attachment.content
                    if not isinstance(content, dict):
                        content = json.loads(json.dumps(content, default=vars))
                    self.last_actions = card_actions(content)
                    lines.append(card_plain_text(content))
        return lines


async def run_terminal_chat(
    edge: TeamsEdge, user: ChatUserProfile, stdin: TextIO, stdout: TextIO
) -> None:
    """Read lines from ``stdin`` until EOF or ``/quit``; print the bot's answers."""
    chat = TerminalChat(edge, user)

    def arrived(lines: list[str]) -> None:  # a proactive message, while the prompt waits
        print("", file=stdout)
        for line in lines:
            print(f"bot> {line}", file=stdout)
        print("you> ", end="", file=stdout, flush=True)

    chat.listen(arrived)
    try:
        for line in await chat.install():
            print(f"bot> {line}", file=stdout, flush=True)
        while True:
            print("you> ", end="", file=stdout, flush=True)
            raw = await asyncio.to_thread(stdin.readline)
            if not raw or raw.strip() in ("/quit", "/exit"):
                print("", file=stdout)
                return
            for line in await chat.say(raw.rstrip("\n")):
                print(f"bot> {line}", file=stdout, flush=True)
    finally:
        chat.close()
