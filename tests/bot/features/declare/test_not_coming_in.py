"""「明日出社しなくてもいいですか」 asks to telework tomorrow, over HTTP with the real Teams
payloads (issue 13 §4: a question is never turned into an office declaration): the read-back
shows telework, and 「はい」 saves telework, not office."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.bot.chat import card, shown
from tests.bot.conftest import RecordingConnector
from tests.bot.features.declare.test_anchored_answers import MONDAY, chat_at, read_back, saved_days


async def test_not_coming_in_is_read_back_and_saved_as_telework(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    proposal = read_back(await megan.say("明日出社しなくてもいいですか"))
    assert "12/1(火) 終日 テレワーク" in proposal
    saved = await megan.say("はい")
    assert "登録しました" in shown(card(saved))
    assert await saved_days(sqlite_url) == [(date(2026, 12, 1), "full", "telework")]
