"""WorkCalendar: golden FY2026 holidays, the year-end closure, working-day arithmetic, fiscal
years, and properties over any date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.calendar import ClosureKind, WorkCalendar, weekday_ja
from domain.errors import CalendarRangeError

CAL = WorkCalendar()
ORG_CLOSED = {date(2026, 8, 14): "一斉休業日", date(2027, 2, 12): "庁舎点検"}
ORG_CAL = WorkCalendar(org_closures=ORG_CLOSED)

# 令和8年度 (FY2026) national holidays, from the Cabinet Office's list.
FY2026_HOLIDAYS = {
    date(2026, 4, 29): "昭和の日",
    date(2026, 5, 3): "憲法記念日",
    date(2026, 5, 4): "みどりの日",
    date(2026, 5, 5): "こどもの日",
    date(2026, 5, 6): "振替休日",
    date(2026, 7, 20): "海の日",
    date(2026, 8, 11): "山の日",
    date(2026, 9, 21): "敬老の日",
    date(2026, 9, 22): "国民の休日",
    date(2026, 9, 23): "秋分の日",
    date(2026, 10, 12): "スポーツの日",
    date(2026, 11, 3): "文化の日",
    date(2026, 11, 23): "勤労感謝の日",
    date(2027, 1, 1): "元日",
    date(2027, 1, 11): "成人の日",
    date(2027, 2, 11): "建国記念の日",
    date(2027, 2, 23): "天皇誕生日",
    date(2027, 3, 21): "春分の日",
    date(2027, 3, 22): "振替休日",
}


def test_fy2026_national_holidays_are_exactly_the_official_list() -> None:
    start, end = CAL.fiscal_year_range(2026)
    found = {
        d: name
        for year in (2026, 2027)
        for d, name in CAL.national_holidays(year).items()
        if start <= d <= end
    }
    assert found == FY2026_HOLIDAYS


@pytest.mark.parametrize(
    ("day", "name_ja", "name_en"),
    [
        (date(2026, 5, 6), "振替休日", "Substitute Holiday"),
        (date(2026, 9, 22), "国民の休日", "National Holiday"),
    ],
)
def test_substitute_and_citizens_holidays_close_the_office(
    day: date, name_ja: str, name_en: str
) -> None:
    reason = CAL.closure_reason(day)
    assert reason is not None
    assert reason.kind is ClosureKind.NATIONAL_HOLIDAY
    assert (reason.name("ja"), reason.name("en")) == (name_ja, name_en)
    assert not CAL.is_working_day(day)


def test_year_end_closure_2026_to_2027() -> None:
    closed = [date(2026, 12, 29) + timedelta(days=i) for i in range(6)]
    assert closed[-1] == date(2027, 1, 3)
    assert not any(CAL.is_working_day(d) for d in closed)
    assert CAL.is_working_day(date(2026, 12, 28))  # Monday
    assert CAL.is_working_day(date(2027, 1, 4))  # Monday, first working day of 2027
    kinds = [r.kind for d in closed if (r := CAL.closure_reason(d)) is not None]
    # 元日 is a holiday before it is a year-end day; 1/2 and 1/3 are a weekend in 2027.
    assert (
        kinds
        == [ClosureKind.YEAR_END] * 3 + [ClosureKind.NATIONAL_HOLIDAY] + [ClosureKind.YEAR_END] * 2
    )
    assert CAL.next_working_day(date(2026, 12, 28)) == date(2027, 1, 4)


def test_year_end_closure_can_be_switched_off() -> None:
    cal = WorkCalendar(year_end_closure=False)
    assert cal.is_working_day(date(2026, 12, 29))
    assert not cal.is_working_day(date(2027, 1, 1))  # still 元日


def test_fy2026_has_241_working_days() -> None:
    # 261 weekdays − 16 weekday holidays other than 元日 − 4 weekday year-end days.
    start, end = CAL.fiscal_year_range(2026)
    assert CAL.count_working_days(start, end) == 241
    assert len(CAL.working_days(start, end)) == 241


def test_closure_reasons() -> None:
    assert CAL.closure_reason(date(2026, 11, 26)) is None
    saturday = CAL.closure_reason(date(2026, 11, 28))
    assert saturday is not None and saturday.kind is ClosureKind.WEEKEND
    assert saturday.name_ja == "土曜日"
    org = ORG_CAL.closure_reason(date(2026, 8, 14))
    assert org is not None and org.kind is ClosureKind.ORG_CLOSURE and org.name_ja == "一斉休業日"
    assert CAL.is_working_day(date(2026, 8, 14))
    assert not ORG_CAL.is_working_day(date(2026, 8, 14))


def test_org_closures_as_a_plain_set_get_a_default_name() -> None:
    cal = WorkCalendar(org_closures={date(2026, 8, 14)})
    reason = cal.closure_reason(date(2026, 8, 14))
    assert reason is not None and reason.name_ja == "組織の休業日"


def test_add_working_days_skips_golden_week() -> None:
    friday = date(2026, 5, 1)
    assert CAL.add_working_days(friday, 1) == date(2026, 5, 7)
    assert CAL.add_working_days(date(2026, 5, 7), -1) == friday
    assert CAL.add_working_days(friday, 5) == date(2026, 5, 13)


def test_add_working_days_from_a_closed_day_does_not_count_it() -> None:
    saturday = date(2026, 11, 28)
    assert CAL.add_working_days(saturday, 1) == date(2026, 11, 30)
    assert CAL.add_working_days(saturday, -1) == date(2026, 11, 27)
    assert CAL.add_working_days(saturday, 0) == saturday
    assert CAL.next_working_day(saturday, inclusive=True) == date(2026, 11, 30)
    assert CAL.next_working_day(date(2026, 11, 26), inclusive=True) == date(2026, 11, 26)
    assert CAL.next_working_day(date(2026, 11, 26)) == date(2026, 11, 27)
    assert CAL.previous_working_day(date(2026, 11, 30)) == date(2026, 11, 27)


def test_add_working_days_crosses_years() -> None:
    assert CAL.add_working_days(date(2026, 12, 28), 1) == date(2027, 1, 4)
    assert CAL.add_working_days(date(2027, 1, 4), -1) == date(2026, 12, 28)
    assert CAL.add_working_days(date(2026, 4, 1), 240) == date(2027, 3, 31)
    assert CAL.add_working_days(date(2026, 4, 1), 241 + 250) > date(2028, 3, 1)


def test_working_days_is_inclusive_and_empty_when_reversed() -> None:
    assert CAL.working_days(date(2026, 11, 23), date(2026, 11, 29)) == [
        date(2026, 11, 24),
        date(2026, 11, 25),
        date(2026, 11, 26),
        date(2026, 11, 27),
    ]
    assert CAL.working_days(date(2026, 11, 27), date(2026, 11, 26)) == []
    assert CAL.count_working_days(date(2026, 11, 27), date(2026, 11, 26)) == 0


def test_fiscal_year() -> None:
    assert CAL.fiscal_year(date(2026, 4, 1)) == 2026
    assert CAL.fiscal_year(date(2027, 3, 31)) == 2026
    assert CAL.fiscal_year(date(2026, 3, 31)) == 2025
    assert CAL.fiscal_year_range(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    calendar_year = WorkCalendar(fiscal_year_start_month=1)
    assert calendar_year.fiscal_year(date(2026, 12, 31)) == 2026
    assert calendar_year.fiscal_year_range(2026) == (date(2026, 1, 1), date(2026, 12, 31))
    october = WorkCalendar(fiscal_year_start_month=10)
    assert october.fiscal_year(date(2026, 9, 30)) == 2025
    assert october.fiscal_year_range(2025) == (date(2025, 10, 1), date(2026, 9, 30))


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ValueError, match="fiscal_year_start_month"):
        WorkCalendar(fiscal_year_start_month=13)
    with pytest.raises(ValueError, match="unknown time zone"):
        WorkCalendar("Asia/Tokio")


def test_years_without_a_holiday_calendar_are_refused_not_guessed() -> None:
    with pytest.raises(CalendarRangeError, match="2100"):
        CAL.is_working_day(date(2100, 1, 4))
    assert CAL.fiscal_year(date(2100, 1, 4)) == 2099  # no holidays needed


def test_local_date_and_wall_clock_times() -> None:
    assert CAL.local_date(datetime(2026, 3, 31, 15, 0, tzinfo=UTC)) == date(2026, 4, 1)
    assert CAL.local_date(datetime(2026, 3, 31, 14, 59, tzinfo=UTC)) == date(2026, 3, 31)
    with pytest.raises(ValueError, match="timezone-aware"):
        CAL.local_date(datetime(2026, 3, 31, 15, 0))
    at = CAL.at(date(2026, 11, 26), time(17, 0))
    assert at.astimezone(UTC) == datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def test_weekday_ja() -> None:
    assert weekday_ja(date(2026, 10, 6)) == "火"
    assert weekday_ja(date(2026, 10, 5)) == "月"


# -- properties -------------------------------------------------------------------------

DATES = st.dates(min_value=date(1960, 1, 1), max_value=date(2090, 12, 31))


@given(DATES, st.integers(min_value=1, max_value=12))
def test_fiscal_year_of_any_date_contains_it(day: date, start_month: int) -> None:
    cal = WorkCalendar(fiscal_year_start_month=start_month)
    fy = cal.fiscal_year(day)
    first, last = cal.fiscal_year_range(fy)
    assert first <= day <= last
    assert first.month == start_month and first.day == 1
    assert (last + timedelta(days=1)) == cal.fiscal_year_range(fy + 1)[0]
    assert fy in (day.year, day.year - 1)


@settings(max_examples=200)
@given(DATES, st.integers(min_value=0, max_value=40))
def test_working_days_never_fall_on_holidays_or_closures(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    japan = holidays.Japan(years=range(start.year, end.year + 1))
    for day in ORG_CAL.working_days(start, end):
        assert day.weekday() < 5
        assert day not in japan
        assert not ((day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3))
        assert day not in ORG_CLOSED
        assert ORG_CAL.closure_reason(day) is None
    every_day = [start + timedelta(days=i) for i in range(span + 1)]
    open_days = [d for d in every_day if ORG_CAL.is_working_day(d)]
    assert open_days == ORG_CAL.working_days(start, end)
    assert ORG_CAL.count_working_days(start, end) == len(open_days)
    for day in every_day:
        assert (ORG_CAL.closure_reason(day) is None) == ORG_CAL.is_working_day(day)


@settings(max_examples=300)
@given(DATES, st.integers(min_value=-400, max_value=400))
def test_adding_and_subtracting_working_days_round_trips(day: date, n: int) -> None:
    working_day = ORG_CAL.next_working_day(day, inclusive=True)
    moved = ORG_CAL.add_working_days(working_day, n)
    assert ORG_CAL.add_working_days(moved, -n) == working_day
    assert ORG_CAL.is_working_day(moved)


@settings(max_examples=300)
@given(DATES, st.integers(min_value=1, max_value=60))
def test_adding_working_days_counts_exactly_n_open_days(day: date, n: int) -> None:
    later = CAL.add_working_days(day, n)
    assert later > day and CAL.is_working_day(later)
    assert CAL.count_working_days(day + timedelta(days=1), later) == n
    earlier = CAL.add_working_days(day, -n)
    assert earlier < day and CAL.is_working_day(earlier)
    assert CAL.count_working_days(earlier, day - timedelta(days=1)) == n
