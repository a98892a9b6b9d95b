"""Whole conversations over HTTP with the real Teams payloads: declare → confirm → board,
change, cancel, approval, forged card data, closed days."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import button, card, shown, wait_for
from tests.factories import seed_staff, staff


async def test_declare_confirm_approve_and_board(office: Any) -> None:
    megan, chief, _url = office
    proposal = card(await megan.say("明日テレワーク"))
    assert "以下の内容で登録しますか？" in shown(proposal)
    assert "11/27(金) 終日 テレワーク（承認が必要）" in shown(proposal)
    saved = await megan.press(button(proposal, "declare_confirm"))
    assert saved["type"] == "application/vnd.microsoft.card.adaptive"
    assert "登録しました" in shown(saved["value"]) and "承認待ち" in shown(saved["value"])

    board = card(await chief.say("明日誰がテレワーク？"))
    assert "総務課の予定（11/27(金)）" in shown(board)
    assert "メーガン（承認待ち）" in shown(board)

    pending = card(await chief.say("承認待ち"))
    assert "メーガン：11/27(金) 終日 テレワーク" in shown(pending)
    decided = await chief.press(button(pending, "approve"), comment_1="了解です")
    # The answer is the list card brought up to date (issue 13 §6): no buttons left.
    assert "メーガンさんの「11/27(金) 終日 テレワーク」を承認しました。" in shown(decided["value"])
    assert "承認待ちの申請はありません。" in shown(decided["value"])
    again = await chief.press(button(pending, "approve"))
    assert "この申請はすでに処理済みか、取り消されています。" in shown(again["value"])

    mine = card(await megan.say("私の予定"))
    assert "11/27(金) 終日 テレワーク" in shown(mine) and "承認待ち" not in shown(mine)
    # Nothing is saved twice: a repeated declaration is recognised.
    assert (await megan.say("明日テレワーク"))["text"].startswith("すでに登録済みです")


async def test_staff_cannot_approve(office: Any) -> None:
    megan, _chief, _url = office
    assert (await megan.say("承認待ち"))["text"] == "承認は課室長（または事務局）のみ行えます。"
    forged = await megan.press({"verb": "approve", "data": {"command": "approve", "entry_id": 1}})
    assert forged["value"] == "この申請はすでに処理済みか、取り消されています。"


async def test_change_replaces_after_confirmation(office: Any) -> None:
    megan, _chief, url = office
    await megan.press(button(card(await megan.say("12/1 テレワーク")), "declare_confirm"))
    change = card(await megan.say("12/1は出勤に変更"))
    assert "12/1(火) 終日 出勤（「終日 テレワーク」を置き換えます）" in shown(change)
    await megan.press(button(change, "declare_confirm"))
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 12, 1), date(2026, 12, 1), live_only=False
    )
    await engine.dispose()
    assert [(e.status.value, e.state.value) for e in entries] == [
        ("telework", "cancelled"),
        ("office", "confirmed"),
    ]


async def test_cancel_asks_then_cancels(office: Any) -> None:
    megan, _chief, _url = office
    await megan.press(button(card(await megan.say("来週の月・水 在宅")), "declare_confirm"))
    question = card(await megan.say("11/30のテレワークを取り消し"))
    assert "以下の予定を取り消しますか？" in shown(question)
    assert "11/30(月) 終日 テレワーク" in shown(question) and "12/2" not in shown(question)
    done = await megan.press(button(question, "cancel_confirm"))
    assert "取り消しました：11/30(月) 終日 テレワーク" in shown(done["value"])
    mine = shown(card(await megan.say("私の予定")))
    assert "11/30" not in mine and "12/2(水) 終日 テレワーク" in mine


async def test_telework_on_a_closed_day_is_refused_with_its_name_not_shifted(office: Any) -> None:
    megan, _chief, url = office
    saturday = await megan.say("11/28 テレワーク")
    assert "attachments" not in saturday  # nothing to confirm
    assert saturday["text"] == (
        "11/28(土)：土曜日のため閉庁日です。テレワークは勤務日に登録してください"
    )
    holiday = card(await megan.say("12/30と12/1 テレワーク"))
    assert "12/1(火) 終日 テレワーク" in shown(holiday)
    assert "12/30(水)：年末年始のため閉庁日です" in shown(holiday)
    await megan.press(button(holiday, "declare_confirm"))
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 11, 28), date(2026, 12, 31), live_only=False
    )
    await engine.dispose()
    assert [e.day for e in entries] == [date(2026, 12, 1)]
    # Office on a closed day (休日出勤) is only warned about.
    office_day = card(await megan.say("11/28 出勤"))
    assert "（⚠ 土曜日のため閉庁日です" in shown(office_day)


async def test_forged_card_data_is_refused_and_nothing_written(office: Any) -> None:
    megan, _chief, url = office
    forged = {
        "verb": "declare_confirm",
        "data": {
            "command": "declare_confirm",
            "entries": [
                {"date": "2026-01-05", "part": "full", "status": "telework"},
                {"date": "not-a-date", "part": "full", "status": "telework"},
                {"date": "2026-12-03", "part": "25:00-26:00", "status": "telework"},
                {"date": "2026-12-03", "part": "full", "status": "vacation"},
            ],
            "replacing": [],
        },
    }
    reply = await megan.press(forged)  # not a date, not a status: the card data is refused
    assert reply["type"] == "application/vnd.microsoft.activity.message"
    assert "このボタンの内容を読み取れませんでした" in reply["value"]
    well_formed = copy.deepcopy(forged)
    well_formed["data"]["entries"] = forged["data"]["entries"][::2]  # dates and statuses
    reply = await megan.press(well_formed)  # each day is checked against the rules
    assert "1/5(月)：5営業日より前の日は登録できません" in reply["value"]
    assert "12/3(木)：内容を確認できないため登録できません" in reply["value"]
    # Someone else's entry id in a cancel button changes nothing.
    other = await megan.press(
        {"verb": "cancel_confirm", "data": {"command": "cancel_confirm", "entry_ids": [1, 2, 3]}}
    )
    assert "取り消す予定が見つかりませんでした" in shown(other)
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 1, 1), date(2027, 3, 31), live_only=False
    )
    await engine.dispose()
    assert entries == []


async def test_form_card_round_trip_in_english(office: Any) -> None:
    megan, _chief, _url = office
    megan.template["locale"] = "en-US"
    form = card(await megan.say("declare"))
    assert "Declare telework or another status" in shown(form)
    review = await megan.press(
        button(form, "declare_form_submit"), date="2026-12-04", part="pm", status="telework"
    )
    assert "Fri 12/4 afternoon telework (needs approval)" in shown(review["value"])
    saved = await megan.press(button(review["value"], "declare_confirm"))
    assert "Saved" in shown(saved["value"])


async def test_weekly_pattern_and_ending_it(office: Any) -> None:
    megan, _chief, _url = office
    proposal = card(await megan.say("毎週水曜テレワーク"))
    text = shown(proposal)
    assert "毎週水曜 終日 テレワークを登録しますか？（11/26(木)〜2/25(木)）" in text
    assert "12/30(水)" in text  # left out: year-end closure
    saved = await megan.press(button(proposal, "recurring_confirm"))
    assert "毎週水曜の予定を12日分登録しました" in shown(saved["value"])
    end = card(await megan.say("毎週水曜のテレワークをやめます"))
    done = await megan.press(button(end, "recurring_cancel_confirm"))
    assert "繰り返し登録を1件終了し、予定を12件取り消しました。" in shown(done["value"])


async def test_presence_reports_show_on_the_board(office: Any) -> None:
    megan, chief, _url = office
    assert (await megan.say("業務開始"))["text"] == "業務開始を記録しました（10:00）。"
    assert (await megan.say("離席します"))["text"] == "離席を記録しました（10:00）。"
    board = shown(card(await chief.say("ボード")))
    assert "メーガン〔離席中〕" in board


async def test_person_lookup_is_limited_to_the_section(office: Any) -> None:
    megan, _chief, _url = office
    found = card(await megan.say("課長さんはどこ？"))
    assert "課長 一郎さんの予定（11/26(木)）" in shown(found)
    other = await megan.say("佐藤さんはどこ？")  # in another section
    assert other["text"].startswith("「佐藤」さんは見つかりませんでした")


async def test_approval_request_and_decision_are_delivered(office: Any) -> None:
    megan, chief, _url = office
    await chief.say("ヘルプ")  # the chief has talked to the bot: reachable 1:1
    await megan.say("ヘルプ")
    proposal = card(await megan.say("12/3 午後 テレワーク"))
    await megan.press(button(proposal, "declare_confirm"))
    chief_conversation = chief.template["conversation"]["id"]
    [request] = await wait_for(chief.connector, chief_conversation, 1)
    request_card = request["attachments"][0]["content"]
    assert "メーガンさんから申請がありました：12/3(木) 午後 テレワーク" in shown(request_card)
    decided = await chief.press(button(request_card, "reject"), comment_1="会議があります")
    assert "差し戻しました" in shown(decided["value"])
    megan_conversation = megan.template["conversation"]["id"]
    messages = await wait_for(megan.connector, megan_conversation, 1)
    assert any(
        "差し戻されました：12/3(木) 午後 テレワーク" in m.get("text", "")
        and "コメント：会議があります" in m.get("text", "")
        for m in messages
    )


async def test_board_for_a_named_day(office: Any) -> None:
    megan, chief, _url = office
    await megan.press(button(card(await megan.say("12/8 午後 テレワーク")), "declare_confirm"))
    board = shown(card(await chief.say("12/8に誰が在宅？")))
    assert "総務課の予定（12/8(火)）" in board
    assert "メーガン 午後（承認待ち）" in board
    english = shown(card(await chief.say("who is working from home on Monday next week?")))
    assert "11/30" in english


async def test_a_long_weekly_pattern_is_cut_at_the_card_limit_and_says_so(office: Any) -> None:
    megan, _chief, _url = office
    proposal = card(await megan.say("毎週月曜と水曜テレワーク、来年9月末まで"))
    text = shown(proposal)
    # 31 days fit on one card: from 11/30 the 31st Monday or Wednesday that is a working day
    # (12/30, 1/11 and the substitute holiday 3/22 are closed) is 3/24.
    assert "（11/26(木)〜3/24(水)）" in text
    saved = await megan.press(button(proposal, "recurring_confirm"))
    assert "毎週月・水曜の予定を31日分登録しました（3/24(水)まで）。" in shown(saved["value"])


@pytest.mark.parametrize(
    ("change", "old_day", "new_day"),
    [
        ("12/8のテレワークを12/10に変更", date(2026, 12, 8), date(2026, 12, 10)),
        ("金曜じゃなくて木曜にテレワーク", date(2026, 11, 27), date(2026, 11, 26)),
        ("move my telework from 12/8 to 12/10", date(2026, 12, 8), date(2026, 12, 10)),
    ],
)
async def test_a_change_moves_the_day(
    office: Any, change: str, old_day: date, new_day: date
) -> None:
    megan, _chief, url = office
    engine = create_engine(url)
    schedule = SqlSchedule(session_factory(engine))
    first = card(await megan.say(f"{old_day.month}/{old_day.day} テレワーク"))
    await megan.press(button(first, "declare_confirm"))
    proposal = card(await megan.say(change))
    text = shown(proposal)
    old = f"{old_day.month}/{old_day.day}"
    new = f"{new_day.month}/{new_day.day}"
    assert "→" in text and text.index(old) < text.index("→") < text.rindex(new), text
    saved = await megan.press(button(proposal, "declare_confirm"))
    moved = "元の予定を取り消しました" if "に" in change else "original entry was cancelled"
    assert moved in shown(saved["value"])
    live = await schedule.entries("S1", min(old_day, new_day), max(old_day, new_day))
    await engine.dispose()
    assert [(e.day, e.status.value) for e in live] == [(new_day, "telework")]


async def test_a_chosen_language_is_used_for_proactive_messages_too(office: Any) -> None:
    """「言語 English」 in chat: the approval request the chief gets stays Japanese (his
    language), the decision Megan gets is English, although her Teams locale is ja-JP."""
    megan, chief, _url = office
    await chief.say("ヘルプ")
    assert (await megan.say("言語 English"))["text"] == "I will answer in English from now on."
    proposal = card(await megan.say("12/3 午後 テレワーク"))  # written in Japanese: still English
    assert "Thu 12/3 afternoon telework" in shown(proposal)
    await megan.press(button(proposal, "declare_confirm"))
    [request] = await wait_for(chief.connector, chief.template["conversation"]["id"], 1)
    decided = await chief.press(button(request["attachments"][0]["content"], "approve"))
    assert "承認しました" in shown(decided["value"])
    messages = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert any("approved" in m.get("text", "").lower() for m in messages), messages
    assert not any("承認されました" in m.get("text", "") for m in messages)


async def test_moving_an_approved_day_asks_for_approval_of_the_new_day(office: Any) -> None:
    """Issue 13 §2: the move cancels the approved 12/8 and saves 12/10 in one transaction;
    12/10 needs the chief's approval again (the policy asks it for telework), and he is asked."""
    megan, chief, url = office
    await chief.say("ヘルプ")
    await megan.press(button(card(await megan.say("12/8 テレワーク")), "declare_confirm"))
    chief_conversation = chief.template["conversation"]["id"]
    [first] = await wait_for(chief.connector, chief_conversation, 1)
    await chief.press(button(first["attachments"][0]["content"], "approve"))
    proposal = shown(card(await megan.say("12/8のテレワークを12/10に変更")))
    assert "12/8(火) 終日 テレワーク → 12/10(木)" in proposal
    assert "12/10(木) 終日 テレワーク（承認が必要）" in proposal
    saved = shown(card(await megan.say("はい")))
    assert "元の予定を取り消しました：12/8(火) 終日 テレワーク" in saved and "承認待ち" in saved
    requests = await wait_for(chief.connector, chief_conversation, 2)
    assert "12/10(木) 終日 テレワーク" in shown(requests[1]["attachments"][0]["content"])
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 12, 8), date(2026, 12, 10), live_only=False
    )
    await engine.dispose()
    assert [(e.day.day, e.state.value) for e in entries] == [(8, "cancelled"), (10, "pending")]


async def test_a_move_that_fails_to_save_leaves_the_old_day(sqlite_url: str) -> None:
    """One transaction: when the new day cannot be saved (here its approval message fails to
    be built), the old day is not cancelled either."""
    from domain.schedule import EntryState, EntryStatus, ScheduleEntry

    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1"))
    schedule = SqlSchedule(session_factory(engine))
    [old] = await schedule.save(
        [
            ScheduleEntry(
                "S1", date(2026, 12, 8), "full", EntryStatus.TELEWORK, EntryState.CONFIRMED
            )
        ],
        actor="S1",
    )
    new = ScheduleEntry("S1", date(2026, 12, 10), "full", EntryStatus.TELEWORK, EntryState.PENDING)

    def failing(_entries: list[ScheduleEntry]) -> list[Any]:
        raise RuntimeError("the approver's card could not be built")

    with pytest.raises(RuntimeError):
        await schedule.save([new], actor="S1", replacing=[old.id or 0], notify=failing)
    live = await schedule.entries("S1", date(2026, 12, 1), date(2026, 12, 31))
    await engine.dispose()
    assert [(e.day.day, e.state.value) for e in live] == [(8, "confirmed")]


async def test_a_trip_from_an_afternoon_to_a_morning_is_saved_as_said(office: Any) -> None:
    """「来週月曜の午後から水曜の午前まで」 with no status asks which; the answer 「出張」 reads
    back Monday's afternoon, Tuesday and Wednesday's morning, and saves exactly those."""
    megan, _chief, url = office
    question = await megan.say("来週月曜の午後から水曜の午前まで")
    assert "どの勤務形態ですか" in question["text"]
    proposal = card(await megan.say("出張"))
    assert "11/30(月) 午後 出張" in shown(proposal)
    assert "12/1(火) 終日 出張" in shown(proposal)
    assert "12/2(水) 午前 出張" in shown(proposal)
    await megan.press(button(proposal, "declare_confirm"))
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 11, 30), date(2026, 12, 2)
    )
    await engine.dispose()
    assert [(e.day.day, e.part, e.status.value) for e in entries] == [
        (30, "pm", "business_trip"),
        (1, "full", "business_trip"),
        (2, "am", "business_trip"),
    ]
