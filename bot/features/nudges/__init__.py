"""Quota nudges and the Friday digest (scheduled jobs)."""

from bot.features.nudges import texts as _texts  # noqa: F401  (registers the sentences)
