"""A generated roster for equivalence tests (SQL aggregates against the Python computation):
random but seeded staff in the units of ``tests/report_org.py``, with every edge case the
counting rules have — half days, a morning and an afternoon on one day, time ranges (open and
closed), telework on closed days, pending, cancelled and office rows, recent hires (the
conditional appointment period and prorated first periods), inactive, exempt and non-full-time
staff, leavers and movers between units mid-year (``staff.*`` events)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from random import Random

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.org import EmploymentType, ExemptReason, StaffMember
from storage.report_queries import ENTRY, EVENT, STAFF, UNIT
from tests.report_org import UNITS, local_noon, person

NOW = datetime(2025, 3, 1, tzinfo=UTC)
PARTS = (
    ("full",) * 10
    + ("am",) * 3
    + ("pm",) * 3
    + (
        "09:00-11:00",  # am
        "13:00-15:00",  # pm
        "11:00-13:00",  # across noon: am
        "09:00-15:00",  # a full day (more than half of 7:45)
        "15:00-",  # open: pm
        "08:30-",  # open: a full day
    )
)
STATES = ("confirmed",) * 12 + ("pending", "cancelled", "rejected")
PLACES = [u.code for u in UNITS]


@dataclass(frozen=True)
class Roster:
    staff: list[StaffMember]
    entries: list[tuple[str, date, str, str, str]]  # employee, day, part, status, state
    events: list[tuple[datetime, str, str, dict[str, object]]]  # at, kind, subject, payload


def generate(seed: int, people: int, start: date, end: date) -> Roster:
    """``people`` staff with telework from ``start`` to ``end`` (every day, closed ones too)."""
    rng = Random(seed)
    staff: list[StaffMember] = []
    entries: list[tuple[str, date, str, str, str]] = []
    events: list[tuple[datetime, str, str, dict[str, object]]] = []
    span = (end - start).days
    for n in range(people):
        eid = f"G{n:04d}"
        unit = rng.choice(PLACES)
        roll = rng.random()
        if roll < 0.15:  # hired inside the window: conditional, then prorated
            hire = start + timedelta(days=rng.randrange(span))
        elif roll < 0.25:
            hire = date(start.year, 4, 1)
        else:
            hire = date(rng.randrange(1990, start.year), rng.randrange(1, 13), 1)
        manager = rng.random() < 0.2
        member = person(
            eid,
            unit,
            hire_date=hire,
            is_manager=manager,
            is_section_chief=manager and rng.random() < 0.3,
            care_preschool=rng.random() < 0.15,
            care_family=rng.random() < 0.08,
            exempt_reason=rng.choice(list(ExemptReason)) if rng.random() < 0.08 else None,
            active=rng.random() > 0.08,
            employment=EmploymentType.NON_FULL_TIME
            if rng.random() < 0.05
            else EmploymentType.FULL_TIME,
        )
        staff.append(member)
        events.append((local_noon(start - timedelta(days=30)), "staff.created", eid,
                       {"org_unit": unit, "active": True}))  # fmt: skip
        if rng.random() < 0.15:  # a mover
            moved = start + timedelta(days=rng.randrange(span))
            events.append((local_noon(moved), "staff.updated", eid,
                           {"org_unit": rng.choice(PLACES)}))  # fmt: skip
        if not member.active and rng.random() < 0.7:  # a leaver mid-window
            left = start + timedelta(days=rng.randrange(span))
            events.append((local_noon(left), "staff.deactivated", eid, {}))
        for _ in range(rng.choice((0, 2, 5, 10, 25, 60))):
            day = start + timedelta(days=rng.randrange(span + 1))
            part = rng.choice(PARTS)
            entries.append((eid, day, part, "telework", rng.choice(STATES)))
            if part == "am" and rng.random() < 0.3:
                entries.append((eid, day, "pm", "telework", "confirmed"))
            if rng.random() < 0.05:
                entries.append((eid, day, "full", rng.choice(("office", "leave")), "confirmed"))
    return Roster(staff, entries, events)


async def seed(engine: AsyncEngine, roster: Roster) -> None:
    """Units, staff, entries and events, bulk-inserted."""
    async with engine.begin() as conn:
        await conn.execute(
            insert(UNIT),
            [
                {"code": u.code, "name": u.name, "name_en": u.name_en, "kind": u.kind.value,
                 "office": u.office.value, "parent": u.parent, "updated_at": NOW}
                for u in UNITS
            ],
        )  # fmt: skip
        await conn.execute(
            insert(STAFF),
            [
                {"employee_id": m.employee_id, "name": m.name, "email": m.email,
                 "org_unit": m.org_unit, "hire_date": m.hire_date, "is_manager": m.is_manager,
                 "is_section_chief": m.is_section_chief, "care_preschool": m.care_preschool,
                 "care_family": m.care_family,
                 "exempt_reason": m.exempt_reason.value if m.exempt_reason else None,
                 "active": m.active, "employment": m.employment.value,
                 "time_zone": "Asia/Tokyo", "updated_at": NOW}
                for m in roster.staff
            ],
        )  # fmt: skip
        if roster.entries:
            await conn.execute(
                insert(ENTRY),
                [
                    {"employee_id": e, "day": d, "part": p, "status": s, "state": st,
                     "source": "test", "created_at": NOW, "updated_at": NOW}
                    for e, d, p, s, st in roster.entries
                ],
            )  # fmt: skip
        if not roster.events:
            return
        await conn.execute(
            insert(EVENT),
            [
                {"at": at, "actor": "test", "kind": kind, "subject": subject, "payload": payload}
                for at, kind, subject, payload in roster.events
            ],
        )
