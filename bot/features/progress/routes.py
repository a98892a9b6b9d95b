"""My progress against my telework targets: a personal card, never shown in a group."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, on_intents, route
from bot.features.progress.progress import progress
from dialogs.understanding import Intent

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
# 「あと何回？」「今月何回テレワークした？」"how many days do I have left?"
INTENTS = (on_intents((Intent.QUERY_PROGRESS,), progress),)
