"""Ending a weekly pattern is clarified like declaring one, over HTTP with the real Teams
payloads (issue 13 §1): a message that names no weekday (「毎週の在宅をやめたい」) asks which
weekday's pattern ends, since ending one cancels many days; 「水曜」 ends Wednesday's only,
「全部」 "all of them" every pattern, 「やめる」 ends the exchange with nothing ended, and a
weekday said apart from 繰り返し (「水曜の繰り返しを解除」) needs no question."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.bot.chat import Chat, button, card, shown
from tests.bot.conftest import RecordingConnector
from tests.bot.features.declare.test_anchored_answers import MONDAY, chat_at, english, saved_days

WEDNESDAYS = [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)]


async def _two_patterns(megan: Chat) -> None:
    """Weekly telework on Wednesdays and on Fridays, until 12/18."""
    for weekday in ("水曜", "金曜"):
        proposal = card(await megan.say(f"毎週{weekday}テレワーク、12/18まで"))
        saved = await megan.press(button(proposal, "recurring_confirm"))
        assert "登録しました" in shown(saved["value"])


async def _weekdays_saved(url: str) -> set[int]:
    return {d.weekday() for d, _part, _status in await saved_days(url)}


async def test_which_weekday_is_asked_and_wednesday_alone_ends(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await _two_patterns(megan)
    assert await _weekdays_saved(sqlite_url) == {2, 4}
    asked = await megan.say("毎週の在宅をやめたい")
    assert asked["text"] == "どの曜日の繰り返しを終了しますか？（例: 水曜、全部）"
    offer = card(await megan.say("水曜です"))
    assert "毎週水曜の繰り返し登録を終了し" in shown(offer)
    done = await megan.press(button(offer, "recurring_cancel_confirm"))
    assert "繰り返し登録を1件終了し、予定を3件取り消しました。" in shown(done["value"])
    assert await _weekdays_saved(sqlite_url) == {4}  # Fridays kept


async def test_all_of_them_ends_every_pattern_in_english(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await _two_patterns(megan)
    english(megan)
    asked = await megan.say("stop my weekly remote days")
    assert asked["text"] == "Which weekday's pattern should end? (e.g. Wednesday, all of them)"
    offer = card(await megan.say("all of them"))
    assert "End the weekly plan for all days" in shown(offer)
    done = await megan.press(button(offer, "recurring_cancel_confirm"))
    assert "Ended 2 weekly plan(s) and cancelled 6 entries." in shown(done["value"])
    assert await saved_days(sqlite_url) == []


async def test_stopping_the_question_ends_nothing(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await _two_patterns(megan)
    await megan.say("繰り返しのテレワークを終わりにしたい")
    stopped = await megan.say("やめる")
    assert stopped["text"] == "わかりました、中止します。何も保存していません。"
    assert await _weekdays_saved(sqlite_url) == {2, 4}


async def test_a_weekday_said_apart_from_the_pattern_word_needs_no_question(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await _two_patterns(megan)
    offer = card(await megan.say("金曜の繰り返し登録を解除したい"))
    assert "毎週金曜の繰り返し登録を終了し" in shown(offer)
    await megan.press(button(offer, "recurring_cancel_confirm"))
    assert [d for d, _p, _s in await saved_days(sqlite_url)] == WEDNESDAYS
