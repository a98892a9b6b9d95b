"""The allowance ledger's storage (both backends): orders write and cancel entries, places
keep their history, the ledger reads whole/ordered days, the audit trail finds the days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.allowance import PlaceCategory, TeleworkDay, TeleworkOrder
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.allowance import SqlAllowance
from storage.engine import session_factory
from storage.schedule import SqlSchedule
from storage.tables import Event
from tests.factories import seed_staff, staff

MADE = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


async def test_an_order_replaces_declared_days_and_cancelling_removes_them(
    engine: AsyncEngine,
) -> None:
    await seed_staff(engine, staff("A"), staff("C1", is_section_chief=True))
    sessions = session_factory(engine)
    schedule = SqlSchedule(sessions)
    store = SqlAllowance(sessions, clock=lambda: MADE)
    [office] = await schedule.save(
        [ScheduleEntry("A", date(2026, 12, 1), "full", EntryStatus.OFFICE)], actor="A"
    )
    order = TeleworkOrder(
        "A", "C1", date(2026, 11, 30), date(2026, 12, 8), MADE, ("mon", "tue"), (date(2026, 12, 3),)
    )
    days = [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 7)]
    made = await store.make_order(order, days)
    assert made.id is not None and made.days == (date(2026, 12, 3),)
    live = await schedule.entries("A", date(2026, 11, 30), date(2026, 12, 8))
    assert [(e.day, e.status, e.state) for e in live] == [
        (d, EntryStatus.TELEWORK, EntryState.CONFIRMED) for d in days
    ]
    assert (await schedule.get(office.id or 0)).state is EntryState.CANCELLED  # type: ignore[union-attr]
    ordered = await store.ordered_entry_ids([e.id or 0 for e in live] + [office.id or 0])
    assert ordered == {e.id for e in live}
    ledger = await store.telework_days(date(2026, 11, 1), date(2026, 12, 31))
    assert ledger == [TeleworkDay("A", d, True, True) for d in days]

    assert await store.cancel_order(made.id, actor="C1", from_day=date(2026, 12, 2)) == 2
    assert await store.cancel_order(made.id, actor="C1", from_day=date(2026, 12, 2)) is None
    left = await schedule.entries("A", date(2026, 11, 30), date(2026, 12, 8))
    assert [e.day for e in left] == days[:2]
    [stored] = await store.orders(["A"])
    assert stored.cancelled_at is not None and not stored.active
    async with sessions() as session:
        kinds = set((await session.execute(select(Event.kind))).scalars().all())
    assert "allowance.order_made" in kinds and "allowance.order_cancelled" in kinds


async def test_places_keep_their_history_and_the_audit_trail_names_the_day(
    engine: AsyncEngine,
) -> None:
    await seed_staff(engine, staff("A"))
    sessions = session_factory(engine)
    store = SqlAllowance(sessions)
    await store.set_place("A", PlaceCategory.HOME, since=date(2026, 4, 1), actor="A")
    await store.set_place("A", PlaceCategory.OTHER, since=date(2026, 12, 1), actor="A")
    await store.set_place("A", PlaceCategory.FAMILY_HOME, since=date(2026, 12, 1), actor="A")
    history = (await store.places())["A"]
    assert [(p.place, p.since) for p in history] == [
        (PlaceCategory.HOME, date(2026, 4, 1)),
        (PlaceCategory.FAMILY_HOME, date(2026, 12, 1)),
    ]
    schedule = SqlSchedule(sessions)
    [half] = await schedule.save(
        [ScheduleEntry("A", date(2026, 10, 5), "am", EntryStatus.TELEWORK)], actor="A"
    )
    await schedule.cancel([half.id or 0], actor="A")
    before = datetime(2026, 11, 1, tzinfo=UTC)
    trail = await store.changes_after(date(2026, 10, 1), date(2026, 10, 31), before)
    kinds = [(kind, subject, day) for _at, _actor, kind, subject, day in trail]
    assert ("schedule.declared", "A", date(2026, 10, 5)) in kinds
    assert ("schedule.cancelled", "A", date(2026, 10, 5)) in kinds
    assert ("allowance.place_set", "A", None) in kinds
    assert await store.changes_after(date(2026, 9, 1), date(2026, 9, 30), before) == [
        t for t in trail if t[2].startswith("allowance.")
    ]


async def test_a_day_without_working_hours_on_an_ordered_day_is_not_counted(
    engine: AsyncEngine,
) -> None:
    """Issue 18 §2: the person puts a 週休日（割振り0）on an ordered Tuesday: the ledger no
    longer has that day (it is not telework), so the allowance counts one day fewer and
    nothing else — the threshold and the period stay as they were."""
    from domain.allowance import assess_month
    from domain.policy import default_policy

    policy = default_policy()
    calendar = policy.work_calendar()
    await seed_staff(engine, staff("A"), staff("C1", is_section_chief=True))
    sessions = session_factory(engine)
    schedule = SqlSchedule(sessions)
    store = SqlAllowance(sessions, clock=lambda: MADE)
    await store.set_place("A", PlaceCategory.HOME, since=date(2026, 11, 1), actor="A")
    order = TeleworkOrder("A", "C1", date(2026, 12, 1), date(2026, 12, 25), MADE, ("tue",))
    tuesdays = [date(2026, 12, d) for d in (1, 8, 15, 22)]
    await store.make_order(order, tuesdays)

    async def december() -> tuple[int, float | None]:
        days = await store.telework_days(date(2026, 10, 1), date(2027, 2, 28))
        [result] = assess_month(
            date(2026, 12, 1),
            ["A"],
            days,
            [order],
            await store.places(),
            policy.allowance,
            calendar,
        )
        return result.whole_days, result.average

    assert await december() == (4, round(4 / 3, 2))
    [ordered] = await schedule.entries("A", date(2026, 12, 8), date(2026, 12, 8))
    await schedule.save(
        [ScheduleEntry("A", date(2026, 12, 8), "full", EntryStatus.NO_HOURS)],
        actor="A",
        replacing=[ordered.id or 0],
    )
    assert await december() == (3, 1.0)


async def test_a_long_list_of_people_is_filtered_while_reading(engine: AsyncEngine) -> None:
    """More people than one query may bind (SQLite and asyncpg stop at 32,766 parameters):
    the places and days of exactly those people, none of the others'."""
    await seed_staff(engine, staff("A"), staff("B"), staff("C"))
    sessions = session_factory(engine)
    store = SqlAllowance(sessions)
    schedule = SqlSchedule(sessions)
    for person in ("A", "B", "C"):
        await store.set_place(person, PlaceCategory.HOME, since=date(2026, 4, 1), actor=person)
        await schedule.save(
            [
                ScheduleEntry(
                    person, date(2026, 12, 1), "full", EntryStatus.TELEWORK, EntryState.CONFIRMED
                )
            ],
            actor=person,
        )
    asked = ["A", "C", *(f"X{n:05d}" for n in range(40_000))]  # beyond any bind limit
    assert sorted(await store.places(asked)) == ["A", "C"]
    days = await store.telework_days(date(2026, 12, 1), date(2026, 12, 31), asked)
    assert sorted(d.employee_id for d in days) == ["A", "C"]
    # A short list is still filtered by the query itself.
    assert sorted(await store.places(["B"])) == ["B"]
