"""Presence: the meanings of free text this feature answers (業務開始, 離席, …) and the
chief's 勤務間インターバル counts."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, on_intents, route
from bot.features.presence.interval import section_intervals
from bot.features.presence.presence import end, presence, start
from dialogs.understanding import Intent
from domain.org import Role

INTERVAL = Words(
    words={
        "ja": ("インターバル", "勤務間インターバル"),
        "en": ("rest check", "interval check"),
    },
    title={"ja": "インターバル", "en": "rest check"},
    description={
        "ja": "課室で勤務間インターバルが目安より短かった件数を表示します（課室長）",
        "en": "How often your section started work too soon after the previous day (chiefs)",
    },
    example={"ja": "インターバル", "en": "rest check"},
    in_menu=False,
)

ROUTES = (
    route(
        "interval",
        section_intervals,
        NoPayload,
        roles=(Role.SECTION_CHIEF, Role.ADMIN),
        denied="interval.denied",
        words=INTERVAL,
    ),
)

INTENTS = (
    on_intents((Intent.REPORT_START,), start),
    on_intents((Intent.REPORT_END,), end),
    on_intents((Intent.PRESENCE,), presence),
)
