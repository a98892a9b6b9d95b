"""The report's 2026-rules figures (issue 18 §3) from hand-made inputs: each count in the 課室
of the time, only the report's sections, nothing after the reference day, the policy's
switches honoured."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.allowance import PlaceCategory, PlaceSince, TeleworkDay, TeleworkOrder
from domain.org import OrgChart
from domain.policy import Policy, default_policy
from domain.report_history import StaffEvent, StaffHistory
from domain.report_rules import RulesFigures, RulesInputs, rules_figures, section_placer
from domain.worktime import PresenceReport, WorkTimeRules
from tests.domain.test_allowance import weekdays_in
from tests.report_org import A1, UNITS, A, B, C, person

TZ = ZoneInfo("Asia/Tokyo")
POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
CHART = OrgChart(UNITS)
SECTIONS = [CHART.unit(A), CHART.unit(B), CHART.unit(C)]
FIRST, LAST = date(2026, 4, 1), date(2027, 3, 31)
MADE = datetime(2026, 9, 15, 10, tzinfo=TZ)


def ordered(emp: str) -> tuple[TeleworkOrder, list[TeleworkDay]]:
    """Monday to Thursday from 9/16 to 3/31: eligible from October (average above 15)."""
    order = TeleworkOrder(emp, "C1", date(2026, 9, 16), LAST, MADE, ("mon", "tue", "wed", "thu"))
    days = weekdays_in(date(2026, 9, 16), LAST, {0, 1, 2, 3})
    return order, [TeleworkDay(emp, d, True, True) for d in days]


def short_rest(emp: str, day: date) -> list[PresenceReport]:
    """An end at 23:00 the day before ``day`` and a start at 08:00 on it (9 hours)."""
    before = datetime.combine(day - timedelta(days=1), datetime.min.time(), TZ)
    return [
        PresenceReport(emp, "start", before.replace(hour=9)),
        PresenceReport(emp, "end", before.replace(hour=23)),
        PresenceReport(emp, "start", before + timedelta(days=1, hours=8)),
    ]


# X works in 総務課's 文書係 all year; Y moves from 会計課 to 関東局/総務課 on 11/16; Z leaves
# on 12/1 (deactivated): eligible in October and November only while in post.
STAFF = [person("X", A1), person("Y", C), person("Z", B)]
HISTORY = StaffHistory(
    [
        StaffEvent("X", date(2015, 4, 1), org_unit=A1),
        StaffEvent("Y", date(2015, 4, 1), org_unit=B),
        StaffEvent("Y", date(2026, 11, 16), org_unit=C),
        StaffEvent("Z", date(2015, 4, 1), org_unit=B),
        StaffEvent("Z", date(2026, 12, 1), active=False),
    ]
)


def inputs() -> RulesInputs:
    orders, days = [], []
    for emp in ("X", "Y", "Z"):
        order, mine = ordered(emp)
        orders.append(order)
        days += mine
    places = {e: [PlaceSince(e, PlaceCategory.HOME, date(2026, 4, 1))] for e in "XYZ"}
    presence = short_rest("Y", date(2026, 11, 10)) + short_rest("Y", date(2026, 11, 20))
    presence += short_rest("X", date(2027, 1, 13))
    return RulesInputs(orders, places, days, presence)


def figures(reference: date, policy: Policy = POLICY) -> RulesFigures:
    return rules_figures(
        FIRST,
        LAST,
        reference,
        SECTIONS,
        section_placer(STAFF, HISTORY, CHART),
        inputs(),
        policy,
        CALENDAR,
    )


def test_counts_go_to_the_section_of_the_time() -> None:
    result = figures(date(2026, 12, 15))
    rows = {row.section.code: row for row in result.sections}
    blank = (None, None, None)
    assert rows[A].eligible == (0,) * 6 + (1, 1, 1) + blank  # X, from its 係
    assert rows[B].eligible == (0,) * 6 + (2, 1, 0) + blank  # Y and Z; Y moved; Z left
    assert rows[C].eligible == (0,) * 6 + (0, 1, 1) + blank  # Y from the month's end
    assert rows[B].warnings == (0,) * 7 + (1, 0) + blank  # 11/10, still in 会計課
    assert rows[C].warnings == (0,) * 7 + (1, 0) + blank  # 11/20, after the move
    assert result.counted == 9
    assert [result.total("eligible", i) for i in (6, 7, 8, 9)] == [3, 3, 2, None]
    assert result.total("warnings", 7) == 2


def test_only_the_reports_sections_and_months_up_to_the_reference_day() -> None:
    result = rules_figures(
        date(2026, 11, 1),
        date(2026, 11, 30),
        date(2026, 11, 30),
        [CHART.unit(C)],
        section_placer(STAFF, HISTORY, CHART),
        inputs(),
        POLICY,
        CALENDAR,
    )
    [row] = result.sections
    assert result.months == (date(2026, 11, 1),)
    assert (row.eligible, row.warnings) == ((1,), (1,))
    later = figures(date(2027, 3, 31))
    assert later.total("warnings", 9) == 1  # X in January, counted once the day has come


def test_the_policy_switches_turn_the_figures_off() -> None:
    off = POLICY.model_copy(
        update={
            "allowance": POLICY.allowance.model_copy(update={"enabled": False}),
            "worktime": WorkTimeRules(interval_check=False),
        }
    )
    result = figures(date(2026, 12, 15), off)
    assert not result.allowance and not result.interval
    assert all(v in (0, None) for row in result.sections for v in row.eligible + row.warnings)
