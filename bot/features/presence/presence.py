"""Presence reports: 業務開始・業務終了, 離席, 戻りました, 会議中 — timestamped.

A report is recorded at the time the person stated (「9時に業務開始しました」 at 10:17 records
09:00), else now. A stated time must be today, not in the future and not before the person's
latest report of the day; the reply says the recorded time back. 「開始時刻を9:00に修正」
moves today's start of work (or 「終了時刻を…」 its end) to the stated time, between the
reports around it. An end less than ``SHORT_DAY`` after the start is recorded with a warning
(a start reported late, or an end sent by mistake).

A 業務開始 sooner than the policy's 勤務間インターバル after the previous day's 業務終了 gets
a polite word to the person (and to nobody else); a section chief sees only how many such
starts their section had (:mod:`bot.features.presence.interval`).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.turn import Reply, Turn
from bot.ui.formatting import short_date
from bot.ui.texts import Lang, text
from dialogs.understanding import Interpretation, Status
from domain.schedule import PresenceReport
from domain.worktime import PresenceHistory, hours_and_minutes, interval_cases

_STATUS_KINDS = {Status.AWAY: "away", Status.BACK: "back", Status.MEETING: "meeting"}
SHORT_DAY = timedelta(hours=1)
GRACE = timedelta(minutes=1)  # a stated time a few seconds ahead of the clock is "now"


def _hhmm(at: datetime, turn: Turn) -> str:
    return f"{at.astimezone(turn.services.calendar.tz):%H:%M}"


def _kind_label(lang: Lang, kind: str) -> str:
    return text(lang, f"presence.kind.{kind}")


async def report(turn: Turn, kind: str, stated: time | None = None) -> Reply:
    """Record ``kind`` (start/end/away/back/meeting) at ``stated`` today, else now, and read
    the time back."""
    viewer = await turn.staff()
    lang = turn.lang
    services = turn.services
    now = services.now()
    tz = services.calendar.tz
    midnight = datetime.combine(services.today(), time(0), tzinfo=tz)
    earlier = await services.schedule.presence_reports(viewer.member.employee_id, midnight)
    at = now
    if stated is not None:
        at = datetime.combine(services.today(), stated, tzinfo=tz)
        if at > now + GRACE:
            return Reply(
                text=text(lang, "presence.future", time=f"{stated:%H:%M}", now=_hhmm(now, turn))
            )
        if at > now:
            at = now
        if earlier and at < earlier[-1].at:
            last = earlier[-1]
            return Reply(
                text=text(
                    lang,
                    "presence.before_earlier",
                    time=f"{stated:%H:%M}",
                    kind=_kind_label(lang, last.kind),
                    earlier=_hhmm(last.at, turn),
                )
            )
    await services.schedule.record_presence(viewer.member.employee_id, kind, at=at)
    key = {"start": "report_start", "end": "report_end"}.get(kind, kind)
    if stated is None:
        lines = [text(lang, f"presence.{key}", time=_hhmm(at, turn))]
    else:
        lines = [text(lang, f"presence.{key}.stated", time=_hhmm(at, turn), now=_hhmm(now, turn))]
    if kind == "end":
        lines.extend(_short_day(turn, earlier, at))
    if kind == "start":
        warning = await _interval_warning(turn, viewer.member.employee_id, at)
        if warning:
            lines.append(warning)
    return Reply(text="\n\n".join(lines))


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


def _short_day(turn: Turn, earlier: list[PresenceReport], end: datetime) -> list[str]:
    starts = [r for r in earlier if r.kind == "start"]
    if not starts:
        return []
    start = starts[-1].at
    if end - start >= SHORT_DAY:
        return []
    minutes = int((end - start).total_seconds() // 60)
    return [text(turn.lang, "presence.short_day", start=_hhmm(start, turn), minutes=minutes)]


async def correct(turn: Turn, kind: str, stated: time) -> Reply:
    """「開始時刻を9:00に修正」: move today's latest ``kind`` report to ``stated``."""
    viewer = await turn.staff()
    lang = turn.lang
    services = turn.services
    now = services.now()
    tz = services.calendar.tz
    midnight = datetime.combine(services.today(), time(0), tzinfo=tz)
    reports = await services.schedule.presence_reports(viewer.member.employee_id, midnight)
    mine = [i for i, r in enumerate(reports) if r.kind == kind]
    label = _kind_label(lang, kind)
    if not mine:
        return Reply(text=text(lang, "presence.nothing_to_correct", kind=label))
    index = mine[-1]
    target = reports[index]
    at = datetime.combine(services.today(), stated, tzinfo=tz)
    if at > now + GRACE:
        return Reply(
            text=text(lang, "presence.future", time=f"{stated:%H:%M}", now=_hhmm(now, turn))
        )
    before = reports[index - 1] if index > 0 else None
    after = reports[index + 1] if index + 1 < len(reports) else None
    for neighbour, wrong in (
        (before, before is not None and at < before.at),
        (after, after is not None and at > after.at),
    ):
        if wrong and neighbour is not None:
            return Reply(
                text=text(
                    lang,
                    "presence.correct_out_of_order",
                    time=f"{stated:%H:%M}",
                    kind=_kind_label(lang, neighbour.kind),
                    other=_hhmm(neighbour.at, turn),
                )
            )
    at = min(at, now)
    if not await services.schedule.correct_presence(
        target.id, at=at, actor=viewer.member.employee_id
    ):
        return Reply(text=text(lang, "presence.nothing_to_correct", kind=label))
    lines = [
        text(
            lang,
            "presence.corrected",
            kind=label,
            before=_hhmm(target.at, turn),
            time=_hhmm(at, turn),
        )
    ]
    if kind == "end":
        lines.extend(_short_day(turn, reports[:index], at))
    elif kind == "start" and after is not None and after.kind == "end":
        lines.extend(_short_day(turn, [PresenceReport(target.id, "start", at)], after.at))
    return Reply(text="\n\n".join(lines))


async def start(turn: Turn, meaning: Interpretation) -> Reply:
    if meaning.correction and meaning.at is not None:
        return await correct(turn, "start", meaning.at)
    return await report(turn, "start", meaning.at)


async def end(turn: Turn, meaning: Interpretation) -> Reply:
    if meaning.correction and meaning.at is not None:
        return await correct(turn, "end", meaning.at)
    return await report(turn, "end", meaning.at)


async def presence(turn: Turn, meaning: Interpretation) -> Reply:
    """離席 / 戻りました / 会議中."""
    status = meaning.entries[0].status if meaning.entries else None
    kind = _STATUS_KINDS.get(status) if status is not None else None
    if kind is None:
        return Reply(text=text(turn.lang, "question.which_day"))
    return await report(turn, kind, meaning.at)
