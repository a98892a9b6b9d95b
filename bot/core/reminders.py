"""What the reminder features share (nudges, reminder settings, campaigns, the digest): the
repositories they read and write, and how long a pause or a snooze lasts by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.services import Services
from domain.delivery import NewDelivery
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
