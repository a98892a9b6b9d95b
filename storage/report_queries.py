"""What reports read, in one read-only transaction: org units, every staff record, confirmed
telework of a date range (one row per person), the roster history (``staff.*``
events) and team meetings held (``meeting.held`` events). Implements
``domain.report_rows.ReportSource``."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.org import EmploymentType, ExemptReason, Office, OrgUnit, StaffMember, UnitKind
from domain.report_history import StaffEvent, StaffHistory
from domain.report_rows import ReportInputs
from domain.schedule import (
    DEFAULT_TIME_RANGES,
    EntryState,
    EntryStatus,
    TimeRangeRule,
)
from storage.engine import READ_ONLY
from storage.org import OrgUnitRow, StaffRow
from storage.schedule import ScheduleEntryRow
from storage.tables import Event
from storage.telework_sql import parse_part_codes, part_codes

UNIT: Table = OrgUnitRow.__table__  # type: ignore[attr-defined]
STAFF: Table = StaffRow.__table__  # type: ignore[attr-defined]
ENTRY: Table = ScheduleEntryRow.__table__  # type: ignore[attr-defined]
EVENT: Table = Event.__table__  # type: ignore[attr-defined]

STAFF_EVENTS = ("staff.created", "staff.updated", "staff.deactivated")
MEETING_HELD = "meeting.held"
MEETING_UNIT_KEYS = ("section", "org_unit", "unit")  # the payload key naming the unit, if any
SNAPSHOT_ID = re.compile(r"[0-9A-F]+-[0-9A-F]+(-[0-9]+)?")  # pg_export_snapshot()


class SqlReportQueries:
    """Reads a report's inputs from the database (SQLite or PostgreSQL)."""

    def __init__(
        self,
        engine: AsyncEngine,
        time_zone: str = "Asia/Tokyo",
        time_ranges: TimeRangeRule = DEFAULT_TIME_RANGES,
    ) -> None:
        self._engine = engine
        self._tz = ZoneInfo(time_zone)
        self._time_ranges = time_ranges

    async def report_inputs(self, start: date, end: date) -> ReportInputs:
        """Everything a report on ``start``…``end`` needs (telework of exactly those days,
        as ``ReportInputs.days``; widen the range yourself for weeks that straddle it)."""
        if self._engine.dialect.name == "postgresql":
            return await self._postgresql_inputs(start, end)
        async with self._engine.connect() as conn:
            await conn.execution_options(**READ_ONLY)
            async with conn.begin():
                days = await _days(conn, start, end, self._time_ranges)
                units, staff, history, meetings, no_hours = await self._rest(conn, start, end)
        return ReportInputs(units, staff, {}, history, meetings, no_hours, days)

    async def _postgresql_inputs(self, start: date, end: date) -> ReportInputs:
        """Telework on a second connection while the first reads the rest, both in one
        snapshot: the server counts the days while this process builds the staff records
        and the roster history."""
        async with shared_snapshot(self._engine) as (first, second):
            # the part-code expression would be compiled for seconds
            await second.execute(text("SET LOCAL jit = off"))
            async with asyncio.TaskGroup() as group:  # one fails: the other is cancelled
                days = group.create_task(_days(second, start, end, self._time_ranges))
                rest = group.create_task(self._rest(first, start, end))
        units, staff, history, meetings, no_hours = rest.result()
        return ReportInputs(units, staff, {}, history, meetings, no_hours, days.result())

    async def _rest(
        self, conn: AsyncConnection, start: date, end: date
    ) -> tuple[
        list[OrgUnit],
        list[StaffMember],
        StaffHistory,
        list[tuple[date, str | None]],
        dict[str, list[date]],
    ]:
        """Everything but telework, in the transaction of ``conn``."""
        units = await _units(conn)
        staff = await _staff(conn)
        history = await self._history(conn)
        meetings = await self._meetings(conn, start, end)
        no_hours = await _no_hours(conn, start, end)
        return units, staff, history, meetings, no_hours

    async def _history(self, conn: AsyncConnection) -> StaffHistory:
        e = EVENT.c
        rows = await conn.execute(
            select(e.subject, e.at, e.kind, e.payload)
            .where(e.kind.in_(STAFF_EVENTS), e.subject.is_not(None))
            .order_by(e.at, e.id)
        )
        events: list[StaffEvent] = []
        for subject, at, kind, payload in rows:
            values: Mapping[str, Any] = payload or {}
            unit = values.get("org_unit")
            active: bool | None = False if kind == "staff.deactivated" else None
            if active is None and isinstance(values.get("active"), bool):
                active = values["active"]
            events.append(
                StaffEvent(
                    employee_id=subject,
                    day=self._local_date(at),
                    org_unit=unit if isinstance(unit, str) else None,
                    active=active,
                )
            )
        return StaffHistory(events)

    async def _meetings(
        self, conn: AsyncConnection, start: date, end: date
    ) -> list[tuple[date, str | None]]:
        e = EVENT.c
        first = datetime.combine(start, time(0), tzinfo=self._tz)
        after = datetime.combine(end + timedelta(days=1), time(0), tzinfo=self._tz)
        rows = await conn.execute(
            select(e.at, e.payload).where(e.kind == MEETING_HELD, e.at >= first, e.at < after)
        )
        meetings: list[tuple[date, str | None]] = []
        for at, payload in rows:
            values: Mapping[str, Any] = payload or {}
            unit = next(
                (values[k] for k in MEETING_UNIT_KEYS if isinstance(values.get(k), str)), None
            )
            meetings.append((self._local_date(at), unit))
        return meetings

    def _local_date(self, at: datetime) -> date:
        if at.tzinfo is None:  # SQLite drops the offset; stored values are UTC
            at = at.replace(tzinfo=ZoneInfo("UTC"))
        return at.astimezone(self._tz).date()


@asynccontextmanager
async def shared_snapshot(
    engine: AsyncEngine,
) -> AsyncIterator[tuple[AsyncConnection, AsyncConnection]]:
    """Two read-only PostgreSQL transactions that see the same database state: the first
    exports its snapshot (REPEATABLE READ, ``pg_export_snapshot``), the second imports it
    before any query (``SET TRANSACTION SNAPSHOT``). Closed when the block ends."""
    repeatable = engine.execution_options(isolation_level="REPEATABLE READ")
    async with (
        repeatable.connect() as first,
        repeatable.connect() as second,
        first.begin(),
        second.begin(),
    ):
        await first.execute(text("SET TRANSACTION READ ONLY"))
        snapshot = (await first.execute(text("SELECT pg_export_snapshot()"))).scalar_one()
        if not SNAPSHOT_ID.fullmatch(snapshot):  # it is spliced into the statement
            raise RuntimeError(f"unexpected snapshot id {snapshot!r}")
        await second.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))
        await second.execute(text("SET TRANSACTION READ ONLY"))
        yield first, second


async def _units(conn: AsyncConnection) -> list[OrgUnit]:
    u = UNIT.c
    rows = await conn.execute(select(u.code, u.name, u.kind, u.office, u.parent, u.name_en))
    return [
        OrgUnit(code, name, UnitKind(kind), Office(office), parent, name_en)
        for code, name, kind, office, parent, name_en in rows
    ]


async def _staff(conn: AsyncConnection) -> list[StaffMember]:
    s = STAFF.c
    rows = await conn.execute(
        select(
            s.employee_id,
            s.name,
            s.email,
            s.org_unit,
            s.hire_date,
            s.is_manager,
            s.is_section_chief,
            s.care_preschool,
            s.care_family,
            s.exempt_reason,
            s.active,
            s.employment,
        ).order_by(s.employee_id)
    )
    return [
        StaffMember(
            employee_id=r[0],
            name=r[1],
            email=r[2],
            org_unit=r[3],
            hire_date=r[4],
            is_manager=r[5],
            is_section_chief=r[6],
            care_preschool=r[7],
            care_family=r[8],
            exempt_reason=ExemptReason(r[9]) if r[9] else None,
            active=r[10],
            employment=EmploymentType(r[11]),
        )
        for r in rows
    ]


async def _days(
    conn: AsyncConnection, start: date, end: date, time_ranges: TimeRangeRule
) -> dict[str, list[int]]:
    """Each person's confirmed telework as part codes (``telework_sql.part_codes``: one row
    per person); merging a day's rows and leaving closed days out is the domain's."""
    statement = part_codes(start, end, time_ranges, conn.dialect.name)
    rows = await conn.execute(statement)
    return {employee_id: parse_part_codes(joined) for employee_id, joined in rows}


async def _no_hours(conn: AsyncConnection, start: date, end: date) -> dict[str, list[date]]:
    """Each person's confirmed 週休日（割振り0）days in ``start``…``end`` (a few per person
    at most: the (day, status) index serves it)."""
    c = ENTRY.c
    rows = await conn.execute(
        select(c.employee_id, c.day).where(
            c.status == EntryStatus.NO_HOURS.value,
            c.state == EntryState.CONFIRMED.value,
            c.day >= start,
            c.day <= end,
        )
    )
    result: dict[str, list[date]] = {}
    for employee_id, day in rows:
        when = day if isinstance(day, date) else date.fromisoformat(day)
        result.setdefault(employee_id, []).append(when)
    return result
