"""Nudge planning from everyone's statuses counted in one statement (``plan_nudges``) makes
exactly the plan of the path it replaced (every staff record, counts per period, decisions
per person, the days ahead as ``ScheduleFacts``), on a generated roster with Teams identities,
paused and snoozed people, nudges already issued, leave and 週休日 today, on SQLite and
PostgreSQL, with and without the fatigue guard."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from random import Random

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_services
from bot.core.reminders import ReminderServices
from bot.features.nudges.nudges import PlannedNudge, plan_nudges
from domain.nudges import (
    NUDGE_KIND,
    SUGGESTION_HORIZON,
    FatigueGuard,
    NudgePlanner,
    PromptHistory,
    days_ahead,
    suggest_day,
)
from domain.org import sections_of
from domain.policy import Fatigue, default_policy
from storage.ledger_sql import DELIVERY
from storage.preferences import UserPreferenceRow
from storage.report_queries import ENTRY
from storage.tables import TeamsIdentity
from tests.generated_roster import generate, seed

POLICY = default_policy()
NOW = datetime(2026, 3, 1, tzinfo=UTC)
DAYS = (date(2026, 7, 22), date(2026, 10, 21), date(2026, 11, 18), date(2027, 3, 17))


async def plan_before(
    services: ReminderServices, today: date, guard: FatigueGuard | None = None
) -> list[PlannedNudge]:
    """``plan_nudges`` as it was before statuses were read in one statement."""
    core = services.core
    policy, calendar = core.policy, core.calendar
    planner = NudgePlanner(policy, calendar, today)
    if not planner.any_due:
        return []
    horizon_end = calendar.add_working_days(today, SUGGESTION_HORIZON)
    ahead = days_ahead(today, calendar)
    windows = list({(p.start, p.end): p for p in planner.periods.values()}.values())
    prefixes = [f"{cid}:{period.key}:" for cid, period in planner.periods.items()]
    staff = await core.directory.staff(active_only=True)
    chat = await services.facts.chat_ids()
    declared = await services.facts.declared_per_period(windows, today, calendar.is_working_day)
    facts = await services.facts.schedule(
        today + timedelta(days=1), horizon_end, today, horizon_end
    )
    issued = await services.facts.issued(NUDGE_KIND, prefixes)
    preferences = await services.preferences.all()
    designated = await services.campaigns.designated_days(today + timedelta(days=1), horizon_end)
    sections = sections_of(staff, await core.directory.chart())
    section_days: dict[str, Counter[date]] = {}
    for emp, days in facts.telework.items():
        section = sections.get(emp)
        if section is not None:
            counts = section_days.setdefault(section, Counter())
            counts.update(d for d, _ in days if today < d <= horizon_end)
    planned = []
    for emp in sorted(staff):
        chat_id = chat.get(emp)
        if chat_id is None:
            continue
        member = staff[emp]
        preference = preferences.get(emp)
        decision = planner.decide_counted(
            member,
            declared.get(emp, {}),
            issued=issued.get(chat_id, {}),
            on_leave=facts.on_leave(emp, today),
            hold=preference.hold_on(today) if preference else None,
        )
        if decision is None:
            continue
        if guard is not None:
            if not guard.allows(chat_id, nudge=True):
                continue
            guard.record(chat_id)
        section = sections.get(emp)
        own_days = designated.get(section, []) if section else []
        suggested = suggest_day(
            today,
            decision.period,
            calendar,
            designated=own_days,
            section_days=section_days.get(section) if section else None,
            busy=facts.busy.get(emp, set()),
            ahead=ahead,
        )
        planned.append(PlannedNudge(member, chat_id, decision, suggested, suggested in own_days))
    return planned


async def seed_reach(engine: AsyncEngine, employee_ids: list[str], rng: Random) -> None:
    """Teams identities (not everyone's), preferences, issued nudges and days off."""
    identities, preferences, deliveries, entries = [], [], [], []
    for emp in employee_ids:
        if rng.random() < 0.1:
            continue  # never talked to the bot
        chat_id = f"29:{emp}"
        identities.append({"tenant_id": "t", "teams_user_id": chat_id, "employee_id": emp,
                           "first_seen_at": NOW, "last_seen_at": NOW})  # fmt: skip
        roll = rng.random()
        if roll < 0.15:
            preferences.append({
                "employee_id": emp,
                "paused_until": date(2026, 11, 19) if roll < 0.05 else None,
                "paused_indefinitely": 0.05 <= roll < 0.07,
                "snoozed_until": date(2026, 7, 23) if roll >= 0.1 else None,
                "digest": False, "updated_at": NOW,
            })  # fmt: skip
        for key in ("general:2026-W47:1", "manager:FY2026:1", "manager:FY2026:2",
                    "care:FY2026-11:1", "care:FY2026-07:1"):  # fmt: skip
            if rng.random() < 0.12:
                deliveries.append({
                    "recipient": chat_id, "kind": NUDGE_KIND, "period_key": key,
                    "payload": {}, "status": "sent", "available_at": NOW,
                    "created_at": NOW, "updated_at": NOW,
                })  # fmt: skip
        for day in DAYS:
            if rng.random() < 0.04:
                status = rng.choice(("leave", "no_hours", "office"))
                entries.append({"employee_id": emp, "day": day, "part": "full",
                                "status": status, "state": "confirmed", "source": "test",
                                "created_at": NOW, "updated_at": NOW})  # fmt: skip
    async with engine.begin() as conn:
        identity = TeamsIdentity.__table__  # type: ignore[attr-defined]
        preference = UserPreferenceRow.__table__  # type: ignore[attr-defined]
        for table, rows in ((identity, identities), (preference, preferences),
                            (DELIVERY, deliveries), (ENTRY, entries)):  # fmt: skip
            if rows:
                await conn.execute(insert(table), rows)


def _guard(rng: Random) -> FatigueGuard:
    histories = {
        f"29:G{n:04d}": PromptHistory(this_week=rng.choice((0, 0, 1, 2)), today=0)
        for n in range(0, 400, 3)
    }
    return FatigueGuard(Fatigue(), histories, NOW)


async def test_plan_equals_the_plan_before(engine: AsyncEngine) -> None:
    roster = generate(41, 400, date(2026, 3, 20), date(2027, 4, 10))
    await seed(engine, roster)
    await seed_reach(engine, [m.employee_id for m in roster.staff], Random(5))
    features = build_services(engine, POLICY, clock=lambda: NOW)
    services = ReminderServices.build(engine, features)
    planned = 0
    for today in DAYS:
        before = await plan_before(services, today)
        assert await plan_nudges(services, today) == before
        planned += len(before)
        with_guard = await plan_nudges(services, today, _guard(Random(today.toordinal())))
        assert with_guard == await plan_before(services, today, _guard(Random(today.toordinal())))
        assert len(with_guard) < len(before)  # the guard held some back
    assert planned > 300  # decisions, suggestions and members were compared
