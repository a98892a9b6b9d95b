"""What the report's 2026-rules figures read (``domain.report_rules.RulesSource``): the
allowance ledger (orders, places, confirmed telework days) and the presence reports."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from domain.report_rules import RulesInputs
from storage.allowance import SqlAllowance
from storage.org import StaffRow
from storage.worktime import SqlPresenceHistory


class SqlRulesQueries:
    """Reads :class:`RulesInputs` through the allowance and presence repositories."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._allowance = SqlAllowance(sessions)
        self._presence = SqlPresenceHistory(sessions)

    async def rules_inputs(
        self, first: date, last: date, since: datetime, until: datetime
    ) -> RulesInputs:
        orders = await self._allowance.orders()
        # Only a person with an order can be eligible: read only their days (a year of
        # everyone's telework is most of the schedule table).
        ordered = sorted({o.employee_id for o in orders})
        return RulesInputs(
            orders=orders,
            places=await self._allowance.places(ordered),
            days=await self._allowance.telework_days(first, last, ordered),
            presence=await self._presence.presence_reports(since, until),
            moves=await self._moves(),
        )

    async def _moves(self) -> dict[str, date]:
        """Each person's 府省着任日 (the roster's day of a move from another ministry)."""
        column = col(StaffRow.ministry_since)
        statement = select(col(StaffRow.employee_id), column).where(column.is_not(None))
        async with self._sessions() as session:
            return {e: d for e, d in (await session.execute(statement)).all() if d is not None}
