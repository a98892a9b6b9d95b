"""The pause / resume / digest phrases the understanding parser does not know."""

from __future__ import annotations

import pytest

from bot.features.reminders.settings import match_reminder_phrase


@pytest.mark.parametrize(
    ("written", "command", "days"),
    [
        ("通知を停止", "reminders_pause", None),
        ("通知を止めて", "reminders_pause", None),
        ("２週間止めて", "reminders_pause", 14),
        ("2週間止めて", "reminders_pause", 14),
        ("通知を3日止めて", "reminders_pause", 3),
        ("通知を1か月停止", "reminders_pause", 30),
        ("pause reminders for two weeks", "reminders_pause", 14),
        ("Pause reminders for 3 days.", "reminders_pause", 3),
        ("stop notifications for a week", "reminders_pause", 7),
        ("pause reminders", "reminders_pause", None),
        ("resume reminders", "reminders_resume", None),
        ("通知を再開", "reminders_resume", None),
        ("週次まとめを受け取る", "digest_on", None),
        ("weekly digest off", "digest_off", None),
    ],
)
def test_phrases(written: str, command: str, days: int | None) -> None:
    phrase = match_reminder_phrase(written)
    assert phrase is not None and phrase.command == command
    assert phrase.data.get("days") == days


@pytest.mark.parametrize(
    "written", ["明日テレワーク", "来週の月曜は在宅", "help", "2週間", "stop", "通知"]
)
def test_other_sentences_are_left_to_the_parser(written: str) -> None:
    assert match_reminder_phrase(written) is None
