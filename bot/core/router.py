"""One router: every chat command, card action and understood meaning is declared once.

A :class:`Route` names its verb, the words that type it (``Words``: also help and the Teams
command menu), the conversations it may answer in (``scopes``), who may use it (``roles``,
``roster``), the pydantic model its card data must fit (``payload``) and its handler. An
:class:`IntentRoute` answers what the understanding pipeline made of free text. Routing,
help, the manifest's command lists, scope and role checks, payload validation and the
rendering of refusals all come from these declarations, here, in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.core.conversation import Exchange
from bot.core.turn import PERSONAL_ONLY, NotOnRoster, Reply, Scope, Turn
from bot.ui.formatting import plain, short_date
from bot.ui.texts import Lang, text
from dialogs.understanding import CommandWords, Intent, Interpretation, understand
from domain.errors import Refused
from domain.org import Role

log = logging.getLogger(__name__)

MENU_LIMIT = 10  # Teams shows at most ten commands per scope
BARE_CANCEL_CHARS = 10  # 「キャンセルで」 stops an exchange; a sentence about cancelling is read


class Payload(BaseModel):
    """Base of card-action payloads: keys a model does not name (the verb, Teams' own) are
    ignored; every field it names is validated before the handler runs."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class NoPayload(Payload):
    """A route that reads nothing from card data."""


P = TypeVar("P", bound=Payload)
Handler = Callable[[Turn, P], Awaitable[Reply]]
IntentHandler = Callable[[Turn, Interpretation], Awaitable[Reply]]
AnswerHandler = Callable[[Turn, Interpretation, Exchange], Awaitable[Reply | None]]


@dataclass(frozen=True)
class Words:
    """How a command is typed and shown: the words that start it (first = the name shown),
    the title and description in the Teams command menu, an example for help."""

    words: Mapping[Lang, tuple[str, ...]]
    title: Mapping[Lang, str]
    description: Mapping[Lang, str]
    example: Mapping[Lang, str]
    in_menu: bool = True  # listed in the Teams command menu (at most ten per scope)


@dataclass(frozen=True)
class Access:
    """Who may use a route, and where.

    ``scopes``: the conversations it answers in; elsewhere the person is pointed to the 1:1
    chat and nothing else is said. ``roster``: the sender must be on the staff roster.
    ``roles``: any one of these is needed (empty: everyone on the roster); ``denied`` names
    the sentence said to others.
    """

    scopes: frozenset[Scope] = PERSONAL_ONLY
    roster: bool = True
    roles: frozenset[Role] = frozenset()
    denied: str = "access.denied"


@dataclass(frozen=True)
class Route(Generic[P]):
    """A command or card action: ``id`` is its verb."""

    id: str
    handler: Handler[P]
    payload: type[P]
    access: Access = field(default_factory=Access)
    words: Words | None = None


@dataclass(frozen=True)
class IntentRoute:
    """The handler for what free text was understood to mean.

    When the understanding asks a question (``Interpretation.question``: which day? which
    status?) the router asks it and calls no handler, unless ``with_questions`` says the
    handler can answer despite it (a person lookup whose date was unclear).
    """

    intents: frozenset[Intent]
    handler: IntentHandler
    access: Access = field(default_factory=Access)
    with_questions: bool = False


@dataclass(frozen=True)
class AnswerRoute:
    """The handler for the next message of an open exchange (``bot.core.conversation``) of
    ``topic``. It returns None when the message is no answer (a question about the board…):
    the exchange is over and the message is handled on its own."""

    topic: str
    handler: AnswerHandler
    access: Access = field(default_factory=Access)


def on_answer(
    topic: str,
    handler: AnswerHandler,
    *,
    scopes: frozenset[Scope] = PERSONAL_ONLY,
    roster: bool = True,
) -> AnswerRoute:
    """An :class:`AnswerRoute` with its :class:`Access` spelled out inline."""
    return AnswerRoute(topic, handler, Access(scopes, roster))


def route(
    id: str,
    handler: Handler[P],
    payload: type[P],
    *,
    scopes: frozenset[Scope] = PERSONAL_ONLY,
    roster: bool = True,
    roles: Iterable[Role] = (),
    denied: str = "access.denied",
    words: Words | None = None,
) -> Route[P]:
    """A :class:`Route` with its :class:`Access` spelled out inline."""
    return Route(id, handler, payload, Access(scopes, roster, frozenset(roles), denied), words)


def on_intents(
    intents: Iterable[Intent],
    handler: IntentHandler,
    *,
    scopes: frozenset[Scope] = PERSONAL_ONLY,
    roster: bool = True,
    roles: Iterable[Role] = (),
    denied: str = "access.denied",
    with_questions: bool = False,
) -> IntentRoute:
    """An :class:`IntentRoute` with its :class:`Access` spelled out inline."""
    access = Access(scopes, roster, frozenset(roles), denied)
    return IntentRoute(frozenset(intents), handler, access, with_questions)


class Router:
    """Dispatches understood text and card actions to the declared routes."""

    def __init__(
        self,
        routes: Iterable[Route[Any]],
        intents: Iterable[IntentRoute] = (),
        answers: Iterable[AnswerRoute] = (),
    ) -> None:
        self._routes: dict[str, Route[Any]] = {}
        for declared in routes:
            if declared.id in self._routes:
                raise ValueError(f"route {declared.id!r} declared twice")
            self._routes[declared.id] = declared
        self._intents: dict[Intent, IntentRoute] = {}
        for declared_intent in intents:
            for intent in declared_intent.intents:
                if intent in self._intents:
                    raise ValueError(f"intent {intent.value!r} routed twice")
                self._intents[intent] = declared_intent
        self._answers: dict[str, AnswerRoute] = {}
        for answer in answers:
            if answer.topic in self._answers:
                raise ValueError(f"answers to {answer.topic!r} declared twice")
            self._answers[answer.topic] = answer
        self.vocabulary: tuple[CommandWords, ...] = tuple(
            CommandWords(r.id, tuple(w for ws in r.words.words.values() for w in ws))
            for r in self._routes.values()
            if r.words is not None
        )

    # -- what is declared ----------------------------------------------------------------------

    @property
    def routes(self) -> Mapping[str, Route[Any]]:
        return self._routes

    def commands(self, scope: Scope | None = None) -> list[Route[Any]]:
        """The typed commands in declaration order (in ``scope``, when given)."""
        return [
            r
            for r in self._routes.values()
            if r.words is not None and (scope is None or scope in r.access.scopes)
        ]

    def intent_route(self, intent: Intent) -> IntentRoute | None:
        return self._intents.get(intent)

    def manifest_command_lists(self, lang: Lang = "en") -> list[dict[str, object]]:
        """``bots[0].commandLists`` for the Teams manifest."""
        lists: list[dict[str, object]] = []
        for scope in Scope:
            entries = [
                {"title": w.title[lang][:32], "description": w.description[lang][:128]}
                for r in self.commands(scope)
                if (w := r.words) is not None and w.in_menu
            ]
            if len(entries) > MENU_LIMIT:
                raise ValueError(f"{len(entries)} menu commands for {scope}; Teams shows ten")
            if entries:
                lists.append({"scopes": [scope.value], "commands": entries})
        return lists

    # -- dispatch ------------------------------------------------------------------------------

    def understand(self, turn: Turn, *, within: tuple[date, date] | None = None) -> Interpretation:
        """What ``turn.text`` means (commands by name, reminder phrases, free text);
        ``within``: the span the question it answers was about (``Clarification.within``)."""
        services = turn.services
        return understand(
            turn.text,
            today=services.today(),
            calendar=services.calendar,
            lang=turn.lang,
            retroactive_days=services.policy.declarations.retroactive_working_days,
            commands=self.vocabulary,
            within=within,
        )

    async def on_text(self, turn: Turn) -> Reply:
        """The reply to a written message: the answer to the exchange open in the
        conversation, else what the message means on its own."""
        turn.router = self
        meaning = self.understand(turn)
        reply = await self._answer(turn, meaning)
        if reply is None:
            reply = await self.understood(turn, meaning)
        if reply is None:
            fallback = self._intents.get(Intent.UNKNOWN)
            if fallback is None:
                reply = Reply(text=text(turn.lang, "unknown.text", text=""))
            else:
                handler = fallback.handler
                reply = await self._run(turn, fallback.access, lambda: handler(turn, meaning))
        await turn.exchange.save()
        return reply

    async def on_action(self, turn: Turn, verb: str, data: Mapping[str, Any]) -> Reply:
        """The reply to a card button (Action.Execute, Action.Submit, a card invoke). A button
        ends the exchange open in the conversation (its handler may open another)."""
        turn.router = self
        if await turn.exchange.open() is not None:
            turn.exchange.close()
        reply = await self.action(turn, verb, data)
        await turn.exchange.save()
        return reply

    async def _answer(self, turn: Turn, meaning: Interpretation) -> Reply | None:
        """The reply to a message that answers the open exchange; None when none is open or
        the message is not an answer (a command typed by name ends the exchange)."""
        exchange = await turn.exchange.open()
        if exchange is None:
            return None
        turn.exchange.close()  # over, unless its handler holds it again
        if meaning.intent is Intent.COMMAND:
            return None
        if meaning.intent is Intent.ABORT or (
            meaning.intent is Intent.CANCEL
            and not meaning.entries
            and len(turn.text.strip()) <= BARE_CANCEL_CHARS
        ):  # 「やめる」「中止」「キャンセル」"never mind"
            return Reply(text=text(turn.lang, "conversation.stopped"))
        declared = self._answers.get(exchange.topic)
        if declared is None:
            return None
        answered: list[Reply | None] = []

        async def handle() -> Reply:
            reply = await declared.handler(turn, meaning, exchange)
            answered.append(reply)
            return reply or Reply()

        reply = await self._run(turn, declared.access, handle)
        return None if answered == [None] else reply

    async def understood(self, turn: Turn, meaning: Interpretation) -> Reply | None:
        """The reply to an understood message; None when no route answers its intent."""
        if meaning.intent == Intent.COMMAND and meaning.command in self._routes:
            assert meaning.command is not None
            turn.argument = meaning.argument or ""
            return await self.action(turn, meaning.command, {})
        declared = self._intents.get(meaning.intent)
        if declared is None or meaning.intent == Intent.UNKNOWN:
            return Reply(text=meaning.question) if meaning.question else None
        if meaning.question and not declared.with_questions:
            return await self._run(turn, declared.access, lambda: _ask(meaning.question or ""))
        return await self._run(turn, declared.access, lambda: declared.handler(turn, meaning))

    async def action(self, turn: Turn, verb: str, data: Mapping[str, Any]) -> Reply:
        """A card action (or a command): who may press it and where are checked first, then
        its data against the route's payload model, then the handler runs."""
        declared = self._routes.get(verb)
        if declared is None:
            return Reply(text=text(turn.lang, "unknown.action"))
        turn.data = dict(data)

        async def validated() -> Reply:
            try:
                payload = declared.payload.model_validate(turn.data)
            except ValidationError as invalid:
                log.info(
                    "card data refused",
                    extra={"verb": verb, "errors": [e["loc"] for e in invalid.errors()][:5]},
                )
                return Reply(text=text(turn.lang, "action.invalid"))
            return await declared.handler(turn, payload)

        return await self._run(turn, declared.access, validated)

    async def _run(
        self, turn: Turn, access: Access, handle: Callable[[], Awaitable[Reply]]
    ) -> Reply:
        if turn.conversation.scope not in access.scopes:
            return Reply(text=text(turn.lang, "scope.personal_only"))
        try:
            if access.roster or access.roles:
                viewer = await turn.staff()
                if access.roles and not (access.roles & viewer.roles):
                    return Reply(text=text(turn.lang, access.denied))
            return await handle()
        except NotOnRoster:
            return Reply(text=text(turn.lang, "roster.unknown"))
        except Refused as refused:
            return Reply(text=render_refusal(turn.lang, refused))


async def _ask(question: str) -> Reply:
    return Reply(text=question)


def render_refusal(lang: Lang, refused: Refused) -> str:
    """A domain refusal as the person reads it: dates shown as 12/8(火); text, which may echo
    what was typed or sent as card data, made inert."""
    values = {
        k: short_date(v, lang) if isinstance(v, date) else plain(v) if isinstance(v, str) else v
        for k, v in refused.values.items()
    }
    return text(lang, refused.key, **values)
