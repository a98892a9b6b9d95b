"""Language understanding for Japanese and English chat messages (issue 4).

Pure and deterministic: no network, no botbuilder, no storage. The one entry point:

    parse(text, today=date(2026, 11, 26), calendar=policy.work_calendar()).to_json()

gives the ``telework-bot parse`` object; ``understand`` is the whole pipeline the bot uses
(commands typed by name, reminder phrases, then ``parse``). See ``understand.py`` for the
steps, ``dates.py`` for how dates are resolved, ``durations.py`` for 3日間 / for the next 3
days, ``entries.py`` for how statuses, days and parts pair up, ``intents.py`` for when a
message asks rather than declares, ``presence_times.py`` for stated times.
"""

from dialogs.understanding.commands import CommandCall, CommandWords, find_command, suggest
from dialogs.understanding.interpretation import (
    Entry,
    Fragment,
    Intent,
    Interpretation,
    Recurrence,
    Replaced,
    Status,
    Warning_,
)
from dialogs.understanding.pipeline import understand
from dialogs.understanding.reminders import MAX_PAUSE_DAYS
from dialogs.understanding.understand import MAX_CHARS, parse

__all__ = [
    "MAX_CHARS",
    "MAX_PAUSE_DAYS",
    "CommandCall",
    "CommandWords",
    "Entry",
    "Fragment",
    "Intent",
    "Interpretation",
    "Recurrence",
    "Replaced",
    "Status",
    "Warning_",
    "find_command",
    "parse",
    "suggest",
    "understand",
]
