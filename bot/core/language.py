"""Which language to answer in."""

from __future__ import annotations

import re

from bot.ui.texts import Lang

# Hiragana, katakana, CJK ideographs, half-width katakana and the ideographic full stop.
_JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def has_japanese(value: str) -> bool:
    return _JAPANESE.search(value) is not None


def choose_language(
    *, preference: str | None, text: str | None, locale: str | None, default: Lang = "ja"
) -> Lang:
    """A saved preference wins; then the script the user wrote in; then the Teams locale.

    Many Teams clients (and Microsoft's Playground) send ``en-US`` whatever the user types, so
    a message written in Japanese is answered in Japanese when the user set no preference.
    """
    if preference in ("ja", "en"):
        return "ja" if preference == "ja" else "en"
    if text and has_japanese(text):
        return "ja"
    if locale:
        return "ja" if locale.lower().startswith("ja") else "en"
    return default
