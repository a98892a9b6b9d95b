"""Roster conditions: a small, safe boolean language over allow-listed roster attributes."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from domain.conditions import ROSTER_ATTRIBUTES, RosterCondition, roster_key
from domain.org import StaffMember


@pytest.mark.parametrize(
    ("text", "truth"),
    [
        # truth: the expected value for each (is_manager, has_care_preschool, has_care_family)
        ("is_manager", lambda m, p, f: m),
        ("has_care_preschool or has_care_family", lambda m, p, f: p or f),
        ("not is_manager and not has_care", lambda m, p, f: not m and not (p or f)),
        ("not is_manager or has_care_family", lambda m, p, f: (not m) or f),
        # and binds tighter than or
        ("is_manager or has_care_preschool and has_care_family", lambda m, p, f: m or (p and f)),
        ("(is_manager or has_care_preschool) and has_care_family", lambda m, p, f: (m or p) and f),
        ("not (is_manager or has_care)", lambda m, p, f: not (m or p or f)),
        ("not not is_manager", lambda m, p, f: m),
        ("true", lambda m, p, f: True),
        ("false or is_manager", lambda m, p, f: m),
    ],
)
def test_conditions_evaluate_like_boolean_logic(text: str, truth: object) -> None:
    condition = RosterCondition.parse(text)
    for m, p, f in itertools.product((False, True), repeat=3):
        person = StaffMember(
            "E1", "X", "x@example.go.jp", "S1", date(2020, 4, 1),
            is_manager=m, care_preschool=p, care_family=f,
        )  # fmt: skip
        expected = truth(m, p, f)  # type: ignore[operator]
        assert condition.holds_for(person) is expected, (text, m, p, f)
        flags = {"is_manager": m, "has_care_preschool": p, "has_care_family": f}
        flags["has_care"] = p or f
        assert condition.holds_given(flags) is expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("is_admin", "unknown roster attribute 'is_admin'"),
        ("is_manager or", "ends too early"),
        ("is_manager is_section_chief", "unexpected 'is_section_chief'"),
        ("(is_manager", "missing ')'"),
        ("is_manager)", "unexpected ')'"),
        ("and is_manager", "unexpected 'and'"),
        ("is_manager == True", "unexpected character '='"),
        ("__import__('os')", "unexpected character"),
        ("__import__", "unknown roster attribute '__import__'"),
        ("m.care_family", "unexpected character '.'"),
    ],
)
def test_bad_conditions_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        RosterCondition.parse(text)
    assert message in str(caught.value)


def test_canonical_text_and_attributes() -> None:
    condition = RosterCondition.parse("  not(is_manager)  and has_care ")
    assert str(condition) == "not ( is_manager ) and has_care"
    assert condition.attributes == {"is_manager", "has_care"}
    assert set(ROSTER_ATTRIBUTES) == {
        "is_manager",
        "is_section_chief",
        "has_care_preschool",
        "has_care_family",
        "has_care",
    }


def test_the_roster_key_decides_every_attribute() -> None:
    """Membership is cached per ``roster_key``: members with one key read alike."""
    seen: dict[tuple[bool, ...], tuple[bool, ...]] = {}
    for flags in itertools.product((False, True), repeat=4):
        for name in ("甲", "乙"):
            member = StaffMember(
                employee_id=f"E{name}", name=name, email="e@example.go.jp", org_unit="u",
                hire_date=date(2020, 4, 1), is_manager=flags[0], is_section_chief=flags[1],
                care_preschool=flags[2], care_family=flags[3],
            )  # fmt: skip
            values = tuple(read(member) for read in ROSTER_ATTRIBUTES.values())
            assert seen.setdefault(roster_key(member), values) == values
    assert len(seen) == 16
