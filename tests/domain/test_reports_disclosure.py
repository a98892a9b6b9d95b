"""No hidden care figure of a report can be worked out from the rest (issue 12, item 2).

The attacker (``tests.report_attack``) is written apart from ``domain.report_privacy``; it
is run on generated organisations of several shapes and sizes (one section; people directly
under a bureau; bureaus with a single section; 係 under sections), for a finished year, a
month not yet over, one office, and a unit's own report.
"""

from __future__ import annotations

import pytest

from domain.conditions import ROSTER_ATTRIBUTES
from domain.policy import default_policy
from domain.report_model import CategoryTally
from domain.report_privacy import ROSTER_FLAGS, care_dependent, roster_variants
from tests.report_attack import Scenario, from_report, people_of, recovered, scenarios

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
SCENARIOS = scenarios(CALENDAR)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_no_hidden_figure_can_be_worked_out(scenario: Scenario) -> None:
    report, policy = scenario.build(POLICY)
    people = people_of(report, scenario.staff, scenario.units, policy, scenario.counted)
    truth = from_report(report, everything=True)
    assert recovered(from_report(report), people, policy, scenario.k, truth) == []


def test_the_scenarios_hide_things_and_show_things() -> None:
    """The attack above is not vacuous: care is hidden somewhere and shown somewhere, and
    the complement is hidden in some groups and shown in others."""
    hidden = {"care": 0, "general": 0}
    shown = {"care": 0, "general": 0}
    for scenario in SCENARIOS:
        report, _ = scenario.build(POLICY)
        for row in (*report.current.overview, *report.current.units):
            for cid in hidden:
                cell = row.tally.categories[cid]
                if cell.suppressed:
                    hidden[cid] += 1
                elif cell.members:
                    shown[cid] += 1
    assert min(hidden.values()) > 20 and min(shown.values()) > 20, (hidden, shown)


def _unhide(cell: CategoryTally) -> None:
    cell.suppressed = False


def test_the_attacker_finds_care_by_subtraction_when_the_complement_is_shown() -> None:
    """The review's attack (care = eligible − managers − other staff) on a report whose
    complement is shown again: the attacker must catch it, or it proves nothing."""
    caught = 0
    for scenario in SCENARIOS[:12]:
        report, policy = scenario.build(POLICY)
        people = people_of(report, scenario.staff, scenario.units, policy, scenario.counted)
        truth = from_report(report, everything=True)
        for row in (*report.current.overview, *report.current.units):
            if row.tally.categories["care"].suppressed:
                _unhide(row.tally.categories["general"])
        if recovered(from_report(report), people, policy, scenario.k, truth):
            caught += 1
    assert caught >= 6


def test_the_attacker_finds_a_bureau_by_subtraction_from_its_office() -> None:
    """The review's second attack (a hidden bureau = 本省 − the other bureaus)."""
    caught = 0
    for scenario in SCENARIOS:
        report, policy = scenario.build(POLICY)
        if report.current.overview[0].unit is not None:
            continue
        people = people_of(report, scenario.staff, scenario.units, policy, scenario.counted)
        truth = from_report(report, everything=True)
        hidden_bureaus = [
            r
            for r in report.current.units
            if r.depth == 0 and r.tally.categories["care"].suppressed
        ]
        if len(hidden_bureaus) < 2:
            continue
        _unhide(hidden_bureaus[0].tally.categories["care"])  # one hidden bureau left
        for row in report.current.overview:
            _unhide(row.tally.categories["care"])
        if any(
            "care in group" in f
            for f in recovered(from_report(report), people, policy, scenario.k, truth)
        ):
            caught += 1
    assert caught >= 3


def test_the_roster_flags_cover_every_condition_attribute() -> None:
    """The privacy model enumerates people by these flags: each attribute a condition may
    read must take both values across them."""
    variants = list(roster_variants())
    assert len(variants) == 2 ** len(ROSTER_FLAGS)
    for name, read in ROSTER_ATTRIBUTES.items():
        assert {read(m) for m in variants} == {False, True}, name


def test_other_staff_depends_on_care_and_managers_do_not() -> None:
    assert care_dependent(POLICY.categories) == {"care", "general"}
    only_care = {"care": POLICY.categories["care"], "manager": POLICY.categories["manager"]}
    assert care_dependent(only_care) == {"care"}
