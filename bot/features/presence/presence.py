"""Presence reports: 業務開始・業務終了, 離席, 戻りました, 会議中 — timestamped."""

from __future__ import annotations

from bot.core.turn import Reply, Turn
from bot.ui.texts import text
from dialogs.understanding import Interpretation, Status

_STATUS_KINDS = {Status.AWAY: "away", Status.BACK: "back", Status.MEETING: "meeting"}


async def report(turn: Turn, kind: str) -> Reply:
    """Record ``kind`` (start/end/away/back/meeting) now and read the time back."""
    viewer = await turn.staff()
    now = turn.services.now()
    await turn.services.schedule.record_presence(viewer.member.employee_id, kind, at=now)
    local = now.astimezone(turn.services.calendar.tz)
    key = {"start": "report_start", "end": "report_end"}.get(kind, kind)
    return Reply(text=text(turn.lang, f"presence.{key}", time=f"{local:%H:%M}"))


async def start(turn: Turn, _meaning: Interpretation) -> Reply:
    return await report(turn, "start")


async def end(turn: Turn, _meaning: Interpretation) -> Reply:
    return await report(turn, "end")


async def presence(turn: Turn, meaning: Interpretation) -> Reply:
    """離席 / 戻りました / 会議中."""
    status = meaning.entries[0].status if meaning.entries else None
    kind = _STATUS_KINDS.get(status) if status is not None else None
    if kind is None:
        return Reply(text=text(turn.lang, "question.which_day"))
    return await report(turn, kind)
