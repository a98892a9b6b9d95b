"""Issue 13 §4: a question is never read as a declaration, whatever day and status it names
(hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogs.understanding import Intent, parse
from domain.calendar import WorkCalendar
from domain.policy import default_policy

CALENDAR: WorkCalendar = default_policy().work_calendar()
TODAY = date(2026, 11, 26)
DAYS_JA = st.sampled_from(["明日", "今日", "金曜", "来週の月曜", "12/3", "3日", "明後日"])
STATUS_JA = st.sampled_from(["テレワーク", "在宅", "在宅勤務", "出社", "出勤", "休暇", "出張"])
DAYS_EN = st.sampled_from(["tomorrow", "today", "on Friday", "next Monday", "on Dec 3"])
STATUS_EN = st.sampled_from(["WFH", "working from home", "in the office", "on leave", "remote"])
DECLARING = {Intent.DECLARE, Intent.REQUEST_APPROVAL, Intent.CHANGE, Intent.CANCEL}


@settings(max_examples=80, deadline=None)
@given(day=DAYS_JA, status=STATUS_JA)
def test_japanese_questions_are_queries(day: str, status: str) -> None:
    for text, expected in (
        (f"{day}{status}の人いる？", Intent.QUERY_WHO),
        (f"{day}は誰が{status}ですか", Intent.QUERY_WHO),
        (f"{day}って{status}だっけ？", Intent.QUERY_SELF),
        (f"{day}は{status}で登録されていますか", Intent.QUERY_SELF),
    ):
        got = parse(text, today=TODAY, calendar=CALENDAR, lang="ja")
        assert got.intent is expected, text
        assert not got.entries, text


@settings(max_examples=60, deadline=None)
@given(day=DAYS_EN, status=STATUS_EN)
def test_english_questions_are_queries(day: str, status: str) -> None:
    for text, expected in (
        (f"who is {status} {day}?", Intent.QUERY_WHO),
        (f"am I {status} {day}?", Intent.QUERY_SELF),
        (f"is anyone {status} {day}?", Intent.QUERY_WHO),
    ):
        got = parse(text, today=TODAY, calendar=CALENDAR, lang="en")
        assert got.intent is expected, text
        assert got.intent not in DECLARING, text


@settings(max_examples=40, deadline=None)
@given(day=DAYS_JA, status=st.sampled_from(["テレワーク", "在宅", "在宅勤務"]))
def test_asking_permission_is_still_a_request(day: str, status: str) -> None:
    for ending in ("してもいいですか", "でもよろしいでしょうか", "できますか？"):
        got = parse(f"{day}{status}{ending}", today=TODAY, calendar=CALENDAR, lang="ja")
        assert got.intent is Intent.REQUEST_APPROVAL, (day, status, ending)
