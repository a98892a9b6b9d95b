"""Who is where: the section board, a person's day, my schedule, section figures."""

from bot.features.board import texts as _texts  # noqa: F401  (registers the sentences)
