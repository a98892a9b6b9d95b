"""Parts of the day: full, morning, afternoon, and clock-time ranges.

Clock times: 13時, 13時半, 13:30, 1pm, 午後1時, 正午/noon. A range (13時から15時まで, 9:30-12:00,
1-3pm) becomes "13:00-15:00"; an open start (15時から, from 3pm, 3pm onwards) "15:00-". A bare
hour from 1 to 6 with no am/pm (3時から) is read as afternoon (15:00): nobody in an office
means 3 a.m. An end without a start (12時まで, until noon) or a lone time asks a question.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.understanding.compiled import regex
from dialogs.understanding.scanner import Scanner
from dialogs.understanding.vocabulary import EVENTS, PARTS


@dataclass(frozen=True, slots=True)
class PartMention:
    """A part of the day at ``start:end``: full, am, pm, "HH:MM-HH:MM" or "HH:MM-";
    ``problem`` is a question code when the time cannot be used as written."""

    start: int
    end: int
    part: str
    problem: str | None = None


def _time_point(tag: str) -> str:
    return (
        rf"(?:(?P<noon{tag}>正午|(?<![a-z])noon)|(?:(?P<pre{tag}>午前|午後)\s*)?(?P<h{tag}>\d{{1,2}})"
        rf"(?:(?P<colon{tag}>:)(?P<mi{tag}>\d{{2}})|(?P<ji{tag}>時)(?:(?P<mj{tag}>\d{{1,2}})分"
        rf"|(?P<half{tag}>半))?)?(?:\s*(?P<ap{tag}>am|a\.m\.|pm|p\.m\.)(?![a-z]))?)"
    )


_A, _B = _time_point("a"), _time_point("b")
_RANGE = regex(
    r"(?<![\d/])(?:from\s+|between\s+)?"
    + _A
    + r"\s*(?:~|-|から|to|until|till|through)\s*"
    + _B
    + r"(?![\d/])(?:\s*まで)?"
)
_OPEN = regex(
    r"(?<![\d/])(?:(?:from|starting(?:\s+at)?|after|since)\s+"
    + _A
    + r"(?![\d/])|"
    + _B
    + r"(?![\d/])\s*(?:から|以降|より|~|onwards|on(?![a-z])))"
)
_END_ONLY = regex(
    r"(?<![\d/])(?:(?:until|till|by)\s+" + _A + r"(?![\d/])|" + _B + r"(?![\d/])\s*(?:まで|迄))"
)
_LONE = regex(r"(?<![\d/])(?:at\s+)?" + _A + r"(?![\d/])")
_NOON = 12 * 60
_CLOCK = regex(r"\d|正午|noon")  # what every clock time contains


def _minutes(m: re.Match[str], tag: str, *, need_marker: bool) -> int | None:
    """Minutes after midnight of one time point, or ``None`` if it is not a clock time."""
    if m.group(f"noon{tag}"):
        return _NOON
    hour_text = m.group(f"h{tag}")
    if hour_text is None:
        return None
    ampm = m.group(f"ap{tag}") or ""
    pre = m.group(f"pre{tag}") or ""
    if need_marker and not (m.group(f"colon{tag}") or m.group(f"ji{tag}") or ampm or pre):
        return None
    hour = int(hour_text)
    minute = int(m.group(f"mi{tag}") or m.group(f"mj{tag}") or 0)
    if m.group(f"half{tag}"):
        minute = 30
    afternoon = ampm.startswith("p") or pre == "午後"
    morning = ampm.startswith("a") or pre == "午前"
    if afternoon and hour < 12:
        hour += 12
    elif morning and hour == 12:
        hour = 0
    elif not (afternoon or morning) and 1 <= hour <= 6:
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute <= 59) or hour * 60 + minute > 24 * 60:
        return None
    return hour * 60 + minute


def _office_hours(m: re.Match[str]) -> bool:
    """Two bare numbers that can only be hours: a morning hour to an afternoon one written
    as 1–6 (9-5, from 10 to 3; as days of the month they would run backwards)."""
    first, second = m.group("ha"), m.group("hb")
    if first is None or second is None:
        return False
    return 7 <= int(first) <= 12 and 1 <= int(second) <= 6


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _tag(m: re.Match[str]) -> str:
    return "a" if m.group("ha") or m.group("noona") else "b"


_GREETING = regex(r"(?:morning|afternoon)(?:\s*(?:all|everyone|team))?\s*(?:[!,.]|$)")


def find_parts(scan: Scanner) -> list[PartMention]:
    """Time ranges, open starts, then part words (午前, afternoon …); masked in ``scan``."""
    found: list[PartMention] = []
    for m in scan.take_if(_RANGE, _CLOCK):
        marked = (
            _minutes(m, "a", need_marker=True) is not None
            or _minutes(m, "b", need_marker=True) is not None
        )
        a = _minutes(m, "a", need_marker=False)
        b = _minutes(m, "b", need_marker=False)
        if a is None or b is None or not (marked or _office_hours(m)):
            continue
        problem = None if a < b else "time_order"
        found.append(PartMention(m.start(), m.end(), f"{_hhmm(a)}-{_hhmm(b)}", problem))
        scan.mask(m.start(), m.end())
    for pattern, problem in ((_OPEN, None), (_END_ONLY, "time_end_only"), (_LONE, "time_unclear")):
        for m in scan.take_if(pattern, _CLOCK):
            at = _minutes(m, _tag(m), need_marker=True)
            if at is None:
                continue
            found.append(PartMention(m.start(), m.end(), f"{_hhmm(at)}-", problem))
            scan.mask(m.start(), m.end())
    for hit in PARTS.finditer(scan.rest):
        if hit.value in {"am", "pm"} and scan.text[max(0, hit.start - 2) : hit.start] == "i ":
            continue  # "I am in the office"
        if _GREETING.match(scan.text, hit.start) and (
            hit.start == 0 or scan.text[max(0, hit.start - 5) : hit.start] == "good "
        ):
            scan.mask(hit.start, hit.end)
            continue  # "Morning! WFH today", "good morning, ..."
        found.append(PartMention(hit.start, hit.end, hit.value))
        scan.mask(hit.start, hit.end)
    return sorted(found, key=lambda p: p.start)


# where a side clause ends: after ので/ため/、, before because/but/so, at a bracket (an aside
# in parentheses: 明日テレワーク（午前は通院のため遅めに開始）)
# (「14時から打合せがありますが在宅で参加」: ますが/ですが/あって end a clause too)
_ASIDE_CUT = regex(
    r"[、,;。!?()\[\]「」]|\.\s|\s-\s|ので|なので|ため|けど|けれど|ますが|ですが|あるが|あって|あり、"
    r"|入ったが|入っていて|があり(?=[^ま])"
    r"|(?<![a-z])(?:because|but|so|since|as)(?![a-z])"
)
_NUMBER = regex(r"\d+")
_REASON = regex(r"ので|なので|ため")


def drop_asides(
    scan: Scanner, parts: list[PartMention], statuses: list[int], halves: Sequence[int] = ()
) -> list[PartMention]:
    """Times and parts of the day in a side clause about something else (「朝9時から会議がある
    ので在宅」, 「午前は通院のため午後から出社」, "WFH tomorrow, I have a dentist appointment at
    4pm") are not the declaration's part of the day: drop them and mask the clause's numbers.
    A side clause names an event and no status (``statuses``: where the status words start;
    ``halves``: where those that take half a day without saying which, 半休, start)."""
    text = scan.text
    if not EVENTS.found_in(text):
        return parts
    cuts = sorted({0, len(text)} | {i for m in _ASIDE_CUT.finditer(text) for i in m.span()})
    asides = [
        (a, b)
        for a, b in itertools.pairwise(cuts)
        if EVENTS.search(text[a:b]) is not None and not any(a <= s < b for s in statuses)
    ]
    if not asides:
        return parts

    def aside(pos: int) -> bool:
        return any(a <= pos < b for a, b in asides)

    def reason_for(b: int) -> bool:
        """(午後は通院)のため半休: the clause after ため/ので names a half day without its
        half, so the aside's 午後 is that half (its times are still dropped)."""
        cut = _REASON.match(text, b)
        if cut is None:
            return False
        after = next((c for c in cuts if c > cut.end()), len(text))
        return any(cut.end() <= s < after for s in halves) and not any(
            b <= p.start < after for p in parts
        )

    kept = {
        p.start
        for a, b in asides
        if reason_for(b)
        for p in parts
        if a <= p.start < b and ":" not in p.part
    }
    for a, b in asides:
        for m in _NUMBER.finditer(scan.rest, a, b):
            scan.mask(m.start(), m.end())
    return [p for p in parts if not aside(p.start) or p.start in kept]
