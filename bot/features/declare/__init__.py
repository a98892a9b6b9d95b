"""Declaring telework and other statuses: read back, confirm, the form, cancel, weekly patterns."""

from bot.features.declare import texts as _texts  # noqa: F401  (registers the sentences)
