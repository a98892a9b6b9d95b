"""The weekly digest (opt-in): on the last working day of a week, "your next week" with each
working day's declared status and one-tap telework buttons for the free days.

Ledger key ``(recipient, "digest", "<next week's key>")``: once per person and week.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.reminders import ReminderServices
from bot.ui.cards import card, declare_button, heading, paragraph
from bot.ui.formatting import short_date, status_label
from bot.ui.messages import card_message, language_of
from bot.ui.texts import Lang, text
from domain.delivery import Firing, NewDelivery
from domain.nudges import is_digest_day, next_week
from domain.schedule import EntryStatus

DIGEST_KIND = "digest"
MAX_BUTTONS = 5


def digest_card(
    lang: Lang,
    days: list[date],
    telework: set[date],
    leave: set[date],
    busy: set[date],
    no_hours: set[date] | frozenset[date] = frozenset(),
) -> dict[str, Any]:
    """One line per working day of next week; buttons for the days with nothing declared."""
    lines = [
        heading(
            text(
                lang,
                "digest.title",
                start=short_date(days[0], lang),
                end=short_date(days[-1], lang),
            )
        )
    ]
    free = []
    for day in days:
        if day in telework:
            state = status_label(EntryStatus.TELEWORK.value, lang)
        elif day in leave:
            state = status_label(EntryStatus.LEAVE.value, lang)
        elif day in no_hours:  # 週休日（割振り0）: its own status, not the office
            state = status_label(EntryStatus.NO_HOURS.value, lang)
        elif day in busy:
            state = status_label(EntryStatus.OFFICE.value, lang)
        else:
            state = text(lang, "digest.free")
            free.append(day)
        lines.append(paragraph(f"{short_date(day, lang)}　{state}"))
    actions = [
        declare_button(text(lang, "nudge.button.declare", day=short_date(d, lang)), d)
        for d in free[:MAX_BUTTONS]
    ]
    if actions:
        lines.append(paragraph(text(lang, "digest.hint"), subtle=True))
    return card_message(card(lines, actions), text(lang, "digest.title", start="", end=""))


async def run_digest(services: ReminderServices, firing: Firing) -> int:
    """The weekly digest job (fires every weekday afternoon; acts on the week's last working
    day only). Returns how many digests were added."""
    core = services.core
    policy, calendar = core.policy, core.calendar
    if not policy.nudges.may_send_at(firing.scheduled_for, calendar):
        return 0
    today = calendar.local_date(firing.scheduled_for)
    if not is_digest_day(today, calendar):
        return 0
    week, days = next_week(today, calendar)
    if not days:
        return 0
    preferences = await services.preferences.all()
    wanted = {e for e, p in preferences.items() if p.digest and not p.paused_on(today)}
    if not wanted:
        return 0
    staff = await core.directory.staff(active_only=True)
    chat = await services.facts.chat_ids()
    facts = await services.facts.schedule(week.start, week.end, week.start, week.end)
    deliveries = []
    for emp in sorted(wanted):
        member, chat_id = staff.get(emp), chat.get(emp)
        if member is None or chat_id is None:
            continue
        telework = {d for d, _ in facts.telework.get(emp, ())}
        payload = digest_card(
            language_of(member),
            days,
            telework,
            facts.leave.get(emp, set()),
            facts.busy.get(emp, set()),
            facts.no_hours.get(emp, set()),
        )
        deliveries.append(
            NewDelivery(chat_id, DIGEST_KIND, week.key, payload, run_id=firing.run_id)
        )
    return await services.enqueue(deliveries)
