"""The team-meetings job (every 5 minutes): remind non-voters once, finalise polls at their
deadline when a quorum voted, remind participants before the start, record held meetings.

Every step is idempotent: state changes are conditional updates and every message has its
ledger key, so a re-run (another replica, a catch-up firing) adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.services import Services
from bot.features.meetings.cards import lead_note, poll_reminders, start_reminders, when
from bot.features.meetings.desk import MeetingDesk, audience_for
from bot.features.meetings.lead import finalise_meeting
from bot.ui.formatting import plain
from bot.ui.texts import Lang, text
from domain.delivery import Firing, FiringHandler, NewDelivery
from domain.meeting_poll import (
    deadline_outcome,
    quorum_needed,
    reminder_due,
    start_reminder_recipients,
    voters,
)
from domain.meetings import Meeting, Slot
from storage.ledger_fanout import fan_out_to

JOB_ID = "team-meetings"
DEFAULT_CRON = "*/5 * * * *"
Counts = dict[str, int]
JOB_LANG: Lang = "ja"  # group-chat notices from the job (no turn to take a language from)


class MeetingJobs:
    """The job's steps, callable one by one (tests) or together (:meth:`run`)."""

    def __init__(
        self, services: Services, desk: MeetingDesk, sessions: async_sessionmaker[AsyncSession]
    ) -> None:
        self._features = services
        self._desk = desk
        self._sessions = sessions

    async def run(self, now: datetime) -> None:
        await self.remind_non_voters(now)
        await self.finalise_due_polls(now)
        await self.send_start_reminders(now)
        await self.record_held_meetings(now)
        self._features.doorbell.ring()

    async def remind_non_voters(self, now: datetime) -> int:
        """One reminder per poll to those who have not voted (see ``meeting_poll.remind_at``)."""
        reminded = 0
        for meeting in await self._desk.meetings.open_polls():
            if reminder_due(meeting, now) and meeting.id is not None:
                audience = await audience_for(self._features, self._desk, meeting, JOB_LANG)
                notify = poll_reminders(audience)
                reminded += await self._desk.meetings.mark_reminded(meeting.id, notify=notify)
        return reminded

    async def finalise_due_polls(self, now: datetime) -> int:
        """Polls past their deadline: fixed with the leading time when a quorum voted; else
        the lead is told once and the poll stays open for the lead to decide."""
        fixed = 0
        share = self._desk.settings.quorum
        for meeting in await self._desk.meetings.open_polls():
            if meeting.poll_deadline is None or now < meeting.poll_deadline:
                continue
            slot = deadline_outcome(meeting, now, share)
            audience = await audience_for(self._features, self._desk, meeting, JOB_LANG)
            counts = {"voted": len(voters(meeting)), "total": len(meeting.participants)}
            if slot is None:
                quorum = quorum_needed(meeting, share)

                def expired(
                    lang: Lang, m: Meeting = meeting, q: int = quorum, c: Counts = counts
                ) -> str:
                    title = plain(m.title)
                    return text(lang, "meetings.poll_expired", title=title, quorum=q, **c)

                await self._enqueue(lead_note(meeting, audience, "expired", expired)(meeting))
                continue

            def fixed_at(
                lang: Lang, m: Meeting = meeting, s: Slot = slot, c: Counts = counts
            ) -> str:
                title = plain(m.title)
                return text(lang, "meetings.auto_finalised", title=title, when=when(s, lang), **c)

            note = lead_note(meeting, audience, "finalised", fixed_at)
            done = await finalise_meeting(
                self._desk,
                self._features,
                meeting,
                slot,
                None,
                actor="scheduler",
                lang=JOB_LANG,
                extra=note,
            )
            fixed += done is not None
        return fixed

    async def send_start_reminders(self, now: datetime) -> int:
        """Meetings starting within ``reminder_before``: accepted and tentative people."""
        upcoming = await self._desk.meetings.scheduled_between(
            now, now + self._desk.settings.reminder_before
        )
        deliveries: list[NewDelivery] = []
        for meeting in upcoming:
            people = start_reminder_recipients(meeting)
            if people:
                audience = await audience_for(self._features, self._desk, meeting, JOB_LANG)
                deliveries += start_reminders(meeting, audience, people)
        return await self._enqueue(deliveries)

    async def record_held_meetings(self, now: datetime) -> list[Meeting]:
        """Meetings whose end has passed and that were not cancelled: ``meeting.held``."""
        return await self._desk.meetings.record_held(now)

    async def _enqueue(self, deliveries: Sequence[NewDelivery]) -> int:
        if not deliveries:
            return 0
        async with self._sessions.begin() as session:
            return await fan_out_to(session, deliveries, now=self._features.now())


def meeting_job(
    services: Services, desk: MeetingDesk, sessions: async_sessionmaker[AsyncSession]
) -> FiringHandler:
    """The scheduled job's handler (register it as ``JOB_ID`` with ``DEFAULT_CRON``)."""
    jobs = MeetingJobs(services, desk, sessions)

    async def handle(_firing: Firing) -> None:
        await jobs.run(services.now())

    return handle
