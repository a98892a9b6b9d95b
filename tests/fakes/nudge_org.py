"""A synthetic organisation of 200 staff for the reminder simulation, with scripted behaviour.

Eight sections of 25 (two bureaus: 大臣官房 at head office, 消防庁 regional and following the
"one teleworker per section" rule). Each person's attributes and behaviour follow from their
number, so the golden file is reproducible:

* ``S{sec}00`` chiefs the section (a manager); ``S{sec}01``–``02`` are other managers.
* every 9th person cares for a child or family member (育児・介護);
* every 23rd is exempt (国会業務 / 窓口業務); every 31st was hired on 2026-04-01 (条件付採用期間
  until 2026-09-30); S016 is inactive; S015 and S720 never talked to the bot.
* behaviour: ``recurring`` (a weekly telework day), ``responder`` (declares a nudge's suggested
  day), ``snoozer`` (presses snooze), ``ignorer``. Section 7 (消防庁/防災課) is all ignorers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.org import ExemptReason, Office, OrgUnit, StaffMember, UnitKind
from domain.roster import ImportPlan, StaffChange
from storage.engine import session_factory
from storage.org import SqlOrganisation
from storage.tables import TeamsIdentity

SECTIONS = [
    ("大臣官房", "総務課"),
    ("大臣官房", "人事課"),
    ("大臣官房", "会計課"),
    ("大臣官房", "企画課"),
    ("消防庁", "総務課"),
    ("消防庁", "消防課"),
    ("消防庁", "予防課"),
    ("消防庁", "防災課"),
]
PER_SECTION = 25
NEVER_TALKED = {"S015", "S720"}
INACTIVE = {"S016"}
ADMIN = "S103"


class Behaviour(StrEnum):
    RECURRING = "recurring"
    RESPONDER = "responder"
    SNOOZER = "snoozer"
    IGNORER = "ignorer"


def units() -> list[OrgUnit]:
    out = [
        OrgUnit("大臣官房", "大臣官房", UnitKind.BUREAU, Office.HEAD_OFFICE),
        OrgUnit("消防庁", "消防庁", UnitKind.BUREAU, Office.REGIONAL),
    ]
    for bureau, section in SECTIONS:
        office = Office.HEAD_OFFICE if bureau == "大臣官房" else Office.REGIONAL
        out.append(OrgUnit(f"{bureau}/{section}", section, UnitKind.SECTION, office, bureau))
    return out


def employee_id(section: int, index: int) -> str:
    return f"S{section}{index:02d}"


def number(emp: str) -> int:
    return int(emp[1]) * PER_SECTION + int(emp[2:])


def member(section: int, index: int) -> StaffMember:
    emp = employee_id(section, index)
    n = section * PER_SECTION + index
    bureau, name = SECTIONS[section]
    exempt = None
    if n % 23 == 22:
        exempt = ExemptReason.DIET_WORK if n % 2 else ExemptReason.COUNTER_SERVICE
    return StaffMember(
        employee_id=emp,
        name=f"職員{emp}",
        email=f"{emp.lower()}@example.go.jp",
        org_unit=f"{bureau}/{name}",
        hire_date=date(2026, 4, 1) if n % 31 == 30 else date(2010, 4, 1),
        is_manager=index <= 2,
        is_section_chief=index == 0,
        care_preschool=n % 9 == 4 and index > 2,
        care_family=n % 18 == 13 and index > 2,
        exempt_reason=exempt,
        active=emp not in INACTIVE,
        preferred_language="en" if n % 7 == 5 else None,
    )


def behaviour(emp: str) -> Behaviour:
    section, index, n = int(emp[1]), int(emp[2:]), number(emp)
    if section == 7:
        return Behaviour.IGNORER
    if index <= 2:  # chiefs respond; the other managers: one responds, one ignores
        return (Behaviour.RESPONDER, Behaviour.IGNORER, Behaviour.RESPONDER)[index]
    cycle = [Behaviour.RECURRING] * 3 + [Behaviour.RESPONDER, Behaviour.SNOOZER, Behaviour.IGNORER]
    return cycle[n % 6]


def everyone() -> list[StaffMember]:
    return [member(s, i) for s in range(len(SECTIONS)) for i in range(PER_SECTION)]


async def seed(engine: AsyncEngine) -> list[StaffMember]:
    """Units, staff and the Teams identities of everyone who talked to the bot."""
    people = everyone()
    organisation = SqlOrganisation(session_factory(engine))
    plan = ImportPlan(
        units=units(),
        changes=[StaffChange(p.employee_id, "created", ("name",), p) for p in people],
    )
    await organisation.apply_import(plan, actor="test")
    seen = datetime(2026, 3, 1, tzinfo=UTC)
    rows = [
        {
            "tenant_id": "tenant",
            "teams_user_id": f"29:{p.employee_id}",
            "employee_id": p.employee_id,
            "first_seen_at": seen,
            "last_seen_at": seen,
        }
        for p in people
        if p.employee_id not in NEVER_TALKED
    ]
    async with engine.begin() as conn:
        await conn.execute(insert(TeamsIdentity.__table__), rows)  # type: ignore[attr-defined]
    return people
