"""Japan's national holidays (国民の祝日, 振替休日, 国民の休日), read from a table.

``national_holidays.json`` holds what the ``holidays`` package computes for Japan, for every
year it covers, with Japanese and English names; ``tools/national_holidays.py`` writes it and
``tests/domain/test_national_holidays.py`` holds it to the package. Reading the table takes a
millisecond where importing the package takes a tenth of a second (it loads every country's
calendar), which every start of the command line would pay (issue 16).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from domain.errors import CalendarRangeError


@dataclass(frozen=True, slots=True)
class NationalHoliday:
    """One national holiday with its names (元日 / New Year's Day)."""

    day: date
    name_ja: str
    name_en: str


@cache
def _table() -> dict[str, Any]:
    from importlib import resources  # a few milliseconds that `telework-bot --help` need not pay

    text = resources.files("domain").joinpath("national_holidays.json").read_text("utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def covered_years() -> tuple[int, int]:
    """The first and last year the table knows (inclusive)."""
    table = _table()
    return int(table["first_year"]), int(table["last_year"])


def national_holidays(year: int) -> tuple[NationalHoliday, ...]:
    """The national holidays of ``year`` in date order; a year outside the table raises
    :class:`CalendarRangeError` (no year silently has no holidays)."""
    first, last = covered_years()
    if not first <= year <= last:
        raise CalendarRangeError(f"no national holiday calendar for {year} (known: {first}–{last})")
    rows = _table()["years"][str(year)]
    return tuple(NationalHoliday(date.fromisoformat(day), ja, en) for day, ja, en in rows)
