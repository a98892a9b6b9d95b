"""「Teams にも表示」: on a confirmed telework day, the person's Teams status note says so
(「本日テレワーク（〜17:15）」) and expires at the end of that working day.

Opt-in per person from the reminder settings; offered only when Microsoft 365 is connected
with the ``status`` feature and Graph has not refused ``Presence.ReadWrite.All`` (then the
option is hidden and the job stops asking). The job runs at 08:00 and again at noon on
working days (setting the same note twice changes nothing).
"""

from __future__ import annotations

import logging
from datetime import datetime, time

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.reminders import ReminderServices
from bot.core.services import Services
from bot.core.turn import Reply, Turn
from bot.ui.messages import language_of
from bot.ui.texts import text
from domain.delivery import Firing, FiringHandler
from domain.m365 import M365Error, M365Failure, StatusNotes, mailbox_of
from domain.occasions import DayPart
from domain.schedule import EntryState, EntryStatus, ScheduleEntry, part_minutes

log = logging.getLogger(__name__)
JOB_ID = "teams-status"
DEFAULT_CRON = "0 8,12 * * mon-fri"  # the second run catches days confirmed in the morning
NOON = 12 * 60


def connected(services: Services) -> bool:
    """Whether Microsoft 365 status notes are wired (``TELEWORK_GRAPH_FEATURES`` has
    ``status``): without them the job is not scheduled."""
    return services.find(StatusNotes) is not None  # type: ignore[type-abstract]


def status_notes(services: Services) -> StatusNotes | None:
    """The status-note port when it can be offered (connected, permission not refused)."""
    notes = services.find(StatusNotes)  # type: ignore[type-abstract]
    return notes if notes is not None and notes.available else None


def note_until(entries: list[ScheduleEntry], working_day_end: time) -> tuple[str, int] | None:
    """(which note, until when in minutes) for the day's confirmed telework, if any."""
    teleworking = [
        e for e in entries if e.status == EntryStatus.TELEWORK and e.state == EntryState.CONFIRMED
    ]
    if not teleworking:
        return None
    closing = working_day_end.hour * 60 + working_day_end.minute
    parts = {e.part for e in teleworking}
    until = max(min(part_minutes(e.part)[1], closing) for e in teleworking)
    if parts == {DayPart.AM.value}:
        return "am", NOON
    if parts == {DayPart.PM.value}:
        return "pm", until
    return "day", until


async def set_notes(services: Services, notes: StatusNotes, now: datetime) -> int:
    """Set today's note for everyone who asked and teleworks today (confirmed); returns how
    many were set. A refused permission stops the run (and hides the option)."""
    calendar = services.calendar
    today = calendar.local_date(now)
    if not calendar.is_working_day(today):
        return 0
    preferences = services.get(ReminderServices).preferences
    people = await preferences.teams_status_subscribers()
    if not people:
        return 0
    staff = await services.directory.staff(active_only=True)
    by_person: dict[str, list[ScheduleEntry]] = {}
    for entry in await services.schedule.entries_on(today, people):
        by_person.setdefault(entry.employee_id, []).append(entry)
    closing = services.policy.counting.working_day_end
    done = 0
    for employee_id, entries in sorted(by_person.items()):
        member = staff.get(employee_id)
        found = note_until(entries, closing)
        if member is None or found is None:
            continue
        kind, until = found
        expires = calendar.at(today, time(until // 60, until % 60))
        if expires <= now:
            continue
        lang = language_of(member)
        message = text(lang, f"status_note.{kind}", until=f"{until // 60}:{until % 60:02d}")
        try:
            await notes.set_note(mailbox_of(member), message, expires)
        except M365Error as exc:
            if exc.failure == M365Failure.PERMISSION:
                log.warning("status notes refused by Microsoft 365: %s", exc)
                break
            log.warning("status note not set for %s: %s", employee_id, exc.failure.value)
            continue
        done += 1
    return done


def status_job(services: Services, _engine: AsyncEngine) -> FiringHandler:
    async def handle(_firing: Firing) -> None:
        notes = status_notes(services)
        if notes is not None:
            await set_notes(services, notes, services.now())

    return handle


async def teams_status_on(turn: Turn, _payload: object) -> Reply:
    return await _teams_status(turn, True)


async def teams_status_off(turn: Turn, _payload: object) -> Reply:
    return await _teams_status(turn, False)


async def _teams_status(turn: Turn, on: bool) -> Reply:
    viewer = await turn.staff()
    if on and status_notes(turn.services) is None:
        return Reply(text=text(turn.lang, "status_note.unavailable"))
    employee_id = viewer.member.employee_id
    preferences = turn.services.get(ReminderServices).preferences
    await preferences.set_teams_status(employee_id, on, actor=employee_id)
    return Reply(text=text(turn.lang, "status_note.on" if on else "status_note.off"))
