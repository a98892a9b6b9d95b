"""The word tables' one regular expression, one branch per first character, finds exactly
what one flat alternation of the words (longest first) finds, on any text (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogs.understanding.intents import CANCEL, CHANGE, REQUEST
from dialogs.understanding.lexicon import Lexicon
from dialogs.understanding.vocabulary import PARTS, PRESENCE, RELATIVE_DAYS, STATUSES

TABLES: list[Lexicon[object]] = [
    STATUSES,  # type: ignore[list-item]
    PRESENCE,  # type: ignore[list-item]
    PARTS,  # type: ignore[list-item]
    RELATIVE_DAYS,  # type: ignore[list-item]
    CANCEL,  # type: ignore[list-item]
    CHANGE,  # type: ignore[list-item]
    REQUEST,  # type: ignore[list-item]
]


def _flat(words: list[str]) -> re.Pattern[str]:
    """The alternation as it was built before: every word a branch of its own."""
    alternatives = []
    for word in sorted((w.lower() for w in words), key=len, reverse=True):
        body = r"\s*".join(re.escape(part) for part in word.split(" "))
        if word.isascii():
            first = re.escape(word[0])
            body = first + r"(?<![a-z0-9]" + first + ")" + body[len(first) :] + r"(?![a-z0-9])"
        alternatives.append(body)
    return re.compile("(" + "|".join(alternatives) + ")")


WORDS = sorted({w for table in TABLES for w in table.words})
PIECES = st.sampled_from([*WORDS, " ", "、", "a", "x", "明日", "1", "の", "in", "s", "-"])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, max_size=12))
def test_the_branches_by_first_character_find_what_the_flat_alternation_finds(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    for table in TABLES:
        flat = _flat(list(table.words))
        want = [(m.start(), m.end()) for m in flat.finditer(text)]
        assert [(h.start, h.end) for h in table.finditer(text)] == want, text
