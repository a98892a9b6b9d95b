"""The admins' view of proactive deliveries."""

from bot.features.deliveries import texts as _texts  # noqa: F401  (registers the sentences)
