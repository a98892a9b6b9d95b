"""Campaigns such as Telework Week: creation, designation and the messages they send."""

from bot.features.campaigns import texts as _texts  # noqa: F401  (registers the sentences)
