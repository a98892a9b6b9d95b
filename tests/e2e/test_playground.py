"""The bot through Microsoft 365 Agents Playground, a Teams client we did not write.

Messages go in through the Playground's HTTP API (as its mock user Alex Wilber, who is in
the demo roster); the bot's replies come back on the Playground's websocket; card buttons are
pressed through the Playground's invoke endpoint, as its UI does. The Playground always sends
``locale: en-US``, so Japanese answers prove the bot reads the language of the message.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.cli.playground import PlaygroundProcess
from tests.e2e.conftest import BotServer, report_logs_on_failure
from tests.e2e.playground_client import PlaygroundChat, card_of, visible_text


@pytest.fixture
async def chat(
    playground: PlaygroundProcess, bot_server: BotServer, request: pytest.FixtureRequest
) -> AsyncIterator[PlaygroundChat]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        conversation = await PlaygroundChat.open(playground.url, session)
        try:
            yield conversation
        finally:
            await conversation.close()
            report_logs_on_failure(request, bot_server, playground)


async def test_help_in_japanese_although_the_playground_says_en_us(chat: PlaygroundChat) -> None:
    reply = await chat.ask("ヘルプ", "使い方")
    shown = visible_text(reply)
    assert "明日テレワーク" in shown  # the help lists the commands with Japanese examples
    assert "How to use" not in shown


async def test_english_message_gets_an_english_answer(chat: PlaygroundChat) -> None:
    reply = await chat.ask("my status", "Your telework targets")
    assert card_of(reply) is not None
    assert not re.search(r"[\u3040-\u30ff]", visible_text(reply)), visible_text(reply)


async def test_declare_tomorrow_confirm_with_the_card_button_then_see_it_listed(
    chat: PlaygroundChat,
) -> None:
    read_back = await chat.ask("明日テレワーク", "以下の内容で登録しますか？")
    shown = visible_text(read_back)
    day = re.search(r"(\d{1,2}/\d{1,2})\(.\)", shown)
    assert day is not None, shown
    assert "テレワーク" in shown

    answer = await chat.press(read_back, "登録する")

    assert answer.get("type") == "application/vnd.microsoft.card.adaptive", answer
    saved = visible_text(answer["value"])
    assert "登録しました" in saved, saved  # the card that replaces the read-back, in Japanese
    assert day.group(1) in saved, saved

    schedule = await chat.ask("私の予定", "今後2週間のあなたの予定")
    listed = visible_text(schedule)
    assert re.search(rf"{re.escape(day.group(1))}\(.\)[^\n]*テレワーク", listed), listed


async def test_unknown_words_are_answered_with_the_help_card(chat: PlaygroundChat) -> None:
    # Two English words (one would not change the language this user wrote in before).
    await chat.ask("zzqx please", "zzqx")  # the bot quotes what it did not understand …
    # … and adds the help card (the Playground shows a text-and-card activity as two messages)
    help_card = await chat.bot_message(lambda m: card_of(m) is not None)
    assert "How to use" in visible_text(help_card)
