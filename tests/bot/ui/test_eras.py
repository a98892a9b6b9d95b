"""Era names (元号) for every date and fiscal year a report can cover (issue 14 item 7)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ui.eras import era_date, era_fiscal_year, era_month, era_year, fiscal_year_of_era
from bot.ui.formatting import period_label
from domain.periods import Period, PeriodKind


@pytest.mark.parametrize(
    ("fiscal_year", "name"),
    [
        (2026, "令和8年度"),
        (2020, "令和2年度"),
        (2019, "令和元年度"),  # not 令和1年度
        (2018, "平成30年度"),  # not 令和0年度
        (2014, "平成26年度"),  # the plan's baseline year
        (2017, "平成29年度"),  # not 令和-1年度
        (1989, "平成元年度"),
        (1988, "昭和63年度"),  # 1989-01-08 is inside FY1988, still called 昭和63年度
        (1926, "昭和元年度"),
        (1912, "大正元年度"),
        (1911, "1911年度"),
    ],
)
def test_fiscal_years(fiscal_year: int, name: str) -> None:
    assert era_fiscal_year(fiscal_year) == name


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2027, 3, 31), "令和9年3月31日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1900, 1, 1), "1900年1月1日"),
    ],
)
def test_dates(day: date, text: str) -> None:
    assert era_date(day) == text


def test_months() -> None:
    assert era_month(date(2019, 4, 1)) == "平成31年4月"
    assert era_month(date(2019, 5, 1)) == "令和元年5月"
    assert era_month(date(2026, 7, 1)) == "令和8年7月"


@pytest.mark.parametrize(
    ("era", "year", "fiscal_year"),
    [
        ("令和", 8, 2026),
        ("令和", 1, 2019),
        ("平成", 30, 2018),
        ("平成", 31, 2019),  # written before the era changed
        ("平成", 32, None),  # FY2020 started under 令和
        ("昭和", 63, 1988),
        ("昭和", 64, None),
        ("明治", 1, None),
        ("令和", 0, None),
    ],
)
def test_fiscal_year_of_era(era: str, year: int, fiscal_year: int | None) -> None:
    assert fiscal_year_of_era(era, year) == fiscal_year


@given(st.integers(min_value=1912, max_value=2200))
def test_every_fiscal_year_round_trips(fiscal_year: int) -> None:
    name = era_fiscal_year(fiscal_year)
    era, year = name[:2], name[2:].removesuffix("年度")
    assert fiscal_year_of_era(era, 1 if year == "元" else int(year)) == fiscal_year
    assert re.fullmatch(r"(令和|平成|昭和|大正)(元|[1-9][0-9]*)年度", name)


@given(st.dates(min_value=date(1912, 7, 30), max_value=date(2200, 12, 31)))
def test_every_date_has_a_positive_era_year(day: date) -> None:
    found = era_year(day)
    assert found is not None and found[1] >= 1


def test_period_labels_use_the_era() -> None:
    fy2019 = Period(PeriodKind.FISCAL_YEAR, "FY2019", date(2019, 4, 1), date(2020, 3, 31))
    assert period_label(fy2019, "ja") == "令和元年度"
    fy2018 = Period(PeriodKind.FISCAL_YEAR, "FY2018", date(2018, 4, 1), date(2019, 3, 31))
    assert period_label(fy2018, "ja") == "平成30年度"
    assert period_label(fy2018, "en") == "FY2018"
