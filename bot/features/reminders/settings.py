"""People control their reminders from chat: pause (「通知を停止」, 「2週間止めて」, "pause
reminders for two weeks"), resume, snooze a nudge, and the Friday digest opt-in. The phrases
are understood by ``dialogs.understanding.reminders``; the buttons carry the same values.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from pydantic import Field, StrictInt

from bot.core.reminders import PAUSE_DAYS, SNOOZE_DAYS, ReminderServices
from bot.core.router import Payload
from bot.core.turn import Reply, Turn
from bot.features.reminders.status_note import status_notes
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import short_date
from bot.ui.texts import text
from dialogs.understanding import MAX_PAUSE_DAYS, Interpretation


class Pause(Payload):
    """A pause button: for ``days`` days, or (None) until resumed."""

    days: Annotated[StrictInt, Field(ge=1, le=MAX_PAUSE_DAYS)] | None = None


class Snooze(Payload):
    days: Annotated[StrictInt, Field(ge=1, le=31)] = SNOOZE_DAYS


def _repositories(turn: Turn) -> ReminderServices:
    return turn.services.get(ReminderServices)


async def show(turn: Turn, _payload: object) -> Reply:
    """「通知設定」: the current state with buttons."""
    viewer = await turn.staff()
    lang, today = turn.lang, turn.services.today()
    pref = await _repositories(turn).preferences.get(viewer.member.employee_id)
    lines = [heading(text(lang, "reminders.title"))]
    if pref.paused_indefinitely:
        lines.append(paragraph(text(lang, "reminders.state.paused")))
    elif pref.paused_until is not None and pref.paused_until >= today:
        until = short_date(pref.paused_until, lang)
        lines.append(paragraph(text(lang, "reminders.state.paused_until", until=until)))
    else:
        lines.append(paragraph(text(lang, "reminders.state.active")))
    if pref.snoozed_until is not None and pref.snoozed_until >= today:
        until = short_date(pref.snoozed_until, lang)
        lines.append(paragraph(text(lang, "reminders.state.snoozed", until=until)))
    digest = "reminders.state.digest_on" if pref.digest else "reminders.state.digest_off"
    lines.append(paragraph(text(lang, digest)))
    notes = status_notes(turn.services)
    if notes is not None:
        shown = "reminders.state.teams_on" if pref.teams_status else "reminders.state.teams_off"
        lines.append(paragraph(text(lang, shown)))
    paused = pref.paused_on(today)
    actions = [
        execute(text(lang, "reminders.button.resume"), "reminders_resume")
        if paused
        else execute(text(lang, "reminders.button.pause"), "reminders_pause", days=PAUSE_DAYS),
        execute(text(lang, "reminders.button.digest_off"), "digest_off")
        if pref.digest
        else execute(text(lang, "reminders.button.digest_on"), "digest_on"),
    ]
    if notes is not None:  # hidden when Microsoft 365 is off or refused the permission
        actions.append(
            execute(text(lang, "reminders.button.teams_off"), "teams_status_off")
            if pref.teams_status
            else execute(text(lang, "reminders.button.teams_on"), "teams_status_on")
        )
    return Reply(card=card(lines, actions))


async def pause(turn: Turn, payload: Pause) -> Reply:
    return await _pause(turn, payload.days)


async def pause_said(turn: Turn, meaning: Interpretation) -> Reply:
    """「2週間止めて」, "pause reminders", …"""
    return await _pause(turn, meaning.days)


async def _pause(turn: Turn, days: int | None) -> Reply:
    viewer = await turn.staff()
    employee_id = viewer.member.employee_id
    if days is None:
        await _repositories(turn).preferences.pause(employee_id, None, actor=employee_id)
        return Reply(text=text(turn.lang, "reminders.paused"))
    days = max(1, min(days, MAX_PAUSE_DAYS))
    until = turn.services.today() + timedelta(days=days - 1)
    await _repositories(turn).preferences.pause(employee_id, until, actor=employee_id)
    shown = short_date(until, turn.lang)
    return Reply(text=text(turn.lang, "reminders.paused_until", until=shown))


async def resume(turn: Turn, _payload: object) -> Reply:
    viewer = await turn.staff()
    employee_id = viewer.member.employee_id
    await _repositories(turn).preferences.resume(employee_id, actor=employee_id)
    return Reply(text=text(turn.lang, "reminders.resumed"))


async def snooze(turn: Turn, payload: Snooze) -> Reply:
    """The nudge card's snooze: no quota nudges for a week (other messages still come)."""
    viewer = await turn.staff()
    days = payload.days
    until = turn.services.today() + timedelta(days=days - 1)
    employee_id = viewer.member.employee_id
    await _repositories(turn).preferences.snooze(employee_id, until, actor=employee_id)
    shown = short_date(until, turn.lang)
    return Reply(card=card([paragraph(text(turn.lang, "nudge.snoozed", until=shown))]))


async def digest_on(turn: Turn, _payload: object) -> Reply:
    return await _digest(turn, True)


async def digest_off(turn: Turn, _payload: object) -> Reply:
    return await _digest(turn, False)


async def _digest(turn: Turn, on: bool) -> Reply:
    viewer = await turn.staff()
    employee_id = viewer.member.employee_id
    await _repositories(turn).preferences.set_digest(employee_id, on, actor=employee_id)
    return Reply(text=text(turn.lang, "reminders.digest_on" if on else "reminders.digest_off"))


async def resume_said(turn: Turn, _meaning: Interpretation) -> Reply:
    return await resume(turn, None)


async def digest_on_said(turn: Turn, _meaning: Interpretation) -> Reply:
    return await _digest(turn, True)


async def digest_off_said(turn: Turn, _meaning: Interpretation) -> Reply:
    return await _digest(turn, False)
