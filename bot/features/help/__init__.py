"""Help, language, the welcome card and the answer to what was not understood."""

from bot.features.help import texts as _texts  # noqa: F401  (registers the sentences)
