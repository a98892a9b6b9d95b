"""Presence reports: 業務開始・業務終了, 離席, 戻りました, 会議中 — timestamped.

A 業務開始 sooner than the policy's 勤務間インターバル after the previous day's 業務終了 gets
a polite word to the person (and to nobody else); a section chief sees only how many such
starts their section had (:mod:`bot.features.presence.interval`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.turn import Reply, Turn
from bot.ui.formatting import short_date
from bot.ui.texts import Lang, text
from dialogs.understanding import Interpretation, Status
from domain.worktime import PresenceHistory, hours_and_minutes, interval_cases

_STATUS_KINDS = {Status.AWAY: "away", Status.BACK: "back", Status.MEETING: "meeting"}


async def report(turn: Turn, kind: str) -> Reply:
    """Record ``kind`` (start/end/away/back/meeting) now and read the time back."""
    viewer = await turn.staff()
    now = turn.services.now()
    employee_id = viewer.member.employee_id
    await turn.services.schedule.record_presence(employee_id, kind, at=now)
    local = now.astimezone(turn.services.calendar.tz)
    key = {"start": "report_start", "end": "report_end"}.get(kind, kind)
    said = text(turn.lang, f"presence.{key}", time=f"{local:%H:%M}")
    if kind == "start":
        warning = await _interval_warning(turn, employee_id, now)
        if warning:
            said = f"{said}\n\n{warning}"
    return Reply(text=said)


async def _interval_warning(turn: Turn, employee_id: str, now: datetime) -> str | None:
    """The polite word when this start came too soon after the previous day's end."""
    rules = turn.services.policy.worktime
    if not rules.interval_check:
        return None
    history = turn.services.get(PresenceHistory)  # type: ignore[type-abstract]
    tz = turn.services.calendar.tz
    # The previous period started on an earlier day and ended less than a day ago.
    reports = await history.presence_reports(
        now - timedelta(days=3), now + timedelta(seconds=1), [employee_id]
    )
    for case in interval_cases(reports, rules, tz):
        if abs(case.start - now) < timedelta(seconds=1):
            return interval_text(turn.lang, case.previous_end, case.rest, rules.interval_hours, tz)
    return None


def interval_text(
    lang: Lang, previous_end: datetime, rest: timedelta, interval_hours: float, tz: ZoneInfo
) -> str:
    """「前回の業務終了（12/1(火) 23:30）から9時間30分で…」"""
    end = previous_end.astimezone(tz)
    hours, minutes = hours_and_minutes(rest)
    return text(
        lang,
        "presence.interval_short",
        end=f"{short_date(end.date(), lang)} {end:%H:%M}",
        hours=hours,
        minutes=minutes,
        interval=f"{interval_hours:g}",
    )


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
