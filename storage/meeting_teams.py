"""Saved sub-teams of leads, the roster identity of @mentioned Teams users, and team
telework day proposals (an event and the messages, in one transaction)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col, select

from domain.delivery import NewDelivery
from domain.meeting_ports import SubTeam
from storage.identity import append_event
from storage.ledger_fanout import fan_out_to
from storage.meeting_tables import MeetingTeamRow, member_json, to_member
from storage.tables import TeamsIdentity, utcnow


class SqlSubTeams:
    """Implements :class:`domain.meeting_ports.SubTeams`."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._now = clock

    async def save_team(self, team: SubTeam) -> SubTeam:
        """Save (or replace the members of) the owner's sub-team of that name."""
        now = self._now()
        members = [member_json(m) for m in team.members]
        async with self._sessions.begin() as session:
            statement = select(MeetingTeamRow).where(
                MeetingTeamRow.owner == team.owner, MeetingTeamRow.name == team.name
            )
            row = (await session.execute(statement)).scalars().first()
            if row is None:
                row = MeetingTeamRow(owner=team.owner, name=team.name, members=members)
                session.add(row)
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

    async def teams_of(self, owner: str) -> list[SubTeam]:
        statement = select(MeetingTeamRow).where(MeetingTeamRow.owner == owner)
        async with self._sessions() as session:
            rows = (await session.execute(statement.order_by(col(MeetingTeamRow.name)))).scalars()
            return [
                SubTeam(r.id or 0, r.owner, r.name, tuple(to_member(m) for m in r.members))
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

    async def propose_team_day(
        self, section: str, day: date, *, actor: str, deliveries: Sequence[NewDelivery]
    ) -> int:
        async with self._sessions.begin() as session:
            append_event(
                session,
                actor=actor,
                kind="meeting.team_day_proposed",
                subject=section,
                payload={"section": section, "day": day.isoformat(), "recipients": len(deliveries)},
            )
            return await fan_out_to(session, deliveries, now=self._now())
