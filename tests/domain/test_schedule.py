"""How a declared part of a day counts (issue 14 item 6): time ranges by their length."""

from __future__ import annotations

from datetime import time

import pytest
from pydantic import ValidationError

from domain.occasions import DayPart
from domain.policy import Counting, default_policy
from domain.schedule import occasion_part


@pytest.mark.parametrize(
    ("part", "counted"),
    [
        ("full", DayPart.FULL),
        ("am", DayPart.AM),
        ("pm", DayPart.PM),
        ("11:00-13:00", DayPart.AM),  # 2 h across noon: half a day (was a full day)
        ("11:30-13:30", DayPart.PM),  # most of it in the afternoon
        ("13:00-16:52", DayPart.PM),  # 3 h 52 min ≤ 7 h 45 min / 2
        ("13:00-16:53", DayPart.FULL),  # 3 h 53 min > half of the standard day
        ("08:30-12:00", DayPart.AM),
        ("08:30-13:00", DayPart.FULL),
        ("15:00-", DayPart.PM),  # open: to 17:15, 2 h 15 min
        ("12:00-", DayPart.FULL),  # 12:00–17:15 is 5 h 15 min
        ("18:00-", DayPart.PM),  # after the end of the day: still one half day
        ("09:00-", DayPart.FULL),
    ],
)
def test_time_ranges_count_by_how_much_of_the_day_they_cover(part: str, counted: DayPart) -> None:
    assert occasion_part(part) is counted
    assert occasion_part(part, default_policy().counting.time_ranges) is counted


def test_the_standard_day_and_its_end_are_policy() -> None:
    short = Counting(standard_working_day=time(6, 0), working_day_end=time(16, 0))
    assert occasion_part("13:00-16:00", short.time_ranges) is DayPart.PM  # 3 h = 6 h / 2
    assert occasion_part("13:00-16:01", short.time_ranges) is DayPart.FULL
    assert occasion_part("13:00-", short.time_ranges) is DayPart.PM  # to 16:00
    with pytest.raises(ValidationError):
        Counting(standard_working_day=time(0, 30))
