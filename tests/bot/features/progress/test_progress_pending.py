"""Progress counts days awaiting approval (issue 13 §6): four pending days this week are not
「実施 0回（予定 0回）」, and after one was approved the card does not still say 「あと1回」."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.engine import create_engine
from tests.bot.chat import Chat, button, card, shown
from tests.bot.conftest import CHIEF_AAD, RecordingConnector
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, staff

MONDAY = frozen_clock(datetime(2026, 11, 30, 9, 0))


async def _office(bot_client: Any, connector: RecordingConnector, url: str) -> tuple[Chat, Chat]:
    engine = create_engine(url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True),
    )
    await engine.dispose()
    client = await bot_client(clock=MONDAY)
    return Chat(client, connector, MEGAN_AAD, "29:megan"), Chat(
        client, connector, CHIEF_AAD, "29:chief"
    )


async def test_pending_days_are_counted_then_approved_ones_are_planned(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan, chief = await _office(bot_client, connector, sqlite_url)
    proposal = card(await megan.say("12/1から12/4までテレワーク"))
    await megan.press(button(proposal, "declare_confirm"))

    before = shown(card(await megan.say("進捗")))
    assert "その他の職員：11/30(月)〜12/6(日)に1回程度（目安）" in before
    assert "実施 0回（予定 0回・承認待ち 4回）・承認されれば予定で達成します" in before
    assert "予定 0回）" not in before

    pending = card(await chief.say("承認待ち"))
    days = await chief.press(button(pending, "approvals_person"))  # 「1日ずつ」
    await chief.press(button(days["value"], "approve"))  # the first: 12/1

    after = shown(card(await megan.say("進捗")))
    assert "実施 0回（予定 1回・承認待ち 3回）・予定どおり実施すれば達成します" in after
    assert "あと1回）" not in after and "・あと1回" not in after


async def test_pending_in_english(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan, _chief = await _office(bot_client, connector, sqlite_url)
    megan.template["locale"] = "en-US"
    await megan.press(button(card(await megan.say("telework on Dec 2")), "declare_confirm"))
    status = shown(card(await megan.say("my status")))
    assert "Done 0 (planned 0, awaiting approval 1) · met once your requests are approved" in (
        status
    )
