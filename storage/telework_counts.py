"""Telework counted per person and period in SQL (quota status, nudge planning): one row per
person with full and half days done and planned in each period, instead of every occasion."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from domain.bulk import collector_paused
from domain.periods import Period
from domain.quota import PeriodTelework, QuotaFrame, QuotaProfile, QuotaStatus
from domain.schedule import DEFAULT_TIME_RANGES, EntryState, TimeRangeRule
from storage.engine import READ_ONLY
from storage.org import StaffRow
from storage.telework_sql import ENTRY, segment_counts

STAFF = StaffRow.__table__  # type: ignore[attr-defined]

CONFIRMED = (EntryState.CONFIRMED.value,)


def closed_days(start: date, end: date, is_working_day: Callable[[date], bool]) -> list[date]:
    """The days from ``start`` to ``end`` on which telework never counts."""
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if not is_working_day(d)]


def _cuts(periods: Sequence[Period], on: date) -> list[date]:
    after = on + timedelta(days=1)
    return sorted({p.start for p in periods} | {p.end + timedelta(days=1) for p in periods}
                  | {after})  # fmt: skip


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
        cuts = _cuts(periods, on)
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
            await _tune(conn)
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

    async def quota_statuses(
        self,
        frame: QuotaFrame,
        *,
        states: Sequence[str] = CONFIRMED,
        active_only: bool = False,
        windows: Sequence[Period] | None = None,
    ) -> list[QuotaStatus]:
        """Everyone's quota status on ``frame.on`` (the active staff only with
        ``active_only``), in employee id order, from one statement: each person's profile
        (``QuotaProfile``) next to their telework counted per period of ``frame.windows``
        (entries in ``states`` count). Each period is counted only for the people whose
        status reads it (``QuotaFrame.audience``: a year for managers, a month for carers,
        …). ``windows``: count only these periods, the others as none (nudge planning
        weighs only the targets that may nudge today)."""
        periods = frame.windows
        wanted = {(p.start, p.end) for p in (periods if windows is None else windows)}
        s = STAFF.c
        parts = []
        for number, period in enumerate(periods):
            if (period.start, period.end) not in wanted:
                continue
            audience = _audience(frame.audience(period))
            if audience is None:
                continue
            closed = closed_days(period.start, period.end, frame.calendar.is_working_day)
            cut = [frame.on + timedelta(days=1)]  # segment 0: done, 1: planned
            counts = segment_counts(
                period.start, period.end, cut, closed, states, self._time_ranges
            )
            people = select(s.employee_id).where(s.active.is_(True), audience)
            parts.append(
                counts.where(ENTRY.c.employee_id.in_(people)).add_columns(
                    literal(number, Integer).label("window")
                )
            )
        columns: list[ColumnElement[Any]] = [s.employee_id, *(s[n] for n in QuotaProfile._fields)]
        zero = literal(0, Integer)
        if parts:
            found = union_all(*parts).subquery("found")
            employee_id, segment, days, not_am, not_pm, window = found.c
            full = not_am + not_pm - days
            half = 2 * days - not_am - not_pm
            pivot: list[ColumnElement[Any]] = []
            for number in range(len(periods)):
                for done in (0, 1):
                    for value in (full, half):
                        inside = and_(window == number, segment == done)
                        pivot.append(cast(func.sum(case((inside, value), else_=0)), Integer))
            counted = select(employee_id, *pivot).group_by(employee_id).subquery("counted")
            source: Any = STAFF.outerjoin(counted, counted.c.employee_id == s.employee_id)
            columns += [func.coalesce(c, 0) for c in list(counted.c)[1:]]
        else:
            source = STAFF
            columns += [zero] * (4 * len(periods))
        statement = select(*columns).select_from(source)
        if active_only:
            statement = statement.where(s.active.is_(True))
        width = len(QuotaProfile._fields)
        status_of = frame.status_of
        with collector_paused():
            async with self._sessions() as session:
                conn = await session.connection(execution_options=READ_ONLY)
                await _tune(conn)
                rows = (await conn.execute(statement)).all()
            statuses = [status_of(row[0], row[1 : width + 1], row[width + 1 :]) for row in rows]
            statuses.sort(key=_employee_id)  # Python's order of ids, whatever the collation
        return statuses


def _audience(
    categories: Sequence[tuple[Sequence[tuple[bool, ...]], frozenset[str]]],
) -> ColumnElement[bool] | None:
    """``QuotaFrame.audience`` as a condition on ``staff`` (None: nobody)."""
    s = STAFF.c
    flags = (s.is_manager, s.is_section_chief, s.care_preschool, s.care_family)
    anyone = []
    for combos, exempt in categories:
        if not combos:
            continue
        if len(combos) == 16:
            who: ColumnElement[bool] = true()
        else:
            who = or_(*(and_(*(f.is_(v) for f, v in zip(flags, c, strict=True))) for c in combos))
        if exempt:
            who = and_(who, or_(s.exempt_reason.is_(None), s.exempt_reason.not_in(sorted(exempt))))
        anyone.append(who)
    return or_(*anyone) if anyone else None


def _employee_id(status: QuotaStatus) -> str:
    return status.employee_id


async def _tune(conn: AsyncConnection) -> None:
    if conn.dialect.name == "postgresql":
        # JIT compiling the part rules' long CASE costs seconds, more than the scan;
        # a year of 100,000 people's rows sorts in memory with room (not on disk)
        await conn.execute(text("SET LOCAL jit = off"))
        await conn.execute(text("SET LOCAL work_mem = '128MB'"))
