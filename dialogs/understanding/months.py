"""Months, the fiscal year and the year as people name them: 12月から, 3月末まで, 今月,
来月, 今年度, 年度末, 年内, from December, until the end of March, this month.

A month without a year is the current month or the next one with that number (3月 in
November is next March). Used for query periods and a recurrence's start and end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dialogs.understanding.compiled import regex
from dialogs.understanding.dates import DateContext, month_ahead, month_bounds
from dialogs.understanding.scanner import Scanner
from dialogs.understanding.vocabulary import MONTH_EN
from domain.calendar import WorkCalendar


@dataclass(frozen=True, slots=True)
class MonthMention:
    """A month-like span: its first and last day, and a query period name if it has one."""

    start: int
    end: int
    first: date
    last: date
    period: str | None = None


_FULL_MONTHS = "|".join(name for name in MONTH_EN if len(name) > 3 and name != "sept")
_MONTH_JA = regex(r"(?<![\d/.])(?P<m>\d{1,2})\s*月(?P<end>末|いっぱい|中|一杯)?(?!\d)")
_REL_JA = regex(r"(?P<w>今月|来月|先月|再来月)(?P<end>末|いっぱい|中|一杯)?")
_BARE_MONTH_END = regex(r"(?<![\d今来先再月年度毎])月末")  # 月末まで: this month's end
_REL_EN = regex(
    r"(?<![a-z])(?:(?P<end>(?:the\s+)?end\s+of)\s+)?(?:the\s+)?(?P<w>this|next|last|the)\s+month"
    r"(?![a-z])"
)
_NAMED_EN = regex(
    r"(?<![a-z])(?:(?P<end>(?:the\s+)?end\s+of)\s+)?(?P<mon>"
    + _FULL_MONTHS
    + r"|(?<=from )may|(?<=until )may|(?<=till )may|(?<=of )may)(?![a-z])"
)
_YEAR_WORDS = regex(
    r"今年度|本年度|年度内|年度末|今年|年内|年末|(?P<en>this fiscal year|this fy|"
    r"the end of the fiscal year|end of the fiscal year|this year|the end of the year|"
    r"end of the year)(?![a-z])"
)
# what every match of those patterns contains: most messages name no month or year, and the
# cheap test skips their scans
_YEAR_WORD = regex(r"年|year|fy")
_MONTH_WORD = regex(r"月|month")
_REL_OFFSET = {
    "今月": 0,
    "来月": 1,
    "先月": -1,
    "再来月": 2,
    "this": 0,
    "the": 0,
    "next": 1,
    "last": -1,
}
_REL_PERIOD = {0: "this_month", 1: "next_month", -1: "last_month"}


def _shift(ctx: DateContext, offset: int) -> tuple[int, int]:
    months = ctx.today.year * 12 + ctx.today.month - 1 + offset
    return months // 12, months % 12 + 1


def _month(
    start: int, end: int, year: int, month: int, end_of: bool, period: str | None = None
) -> MonthMention:
    first, last = month_bounds(year, month)
    return MonthMention(start, end, last if end_of else first, last, period)


def find_months(scan: Scanner, ctx: DateContext, calendar: WorkCalendar) -> list[MonthMention]:
    """Month, fiscal-year and year words; masked in ``scan``."""
    found: list[MonthMention] = []
    for m in scan.take_if(_YEAR_WORDS, _YEAR_WORD):
        word = m.group(0)
        fy_first, fy_last = calendar.fiscal_year_range(calendar.fiscal_year(ctx.today))
        if word in {"今年度", "本年度", "年度内", "this fiscal year", "this fy"}:
            found.append(MonthMention(m.start(), m.end(), fy_first, fy_last, "this_fiscal_year"))
        elif word in {"今年", "this year"}:
            found.append(
                MonthMention(
                    m.start(),
                    m.end(),
                    date(ctx.today.year, 1, 1),
                    date(ctx.today.year, 12, 31),
                    "this_year",
                )
            )
        elif "fiscal" in word or word == "年度末":
            found.append(MonthMention(m.start(), m.end(), fy_last, fy_last))
        elif word == "年内":  # the rest of this year (a declaration spans it from today)
            found.append(
                MonthMention(
                    m.start(), m.end(), date(ctx.today.year, 1, 1), date(ctx.today.year, 12, 31)
                )
            )
        else:  # 年末, end of the year
            last = date(ctx.today.year, 12, 31)
            found.append(MonthMention(m.start(), m.end(), last, last))
        scan.mask(m.start(), m.end())
    for pattern in (_REL_JA, _REL_EN):
        for m in scan.take_if(pattern, _MONTH_WORD):
            offset = _REL_OFFSET[m["w"]]
            year, month = _shift(ctx, offset)
            found.append(
                _month(
                    m.start(),
                    m.end(),
                    year,
                    month,
                    m["end"] in {"末"} or bool(m["end"] and "end" in m["end"]),
                    _REL_PERIOD.get(offset),
                )
            )
            scan.mask(m.start(), m.end())
    for m in scan.take_if(_BARE_MONTH_END, _MONTH_WORD):
        year, month = _shift(ctx, 0)
        found.append(_month(m.start(), m.end(), year, month, True))
        scan.mask(m.start(), m.end())
    for m in scan.take_if(_MONTH_JA, _MONTH_WORD):
        month = int(m["m"])
        if 1 <= month <= 12:
            found.append(
                _month(m.start(), m.end(), month_ahead(ctx, month), month, m["end"] == "末")
            )
            scan.mask(m.start(), m.end())
    for m in scan.take(_NAMED_EN):
        month = MONTH_EN[m["mon"]]
        found.append(_month(m.start(), m.end(), month_ahead(ctx, month), month, bool(m["end"])))
        scan.mask(m.start(), m.end())
    return sorted(found, key=lambda x: x.start)
