"""Consume a message piece by piece: each recognised span is masked so later, looser patterns
(a bare 月 as Monday, a bare number) never re-read it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dialogs.understanding.compiled import regex

MASK = "\ue000"
DIGIT = regex(r"\d")  # private use: normalisation drops it from input; not \s (unlike \x1f)


class Scanner:
    """The normalised text with the already-understood spans blanked out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._masked = text

    @property
    def rest(self) -> str:
        """The text with understood spans replaced by ``MASK`` (same length as ``text``)."""
        return self._masked

    def mask(self, start: int, end: int) -> None:
        """Mark ``text[start:end]`` as understood."""
        self._masked = self._masked[:start] + MASK * (end - start) + self._masked[end:]

    def take(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the text as masked now; the caller masks what it keeps."""
        yield from list(pattern.finditer(self._masked))

    def take_if(self, pattern: re.Pattern[str], needs: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """:meth:`take`, skipped at once when what is left lacks what every match of
        ``pattern`` contains (``needs``: a digit for dates and times): most messages have no
        digit, and a failed scan of the whole text by each date pattern is most of a parse."""
        if needs.search(self._masked) is None:
            return iter(())
        return self.take(pattern)

    def between(self, start: int, end: int) -> str:
        """The original text between two spans (for connectors such as から or ~)."""
        return self.text[start:end] if start < end else ""
