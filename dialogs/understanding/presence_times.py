"""Stated times in presence reports: 「9時に業務開始しました」 is a report *at 09:00*, and
「開始時刻を9:00に修正」 corrects today's start of work to 09:00.

The clock time is the first single time point the parts step found (「9時に」, "at 8:45",
「8:45から」); a range (「9時から18時」) states no single time. Whether the time is usable
(today, not in the future, after earlier reports) is the presence feature's to decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time

from dialogs.understanding.compiled import regex
from dialogs.understanding.lexicon import Lexicon
from dialogs.understanding.parts import PartMention
from dialogs.understanding.scanner import MASK, Scanner

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
            "じゃなくて",  # 終了時刻、18時じゃなくて17時半です: the time after it is the new one
            "じゃなく",
            "ではなく",
            "でなく",
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
# a report with its time inside (「本日の業務は17時45分で終了しました」「仕事を9時に始めました」)
_SPLIT_REPORT = regex(
    r"(?P<noun>業務|仕事|勤務|作業)(?:は|を|も)(?P<mid>[^。、,!?]{1,12}?)"
    r"(?P<verb>開始|始め|スタート|終了|終え|終わり|終わら)"
)

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


_REPORT_NOUN = regex(r"業務|仕事|勤務|作業")
# a past-tense verb right before a clock time, with no "work" or "at": "started 9:05",
# "finished 17:40" (only the past: "starting 10:00" may be tomorrow's plan)
_VERB_AT_CLOCK = regex(
    r"(?<![a-z])(?P<verb>started|began|finished|ended)\s+(?=\d{1,2}(?::\d{2}|\s*[ap]\.?m))"
)
_CLOCK_DIGIT = regex(r"\d")


def split_reports(scan: Scanner) -> list[str]:
    """Start/end reports whose time sits between the noun and the verb (「業務は17時で終了
    しました」): their kinds, the noun and the verb masked in ``scan`` (the time is left for
    the parts step)."""
    kinds = []
    for m in scan.take_if(_SPLIT_REPORT, _REPORT_NOUN):
        kinds.append("end" if m["verb"].startswith("終") else "start")
        scan.mask(m.start("noun"), m.end("noun") + 1)
        scan.mask(m.start("verb"), m.end("verb"))
    for m in scan.take_if(_VERB_AT_CLOCK, _CLOCK_DIGIT):
        kinds.append("start" if m["verb"] in ("started", "began") else "end")
        scan.mask(m.start("verb"), m.end("verb"))
    return kinds


def _bare_hour(rest: str, text: str | None) -> re.Match[str] | None:
    """A bare hour after "at", its "at" possibly part of a report word already taken
    ("started at 9": ``text``, the unmasked message), its digits not taken by anything."""
    return next(
        (m for m in _AT_HOUR.finditer(text or rest) if rest[m.start(1)] != MASK),
        None,
    )


def stated_time(
    parts: Sequence[PartMention], rest: str = "", *, last: bool = False, text: str | None = None
) -> time | None:
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
    bare = _bare_hour(rest, text)
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
