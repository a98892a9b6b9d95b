"""A word table compiled into one regular expression (longest word first).

ASCII words only match as whole words (``tw`` not inside ``between``); Japanese words match
anywhere. Spaces inside an English phrase match any run of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from dialogs.understanding.compiled import regex

T = TypeVar("T")
_SPACE = regex(r"\s+")


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A word found at ``start:end`` with its table value."""

    start: int
    end: int
    value: T


class Lexicon(Generic[T]):
    """Words → values; ``finditer`` yields non-overlapping hits, longest word first."""

    def __init__(self, table: Mapping[str, T], *, prefix: str = "", suffix: str = "") -> None:
        words = sorted((w.lower() for w in table), key=len, reverse=True)
        self.words: tuple[str, ...] = tuple(words)
        """The table's words, lower-cased, longest first."""
        self._values = {w.lower().replace(" ", ""): v for w, v in table.items()}
        # One branch per first character, its words' rests inside it longest first: at any
        # position only words starting with its character can match, and they are tried in
        # the same order as in one flat alternation, so the matches are the same; the engine
        # tries one branch per character instead of one per word. The boundary check of an
        # ASCII word comes after its first character, so that every branch starts with a
        # literal: the engine then skips, at C speed, every position whose character starts
        # no word.
        rests: dict[str, list[str]] = {}
        for word in words:
            first = re.escape(word[0])
            body = r"\s*".join(re.escape(part) for part in word.split(" "))[len(first) :]
            if word.isascii():
                body = r"(?<![a-z0-9]" + first + ")" + body + r"(?![a-z0-9])"
            rests.setdefault(first, []).append(body)
        alternatives = [
            first + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")")
            for first, bodies in rests.items()
        ]
        self._pattern = prefix + "(" + "|".join(alternatives) + ")" + suffix

    @cached_property
    def _re(self) -> re.Pattern[str]:
        # Compiled when first asked: twenty tables take a few tens of milliseconds to compile,
        # which a command that asks one question (`telework-bot parse`) would pay for all.
        return regex(self._pattern)

    def finditer(self, text: str) -> Iterator[Hit[T]]:
        """Every hit in ``text`` (group 1 decides the value)."""
        for m in self._re.finditer(text):
            yield Hit(m.start(), m.end(), self._values[_SPACE.sub("", m.group(1))])

    def search(self, text: str) -> Hit[T] | None:
        """The first hit, or ``None``."""
        m = self._re.search(text)
        if m is None:
            return None
        return Hit(m.start(), m.end(), self._values[_SPACE.sub("", m.group(1))])

    def found_in(self, text: str) -> bool:
        """Whether any word of the table is in ``text`` (the cheapest question)."""
        return self._re.search(text) is not None
