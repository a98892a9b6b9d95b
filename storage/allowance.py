"""The 在宅勤務等手当 ledger in SQL: chiefs' orders (命令), each person's place category
(asked once, kept as a history), and what the ledger and its audit trail read.

An order writes confirmed full-day telework entries (``source = "order"``) for the working
days it names, replacing what the person had declared on those days; the link table says
which order made which entry. Every order, cancellation and place change is an event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, update
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, col, select

from domain.allowance import PlaceCategory, PlaceSince, TeleworkDay, TeleworkOrder
from domain.delivery import NewDelivery
from domain.schedule import EntryState, EntryStatus
from storage.identity import append_event
from storage.ledger_fanout import enqueue
from storage.people_filter import People
from storage.schedule import LIVE, ScheduleEntryRow
from storage.tables import BigId, Event, UtcDateTime, utcnow

ORDER_SOURCE = "order"
OrderNotice = Callable[[TeleworkOrder, int], Sequence[NewDelivery]]
"""Messages to enqueue with an order's change: (the order, days made or cancelled)."""


class TeleworkOrderRow(SQLModel, table=True):
    """A chief's order that a person work from home (命令): a standing order and/or days."""

    __tablename__ = "telework_order"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    employee_id: str = Field(max_length=64, foreign_key="staff.employee_id", index=True)
    ordered_by: str = Field(max_length=64)
    from_day: date = Field(sa_column=Column(Date, nullable=False))
    until_day: date = Field(sa_column=Column(Date, nullable=False))
    weekdays: str = Field(default="", max_length=32)  # "mon,wed"
    days: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    made_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    cancelled_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))
    cancelled_by: str | None = Field(default=None, max_length=64)


class TeleworkOrderEntryRow(SQLModel, table=True):
    """Which schedule entry an order made."""

    __tablename__ = "telework_order_entry"

    entry_id: int = Field(sa_type=BigId, primary_key=True, foreign_key="schedule_entry.id")
    order_id: int = Field(sa_type=BigId, foreign_key="telework_order.id", index=True)


class TeleworkPlaceRow(SQLModel, table=True):
    """A person's place category from a day on (the latest row applies)."""

    __tablename__ = "telework_place"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    employee_id: str = Field(max_length=64, foreign_key="staff.employee_id", index=True)
    place: str = Field(max_length=16)
    since: date = Field(sa_column=Column(Date, nullable=False))
    recorded_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    recorded_by: str = Field(max_length=64)


def _order(row: TeleworkOrderRow) -> TeleworkOrder:
    return TeleworkOrder(
        employee_id=row.employee_id,
        ordered_by=row.ordered_by,
        start=row.from_day,
        until=row.until_day,
        made_at=row.made_at,
        weekdays=tuple(w for w in row.weekdays.split(",") if w),
        days=tuple(date.fromisoformat(d) for d in row.days),
        id=row.id,
        cancelled_at=row.cancelled_at,
    )


class SqlAllowance:
    """Orders, places and the ledger's inputs; implements ``domain.allowance.OrderedDays``."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._now = clock

    # -- orders ---------------------------------------------------------------------------

    async def make_order(
        self, order: TeleworkOrder, days: Sequence[date], *, notify: OrderNotice | None = None
    ) -> TeleworkOrder:
        """Store the order and write a confirmed full-day telework entry for each of ``days``
        (its working days from today on), cancelling what was declared there. One
        transaction; the order and each entry are events, and ``notify``'s messages are
        enqueued with them."""
        now = self._now()
        async with self._sessions.begin() as session:
            row = TeleworkOrderRow(
                employee_id=order.employee_id,
                ordered_by=order.ordered_by,
                from_day=order.start,
                until_day=order.until,
                weekdays=",".join(order.weekdays),
                days=[d.isoformat() for d in order.days],
                made_at=now,
            )
            session.add(row)
            await session.flush()
            assert row.id is not None
            existing = (
                (
                    await session.execute(
                        select(ScheduleEntryRow).where(
                            ScheduleEntryRow.employee_id == order.employee_id,
                            col(ScheduleEntryRow.day).in_(list(days)),
                            col(ScheduleEntryRow.state).in_(LIVE),
                        )
                    )
                )
                .scalars()
                .all()
            )
            for old in existing:
                old.state, old.updated_at = EntryState.CANCELLED.value, now
                append_event(
                    session,
                    actor=order.ordered_by,
                    kind="schedule.cancelled",
                    subject=str(old.id),
                    payload={"entry_id": old.id, "by_order": row.id},
                )
            entries = [
                ScheduleEntryRow(
                    employee_id=order.employee_id,
                    day=day,
                    part="full",
                    status=EntryStatus.TELEWORK.value,
                    state=EntryState.CONFIRMED.value,
                    source=ORDER_SOURCE,
                    decided_by=order.ordered_by,
                    created_at=now,
                    updated_at=now,
                )
                for day in days
            ]
            session.add_all(entries)
            await session.flush()
            for entry in entries:
                assert entry.id is not None
                session.add(TeleworkOrderEntryRow(entry_id=entry.id, order_id=row.id))
                append_event(
                    session,
                    actor=order.ordered_by,
                    kind="schedule.declared",
                    subject=order.employee_id,
                    payload={
                        "entry_id": entry.id,
                        "day": entry.day.isoformat(),
                        "part": "full",
                        "status": EntryStatus.TELEWORK.value,
                        "state": EntryState.CONFIRMED.value,
                        "order_id": row.id,
                    },
                )
            append_event(
                session,
                actor=order.ordered_by,
                kind="allowance.order_made",
                subject=order.employee_id,
                payload={
                    "order_id": row.id,
                    "from": order.start.isoformat(),
                    "until": order.until.isoformat(),
                    "weekdays": list(order.weekdays),
                    "days": [d.isoformat() for d in order.days],
                    "entries": len(entries),
                },
            )
            made = _order(row)
            for delivery in notify(made, len(entries)) if notify else ():
                await enqueue(session, delivery, now=now)
            return made

    async def cancel_order(
        self,
        order_id: int,
        *,
        actor: str,
        from_day: date,
        notify: OrderNotice | None = None,
    ) -> int | None:
        """Cancel an order and the live entries it made from ``from_day`` on; the number of
        entries cancelled, or None when there is no such active order."""
        now = self._now()
        async with self._sessions.begin() as session:
            row = await session.get(TeleworkOrderRow, order_id)
            if row is None or row.cancelled_at is not None:
                return None
            row.cancelled_at, row.cancelled_by = now, actor
            ids = (
                (
                    await session.execute(
                        sa_select(col(ScheduleEntryRow.id))
                        .join(
                            TeleworkOrderEntryRow,
                            col(TeleworkOrderEntryRow.entry_id) == col(ScheduleEntryRow.id),
                        )
                        .where(
                            col(TeleworkOrderEntryRow.order_id) == order_id,
                            col(ScheduleEntryRow.day) >= from_day,
                            col(ScheduleEntryRow.state).in_(LIVE),
                        )
                    )
                )
                .scalars()
                .all()
            )
            if ids:
                await session.execute(
                    update(ScheduleEntryRow)
                    .where(col(ScheduleEntryRow.id).in_(ids))
                    .values(state=EntryState.CANCELLED.value, updated_at=now)
                )
            for entry_id in ids:
                append_event(
                    session,
                    actor=actor,
                    kind="schedule.cancelled",
                    subject=str(entry_id),
                    payload={"entry_id": entry_id, "by_order": order_id},
                )
            append_event(
                session,
                actor=actor,
                kind="allowance.order_cancelled",
                subject=row.employee_id,
                payload={"order_id": order_id, "from": from_day.isoformat(), "entries": len(ids)},
            )
            for delivery in notify(_order(row), len(ids)) if notify else ():
                await enqueue(session, delivery, now=now)
            return len(ids)

    async def orders(self, employee_ids: Sequence[str] | None = None) -> list[TeleworkOrder]:
        """Orders (cancelled ones included), oldest first."""
        statement = select(TeleworkOrderRow).order_by(col(TeleworkOrderRow.id))
        people = People(employee_ids)
        statement = statement.where(people.where(col(TeleworkOrderRow.employee_id)))
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
        return [_order(r) for r in rows if people.keeps(r.employee_id)]

    async def ordered_entry_ids(self, entry_ids: Sequence[int]) -> set[int]:
        if not entry_ids:
            return set()
        statement = sa_select(col(TeleworkOrderEntryRow.entry_id)).where(
            col(TeleworkOrderEntryRow.entry_id).in_(entry_ids)
        )
        async with self._sessions() as session:
            return set((await session.execute(statement)).scalars().all())

    # -- places ---------------------------------------------------------------------------

    async def set_place(
        self, employee_id: str, place: PlaceCategory, *, since: date, actor: str
    ) -> None:
        async with self._sessions.begin() as session:
            session.add(
                TeleworkPlaceRow(
                    employee_id=employee_id,
                    place=place.value,
                    since=since,
                    recorded_at=self._now(),
                    recorded_by=actor,
                )
            )
            append_event(
                session,
                actor=actor,
                kind="allowance.place_set",
                subject=employee_id,
                payload={"place": place.value, "since": since.isoformat()},
            )

    async def places(
        self, employee_ids: Sequence[str] | None = None
    ) -> dict[str, list[PlaceSince]]:
        """Each person's place history (recorded order: a later row for the same day wins)."""
        statement = select(TeleworkPlaceRow).order_by(col(TeleworkPlaceRow.id))
        people = People(employee_ids)
        statement = statement.where(people.where(col(TeleworkPlaceRow.employee_id)))
        out: defaultdict[str, list[PlaceSince]] = defaultdict(list)
        async with self._sessions() as session:
            for row in (await session.execute(statement)).scalars().all():
                if not people.keeps(row.employee_id):
                    continue
                history = out[row.employee_id]
                history[:] = [p for p in history if p.since != row.since]
                history.append(PlaceSince(row.employee_id, PlaceCategory(row.place), row.since))
        return dict(out)

    # -- the ledger -----------------------------------------------------------------------

    async def telework_days(
        self, first: date, last: date, employee_ids: Sequence[str] | None = None
    ) -> list[TeleworkDay]:
        """Confirmed telework entries in [first, last], whole day or not, ordered or not."""
        statement = (
            sa_select(
                col(ScheduleEntryRow.employee_id),
                col(ScheduleEntryRow.day),
                col(ScheduleEntryRow.part),
                col(ScheduleEntryRow.source),
            )
            .where(
                col(ScheduleEntryRow.status) == EntryStatus.TELEWORK.value,
                col(ScheduleEntryRow.state) == EntryState.CONFIRMED.value,
                col(ScheduleEntryRow.day) >= first,
                col(ScheduleEntryRow.day) <= last,
            )
            .order_by(col(ScheduleEntryRow.employee_id), col(ScheduleEntryRow.day))
        )
        people = People(employee_ids)
        statement = statement.where(people.where(col(ScheduleEntryRow.employee_id)))
        merged: dict[tuple[str, date], TeleworkDay] = {}
        async with self._sessions() as session:
            for employee_id, day, part, source in await session.execute(statement):
                if not people.keeps(employee_id):
                    continue
                key = (employee_id, day)
                seen = merged.get(key)
                merged[key] = TeleworkDay(
                    employee_id,
                    day,
                    whole_day=part == "full" or (seen is not None and seen.whole_day),
                    ordered=source == ORDER_SOURCE or (seen is not None and seen.ordered),
                )
        return list(merged.values())

    async def changes_after(
        self, first: date, last: date, closed_at: datetime
    ) -> list[tuple[datetime, str, str, str, date | None]]:
        """The audit trail: schedule and allowance events recorded after ``closed_at`` that
        touch a day in [first, last] (or an order or place) — (at, actor, kind, subject,
        day)."""
        statement = (
            select(Event)
            .where(
                col(Event.at) > closed_at,
                col(Event.kind).like("schedule.%") | col(Event.kind).like("allowance.%"),
            )
            .order_by(col(Event.at), col(Event.id))
        )
        async with self._sessions() as session:
            events = (await session.execute(statement)).scalars().all()
            entry_ids = {
                int(e.payload["entry_id"])
                for e in events
                if isinstance(e.payload.get("entry_id"), int) and "day" not in e.payload
            }
            days: dict[int, tuple[str, date]] = {}
            if entry_ids:
                rows = await session.execute(
                    sa_select(
                        col(ScheduleEntryRow.id),
                        col(ScheduleEntryRow.employee_id),
                        col(ScheduleEntryRow.day),
                    ).where(col(ScheduleEntryRow.id).in_(entry_ids))
                )
                days = {i: (emp, d) for i, emp, d in rows if i is not None}
        out: list[tuple[datetime, str, str, str, date | None]] = []
        for event in events:
            payload = event.payload
            subject = event.subject or ""
            day: date | None = None
            if "day" in payload:
                day = date.fromisoformat(str(payload["day"]))
            elif isinstance(payload.get("entry_id"), int) and payload["entry_id"] in days:
                subject, day = days[payload["entry_id"]]
            if event.kind.startswith("allowance.") or (day is not None and first <= day <= last):
                out.append((event.at, event.actor, event.kind, subject, day))
        return out
