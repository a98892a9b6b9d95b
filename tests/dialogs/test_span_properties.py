"""Issue 13 §4: durations and spans hold for any start and length (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogs.understanding import parse
from domain.calendar import WorkCalendar
from domain.policy import default_policy

CALENDAR: WorkCalendar = default_policy().work_calendar()
TODAY = date(2026, 11, 26)
STARTS = st.integers(min_value=0, max_value=60).map(lambda n: TODAY + timedelta(days=n))


def _days(text: str, lang: str) -> list[date]:
    got = parse(text, today=TODAY, calendar=CALENDAR, lang=lang)
    assert got.question is None, (text, got.question)
    assert {e.status for e in got.entries} == {got.entries[0].status}
    return [e.day for e in got.entries]


@settings(max_examples=60, deadline=None)
@given(start=STARTS, count=st.integers(min_value=1, max_value=20))
def test_n_days_are_n_working_days_from_the_start(start: date, count: int) -> None:
    for text, lang in (
        (f"{start.month}/{start.day}から{count}日間テレワーク", "ja"),
        (f"WFH for {count} days from {start:%b} {start.day}", "en"),
        (f"{count} days of leave starting {start:%B} {start.day}", "en"),
    ):
        days = _days(text, lang)
        assert len(days) == count, text
        assert days == sorted(set(days)) and days[0] >= start, text
        assert all(CALENDAR.is_working_day(d) for d in days), text
        skipped = [
            start + timedelta(days=i)
            for i in range((days[-1] - start).days)
            if CALENDAR.is_working_day(start + timedelta(days=i))
            and start + timedelta(days=i) not in days
        ]
        assert not skipped, (text, skipped)


@settings(max_examples=60, deadline=None)
@given(start=STARTS, length=st.integers(min_value=1, max_value=20))
def test_english_day_ranges_cover_every_working_day_between(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    if end.month != start.month:
        texts = [f"WFH {start:%b} {start.day} to {end:%b} {end.day}"]
    else:
        texts = [
            f"WFH {start:%b} {start.day}-{end.day}",
            f"WFH {start:%b} {start.day} to {end.day}",
            f"WFH {start.day}-{end.day} {start:%b}",
        ]
    expected = [
        start + timedelta(days=i)
        for i in range(length + 1)
        if CALENDAR.is_working_day(start + timedelta(days=i))
    ]
    for text in texts:
        got = parse(text, today=TODAY, calendar=CALENDAR, lang="en")
        if not expected:
            assert got.question_code == "no_working_days", text
            continue
        assert [e.day for e in got.entries] == expected, text


@settings(max_examples=40, deadline=None)
@given(weekdays=st.lists(st.integers(min_value=0, max_value=4), min_size=2, max_size=4))
def test_weekday_lists_joined_by_to_or_ya_name_every_day(weekdays: list[int]) -> None:
    names = ["月曜", "火曜", "水曜", "木曜", "金曜"]
    for joiner in ("と", "や", "・"):
        text = "来週の" + joiner.join(names[w] for w in weekdays) + "に在宅"
        monday = date(2026, 11, 30)
        assert _days(text, "ja") == sorted({monday + timedelta(days=w) for w in weekdays}), text
