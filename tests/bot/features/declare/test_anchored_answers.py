"""An answer is read against what its question asked about, over HTTP with the real Teams
payloads (issue 13 §1): weekdays answering 「来週のどの日ですか？」 fall in next week whatever
day today is, 「全部」 is all of it (its holiday left out), days of the month answering
「12月のどの日ですか？」 fall in December, a weekday answering a date/weekday mismatch falls
in that date's week, a part of the day goes to the days already known, and a time, 「から」
or 「日付」 answers a question about a time or a bare number."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import Chat, card, shown
from tests.bot.conftest import RecordingConnector
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, staff

MONDAY = datetime(2026, 11, 30, 9, 30)  # next week: 12/7-12/11
THURSDAY = datetime(2026, 11, 26, 10, 0)  # next week: 11/30-12/4
FRIDAY = datetime(2026, 11, 27, 17, 45)  # next week: 11/30-12/4
BEFORE_A_HOLIDAY = datetime(2026, 11, 18, 9, 0)  # Wed; next Monday 11/23 is 勤労感謝の日


async def chat_at(bot_client: Any, connector: RecordingConnector, url: str, now: datetime) -> Chat:
    engine = create_engine(url)
    await seed_staff(engine, staff("S1", name="メーガン", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client(clock=frozen_clock(now))
    return Chat(client, connector, MEGAN_AAD, "29:megan")


def english(chat: Chat) -> Chat:
    chat.template["locale"] = "en-US"
    return chat


def read_back(reply: dict[str, Any]) -> str:
    assert reply.get("attachments"), f"no card: {reply.get('text')!r}"
    content = shown(card(reply))
    assert "declare_confirm" in content, content
    return content


async def saved_days(url: str) -> list[tuple[date, str, str]]:
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 11, 1), date(2027, 3, 31)
    )
    await engine.dispose()
    return [(e.day, e.part, e.status.value) for e in entries]


# -- which days of the week asked about ------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "first", "question", "answer", "lines", "yes", "days"),
    [
        (
            THURSDAY,
            "来週テレワークしたい",
            "来週のどの日ですか？",
            "月と水",
            ("11/30(月) 終日 テレワーク", "12/2(水) 終日 テレワーク"),
            "はい",
            [date(2026, 11, 30), date(2026, 12, 2)],
        ),
        (  # on a Monday, 「月と水」 on its own would be today and the day after tomorrow
            MONDAY,
            "来週テレワークしたい",
            "来週のどの日ですか？",
            "月と水",
            ("12/7(月) 終日 テレワーク", "12/9(水) 終日 テレワーク"),
            "はい",
            [date(2026, 12, 7), date(2026, 12, 9)],
        ),
        (
            FRIDAY,
            "来週は在宅にしたいです",
            "来週のどの日ですか？",
            "月曜と水曜でお願いします",
            ("11/30(月) 終日 テレワーク", "12/2(水) 終日 テレワーク"),
            "はい",
            [date(2026, 11, 30), date(2026, 12, 2)],
        ),
        (
            MONDAY,
            "I'd like to work from home next week",
            "Which days next week?",
            "Mon and Wed",
            ("Mon 12/7 all day telework", "Wed 12/9 all day telework"),
            "yes",
            [date(2026, 12, 7), date(2026, 12, 9)],
        ),
        (  # today is Monday: "Monday" alone would be today
            MONDAY,
            "WFH next week",
            "Which days next week?",
            "Monday",
            ("Mon 12/7 all day telework",),
            "OK",
            [date(2026, 12, 7)],
        ),
        (
            FRIDAY,
            "WFH next week please",
            "Which days next week?",
            "Tuesday and Thursday",
            ("Tue 12/1 all day telework", "Thu 12/3 all day telework"),
            "yes",
            [date(2026, 12, 1), date(2026, 12, 3)],
        ),
    ],
)
async def test_weekdays_answering_which_days_of_next_week(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    now: datetime,
    first: str,
    question: str,
    answer: str,
    lines: tuple[str, ...],
    yes: str,
    days: list[date],
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, now)
    if first.isascii():
        english(megan)
    assert (await megan.say(first))["text"].startswith(question)
    proposal = read_back(await megan.say(answer))
    for line in lines:
        assert line in proposal
    saved = await megan.say(yes)
    assert "登録しました" in shown(card(saved)) or "Saved" in shown(card(saved))
    assert [d for d, _part, _status in await saved_days(sqlite_url)] == days


async def test_next_weeks_holiday_is_refused_by_name_and_the_other_day_saved(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, BEFORE_A_HOLIDAY)
    assert (await megan.say("来週テレワークしたい"))["text"].startswith("来週のどの日ですか？")
    proposal = read_back(await megan.say("月と水"))
    assert "11/25(水) 終日 テレワーク" in proposal
    assert "11/23(月)" in proposal and "勤労感謝の日" in proposal  # said, not saved
    assert "11/16" not in proposal and "11/18" not in proposal  # not this week's
    await megan.say("はい")
    assert await saved_days(sqlite_url) == [(date(2026, 11, 25), "full", "telework")]


@pytest.mark.parametrize(
    ("first", "everything", "yes"),
    [("来週テレワークしたい", "全部", "はい"), ("WFH next week", "all of them", "yes")],
)
async def test_all_of_next_week_leaves_its_holiday_out(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    first: str,
    everything: str,
    yes: str,
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, BEFORE_A_HOLIDAY)
    if first.isascii():
        english(megan)
    await megan.say(first)
    read_back(await megan.say(everything))
    await megan.say(yes)
    assert [d for d, _p, _s in await saved_days(sqlite_url)] == [
        date(2026, 11, 24),
        date(2026, 11, 25),
        date(2026, 11, 26),
        date(2026, 11, 27),
    ]


async def test_this_week_said_in_the_answer_is_kept(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """The answer may name another week on purpose: what it says wins."""
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await megan.say("来週テレワークしたい")
    proposal = read_back(await megan.say("やっぱり今週の水曜"))
    assert "12/2(水) 終日 テレワーク" in proposal and "12/9" not in proposal


# -- other spans: a month, the week of a mistyped date, a month without that day -------------


@pytest.mark.parametrize(
    ("first", "question", "answer", "lines"),
    [
        (
            "12月にテレワークしたい",
            "12月のどの日ですか？",
            "8日と10日",
            ("12/8(火) 終日 テレワーク", "12/10(木) 終日 テレワーク"),
        ),
        (
            "I want to WFH in December",
            "Which days in December?",
            "the 8th and the 10th",
            ("Tue 12/8 all day telework", "Thu 12/10 all day telework"),
        ),
        (  # 12/10 is a Thursday: 「木曜」 is that week's Thursday, not this week's
            "12/10(金)は在宅",
            "12/10は木曜日です",
            "木曜です",
            ("12/10(木) 終日 テレワーク",),
        ),
        (  # the Friday meant is that week's Friday
            "WFH on 12/10 (Fri)",
            "12/10 is a Thursday, not a Friday",
            "Friday",
            ("Fri 12/11 all day telework",),
        ),
        (
            "2/30 テレワーク",
            "「2/30」という日付はありません",
            "26日",
            ("2/26(金) 終日 テレワーク",),
        ),
    ],
)
async def test_a_day_answering_a_question_about_a_span_falls_in_it(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    first: str,
    question: str,
    answer: str,
    lines: tuple[str, ...],
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    if first.isascii():
        english(megan)
    assert (await megan.say(first))["text"].startswith(question)
    proposal = read_back(await megan.say(answer))
    for line in lines:
        assert line in proposal


# -- parts of the day, times and bare numbers ------------------------------------------------


@pytest.mark.parametrize(
    ("first", "answer", "lines"),
    [
        ("明日はテレワークと出社", "午前", ("12/1(火) 午前 テレワーク", "12/1(火) 午後 出勤")),
        (
            "明日はテレワークと出社",
            "午前は出社",
            ("12/1(火) 午前 出勤", "12/1(火) 午後 テレワーク"),
        ),
        (
            "tomorrow WFH and office",
            "office in the afternoon",
            ("Tue 12/1 morning telework", "Tue 12/1 afternoon in the office"),
        ),
        ("明後日 半休", "午後です", ("12/2(水) 午後 休暇",)),
    ],
)
async def test_a_part_of_the_day_goes_to_the_days_already_known(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    first: str,
    answer: str,
    lines: tuple[str, ...],
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    if first.isascii():
        english(megan)
    assert "?" in (await megan.say(first))["text"].replace("？", "?")
    proposal = read_back(await megan.say(answer))
    for line in lines:
        assert line in proposal


@pytest.mark.parametrize(
    ("first", "question", "answer", "line"),
    [
        ("明日は15時まで在宅", "何時からですか？", "13時", "12/1(火) 13:00–15:00 テレワーク"),
        ("明日は15時まで在宅", "何時からですか？", "10時半から", "12/1(火) 10:30–15:00 テレワーク"),
        ("明日15時 テレワーク", "15:00からですか", "からです", "12/1(火) 15:00– テレワーク"),
        ("WFH tomorrow at 3pm", "From 15:00 or until 15:00?", "from", "Tue 12/1 15:00– telework"),
        ("15 テレワーク", "「15」は日付ですか", "日付です", "12/15(火) 終日 テレワーク"),
        ("WFH on 15", 'Does "15" mean a date or a time?', "a date", "Tue 12/15 all day telework"),
    ],
)
async def test_a_time_or_a_choice_answering_a_question_about_a_time(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    first: str,
    question: str,
    answer: str,
    line: str,
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    if first.isascii():
        english(megan)
    assert (await megan.say(first))["text"].startswith(question)
    assert line in read_back(await megan.say(answer))


async def test_until_then_asks_the_start_and_the_start_is_joined(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """「15時」→ からですか、までですか？ →「まで」→ 何時からですか？ →「9時半」: two questions,
    then the read-back of 9:30-15:00, and 「はい」 saves it."""
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await megan.say("明日15時 テレワーク")
    assert (await megan.say("まで"))["text"].startswith("何時からですか？")
    assert "12/1(火) 09:30–15:00 テレワーク" in read_back(await megan.say("9時半"))
    await megan.say("はい")
    assert await saved_days(sqlite_url) == [(date(2026, 12, 1), "09:30-15:00", "telework")]


# -- weekly patterns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "question", "answer", "title"),
    [
        (
            "毎週テレワークしたいです",
            "何曜日ですか？",
            "水曜",
            "毎週水曜 終日 テレワークを登録しますか？（11/30(月)〜",
        ),
        (
            "来月から毎週在宅",
            "何曜日ですか？",
            "火曜と木曜の午後",
            "毎週火・木曜 午後 テレワークを登録しますか？（12/1(火)〜",
        ),
        (
            "I'd like to WFH every week",
            "Which weekday?",
            "Thursdays",
            "Save telework every Thu (all day) from Mon 11/30 to",
        ),
    ],
)
async def test_a_weekday_answering_which_weekday_makes_the_weekly_pattern(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    first: str,
    question: str,
    answer: str,
    title: str,
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    if first.isascii():
        english(megan)
    assert (await megan.say(first))["text"].startswith(question)
    proposal = await megan.say(answer)
    assert title in shown(card(proposal))
    assert "recurring_confirm" in shown(card(proposal))


async def test_dates_answering_the_fortnightly_question_are_read_back(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    assert (await megan.say("隔週水曜に在宅勤務"))["text"].startswith(
        "隔週の登録には対応していません"
    )
    proposal = read_back(await megan.say("12/2と12/16"))
    assert "12/2(水) 終日 テレワーク" in proposal and "12/16(水) 終日 テレワーク" in proposal
    await megan.say("はい")
    assert [d for d, _p, _s in await saved_days(sqlite_url)] == [
        date(2026, 12, 2),
        date(2026, 12, 16),
    ]


async def test_the_form_after_two_questions_keeps_the_time_range(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    megan = await chat_at(bot_client, connector, sqlite_url, MONDAY)
    await megan.say("16時まで在宅")
    assert (await megan.say("13時"))["text"].startswith("いつですか？")
    offered = await megan.say("うーん")
    fields = {e.get("id"): e.get("value") for e in card(offered)["body"]}
    assert (fields["part"], fields["start"], fields["end"]) == ("time", "13:00", "16:00")
    assert fields["status"] == "telework"
