"""A read-back card awaiting an answer, changed by a short message: 「やっぱり午後だけ」
(the part of every day), 「やっぱり出社」 (the status), 「明後日にして」 (the days),
「明後日も」 (one more day)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogs.understanding import Entry, Fragment, Intent, Interpretation

_PART_ORDER = {"am": 0, "full": 0, "pm": 2}
_ALSO = re.compile(
    r"も(?:お願いします|おねがいします|お願い|追加して|追加で|追加|です|で|ね)?[。！!〜~]*$"
    r"|(?<![a-z])(?:also|too|as well|in addition)(?![a-z])",
    re.IGNORECASE,
)


def says_also(written: str) -> bool:
    """Whether a message adds to what was said (「明後日も」, "Friday too")."""
    return _ALSO.search(written.strip()) is not None


def adjust(
    shown: Sequence[Entry], reply: Interpretation, *, also: bool = False
) -> tuple[Entry, ...] | None:
    """The entries of the read-back ``shown`` with what ``reply`` names put in their place
    (the same entries when it only repeats them), or, with ``also`` (「明後日も」 "Friday
    too"), added to them; None when ``reply`` is no adjustment (a whole new declaration, a
    question, a command…)."""
    if not shown or reply.fragment is None:
        return None
    if reply.intent not in (Intent.DECLARE, Intent.UNKNOWN, Intent.REQUEST_APPROVAL):
        return None
    heard: Fragment = reply.fragment
    days = sorted({e.day for e in shown})
    out: set[Entry] = set()
    if heard.pairs:
        out = {
            Entry(d, part or "full", status)
            for d in heard.days or days
            for part, status in heard.pairs
        }
    elif heard.days:  # the days move; what the first day said goes with them
        first = [e for e in shown if e.day == days[0]]
        out = {
            Entry(d, heard.part or e.part, heard.status or e.status)
            for d in heard.days
            for e in first
        }
    elif heard.part or heard.status:
        for day in days:
            that_day = [e for e in shown if e.day == day]
            kept = [e for e in that_day if e.part == heard.part and not heard.status]
            out.update(
                kept
                or (Entry(day, heard.part or e.part, heard.status or e.status) for e in that_day)
            )
    else:
        return None
    if also:
        out.update(shown)
    return tuple(sorted(out, key=lambda e: (e.day, _PART_ORDER.get(e.part, 1))))
