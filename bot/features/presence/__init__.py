"""Presence reports: 業務開始, 離席, 戻りました, 業務終了."""

from bot.features.presence import texts as _texts  # noqa: F401  (registers the sentences)
