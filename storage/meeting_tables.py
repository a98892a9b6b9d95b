"""Tables of team meetings: the meeting, its participants (votes and answers) and saved
sub-teams, with their mapping to the domain's values."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Date, Index, Text, UniqueConstraint
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel, select

from domain.meetings import Meeting, MeetingState, Participant, Rsvp, Slot
from storage.tables import BigId, UtcDateTime


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
    # The Outlook event in the organiser's mailbox (Microsoft Graph; None without it).
    calendar_event_id: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
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


def to_participant(row: MeetingParticipantRow) -> Participant:
    return Participant(
        key=row.key,
        name=row.name,
        chat_id=row.chat_id,
        email=row.email,
        is_staff=row.is_staff,
        votes=tuple(row.votes) if row.votes is not None else None,
        rsvp=Rsvp(row.rsvp) if row.rsvp else None,
    )


def to_meeting(row: MeetingRow, people: Sequence[MeetingParticipantRow]) -> Meeting:
    slot = None
    if row.slot_day is not None and row.slot_start is not None and row.slot_end is not None:
        slot = Slot(row.slot_day, row.slot_start, row.slot_end)
    return Meeting(
        id=row.id,
        uid=row.uid,
        title=row.title,
        organiser=row.organiser,
        duration=row.duration,
        participants=tuple(to_participant(p) for p in sorted(people, key=lambda p: p.position)),
        candidates=tuple(Slot.from_json(c) for c in row.candidates),
        state=MeetingState(row.state),
        section=row.section,
        poll_deadline=row.poll_deadline,
        slot=slot,
        join_url=row.join_url,
        calendar_event_id=row.calendar_event_id,
        sequence=row.sequence,
        conversation_id=row.conversation_id,
        created_at=row.created_at,
        reminded_at=row.reminded_at,
        held_at=row.held_at,
    )


def member_json(person: Participant) -> dict[str, Any]:
    return {
        "key": person.key,
        "name": person.name,
        "chat_id": person.chat_id,
        "email": person.email,
        "is_staff": person.is_staff,
    }


def to_member(value: dict[str, Any]) -> Participant:
    return Participant(
        key=str(value["key"]),
        name=str(value["name"]),
        chat_id=value.get("chat_id"),
        email=value.get("email"),
        is_staff=bool(value.get("is_staff", True)),
    )


async def load_meeting(session: AsyncSession, meeting_id: int) -> Meeting | None:
    """The meeting with its participants, fresh from the database (inside ``session``)."""
    row = await session.get(MeetingRow, meeting_id, populate_existing=True)
    if row is None:
        return None
    people = await session.execute(
        select(MeetingParticipantRow)
        .where(MeetingParticipantRow.meeting_id == meeting_id)
        .execution_options(populate_existing=True)
    )
    return to_meeting(row, people.scalars().all())


def rowcount(result: Any) -> int:
    return int(result.rowcount)
