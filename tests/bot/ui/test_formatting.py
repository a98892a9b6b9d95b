"""``bot.ui.formatting.plain``: user text is inert in a card or message, and reads the same."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ui.formatting import ZERO_WIDTH_SPACE, plain
from tests.bot.markup import EVIL, assert_inert, rendered, visible

MARKDOWN = "[]()<>*_~`#-+=!|\\/:.1 \n\r\t"


@pytest.mark.parametrize(
    "value",
    [
        "[click](https://evil.example)",
        "![pixel](https://evil.example/x.png)",
        "[a]: https://evil.example",
        "<https://evil.example>",
        "https://evil.example/login",
        "//evil.example",
        "**bold** __bold__ *it* _it_ ~~gone~~ `code`",
        "<at>Boss</at>",
        "<script>alert(1)</script>",
        "- item",
        "* item",
        "+ item",
        "1. item",
        "12) item",
        "# heading",
        "> quote",
        "    indented code",
        "title\n\n- item\r\n# heading",
        "\\[click\\](https://evil.example)",  # a backslash cannot undo the escaping
        EVIL,
    ],
)
def test_markup_is_inert(value: str) -> None:
    assert_inert(plain(value))
    assert_inert(f"会議：{plain(value)}")  # inside one of our sentences too


def test_it_reads_the_same() -> None:
    value = "[click](https://evil.example) **x** <at>Boss</at>"
    assert visible(plain(value)).strip().replace(ZERO_WIDTH_SPACE, "") == value
    assert plain("課内打合せ（チーム型テレワーク）") == "課内打合せ（チーム型テレワーク）"
    assert plain("Weekly sync (Q3)") == "Weekly sync (Q3)"  # "(" alone is left as it is
    assert plain("田中　太郎") == "田中　太郎"
    assert plain(42) == "42"


def test_escapes_exactly() -> None:
    assert plain("[click](https://evil.example)") == (
        "\\[click\\]\\(https:/" + ZERO_WIDTH_SPACE + "/evil.example)"
    )
    assert plain("- item") == "\\- item"
    assert plain("3. item") == "3\\. item"
    assert plain("a\nb") == "a b"


def test_our_own_formatting_is_untouched() -> None:
    # Only values go through plain(); a sentence around them keeps its Markdown.
    assert "<strong>" in rendered(f"**{plain('*x*')}**")


@given(st.text(alphabet=st.sampled_from(MARKDOWN + "abcあ"), max_size=40))
def test_any_text_is_inert_and_reads_the_same(value: str) -> None:
    escaped = plain(value)
    assert_inert(escaped)
    flat = " ".join(value.replace("\r", " ").replace("\n", " ").replace("\t", " ").split())
    shown = " ".join(visible(escaped).replace(ZERO_WIDTH_SPACE, "").split())
    assert shown == flat
