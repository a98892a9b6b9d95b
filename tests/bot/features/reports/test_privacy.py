"""Every output of a report hides what the report hides, and from none of them can a hidden
care figure be worked out (issue 12, item 2): CSV, Excel and Markdown are read back and
attacked (``tests.report_attack``), the chat card shows ＊ wherever the total row is hidden
(the complement included), and the charts do not depend on anyone's care situation."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.features.reports.card import summary_card
from bot.features.reports.charts import monthly_png, report_png
from bot.features.reports.outputs import to_csv, to_markdown, to_xlsx
from domain.policy import Reports, default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.report_rows import Report
from domain.reports import build_report
from tests.report_attack import (
    Published,
    Scenario,
    from_csv,
    from_markdown,
    from_report,
    from_xlsx,
    people_of,
    recovered,
    report_inputs,
    scenarios,
    telework,
)
from tests.report_org import C, inputs

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
GENERATED = datetime(2027, 4, 5, 10, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
SCENARIOS = scenarios(CALENDAR, seeds=(3,))
CATEGORIES = list(POLICY.categories)


def _outputs(report: Report) -> dict[str, Published]:
    return {
        "csv": from_csv(to_csv(report, "ja", GENERATED, 0.5), CATEGORIES),
        "xlsx": from_xlsx(to_xlsx(report, "ja", GENERATED, 0.5), CATEGORIES),
        "md": from_markdown(to_markdown(report, "ja", GENERATED, 0.5), CATEGORIES),
    }


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_no_output_lets_a_hidden_figure_be_worked_out(scenario: Scenario) -> None:
    report, policy = scenario.build(POLICY)
    shown = from_report(report)
    truth = from_report(report, everything=True)
    people = people_of(report, scenario.staff, scenario.units, policy, scenario.counted)
    for name, published in _outputs(report).items():
        assert published == shown, name  # the same cells hidden, the same figures shown
        assert recovered(published, people, policy, scenario.k, truth) == [], name


def _card_targets(report: Report, lang: str) -> dict[str, str]:
    card = summary_card(report, lang)  # type: ignore[arg-type]
    label = "・目標・目安の達成: " if lang == "ja" else "• Targets and aims: "
    (line,) = [b["text"] for b in card["body"] if b.get("text", "").startswith(label)]
    out: dict[str, str] = {}
    for part in line[len(label) :].split("、" if lang == "ja" else "; "):
        name, _, value = part.rpartition(" ")
        out[name] = value
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_card_hides_what_the_total_row_hides(lang: str) -> None:
    hidden_somewhere = False
    for scenario in SCENARIOS:
        report, _ = scenario.build(POLICY)
        total = report.total.categories
        targets = _card_targets(report, lang)
        for cid, category in POLICY.categories.items():
            shown = targets[category.name(lang)]
            assert (shown == ("＊" if lang == "ja" else "*")) == total[cid].suppressed
            hidden_somewhere |= total[cid].suppressed and cid == "general"
    assert hidden_somewhere


def test_a_chiefs_card_hides_the_complement_of_a_hidden_care_figure() -> None:
    """関東局/総務課: 5 eligible, 2 managers, 1 carer (also a manager), 3 others. Showing the
    others' rate next to ＊ told the chief that 5 − 2 − 3 = 0 of the staff are carers."""
    request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), unit=C)
    report = build_report(request, inputs(date(2025, 3, 25), date(2027, 4, 7)), POLICY, CALENDAR)
    targets = _card_targets(report, "ja")
    assert targets["育児・介護を行う職員"] == "＊"
    assert targets["その他の職員"] == "＊"
    assert targets["管理職員"] == "50.0%"


def test_the_charts_do_not_depend_on_care_situations() -> None:
    """The PNGs carry no category figure: moving the care flags to other people (which
    changes the care figures and what is hidden) leaves both charts byte for byte the same."""
    scenario = next(s for s in SCENARIOS if s.name.startswith("medium") and s.name.endswith("year"))
    policy = POLICY.model_copy(update={"reports": Reports(care_min_group_size=scenario.k)})
    start, end = date(2025, 3, 24), date(2027, 4, 7)
    occasions = telework(scenario.staff, CALENDAR, 7, start, end)
    shuffled = list(scenario.staff)
    flags = [(m.care_preschool, m.care_family) for m in shuffled]
    random.Random(5).shuffle(flags)
    moved = [
        replace(m, care_preschool=p, care_family=f)
        for m, (p, f) in zip(shuffled, flags, strict=True)
    ]
    assert moved != list(scenario.staff)
    pictures = []
    cells = []
    for staff in (scenario.staff, moved):
        report = build_report(
            scenario.request, report_inputs(scenario.units, staff, occasions), policy, CALENDAR
        )
        cells.append(
            [
                (c.members, c.suppressed)
                for r in (*report.current.overview, *report.current.units)
                for c in r.tally.categories.values()
            ]
        )
        pictures.append((report_png(report, "ja", GENERATED), monthly_png(report, "ja")))
    assert cells[0] != cells[1]  # the care figures and what is hidden did change
    assert pictures[0] == pictures[1]
