"""My progress against my telework targets: a personal card, never shown in a group."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, route
from bot.features.progress.progress import progress

PROGRESS = Words(
    words={
        "ja": ("目標", "進捗", "達成状況", "私の進捗"),
        "en": ("my status", "my progress", "progress", "status"),
    },
    title={"ja": "目標", "en": "my status"},
    description={
        "ja": "テレワーク目標に対するあなたの進捗を表示します",
        "en": "Show your progress against your telework targets",
    },
    example={"ja": "進捗", "en": "my progress"},
)

ROUTES = (route("progress", progress, NoPayload, words=PROGRESS),)
INTENTS = ()
