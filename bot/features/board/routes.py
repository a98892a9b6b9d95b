"""Who is where: the section board, a person's day, my schedule, the section's figures."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, on_intents, route
from bot.features.board.board import (
    PersonPick,
    board,
    board_today,
    my_schedule,
    person,
    person_pick,
    section_stats,
)
from dialogs.understanding import Intent

BOARD = Words(
    words={"ja": ("ボード", "課の予定", "課のボード"), "en": ("board", "team board")},
    title={"ja": "ボード", "en": "board"},
    description={
        "ja": "今日の課室のメンバーの予定（テレワーク・出勤・休暇など）を表示します",
        "en": "Show who in your section teleworks, is in the office or away today",
    },
    example={
        "ja": "ボード（または「明日誰がテレワーク？」）",
        "en": 'board (or "who is WFH tomorrow?")',
    },
)
SCHEDULE = Words(
    words={"ja": ("私の予定", "自分の予定", "予定確認"), "en": ("my schedule", "schedule")},
    title={"ja": "私の予定", "en": "my schedule"},
    description={"ja": "今後2週間のあなたの予定を表示します", "en": "Show your next two weeks"},
    example={"ja": "私の予定", "en": "my schedule"},
)

# Personal only, like everything about people: a board is for the section, its chief and
# admins, not for whoever is in a group chat (pending requests and leave would show).
ROUTES = (
    route("board", board_today, NoPayload, words=BOARD),
    route("schedule", my_schedule, NoPayload, words=SCHEDULE),
    route("person_pick", person_pick, PersonPick),
)

INTENTS = (
    on_intents((Intent.QUERY_WHO,), board),
    on_intents((Intent.QUERY_PERSON,), person, with_questions=True),
    on_intents((Intent.QUERY_SELF,), my_schedule),
    on_intents((Intent.QUERY_STATS,), section_stats),
)
