"""Any string parses without raising, quickly; the rules behind the table hold generally."""

from __future__ import annotations

import ast
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dialogs.understanding
from dialogs.understanding import MAX_CHARS, parse
from dialogs.understanding.dates import DateContext, infer_year, nearest_weekdays
from domain.calendar import WorkCalendar
from domain.policy import default_policy

CALENDAR: WorkCalendar = default_policy().work_calendar()
TODAY = date(2026, 11, 26)
# A bound that only catastrophic behaviour (e.g. regex backtracking on 10 KB) can break: the
# usual cost is ~0.1 ms per call (bench/parse.py), and a shared CI machine can stall a call
# for tens of milliseconds, so speed itself is measured by the bench, not asserted here.
PER_CALL_SECONDS = 1.0

FRAGMENTS = [
    "明日",
    "来週",
    "の",
    "月",
    "・",
    "水",
    "テレワーク",
    "在宅",
    "午前",
    "午後",
    "休",
    "から",
    "まで",
    "〜",
    "10/6",
    "(月)",
    "R8.12.4",
    "令和",
    "年",
    "日",
    "時",
    "13時",
    "さん",
    "毎週",
    "取り消し",
    "変更",
    "を",
    "に",
    "WFH",
    "tomorrow",
    "next",
    "monday",
    "from",
    "to",
    "3pm",
    "every",
    "cancel",
    "change",
    "who",
    "where is",
    " ",
    "、",
    "?",
    "１２／３",
    "ＴＷ",
    "😀",
    "<script>",
    "'; DROP TABLE x; --",
    "\x00",
    "\u202e",
    "\ue000",
    "9:30-12:00",
    "99/99",
    "2099-12-31",
    "9999/1/1",
    "令和99年1月1日",
    "0日",
    "31日",
    "2/29",
    "the 31st",
]


def _timed_parse(text: str, today: date = TODAY) -> float:
    start = time.perf_counter()
    result = parse(text, today=today, calendar=CALENDAR, lang="ja").to_json()
    elapsed = time.perf_counter() - start
    assert result["intent"]
    return elapsed


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_fast(text: str) -> None:
    assert _timed_parse(text) < PER_CALL_SECONDS


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
)
def test_any_mix_of_real_fragments_on_any_day_parses_fast(text: str, today: date) -> None:
    assert _timed_parse(text, today) < PER_CALL_SECONDS


@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=50))
def test_ten_kilobytes_are_refused_politely(seed: str) -> None:
    text = (seed * (10_240 // len(seed) + 1))[:10_240]
    got = parse(text, today=TODAY, calendar=CALENDAR).to_json()
    if len(text.strip()) > MAX_CHARS:
        assert got["intent"] == "unknown"
    assert _timed_parse(text) < PER_CALL_SECONDS


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "😀😀😀", "<b>hi</b>", "\x00\x01"])
def test_empty_and_junk_is_unknown_without_a_question(text: str) -> None:
    got = parse(text, today=TODAY, calendar=CALENDAR).to_json()
    assert got["intent"] == "unknown"
    assert got["question"] is None and got["entries"] == []


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2001, 1, 1), max_value=date(2090, 12, 31)),
    st.sets(st.integers(0, 6), min_size=1, max_size=7),
)
def test_bare_weekdays_are_in_one_week_today_or_later(today: date, weekdays: set[int]) -> None:
    days = nearest_weekdays(DateContext(today), tuple(weekdays))
    assert all(today <= d < today + timedelta(days=14) for d in days)
    assert {d.weekday() for d in days} == weekdays
    assert len({d - timedelta(days=d.weekday()) for d in days}) == 1


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2001, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(1, 12),
    st.integers(1, 28),
)
def test_month_day_is_within_half_a_year_ahead_or_the_last_one(
    today: date, month: int, day: int
) -> None:
    got = infer_year(DateContext(today), month, day)
    assert got is not None and (got.month, got.day) == (month, day)
    assert -366 < (got - today).days <= 183


def test_the_retroactive_window_is_a_parameter() -> None:
    # 11/20 (Fri) is the 3rd working day back from 11/26 (11/23 is a holiday)
    wide = parse("11/20テレワークでした", today=TODAY, calendar=CALENDAR).to_json()
    narrow = parse(
        "11/20テレワークでした", today=TODAY, calendar=CALENDAR, retroactive_days=2
    ).to_json()
    assert wide["warnings"] == ["retroactive"] and wide["question"] is None
    assert narrow["warnings"] == ["past_date"] and narrow["question"]


def test_a_question_follows_the_script_then_the_lang_setting() -> None:
    ja = parse("WFH", today=TODAY, calendar=CALENDAR, lang="ja").to_json()
    en = parse("WFH", today=TODAY, calendar=CALENDAR, lang="en").to_json()
    mixed = parse("WFHします", today=TODAY, calendar=CALENDAR, lang="en").to_json()
    assert ja["question"].startswith("いつ") and en["question"].startswith("Which day")
    assert mixed["question"].startswith("いつ")


def test_closed_days_are_never_shifted() -> None:
    for text in ("1/1テレワーク", "12/30 在宅", "11/29 TW"):
        got = parse(text, today=TODAY, calendar=CALENDAR).to_json()
        assert got["warnings"][:1] == ["closed_day"]
        assert len(got["entries"]) == 1
        assert not CALENDAR.is_working_day(date.fromisoformat(got["entries"][0]["date"]))


def test_ranges_hold_working_days_only() -> None:
    got = parse("12/25〜1/8 年休", today=TODAY, calendar=CALENDAR).to_json()
    days = [date.fromisoformat(e["date"]) for e in got["entries"]]
    assert days == CALENDAR.working_days(date(2026, 12, 25), date(2027, 1, 8))
    assert got["warnings"] == []


def test_the_package_stays_pure() -> None:
    forbidden = {
        "botbuilder",
        "botframework",
        "aiohttp",
        "storage",
        "bot",
        "sqlmodel",
        "sqlalchemy",
        "scheduler",
    }
    root = Path(dialogs.understanding.__file__).parent
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not {n.split(".")[0] for n in names} & forbidden, path.name
