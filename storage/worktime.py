"""Presence reports read back for working-time checks and the start/end export."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from domain.schedule import ScheduleEntry
from domain.worktime import PresenceReport
from storage.people_filter import People
from storage.schedule import LIVE, PresenceRow, ScheduleEntryRow, to_entry


class SqlPresenceHistory:
    """Implements ``domain.worktime.PresenceHistory`` over the ``presence`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def presence_reports(
        self, since: datetime, until: datetime, employee_ids: Sequence[str] | None = None
    ) -> list[PresenceReport]:
        statement = select(
            col(PresenceRow.employee_id), col(PresenceRow.kind), col(PresenceRow.at)
        ).where(col(PresenceRow.at) >= since, col(PresenceRow.at) < until)
        if employee_ids is not None and not employee_ids:
            return []
        people = People(employee_ids)
        statement = statement.where(people.where(col(PresenceRow.employee_id)))
        statement = statement.order_by(col(PresenceRow.at), col(PresenceRow.id))
        async with self._sessions() as session:
            rows = (await session.execute(statement)).all()
        return [
            PresenceReport(employee_id, kind, at)
            for employee_id, kind, at in rows
            if people.keeps(employee_id)
        ]

    async def live_entries(self, first: date, last: date) -> list[ScheduleEntry]:
        """Everyone's live (confirmed or pending) entries in [first, last]: the statuses of
        the start/end export."""
        statement = (
            select(ScheduleEntryRow)
            .where(
                col(ScheduleEntryRow.day) >= first,
                col(ScheduleEntryRow.day) <= last,
                col(ScheduleEntryRow.state).in_(LIVE),
            )
            .order_by(col(ScheduleEntryRow.employee_id), col(ScheduleEntryRow.day))
        )
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
        return [to_entry(row) for row in rows]
