"""Telework counted per person and period in SQL (quota status, nudge planning): one row per
person with full and half days done and planned in each period, instead of every occasion."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.periods import Period
from domain.quota import PeriodTelework
from domain.schedule import DEFAULT_TIME_RANGES, EntryState, TimeRangeRule
from storage.engine import READ_ONLY
from storage.telework_sql import segment_counts

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
        after = on + timedelta(days=1)
        cuts = sorted({p.start for p in periods} | {p.end + timedelta(days=1) for p in periods}
                      | {after})  # fmt: skip
        # segment i: before cuts[i], on or after cuts[i - 1]; where each one is counted, as
        # offsets into a person's flat tally (4 per period: done full, half, planned full, half)
        slots: list[tuple[int, ...]] = []
        for index in range(len(cuts) + 1):
            first = cuts[index - 1] if index else date.min
            slots.append(
                tuple(
                    4 * number + (0 if first < after else 2)
                    for number, period in enumerate(periods)
                    if period.start <= first <= period.end
                )
            )
        statement = segment_counts(
            start,
            end,
            cuts,
            closed_days(start, end, is_working_day),
            states,
            self._time_ranges,
        )
        keys = [(p.start, p.end) for p in periods]
        width = 4 * len(periods)
        tallies: dict[str, list[int]] = {}
        async with self._sessions() as session:
            conn = await session.connection(execution_options=READ_ONLY)
            if conn.dialect.name == "postgresql":
                # JIT compiling the part rules' long CASE costs seconds, more than the scan;
                # a year of 100,000 people's rows sorts in memory with room (not on disk)
                await conn.execute(text("SET LOCAL jit = off"))
                await conn.execute(text("SET LOCAL work_mem = '128MB'"))
            for employee_id, segment, days, not_am, not_pm in await conn.execute(statement):
                targets = slots[segment]
                if not targets:
                    continue
                full = not_am + not_pm - days
                mine = tallies.get(employee_id)
                if mine is None:
                    mine = tallies[employee_id] = [0] * width
                for at in targets:
                    mine[at] += full
                    mine[at + 1] += days - full
        return {
            employee_id: {
                key: PeriodTelework(*mine[4 * n : 4 * n + 4])
                for n, key in enumerate(keys)
                if any(mine[4 * n : 4 * n + 4])
            }
            for employee_id, mine in tallies.items()
        }
