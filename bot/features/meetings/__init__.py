"""Team-type telework meetings (チーム型テレワーク)."""

from bot.features.meetings import texts as _texts  # noqa: F401  (registers the sentences)
