"""The person a query is about: 田中さんはどこ, 佐藤課長の予定, where is Tanaka, is Smith in
the office tomorrow. The name is returned as written, without さん or a title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.understanding.compiled import regex
from dialogs.understanding.scanner import Scanner

_TITLES = (
    "課長補佐",
    "さん",
    "様",
    "さま",
    "氏",
    "くん",
    "君",
    "課長",
    "室長",
    "係長",
    "部長",
    "局長",
    "補佐",
    "参事官",
    "審議官",
    "次長",
    "主査",
    "主任",
    "-san",
    " san",
)
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))
# kanji (with 々), katakana (with ー), Latin letters; hiragana is left out: it is where
# particles (は, の, が) live, and names in chat are written in kanji or katakana
_CHARS = r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fca-zA-Z]"
# a family and a given name may be written apart: 田中 一郎さん
_NAME_JA = regex(
    rf"(?P<name>(?:{_CHARS}{{1,6}}\s)?{_CHARS}{{0,12}}?)(?P<title>" + _TITLE_ALT + r")(?![a-z])"
)
# a name in hiragana (a reading: めがんさん, たなかさん) only at the start of the message or
# after a space or punctuation, where no particle can stand before it
_NAME_KANA = regex(
    r"(?:^|(?<=[\s、。,!?]))(?P<name>(?:[\u3041-\u3096\u30fc]{1,8}\s)?[\u3041-\u3096\u30fc]{2,10}?)"
    r"(?P<title>さん|くん|ちゃん|様|さま)"
)
_NAME_EN = regex(
    r"(?<![a-z])(?:where(?:'s|\s+is|\s+will)|is|will|has|does)\s+(?:mr\.?\s+|ms\.?\s+|mrs\.?\s+|dr\.?\s+)?"
    r"(?P<name>[a-z][a-z'-]{1,20}?)(?:-san)?(?:\s+be)?(?=\s*(?:\ue000|\?|$|in\b|at\b|on\b|off\b|"
    r"working|wfh|teleworking|remote|today|tomorrow|going|coming|taking))"
    r"|(?P<name2>[a-z][a-z-]{1,20})'s\s+(?:schedule|plan|status|calendar|whereabouts)"
)
_NOT_NAMES_JA = frozenset(
    {"皆", "各位", "客", "お客", "皆様", "みな", "みんな", "おつかれ", "おじ", "おば"}
)
_NOT_NAMES = frozenset(
    {
        "anyone",
        "anybody",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "who",
        "it",
        "he",
        "she",
        "there",
        "this",
        "that",
        "what",
        "the",
        "my",
        "i",
        "me",
        "today",
        "tomorrow",
        "team",
        "section",
        "our",
        "your",
        "he's",
        "she's",
        "it's",
        # words that follow "is"/"will" at the end of a statement, not names
        "cancelled",
        "canceled",
        "cancel",
        "changed",
        "moved",
        "off",
        "not",
        "back",
        "done",
        "away",
        "free",
        "late",
        "fine",
        "ok",
        "okay",
        "confirmed",
        "approved",
        "needed",
        "required",
        "possible",
        "planned",
        "scheduled",
        "also",
        "still",
        "now",
        "be",
        "work",
        "working",
    }
)


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named at ``start:end``."""

    start: int
    end: int
    name: str


def find_person(scan: Scanner, original: str) -> PersonMention | None:
    """The first person named in the text (masked in ``scan``), or ``None``."""
    for m in scan.take(_NAME_JA):
        name = original[m.start("name") : m.end("name")].strip()
        if not name and m["title"] in {"さん", "様", "さま", "氏", "くん", "君", "-san", " san"}:
            continue
        if not name:
            name = m["title"]
        if name in _NOT_NAMES_JA:
            continue
        scan.mask(m.start(), m.end())
        return PersonMention(m.start(), m.end(), name)
    for m in scan.take(_NAME_KANA):
        name = original[m.start("name") : m.end("name")]
        if name in _NOT_NAMES_JA:
            continue
        scan.mask(m.start(), m.end())
        return PersonMention(m.start(), m.end(), name)
    for m in scan.take(_NAME_EN):
        group = "name" if m["name"] else "name2"
        name = original[m.start(group) : m.end(group)]
        if name.lower() in _NOT_NAMES:
            continue
        scan.mask(m.start(group), m.end(group))
        return PersonMention(m.start(group), m.end(group), name)
    return None
