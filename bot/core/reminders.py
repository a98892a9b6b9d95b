"""What the reminder features share (nudges, reminder settings, campaigns, the digest): the
repositories they read and write, and how long a pause or a snooze lasts by default."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.services import Services
from domain.campaigns import CampaignKind
from domain.delivery import NewDelivery
from domain.nudges import NUDGE_KIND, PROMPT_KINDS, FatigueGuard, iso_week
from storage.campaigns import SqlCampaigns
from storage.engine import session_factory
from storage.ledger_fanout import fan_out_to
from storage.nudge_facts import SqlNudgeFacts
from storage.preferences import SqlPreferences

SNOOZE_DAYS = 7  # the nudge card's snooze
PAUSE_DAYS = 14  # the pause buttons


@dataclass(frozen=True)
class ReminderServices:
    """What the reminder jobs and chat handlers use, built once by the composition root."""

    engine: AsyncEngine
    core: Services
    sessions: async_sessionmaker[AsyncSession]
    preferences: SqlPreferences
    campaigns: SqlCampaigns
    facts: SqlNudgeFacts

    @classmethod
    def build(cls, engine: AsyncEngine, core: Services) -> ReminderServices:
        sessions = session_factory(engine)
        return cls(
            engine,
            core,
            sessions,
            SqlPreferences(sessions),
            SqlCampaigns(sessions),
            SqlNudgeFacts(sessions, core.policy.counting.time_ranges),
        )

    def now(self) -> datetime:
        return self.core.now()

    async def enqueue(self, deliveries: list[NewDelivery]) -> int:
        """One transaction of ``INSERT … ON CONFLICT DO NOTHING`` rows; wakes the sender."""
        if not deliveries:
            return 0
        async with self.sessions.begin() as session:
            added = await fan_out_to(session, deliveries, now=self.now())
        if added:
            self.core.doorbell.ring()
        return added

    async def fatigue_guard(self, at: datetime, chat: Mapping[str, str]) -> FatigueGuard:
        """Nudge fatigue for a job run at ``at`` (issue 14 item 15): each recipient's prompts
        this week and today, their latest nudges and last response, and whether a Telework
        Week falls in this week (its own, higher cap). ``chat``: employee id → recipient."""
        policy, calendar = self.core.policy, self.core.calendar
        rule = policy.fatigue
        today = calendar.local_date(at)
        monday, sunday = iso_week(today)
        telework_week = any(
            c.kind is CampaignKind.TELEWORK_WEEK and c.start <= sunday and c.end >= monday
            for c in await self.campaigns.around(today)
        )
        keep = max(1, rule.back_off_after_ignored)
        histories = await self.facts.prompt_history(
            PROMPT_KINDS,
            NUDGE_KIND,
            week_start=calendar.at(monday, time(0)),
            day_start=calendar.at(today, time(0)),
            nudges_since=at - timedelta(days=rule.back_off_days * (keep + 1)),
            keep_nudges=keep,
            chat=chat,
        )
        return FatigueGuard(rule, histories, at, telework_week)
