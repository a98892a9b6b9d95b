"""Telework Week results count what the report counts (issue 14 item 4): confirmed telework
only, so a request still awaiting approval does not make a section 「1人以上 達成」."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from bot.core.reminders import ReminderServices
from bot.features.campaigns.jobs import Audience, CampaignDay
from domain.campaigns import Campaign, CampaignKind, Step, Timeline
from domain.org import Office, OrgChart, OrgUnit, UnitKind
from domain.policy import default_policy
from storage.nudge_facts import ScheduleFacts
from tests.factories import staff

CALENDAR = default_policy().work_calendar()
WEEK = Campaign(
    "テレワーク・ウィーク",
    CampaignKind.TELEWORK_WEEK,
    date(2026, 7, 21),
    date(2026, 7, 24),
    messages={},
    rule_units=("甲局",),
    id=7,
)
UNITS = [
    OrgUnit("甲局", "甲局", UnitKind.BUREAU, Office.HEAD_OFFICE),
    OrgUnit("甲局/甲課", "甲課", UnitKind.SECTION, Office.HEAD_OFFICE, "甲局"),
    OrgUnit("甲局/乙課", "乙課", UnitKind.SECTION, Office.HEAD_OFFICE, "甲局"),
]


def results_text(facts: ScheduleFacts) -> str:
    """The chiefs' results cards for 甲課 (one pending request) and 乙課 (one confirmed)."""
    chief_a = staff("CA", org_unit="甲局/甲課", is_section_chief=True)
    chief_b = staff("CB", org_unit="甲局/乙課", is_section_chief=True)
    audience = Audience(
        members={"CA": chief_a, "CB": chief_b, "A1": staff("A1"), "B1": staff("B1")},
        sections={"甲局/甲課": ["CA", "A1"], "甲局/乙課": ["CB", "B1"]},
        chiefs={"甲局/甲課": ["CA"], "甲局/乙課": ["CB"]},
        rule_sections={"甲局/甲課", "甲局/乙課"},
    )
    services = SimpleNamespace(core=SimpleNamespace(admins=frozenset(), calendar=CALENDAR))
    day = CampaignDay(
        services=cast(ReminderServices, services),
        campaign=WEEK,
        timeline=Timeline.of(WEEK, CALENDAR),
        today=date(2026, 7, 27),
        audience=audience,
        chart=OrgChart(UNITS),
        chat={"CA": "chat-ca", "CB": "chat-cb"},
        facts=facts,
        preferences={},
        designated={},
        run_id=None,
    )
    cards: dict[str, Any] = {d.recipient: d.payload for d in day.steps([Step.RESULTS])}
    return "\n".join(json.dumps(cards[c], ensure_ascii=False) for c in ("chat-ca", "chat-cb"))


def test_a_pending_request_is_not_a_result() -> None:
    facts = ScheduleFacts(
        telework={"A1": [(date(2026, 7, 22), "full")], "B1": [(date(2026, 7, 23), "full")]},
        confirmed={"B1": {date(2026, 7, 23)}},  # A1's 7/22 awaits approval
    )
    shown = results_text(facts)
    first, second = shown.split("\n")
    assert "甲課：0/2人（0%）・1人以上 未達成" in first and "1人以上 達成" not in first
    assert "乙課：1/2人（50%）・1人以上 達成" in second
