"""Reminder settings: pause, resume, snooze, the digest opt-in."""

from bot.features.reminders import texts as _texts  # noqa: F401  (registers the sentences)
