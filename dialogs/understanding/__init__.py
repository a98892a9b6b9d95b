"""Language understanding for Japanese and English chat messages (issue 4).

Pure and deterministic: no network, no botbuilder, no storage. The one entry point:

    parse(text, today=date(2026, 11, 26), calendar=policy.work_calendar()).to_json()

gives the ``telework-bot parse`` object. See ``understand.py`` for the steps, ``dates.py``
for how dates are resolved, ``entries.py`` for how statuses, days and parts pair up.
"""

from dialogs.understanding.interpretation import (
    Entry,
    Intent,
    Interpretation,
    Recurrence,
    Replaced,
    Status,
    Warning_,
)
from dialogs.understanding.understand import MAX_CHARS, parse

__all__ = [
    "MAX_CHARS",
    "Entry",
    "Intent",
    "Interpretation",
    "Recurrence",
    "Replaced",
    "Status",
    "Warning_",
    "parse",
]
