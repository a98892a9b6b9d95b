"""Team meetings in SQL: creation, votes, finalising, changes, answers, cancellation, and the
records the scheduled job keeps (reminded, held).

Every change appends an event and enqueues the messages that follow it in one transaction, so
a crash never leaves a changed meeting without its notices (or notices without the change).
State changes are conditional updates (``WHERE state = … AND sequence = …``): the deadline job
and a lead pressing "finalise" at the same moment cannot both win.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col, select

from domain.calendar import WorkCalendar
from domain.meeting_ports import MeetingNotify
from domain.meetings import Meeting, MeetingState, Rsvp, Slot
from storage.identity import append_event
from storage.ledger_fanout import enqueue
from storage.meeting_tables import MeetingParticipantRow, MeetingRow, load_meeting, rowcount
from storage.tables import utcnow

_M = MeetingRow
_P = MeetingParticipantRow


class SqlMeetings:
    """Implements :class:`domain.meeting_ports.Meetings` on SQLite and PostgreSQL.

    ``calendar`` turns a slot's local day and minutes into the UTC instants stored for the
    reminder and held-meeting queries.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        calendar: WorkCalendar,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._calendar = calendar
        self._now = clock

    # -- reads ---------------------------------------------------------------------------------

    async def get(self, meeting_id: int) -> Meeting | None:
        async with self._sessions() as session:
            return await load_meeting(session, meeting_id)

    async def organised_by(self, employee_id: str, *, since: datetime) -> list[Meeting]:
        return await self._many(
            select(_M).where(_M.organiser == employee_id, col(_M.updated_at) >= since)
        )

    async def invited_to(self, key: str, *, since: datetime) -> list[Meeting]:
        """Meetings ``key`` is invited to (not organises) that changed since ``since``."""
        invited = select(_P.meeting_id).where(_P.key == key)
        return await self._many(
            select(_M).where(
                col(_M.id).in_(invited), _M.organiser != key, col(_M.updated_at) >= since
            )
        )

    async def open_polls(self) -> list[Meeting]:
        return await self._many(select(_M).where(_M.state == MeetingState.POLLING.value))

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Meeting]:
        return await self._many(
            select(_M).where(
                _M.state == MeetingState.SCHEDULED.value,
                col(_M.starts_at) >= start,
                col(_M.starts_at) < end,
            )
        )

    async def busy(self, keys: Sequence[str], start: date, end: date) -> dict[str, list[Slot]]:
        if not keys:
            return {}
        statement = (
            select(_M, _P)
            .join(_P, col(_P.meeting_id) == _M.id)
            .where(
                _M.state == MeetingState.SCHEDULED.value,
                col(_M.slot_day) >= start,
                col(_M.slot_day) <= end,
                col(_P.key).in_(keys),
            )
        )
        found: dict[str, list[Slot]] = {}
        async with self._sessions() as session:
            for meeting, person in (await session.execute(statement)).all():
                if person.rsvp == Rsvp.DECLINED.value or meeting.slot_day is None:
                    continue
                slot = Slot(meeting.slot_day, meeting.slot_start or 0, meeting.slot_end or 0)
                found.setdefault(person.key, []).append(slot)
        return found

    # -- changes -------------------------------------------------------------------------------

    async def create(self, meeting: Meeting, *, actor: str, notify: MeetingNotify) -> Meeting:
        now = self._now()
        async with self._sessions.begin() as session:
            row = MeetingRow(
                uid=meeting.uid,
                title=meeting.title,
                organiser=meeting.organiser,
                section=meeting.section,
                state=meeting.state.value,
                duration=meeting.duration,
                candidates=[c.to_json() for c in meeting.candidates],
                conversation_id=meeting.conversation_id,
                poll_deadline=meeting.poll_deadline,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            await session.flush()
            assert row.id is not None
            for position, person in enumerate(meeting.participants):
                session.add(
                    MeetingParticipantRow(
                        meeting_id=row.id,
                        position=position,
                        key=person.key,
                        name=person.name,
                        chat_id=person.chat_id,
                        email=person.email,
                        is_staff=person.is_staff,
                    )
                )
            await session.flush()
            payload = {"meeting_id": row.id, "participants": len(meeting.participants)}
            return await self._record(session, row.id, actor, "meeting.created", payload, notify)

    async def vote(self, meeting_id: int, key: str, choices: Sequence[int]) -> Meeting | None:
        chosen = sorted(set(choices))
        values = {"votes": chosen, "voted_at": self._now()}
        return await self._set_participant(
            meeting_id, key, MeetingState.POLLING, values, "meeting.voted", {"choices": chosen}
        )

    async def answer(self, meeting_id: int, key: str, response: Rsvp) -> Meeting | None:
        values = {"rsvp": response.value, "rsvp_at": self._now()}
        return await self._set_participant(
            meeting_id,
            key,
            MeetingState.SCHEDULED,
            values,
            "meeting.answered",
            {"response": response.value},
        )

    async def finalise(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        *,
        actor: str,
        notify: MeetingNotify,
        calendar_event_id: str | None = None,
    ) -> Meeting | None:
        return await self._schedule(
            meeting_id, slot, join_url, None, actor, notify, calendar_event_id
        )

    async def change(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        *,
        sequence: int,
        actor: str,
        notify: MeetingNotify,
    ) -> Meeting | None:
        return await self._schedule(meeting_id, slot, join_url, sequence, actor, notify)

    async def cancel(self, meeting_id: int, *, actor: str, notify: MeetingNotify) -> Meeting | None:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(_M)
                .where(col(_M.id) == meeting_id, col(_M.state) != MeetingState.CANCELLED.value)
                .values(
                    state=MeetingState.CANCELLED.value,
                    sequence=col(_M.sequence) + 1,
                    updated_at=self._now(),
                )
            )
            if rowcount(result) != 1:
                return None
            payload = {"meeting_id": meeting_id}
            return await self._record(
                session, meeting_id, actor, "meeting.cancelled", payload, notify
            )

    async def mark_reminded(self, meeting_id: int, *, notify: MeetingNotify) -> bool:
        """Record that non-voters were reminded and enqueue the reminders (once per poll)."""
        now = self._now()
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(_M)
                .where(
                    col(_M.id) == meeting_id,
                    col(_M.state) == MeetingState.POLLING.value,
                    col(_M.reminded_at).is_(None),
                )
                .values(reminded_at=now)
            )
            if rowcount(result) != 1:
                return False
            meeting = await load_meeting(session, meeting_id)
            assert meeting is not None
            for delivery in notify(meeting):
                await enqueue(session, delivery, now=now)
            return True

    async def record_held(self, now: datetime) -> list[Meeting]:
        """A meeting counts as held once its end has passed and it was not cancelled."""
        statement = select(_M.id).where(
            _M.state == MeetingState.SCHEDULED.value,
            col(_M.held_at).is_(None),
            col(_M.ends_at) <= now,
        )
        held = []
        async with self._sessions.begin() as session:
            for meeting_id in (await session.execute(statement)).scalars().all():
                result = await session.execute(
                    update(_M)
                    .where(col(_M.id) == meeting_id, col(_M.held_at).is_(None))
                    .values(held_at=now)
                )
                meeting = await load_meeting(session, meeting_id or 0)
                if rowcount(result) != 1 or meeting is None or meeting.slot is None:
                    continue
                payload = {
                    "meeting_id": meeting_id,
                    "section": meeting.section,
                    "participants": len(meeting.participants),
                    "accepted": sum(p.rsvp == Rsvp.ACCEPTED for p in meeting.participants),
                    "day": meeting.slot.day.isoformat(),
                }
                append_event(
                    session,
                    actor="scheduler",
                    kind="meeting.held",
                    subject=str(meeting_id),
                    payload=payload,
                )
                held.append(meeting)
        return held

    # -- internals -----------------------------------------------------------------------------

    async def _set_participant(
        self,
        meeting_id: int,
        key: str,
        state: MeetingState,
        values: dict[str, Any],
        kind: str,
        payload: dict[str, Any],
    ) -> Meeting | None:
        async with self._sessions.begin() as session:
            meeting = await load_meeting(session, meeting_id)
            if meeting is None or meeting.state != state or meeting.participant(key) is None:
                return None
            await session.execute(
                update(_P)
                .where(col(_P.meeting_id) == meeting_id, col(_P.key) == key)
                .values(**values)
            )
            append_event(
                session,
                actor=key,
                kind=kind,
                subject=str(meeting_id),
                payload={"meeting_id": meeting_id, **payload},
            )
            return await load_meeting(session, meeting_id)

    async def _schedule(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        sequence: int | None,
        actor: str,
        notify: MeetingNotify,
        calendar_event_id: str | None = None,
    ) -> Meeting | None:
        """Finalise (``sequence`` None: polling → scheduled) or change (scheduled, sequence
        must match and is bumped; a new time clears everyone's answer)."""
        expected = MeetingState.POLLING if sequence is None else MeetingState.SCHEDULED
        async with self._sessions.begin() as session:
            before = await load_meeting(session, meeting_id)
            if before is None or before.state != expected:
                return None
            if sequence is not None and before.sequence != sequence:
                return None
            if sequence is not None:  # a change keeps the meeting's Outlook event
                calendar_event_id = before.calendar_event_id
            result = await session.execute(
                update(_M)
                .where(
                    col(_M.id) == meeting_id,
                    col(_M.state) == expected.value,
                    col(_M.sequence) == before.sequence,
                )
                .values(
                    calendar_event_id=calendar_event_id,
                    state=MeetingState.SCHEDULED.value,
                    slot_day=slot.day,
                    slot_start=slot.start,
                    slot_end=slot.end,
                    starts_at=slot.starts_at(self._calendar),
                    ends_at=slot.ends_at(self._calendar),
                    join_url=join_url,
                    sequence=before.sequence + (0 if sequence is None else 1),
                    updated_at=self._now(),
                )
            )
            if rowcount(result) != 1:
                return None
            moved = before.slot is not None and before.slot != slot
            if moved:
                await session.execute(
                    update(_P)
                    .where(col(_P.meeting_id) == meeting_id)
                    .values(rsvp=None, rsvp_at=None)
                )
            kind = "meeting.finalised" if sequence is None else "meeting.changed"
            payload: dict[str, Any] = {"meeting_id": meeting_id, "day": slot.day.isoformat()}
            payload.update(part=slot.part, moved=moved, sequence=before.sequence)
            return await self._record(session, meeting_id, actor, kind, payload, notify)

    async def _record(
        self,
        session: AsyncSession,
        meeting_id: int,
        actor: str,
        kind: str,
        payload: dict[str, Any],
        notify: MeetingNotify,
    ) -> Meeting:
        """Append the event and enqueue the messages for the meeting as it now is."""
        meeting = await load_meeting(session, meeting_id)
        assert meeting is not None
        append_event(session, actor=actor, kind=kind, subject=str(meeting_id), payload=payload)
        now = self._now()
        for delivery in notify(meeting):
            await enqueue(session, delivery, now=now)
        return meeting

    async def _many(self, statement: Any) -> list[Meeting]:
        async with self._sessions() as session:
            ids = (await session.execute(statement.order_by(col(_M.id)))).scalars().all()
            loaded = [await load_meeting(session, i.id) for i in ids if i.id is not None]
        return [m for m in loaded if m is not None]
