"""My progress against my telework targets."""

from bot.features.progress import texts as _texts  # noqa: F401  (registers the sentences)
