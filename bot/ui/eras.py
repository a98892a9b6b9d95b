"""Japanese era names (元号) for dates and fiscal years: 令和8年4月1日, 令和元年度, 平成30年度.

A small table rather than a library: four eras cover every date a report can show, and
the fiscal-year naming below is a government convention that date libraries do not offer.

* A date is written in the era in force on that day; an era's first year is 元年
  (2019-05-01 is 令和元年5月1日, 2019-04-30 平成31年4月30日).
* A fiscal year (年度) is named after the era of 31 December of the calendar year it starts
  in: FY2019 (2019-04 … 2020-03) is 令和元年度, FY2018 平成30年度, FY1988 昭和63年度,
  FY1989 平成元年度, as ministries write them.
* Before 大正 (1912-07-30), and for an unknown era, the Western year is written (1900年).
"""

from __future__ import annotations

from datetime import date

# (first day, name), newest first
ERAS: tuple[tuple[date, str], ...] = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
)


def era_year(day: date) -> tuple[str, int] | None:
    """(era name, year of the era) for ``day``, or None before the earliest era."""
    for first, name in ERAS:
        if day >= first:
            return name, day.year - first.year + 1
    return None


def _year_text(name: str, year: int) -> str:
    return f"{name}{'元' if year == 1 else year}年"


def era_date(day: date) -> str:
    """令和8年4月1日, 令和元年5月1日, 平成31年4月30日 (1900年1月1日 before 大正)."""
    found = era_year(day)
    year = _year_text(*found) if found else f"{day.year}年"
    return f"{year}{day.month}月{day.day}日"


def era_month(day: date) -> str:
    """令和8年4月 (the era of ``day`` itself, so 2019年4月 is 平成31年4月)."""
    found = era_year(day)
    year = _year_text(*found) if found else f"{day.year}年"
    return f"{year}{day.month}月"


def era_fiscal_year(fiscal_year: int) -> str:
    """令和8年度 for 2026, 令和元年度 for 2019, 平成30年度 for 2018 (see the module)."""
    found = era_year(date(fiscal_year, 12, 31))
    return f"{_year_text(*found)}度" if found else f"{fiscal_year}年度"


def fiscal_year_of_era(name: str, year: int) -> int | None:
    """The fiscal year that 「{name}{year}年度」 names (令和8 → 2026, 令和元 → 2019, 平成30 →
    2018; also 平成31 → 2019, written before the era changed), or None for an unknown era
    or a fiscal year that starts after the era ended."""
    ended: date | None = None  # the next era's first day
    for first, era in ERAS:
        if era == name and year >= 1:
            fiscal_year = first.year + year - 1
            if ended is not None and date(fiscal_year, 4, 1) >= ended:
                return None
            return fiscal_year
        ended = first
    return None
