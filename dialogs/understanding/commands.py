"""Commands typed by name (「進捗」, "help", "レポート 2025"): the first step of understanding.

The words come from the router's declarations (``bot.core.router``), passed in as a
vocabulary, so this module knows no command itself.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CommandWords:
    """A command's id and every word (any language) that starts it."""

    id: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CommandCall:
    """A command found at the start of a message, with whatever followed its name."""

    id: str
    argument: str


def normalise(value: str) -> str:
    """NFKC (full-width → half-width), lower case, collapsed whitespace."""
    return " ".join(unicodedata.normalize("NFKC", value).lower().split())


def find_command(text: str, vocabulary: Iterable[CommandWords]) -> CommandCall | None:
    """The command whose word starts ``text`` (longest word first), or None."""
    value = normalise(text)
    candidates = sorted(
        ((normalise(word), command.id) for command in vocabulary for word in command.words),
        key=lambda pair: -len(pair[0]),
    )
    for word, command_id in candidates:
        if value == word:
            return CommandCall(command_id, "")
        if value.startswith(word):
            rest = value[len(word) :]
            # ASCII names need a word boundary ("helpful" is not "help"); Japanese ones do not.
            if not word.isascii() or rest.startswith(" "):
                return CommandCall(command_id, rest.strip())
    return None


def suggest(text: str, vocabulary: Iterable[CommandWords]) -> str | None:
    """The id of the command whose name is closest to ``text`` (a "did you mean"), if any."""
    value = normalise(text)
    if not value:
        return None
    names = {
        normalise(word): command.id
        for command in vocabulary
        for word in command.words
        if len(word) > 1
    }
    first_word = value.split(" ", 1)[0]
    for probe in (value, first_word):
        close = difflib.get_close_matches(probe, list(names), n=1, cutoff=0.6)
        if close:
            return names[close[0]]
    return None
