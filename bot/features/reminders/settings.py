"""People control their reminders from chat: pause (「通知を停止」, 「2週間止めて」, "pause
reminders for two weeks"), resume, snooze a nudge, and the Friday digest opt-in.

The understanding parser does not know these phrases: :func:`match_reminder_phrase` is a
small matcher the text route calls before it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import bot.features.nudges.texts  # noqa: F401  (registers the sentences)
from bot.core.turn import Handler, Reply, Turn
from bot.features.nudges.nudges import PAUSE_DAYS, SNOOZE_DAYS, ReminderServices
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import short_date
from bot.ui.texts import text

MAX_PAUSE_DAYS = 365
_NUMBER = r"(\d{1,3}|[一二三四五六七八九十]|one|two|three|four|five|six|a|an)"
_UNIT_JA = r"(日間|日|週間|週|か月|ヶ月|カ月|ケ月|ヵ月)"
_UNIT_EN = r"(days?|weeks?|months?)"
_NOUN_JA = r"(通知|リマインド|リマインダー|お知らせ|案内)"
_NOUN_EN = r"(reminders?|notifications?|nudges?)"
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
_PAUSE_FOR_JA = re.compile(
    rf"^(?:{_NOUN_JA}を?)?{_NUMBER}{_UNIT_JA}(?:ほど|くらい|ぐらい)?"
    rf"(?:{_NOUN_JA}を?)?(止めて|とめて|停止|止める|休み|オフ|ミュート)"
)
_PAUSE_FOR_EN = re.compile(
    rf"^(?:please )?(?:pause|stop|mute|snooze) (?:the |my )?{_NOUN_EN} for {_NUMBER} {_UNIT_EN}"
)
_PAUSE_JA = re.compile(rf"^{_NOUN_JA}を?(停止|止めて|とめて|止める|オフ|ミュート|不要)")
_PAUSE_EN = re.compile(rf"^(?:please )?(?:pause|stop|mute|turn off) (?:the |my |all )?{_NOUN_EN}")
_RESUME_JA = re.compile(rf"^{_NOUN_JA}を?(再開|オン|戻して)")
_RESUME_EN = re.compile(rf"^(?:please )?(?:resume|unpause|restart|turn on) (?:the |my )?{_NOUN_EN}")
_DIGEST_ON = re.compile(r"^(週次まとめ|週間まとめ|weekly digest|weekly summary)(を受け取る| on$|$)")
_DIGEST_OFF = re.compile(r"^(週次まとめ|週間まとめ|weekly digest|weekly summary)(を止める| off$)")


@dataclass(frozen=True)
class ReminderPhrase:
    """A recognised phrase: the handler verb and its data (as a card button would send)."""

    command: str
    data: dict[str, Any] = field(default_factory=dict)


def _days(number: str, unit: str) -> int:
    count = int(number) if number.isdigit() else _WORDS[number]
    if unit.startswith(("週", "week")):
        count *= 7
    elif unit.startswith(("か", "ヶ", "カ", "ケ", "ヵ", "month")):
        count *= 30  # a month of pause: 30 days (said roughly, read roughly)
    return max(1, min(count, MAX_PAUSE_DAYS))


def match_reminder_phrase(written: str) -> ReminderPhrase | None:
    """「通知を停止」→ pause until resumed; 「2週間止めて」/"pause reminders for two weeks" →
    pause 14 days; 「通知を再開」/"resume reminders" → resume; 「週次まとめを受け取る」/"weekly
    digest on|off". None for anything else (the normal parser handles it)."""
    value = " ".join(unicodedata.normalize("NFKC", written).lower().split())
    value = value.rstrip("。.!！ ")
    compact = value.replace(" ", "")
    if m := _PAUSE_FOR_JA.match(compact):
        return ReminderPhrase("reminders_pause", {"days": _days(m[2], m[3])})
    if m := _PAUSE_FOR_EN.match(value):
        return ReminderPhrase("reminders_pause", {"days": _days(m[2], m[3])})
    if _PAUSE_JA.match(compact) or _PAUSE_EN.match(value):
        return ReminderPhrase("reminders_pause", {"days": None})
    if _RESUME_JA.match(compact) or _RESUME_EN.match(value):
        return ReminderPhrase("reminders_resume")
    if _DIGEST_OFF.match(value):
        return ReminderPhrase("digest_off")
    if _DIGEST_ON.match(value):
        return ReminderPhrase("digest_on")
    return None


class ReminderSettings:
    """Chat handlers for reminder preferences (closures over the repositories)."""

    def __init__(self, services: ReminderServices) -> None:
        self._services = services

    def handlers(self) -> dict[str, Handler]:
        return {
            "reminders": self.show,
            "reminders_pause": self.pause,
            "reminders_resume": self.resume,
            "nudge_snooze": self.snooze,
            "digest_on": self.digest_on,
            "digest_off": self.digest_off,
        }

    async def show(self, turn: Turn) -> Reply:
        """「通知設定」: the current state with buttons."""
        viewer = await turn.staff()
        lang, today = turn.lang, turn.features.today()
        pref = await self._services.preferences.get(viewer.member.employee_id)
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
        paused = pref.paused_on(today)
        actions = [
            execute(text(lang, "reminders.button.resume"), "reminders_resume")
            if paused
            else execute(text(lang, "reminders.button.pause"), "reminders_pause", days=PAUSE_DAYS),
            execute(text(lang, "reminders.button.digest_off"), "digest_off")
            if pref.digest
            else execute(text(lang, "reminders.button.digest_on"), "digest_on"),
        ]
        return Reply(card=card(lines, actions))

    async def pause(self, turn: Turn) -> Reply:
        viewer = await turn.staff()
        raw = turn.data.get("days")
        days = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
        employee_id = viewer.member.employee_id
        if days is None:
            await self._services.preferences.pause(employee_id, None, actor=employee_id)
            return Reply(text=text(turn.lang, "reminders.paused"))
        days = max(1, min(days, MAX_PAUSE_DAYS))
        until = turn.features.today() + timedelta(days=days - 1)
        await self._services.preferences.pause(employee_id, until, actor=employee_id)
        shown = short_date(until, turn.lang)
        return Reply(text=text(turn.lang, "reminders.paused_until", until=shown))

    async def resume(self, turn: Turn) -> Reply:
        viewer = await turn.staff()
        employee_id = viewer.member.employee_id
        await self._services.preferences.resume(employee_id, actor=employee_id)
        return Reply(text=text(turn.lang, "reminders.resumed"))

    async def snooze(self, turn: Turn) -> Reply:
        """The nudge card's snooze: no quota nudges for a week (other messages still come)."""
        viewer = await turn.staff()
        raw = turn.data.get("days")
        days = raw if isinstance(raw, int) and 1 <= raw <= 31 else SNOOZE_DAYS
        until = turn.features.today() + timedelta(days=days - 1)
        employee_id = viewer.member.employee_id
        await self._services.preferences.snooze(employee_id, until, actor=employee_id)
        shown = short_date(until, turn.lang)
        return Reply(card=card([paragraph(text(turn.lang, "nudge.snoozed", until=shown))]))

    async def digest_on(self, turn: Turn) -> Reply:
        return await self._digest(turn, True)

    async def digest_off(self, turn: Turn) -> Reply:
        return await self._digest(turn, False)

    async def _digest(self, turn: Turn, on: bool) -> Reply:
        viewer = await turn.staff()
        employee_id = viewer.member.employee_id
        await self._services.preferences.set_digest(employee_id, on, actor=employee_id)
        return Reply(text=text(turn.lang, "reminders.digest_on" if on else "reminders.digest_off"))
