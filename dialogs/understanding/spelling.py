"""Misspelt English day and month names and the few other words a declaration hangs on, as
people type them in a hurry: Firday, Wendesday, Wensday, Thrusday, Febuary, tomorow,
tommorow, telwork, afternon, ofice. A word is read as such a name when it starts with the
same letter and is one edit away (a letter left out, added, changed, or two letters swapped;
two edits for names of eight letters or more). Words of four letters or fewer are never
guessed, nor names shorter than six letters (march, the short forms), nor words that are
close but real (mondays, officer, mourning).
"""

from __future__ import annotations

from functools import lru_cache

from dialogs.understanding.compiled import regex
from dialogs.understanding.normalise import NormalText

_NAMES = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "september", "october", "november", "december",
    "tomorrow", "yesterday", "telework", "teleworking", "morning", "afternoon", "office",
)  # fmt: skip
_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _name in _NAMES:
    _BY_LETTER[_name[0]] = (*_BY_LETTER.get(_name[0], ()), _name)
_LETTERS = {name: frozenset(name) for name in _NAMES}
_KNOWN = (
    frozenset(_NAMES)
    | {n + "s" for n in _NAMES[:7]}
    | {"tomorrows", "teleworks", "teleworked", "teleworker", "teleworkers", "mornings"}
    | {"afternoons", "mourning", "warning", "morals", "offices", "officer", "officers"}
)
_WORD = regex(r"(?<![a-z'])[a-z]{5,11}(?![a-z'])")


@lru_cache(maxsize=4096)
def _name_for(word: str) -> str | None:
    if word in _KNOWN:
        return None
    # Optimal string alignment distance; imported here, as few messages get this far.
    from rapidfuzz.distance import OSA

    letters = frozenset(word)
    for name in _BY_LETTER.get(word[0], ()):
        limit = 2 if len(name) >= 8 else 1
        if len(letters - _LETTERS[name]) > limit:  # each letter the name lacks is an edit
            continue
        if OSA.distance(word, name, score_cutoff=limit) <= limit:
            return name
    return None


def correct_names(norm: NormalText) -> NormalText:
    """``norm`` with misspelt day and month names written out right (in ``text`` and
    ``original`` alike, so that spans still match)."""
    fixes = [
        (m.start(), m.end(), name)
        for m in _WORD.finditer(norm.text)
        if m.group(0)[0] in _BY_LETTER and (name := _name_for(m.group(0))) is not None
    ]
    if not fixes:
        return norm
    text, original = norm.text, norm.original
    for start, end, name in reversed(fixes):
        text = text[:start] + name + text[end:]
        original = original[:start] + name + original[end:]
    return NormalText(text=text, original=original, has_japanese=norm.has_japanese)
