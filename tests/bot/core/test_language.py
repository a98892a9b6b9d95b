"""One language per person: their choice, else the roster's, else what they write in, else
the Teams locale; short replies never decide it."""

from __future__ import annotations

import pytest

from bot.core.language import choose_language, written_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明日テレワーク", "ja"),
        ("ボード", "ja"),
        ("WFH tomorrow", "en"),
        ("my schedule", "en"),
        ("OK", None),
        ("ok!", None),
        ("はい", None),
        ("了解", None),
        ("help", None),  # one English word: a Japanese user types it too
        ("x x x x x x", None),
        ("12/8", None),
        ("", None),
        ("  Thank you  ", None),
    ],
)
def test_what_a_message_says_about_its_language(text: str, expected: str | None) -> None:
    assert written_in(text) == expected


def test_the_order_of_preference() -> None:
    assert choose_language(chosen="en", roster="ja", written="明日テレワーク") == "en"
    assert choose_language(roster="en", written="明日テレワーク", locale="ja-JP") == "en"
    assert choose_language(written="WFH tomorrow", remembered="ja", locale="ja-JP") == "en"
    assert choose_language(written="OK", remembered="ja", locale="en-US") == "ja"
    assert choose_language(written="OK", locale="en-US") == "en"
    assert choose_language(written="進捗", locale="en-US") == "ja"  # a hint of Japanese
    assert choose_language(locale="en-GB") == "en"
    assert choose_language() == "ja"
