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
        self._values = {w.lower().replace(" ", ""): v for w, v in table.items()}
        alternatives: list[str] = []
        for word in words:
            body = r"\s*".join(re.escape(part) for part in word.split(" "))
            if word.isascii():
                # The boundary check comes after the first character, so that every
                # alternative starts with a literal: the engine then skips, at C speed, every
                # position whose character starts no word (twice as fast on the status table).
                first = re.escape(word[0])
                body = first + r"(?<![a-z0-9]" + first + ")" + body[len(first) :] + r"(?![a-z0-9])"
            alternatives.append(body)
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
