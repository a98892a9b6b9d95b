"""The Teams activity handler: turns each activity into a channel-neutral ``Turn``, asks the
router for the reply, and turns the ``Reply`` back into activities (or an invoke response).

Also, on every turn: records who spoke and where (the conversation reference for proactive
messages), and links a Teams user to the roster at first contact.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from botbuilder.core import ActivityHandler, CardFactory, MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler, TeamsInfo
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, InvokeResponse

from bot.app import Application
from bot.core.language import choose_language, resolve_language
from bot.core.turn import Reply, Turn
from bot.core.turn_limit import Admission, TurnRateLimit
from bot.teams.activity import (
    address_of,
    chat_user,
    conversation_type,
    locale_of,
    message_text,
    team_of,
    tenant_of,
    turn_of,
)
from bot.teams.team_install import TeamConversations, TeamInstall
from bot.ui.cards import CARD_CONTENT_TYPE
from bot.ui.texts import text
from domain.identity import ChatUser

log = logging.getLogger(__name__)

MESSAGE_INVOKE_TYPE = "application/vnd.microsoft.activity.message"
LINK_RETRY = timedelta(minutes=5)
SPOKEN = (ActivityTypes.message, ActivityTypes.invoke)  # what a person sent, not a system event
LINK_MEMORY = 50_000
MAX_TEXT_CHARS = 2_000  # longer messages are answered as too long, never parsed


class TeleworkBot(TeamsActivityHandler):  # type: ignore[misc]
    """The Teams side of the application: activities in, router replies out."""

    def __init__(
        self,
        application: Application,
        team_conversations: TeamConversations | None = None,
        turn_limit: TurnRateLimit | None = None,
    ) -> None:
        self._app = application
        self._team_conversations = team_conversations
        self._turn_limit = turn_limit
        self._linked: set[str] = set()
        self._link_retry: dict[str, datetime] = {}

    # -- the turn ------------------------------------------------------------------------------

    async def on_turn(self, turn_context: TurnContext) -> None:
        if not await self._admitted(turn_context):
            return
        address = address_of(turn_context.activity)
        user = chat_user(turn_context.activity)
        if address is not None:
            await self._app.turns.record_turn(user, address)
        if user is not None and user.tenant_id and turn_context.activity.type in SPOKEN:
            await self._link_on_first_contact(turn_context, user)
        await super().on_turn(turn_context)

    async def _admitted(self, context: TurnContext) -> bool:
        """The sender's turn rate limit, checked before any other work (no database, no
        connector call). A refused card button still gets its invoke response; a refused
        message is answered once per episode, then dropped silently."""
        if self._turn_limit is None:
            return True
        activity = context.activity
        sender = activity.from_property.id if activity.from_property else None
        verdict = self._turn_limit.admit(sender or "")
        if verdict is Admission.ALLOWED:
            return True
        lang = choose_language(
            written=(activity.text or "")[:MAX_TEXT_CHARS], locale=locale_of(activity)
        )
        notice = text(lang, "turn.rate_limited")
        if verdict is Admission.LIMITED_NOTIFY:  # once per episode: an attack cannot flood logs
            log.warning(
                "sender over the turn rate limit",
                extra={"user_id": (sender or "")[:80], "activity_type": str(activity.type)[:40]},
            )
        if activity.type == ActivityTypes.invoke:
            # Every invoke needs its response; a card button's shows only to whoever pressed.
            card_button = activity.name == "adaptiveCard/action"
            body = {"statusCode": 200, "type": MESSAGE_INVOKE_TYPE, "value": notice}
            response = InvokeResponse(status=200, body=body if card_button else None)
            await context.send_activity(
                Activity(type=ActivityTypes.invoke_response, value=response)
            )
            if card_button:
                return False
        if verdict is Admission.LIMITED_NOTIFY and activity.type in SPOKEN:
            await context.send_activity(MessageFactory.text(notice))
        return False

    async def _link_on_first_contact(self, context: TurnContext, user: ChatUser) -> None:
        """Match a Teams user to the roster as soon as they talk to the bot (by Entra object
        id, else UPN — asked of the members API when a 1:1 message lacks it); remembered per
        process, unknown users retried every few minutes (so at most one members call each)."""
        now = self._app.services.now()
        retry_at = self._link_retry.get(user.user_id)
        if user.user_id in self._linked or (retry_at is not None and now < retry_at):
            return
        directory = self._app.services.directory
        member = await directory.link(user)
        if (
            member is None
            and not user.user_principal_name
            and conversation_type(context.activity) == "personal"
        ):
            principal = await principal_name(context)
            if principal:
                await directory.note_principal_name(user, principal)
                member = await directory.link(replace(user, user_principal_name=principal))
        if member is not None:
            self._linked.add(user.user_id)
        else:
            if len(self._link_retry) > LINK_MEMORY:
                self._link_retry.clear()
            self._link_retry[user.user_id] = now + LINK_RETRY

    async def turn(self, context: TurnContext, written: str | None = None) -> Turn | None:
        """The channel-neutral turn, its language resolved; None without a sender."""
        user = chat_user(context.activity)
        if user is None:
            return None
        turn = turn_of(context.activity, self._app.services, user, written or "")
        await resolve_language(turn, written)
        return turn

    # -- messages ------------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        value = turn_context.activity.value
        if isinstance(value, dict) and value:  # Action.Submit / messageBack
            turn = await self.turn(turn_context)
            if turn is None:
                return
            reply = await self._app.router.on_action(turn, str(value.get("command", "")), value)
        else:
            written = message_text(turn_context)
            turn = await self.turn(turn_context, written[:MAX_TEXT_CHARS])
            if turn is None:
                return
            if len(written) > MAX_TEXT_CHARS:  # read before any pattern runs: answered as is
                reply = Reply(text=text(turn.lang, "message.too_long", limit=MAX_TEXT_CHARS))
            else:
                reply = await self._app.router.on_text(turn)
        await _send(turn_context, reply)

    # -- card actions (Action.Execute and legacy invokes) ---------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        if not activity.name and isinstance(activity.value, dict):
            # A nameless Teams card-action invoke: run it like Action.Submit, answer 200.
            turn = await self.turn(turn_context)
            if turn is not None:
                data = activity.value
                reply = await self._app.router.on_action(turn, str(data.get("command", "")), data)
                await _send(turn_context, reply)
            return InvokeResponse(status=200)
        if activity.name == "adaptiveCard/action":
            return InvokeResponse(status=200, body=await self._execute(turn_context))
        return await super().on_invoke_activity(turn_context)

    async def _execute(self, context: TurnContext) -> dict[str, Any]:
        """An ``Action.Execute``: the reply card replaces the clicked card, or a message shows."""
        value = context.activity.value
        action = value.get("action") if isinstance(value, dict) else None
        action = action if isinstance(action, dict) else {}
        given = action.get("data")
        data: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
        verb = str(data.get("command") or action.get("verb") or "")
        turn = await self.turn(context)
        reply = (
            await self._app.router.on_action(turn, verb, data)
            if turn is not None
            else Reply(text="")
        )
        if reply.card is not None:
            return {"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": reply.card}
        return {"statusCode": 200, "type": MESSAGE_INVOKE_TYPE, "value": reply.text or ""}

    # -- installs ------------------------------------------------------------------------------

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # TeamsActivityHandler fetches every added member from the connector (one HTTP call
        # each, inside the turn) before dispatching; we need only the ids in the payload.
        await ActivityHandler.on_conversation_update_activity(self, turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        kind = conversation_type(activity)
        bot_added = any(member.id == bot_id for member in members_added)
        # In a 1:1 chat, members are only ever added when the user installs the bot.
        if bot_added or kind == "personal":
            await self._app.events.append(
                actor=activity.from_property.id if activity.from_property else "unknown",
                kind="bot.installed",
                subject=activity.conversation.id if activity.conversation else None,
                payload={"scope": kind},
            )
            turn = await self.turn(turn_context)
            if turn is not None:
                welcome = {"team": kind != "personal"}
                await _send(
                    turn_context, await self._app.router.on_action(turn, "welcome", welcome)
                )
            self._open_team_conversations(activity, bot_added=bot_added)

    def _open_team_conversations(self, activity: Activity, *, bot_added: bool) -> None:
        """Installed in a team: open every member's 1:1 conversation in the background."""
        team_id, tenant = team_of(activity), tenant_of(activity)
        bot = activity.recipient
        if (
            self._team_conversations is None
            or not (bot_added and team_id and tenant and activity.service_url)
            or bot is None
            or not bot.id
        ):
            return
        self._team_conversations.open_for(
            TeamInstall(activity.service_url, team_id, tenant, bot.id, bot.name)
        )

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        await self._app.events.append(
            actor=activity.from_property.id if activity.from_property else "unknown",
            kind="bot.uninstalled",
            subject=activity.conversation.id if activity.conversation else None,
            payload={"scope": conversation_type(activity)},
        )


async def _send(context: TurnContext, reply: Reply) -> None:
    if reply.card is not None:
        attachment = CardFactory.adaptive_card(reply.card)
        await context.send_activity(MessageFactory.attachment(attachment, text=reply.text))
    elif reply.text:
        await context.send_activity(MessageFactory.text(reply.text))


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
