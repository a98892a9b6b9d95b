"""Schedule entries, recurring plans and presence reports in SQL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import Column, Date, Index, update
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, col, select

from domain.delivery import NewDelivery
from domain.schedule import (
    DEFAULT_TIME_RANGES,
    EntryState,
    EntryStatus,
    PresenceReport,
    RecurringPlan,
    ScheduleEntry,
    TimeRangeRule,
    occasion_part,
)
from storage.identity import append_event
from storage.ledger_fanout import enqueue
from storage.people_filter import People
from storage.tables import BigId, UtcDateTime, utcnow


class ScheduleEntryRow(SQLModel, table=True):
    """One declared part of a day. Never deleted: cancelling sets ``state``."""

    __tablename__ = "schedule_entry"
    __table_args__ = (
        Index("ix_schedule_entry_person_day", "employee_id", "day"),
        Index("ix_schedule_entry_day_status", "day", "status"),
    )

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    employee_id: str = Field(max_length=64, foreign_key="staff.employee_id")
    day: date = Field(sa_column=Column(Date, nullable=False))
    part: str = Field(max_length=16)
    status: str = Field(max_length=16)
    state: str = Field(max_length=16)
    note: str | None = Field(default=None, max_length=500)
    source: str = Field(default="chat", max_length=16)
    recurrence_id: int | None = Field(default=None, sa_type=BigId)
    decided_by: str | None = Field(default=None, max_length=64)
    decision_comment: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


class RecurringPlanRow(SQLModel, table=True):
    """A weekly pattern (毎週水曜テレワーク) that is turned into entries ahead of time."""

    __tablename__ = "recurring_plan"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    employee_id: str = Field(max_length=64, foreign_key="staff.employee_id", index=True)
    weekdays: str = Field(max_length=32)  # "mon,wed"
    part: str = Field(max_length=16)
    status: str = Field(max_length=16)
    from_day: date = Field(sa_column=Column(Date, nullable=False))
    until_day: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    active: bool = Field(default=True)
    created_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


class PresenceRow(SQLModel, table=True):
    """A presence report: start/end of work, away, back, in a meeting (timestamped)."""

    __tablename__ = "presence"
    __table_args__ = (Index("ix_presence_person_at", "employee_id", "at"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    employee_id: str = Field(max_length=64, foreign_key="staff.employee_id")
    at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    kind: str = Field(max_length=16)
    note: str | None = Field(default=None, max_length=500)


def to_entry(row: ScheduleEntryRow) -> ScheduleEntry:
    return ScheduleEntry(
        id=row.id,
        employee_id=row.employee_id,
        day=row.day,
        part=row.part,
        status=EntryStatus(row.status),
        state=EntryState(row.state),
        note=row.note,
        recurrence_id=row.recurrence_id,
        updated_at=row.updated_at,
    )


LIVE = (EntryState.CONFIRMED.value, EntryState.PENDING.value)
_PLAIN_PARTS = {"full": "full", "am": "am", "pm": "pm"}
Notify = Callable[[list[ScheduleEntry]], Sequence[NewDelivery]]


class SqlSchedule:
    """Reads and writes schedule entries; every change is an event in the same transaction."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        clock: Callable[[], datetime] = utcnow,
        time_ranges: TimeRangeRule = DEFAULT_TIME_RANGES,
    ) -> None:
        self._sessions = sessions
        self._now = clock
        self._time_ranges = time_ranges

    async def entries(
        self, employee_id: str, start: date, end: date, *, live_only: bool = True
    ) -> list[ScheduleEntry]:
        statement = select(ScheduleEntryRow).where(
            ScheduleEntryRow.employee_id == employee_id,
            col(ScheduleEntryRow.day) >= start,
            col(ScheduleEntryRow.day) <= end,
        )
        if live_only:
            statement = statement.where(col(ScheduleEntryRow.state).in_(LIVE))
        statement = statement.order_by(col(ScheduleEntryRow.day), col(ScheduleEntryRow.id))
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
        return [to_entry(row) for row in rows]

    async def entries_on(self, day: date, employee_ids: Sequence[str]) -> list[ScheduleEntry]:
        """Live entries of these people on one day (a section's board)."""
        if not employee_ids:
            return []
        people = People(employee_ids)
        statement = (
            select(ScheduleEntryRow)
            .where(
                ScheduleEntryRow.day == day,
                people.where(col(ScheduleEntryRow.employee_id)),
                col(ScheduleEntryRow.state).in_(LIVE),
            )
            .order_by(col(ScheduleEntryRow.employee_id), col(ScheduleEntryRow.id))
        )
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
        return [to_entry(row) for row in rows if people.keeps(row.employee_id)]

    async def pending(self, from_day: date) -> list[ScheduleEntry]:
        """Every entry awaiting approval for ``from_day`` or later."""
        statement = (
            select(ScheduleEntryRow)
            .where(
                col(ScheduleEntryRow.state) == EntryState.PENDING.value,
                col(ScheduleEntryRow.day) >= from_day,
            )
            .order_by(col(ScheduleEntryRow.day), col(ScheduleEntryRow.id))
        )
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
        return [to_entry(row) for row in rows]

    async def get(self, entry_id: int) -> ScheduleEntry | None:
        async with self._sessions() as session:
            row = await session.get(ScheduleEntryRow, entry_id)
        return to_entry(row) if row else None

    async def save(
        self,
        new: Iterable[ScheduleEntry],
        *,
        actor: str,
        replacing: Iterable[int] = (),
        source: str = "chat",
        notify: Notify | None = None,
    ) -> list[ScheduleEntry]:
        """Insert ``new`` and cancel the entries it replaces, in one transaction; the messages
        ``notify`` returns for the saved entries are enqueued in that same transaction."""
        now = self._now()
        saved: list[ScheduleEntryRow] = []
        async with self._sessions.begin() as session:
            replaced = list(replacing)
            if replaced:
                await _set_state(session, replaced, EntryState.CANCELLED, actor, now)
            for entry in new:
                row = _new_row(entry, now, source=source, recurrence_id=entry.recurrence_id)
                session.add(row)
                saved.append(row)
            await session.flush()
            for row in saved:
                _declared_event(session, actor, row, replaced)
            entries = [to_entry(row) for row in saved]
            if notify is not None:
                for delivery in notify(entries):
                    await enqueue(session, delivery, now=now)
        return entries

    async def save_recurring(
        self, plan: RecurringPlan, entries: Iterable[ScheduleEntry], *, actor: str
    ) -> list[ScheduleEntry]:
        """Store a weekly plan and the entries it produces now, in one transaction."""
        now = self._now()
        async with self._sessions.begin() as session:
            row = RecurringPlanRow(
                employee_id=plan.employee_id,
                weekdays=",".join(plan.weekdays),
                part=plan.part,
                status=plan.status.value,
                from_day=plan.start,
                until_day=plan.until,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            append_event(
                session,
                actor=actor,
                kind="schedule.recurring_declared",
                subject=plan.employee_id,
                payload={
                    "plan_id": row.id,
                    "weekdays": list(plan.weekdays),
                    "part": plan.part,
                    "status": plan.status.value,
                    "from": plan.start.isoformat(),
                    "until": plan.until.isoformat() if plan.until else None,
                },
            )
            rows = []
            for entry in entries:
                entry_row = _new_row(entry, now, source="recurring", recurrence_id=row.id)
                session.add(entry_row)
                rows.append(entry_row)
            await session.flush()
            for entry_row in rows:
                _declared_event(session, actor, entry_row, [])
        return [to_entry(r) for r in rows]

    async def cancel_recurring(
        self, employee_id: str, weekdays: Sequence[str], *, from_day: date, actor: str
    ) -> tuple[int, int]:
        """End the person's plans on those weekdays (all plans when empty) and cancel the
        entries they produced from ``from_day`` on. Returns (plans ended, entries cancelled)."""
        async with self._sessions.begin() as session:
            plans = (
                (
                    await session.execute(
                        select(RecurringPlanRow).where(
                            col(RecurringPlanRow.employee_id) == employee_id,
                            col(RecurringPlanRow.active).is_(True),
                        )
                    )
                )
                .scalars()
                .all()
            )
            ended = [p for p in plans if not weekdays or set(p.weekdays.split(",")) & set(weekdays)]
            if not ended:
                return (0, 0)
            for plan_row in ended:
                plan_row.active = False
                append_event(
                    session,
                    actor=actor,
                    kind="schedule.recurring_cancelled",
                    subject=employee_id,
                    payload={"plan_id": plan_row.id},
                )
            ids = (
                (
                    await session.execute(
                        sa_select(col(ScheduleEntryRow.id)).where(
                            col(ScheduleEntryRow.recurrence_id).in_([p.id for p in ended]),
                            col(ScheduleEntryRow.day) >= from_day,
                            col(ScheduleEntryRow.state).in_(LIVE),
                        )
                    )
                )
                .scalars()
                .all()
            )
            cancelled = await _set_state(
                session, [i for i in ids if i is not None], EntryState.CANCELLED, actor, self._now()
            )
            return (len(ended), cancelled)

    async def cancel(self, entry_ids: Sequence[int], *, actor: str) -> int:
        async with self._sessions.begin() as session:
            return await _set_state(session, entry_ids, EntryState.CANCELLED, actor, self._now())

    async def decide(
        self,
        entry_id: int,
        *,
        approve: bool,
        actor: str,
        comment: str | None,
        notify: Notify | None = None,
    ) -> ScheduleEntry | None:
        """Approve or reject a pending entry (and enqueue ``notify``'s messages with it);
        None when it is no longer pending."""
        decided = await self.decide_many(
            [entry_id], approve=approve, actor=actor, comment=comment, notify=notify
        )
        return decided[0] if decided else None

    async def decide_many(
        self,
        entry_ids: Sequence[int],
        *,
        approve: bool,
        actor: str,
        comment: str | None,
        notify: Notify | None = None,
    ) -> list[ScheduleEntry]:
        """Approve or reject every entry of ``entry_ids`` still pending, in one transaction
        (one request of many days: 「すべて承認」); ``notify`` builds its messages once, from
        all of them. The entries decided (those no longer pending are left out)."""
        now = self._now()
        state = EntryState.CONFIRMED if approve else EntryState.REJECTED
        decided: list[ScheduleEntry] = []
        async with self._sessions.begin() as session:
            for entry_id in dict.fromkeys(entry_ids):
                result = await session.execute(
                    update(ScheduleEntryRow)
                    .where(
                        col(ScheduleEntryRow.id) == entry_id,
                        col(ScheduleEntryRow.state) == EntryState.PENDING.value,
                    )
                    .values(
                        state=state.value,
                        decided_by=actor,
                        decision_comment=comment,
                        updated_at=now,
                    )
                )
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    continue
                append_event(
                    session,
                    actor=actor,
                    kind=f"schedule.{state.value}",
                    subject=str(entry_id),
                    payload={"entry_id": entry_id, "comment": comment},
                )
                row = await session.get(ScheduleEntryRow, entry_id)
                assert row is not None
                decided.append(to_entry(row))
            if decided and notify is not None:
                for delivery in notify(decided):
                    await enqueue(session, delivery, now=now)
        return decided

    async def telework_occasions(
        self, start: date, end: date, employee_ids: Sequence[str] | None = None
    ) -> dict[str, list[tuple[date, str]]]:
        """Confirmed telework per person in [start, end], as (day, full|am|pm) pairs."""
        statement = sa_select(
            col(ScheduleEntryRow.employee_id), col(ScheduleEntryRow.day), col(ScheduleEntryRow.part)
        ).where(
            col(ScheduleEntryRow.status) == EntryStatus.TELEWORK.value,
            col(ScheduleEntryRow.state) == EntryState.CONFIRMED.value,
            col(ScheduleEntryRow.day) >= start,
            col(ScheduleEntryRow.day) <= end,
        )
        people = People(employee_ids)
        statement = statement.where(people.where(col(ScheduleEntryRow.employee_id)))
        result: defaultdict[str, list[tuple[date, str]]] = defaultdict(list)
        half_or_full = _PLAIN_PARTS  # most rows; time ranges go through occasion_part
        async with self._sessions() as session:
            for employee_id, day, part in await session.execute(statement):
                if not people.keeps(employee_id):
                    continue
                counted = half_or_full.get(part) or occasion_part(part, self._time_ranges).value
                result[employee_id].append((day, counted))
        return dict(result)

    async def record_presence(
        self, employee_id: str, kind: str, *, at: datetime, note: str | None = None
    ) -> None:
        async with self._sessions.begin() as session:
            session.add(PresenceRow(employee_id=employee_id, at=at, kind=kind, note=note))
            append_event(
                session,
                actor=employee_id,
                kind=f"presence.{kind}",
                subject=employee_id,
                payload={"at": at.isoformat()},
            )

    async def presence_reports(self, employee_id: str, since: datetime) -> list[PresenceReport]:
        """One person's presence reports since ``since`` (e.g. local midnight), in time order."""
        statement = (
            select(PresenceRow)
            .where(col(PresenceRow.employee_id) == employee_id, col(PresenceRow.at) >= since)
            .order_by(col(PresenceRow.at), col(PresenceRow.id))
        )
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
        return [PresenceReport(id=r.id or 0, kind=r.kind, at=r.at) for r in rows]

    async def correct_presence(self, report_id: int, *, at: datetime, actor: str) -> bool:
        """Move one presence report to ``at`` (the person corrected it); ``False`` if gone."""
        async with self._sessions.begin() as session:
            row = await session.get(PresenceRow, report_id)
            if row is None:
                return False
            before = row.at
            row.at = at
            append_event(
                session,
                actor=actor,
                kind=f"presence.{row.kind}.corrected",
                subject=row.employee_id,
                payload={"from": before.isoformat(), "at": at.isoformat()},
            )
        return True

    async def latest_presence(
        self, employee_ids: Sequence[str], since: datetime
    ) -> dict[str, tuple[str, datetime]]:
        """Each person's latest presence report since ``since`` (e.g. local midnight)."""
        if not employee_ids:
            return {}
        people = People(employee_ids)
        statement = (
            sa_select(col(PresenceRow.employee_id), col(PresenceRow.kind), col(PresenceRow.at))
            .where(
                people.where(col(PresenceRow.employee_id)),
                col(PresenceRow.at) >= since,
            )
            .order_by(col(PresenceRow.at))
        )
        latest: dict[str, tuple[str, datetime]] = {}
        async with self._sessions() as session:
            for employee_id, kind, at in await session.execute(statement):
                if people.keeps(employee_id):
                    latest[employee_id] = (kind, at)
        return latest


def _new_row(
    entry: ScheduleEntry, now: datetime, *, source: str, recurrence_id: int | None
) -> ScheduleEntryRow:
    return ScheduleEntryRow(
        employee_id=entry.employee_id,
        day=entry.day,
        part=entry.part,
        status=entry.status.value,
        state=entry.state.value,
        note=entry.note,
        source=source,
        recurrence_id=recurrence_id,
        created_at=now,
        updated_at=now,
    )


def _declared_event(
    session: AsyncSession, actor: str, row: ScheduleEntryRow, replaced: list[int]
) -> None:
    append_event(
        session,
        actor=actor,
        kind="schedule.declared",
        subject=row.employee_id,
        payload={
            "entry_id": row.id,
            "day": row.day.isoformat(),
            "part": row.part,
            "status": row.status,
            "state": row.state,
            "replacing": replaced,
            "recurrence_id": row.recurrence_id,
        },
    )


async def _set_state(
    session: AsyncSession, ids: Sequence[int], state: EntryState, actor: str, now: datetime
) -> int:
    result = await session.execute(
        update(ScheduleEntryRow)
        .where(
            col(ScheduleEntryRow.id).in_(ids),
            col(ScheduleEntryRow.state).in_(LIVE),
        )
        .values(state=state.value, updated_at=now)
    )
    for entry_id in ids:
        append_event(
            session,
            actor=actor,
            kind=f"schedule.{state.value}",
            subject=str(entry_id),
            payload={"entry_id": entry_id},
        )
    return int(result.rowcount)  # type: ignore[attr-defined]
