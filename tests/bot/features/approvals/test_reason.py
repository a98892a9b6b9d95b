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
    assert "差し戻しました" in _said(decided)
    messages = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert any(
        "差し戻されました：12/3(木) 午後 テレワーク" in m.get("text", "")
        and "コメント：明日は出社してください" in m.get("text", "")
        for m in messages
    ), messages


async def test_none_rejects_without_a_reason(office: Any) -> None:
    _megan, chief, listed = await pending_request(office)
    await chief.press(button(listed, "reject"))
    assert "差し戻しました" in _said(await chief.say("なし"))
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
    assert "差し戻しました" in shown(decided["value"])


async def test_a_reason_about_cancelling_is_still_the_reason(office: Any) -> None:
    _megan, chief, listed = await pending_request(office)
    await chief.press(button(listed, "reject"))
    decided = await chief.say("会議があるので取り消してください")
    assert "差し戻しました" in _said(decided)


async def test_reject_all_asks_the_reason_once_for_every_day(office: Any) -> None:
    megan, chief, _url = office
    await chief.say("ヘルプ")
    await megan.press(
        button(card(await megan.say("12/1から12/3までテレワーク")), "declare_confirm")
    )
    listed = card(await chief.say("承認待ち"))
    asked = await chief.press(button(listed, "reject_all"))
    assert "12/1(火)" in asked["value"] and "12/3(木)" in asked["value"]
    assert "差し戻す理由" in asked["value"]
    decided = shown(await chief.say("その週は出社をお願いします"))
    assert "差し戻しました" in decided and "承認待ちの申請はありません" in decided
    messages = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert any("コメント：その週は出社をお願いします" in m.get("text", "") for m in messages)


def _said(reply: dict[str, Any]) -> str:
    """The reply's words: the updated approvals card when there is one, else its text."""
    return shown(card(reply)) if reply.get("attachments") else str(reply["text"])
