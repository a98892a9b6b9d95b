"""Stated times in start/end-of-work reports and presence messages (issue 13 §5):
「9時に業務開始しました」 → at 09:00; 「開始時刻を9:00に修正」/"correct my start time to 9:00" → a
correction of the start time; "signed off at 6pm" → at 18:00.

The understanding only reads the time; whether it can be recorded (today, not in the
future, after any earlier report) is the presence feature's decision.
"""

from __future__ import annotations

import re
from datetime import time

from dialogs.understanding.parts import PartMention
from dialogs.understanding.scanner import Scanner

_CORRECTION = re.compile(
    r"修正|訂正|直して|直す|直し|間違|誤り|変更|正しくは|"
    r"(?<![a-z])(?:correct(?:ion|ed)?|fix|change|should\s+(?:be|have\s+been)|actually|amend|"
    r"update|wrong)(?![a-z])"
)
_START_WORD = re.compile(
    r"開始|始業|出勤時刻|勤務開始|(?<![a-z])(?:start(?:ed|ing)?|clock(?:ed)?\s*in|began|begin)"
    r"(?![a-z])"
)
_END_WORD = re.compile(
    r"終了|終業|退勤|(?<![a-z])(?:end(?:ed)?|finish(?:ed)?|clock(?:ed)?\s*out|sign(?:ed)?\s*off|"
    r"stop(?:ped)?)(?![a-z])"
)
_BARE_AT = re.compile(r"(?<![a-z])(?:at|@)\s*(?P<h>\d{1,2})(?![\d:./])(?!\s*(?:日|th|st|nd|rd))")


def correction_kind(scan: Scanner, has_time: bool) -> str | None:
    """ "start" or "end" when the message corrects a reported time (「開始時刻を9:00に修正」),
    else None. Needs a time, a correction word and exactly one of the start and end words."""
    text = scan.text  # the report words may already be understood (masked) as presence
    if not has_time or _CORRECTION.search(text) is None:
        return None
    start, end = _START_WORD.search(text), _END_WORD.search(text)
    if start and not end:
        return "start"
    if end and not start:
        return "end"
    return None


def stated_time(scan: Scanner, parts: list[PartMention]) -> time | None:
    """The first clock time the message states: a time part (9時, 9:00, 8時半, 6pm, 9時から;
    not 14時まで, an end) or a bare hour after "at" (started work at 9; 1-6 read as afternoon
    like parts.py)."""
    for part in parts:
        if part.part[:2].isdigit() and part.problem != "time_end_only":  # 14時まで: an end
            hour, minute = int(part.part[:2]), int(part.part[3:5])
            return time(0, 0) if hour == 24 else time(hour, minute)
    m = _BARE_AT.search(scan.rest)
    if m is None:
        return None
    hour = int(m["h"])
    if 1 <= hour <= 6:
        hour += 12
    if hour > 23:
        return None
    scan.mask(m.start(), m.end())
    return time(hour, 0)


def has_time(scan: Scanner, parts: list[PartMention]) -> bool:
    """Whether a clock time was written (without masking anything)."""
    return any(p.part[:2].isdigit() for p in parts) or _BARE_AT.search(scan.rest) is not None
