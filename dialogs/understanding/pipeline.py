"""Text → one typed interpretation: commands typed by name, then reminder phrases, then the
free-text parser (which also knows short replies: yes, no, stop). The one way the bot reads
a message."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dialogs.understanding.commands import CommandWords, find_command
from dialogs.understanding.interpretation import Intent, Interpretation
from dialogs.understanding.normalise import normalise
from dialogs.understanding.reminders import reminder_phrase
from dialogs.understanding.understand import MAX_CHARS, parse
from domain.calendar import WorkCalendar


def understand(
    text: str,
    *,
    today: date,
    calendar: WorkCalendar,
    lang: str | None = None,
    retroactive_days: int = 5,
    commands: Iterable[CommandWords] = (),
    within: tuple[date, date] | None = None,
) -> Interpretation:
    """What ``text`` means, as of ``today``: see :func:`parse` for the free-text part (and
    ``within``, the span a question asked about)."""
    if len(text) <= MAX_CHARS:
        qlang = "ja" if normalise(text).has_japanese or lang == "ja" else "en"
        call = find_command(text, commands)
        if call is not None:
            return Interpretation(
                Intent.COMMAND, command=call.id, argument=call.argument, lang=qlang
            )
        phrase = reminder_phrase(text, qlang)
        if phrase is not None:
            return phrase
    return parse(
        text,
        today=today,
        lang=lang,
        calendar=calendar,
        retroactive_days=retroactive_days,
        within=within,
    )
