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
        ("よろしく", Intent.AFFIRM),
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
