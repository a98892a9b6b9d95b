"""Org units, staff records (care kept out of repr) and who may see what."""

from __future__ import annotations

from datetime import date

import pytest

from domain.org import (
    ExemptReason,
    Office,
    OrgChart,
    OrgUnit,
    Role,
    StaffMember,
    UnitKind,
    Viewer,
    can_approve_for,
    can_manage_section,
    can_view_care_categories,
    can_view_reports,
    can_view_section,
    next_level_approvers,
    staff_by_section,
)

CHART = OrgChart(
    [
        OrgUnit("B1", "情報流通行政局", UnitKind.BUREAU, Office.HEAD_OFFICE),
        OrgUnit("S1", "情報流通振興課", UnitKind.SECTION, Office.HEAD_OFFICE, parent="B1"),
        OrgUnit("S1a", "企画係", UnitKind.SUBSECTION, Office.HEAD_OFFICE, parent="S1"),
        OrgUnit("S2", "地域通信振興課", UnitKind.SECTION, Office.HEAD_OFFICE, parent="B1"),
        OrgUnit("R1", "関東総合通信局", UnitKind.BUREAU, Office.REGIONAL),
        OrgUnit("R1s", "総務課", UnitKind.SECTION, Office.REGIONAL, parent="R1"),
    ]
)


def person(employee_id: str, unit: str, **kw: object) -> StaffMember:
    return StaffMember(
        employee_id, "名前", f"{employee_id}@example.go.jp", unit, date(2015, 4, 1), **kw
    )  # type: ignore[arg-type]


def test_care_categories_never_appear_in_repr_or_str() -> None:
    m = person("E1", "S1a", care_preschool=True, care_family=True)
    without_care = person("E1", "S1a")
    for text in (repr(m), str(m), f"{m}"):
        assert "care" not in text and "preschool" not in text and "family" not in text
        assert text == repr(without_care)
    assert m.has_care and m != without_care


def test_section_of_walks_up_to_the_section() -> None:
    section = CHART.section_of("S1a")
    assert section is not None and section.code == "S1"
    assert CHART.section_of("S1") == CHART.unit("S1")
    assert CHART.section_of("B1") is None
    assert CHART.office_of("R1s") is Office.REGIONAL
    assert [u.code for u in CHART.units_under("B1")] == ["B1", "S1", "S2", "S1a"]
    with pytest.raises(KeyError, match="unknown org unit 'X'"):
        CHART.unit("X")


def test_org_chart_refuses_bad_trees() -> None:
    with pytest.raises(ValueError, match="unknown parent"):
        OrgChart([OrgUnit("S", "課", UnitKind.SECTION, Office.HEAD_OFFICE, parent="B")])
    with pytest.raises(ValueError, match="duplicate"):
        OrgChart([OrgUnit("B", "局", UnitKind.BUREAU, Office.HEAD_OFFICE)] * 2)
    with pytest.raises(ValueError, match="cycle"):
        OrgChart(
            [
                OrgUnit("A", "a", UnitKind.SECTION, Office.HEAD_OFFICE, parent="B"),
                OrgUnit("B", "b", UnitKind.BUREAU, Office.HEAD_OFFICE, parent="A"),
            ]
        )


def test_roles_and_authorisation() -> None:
    staff = Viewer.of(person("E1", "S1a"), CHART)
    chief = Viewer.of(person("E2", "S1", is_section_chief=True), CHART)
    admin = Viewer.of(person("E3", "R1s"), CHART, admins=["e3@EXAMPLE.go.jp"])
    other_chief = Viewer.of(person("E4", "S2", is_section_chief=True), CHART)
    assert staff.roles == {Role.STAFF} and staff.section == "S1"
    assert chief.roles == {Role.STAFF, Role.SECTION_CHIEF}
    assert Role.ADMIN in admin.roles

    assert can_view_section(staff, "S1") and not can_view_section(staff, "S2")
    assert can_view_section(admin, "S2")
    assert not can_manage_section(staff, "S1")
    assert can_manage_section(chief, "S1") and not can_manage_section(other_chief, "S1")
    assert can_manage_section(admin, "S1")

    assert can_approve_for(chief, staff.member, CHART)
    assert not can_approve_for(other_chief, staff.member, CHART)
    assert not can_approve_for(chief, chief.member, CHART)  # never one's own request
    assert not can_approve_for(staff, chief.member, CHART)
    # A chief's own request (policy approval.chief_requests): the manager above the section
    # (局・部), not a fellow chief; with "admins" only the admins.
    head = Viewer.of(person("E5", "B1", is_manager=True), CHART)
    co_chief = Viewer.of(person("E6", "S1", is_section_chief=True), CHART)
    regional_head = Viewer.of(person("E7", "R1", is_manager=True), CHART)
    assert can_approve_for(head, chief.member, CHART)
    assert not can_approve_for(co_chief, chief.member, CHART)
    assert not can_approve_for(regional_head, chief.member, CHART)
    assert not can_approve_for(head, staff.member, CHART)  # staff: their own chief
    assert not can_approve_for(head, chief.member, CHART, chief_requests="admins")
    assert can_approve_for(admin, chief.member, CHART, chief_requests="admins")
    everyone = [chief.member, head.member, co_chief.member, regional_head.member]
    assert next_level_approvers(chief.member, everyone, CHART) == [head.member]
    assert next_level_approvers(chief.member, [chief.member, co_chief.member], CHART) == []

    assert can_view_care_categories(admin)
    assert not can_view_care_categories(chief) and not can_view_care_categories(staff)
    assert can_view_reports(admin) and not can_view_reports(chief)


def test_identity_matching() -> None:
    m = person("E1", "S1", aad_object_id="AAAA-1")
    assert m.matches_identity("aaaa-1", None)
    assert not m.matches_identity("bbbb-2", "E1@example.go.jp")  # object ids disagree
    assert m.matches_identity(None, " E1@Example.GO.jp ")
    assert not person("E2", "S1").matches_identity(None, None)


def test_staff_records_validate_what_they_can() -> None:
    with pytest.raises(ValueError, match="employee_id"):
        person(" ", "S1")
    with pytest.raises(ValueError, match="preferred_language"):
        person("E1", "S1", preferred_language="fr")
    assert person("E1", "S1", exempt_reason=ExemptReason.DIET_WORK).is_exempt


def test_staff_by_section_skips_inactive_people() -> None:
    people = [person("E1", "S1a"), person("E2", "S2"), person("E3", "S2", active=False)]
    people.append(person("E4", "B1"))
    grouped = staff_by_section(people, CHART)
    assert {k: [m.employee_id for m in v] for k, v in grouped.items()} == {
        "S1": ["E1"],
        "S2": ["E2"],
        None: ["E4"],
    }
