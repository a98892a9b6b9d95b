"""Approvals at section scale (issue 13 §6): a request of many days is one card with
「すべて承認」, and after a decision every copy of the card updates (its Action.Execute
refresh answers with the current card) and loses its buttons."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.ui.cards import card_actions
from storage.engine import create_engine
from tests.bot.chat import Chat, button, card, shown, wait_for
from tests.bot.conftest import CHIEF_AAD, RecordingConnector
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, staff

CHIEF2_AAD = "0c1a2b3c-0000-4000-8000-0000000000c2"
MONDAY = frozen_clock(datetime(2026, 11, 30, 9, 0))


async def _office(
    bot_client: Any, connector: RecordingConnector, url: str
) -> tuple[Chat, Chat, Chat]:
    engine = create_engine(url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True),
        staff("C2", name="室長 二郎", aad_object_id=CHIEF2_AAD, is_section_chief=True),
    )
    await engine.dispose()
    client = await bot_client(clock=MONDAY)
    chats = (
        Chat(client, connector, MEGAN_AAD, "29:megan"),
        Chat(client, connector, CHIEF_AAD, "29:chief"),
        Chat(client, connector, CHIEF2_AAD, "29:chief2"),
    )
    for chat in chats:
        await chat.say("ヘルプ")
    return chats


def _refresh(content: dict[str, Any]) -> dict[str, Any]:
    action: dict[str, Any] = content["refresh"]["action"]
    return action


async def test_one_card_per_request_approve_all_and_every_copy_updates(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan, chief, chief2 = await _office(bot_client, connector, sqlite_url)
    await megan.press(
        button(card(await megan.say("12/1から12/4までテレワーク")), "declare_confirm")
    )
    [mine] = await wait_for(connector, "29:chief/", 1)  # one card for the four days
    [theirs] = await wait_for(connector, "29:chief2/", 1)
    first = mine["attachments"][0]["content"]
    assert "メーガンさんから4日分の申請がありました：" in shown(first)
    assert [a["title"] for a in card_actions(first)] == ["すべて承認（4日）", "すべて差し戻し"]
    assert first["refresh"]["userIds"] == ["29:chief"]
    copy = theirs["attachments"][0]["content"]
    assert copy["refresh"]["userIds"] == ["29:chief2"]

    decided = await chief.press(button(first, "approve_all"), comment_1="了解です")
    now = decided["value"]
    assert "メーガンさんの4日分（12/1(火)、12/2(水)、12/3(木)、12/4(金)）を承認しました。" in shown(
        now
    )
    assert "12/1(火) 終日 テレワーク：承認済み" in shown(now)
    assert card_actions(now) == [] and "この申請は処理済みです。" in shown(now)

    # The other chief's copy refreshes when seen: decided, without buttons.
    refreshed = await chief2.press(_refresh(copy))
    assert "12/4(金) 終日 テレワーク：承認済み" in shown(refreshed["value"])
    assert card_actions(refreshed["value"]) == []
    # A stale press is answered with the current card, nothing decided twice.
    again = await chief2.press(button(copy, "reject_all"))
    assert "この申請はすでに処理済みか、取り消されています。" in shown(again["value"])
    assert card_actions(again["value"]) == []

    # One message tells Megan about the four days, with the comment.
    decisions = [
        m
        for m in await wait_for(connector, "29:megan/", 1)
        if "承認されました" in m.get("text", "")
    ]
    assert len(decisions) == 1
    assert decisions[0]["text"].startswith("テレワークの申請（4日分）が承認されました：")
    assert "コメント：了解です" in decisions[0]["text"]

    # Staff may not read someone's request through the refresh verb.
    forged = await megan.press(_refresh(copy))
    assert forged["value"] == "承認は課室長（または事務局）のみ行えます。"


async def test_list_groups_a_persons_days_in_english(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan, chief, _chief2 = await _office(bot_client, connector, sqlite_url)
    await megan.press(
        button(card(await megan.say("12/1から12/4までテレワーク")), "declare_confirm")
    )
    chief.template["locale"] = "en-US"
    await chief.say("language English")
    listed = card(await chief.say("approvals"))
    assert "メーガン: 4 days awaiting approval" in shown(listed)
    titles = [a["title"] for a in card_actions(listed)]
    assert titles == ["Approve all (4 days)", "Reject all", "Day by day"]
    days = await chief.press(button(listed, "approvals_person"))
    assert len([a for a in card_actions(days["value"]) if a["verb"] == "approve"]) == 4
    one = await chief.press(button(days["value"], "reject"), comment_2="Tuesday only")
    assert "Rejected メーガン's" in shown(one["value"]) and "Tue 12/1" in shown(one["value"])
    assert "3 days awaiting approval" in shown(one["value"])
    rest = await chief.press(button(listed, "approve_all"))
    assert "Approved メーガン's 3 days (Wed 12/2, Thu 12/3, Fri 12/4)." in shown(rest["value"])
    assert "No requests are awaiting approval." in shown(rest["value"])
