"""The pure half of multi-turn exchanges: short replies, what a message leaves behind with
its question (``fragment``), the merge of each answer, the question limit, and the
adjustment of a read-back."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogs.conversation import MAX_QUESTIONS, Clarification, adjust, says_also
from dialogs.understanding import Entry, Intent, Interpretation, Status, parse, understand
from dialogs.understanding.replies import short_reply
from domain.policy import default_policy

TODAY = date(2026, 11, 26)  # a Thursday
CALENDAR = default_policy().work_calendar()
TOMORROW = date(2026, 11, 27)


def said(text: str) -> Interpretation:
    return understand(text, today=TODAY, calendar=CALENDAR)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("はい", Intent.AFFIRM),
        ("はい、お願いします。", Intent.AFFIRM),
        ("ＯＫ", Intent.AFFIRM),
        ("ok!", Intent.AFFIRM),
        ("Yes please", Intent.AFFIRM),
        ("いいえ", Intent.NEGATE),
        ("No", Intent.NEGATE),
        ("やめる", Intent.ABORT),
        ("中止", Intent.ABORT),
        ("Never mind.", Intent.ABORT),
        ("よろしくお願いします", None),  # a greeting on its own (yes only after a read-back)
        ("OKです", Intent.AFFIRM),
        ("違うよ", Intent.NEGATE),
        ("キャンセル", None),  # names no day: the parser's cancel (a conversation stops on it)
        ("はい、明日テレワークです", None),  # says more: the parser reads it
        ("yes I will WFH tomorrow", None),
    ],
)
def test_short_replies(text: str, intent: Intent | None) -> None:
    assert short_reply(text) is intent
    if intent is not None:
        assert said(text).intent is intent


def test_a_question_leaves_what_the_message_said() -> None:
    request = said("テレワーク申請したい")
    assert request.question_code == "which_day" and request.fragment is not None
    assert request.fragment.status is Status.TELEWORK and request.fragment.days == ()
    halves = said("午前休・午後テレワーク").fragment
    assert halves is not None
    assert halves.pairs == (("am", Status.LEAVE), ("pm", Status.TELEWORK))
    week = said("来週いっぱい").fragment
    assert week is not None and len(week.days) == 5 and week.status is None
    afternoon = said("やっぱり午後だけ")
    assert afternoon.intent is Intent.UNKNOWN and afternoon.fragment is not None
    assert afternoon.fragment.part == "pm"


def ask_then(first: str, *answers: str) -> Interpretation | None:
    held = Clarification.begin(said(first))
    for answer in answers:
        held = Clarification.from_json(held.to_json())  # kept in the database in between
        step = held.answer(said(answer), "ja")
        assert step is not None
        if step.meaning is not None:
            return step.meaning
        held = step.held
    return None


def test_each_answer_is_merged_into_what_was_said() -> None:
    meaning = ask_then("テレワーク申請したい", "明日")
    assert meaning is not None and meaning.intent is Intent.REQUEST_APPROVAL
    assert meaning.entries == (Entry(TOMORROW, "full", Status.TELEWORK),)
    sick = ask_then("sick today", "leave")
    assert sick is not None and sick.entries == (Entry(TODAY, "full", Status.LEAVE),)
    halves = ask_then("午前休・午後テレワーク", "明日")
    assert halves is not None and halves.entries == (
        Entry(TOMORROW, "am", Status.LEAVE),
        Entry(TOMORROW, "pm", Status.TELEWORK),
    )
    half = ask_then("明日 半休", "午後")
    assert half is not None and half.entries == (Entry(TOMORROW, "pm", Status.LEAVE),)
    week = ask_then("来週テレワーク", "来週いっぱい")
    assert week is not None and [e.day.day for e in week.entries] == [30, 1, 2, 3, 4]


def test_a_range_bounded_by_halves_keeps_them_through_a_question() -> None:
    """月曜の午後から水曜の午前まで with no status: the question's answer still starts the
    range in Monday's afternoon and ends it in Wednesday's morning (kept in the database in
    between); an answer with new days drops them."""
    first = said("来週月曜の午後から水曜の午前まで")
    assert first.question_code == "which_status" and first.fragment is not None
    monday, tuesday, wednesday = date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)
    assert first.fragment.halves == ((monday, "pm"), (wednesday, "am"))
    meaning = ask_then("来週月曜の午後から水曜の午前まで", "出張")
    assert meaning is not None and meaning.entries == (
        Entry(monday, "pm", Status.BUSINESS_TRIP),
        Entry(tuesday, "full", Status.BUSINESS_TRIP),
        Entry(wednesday, "am", Status.BUSINESS_TRIP),
    )
    moved = ask_then("来週月曜の午後から水曜の午前まで", "12/3 出張")
    assert moved is not None
    assert moved.entries == (Entry(date(2026, 12, 3), "full", Status.BUSINESS_TRIP),)


def test_a_change_keeps_the_day_it_moves_from() -> None:
    change = said("12/8を変更")
    assert change.intent is Intent.CHANGE and change.question_code == "which_status"
    meaning = ask_then("12/8を変更", "12/10 テレワーク")
    assert meaning is not None and meaning.intent is Intent.CHANGE
    assert [r.day for r in meaning.replaces] == [date(2026, 12, 8)]
    assert meaning.entries == (Entry(date(2026, 12, 10), "full", Status.TELEWORK),)


def test_at_most_two_questions_then_the_form() -> None:
    held = Clarification.begin(said("テレワーク"))
    assert held.asked == 1
    step = held.answer(said("えーと"), "ja")
    assert step is not None and step.question is not None and step.held.asked == MAX_QUESTIONS
    last = step.held.answer(said("うーん"), "ja")
    assert last is not None and last.form and last.question is None
    assert last.held.prefill() == (None, None, Status.TELEWORK)


def test_not_an_answer() -> None:
    held = Clarification.begin(said("テレワーク申請したい"))
    assert held.answer(said("明日誰がテレワーク？"), "ja") is None
    assert held.answer(said("業務開始"), "ja") is None


@pytest.mark.parametrize(
    "document",
    [{}, {"intent": "query_who", "said": {"days": []}, "asked": 1}, {"intent": "declare"}],
)
def test_a_document_that_is_not_a_clarification_is_refused(document: dict[str, object]) -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        Clarification.from_json(document)


SHOWN = (Entry(TOMORROW, "full", Status.TELEWORK),)


def test_a_read_back_adjusted() -> None:
    assert adjust(SHOWN, said("やっぱり午後だけ")) == (Entry(TOMORROW, "pm", Status.TELEWORK),)
    assert adjust(SHOWN, said("やっぱり出社")) == (Entry(TOMORROW, "full", Status.OFFICE),)
    moved = adjust(SHOWN, said("月曜にして"))
    assert moved == (Entry(date(2026, 11, 30), "full", Status.TELEWORK),)
    halves = (Entry(TOMORROW, "am", Status.LEAVE), Entry(TOMORROW, "pm", Status.TELEWORK))
    assert adjust(halves, said("午後だけ")) == (Entry(TOMORROW, "pm", Status.TELEWORK),)
    also = adjust(SHOWN, said("月曜も"), also=says_also("月曜も"))
    assert also == (*SHOWN, Entry(date(2026, 11, 30), "full", Status.TELEWORK))
    assert says_also("Monday too") and says_also("月曜もお願いします")
    assert not says_also("いつもの曜日") and not says_also("today")
    assert adjust(SHOWN, said("明後日テレワーク")) is None  # a whole new declaration
    assert adjust(SHOWN, said("誰がテレワーク？")) is None


@given(st.text(max_size=60))
def test_any_answer_is_merged_or_refused_never_raises(answer: str) -> None:
    held = Clarification.begin(parse("テレワーク", today=TODAY, calendar=CALENDAR))
    step = held.answer(understand(answer, today=TODAY, calendar=CALENDAR), "en")
    if step is not None:
        assert step.meaning is not None or step.question is not None or step.form
    adjust(SHOWN, understand(answer, today=TODAY, calendar=CALENDAR))


def test_a_cancellation_needs_only_its_days() -> None:
    meaning = ask_then("テレワークを取り消したい", "明日")
    assert meaning is not None and meaning.intent is Intent.CANCEL
    assert meaning.entries == (Entry(TOMORROW, "full", Status.TELEWORK),)
    whatever = ask_then("取り消したい", "明日")
    assert whatever is not None and whatever.entries == (Entry(TOMORROW, "full", None),)


# -- each answer read against what its question asked about ----------------------------------

MONDAY = date(2026, 11, 30)


def asked_on(today: date, first: str, *answers: str) -> Interpretation | Clarification:
    """The read-back meaning, or the clarification still open, after ``answers`` (each read
    ``within`` the span its question was about, as the bot reads it)."""
    opened = understand(first, today=today, calendar=CALENDAR)
    held = Clarification.begin(opened, opened.question)
    for answer in answers:
        held = Clarification.from_json(held.to_json())
        reply = understand(answer, today=today, calendar=CALENDAR, within=held.within)
        step = held.answer(reply, "ja", answer)
        assert step is not None and not step.form, answer
        if step.meaning is not None:
            return step.meaning
        held = step.held
    return held


def days_of(result: Interpretation | Clarification) -> list[tuple[date, str, Status | None]]:
    assert isinstance(result, Interpretation), result
    return [(e.day, e.part, e.status) for e in result.entries]


@pytest.mark.parametrize(
    ("today", "first", "answer", "days"),
    [
        (MONDAY, "来週テレワーク", "月と水", [date(2026, 12, 7), date(2026, 12, 9)]),
        (MONDAY, "来週は在宅", "月曜", [date(2026, 12, 7)]),
        (TODAY, "来週テレワーク", "水・金", [date(2026, 12, 2), date(2026, 12, 4)]),
        (date(2026, 12, 4), "WFH next week", "Mon, Tue", [date(2026, 12, 7), date(2026, 12, 8)]),
        (MONDAY, "WFH the week after next", "monday", [date(2026, 12, 14)]),
        (MONDAY, "今週テレワーク", "金曜", [date(2026, 12, 4)]),
        (MONDAY, "来週テレワーク", "すべて", [date(2026, 12, d) for d in (7, 8, 9, 10, 11)]),
        (MONDAY, "next week WFH", "every day", [date(2026, 12, d) for d in (7, 8, 9, 10, 11)]),
        (MONDAY, "来週テレワーク", "再来週の火曜", [date(2026, 12, 15)]),  # said: it wins
        (MONDAY, "来週テレワーク", "明日", [date(2026, 12, 1)]),
        (MONDAY, "来週テレワーク", "水曜まで", [date(2026, 12, d) for d in (7, 8, 9)]),
        (MONDAY, "WFH next week", "until Tuesday", [date(2026, 12, 7), date(2026, 12, 8)]),
        (TODAY, "来月テレワーク", "7日と8日", [date(2026, 12, 7), date(2026, 12, 8)]),
        (MONDAY, "in January I'll WFH", "the 7th", [date(2027, 1, 7)]),
        (MONDAY, "12/3(水)在宅", "木曜", [date(2026, 12, 3)]),
        (MONDAY, "12/3(水)在宅", "水曜", [date(2026, 12, 2)]),
        (MONDAY, "4/31 テレワーク", "30日", [date(2027, 4, 30)]),
        (MONDAY, "来週どこか1日テレワーク", "木曜", [date(2026, 12, 10)]),  # one day, in the week
        (TODAY, "年明け最初の週はテレワーク", "火・水", [date(2027, 1, 5), date(2027, 1, 6)]),
    ],
)
def test_days_answering_a_question_about_a_span_fall_in_it(
    today: date, first: str, answer: str, days: list[date]
) -> None:
    assert [d for d, _part, _status in days_of(asked_on(today, first, answer))] == days


def test_the_span_is_kept_with_the_question() -> None:
    week = understand("来週テレワーク", today=MONDAY, calendar=CALENDAR)
    assert week.fragment is not None
    assert week.fragment.within == (date(2026, 12, 7), date(2026, 12, 13))
    month = understand("12月に在宅したい", today=MONDAY, calendar=CALENDAR)
    assert month.question_code == "which_days_month"
    assert month.question == "12月のどの日ですか？（例: 8日と10日、12月いっぱい）"
    assert month.fragment is not None
    assert month.fragment.within == (date(2026, 12, 1), date(2026, 12, 31))
    assert understand("WFH in January", today=MONDAY, calendar=CALENDAR).question == (
        "Which days in January? (e.g. the 8th and 10th, all of January)"
    )
    # The span stays with an answer that still names no day: the same question again.
    held = asked_on(MONDAY, "来週テレワーク", "えーと")
    assert isinstance(held, Clarification) and held.within == week.fragment.within
    assert held.question == week.question
    # Once the days are known it is no longer given to the understanding.
    assert Clarification.begin(said("明日テレワーク")).within is None


@pytest.mark.parametrize(
    ("first", "answer", "entries"),
    [
        ("明日テレワークと出社", "午前", [("am", Status.TELEWORK), ("pm", Status.OFFICE)]),
        ("明日テレワークと出社", "午後", [("am", Status.OFFICE), ("pm", Status.TELEWORK)]),
        ("明日テレワークと出社", "午前は出社", [("am", Status.OFFICE), ("pm", Status.TELEWORK)]),
        (
            "明日テレワークと出社",
            "午前出社、午後在宅",
            [("am", Status.OFFICE), ("pm", Status.TELEWORK)],
        ),
        ("明日 半休", "午前", [("am", Status.LEAVE)]),
        ("明日 半休", "午後からです", [("pm", Status.LEAVE)]),
        ("明日テレワーク", "午後だけ", [("pm", Status.TELEWORK)]),
    ],
)
def test_a_part_of_the_day_goes_to_the_days_known(
    first: str, answer: str, entries: list[tuple[str, Status]]
) -> None:
    opened = said(first)
    if opened.question is None:  # a whole declaration: the part answers its read-back
        shown = adjust(opened.entries, said(answer))
        assert shown is not None and [(e.part, e.status) for e in shown] == entries
        return
    assert [(p, s) for d, p, s in days_of(asked_on(TODAY, first, answer))] == entries
    assert {d for d, _p, _s in days_of(asked_on(TODAY, first, answer))} == {TOMORROW}


@pytest.mark.parametrize(
    ("first", "answers", "part", "day"),
    [
        ("明日は16時まで在宅", ("13時",), "13:00-16:00", TOMORROW),
        ("明日は16時まで在宅", ("9:30から",), "09:30-16:00", TOMORROW),
        ("WFH until 4pm tomorrow", ("from 1pm",), "13:00-16:00", TOMORROW),
        ("明日14時 在宅", ("からです",), "14:00-", TOMORROW),
        ("明日14時 在宅", ("まで", "10時"), "10:00-14:00", TOMORROW),
        ("WFH tomorrow at 2pm", ("starting then",), "14:00-", TOMORROW),
        ("明日14時 在宅", ("13時から17時",), "13:00-17:00", TOMORROW),
        ("明日14時 在宅", ("午後",), "pm", TOMORROW),
        ("16時までテレワーク", ("13時", "明日"), "13:00-16:00", TOMORROW),
        ("27 テレワーク", ("日付",), "full", date(2026, 11, 27)),
        ("15 テレワーク", ("15日",), "full", date(2026, 12, 15)),
        ("WFH on 30", ("the date",), "full", date(2026, 11, 30)),
        ("明日 3 テレワーク", ("時刻", "から"), "15:00-", TOMORROW),
    ],
)
def test_a_time_or_a_choice_answers_a_question_about_a_time(
    first: str, answers: tuple[str, ...], part: str, day: date
) -> None:
    assert days_of(asked_on(TODAY, first, *answers)) == [(day, part, Status.TELEWORK)]


def test_a_question_about_a_time_is_asked_with_its_time() -> None:
    held = asked_on(TODAY, "14時 在宅", "明日")
    assert isinstance(held, Clarification) and held.question_code == "time_unclear"
    assert held.question == "14:00からですか、14:00までですか？"
    number = asked_on(TODAY, "28 テレワーク", "うーん")  # no such hour: still a question
    assert isinstance(number, Clarification) and number.question_code == "ambiguous_number"
    assert number.question is not None and number.question.startswith("「28」は日付ですか")
    assert said("日付").intent is Intent.UNKNOWN  # a choice only means something as an answer


@pytest.mark.parametrize(
    ("first", "answer", "weekdays", "part", "bounds"),
    [
        ("毎週在宅したい", "金曜", ("fri",), "full", (None, None)),
        ("毎週在宅したい", "月・木", ("mon", "thu"), "full", (None, None)),
        ("毎週在宅したい", "毎週火曜の午前", ("tue",), "am", (None, None)),
        ("12月から毎週テレワーク", "水曜日です", ("wed",), "full", (date(2026, 12, 1), None)),
        (
            "WFH weekly until the end of March",
            "on Fridays",
            ("fri",),
            "full",
            (None, date(2027, 3, 31)),
        ),
        ("在宅勤務の申請をしたい", "毎週月曜", ("mon",), "full", (None, None)),
    ],
)
def test_a_weekday_answers_which_weekday_of_a_weekly_pattern(
    first: str,
    answer: str,
    weekdays: tuple[str, ...],
    part: str,
    bounds: tuple[date | None, date | None],
) -> None:
    meaning = asked_on(TODAY, first, answer)
    assert isinstance(meaning, Interpretation) and meaning.recurrence is not None
    assert meaning.intent is Intent.DECLARE_RECURRING
    weekly = meaning.recurrence
    assert (weekly.weekdays, weekly.part, weekly.status) == (weekdays, part, Status.TELEWORK)
    assert (weekly.start, weekly.until) == bounds


def test_dates_answer_the_fortnightly_question() -> None:
    meaning = asked_on(TODAY, "隔週金曜は在宅", "12/4と12/18")
    assert isinstance(meaning, Interpretation) and meaning.intent is Intent.DECLARE
    assert [e.day for e in meaning.entries] == [date(2026, 12, 4), date(2026, 12, 18)]
