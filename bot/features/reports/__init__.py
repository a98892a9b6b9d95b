"""Fiscal-year reports: tables, outputs, charts and the chat card."""

from bot.features.reports import texts as _texts  # noqa: F401  (registers the sentences)
