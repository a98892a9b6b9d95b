"""Issue 13 §4: a question is answered (progress, my schedule, the board), never read back
as a declaration — over HTTP with the real Teams payloads."""

from __future__ import annotations

from typing import Any

import pytest

from tests.bot.chat import card, shown

READ_BACK = "以下の内容で登録しますか？"


@pytest.mark.parametrize(
    "question",
    ["あと何回テレワークすればいいですか", "今月何回テレワークした？", "目標まであと何日？"],
)
async def test_counts_and_remaining_days_show_progress(office: Any, question: str) -> None:
    megan, _chief, _url = office
    reply = shown(card(await megan.say(question)))
    assert "テレワークの目標・目安の進捗" in reply
    assert READ_BACK not in reply


async def test_how_many_days_left_in_english(office: Any) -> None:
    megan, _chief, _url = office
    reply = await megan.say("how many telework days have I done this month?")
    assert "Your telework targets" in shown(card(reply))


@pytest.mark.parametrize(
    "question",
    ["明日私テレワークになってる？", "金曜テレワーク登録してたっけ？", "明日はテレワークですか？"],
)
async def test_own_record_shows_my_schedule(office: Any, question: str) -> None:
    megan, _chief, _url = office
    reply = await megan.say(question)
    assert reply["text"] == "今後2週間の予定は登録されていません。"
    assert "attachments" not in reply or READ_BACK not in shown(reply)


async def test_who_teleworks_this_week_shows_the_board(office: Any) -> None:
    _megan, chief, _url = office
    reply = shown(card(await chief.say("今週テレワークしてる人教えて")))
    assert "総務課の予定" in reply and READ_BACK not in reply
