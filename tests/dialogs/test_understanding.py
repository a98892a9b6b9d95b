"""The utterance table: every row's full ``parse`` JSON for today = 2026-11-26 (Thu)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from dialogs.understanding import parse
from domain.calendar import WorkCalendar
from domain.policy import default_policy
from tests.dialogs.utterances_en import UTTERANCES_EN
from tests.dialogs.utterances_ja import UTTERANCES_JA

TODAY = date(2026, 11, 26)
KEYS = [
    "intent",
    "entries",
    "recurrence",
    "person",
    "period",
    "status",
    "replaces",
    "warnings",
    "question",
]


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return default_policy().work_calendar()


def full(expected: dict[str, Any]) -> dict[str, Any]:
    """A table row's expectation as the whole JSON object (what a message said besides its
    question, ``fragment``, is checked by the conversation tests, not by the table)."""
    triples = {"entries", "replaces"}
    out: dict[str, Any] = {
        "intent": expected["intent"],
        "entries": [],
        "recurrence": None,
        "person": None,
        "period": None,
        "status": None,
        "replaces": None,
        "warnings": [],
        "question": None,
    }
    for key, value in expected.items():
        if key in triples:
            value = [{"date": d, "part": p, "status": s} for d, p, s in value]
        out[key] = value
    return out


def _ids(rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [text[:40] for text, _ in rows]


@pytest.mark.parametrize(("text", "expected"), UTTERANCES_JA, ids=_ids(UTTERANCES_JA))
def test_japanese(text: str, expected: dict[str, Any], calendar: WorkCalendar) -> None:
    got = parse(text, today=TODAY, calendar=calendar, lang="ja").to_json()
    got.pop("fragment", None)
    assert got == full(expected)


@pytest.mark.parametrize(("text", "expected"), UTTERANCES_EN, ids=_ids(UTTERANCES_EN))
def test_english(text: str, expected: dict[str, Any], calendar: WorkCalendar) -> None:
    got = parse(text, today=TODAY, calendar=calendar, lang="en").to_json()
    got.pop("fragment", None)
    assert got == full(expected)


def test_the_table_is_big_enough_and_has_no_duplicates() -> None:
    assert len(UTTERANCES_JA) >= 250  # issue 13: at least 400 in all, 250 in Japanese
    assert len(UTTERANCES_JA) + len(UTTERANCES_EN) >= 400
    texts = [t for t, _ in UTTERANCES_JA + UTTERANCES_EN]
    assert len(set(texts)) == len(texts)


def test_every_intent_and_status_appears_in_the_table() -> None:
    rows = [full(e) for _, e in UTTERANCES_JA + UTTERANCES_EN]
    intents = {r["intent"] for r in rows}
    assert intents == {
        "declare",
        "declare_recurring",
        "cancel",
        "cancel_recurring",
        "change",
        "request_approval",
        "report_start",
        "report_end",
        "presence",
        "query_who",
        "query_person",
        "query_self",
        "query_stats",
        "query_progress",
        "help",
        "unknown",
    }
    statuses = {e["status"] for r in rows for e in r["entries"]}
    assert {
        "telework",
        "office",
        "leave",
        "business_trip",
        "no_hours",
        "meeting",
        "away",
        "back",
    } <= statuses
    warnings = {w for r in rows for w in r["warnings"]}
    assert {"closed_day", "retroactive", "past_date", "weekday_mismatch"} <= warnings


def test_the_output_has_the_contract_keys_in_order_and_is_json(calendar: WorkCalendar) -> None:
    got = parse("明日テレワーク", today=TODAY, calendar=calendar).to_json()
    assert list(got) == KEYS
    assert json.loads(json.dumps(got, ensure_ascii=False)) == got


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("12/14から1ヶ月テレワーク", date(2026, 12, 14), date(2027, 1, 13)),
        ("明日から2か月間在宅", date(2026, 11, 27), date(2027, 1, 26)),
        ("WFH for the next 2 months", TODAY, date(2027, 1, 25)),
    ],
)
def test_months_of_a_duration_run_to_the_day_before_the_same_date(
    calendar: WorkCalendar, text: str, first: date, last: date
) -> None:
    meaning = parse(text, today=TODAY, calendar=calendar)
    days = [e.day for e in meaning.entries]
    assert meaning.question is None and (days[0], days[-1]) == (first, last)
    assert days == [d for d in calendar.working_days(first, last)]


def test_a_month_duration_is_not_a_month_ago(calendar: WorkCalendar) -> None:
    assert parse("3ヶ月前の件", today=TODAY, calendar=calendar).intent.value == "unknown"
    too_long = parse("明日から4か月在宅", today=TODAY, calendar=calendar)
    assert too_long.question_code == "range_too_long"
    backwards = parse("12/10から12/8まで在宅", today=TODAY, calendar=calendar)
    assert backwards.question_code == "invalid_range"


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("来週は在宅、月曜だけ出社", [date(2026, 12, 7)]),
        ("来週は火曜と木曜が出社、残りは在宅", [date(2026, 12, 8), date(2026, 12, 10)]),
        ("next week: Wed in the office, otherwise remote", [date(2026, 12, 9)]),
    ],
)
def test_a_week_and_its_days_under_another_status_on_a_monday(
    calendar: WorkCalendar, text: str, office: list[date]
) -> None:
    """On Monday 11/30 「月曜」 alone is today; with 来週 it is next week's, and the rest of
    next week has the other status."""
    meaning = parse(text, today=date(2026, 11, 30), calendar=calendar)
    assert meaning.question is None, meaning.question
    assert {e.day: e.status.value if e.status else None for e in meaning.entries} == {
        day: "office" if day in office else "telework"
        for day in calendar.working_days(date(2026, 12, 7), date(2026, 12, 11))
    }
