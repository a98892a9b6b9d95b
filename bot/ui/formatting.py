"""Dates, parts of the day and periods as people read them, in Japanese and English."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from bot.ui.eras import era_fiscal_year
from bot.ui.texts import Lang
from domain.calendar import weekday_ja
from domain.periods import Period, PeriodKind

_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_PARTS = {
    "ja": {"full": "終日", "am": "午前", "pm": "午後"},
    "en": {"full": "all day", "am": "morning", "pm": "afternoon"},
}
_STATUSES = {
    "ja": {
        "telework": "テレワーク",
        "office": "出勤",
        "leave": "休暇",
        "business_trip": "出張",
        "no_hours": "週休日（割振り0）",
        "meeting": "会議中",
        "away": "離席",
        "back": "在席",
    },
    "en": {
        "telework": "telework",
        "office": "in the office",
        "leave": "leave",
        "business_trip": "business trip",
        "no_hours": "no working hours (flex)",
        "meeting": "in a meeting",
        "away": "away",
        "back": "back",
    },
}


# Markdown that Teams renders in a TextBlock, a Fact and a message's text: links
# [text](url), emphasis * _ (and ~~ in messages), code ` and <…> (autolinks, <at> mentions).
# A backslash before ASCII punctuation makes it a plain character (CommonMark).
_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<~"})
# Line breaks would let a value start a list, a heading or a quote, or end a paragraph;
# leading spaces (four make a code block) are dropped with them.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A block marker where the value starts: "- x", "+ x", "# x", "> x", "1. x", "1) x".
_LEADING = re.compile(r"(?:[-+#>]|\d{1,9}[.)])")
# Between the slashes of "//": "https://…" and "//host" are no longer turned into links.
_SLASHES = re.compile(r"/(?=/)")
ZERO_WIDTH_SPACE = "\u200b"


def plain(value: object) -> str:
    """``value`` (a name, a title, a comment: anything a person typed or the roster holds)
    as inert text for an Adaptive Card TextBlock or Fact, or a message's text: no link,
    emphasis, list, heading, mention or autolink survives, and it reads the same.

    Our own sentences keep their formatting: only the values placed into them go through
    here. Not for plain-text fields (button titles, input labels, choice titles, summaries),
    which Teams shows as they are.

    The "(" after an escaped "]" is escaped too, for renderers that honour a backslash
    before "(" but not before "[" (the older Adaptive Cards parser of the mobile clients).
    """
    flat = _BREAKS.sub(" ", str(value)).strip()
    escaped = flat.translate(_INLINE).replace("\\](", "\\]\\(")
    escaped = _SLASHES.sub("/" + ZERO_WIDTH_SPACE, escaped)
    leading = _LEADING.match(escaped)
    if leading:
        end = leading.end()
        escaped = escaped[: end - 1] + "\\" + escaped[end - 1 :]
    return escaped


def join_list(items: Iterable[str], lang: Lang) -> str:
    """「A、B、C」 in Japanese, "A, B, C" in English."""
    return ("、" if lang == "ja" else ", ").join(items)


def short_date(day: date, lang: Lang) -> str:
    """12/1(火) in Japanese, Tue 12/1 in English (as chat shows dates)."""
    if lang == "ja":
        return f"{day.month}/{day.day}({weekday_ja(day)})"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.month}/{day.day}"


def part_label(part: str, lang: Lang) -> str:
    """終日 / 午前 / 午後, or the time range itself (13:00-15:00 → 13:00–15:00)."""
    return _PARTS[lang].get(part, part.replace("-", "–"))


def status_label(status: str, lang: Lang) -> str:
    return _STATUSES[lang].get(status, status)


def period_label(period: Period, lang: Lang) -> str:
    """令和8年度 / 2026年11月 / 11/23(月)〜11/29(日) — or FY2026 / November 2026 / …"""
    if period.kind == PeriodKind.FISCAL_YEAR:
        year = period.start.year
        return era_fiscal_year(year) if lang == "ja" else f"FY{year}"
    if period.kind == PeriodKind.MONTH:
        if lang == "ja":
            return f"{period.start.year}年{period.start.month}月"
        return period.start.strftime("%B %Y")
    if period.kind == PeriodKind.WEEK:
        return f"{short_date(period.start, lang)}〜{short_date(period.end, lang)}"
    return short_date(period.start, lang)


def entry_line(day: date, part: str, status: str, lang: Lang) -> str:
    """「12/1(火) 午前 テレワーク」 / "Tue 12/1 morning telework"."""
    return f"{short_date(day, lang)} {part_label(part, lang)} {status_label(status, lang)}"
