"""Presence reports: 業務開始・業務終了, 離席, 戻りました, 会議中 — timestamped."""

from __future__ import annotations

from bot.core.turn import Reply, Turn
from bot.ui.texts import text

KINDS = {
    "report_start": "start",
    "report_end": "end",
    "away": "away",
    "back": "back",
    "meeting": "meeting",
}


async def report(turn: Turn, kind: str) -> Reply:
    """Record ``kind`` (start/end/away/back/meeting) now and read the time back."""
    viewer = await turn.staff()
    now = turn.features.now()
    await turn.features.schedule.record_presence(viewer.member.employee_id, kind, at=now)
    local = now.astimezone(turn.features.calendar.tz)
    key = {"start": "report_start", "end": "report_end"}.get(kind, kind)
    return Reply(text=text(turn.lang, f"presence.{key}", time=f"{local:%H:%M}"))
