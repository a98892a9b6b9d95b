"""Factories for tests: a small organisation written through the real repositories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.services import Services
from bot.core.turn import Conversation, Scope, Turn
from bot.ui.texts import Lang
from domain.identity import ChatUser
from domain.org import Office, OrgUnit, StaffMember, UnitKind, Viewer
from domain.roster import ImportPlan, StaffChange
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import session_factory
from storage.org import SqlOrganisation
from storage.schedule import SqlSchedule

TOKYO = ZoneInfo("Asia/Tokyo")
UNITS = [
    OrgUnit("大臣官房", "大臣官房", UnitKind.BUREAU, Office.HEAD_OFFICE),
    OrgUnit("大臣官房/総務課", "総務課", UnitKind.SECTION, Office.HEAD_OFFICE, parent="大臣官房"),
    OrgUnit(
        "大臣官房/総務課/文書係",
        "文書係",
        UnitKind.SUBSECTION,
        Office.HEAD_OFFICE,
        parent="大臣官房/総務課",
    ),
    OrgUnit("関東局", "関東局", UnitKind.BUREAU, Office.REGIONAL),
    OrgUnit("関東局/総務課", "総務課", UnitKind.SECTION, Office.REGIONAL, parent="関東局"),
]

# Megan Bowen of the 01_personal_message fixture.
MEGAN_AAD = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"


def staff(employee_id: str, **fields: object) -> StaffMember:
    values: dict[str, object] = {
        "employee_id": employee_id,
        "name": employee_id,
        "email": f"{employee_id.lower()}@example.go.jp",
        "org_unit": "大臣官房/総務課",
        "hire_date": date(2015, 4, 1),
    }
    values.update(fields)
    return StaffMember(**values)  # type: ignore[arg-type]


async def seed_staff(engine: AsyncEngine, *people: StaffMember) -> SqlOrganisation:
    organisation = SqlOrganisation(session_factory(engine))
    plan = ImportPlan(
        units=UNITS,
        changes=[StaffChange(p.employee_id, "created", ("name",), p) for p in people],
    )
    await organisation.apply_import(plan, actor="test")
    return organisation


async def seed_telework(
    engine: AsyncEngine, employee_id: str, *days: date, part: str = "full"
) -> None:
    await SqlSchedule(session_factory(engine)).save(
        [
            ScheduleEntry(employee_id, day, part, EntryStatus.TELEWORK, EntryState.CONFIRMED)
            for day in days
        ],
        actor="test",
    )


async def turn_as(
    services: Services,
    employee_id: str,
    lang: Lang = "ja",
    *,
    scope: Scope = Scope.PERSONAL,
) -> Turn:
    """A turn from a staff member (their roles looked up), without going through Teams."""
    member = await services.directory.member(employee_id)
    assert member is not None, employee_id
    viewer = Viewer.of(member, await services.directory.chart(), services.admins)
    return Turn(
        sender=ChatUser(tenant_id="tenant", user_id=f"29:{employee_id}"),
        conversation=Conversation(f"conversation:{employee_id}", scope),
        lang=lang,
        services=services,
        _viewer=viewer,
        _looked_up=True,
    )


def frozen_clock(local: datetime) -> Callable[[], datetime]:
    """A clock stopped at ``local`` (Asia/Tokyo wall time)."""
    instant = local.replace(tzinfo=TOKYO).astimezone(UTC)
    return lambda: instant
