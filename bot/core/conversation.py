"""Free text → the parser → the flow that answers it. Explicit commands are routed before
this (bot.core.commands); whatever the parser is unsure about becomes a question, never a guess."""

from __future__ import annotations

from typing import Any

from bot.core.turn import Reply, Turn
from bot.features.board import board
from bot.features.declare import declare, recurring
from bot.features.presence import presence
from bot.ui.texts import text
from dialogs.understanding import parse

_PRESENCE = {"away": "away", "back": "back", "meeting": "meeting"}


def understand(turn: Turn, written: str) -> dict[str, Any]:
    features = turn.features
    interpretation = parse(
        written,
        today=features.today(),
        lang=turn.lang,
        calendar=features.calendar,
        retroactive_days=features.policy.declarations.retroactive_working_days,
    )
    return interpretation.to_json()


async def answer(turn: Turn, meaning: dict[str, Any]) -> Reply | None:
    """The reply for an understood message; None when it was not understood at all."""
    intent = meaning["intent"]
    entries: list[dict[str, Any]] = meaning.get("entries") or []
    if meaning.get("question") and intent not in ("query_person",):
        return Reply(text=meaning["question"])
    if intent in ("declare", "change", "request_approval"):
        return await declare.declare(turn, entries)
    if intent == "declare_recurring":
        return await recurring.declare_recurring(turn, meaning.get("recurrence") or {})
    if intent == "cancel":
        return await declare.cancel(turn, entries)
    if intent == "cancel_recurring":
        return await recurring.cancel_recurring(turn, meaning.get("recurrence"))
    if intent == "report_start":
        return await presence.report(turn, "start")
    if intent == "report_end":
        return await presence.report(turn, "end")
    if intent == "presence":
        status = entries[0]["status"] if entries else None
        if status in _PRESENCE:
            return await presence.report(turn, _PRESENCE[status])
        return Reply(text=text(turn.lang, "question.which_day"))
    if intent == "query_who":
        return await board.board(turn, entries, meaning.get("period"))
    if intent == "query_person" and meaning.get("person"):
        return await board.person(turn, str(meaning["person"]), entries, meaning.get("period"))
    if intent == "query_self":
        return await board.my_schedule(turn)
    if intent == "query_stats":
        return await board.section_stats(turn)
    return None
