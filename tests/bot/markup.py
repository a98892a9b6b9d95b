"""Card text as Teams renders it: CommonMark (the Markdown subset of Adaptive Cards' TextBlock
and Fact, and of message text) through markdown-it, and checks that user text stayed inert."""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt

RENDERER = MarkdownIt("commonmark").enable("strikethrough")
# Markup a user value must never produce: links, images, emphasis, code, strikethrough,
# headings, quotes, lists, raw HTML.
LIVE = re.compile(r"<(a|img|strong|em|code|s|del|h[1-6]|blockquote|pre|ul|ol|li|at)\b")
LISTS = re.compile(r"</?(ul|ol|li)\b[^>]*>")
# Autolinking (by Teams or a linkify pass) needs "scheme://" or "//host" in the visible text.
SLASHES = "//"

# Values people could type (meeting titles, comments) or the roster could hold (names).
EVIL = "[click](https://evil.example) **bold** _it_ <at>Boss</at> ~~gone~~ `code`"
EVIL_BLOCK = "- item"  # a value that starts a TextBlock would otherwise open a list


def rendered(value: str) -> str:
    return RENDERER.render(value)


def visible(value: str) -> str:
    """What a reader sees: the rendered HTML's text."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered(value)))


def assert_inert(value: str, *, our_lists: bool = False) -> None:
    """No live markup in ``value``. ``our_lists``: a list our own sentence makes is fine
    (「12. テレワーク・ウィーク」 renders as a numbered item; plain() keeps values from
    starting one, see test_formatting)."""
    out = rendered(value)
    if our_lists:
        out = LISTS.sub("", out)
    assert not LIVE.search(out), f"live markup in {value!r}: {out!r}"
    assert SLASHES not in visible(value), f"an autolinkable URL in {value!r}"


def card_texts(node: Any) -> list[str]:
    """Every TextBlock text and Fact title/value of a card (or message payload), nested."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock" and isinstance(node.get("text"), str):
            found.append(node["text"])
        if node.get("type") == "FactSet":
            for fact in node.get("facts", []):
                found += [str(fact.get("title", "")), str(fact.get("value", ""))]
        for value in node.values():
            found += card_texts(value)
    elif isinstance(node, list):
        for value in node:
            found += card_texts(value)
    return found
