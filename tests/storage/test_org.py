"""Linking Teams users to staff records (both backends)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.identity import ChatUser, ConversationAddress
from domain.org import EmploymentType, Office, OrgUnit, StaffMember, UnitKind
from domain.roster import ImportPlan, StaffChange
from storage.engine import session_factory
from storage.identity import SqlTurnRecorder
from storage.org import SqlOrganisation
from storage.report_queries import SqlReportQueries

UNITS = [
    OrgUnit("局", "局", UnitKind.BUREAU, Office.HEAD_OFFICE),
    OrgUnit("局/課", "課", UnitKind.SECTION, Office.HEAD_OFFICE, parent="局"),
]


def member(
    employee_id: str, email: str, aad: str | None = None, active: bool = True
) -> StaffMember:
    return StaffMember(
        employee_id=employee_id,
        name=employee_id,
        email=email,
        org_unit="局/課",
        hire_date=date(2020, 4, 1),
        aad_object_id=aad,
        active=active,
    )


async def seed(engine: AsyncEngine, *people: StaffMember) -> SqlOrganisation:
    organisation = SqlOrganisation(session_factory(engine))
    plan = ImportPlan(
        units=UNITS, changes=[StaffChange(p.employee_id, "created", ("name",), p) for p in people]
    )
    await organisation.apply_import(plan, actor="test")
    return organisation


async def talk(engine: AsyncEngine, user: ChatUser) -> None:
    address = ConversationAddress(
        conversation_id=f"a:{user.user_id}",
        conversation_type="personal",
        service_url="http://127.0.0.1/",
        channel_id="msteams",
        bot_id="28:bot",
        bot_name=None,
        tenant_id=user.tenant_id,
        team_id=None,
        user_key=user.user_id,
    )
    await SqlTurnRecorder(session_factory(engine)).record_turn(user, address)


async def test_link_by_entra_object_id_then_remembered(engine: AsyncEngine) -> None:
    organisation = await seed(engine, member("E1", "one@example.go.jp", aad="aad-1"))
    user = ChatUser(tenant_id="t", user_id="29:one", aad_object_id="AAD-1")
    await talk(engine, user)
    linked = await organisation.link(user)
    assert linked is not None and linked.employee_id == "E1"
    assert await organisation.unmatched() == []
    # Remembered: the next turn finds the same record even without the object id.
    again = await organisation.link(ChatUser(tenant_id="t", user_id="29:one"))
    assert again is not None and again.employee_id == "E1"


async def test_link_by_upn_case_insensitively(engine: AsyncEngine) -> None:
    organisation = await seed(engine, member("E2", "two@example.go.jp"))
    user = ChatUser(tenant_id="t", user_id="29:two", user_principal_name="Two@Example.GO.JP")
    await talk(engine, user)
    linked = await organisation.link(user)
    assert linked is not None and linked.employee_id == "E2"


async def test_upn_does_not_match_a_record_with_another_object_id(engine: AsyncEngine) -> None:
    organisation = await seed(engine, member("E3", "three@example.go.jp", aad="aad-3"))
    user = ChatUser(
        tenant_id="t",
        user_id="29:x",
        aad_object_id="aad-other",
        user_principal_name="three@example.go.jp",
    )
    await talk(engine, user)
    assert await organisation.link(user) is None
    [unmatched] = await organisation.unmatched()
    assert unmatched.teams_user_id == "29:x"


async def test_inactive_staff_are_not_linked(engine: AsyncEngine) -> None:
    organisation = await seed(engine, member("E4", "four@example.go.jp", active=False))
    user = ChatUser(tenant_id="t", user_id="29:four", user_principal_name="four@example.go.jp")
    await talk(engine, user)
    assert await organisation.link(user) is None


async def test_chart_and_staff_round_trip(engine: AsyncEngine) -> None:
    organisation = await seed(engine, member("E5", "five@example.go.jp"))
    chart = await organisation.chart()
    section = chart.section_of("局/課")
    assert section is not None and section.code == "局/課"
    staff = await organisation.staff()
    assert staff["E5"].hire_date == date(2020, 4, 1)


async def test_employment_type_round_trips(engine: AsyncEngine) -> None:
    """Issue 14 item 12: 非常勤 is stored and read back by every reader; 常勤 by default."""
    part_timer = replace(member("E6", "six@example.go.jp"), employment=EmploymentType.NON_FULL_TIME)
    organisation = await seed(engine, part_timer, member("E7", "seven@example.go.jp"))
    staff = await organisation.staff()
    assert staff["E6"].employment is EmploymentType.NON_FULL_TIME
    assert staff["E7"].employment is EmploymentType.FULL_TIME
    read = await organisation.member("E6")
    assert read is not None and read.employment is EmploymentType.NON_FULL_TIME
    inputs = await SqlReportQueries(engine).report_inputs(date(2026, 4, 1), date(2026, 4, 2))
    by_id = {m.employee_id: m for m in inputs.staff}
    assert by_id["E6"].employment is EmploymentType.NON_FULL_TIME
