"""Team meetings in SQL: the meeting, its participants (votes and answers) and saved sub-teams.

Every change appends an event and enqueues the messages that follow it in one transaction, so
a crash never leaves a changed meeting without its notices (or notices without the change).
State changes are conditional updates (``WHERE state = …``): the deadline job and a lead
pressing "finalise" at the same moment cannot both win.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Date, Index, UniqueConstraint, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, col, select

from domain.calendar import WorkCalendar
from domain.meeting_ports import MeetingNotify, SubTeam
from domain.meetings import Meeting, MeetingState, Participant, Rsvp, Slot
from storage.identity import append_event
from storage.ledger_fanout import enqueue
from storage.tables import BigId, TeamsIdentity, UtcDateTime, utcnow


def _utc(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UtcDateTime(), nullable=nullable, index=index))


class MeetingRow(SQLModel, table=True):
    """A team meeting. Never deleted: cancelling sets ``state``."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_state_starts", "state", "starts_at"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    uid: str = Field(max_length=128, unique=True)
    title: str = Field(max_length=200)
    organiser: str = Field(max_length=64, foreign_key="staff.employee_id", index=True)
    section: str | None = Field(default=None, max_length=255)
    state: str = Field(max_length=16)
    duration: int
    candidates: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    slot_day: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    slot_start: int | None = None
    slot_end: int | None = None
    starts_at: datetime | None = _utc()
    ends_at: datetime | None = _utc()
    join_url: str | None = Field(default=None, max_length=1000)
    sequence: int = 0
    conversation_id: str | None = Field(default=None, max_length=512)
    poll_deadline: datetime | None = _utc()
    reminded_at: datetime | None = _utc()
    held_at: datetime | None = _utc()
    created_at: datetime = _utc(nullable=False)
    updated_at: datetime = _utc(nullable=False)


class MeetingParticipantRow(SQLModel, table=True):
    """One invited person: votes while polling, then the answer to the invitation."""

    __tablename__ = "meeting_participant"
    __table_args__ = (
        UniqueConstraint("meeting_id", "key"),
        Index("ix_meeting_participant_key", "key"),
    )

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    meeting_id: int = Field(sa_type=BigId, foreign_key="meeting.id")
    position: int
    key: str = Field(max_length=255)  # employee id, or a guest's Teams user id
    name: str = Field(max_length=255)
    chat_id: str | None = Field(default=None, max_length=255)
    email: str | None = Field(default=None, max_length=320)
    is_staff: bool = True
    votes: list[int] | None = Field(
        default=None, sa_column=Column(JSON(none_as_null=True), nullable=True)
    )
    voted_at: datetime | None = _utc()
    rsvp: str | None = Field(default=None, max_length=16)
    rsvp_at: datetime | None = _utc()


class MeetingTeamRow(SQLModel, table=True):
    """A sub-team saved by a lead (its members as JSON: key, name, chat id)."""

    __tablename__ = "meeting_team"
    __table_args__ = (UniqueConstraint("owner", "name"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    owner: str = Field(max_length=64, foreign_key="staff.employee_id")
    name: str = Field(max_length=100)
    members: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = _utc(nullable=False)


def _participant(row: MeetingParticipantRow) -> Participant:
    return Participant(
        key=row.key,
        name=row.name,
        chat_id=row.chat_id,
        email=row.email,
        is_staff=row.is_staff,
        votes=tuple(row.votes) if row.votes is not None else None,
        rsvp=Rsvp(row.rsvp) if row.rsvp else None,
    )


def _meeting(row: MeetingRow, people: Sequence[MeetingParticipantRow]) -> Meeting:
    slot = None
    if row.slot_day is not None and row.slot_start is not None and row.slot_end is not None:
        slot = Slot(row.slot_day, row.slot_start, row.slot_end)
    return Meeting(
        id=row.id,
        uid=row.uid,
        title=row.title,
        organiser=row.organiser,
        duration=row.duration,
        participants=tuple(_participant(p) for p in sorted(people, key=lambda p: p.position)),
        candidates=tuple(Slot.from_json(c) for c in row.candidates),
        state=MeetingState(row.state),
        section=row.section,
        poll_deadline=row.poll_deadline,
        slot=slot,
        join_url=row.join_url,
        sequence=row.sequence,
        conversation_id=row.conversation_id,
        created_at=row.created_at,
        reminded_at=row.reminded_at,
        held_at=row.held_at,
    )


def _member_json(person: Participant) -> dict[str, Any]:
    return {
        "key": person.key,
        "name": person.name,
        "chat_id": person.chat_id,
        "email": person.email,
        "is_staff": person.is_staff,
    }


def _member(value: dict[str, Any]) -> Participant:
    return Participant(
        key=str(value["key"]),
        name=str(value["name"]),
        chat_id=value.get("chat_id"),
        email=value.get("email"),
        is_staff=bool(value.get("is_staff", True)),
    )


class SqlMeetings:
    """Implements :class:`domain.meeting_ports.Meetings` on SQLite and PostgreSQL."""

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
            return await self._load(session, meeting_id)

    async def organised_by(self, employee_id: str, *, since: datetime) -> list[Meeting]:
        statement = select(MeetingRow).where(
            MeetingRow.organiser == employee_id, col(MeetingRow.updated_at) >= since
        )
        return await self._many(statement.order_by(col(MeetingRow.id)))

    async def open_polls(self) -> list[Meeting]:
        statement = select(MeetingRow).where(MeetingRow.state == MeetingState.POLLING.value)
        return await self._many(statement.order_by(col(MeetingRow.id)))

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Meeting]:
        statement = select(MeetingRow).where(
            MeetingRow.state == MeetingState.SCHEDULED.value,
            col(MeetingRow.starts_at) >= start,
            col(MeetingRow.starts_at) < end,
        )
        return await self._many(statement.order_by(col(MeetingRow.starts_at)))

    async def busy(self, keys: Sequence[str], start: date, end: date) -> dict[str, list[Slot]]:
        if not keys:
            return {}
        statement = (
            select(MeetingRow, MeetingParticipantRow)
            .join(MeetingParticipantRow, col(MeetingParticipantRow.meeting_id) == MeetingRow.id)
            .where(
                MeetingRow.state == MeetingState.SCHEDULED.value,
                col(MeetingRow.slot_day) >= start,
                col(MeetingRow.slot_day) <= end,
                col(MeetingParticipantRow.key).in_(keys),
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

    async def teams_of(self, owner: str) -> list[SubTeam]:
        statement = select(MeetingTeamRow).where(MeetingTeamRow.owner == owner)
        async with self._sessions() as session:
            rows = (await session.execute(statement.order_by(col(MeetingTeamRow.name)))).scalars()
            return [
                SubTeam(r.id or 0, r.owner, r.name, tuple(_member(m) for m in r.members))
                for r in rows
            ]

    async def employees_for_chat_ids(self, chat_ids: Sequence[str]) -> dict[str, str]:
        if not chat_ids:
            return {}
        statement = select(TeamsIdentity.teams_user_id, TeamsIdentity.employee_id).where(
            col(TeamsIdentity.teams_user_id).in_(chat_ids),
            col(TeamsIdentity.employee_id).is_not(None),
        )
        async with self._sessions() as session:
            return {u: e for u, e in (await session.execute(statement)).all() if e}

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
            created = await self._load(session, row.id)
            assert created is not None
            payload = {"meeting_id": row.id, "participants": len(meeting.participants)}
            await self._record(session, created, actor, "meeting.created", payload, notify, now)
        return created

    async def vote(self, meeting_id: int, key: str, choices: Sequence[int]) -> Meeting | None:
        now = self._now()
        async with self._sessions.begin() as session:
            meeting = await self._load(session, meeting_id)
            if meeting is None or meeting.state != MeetingState.POLLING:
                return None
            await session.execute(
                update(MeetingParticipantRow)
                .where(
                    col(MeetingParticipantRow.meeting_id) == meeting_id,
                    col(MeetingParticipantRow.key) == key,
                )
                .values(votes=sorted(set(choices)), voted_at=now)
            )
            append_event(
                session,
                actor=key,
                kind="meeting.voted",
                subject=str(meeting_id),
                payload={"meeting_id": meeting_id, "choices": sorted(set(choices))},
            )
            return await self._load(session, meeting_id)

    async def answer(self, meeting_id: int, key: str, response: Rsvp) -> Meeting | None:
        now = self._now()
        async with self._sessions.begin() as session:
            meeting = await self._load(session, meeting_id)
            if meeting is None or meeting.state != MeetingState.SCHEDULED:
                return None
            await session.execute(
                update(MeetingParticipantRow)
                .where(
                    col(MeetingParticipantRow.meeting_id) == meeting_id,
                    col(MeetingParticipantRow.key) == key,
                )
                .values(rsvp=response.value, rsvp_at=now)
            )
            append_event(
                session,
                actor=key,
                kind="meeting.answered",
                subject=str(meeting_id),
                payload={"meeting_id": meeting_id, "response": response.value},
            )
            return await self._load(session, meeting_id)

    async def finalise(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        *,
        actor: str,
        notify: MeetingNotify,
    ) -> Meeting | None:
        return await self._schedule(
            meeting_id,
            slot,
            join_url,
            actor=actor,
            notify=notify,
            kind="meeting.finalised",
            expected=MeetingState.POLLING,
            sequence=None,
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
        return await self._schedule(
            meeting_id,
            slot,
            join_url,
            actor=actor,
            notify=notify,
            kind="meeting.changed",
            expected=MeetingState.SCHEDULED,
            sequence=sequence,
        )

    async def cancel(self, meeting_id: int, *, actor: str, notify: MeetingNotify) -> Meeting | None:
        now = self._now()
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(MeetingRow)
                .where(
                    col(MeetingRow.id) == meeting_id,
                    col(MeetingRow.state) != MeetingState.CANCELLED.value,
                )
                .values(
                    state=MeetingState.CANCELLED.value,
                    sequence=MeetingRow.sequence + 1,  # type: ignore[operator]
                    updated_at=now,
                )
            )
            if _rowcount(result) != 1:
                return None
            meeting = await self._load(session, meeting_id)
            assert meeting is not None
            payload = {"meeting_id": meeting_id}
            await self._record(session, meeting, actor, "meeting.cancelled", payload, notify, now)
            return meeting

    async def mark_reminded(self, meeting_id: int, *, notify: MeetingNotify) -> bool:
        now = self._now()
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(MeetingRow)
                .where(
                    col(MeetingRow.id) == meeting_id,
                    col(MeetingRow.state) == MeetingState.POLLING.value,
                    col(MeetingRow.reminded_at).is_(None),
                )
                .values(reminded_at=now)
            )
            if _rowcount(result) != 1:
                return False
            meeting = await self._load(session, meeting_id)
            assert meeting is not None
            for delivery in notify(meeting):
                await enqueue(session, delivery, now=now)
            return True

    async def record_held(self, now: datetime) -> list[Meeting]:
        statement = select(MeetingRow).where(
            MeetingRow.state == MeetingState.SCHEDULED.value,
            col(MeetingRow.held_at).is_(None),
            col(MeetingRow.ends_at) <= now,
        )
        held = []
        async with self._sessions.begin() as session:
            for row in (await session.execute(statement)).scalars().all():
                result = await session.execute(
                    update(MeetingRow)
                    .where(col(MeetingRow.id) == row.id, col(MeetingRow.held_at).is_(None))
                    .values(held_at=now)
                )
                if _rowcount(result) != 1 or row.id is None:
                    continue
                meeting = await self._load(session, row.id)
                assert meeting is not None and meeting.slot is not None
                append_event(
                    session,
                    actor="scheduler",
                    kind="meeting.held",
                    subject=str(row.id),
                    payload={
                        "meeting_id": row.id,
                        "section": meeting.section,
                        "participants": len(meeting.participants),
                        "accepted": sum(p.rsvp == Rsvp.ACCEPTED for p in meeting.participants),
                        "day": meeting.slot.day.isoformat(),
                    },
                )
                held.append(meeting)
        return held

    async def save_team(self, team: SubTeam) -> SubTeam:
        """Save (or replace the members of) the owner's sub-team of that name."""
        now = self._now()
        members = [_member_json(m) for m in team.members]
        async with self._sessions.begin() as session:
            statement = select(MeetingTeamRow).where(
                MeetingTeamRow.owner == team.owner, MeetingTeamRow.name == team.name
            )
            row = (await session.execute(statement)).scalars().first()
            if row is None:
                row = MeetingTeamRow(
                    owner=team.owner, name=team.name, members=members, updated_at=now
                )
                session.add(row)
            else:
                row.members, row.updated_at = members, now
            await session.flush()
            append_event(
                session,
                actor=team.owner,
                kind="meeting.team_saved",
                subject=team.owner,
                payload={"team_id": row.id, "size": len(members)},
            )
            return SubTeam(row.id or 0, team.owner, team.name, team.members)

    # -- internals -----------------------------------------------------------------------------

    async def _schedule(
        self,
        meeting_id: int,
        slot: Slot,
        join_url: str | None,
        *,
        actor: str,
        notify: MeetingNotify,
        kind: str,
        expected: MeetingState,
        sequence: int | None,
    ) -> Meeting | None:
        now = self._now()
        async with self._sessions.begin() as session:
            before = await self._load(session, meeting_id)
            if before is None or before.state != expected:
                return None
            if sequence is not None and before.sequence != sequence:
                return None
            condition = [
                col(MeetingRow.id) == meeting_id,
                col(MeetingRow.state) == expected.value,
                col(MeetingRow.sequence) == before.sequence,
            ]
            result = await session.execute(
                update(MeetingRow)
                .where(*condition)
                .values(
                    state=MeetingState.SCHEDULED.value,
                    slot_day=slot.day,
                    slot_start=slot.start,
                    slot_end=slot.end,
                    starts_at=slot.starts_at(self._calendar),
                    ends_at=slot.ends_at(self._calendar),
                    join_url=join_url,
                    sequence=before.sequence + (1 if sequence is not None else 0),
                    held_at=None,
                    updated_at=now,
                )
            )
            if _rowcount(result) != 1:
                return None
            moved = before.slot is not None and before.slot != slot
            if moved:  # a new time asks everyone again
                await session.execute(
                    update(MeetingParticipantRow)
                    .where(col(MeetingParticipantRow.meeting_id) == meeting_id)
                    .values(rsvp=None, rsvp_at=None)
                )
            meeting = await self._load(session, meeting_id)
            assert meeting is not None
            payload = {
                "meeting_id": meeting_id,
                "day": slot.day.isoformat(),
                "part": slot.part,
                "sequence": meeting.sequence,
                "moved": moved,
            }
            await self._record(session, meeting, actor, kind, payload, notify, now)
            return meeting

    async def _record(
        self,
        session: AsyncSession,
        meeting: Meeting,
        actor: str,
        kind: str,
        payload: dict[str, Any],
        notify: MeetingNotify,
        now: datetime,
    ) -> None:
        append_event(session, actor=actor, kind=kind, subject=str(meeting.id), payload=payload)
        for delivery in notify(meeting):
            await enqueue(session, delivery, now=now)

    async def _load(self, session: AsyncSession, meeting_id: int) -> Meeting | None:
        row = await session.get(MeetingRow, meeting_id, populate_existing=True)
        if row is None:
            return None
        people = await session.execute(
            select(MeetingParticipantRow)
            .where(MeetingParticipantRow.meeting_id == meeting_id)
            .execution_options(populate_existing=True)
        )
        return _meeting(row, people.scalars().all())

    async def _many(self, statement: Any) -> list[Meeting]:
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
            loaded = [await self._load(session, r.id) for r in rows if r.id is not None]
        return [m for m in loaded if m is not None]


def _rowcount(result: Any) -> int:
    return int(result.rowcount)
