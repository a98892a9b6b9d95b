"""Quota nudges as a scheduled job: plan (``domain.nudges``), build one card per person, and
write them to the delivery ledger in one re-runnable fan-out.

The nudge card carries a one-tap declare button (the ``declare_confirm`` verb: the declare
flow validates everything again when it comes back), a snooze and a pause.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.core.reminders import PAUSE_DAYS, SNOOZE_DAYS, ReminderServices
from bot.ui.cards import card, declare_button, execute, heading, paragraph
from bot.ui.formatting import short_date
from bot.ui.messages import card_message, language_of
from bot.ui.texts import Lang, text
from domain.bulk import collector_paused
from domain.delivery import Firing, NewDelivery
from domain.nudges import (
    NUDGE_KIND,
    SUGGESTION_HORIZON,
    FatigueGuard,
    NudgeDecision,
    NudgePlanner,
    days_ahead,
    suggest_day,
)
from domain.org import StaffMember, sections_of_units
from domain.ports import Directory

log = logging.getLogger(__name__)


def nudge_card(
    lang: Lang,
    decision: NudgeDecision,
    category_name: str,
    suggested: date,
    designated: bool,
) -> dict[str, Any]:
    """The nudge: why (the category's target), a suggested day, declare / snooze / pause."""
    key = f"nudge.body.{decision.category}"
    known = decision.category in ("manager", "care", "general")
    body = text(
        lang,
        key if known else "nudge.body.other",
        needed=decision.needed,
        remaining=decision.remaining,
        category=category_name,
    )
    day = short_date(suggested, lang)
    lines = [heading(text(lang, "nudge.title")), paragraph(body)]
    if designated:
        lines.append(paragraph(text(lang, "nudge.suggest.designated", day=day)))
    lines.append(paragraph(text(lang, "nudge.suggest", day=day), subtle=True))
    actions = [
        declare_button(text(lang, "nudge.button.declare", day=day), suggested),
        execute(text(lang, "nudge.button.snooze"), "nudge_snooze", days=SNOOZE_DAYS),
        execute(text(lang, "nudge.button.pause"), "reminders_pause", days=PAUSE_DAYS),
    ]
    return card_message(card(lines, actions), text(lang, "nudge.title"))


@dataclass(frozen=True)
class PlannedNudge:
    """Who gets which nudge today, and the day its button proposes."""

    member: StaffMember
    chat_id: str
    decision: NudgeDecision
    suggested: date
    designated: bool


async def plan_nudges(
    services: ReminderServices, today: date, guard: FatigueGuard | None = None
) -> list[PlannedNudge]:
    """Today's nudges (who gets what): a few set-based reads, then pure planning per person.
    With ``guard``, nudge fatigue holds some back (and what is planned is recorded in it)."""
    with collector_paused():  # 100,000 people's rows and statuses: see domain.bulk
        return await _plan_nudges(services, today, guard)


async def _plan_nudges(
    services: ReminderServices, today: date, guard: FatigueGuard | None
) -> list[PlannedNudge]:
    core = services.core
    policy, calendar = core.policy, core.calendar
    planner = NudgePlanner(policy, calendar, today)
    if not planner.any_due:
        return []
    horizon_end = calendar.add_working_days(today, SUGGESTION_HORIZON)
    ahead = days_ahead(today, calendar)
    windows = list({(p.start, p.end): p for p in planner.periods.values()}.values())
    prefixes = [f"{cid}:{period.key}:" for cid, period in planner.periods.items()]
    # Everyone's status is counted in SQL (done and planned per person and period, next to
    # what the rules read of their record); only the days ahead (the section's busiest day,
    # busy days, leave today) are read as days, and whole records only for those nudged.
    # Independent reads run side by side: one's SQL runs while another's rows are shaped.
    statuses, chat, issued, preferences, sections = await asyncio.gather(
        services.facts.declared_statuses(planner.frame, windows),
        services.facts.chat_ids(),
        services.facts.issued(NUDGE_KIND, prefixes),
        services.preferences.all(),
        _sections(core.directory),
    )
    days, designated = await asyncio.gather(
        services.facts.days_ahead(today, horizon_end, sections),
        services.campaigns.designated_days(today + timedelta(days=1), horizon_end),
    )
    no_days: set[date] = set()
    decided: list[tuple[str, NudgeDecision]] = []
    for status in statuses:
        emp = status.employee_id
        chat_id = chat.get(emp)
        if chat_id is None:
            continue  # never talked to the bot: no conversation to write to
        preference = preferences.get(emp)
        decision = planner.decide_status(
            status,
            issued=issued.get(chat_id, {}),
            on_leave=emp in days.off_today,
            hold=preference.hold_on(today) if preference else None,
        )
        if decision is None:
            continue
        if guard is not None:
            if not guard.allows(chat_id, nudge=True):
                continue  # nudge fatigue: weekly cap, one a day, or backed off
            guard.record(chat_id)
        decided.append((chat_id, decision))
    members = await core.directory.staff(active_only=True, only={d.employee_id for _, d in decided})
    # The suggestion depends only on the period, the section and which days ahead the person
    # already has an entry on: computed once per distinct combination.
    suggestions: dict[tuple[object, ...], tuple[date, bool]] = {}
    planned = []
    for chat_id, decision in decided:
        emp = decision.employee_id
        section = sections.get(emp)
        busy = days.busy.get(emp, no_days)
        key = (decision.period, section, *(d for d in ahead if d in busy))
        found = suggestions.get(key)
        if found is None:
            own_days = designated.get(section, []) if section else []
            suggested = suggest_day(
                today,
                decision.period,
                calendar,
                designated=own_days,
                section_days=days.section_days.get(section) if section else None,
                busy=busy,
                ahead=ahead,
            )
            found = suggestions[key] = (suggested, suggested in own_days)
        member = members.get(emp)
        if member is None:  # deactivated by a roster import since the statuses were read
            continue
        planned.append(PlannedNudge(member, chat_id, decision, *found))
    return planned


async def _sections(directory: Directory) -> dict[str, str]:
    """Employee id → 課/室 of the active staff."""
    units, chart = await asyncio.gather(directory.units(active_only=True), directory.chart())
    return sections_of_units(units, chart)


async def run_nudges(services: ReminderServices, firing: Firing) -> int:
    """The daily nudge job: returns how many nudges were added to the ledger."""
    core = services.core
    policy, calendar = core.policy, core.calendar
    if not policy.nudges.may_send_at(firing.scheduled_for, calendar):
        return 0
    today = calendar.local_date(firing.scheduled_for)
    guard = await services.fatigue_guard(firing.scheduled_for, await services.facts.chat_ids())
    deliveries = []
    for item in await plan_nudges(services, today, guard):
        lang = language_of(item.member)
        name = policy.categories[item.decision.category].name(lang)
        payload = nudge_card(lang, item.decision, name, item.suggested, item.designated)
        key = item.decision.period_key
        deliveries.append(NewDelivery(item.chat_id, NUDGE_KIND, key, payload, run_id=firing.run_id))
    added = await services.enqueue(deliveries)
    log.info("nudges for %s: %d planned, %d new", today, len(deliveries), added)
    return added
