"""What the report's 2026-rules figures read (``domain.report_rules.RulesSource``): the
allowance ledger (orders, places, confirmed telework days) and the presence reports."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.report_rules import RulesInputs
from storage.allowance import SqlAllowance
from storage.worktime import SqlPresenceHistory


class SqlRulesQueries:
    """Reads :class:`RulesInputs` through the allowance and presence repositories."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._allowance = SqlAllowance(sessions)
        self._presence = SqlPresenceHistory(sessions)

    async def rules_inputs(
        self, first: date, last: date, since: datetime, until: datetime
    ) -> RulesInputs:
        return RulesInputs(
            orders=await self._allowance.orders(),
            places=await self._allowance.places(),
            days=await self._allowance.telework_days(first, last),
            presence=await self._presence.presence_reports(since, until),
        )
