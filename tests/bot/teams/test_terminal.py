"""The terminal chat (``telework-bot chat``): the very same bot, as a chosen user."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.core.metrics import BotMetrics
from bot.core.settings import load_settings
from bot.teams.server import TeamsEdge, build_edge
from bot.teams.terminal import ChatUserProfile, TerminalChat
from storage.engine import create_engine, session_factory
from storage.org import SqlOrganisation
from tests.factories import seed_staff, staff


@pytest.fixture
async def edge(sqlite_url: str) -> AsyncIterator[TeamsEdge]:
    """The bot, with 山田 on the roster by e-mail only (no Entra object id recorded)."""
    engine = create_engine(sqlite_url)
    try:
        await seed_staff(
            engine, staff("A0001", name="山田 太郎", email="taro.yamada@example.go.jp")
        )
    finally:
        await engine.dispose()
    settings = load_settings(
        TELEWORK_DATABASE_URL=sqlite_url, TELEWORK_TURN_RATE_PER_MINUTE=0, _env_file=None
    )
    edge = build_edge(settings, BotMetrics())
    yield edge
    await edge.close()


async def test_a_upn_alone_matches_the_roster(edge: TeamsEdge) -> None:
    """``chat --upn`` links the terminal user to the roster by e-mail, as Teams' UPN does."""
    user = ChatUserProfile(user_id="29:yamada", name="Taro", upn="Taro.Yamada@example.go.jp")
    chat = TerminalChat(edge, user)
    assert await chat.say("language English") == ["I will answer in English from now on."]
    yamada = await edge.application.services.directory.member("A0001")
    assert yamada is not None and yamada.chat_language == "en"
    assert await SqlOrganisation(session_factory(edge.application.engine)).unmatched() == []


async def test_without_a_upn_the_same_person_is_unknown(edge: TeamsEdge) -> None:
    chat = TerminalChat(edge, ChatUserProfile(user_id="29:yamada", name="Taro", locale="en-US"))
    [reply] = await chat.say("language English")
    assert "could not find you in the staff roster" in reply
