"""The Teams activity handler: routes messages, card actions and installs to the command table."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from botbuilder.core import (
    ActivityHandler,
    CardFactory,
    ConversationState,
    MessageFactory,
    TurnContext,
    UserState,
)
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    InvokeResponse,
)

from bot import approvals, board, conversation, declare, deliveries, recurring
from bot.cards import CARD_CONTENT_TYPE, help_card, welcome_card
from bot.commands import (
    ACTIONS,
    BY_ID,
    Command,
    find_command,
    intent_scopes,
    normalise,
    suggest,
)
from bot.context import Features, Handler, NotOnRoster, Reply, Turn, principal_name
from bot.formatting import plain
from bot.language import choose_language
from bot.meeting_desk import MeetingDesk
from bot.meetings import register_meetings
from bot.progress import progress
from bot.reminder_settings import match_reminder_phrase
from bot.reports import report_card
from bot.team_install import TeamConversations, TeamInstall
from bot.texts import Lang, text
from bot.turn import (
    address_of,
    chat_user,
    conversation_scope,
    conversation_type,
    locale_of,
    message_text,
    team_of,
    tenant_of,
)
from bot.turn_limit import Admission, TurnRateLimit
from domain.identity import ChatUser, EventRecorder, TurnRecorder

log = logging.getLogger(__name__)

MAX_TEXT_ECHO = 40
# Longer messages are answered "too long" before any pattern runs on them (the parser itself
# reads at most dialogs.understanding's MAX_CHARS; this bounds the work before it).
MAX_TEXT_CHARS = 2_000
MESSAGE_INVOKE_TYPE = "application/vnd.microsoft.activity.message"
LINK_RETRY = timedelta(minutes=5)
SPOKEN = (ActivityTypes.message, ActivityTypes.invoke)  # what a person sent, not a system event
LINK_MEMORY = 50_000


class TeleworkBot(TeamsActivityHandler):  # type: ignore[misc]
    """Reads each activity, records who spoke, and answers through the command table."""

    def __init__(
        self,
        *,
        conversation_state: ConversationState,
        user_state: UserState,
        turns: TurnRecorder,
        events: EventRecorder,
        features: Features,
        meetings: MeetingDesk,
        extra_handlers: Mapping[str, Handler] | None = None,
        team_conversations: TeamConversations | None = None,
        turn_limit: TurnRateLimit | None = None,
    ) -> None:
        self._conversation_state = conversation_state
        self._user_state = user_state
        self._language_pref = user_state.create_property("language")
        self._written_language = user_state.create_property("written_language")
        self._turns = turns
        self._events = events
        self._features = features
        self._team_conversations = team_conversations
        self._turn_limit = turn_limit
        self._linked: set[str] = set()
        self._link_retry: dict[str, datetime] = {}
        self._handlers: dict[str, Handler] = {
            "help": self._help,
            "language": self._language,
            "progress": progress,
            "form": declare.form,
            "board": lambda turn: board.board(turn, [], None),
            "schedule": board.my_schedule,
            # Card buttons (Action.Execute verbs / Action.Submit "command" values).
            "declare_confirm": declare.confirm,
            "declare_dismiss": declare.dismiss,
            "declare_form": declare.form,
            "declare_form_submit": declare.form_submit,
            "cancel_confirm": declare.cancel_confirm,
            "cancel_keep": declare.cancel_keep,
            "recurring_confirm": recurring.recurring_confirm,
            "recurring_cancel_confirm": recurring.recurring_cancel_confirm,
            "approvals": approvals.approvals,
            "deliveries": deliveries.deliveries,
            "report": report_card,
            "approve": approvals.approve,
            "reject": approvals.reject,
        }
        register_meetings(self._handlers, meetings)
        self._handlers.update(extra_handlers or {})
        routed = set(BY_ID) | set(ACTIONS)
        if routed != set(self._handlers):
            raise RuntimeError(
                f"command table and handlers differ: {sorted(routed ^ set(self._handlers))}"
            )

    # -- the turn ------------------------------------------------------------------------------

    async def on_turn(self, turn_context: TurnContext) -> None:
        if not await self._admitted(turn_context):
            return
        address = address_of(turn_context.activity)
        user = chat_user(turn_context.activity)
        if address is not None:
            await self._turns.record_turn(user, address)
        if user is not None and user.tenant_id and turn_context.activity.type in SPOKEN:
            await self._link_on_first_contact(turn_context, user)
        await super().on_turn(turn_context)
        await self._save_state(turn_context)

    async def _admitted(self, context: TurnContext) -> bool:
        """The sender's turn rate limit, checked before any other work (no database, no
        state, no connector call). A refused card button still gets its invoke response;
        a refused message is answered once per episode, then dropped silently."""
        if self._turn_limit is None:
            return True
        activity = context.activity
        sender = activity.from_property.id if activity.from_property else None
        verdict = self._turn_limit.admit(sender or "")
        if verdict is Admission.ALLOWED:
            return True
        lang = choose_language(
            preference=None,
            text=(activity.text or "")[:MAX_TEXT_CHARS],
            locale=locale_of(activity),
        )
        notice = text(lang, "turn.rate_limited")
        if verdict is Admission.LIMITED_NOTIFY:  # once per episode: an attack cannot flood logs
            log.warning(
                "sender over the turn rate limit",
                extra={
                    "user_id": (sender or "")[:MAX_TEXT_ECHO],
                    "activity_type": str(activity.type)[:40],
                },
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

    async def _save_state(self, context: TurnContext) -> None:
        # Unchanged state is not written again, so saving both before a reply and at the end
        # of the turn costs one write at most.
        await self._conversation_state.save_changes(context)
        await self._user_state.save_changes(context)

    async def _link_on_first_contact(self, context: TurnContext, user: ChatUser) -> None:
        """Match a Teams user to the roster as soon as they talk to the bot (by Entra object
        id, else UPN — asked of the members API when a 1:1 message lacks it); remembered per
        process, unknown users retried every few minutes (so at most one members call each)."""
        now = self._features.now()
        retry_at = self._link_retry.get(user.user_id)
        if user.user_id in self._linked or (retry_at is not None and now < retry_at):
            return
        directory = self._features.directory
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

    async def language_for(self, context: TurnContext, written: str | None = None) -> Lang:
        """A saved preference wins; then the script of what the user writes now, else of what
        they last wrote (a button press carries no text, and many clients always send en-US);
        then the Teams locale."""
        preference = await self._language_pref.get(context)
        if isinstance(preference, str):
            return choose_language(preference=preference, text=None, locale=None)
        if written and written.strip():
            lang = choose_language(
                preference=None, text=written, locale=locale_of(context.activity)
            )
            await self._written_language.set(context, lang)
            return lang
        last = await self._written_language.get(context)
        return choose_language(
            preference=last if isinstance(last, str) else None,
            text=None,
            locale=locale_of(context.activity),
        )

    async def reset(self, context: TurnContext) -> None:
        """Forget this conversation's dialog state (after an error)."""
        await self._conversation_state.load(context)
        await self._conversation_state.delete(context)

    # -- messages ------------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        value = turn_context.activity.value
        if isinstance(value, dict) and value:  # Action.Submit / messageBack
            reply = await self._run_action(turn_context, value)
        else:
            reply = await self._run_text(turn_context, message_text(turn_context))
        # Saved before the reply leaves: a button pressed on the reply must see this turn's
        # state (e.g. the language the user wrote in), whichever replica gets the press.
        await self._save_state(turn_context)
        await self._send(turn_context, reply)

    async def _run_text(self, context: TurnContext, written: str) -> Reply:
        if len(written) > MAX_TEXT_CHARS:
            lang = await self.language_for(context, written[:MAX_TEXT_CHARS])
            return Reply(text=text(lang, "message.too_long", limit=MAX_TEXT_CHARS))
        lang = await self.language_for(context, written)
        try:
            return await self._answer_text(context, lang, written)
        except NotOnRoster:
            return Reply(text=text(lang, "roster.unknown"))

    async def _answer_text(self, context: TurnContext, lang: Lang, written: str) -> Reply:
        match = find_command(written)
        turn = Turn(context, lang, self._features, match.argument if match else "")
        if match is not None:
            handler = self._handlers[match.command.id]
            return await self._in_scope(turn, match.command.scopes, lambda: handler(turn))
        phrase = match_reminder_phrase(written)
        if phrase is not None:  # 「2週間止めて」, "resume reminders", …
            turn.data = dict(phrase.data)
            handler = self._handlers[phrase.command]
            return await self._in_scope(turn, ACTIONS[phrase.command], lambda: handler(turn))
        meaning = conversation.understand(turn, written)
        intent = str(meaning["intent"])
        return await self._in_scope(
            turn, intent_scopes(intent), lambda: self._answer_meaning(turn, meaning, written)
        )

    async def _answer_meaning(self, turn: Turn, meaning: dict[str, Any], written: str) -> Reply:
        if meaning["intent"] == "help":
            return await self._help(turn)
        reply = await conversation.answer(turn, meaning)
        return reply if reply is not None else self._not_understood(turn.lang, written)

    async def _run_action(self, context: TurnContext, data: dict[str, Any]) -> Reply:
        lang = await self.language_for(context)
        name = str(data.get("command", ""))
        scopes = BY_ID[name].scopes if name in BY_ID else ACTIONS.get(name)
        if scopes is None:
            return Reply(text=text(lang, "unknown.action"))
        turn = Turn(context, lang, self._features, "", data)
        handler = self._handlers[name]
        try:
            return await self._in_scope(turn, scopes, lambda: handler(turn))
        except NotOnRoster:
            return Reply(text=text(lang, "roster.unknown"))

    async def _in_scope(
        self, turn: Turn, scopes: frozenset[str], answer: Callable[[], Awaitable[Reply]]
    ) -> Reply:
        """The one place where a command's, a card action's or an intent's scopes are
        enforced: outside them (a personal request in a group chat or channel) the answer
        is a pointer to the 1:1 chat, and the handler does not run at all."""
        if conversation_scope(turn.context.activity) not in scopes:
            return Reply(text=text(turn.lang, "scope.personal_only"))
        return await answer()

    def _not_understood(self, lang: Lang, written: str) -> Reply:
        if not written.strip():
            return Reply(text=text(lang, "unknown.empty"), card=help_card(lang))
        shown = written if len(written) <= MAX_TEXT_ECHO else written[:MAX_TEXT_ECHO] + "…"
        lines = [text(lang, "unknown.text", text=plain(shown))]
        close: Command | None = suggest(written)
        if close is not None:
            lines.append(text(lang, "unknown.did_you_mean", suggestion=close.words[lang][0]))
        return Reply(text="\n\n".join(lines), card=help_card(lang))

    async def _send(self, context: TurnContext, reply: Reply) -> None:
        if reply.card is not None:
            attachment = CardFactory.adaptive_card(reply.card)
            await context.send_activity(MessageFactory.attachment(attachment, text=reply.text))
        elif reply.text:
            await context.send_activity(MessageFactory.text(reply.text))

    # -- card actions (Action.Execute and legacy invokes) ---------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        if not turn_context.activity.name and isinstance(turn_context.activity.value, dict):
            # A nameless Teams card-action invoke: run it like Action.Submit, answer 200.
            reply = await self._run_action(turn_context, turn_context.activity.value)
            await self._send(turn_context, reply)
            return InvokeResponse(status=200)
        if turn_context.activity.name == "adaptiveCard/action":
            return InvokeResponse(status=200, body=await self._execute(turn_context))
        return await super().on_invoke_activity(turn_context)

    async def _execute(self, context: TurnContext) -> dict[str, Any]:
        """An ``Action.Execute``: the reply card replaces the clicked card, or a message shows."""
        value = context.activity.value
        action = value.get("action") if isinstance(value, dict) else None
        action = action if isinstance(action, dict) else {}
        given = action.get("data")
        data: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
        data["command"] = data.get("command") or action.get("verb") or ""
        reply = await self._run_action(context, data)
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
            lang = await self.language_for(turn_context)
            await self._events.append(
                actor=activity.from_property.id if activity.from_property else "unknown",
                kind="bot.installed",
                subject=activity.conversation.id if activity.conversation else None,
                payload={"scope": kind},
            )
            await self._send(turn_context, Reply(card=welcome_card(lang, team=kind != "personal")))
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
        await self._events.append(
            actor=activity.from_property.id if activity.from_property else "unknown",
            kind="bot.uninstalled",
            subject=activity.conversation.id if activity.conversation else None,
            payload={"scope": conversation_type(activity)},
        )

    # -- commands ------------------------------------------------------------------------------

    async def _help(self, turn: Turn) -> Reply:
        return Reply(card=help_card(turn.lang))

    async def _language(self, turn: Turn) -> Reply:
        wanted = normalise(turn.argument or str(turn.data.get("language", "")))
        choice: Lang | None = None
        if wanted in ("ja", "japanese", "日本語", "にほんご"):
            choice = "ja"
        elif wanted in ("en", "english", "英語", "えいご"):
            choice = "en"
        if choice is None:
            return Reply(text=text(turn.lang, "language.ask"))
        await self._language_pref.set(turn.context, choice)
        return Reply(text=text(choice, "language.set"))
