"""Telework counted per person and period in SQL (quota status, nudge planning): one row per
person with full and half days done and planned in each period, instead of every occasion."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.periods import Period
from domain.quota import PeriodTelework
from domain.schedule import DEFAULT_TIME_RANGES, EntryState, TimeRangeRule
from storage.engine import READ_ONLY
from storage.telework_sql import counts_in, per_person, telework_days

CONFIRMED = (EntryState.CONFIRMED.value,)


def closed_days(start: date, end: date, is_working_day: Callable[[date], bool]) -> list[date]:
    """The days from ``start`` to ``end`` on which telework never counts."""
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if not is_working_day(d)]


class SqlTeleworkCounts:
    """Reads telework counted per person and period (see ``domain.quota.PeriodTelework``)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        time_ranges: TimeRangeRule = DEFAULT_TIME_RANGES,
    ) -> None:
        self._sessions = sessions
        self._time_ranges = time_ranges

    async def per_period(
        self,
        periods: Sequence[Period],
        on: date,
        is_working_day: Callable[[date], bool],
        *,
        states: Sequence[str] = CONFIRMED,
    ) -> dict[str, dict[tuple[date, date], PeriodTelework]]:
        """Employee id → (period start, end) → full and half days on or before ``on``
        (done) and after it (planned), for everyone with telework in some period; entries
        in ``states`` count (confirmed by default; confirmed and pending: declared)."""
        if not periods:
            return {}
        start = min(p.start for p in periods)
        end = max(p.end for p in periods)
        closed = closed_days(start, end, is_working_day)
        days = telework_days(start, end, closed, states, self._time_ranges)
        columns: list[ColumnElement[Any]] = []
        for period in periods:
            last_done = min(period.end, on)
            first_planned = max(period.start, on + timedelta(days=1))
            columns += [
                counts_in(days, period.start, last_done, full=True),
                counts_in(days, period.start, last_done, full=False),
                counts_in(days, first_planned, period.end, full=True),
                counts_in(days, first_planned, period.end, full=False),
            ]
        keys = [(p.start, p.end) for p in periods]
        out: dict[str, dict[tuple[date, date], PeriodTelework]] = {}
        async with self._sessions() as session:
            await session.connection(execution_options=READ_ONLY)
            for row in await session.execute(per_person(days, columns)):
                counted: dict[tuple[date, date], PeriodTelework] = {}
                for index, key in enumerate(keys):
                    values = row[1 + 4 * index : 5 + 4 * index]
                    if any(values):
                        counted[key] = PeriodTelework(*(int(v) for v in values))
                out[row[0]] = counted
        return out
