"""Multi-turn declaring over HTTP with the real Teams payloads (issue 13 §1 and §4): a
clarifying question keeps what was said, every example ends in a read-back card, 「やめる」
and commands end the exchange, two questions at most then the form, and 「はい」/「いいえ」/
「やっぱり午後だけ」 answer a read-back card."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import Chat, button, card, shown
from tests.bot.conftest import NOW, RecordingConnector
from tests.factories import MEGAN_AAD, seed_staff, staff


def english(chat: Chat) -> Chat:
    chat.template["locale"] = "en-US"
    return chat


def read_back(reply: dict[str, Any]) -> str:
    """The read-back card's text (fails when the reply is not one)."""
    assert reply.get("attachments"), f"no card: {reply.get('text')!r}"
    content = shown(card(reply))
    assert "declare_confirm" in content, content
    return content


async def live_entries(url: str) -> list[tuple[date, str, str, str]]:
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 11, 1), date(2027, 3, 31)
    )
    await engine.dispose()
    return [(e.day, e.part, e.status.value, e.state.value) for e in entries]


# -- §1: clarifying questions keep what was said ---------------------------------------------


async def test_a_request_then_the_day_is_read_back_and_yes_saves_it(office: Any) -> None:
    megan, _chief, url = office
    asked = await megan.say("テレワーク申請したい")
    assert asked["text"].startswith("いつですか？")
    proposal = read_back(await megan.say("明日"))
    assert "11/27(金) 終日 テレワーク（承認が必要）" in proposal
    saved = await megan.say("はい")
    assert "登録しました" in shown(card(saved))
    assert await live_entries(url) == [(date(2026, 11, 27), "full", "telework", "pending")]


async def test_the_issue_loop_in_japanese_ends_in_a_read_back(office: Any) -> None:
    """「テレワーク申請したい」→「明日」→「テレワーク」: the third message (what looped before)
    is answered too: it restates the status, and the read-back stands."""
    megan, _chief, _url = office
    await megan.say("テレワーク申請したい")
    read_back(await megan.say("明日"))
    again = read_back(await megan.say("テレワーク"))
    assert "11/27(金) 終日 テレワーク" in again


async def test_sick_today_then_leave_in_english(office: Any) -> None:
    megan, _chief, url = office
    english(megan)
    asked = await megan.say("sick today")
    assert asked["text"] == "Telework, office, leave or business trip?"
    proposal = read_back(await megan.say("leave"))
    assert "Thu 11/26 all day leave" in proposal
    assert "Saved" in shown(card(await megan.say("yes")))
    assert await live_entries(url) == [(date(2026, 11, 26), "full", "leave", "confirmed")]


async def test_leave_then_today_in_english(office: Any) -> None:
    megan, _chief, _url = office
    english(megan)
    assert (await megan.say("leave"))["text"].startswith("Which day?")
    assert "Thu 11/26 all day leave" in read_back(await megan.say("today"))


@pytest.mark.parametrize(
    ("first", "answer", "lines"),
    [
        ("午前休・午後テレワーク", "明日", ("11/27(金) 午前 休暇", "11/27(金) 午後 テレワーク")),
        (
            "morning off, WFH in the afternoon",
            "tomorrow",
            ("Fri 11/27 morning leave", "Fri 11/27 afternoon telework"),
        ),
    ],
)
async def test_two_halves_then_the_day(
    office: Any, first: str, answer: str, lines: tuple[str, ...]
) -> None:
    megan, _chief, _url = office
    if first.isascii():
        english(megan)
    await megan.say(first)
    proposal = read_back(await megan.say(answer))
    for line in lines:
        assert line in proposal


@pytest.mark.parametrize(
    ("first", "suggestion", "question"),
    [
        ("来週テレワーク", "来週いっぱい", "来週のどの日ですか？"),
        ("WFH next week", "all of next week", "Which days next week?"),
    ],
)
async def test_accepting_the_bots_own_suggestion(
    office: Any, first: str, suggestion: str, question: str
) -> None:
    megan, _chief, url = office
    if first.isascii():
        english(megan)
    asked = await megan.say(first)
    assert asked["text"].startswith(question) and suggestion in asked["text"]
    proposal = read_back(await megan.say(suggestion))
    for day in ("11/30", "12/1", "12/2", "12/3", "12/4"):
        assert day in proposal
    await megan.say("OK")
    assert [e[0] for e in await live_entries(url)] == [
        date(2026, 11, 30),
        date(2026, 12, 1),
        date(2026, 12, 2),
        date(2026, 12, 3),
        date(2026, 12, 4),
    ]


@pytest.mark.parametrize("stop", ["やめる", "中止", "キャンセル", "やっぱりやめます"])
async def test_stopping_a_clarification_saves_nothing(office: Any, stop: str) -> None:
    megan, _chief, url = office
    await megan.say("テレワーク申請したい")
    stopped = await megan.say(stop)
    assert stopped["text"] == "わかりました、中止します。何も保存していません。"
    assert not stopped.get("attachments")
    # The exchange is over: the next day named is a message of its own.
    assert (await megan.say("明日"))["text"].startswith("どの勤務形態ですか？")
    assert await live_entries(url) == []


async def test_stopping_in_english(office: Any) -> None:
    megan, _chief, _url = office
    english(megan)
    await megan.say("WFH next week")
    assert (await megan.say("never mind"))[
        "text"
    ] == "All right, I stopped there. Nothing was saved."


async def test_a_command_ends_the_clarification(office: Any) -> None:
    megan, _chief, _url = office
    await megan.say("テレワーク")
    helped = await megan.say("ヘルプ")
    assert "使い方" in shown(card(helped))
    assert (await megan.say("明日"))["text"].startswith("どの勤務形態ですか？")


async def test_another_question_is_answered_on_its_own_and_ends_the_exchange(
    office: Any,
) -> None:
    megan, _chief, _url = office
    await megan.say("テレワーク申請したい")
    board = shown(card(await megan.say("明日誰がテレワーク？")))
    assert "総務課の予定（11/27(金)）" in board
    assert (await megan.say("明日"))["text"].startswith("どの勤務形態ですか？")


@pytest.mark.parametrize(
    ("first", "mumbles", "form_text"),
    [
        ("テレワーク", ("えーと", "うーん"), "フォームでご入力ください"),
        ("WFH", ("hmm", "not sure"), "please use this form"),
    ],
)
async def test_after_two_questions_the_form_is_offered_prefilled(
    office: Any, first: str, mumbles: tuple[str, str], form_text: str
) -> None:
    megan, _chief, _url = office
    if first.isascii():
        english(megan)
    first_question = (await megan.say(first))["text"]
    second_question = (await megan.say(mumbles[0]))["text"]
    assert second_question == first_question  # the same question, asked a second time
    offered = await megan.say(mumbles[1])
    assert form_text in offered["text"]
    form = card(offered)
    status = next(e for e in form["body"] if e.get("id") == "status")
    assert status["value"] == "telework"
    assert button(form, "declare_form_submit")
    # The form ended the exchange: a day now is read on its own.
    assert "?" in (await megan.say("明日"))["text"].replace("？", "?")


async def test_each_person_has_their_own_exchange(office: Any) -> None:
    megan, chief, _url = office
    await megan.say("テレワーク申請したい")
    assert (await chief.say("明日"))["text"].startswith("どの勤務形態ですか？")
    assert "11/27(金) 終日 テレワーク" in read_back(await megan.say("明日"))


async def test_the_exchange_expires_after_the_timeout(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", name="メーガン", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    now = [NOW()]
    client = await bot_client(clock=lambda: now[0], TELEWORK_CONVERSATION_TIMEOUT_MINUTES=5)
    megan = Chat(client, connector, MEGAN_AAD, "29:megan")
    await megan.say("テレワーク申請したい")
    now[0] += timedelta(minutes=4)
    assert "テレワーク" in read_back(await megan.say("明日"))  # within 5 minutes
    now[0] += timedelta(minutes=6)
    assert (await megan.say("はい"))["text"].startswith("いま確認をお待ちしているものはありません")


# -- §4: yes, no and an adjustment right after a read-back card -----------------------------


async def test_no_after_a_read_back_drops_it(office: Any) -> None:
    megan, _chief, url = office
    read_back(await megan.say("明日テレワーク"))
    dropped = await megan.say("いいえ")
    assert dropped["text"] == "登録を取りやめました。"
    assert await live_entries(url) == []


async def test_afternoon_only_adjusts_the_read_back(office: Any) -> None:
    megan, _chief, url = office
    read_back(await megan.say("明日テレワーク"))
    adjusted = read_back(await megan.say("やっぱり午後だけ"))
    assert "11/27(金) 午後 テレワーク" in adjusted and "終日" not in adjusted
    await megan.say("はい")
    assert await live_entries(url) == [(date(2026, 11, 27), "pm", "telework", "pending")]


async def test_afternoon_only_in_english(office: Any) -> None:
    megan, _chief, _url = office
    english(megan)
    read_back(await megan.say("WFH tomorrow"))
    adjusted = read_back(await megan.say("actually just the afternoon"))
    assert "Fri 11/27 afternoon telework" in adjusted
    assert "Saved" in shown(card(await megan.say("OK")))


async def test_a_read_back_moved_to_another_day_and_status(office: Any) -> None:
    megan, _chief, _url = office
    read_back(await megan.say("明日テレワーク"))
    assert "11/30(月) 終日 テレワーク" in read_back(await megan.say("月曜にして"))
    assert "11/30(月) 終日 出勤" in read_back(await megan.say("やっぱり出社"))


async def test_a_day_added_to_a_read_back(office: Any) -> None:
    megan, _chief, url = office
    read_back(await megan.say("明日テレワーク"))
    both = read_back(await megan.say("月曜も"))
    assert "11/27(金) 終日 テレワーク" in both and "11/30(月) 終日 テレワーク" in both
    await megan.say("よろしく")
    assert [e[0] for e in await live_entries(url)] == [date(2026, 11, 27), date(2026, 11, 30)]


async def test_yes_after_a_change_moves_the_day(office: Any) -> None:
    megan, _chief, url = office
    await megan.press(button(card(await megan.say("12/8 テレワーク")), "declare_confirm"))
    read_back(await megan.say("12/8のテレワークを12/10に変更"))
    saved = shown(card(await megan.say("はい")))
    assert "元の予定を取り消しました" in saved
    assert [e[0] for e in await live_entries(url)] == [date(2026, 12, 10)]


async def test_a_short_reply_with_nothing_open_gets_a_sentence_not_the_help_card(
    office: Any,
) -> None:
    megan, _chief, _url = office
    for said in ("はい", "OK", "いいえ", "やめる"):
        reply = await megan.say(said)
        assert reply["text"].startswith("いま確認をお待ちしているものはありません"), said
        assert not reply.get("attachments"), said
    mumble = await megan.say("うーん")
    assert "理解できませんでした" in mumble["text"] and not mumble.get("attachments")


async def test_a_pressed_button_ends_the_exchange(office: Any) -> None:
    megan, _chief, url = office
    proposal = card(await megan.say("明日テレワーク"))
    await megan.press(button(proposal, "declare_dismiss"))
    assert (await megan.say("はい"))["text"].startswith("いま確認をお待ちしているものはありません")
    assert await live_entries(url) == []


@pytest.mark.parametrize(
    ("first", "answer", "shown_line"),
    [
        ("テレワークを取り消したい", "11/30", "11/30(月) 終日 テレワーク"),
        ("cancel my telework", "Monday", "Mon 11/30 all day telework"),
    ],
)
async def test_a_cancellation_asks_which_day_and_keeps_what_was_said(
    office: Any, first: str, answer: str, shown_line: str
) -> None:
    megan, _chief, url = office
    await megan.press(button(card(await megan.say("来週の月・水 在宅")), "declare_confirm"))
    if first.isascii():
        english(megan)
    assert "?" in (await megan.say(first))["text"].replace("？", "?")
    question = card(await megan.say(answer))
    assert shown_line in shown(question) and "12/2" not in shown(question)
    done = await megan.press(button(question, "cancel_confirm"))
    assert "11/30" in shown(done["value"])
    assert [e[0] for e in await live_entries(url)] == [date(2026, 12, 2)]
