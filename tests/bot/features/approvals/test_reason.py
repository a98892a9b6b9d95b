"""A rejection without a comment on the card asks for the reason in chat (issue 13 §1: the
approval comment is a multi-turn exchange of its own), over HTTP with real Teams payloads."""

from __future__ import annotations

from typing import Any

from tests.bot.chat import button, card, shown, wait_for


async def pending_request(office: Any) -> tuple[Any, Any, dict[str, Any]]:
    megan, chief, _url = office
    await chief.say("ヘルプ")
    await megan.say("ヘルプ")
    await megan.press(button(card(await megan.say("12/3 午後 テレワーク")), "declare_confirm"))
    listed = card(await chief.say("承認待ち"))
    return megan, chief, listed


async def test_the_reason_is_asked_then_passed_on(office: Any) -> None:
    megan, chief, listed = await pending_request(office)
    asked = await chief.press(button(listed, "reject"))
    assert asked["value"].startswith("メーガンさんの「12/3(木) 午後 テレワーク」を差し戻す理由")
    # Read as written: a reason that looks like a declaration is still the reason.
    decided = await chief.say("明日は出社してください")
    assert "差し戻しました" in decided["text"]
    messages = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert any(
        "差し戻されました：12/3(木) 午後 テレワーク" in m.get("text", "")
        and "コメント：明日は出社してください" in m.get("text", "")
        for m in messages
    ), messages


async def test_none_rejects_without_a_reason(office: Any) -> None:
    _megan, chief, listed = await pending_request(office)
    await chief.press(button(listed, "reject"))
    assert "差し戻しました" in (await chief.say("なし"))["text"]
    assert "承認待ちの申請はありません" in shown(await chief.say("承認待ち"))


async def test_never_mind_leaves_the_request_pending(office: Any) -> None:
    _megan, chief, listed = await pending_request(office)
    await chief.press(button(listed, "reject"))
    stopped = await chief.say("やめる")
    assert stopped["text"] == "わかりました、中止します。何も保存していません。"
    assert "メーガン：12/3(木) 午後 テレワーク" in shown(card(await chief.say("承認待ち")))


async def test_a_comment_typed_on_the_card_rejects_at_once(office: Any) -> None:
    _megan, chief, listed = await pending_request(office)
    decided = await chief.press(button(listed, "reject"), comment_1="会議があります")
    assert "差し戻しました" in decided["value"]


async def test_a_reason_about_cancelling_is_still_the_reason(office: Any) -> None:
    _megan, chief, listed = await pending_request(office)
    await chief.press(button(listed, "reject"))
    decided = await chief.say("会議があるので取り消してください")
    assert "差し戻しました" in decided["text"]
