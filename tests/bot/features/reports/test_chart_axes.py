"""Charts never show a negative axis (issue 13 §7): with nothing to count yet (the demo
roster's report is all zeros) matplotlib would centre both count axes on 0."""

from __future__ import annotations

from datetime import date

import pytest

from bot.features.reports.charts import monthly_figure
from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.reports import build_report
from tests.report_org import TELEWORK_WEEK, inputs

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("empty", [True, False])
def test_count_axes_start_at_zero(lang: str, empty: bool) -> None:
    request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), telework_week=TELEWORK_WEEK)
    # An input window with no telework at all, or the whole year's.
    window = (
        (date(2030, 1, 1), date(2030, 1, 2)) if empty else (date(2025, 3, 25), date(2027, 4, 7))
    )
    report = build_report(request, inputs(*window), POLICY, CALENDAR)
    figure = monthly_figure(report, lang)  # type: ignore[arg-type]
    bars, line = figure.axes
    for axes in (bars, line):
        bottom, top = axes.get_ylim()
        assert bottom == 0 and top >= 1
        assert all(tick >= 0 for tick in axes.get_yticks() if bottom <= tick <= top)
    if empty:
        assert bars.get_ylim() == (0, 1.0)
    # The implementers axis counts people: whole numbers only.
    assert all(float(t).is_integer() for t in bars.get_yticks())
