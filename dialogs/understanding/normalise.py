"""Text normalisation before any matching: NFKC, control characters, spacing, case.

NFKC folds full-width digits and letters (ＴＷ, １０／６) and the full-width brackets and
tilde (（）→(), ～→~). The wave dash 〜 (U+301C) and the dashes survive NFKC, so they are
folded here to ``~`` and ``-``. ASCII letters are lower-cased in ``text`` (matching) while
``original`` keeps their case (for names such as "Tanaka"); both have the same length so a
match's span can be read from either.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from dialogs.understanding.compiled import regex

_TRANSLATE = str.maketrans(
    {
        "〜": "~",  # WAVE DASH
        "∼": "~",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "．": ".",
        "、": "、",
        "，": ",",
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "\u3000": " ",
    }
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SPACES = regex(r" {2,}")
# Japanese script: hiragana, katakana, CJK ideographs (incl. 々 and the long-vowel mark).
_JAPANESE = regex(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u3005\uff66-\uff9f]")
# full-width forms and CJK punctuation in the raw text: typed with a Japanese input method
_FULL_WIDTH = regex(r"[\u3000-\u303f\uff01-\uff5e]")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})


@dataclass(frozen=True, slots=True)
class NormalText:
    """A message after normalisation: ``text`` for matching, ``original`` for names."""

    text: str
    original: str
    has_japanese: bool


def normalise(raw: str) -> NormalText:
    """NFKC, fold dashes and tildes, drop control/format/private characters, collapse spaces,
    lower-case ASCII letters. Never raises on any ``str``."""
    folded = unicodedata.normalize("NFKC", raw).translate(_TRANSLATE)
    kept = "".join(
        ch for ch in folded if ch == " " or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    original = _SPACES.sub(" ", kept).strip()
    return NormalText(
        text=original.translate(_ASCII_LOWER),
        original=original,
        has_japanese=_JAPANESE.search(original) is not None or _FULL_WIDTH.search(raw) is not None,
    )
