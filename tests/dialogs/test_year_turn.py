"""仕事納め, 仕事始め and the first week after New Year come from the work calendar."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.understanding import parse
from domain.calendar import WorkCalendar

TODAY = date(2026, 11, 26)


def days(text: str, calendar: WorkCalendar, today: date = TODAY) -> list[date]:
    return [e.day for e in parse(text, today=today, calendar=calendar, lang="ja").entries]


@pytest.mark.parametrize(
    ("calendar", "last", "first"),
    [
        (WorkCalendar(), date(2026, 12, 28), date(2027, 1, 4)),
        # no year-end closure: the year's last weekday; 1/1 is a holiday, 1/2-1/3 a weekend
        (WorkCalendar(year_end_closure=False), date(2026, 12, 31), date(2027, 1, 4)),
        # the organisation closes on the days themselves: the next open ones
        (
            WorkCalendar(org_closures=[date(2026, 12, 28), date(2027, 1, 4)]),
            date(2026, 12, 25),
            date(2027, 1, 5),
        ),
    ],
)
def test_the_days_follow_the_calendar(calendar: WorkCalendar, last: date, first: date) -> None:
    assert days("仕事納めの日はテレワーク", calendar) == [last]
    assert days("仕事始めは在宅", calendar) == [first]
    week = days("年明け最初の週は全部テレワーク", calendar)
    assert week[0] == first and all(calendar.is_working_day(d) for d in week)
    assert week[-1] == date(2027, 1, 8)


def test_the_next_to_come_is_meant() -> None:
    calendar = WorkCalendar()
    # in early January this year's 仕事始め is past: next year's; the first week still runs
    assert days("仕事始めは在宅", calendar, date(2027, 1, 5)) == [date(2028, 1, 4)]
    assert days("仕事納めは在宅", calendar, date(2027, 1, 5)) == [date(2027, 12, 28)]
    assert days("年明け最初の週は全部在宅", calendar, date(2027, 1, 6)) == [
        date(2027, 1, 6),
        date(2027, 1, 7),
        date(2027, 1, 8),
    ]
