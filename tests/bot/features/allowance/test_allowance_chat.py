"""在宅勤務等手当 in chat: a chief orders home work, the person sees it on their schedule and
their own allowance card, tells their place once, cannot drop an ordered day (but may take
leave), and the chief can cancel the order. Clock: Thursday 2026-11-26 10:00."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.schedule import EntryState, EntryStatus
from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import button, card, shown, wait_for


async def order_mon_to_thu(chief: Any) -> dict[str, Any]:
    form = card(await chief.say("在宅勤務命令"))
    assert "在宅勤務の命令" in shown(form) and "メーガン" in shown(form)
    return await chief.press(
        button(form, "order_submit"),
        employee="S1",
        **{"from": "2026-11-27"},
        until="2027-02-26",
        weekdays="mon,tue,wed,thu",
        days="",
    )


async def test_order_schedule_card_place_and_cancel(office: Any) -> None:
    megan, chief, url = office
    made = await order_mon_to_thu(chief)
    # 11/30–2/25 Mon–Thu less 12/29, 12/30, 12/31, 1/11 (closed): 12 + 16 + 13 weeks' days…
    assert "メーガンさんに在宅勤務を命じました：11/27(金)〜2/26(金) 毎週月・火・水・木" in shown(
        made["value"]
    )
    engine = create_engine(url)
    schedule = SqlSchedule(session_factory(engine))
    entries = await schedule.entries("S1", date(2026, 11, 27), date(2027, 2, 26))
    assert all(
        (e.status, e.state, e.part) == (EntryStatus.TELEWORK, EntryState.CONFIRMED, "full")
        for e in entries
    )
    assert date(2026, 12, 29) not in {e.day for e in entries}
    assert date(2027, 1, 11) not in {e.day for e in entries}
    assert f"（{len(entries)}日）" in shown(made["value"])

    mine = shown(card(await megan.say("私の予定")))
    assert "11/30(月) 終日 テレワーク" in mine

    status = card(await megan.say("手当"))
    text = shown(status)
    assert "在宅勤務等手当の状況（2026年11月）" in text
    assert "在宅勤務等の場所：未登録" in text
    assert "対象期間は命令の翌月（2026-12）から始まります。" in text
    assert "毎週月・火・水・木" in text
    saved = await megan.press(button(status, "allowance_place"), place="home")
    assert "在宅勤務等の場所を「自宅」として記録しました（11/26(木)から）。" in shown(
        saved["value"]
    )
    assert "在宅勤務等の場所：自宅" in shown(card(await megan.say("手当")))

    # The person cannot drop an ordered day, nor move it to the office …
    assert (await megan.say("12/1のテレワークを取り消し"))["text"].startswith(
        "課室長の命令による在宅勤務の日は、ご自身では取り消し・変更できません"
    )
    change = card(await megan.say("12/1は出勤に変更"))
    refused = await megan.press(button(change, "declare_confirm"))
    assert "ご自身では取り消し・変更できません" in shown(refused)
    # … but may take leave on it.
    leave = card(await megan.say("12/2 年休"))
    assert "登録しました" in shown((await megan.press(button(leave, "declare_confirm")))["value"])
    [day] = await schedule.entries("S1", date(2026, 12, 2), date(2026, 12, 2))
    assert day.status is EntryStatus.LEAVE

    listed = card(await chief.say("命令一覧"))
    assert "メーガン：11/27(金)〜2/26(金) 毎週月・火・水・木" in shown(listed)
    done = await chief.press(button(listed, "order_cancel"))
    remaining = len(entries) - 1  # 12/2 is leave now
    assert f"本日以降の{remaining}日分の予定を取り消しました" in shown(done["value"])
    assert await schedule.entries("S1", date(2026, 11, 27), date(2027, 2, 26)) == [day]
    assert "有効な命令はありません" in (await chief.say("命令一覧"))["text"]
    await engine.dispose()


async def test_only_the_chief_may_order_and_nobody_sees_another_persons_status(
    office: Any,
) -> None:
    megan, chief, _url = office
    assert (await megan.say("在宅勤務命令"))[
        "text"
    ] == "在宅勤務の命令は課室長と事務局のみ行えます。"
    forged = await megan.press(
        {
            "verb": "order_submit",
            "data": {"employee": "S1", "from": "2026-12-01", "until": "2026-12-31"},
        }
    )
    assert "課室長と事務局のみ" in shown(forged)
    # A chief cannot order someone of another section (佐藤 is in 関東局).
    form = card(await chief.say("在宅勤務命令"))
    assert "佐藤" not in shown(form)
    other = await chief.press(
        button(form, "order_submit"),
        employee="S2",
        **{"from": "2026-12-01"},
        until="2026-12-31",
        weekdays="mon",
    )
    assert "ご自身の課室の職員にのみ命令できます" in shown(other)
    # The allowance card is always the asker's own: the chief sees their own status.
    own = shown(card(await chief.say("手当")))
    assert "在宅勤務の命令がありません。" in own and "メーガン" not in own


async def test_allowance_card_in_english(office: Any) -> None:
    megan, chief, _url = office
    await order_mon_to_thu(chief)
    await megan.say("language English")
    text = shown(card(await megan.say("allowance")))
    assert "Telework allowance (Nov 2026)" in text
    assert "The period starts the month after the order (2026-12)." in text
    assert "every Mon, Tue, Wed, Thu" in text


async def test_the_person_is_told_of_the_order_and_asked_for_the_place_once(
    office: Any,
) -> None:
    megan, chief, _url = office
    await megan.say("ヘルプ")  # Megan has talked to the bot: reachable 1:1
    await order_mon_to_thu(chief)
    conversation = megan.template["conversation"]["id"]
    [notice] = await wait_for(megan.connector, conversation, 1)
    content = notice["attachments"][0]["content"]
    assert "課長 一郎さんから在宅勤務を命じられました：11/27(金)〜2/26(金) 毎週月・火・水・木" in (
        shown(content)
    )
    saved = await megan.press(button(content, "allowance_place"), place="family_home")
    assert "配偶者・二親等以内の親族の住居" in shown(saved["value"])
    # Cancelling tells her too, and a second order no longer asks for the place.
    listed = card(await chief.say("命令一覧"))
    await chief.press(button(listed, "order_cancel"))
    await order_mon_to_thu(chief)
    sent = await wait_for(megan.connector, conversation, 3)
    assert "在宅勤務の命令（11/27(金)〜2/26(金) 毎週月・火・水・木）を取り消しました" in shown(
        sent[1]
    )
    assert "allowance_place" not in shown(sent[2]) and "命じられました" in shown(sent[2])


async def test_the_progress_card_shows_the_persons_own_allowance_answer(office: Any) -> None:
    megan, chief, _url = office
    assert "在宅勤務等手当" not in shown(card(await megan.say("進捗")))  # no order yet
    await order_mon_to_thu(chief)
    mine = shown(card(await megan.say("進捗")))
    # November: the period starts in December; the one ordered November day (11/30) does not
    # count yet either, as no place is recorded.
    assert "在宅勤務等手当：今月は支給対象外です（今月0日、平均-日／月）" in mine
    assert "在宅勤務等手当" not in shown(card(await chief.say("進捗")))
