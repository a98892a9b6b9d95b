"""The router: declarations checked at start-up, scope before roster before payload, refusals
rendered in one place, and every verb a card can carry routed."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from pydantic import StrictInt

import bot
from bot.app import build_router
from bot.core.router import NoPayload, Payload, Router, on_intents, route
from bot.core.turn import EVERYWHERE, Conversation, NotOnRoster, Reply, Scope, Turn
from dialogs.understanding import Intent, Interpretation
from domain.errors import Refused
from domain.identity import ChatUser
from domain.org import Role
from tests.fakes.conversations import services_for_router

BOT = Path(bot.__file__).parent


class Numbered(Payload):
    number: StrictInt


def turn(scope: Scope = Scope.PERSONAL, *, viewer: Any = None, looked_up: bool = True) -> Turn:
    return Turn(
        sender=ChatUser("tenant", "29:someone"),
        conversation=Conversation("c", scope),
        lang="en",
        services=services_for_router(),
        _viewer=viewer,
        _looked_up=looked_up,
    )


class Viewer:
    """Just what the router reads of a viewer."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)


async def echo(_turn: Turn, payload: Numbered) -> Reply:
    return Reply(text=f"number {payload.number}")


async def refuse(_turn: Turn, _payload: object) -> Reply:
    raise Refused("meetings.refused.slot_unreadable", written="[x](https://evil.example)")


def test_a_verb_or_an_intent_declared_twice_is_a_wiring_defect() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        Router([route("a", echo, Numbered), route("a", echo, Numbered)])

    async def said(_turn: Turn, _meaning: Interpretation) -> Reply:
        return Reply()

    with pytest.raises(ValueError, match="routed twice"):
        Router([], [on_intents([Intent.HELP], said), on_intents([Intent.HELP], said)])


async def test_the_payload_is_validated_before_the_handler_runs() -> None:
    router = Router([route("echo", echo, Numbered, roster=False)])
    assert (await router.on_action(turn(), "echo", {"number": 7})).text == "number 7"
    invalid = await router.on_action(turn(), "echo", {"number": "7; DROP TABLE"})
    assert invalid.text is not None and "could not read this button" in invalid.text
    unknown = await router.on_action(turn(), "nothing", {})
    assert unknown.text is not None and "not supported" in unknown.text


async def test_scope_is_checked_first_then_the_roster_then_roles() -> None:
    router = Router(
        [
            route("mine", echo, Numbered),  # personal only, roster needed
            route("admins", echo, Numbered, roles=[Role.ADMIN], denied="campaign.denied"),
            route("anywhere", echo, Numbered, scopes=EVERYWHERE, roster=False),
        ]
    )
    in_group = await router.on_action(turn(Scope.GROUP_CHAT), "mine", {"number": "bad"})
    assert in_group.text is not None and "one-to-one chat" in in_group.text  # not "invalid"
    stranger = await router.on_action(turn(viewer=None), "mine", {"number": 1})
    assert stranger.text is not None and "roster" in stranger.text
    staff = await router.on_action(turn(viewer=Viewer(Role.STAFF)), "admins", {"number": 1})
    assert staff.text is not None and "secretariat" in staff.text.lower()
    admin = await router.on_action(turn(viewer=Viewer(Role.ADMIN)), "admins", {"number": 1})
    assert admin.text == "number 1"
    group = await router.on_action(turn(Scope.TEAM, viewer=None), "anywhere", {"number": 2})
    assert group.text == "number 2"


async def test_a_refusal_is_rendered_once_and_its_text_is_inert() -> None:
    router = Router([route("refuse", refuse, NoPayload, roster=False)])
    reply = await router.on_action(turn(), "refuse", {})
    assert reply.text is not None
    assert "[x](https:" not in reply.text and "\\[x\\]" in reply.text


async def test_not_on_the_roster_raised_inside_a_handler_is_answered() -> None:
    async def needs_staff(_turn: Turn, _payload: object) -> Reply:
        raise NotOnRoster

    router = Router([route("x", needs_staff, NoPayload, roster=False)])
    reply = await router.on_action(turn(), "x", {})
    assert reply.text is not None and "roster" in reply.text


def test_an_unknown_conversation_kind_is_never_personal() -> None:
    assert Scope.of("personal") == Scope.PERSONAL
    assert Scope.of("channel") == Scope.TEAM
    assert Scope.of("groupChat") == Scope.GROUP_CHAT
    assert Scope.of("someNewKind") == Scope.GROUP_CHAT
    assert Scope.of(None) == Scope.GROUP_CHAT


def literal_verbs() -> set[tuple[str, str]]:
    """Every verb written as a literal in bot/: ``execute(title, "verb", …)`` and the
    ``"command": "verb"`` of Action.Submit data."""
    found: set[tuple[str, str]] = set()
    for path in sorted(BOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "execute" and len(node.args) >= 2:
                verb = node.args[1]
                if isinstance(verb, ast.Constant) and isinstance(verb.value, str):
                    found.add((f"{path.relative_to(BOT.parent)}:{node.lineno}", verb.value))
    return found


def test_every_verb_a_card_carries_is_routed() -> None:
    verbs = literal_verbs()
    assert len(verbs) > 40  # the walk does find the buttons
    routed = set(build_router().routes)
    assert [(where, verb) for where, verb in sorted(verbs) if verb not in routed] == []


def test_every_typed_command_is_in_the_vocabulary_and_help() -> None:
    router = build_router()
    vocabulary = {c.id for c in router.vocabulary}
    assert vocabulary == {r.id for r in router.commands()}
    assert {"help", "language", "progress", "report", "declare_form"} <= vocabulary
