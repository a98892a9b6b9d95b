"""Weekly patterns: 毎週水曜, 毎週月・木, 毎水曜, every Wednesday, on Wednesdays, 毎日 / every
day (Monday to Friday); and the words that make a date a start (12月から, from 12/7,
starting next week) or an end (3月末まで, until March) of one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.understanding.compiled import regex
from dialogs.understanding.date_patterns import WEEKDAY_LIST_JA, weekdays_ja
from dialogs.understanding.scanner import Scanner
from dialogs.understanding.vocabulary import WEEKDAY_EN, WEEKDAY_JA

_WD_LIST_JA = WEEKDAY_LIST_JA
_WD_EN = "|".join(sorted(WEEKDAY_EN, key=len, reverse=True))
_PLURAL = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days"
_PLURAL_RE = regex(r"(mon|tues|wednes|thurs|fri|satur|sun)days")
_PLURAL_DAY = {"mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6}
_EVERY = regex(
    # fortnightly in English: every other Friday, alternate Fridays, biweekly (asked about)
    r"(?<![a-z])(?:every\s+(?:other|second|2nd)|alternate)\s+(?P<fen>(?:"
    + _WD_EN
    + r")(?![a-z])|"
    + _PLURAL
    + r")"
    r"|(?<![a-z])(?P<fword>bi-?weekly|fortnightly|every\s+(?:other|second|2nd)\s+week)(?![a-z])"
    r"|(?P<weekly>毎週|毎週の|週1で|週一で|隔週)\s*(?P<list>" + _WD_LIST_JA + r")?"
    r"|毎(?P<one>[月火水木金土日])曜日?"
    r"|(?P<daily>毎日|平日は毎日|平日毎日|毎平日)"
    r"|(?<![a-z])(?:every|each)\s+(?:week\s+on\s+)?(?P<en>(?:" + _WD_EN + r")(?![a-z])"
    r"(?:\s*(?:,|and|&|/|or)\s*(?:every\s+)?(?:" + _WD_EN + r")(?![a-z]))*)"
    r"|(?<![a-z])(?:on\s+)?(?P<plural>"
    + _PLURAL
    + r"(?:\s*(?:,|and|&|/|or)\s*"
    + _PLURAL
    + r")*)(?![a-z])"
    r"|(?<![a-z])(?P<daily_en>every\s*day|daily|every weekday|each day)(?![a-z])"
    r"|(?<![a-z])(?P<weekly_en>every week|each week|weekly)(?![a-z])"
)
_FROM_AFTER = regex(r"\s*(?:から|より|以降|~|-)")
_UNTIL_AFTER = regex(r"\s*(?:まで|迄)")
_FROM_BEFORE = regex(r"(?:from|starting|beginning|as of|since|effective|after)\s*(?:on\s+)?$")
_UNTIL_BEFORE = regex(r"(?:until|till|through|thru|to|up to|by|ending)\s*(?:on\s+)?$")


@dataclass(frozen=True, slots=True)
class EveryMention:
    """A weekly pattern at ``start:end``: weekday numbers (empty when not said) and whether
    it is fortnightly (隔週), which the bot does not support and asks about."""

    start: int
    end: int
    weekdays: tuple[int, ...]
    fortnightly: bool = False
    daily: bool = False  # 毎日, every day: with one week named it is that whole week


def _weekdays(text: str) -> tuple[int, ...]:
    if re.search(r"[月火水木金土日]", text):
        return tuple(sorted(set(weekdays_ja(text))))
    names = re.findall(_WD_EN, text)
    return tuple(sorted({WEEKDAY_EN[n] for n in names}))


def _one(m: re.Match[str]) -> EveryMention:
    if m["fword"]:
        return EveryMention(m.start(), m.end(), (), fortnightly=True)
    if m["fen"]:
        plural = _PLURAL_RE.findall(m["fen"])
        named = {_PLURAL_DAY[p] for p in plural} if plural else set(_weekdays(m["fen"]))
        return EveryMention(m.start(), m.end(), tuple(sorted(named)), fortnightly=True)
    if m["daily"] or m["daily_en"]:
        return EveryMention(m.start(), m.end(), (0, 1, 2, 3, 4), daily=True)
    if m["one"]:
        return EveryMention(m.start(), m.end(), (WEEKDAY_JA.index(m["one"]),))
    if m["plural"]:
        days = tuple(sorted({_PLURAL_DAY[p] for p in _PLURAL_RE.findall(m["plural"])}))
        return EveryMention(m.start(), m.end(), days)
    listed = m["list"] or m["en"] or ""
    return EveryMention(m.start(), m.end(), _weekdays(listed), fortnightly=m["weekly"] == "隔週")


def find_every(scan: Scanner) -> EveryMention | None:
    """The weekly pattern (masked in ``scan``), or ``None``. A weekly word and its weekdays
    said apart ("my weekly WFH on Mondays", 毎週の在宅、月曜の分) make one pattern."""
    found = [_one(m) for m in scan.take(_EVERY)]
    for mention in found:
        scan.mask(mention.start, mention.end)
    if not found:
        return None
    first = found[0]
    if first.daily or first.weekdays or len(found) == 1:
        return first
    named = [f for f in found[1:] if f.weekdays and not f.daily]
    if not named:
        return first
    days = tuple(sorted({w for f in named for w in f.weekdays}))
    return EveryMention(first.start, first.end, days, fortnightly=first.fortnightly)


def role_of(text: str, start: int, end: int) -> str | None:
    """Whether a date at ``text[start:end]`` is a start ("from") or an end ("until")."""
    after, before = text[end:], text[:start]
    if _UNTIL_AFTER.match(after) or _UNTIL_BEFORE.search(before):
        return "until"
    if _FROM_AFTER.match(after) or _FROM_BEFORE.search(before):
        return "from"
    return None
