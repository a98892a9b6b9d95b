"""Which language to answer in: one preference per person, kept in the database.

A person's own choice in chat wins, then the roster's, then the language their messages are
written in, then the Teams locale (many clients, Microsoft's Playground included, send
``en-US`` whatever the user types), then Japanese. Short replies ("OK", 「はい」) say nothing
about a person's language: they neither decide the answer nor change what is remembered.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.turn import Turn
from bot.ui.texts import Lang

# Hiragana, katakana, CJK ideographs, half-width katakana and the ideographic full stop.
_JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_JAPANESE_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_WORD = re.compile(r"[a-z]{2,}")
SHORT_REPLIES = frozenset(
    {
        "ok", "okay", "k", "yes", "y", "no", "n", "sure", "thanks", "thank you", "thx",
        "はい", "いいえ", "うん", "ええ", "了解", "りょ", "おk", "ok!", "ありがとう",
    }
)  # fmt: skip


def has_japanese(value: str) -> bool:
    return _JAPANESE.search(value) is not None


def written_in(value: str | None) -> Lang | None:
    """The language ``value`` is clearly written in, or None (empty, a short reply, one
    English word, digits)."""
    if not value:
        return None
    text = " ".join(unicodedata.normalize("NFKC", value).lower().split()).strip(" .!?。！？")
    if not text or text in SHORT_REPLIES:
        return None
    if len(_JAPANESE_WORD.findall(text)) >= 2:
        return "ja"
    # Two English words at least: one ("help", "board", "OK") is what a Japanese user may
    # type too, and says nothing about the language they read.
    if len(_WORD.findall(text)) >= 2 and not has_japanese(text):
        return "en"
    return None


def from_locale(locale: str | None) -> Lang | None:
    if not locale:
        return None
    return "ja" if locale.lower().startswith("ja") else "en"


def choose_language(
    *,
    chosen: str | None = None,
    roster: str | None = None,
    written: str | None = None,
    remembered: str | None = None,
    locale: str | None = None,
    default: Lang = "ja",
) -> Lang:
    """The first language known, in the order of the module docstring. ``written`` is the
    message now; a hint of Japanese in it (「進捗」) still beats the locale."""
    for candidate in (chosen, roster, written_in(written), remembered):
        if candidate in ("ja", "en"):
            return "ja" if candidate == "ja" else "en"
    if written and has_japanese(written):
        return "ja"
    return from_locale(locale) or default


async def resolve_language(turn: Turn, written: str | None = None) -> Lang:
    """Set ``turn.lang`` for this turn, remembering the language of a long enough message
    (or, while nothing at all is known of the person, the language of their Teams locale)."""
    viewer = await turn.viewer()
    member = viewer.member if viewer else None
    said = written_in(written)
    if (
        member is not None
        and said is None
        and not member.language_known
        and not has_japanese(written or "")
    ):
        # Nothing known yet but the Teams locale: remember it as their language until a
        # message says otherwise, so proactive messages use what the chat already does.
        said = from_locale(turn.sender.locale)
    if member is not None and said is not None and member.written_language != said:
        await turn.services.languages.note_written_language(member.employee_id, said)
    turn.lang = choose_language(
        chosen=member.chat_language if member else None,
        roster=member.preferred_language if member else None,
        written=written,
        remembered=member.written_language if member else None,
        locale=turn.sender.locale,
    )
    return turn.lang
