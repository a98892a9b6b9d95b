"""The national holiday table is the ``holidays`` package's answer, year by year, in both
languages (run ``tools/national_holidays.py`` after upgrading the package if this fails)."""

from __future__ import annotations

from datetime import date

import pytest
from holidays.countries.japan import Japan

from domain.errors import CalendarRangeError
from domain.national_holidays import covered_years, national_holidays


def test_the_table_covers_the_years_the_package_covers() -> None:
    assert covered_years() == (Japan.start_year, Japan.end_year)


def test_every_year_matches_the_package_in_japanese_and_english() -> None:
    first, last = covered_years()
    for year in range(first, last + 1):
        ja = Japan(years=year, language="ja")
        en = Japan(years=year, language="en_US")
        expected = [(d, str(n), str(en.get(d, n))) for d, n in sorted(ja.items())]
        table = [(h.day, h.name_ja, h.name_en) for h in national_holidays(year)]
        assert table == expected, year


def test_a_known_substitute_holiday_and_its_names() -> None:
    by_day = {h.day: h for h in national_holidays(2026)}
    assert by_day[date(2026, 5, 6)].name_ja == "振替休日"
    assert by_day[date(2026, 1, 1)].name_en == "New Year's Day"
    assert date(2026, 5, 7) not in by_day


@pytest.mark.parametrize("year", [1948, 2100])
def test_a_year_outside_the_table_is_refused(year: int) -> None:
    with pytest.raises(CalendarRangeError, match=str(year)):
        national_holidays(year)
