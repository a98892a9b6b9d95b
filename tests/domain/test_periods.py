"""Period keys: FY2026, FY2026-07, 2026-W48, 2026-11-26 — spelling, parsing, round trips."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.calendar import WorkCalendar
from domain.periods import (
    Period,
    PeriodKind,
    months_of_fiscal_year,
    parse_period_key,
    period_for,
)

CAL = WorkCalendar()
DAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("kind", "key", "start", "end"),
    [
        (PeriodKind.FISCAL_YEAR, "FY2026", date(2026, 4, 1), date(2027, 3, 31)),
        (PeriodKind.MONTH, "FY2026-11", date(2026, 11, 1), date(2026, 11, 30)),
        (PeriodKind.WEEK, "2026-W48", date(2026, 11, 23), date(2026, 11, 29)),
        (PeriodKind.DAY, "2026-11-26", DAY, DAY),
    ],
)
def test_period_of_a_day(kind: PeriodKind, key: str, start: date, end: date) -> None:
    period = period_for(kind, DAY, CAL)
    assert period == Period(kind, key, start, end)
    assert str(period) == key
    assert period.contains(DAY)
    assert not period.contains(start - timedelta(days=1))
    assert not period.contains(end + timedelta(days=1))
    assert period.days == (end - start).days + 1


def test_month_keys_name_the_fiscal_year_and_the_calendar_month() -> None:
    january_2027 = period_for(PeriodKind.MONTH, date(2027, 1, 15), CAL)
    assert january_2027.key == "FY2026-01"
    assert (january_2027.start, january_2027.end) == (date(2027, 1, 1), date(2027, 1, 31))
    assert parse_period_key("FY2026-01").start == date(2027, 1, 1)
    assert parse_period_key("FY2026-03").end == date(2027, 3, 31)
    assert parse_period_key("FY2026-04").start == date(2026, 4, 1)
    assert parse_period_key("FY2027-02").end == date(2028, 2, 29)  # leap year


def test_month_keys_follow_the_calendars_fiscal_year_start() -> None:
    calendar_year = WorkCalendar(fiscal_year_start_month=1)
    assert period_for("month", date(2027, 1, 15), calendar_year).key == "FY2027-01"
    assert parse_period_key("FY2026-01", calendar_year).start == date(2026, 1, 1)
    assert parse_period_key("FY2026", calendar_year).end == date(2026, 12, 31)


def test_iso_weeks_cross_year_and_fiscal_year_boundaries() -> None:
    week = period_for(PeriodKind.WEEK, date(2027, 1, 1), CAL)
    assert week.key == "2026-W53"
    assert (week.start, week.end) == (date(2026, 12, 28), date(2027, 1, 3))
    assert period_for(PeriodKind.WEEK, date(2026, 3, 31), CAL).key == "2026-W14"
    assert period_for(PeriodKind.WEEK, date(2026, 4, 1), CAL).key == "2026-W14"
    assert period_for(PeriodKind.WEEK, date(2025, 12, 29), CAL).key == "2026-W01"


def test_months_of_a_fiscal_year() -> None:
    months = months_of_fiscal_year(2026, CAL)
    assert [m.key for m in months] == [f"FY2026-{m:02d}" for m in (*range(4, 13), 1, 2, 3)]
    assert months[0].start == date(2026, 4, 1) and months[-1].end == date(2027, 3, 31)
    assert sum(m.days for m in months) == 365


@pytest.mark.parametrize(
    "key",
    [
        "FY26",
        "FY2026-13",
        "FY2026-00",
        "FY2026-7",
        "2026-07",
        "2027-W53",  # 2027 has 52 ISO weeks
        "2026-W00",
        "2026-02-30",
        "２０２６-11-26",  # full-width digits are not keys
        "FY2026\n",
        " FY2026",
        "fy2026",
        "",
    ],
)
def test_invalid_keys_are_refused(key: str) -> None:
    with pytest.raises(ValueError, match="period"):
        parse_period_key(key)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)),
    st.sampled_from(list(PeriodKind)),
    st.integers(min_value=1, max_value=12),
)
def test_period_keys_of_any_date_round_trip_and_contain_it(
    day: date, kind: PeriodKind, start_month: int
) -> None:
    cal = WorkCalendar(fiscal_year_start_month=start_month)
    period = period_for(kind, day, cal)
    assert period.contains(day)
    assert parse_period_key(period.key, cal) == period
    assert period_for(kind, period.start, cal) == period
    assert period_for(kind, period.end, cal) == period
    if kind is PeriodKind.FISCAL_YEAR:
        assert period.key == f"FY{cal.fiscal_year(day)}"
        assert (period.start, period.end) == cal.fiscal_year_range(cal.fiscal_year(day))
    if kind is PeriodKind.MONTH:
        assert period.key.startswith(f"FY{cal.fiscal_year(day)}-")
        assert period.start.month == day.month == int(period.key[-2:])
    if kind is PeriodKind.WEEK:
        assert period.start.weekday() == 0 and period.days == 7
