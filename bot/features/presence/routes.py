"""Presence: the meanings of free text this feature answers (業務開始, 離席, …)."""

from __future__ import annotations

from bot.core.router import on_intents
from bot.features.presence.presence import end, presence, start
from dialogs.understanding import Intent

ROUTES = ()

INTENTS = (
    on_intents((Intent.REPORT_START,), start),
    on_intents((Intent.REPORT_END,), end),
    on_intents((Intent.PRESENCE,), presence),
)
