"""Stated times in presence reports: 「9時に業務開始しました」 is a report *at 09:00*, and
「開始時刻を9:00に修正」 corrects today's start of work to 09:00.

The clock time is the first single time point the parts step found (「9時に」, "at 8:45",
「8:45から」); a range (「9時から18時」) states no single time. Whether the time is usable
(today, not in the future, after earlier reports) is the presence feature's to decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from dialogs.understanding.compiled import regex
from dialogs.understanding.lexicon import Lexicon
from dialogs.understanding.parts import PartMention

CORRECTION = Lexicon(
    dict.fromkeys(
        (
            "修正",
            "訂正",
            "直して",
            "直します",
            "直したい",
            "間違",
            "変更",
            "訂正して",
            "直す",
            "直し",
            "誤り",
            "正しくは",
            "correct",
            "correction",
            "corrected",
            "fix",
            "change",
            "actually",
            "should be",
            "should have been",
            "amend",
            "update",
            "wrong",
        ),
        True,
    )
)
_POINT = regex(r"^(\d{2}):(\d{2})-$")
# a correction that names no report word the presence table knows: 「開始を8:30に直して」
_START_WORD = regex(
    r"開始|始業|出勤時刻|(?<![a-z])(?:start(?:ed|ing)?|clock(?:ed)?\s*in|began|begin)(?![a-z])"
)
_END_WORD = regex(
    r"終了|終業|退勤|(?<![a-z])(?:end(?:ed)?|finish(?:ed)?|clock(?:ed)?\s*out|sign(?:ed)?\s*off|"
    r"stop(?:ped)?)(?![a-z])"
)
# "started work at 9": a bare hour after "at" (the parts step wants 9am / 9:00 / 9時)
_AT_HOUR = regex(r"(?<![a-z])at\s+(\d{1,2})(?![\d:/.])")


def stated_time(parts: Sequence[PartMention], rest: str = "", *, last: bool = False) -> time | None:
    """The clock time of the first single time point among ``parts`` (``last``: of the last
    one, the new time of a correction 「9:00→8:30に修正」), else a bare hour after "at" in
    ``rest`` (1 to 6 read as afternoon, as the parts step does), else ``None``."""
    for mention in reversed(parts) if last else parts:
        m = _POINT.match(mention.part)
        if m is None or mention.problem == "time_end_only":
            continue
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour >= 24:
            return None
        return time(hour, minute)
    bare = _AT_HOUR.search(rest)
    if bare is not None:
        hour = int(bare.group(1))
        if 1 <= hour <= 6:
            hour += 12
        if hour <= 23:
            return time(hour, 0)
    return None


def is_correction(rest: str) -> bool:
    """Whether the words left in the message ask to correct a report (「修正」, "fix")."""
    return CORRECTION.search(rest) is not None


def has_time(parts: Sequence[PartMention], rest: str) -> bool:
    """Whether a clock time was written (a time part, or a bare hour after "at")."""
    return any(_POINT.match(p.part) for p in parts) or _AT_HOUR.search(rest) is not None


def correction_kind(text: str, rest: str, parts: Sequence[PartMention]) -> str | None:
    """ "start" or "end" when a message with a time, a correction word and exactly one of the
    start and end words corrects a report without the report words of the presence table
    (「開始を8:30に直してください」, "my end time should be 17:30"), else ``None``. ``text`` is
    the whole normalised message (report words may already be masked in ``rest``)."""
    if not has_time(parts, rest) or not is_correction(text):
        return None
    start, end = _START_WORD.search(text), _END_WORD.search(text)
    if start and not end:
        return "start"
    if end and not start:
        return "end"
    return None
