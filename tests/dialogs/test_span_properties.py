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


@settings(max_examples=60, deadline=None)
@given(start=STARTS)
def test_an_open_start_runs_to_a_months_end_at_least_two_weeks_on(start: date) -> None:
    for text, lang in (
        (f"{start.month}/{start.day}以降ずっとテレワーク", "ja"),
        (f"{start.month}/{start.day}からずっと在宅", "ja"),
        (f"WFH from {start:%b} {start.day} onwards", "en"),
    ):
        days = _days(text, lang)
        first_open = next(
            start + timedelta(days=i)
            for i in range(30)
            if CALENDAR.is_working_day(start + timedelta(days=i))
        )
        assert days[0] == first_open, text
        assert all(CALENDAR.is_working_day(d) for d in days), text
        later = start + timedelta(days=13)
        month_end = (date(later.year + later.month // 12, later.month % 12 + 1, 1)) - timedelta(
            days=1
        )
        assert days[-1] <= month_end, text
        assert (month_end - days[-1]).days < 7, text  # the last working days of that month
        assert len(days) == len(CALENDAR.working_days(start, month_end)), text


@settings(max_examples=30, deadline=None)
@given(ahead=st.sampled_from([("来週", "next week", 1), ("再来週", "the week after next", 2)]))
def test_the_halves_of_a_week_share_no_day_and_make_it_whole(ahead: tuple[str, str, int]) -> None:
    ja, en, weeks = ahead
    monday = TODAY - timedelta(days=TODAY.weekday()) + timedelta(weeks=weeks)
    for first, second, lang in (
        (f"{ja}の前半は在宅", f"{ja}の後半は在宅", "ja"),
        (f"WFH the first half of {en}", f"WFH the second half of {en}", "en"),
    ):
        front, back = _days(first, lang), _days(second, lang)
        assert not set(front) & set(back)
        assert sorted(front + back) == CALENDAR.working_days(monday, monday + timedelta(days=4))
        assert all(d.weekday() <= 2 for d in front) and all(d.weekday() >= 3 for d in back)
