"""The pause / resume / digest phrases, understood before the free-text parser."""

from __future__ import annotations

import pytest

from dialogs.understanding import Intent
from dialogs.understanding.reminders import reminder_phrase


@pytest.mark.parametrize(
    ("written", "intent", "days"),
    [
        ("通知を停止", Intent.PAUSE_REMINDERS, None),
        ("通知を止めて", Intent.PAUSE_REMINDERS, None),
        ("２週間止めて", Intent.PAUSE_REMINDERS, 14),
        ("2週間止めて", Intent.PAUSE_REMINDERS, 14),
        ("通知を3日止めて", Intent.PAUSE_REMINDERS, 3),
        ("通知を1か月停止", Intent.PAUSE_REMINDERS, 30),
        ("pause reminders for two weeks", Intent.PAUSE_REMINDERS, 14),
        ("Pause reminders for 3 days.", Intent.PAUSE_REMINDERS, 3),
        ("stop notifications for a week", Intent.PAUSE_REMINDERS, 7),
        ("pause reminders", Intent.PAUSE_REMINDERS, None),
        ("resume reminders", Intent.RESUME_REMINDERS, None),
        ("通知を再開", Intent.RESUME_REMINDERS, None),
        ("週次まとめを受け取る", Intent.DIGEST_ON, None),
        ("weekly digest off", Intent.DIGEST_OFF, None),
    ],
)
def test_phrases(written: str, intent: Intent, days: int | None) -> None:
    phrase = reminder_phrase(written)
    assert phrase is not None and phrase.intent == intent
    assert phrase.days == days


@pytest.mark.parametrize(
    "written", ["明日テレワーク", "来週の月曜は在宅", "help", "2週間", "stop", "通知"]
)
def test_other_sentences_are_left_to_the_parser(written: str) -> None:
    assert reminder_phrase(written) is None
