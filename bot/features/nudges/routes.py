"""Nudges and the digest have no commands or buttons of their own (their cards' buttons
belong to declaring and reminders): only scheduled jobs."""

from __future__ import annotations

from bot.features.nudges.jobs import JOBS

ROUTES = ()
INTENTS = ()
__all__ = ["INTENTS", "JOBS", "ROUTES"]
