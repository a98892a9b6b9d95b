"""Campaigns: validation, safe templates, the timeline and section results."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.campaigns import (
    Campaign,
    CampaignError,
    CampaignKind,
    CampaignState,
    Step,
    Timeline,
    render,
    section_results,
    template_problems,
    validate,
)
from domain.policy import default_policy
from tests.bot.features.nudges.nudge_script import CAMPAIGN_MESSAGES

CAL = default_policy().work_calendar()
WEEK = Campaign(
    name="テレワークウィーク",
    kind=CampaignKind.TELEWORK_WEEK,
    start=date(2026, 7, 13),
    end=date(2026, 7, 17),
    messages=CAMPAIGN_MESSAGES,
    id=7,
)


def test_timeline_of_a_july_week() -> None:
    timeline = Timeline.of(WEEK, CAL)
    assert timeline.announce_on == date(2026, 7, 6)
    assert timeline.midweek_on == date(2026, 7, 15)
    assert timeline.results_on == date(2026, 7, 21)  # 7/20 海の日
    assert timeline.steps_on(date(2026, 7, 6), CAL) == [Step.ANNOUNCEMENT, Step.DESIGNATION]
    assert timeline.steps_on(date(2026, 7, 15), CAL) == [Step.REMINDER, Step.MIDWEEK]
    assert timeline.steps_on(date(2026, 7, 21), CAL) == [Step.RESULTS]
    assert timeline.steps_on(date(2026, 7, 11), CAL) == []  # Saturday
    assert timeline.steps_on(date(2026, 7, 28), CAL) == []  # results caught up 3 days only
    cancelled = Timeline.of(replace(WEEK, state=CampaignState.CANCELLED), CAL)
    assert cancelled.steps_on(date(2026, 7, 15), CAL) == []
    assert WEEK.key("2026-07-13") == "7:2026-07-13"


def test_validation_names_every_problem() -> None:
    assert validate(WEEK, date(2026, 6, 1)) is WEEK
    bad = replace(
        WEEK,
        name=" ",
        end=date(2026, 7, 1),
        messages={"announcement": {"ja": "{name.__class__}", "en": "x"}},
    )
    with pytest.raises(CampaignError) as caught:
        validate(bad, date(2026, 7, 20))
    message = str(caught.value)
    for part in ("name", "end", "start", "announcement.ja", "reminder.en"):
        assert part in message


def test_templates_allow_only_known_plain_placeholders() -> None:
    assert template_problems("{name}さん {campaign}") == []
    assert template_problems("{name.__class__}")
    assert template_problems("{name[0]}")
    assert template_problems("{name!r}")
    assert template_problems("{name:>999999}")
    assert template_problems("{secret}")
    assert template_problems("{unclosed")
    assert render("{name}さん {{x}}", {"name": "青木", "other": "?"}) == "青木さん {x}"
    assert render("{name.__class__}", {"name": "x"}) == "{name.__class__}"  # never evaluated


@given(st.text(max_size=60))
def test_render_never_raises_and_never_leaks(template: str) -> None:
    out = render(template, {"name": "青木"})
    assert "class" not in out or "class" in template


def test_section_results_and_the_one_teleworker_rule() -> None:
    results = section_results(
        {"a": ["1", "2"], "b": ["3"], "c": ["4"]}, {"1", "4"}, rule_sections={"b", "c"}
    )
    by = {r.section: r for r in results}
    assert by["a"].rate == 0.5 and by["a"].rule_met is None
    assert by["b"].rule_met is False and by["c"].rule_met is True


def test_reports_take_telework_week_from_the_campaign_of_that_year() -> None:
    from datetime import date as day

    from domain.campaigns import Campaign, CampaignKind, CampaignState, telework_week_in

    def week(
        start: day, kind: CampaignKind = CampaignKind.TELEWORK_WEEK, **extra: object
    ) -> Campaign:
        return Campaign("TW", kind, start, start.replace(day=start.day + 4), {}, **extra)  # type: ignore[arg-type]

    fy = (day(2026, 4, 1), day(2027, 3, 31))
    campaigns = [
        week(day(2025, 7, 14)),  # another fiscal year
        week(day(2026, 7, 6)),
        week(day(2026, 7, 13), state=CampaignState.CANCELLED),
        week(day(2026, 11, 2), kind=CampaignKind.TELEWORK_MONTH),
    ]
    assert telework_week_in(campaigns, *fy) == (day(2026, 7, 6), day(2026, 7, 10))
    assert telework_week_in(campaigns[:1], *fy) is None
