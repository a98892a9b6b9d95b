"""Report rules beyond the hand-computed tables: suppression, history, and agreement of the
report's target attainment with domain.quota."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.occasions import merge_by_day
from domain.policy import Reports, default_policy
from domain.quota import QuotaFrame, Standing
from domain.report_history import StaffEvent, StaffHistory
from domain.report_model import (
    ReportRange,
    ReportRequest,
    default_telework_week,
)
from domain.report_targets import judged_periods, telework_days
from domain.reports import build_report
from tests.report_org import inputs, person

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
FY2026 = ReportRange.fiscal_year_of(2026, CALENDAR)


def care_cells(k: int) -> tuple[list[tuple[int, bool]], list[tuple[str, int, bool]]]:
    policy = POLICY.model_copy(update={"reports": Reports(care_min_group_size=k)})
    body = build_report(
        ReportRequest(FY2026), inputs(date(2025, 3, 25), date(2027, 4, 7)), policy, CALENDAR
    ).current
    overview = [
        (r.tally.categories["care"].members, r.tally.categories["care"].suppressed)
        for r in body.overview
    ]
    units = [
        (r.unit.code, r.tally.categories["care"].members, r.tally.categories["care"].suppressed)
        for r in body.units
    ]
    return overview, units


def test_small_care_groups_are_suppressed_with_their_complement() -> None:
    overview, units = care_cells(2)
    # 本省 2, 地方 1, 全体 3: 地方 < 2 is suppressed; 本省 too, or 全体 − 本省 would reveal it.
    assert overview == [(2, True), (1, True), (3, False)]
    assert units == [
        ("大臣官房", 2, False),
        ("大臣官房/会計課", 0, True),  # fewer than k (none at all is suppressed too)
        ("大臣官房/総務課", 2, True),  # its sibling is hidden and 大臣官房 is shown
        ("関東局", 1, True),
        ("関東局/総務課", 1, True),
    ]


def test_with_k_one_nothing_but_empty_groups_is_hidden() -> None:
    overview, units = care_cells(1)
    assert [s for _, s in overview] == [False, False, False]
    assert [(code, s) for code, _, s in units if s] == [
        ("大臣官房/会計課", True),
        ("大臣官房/総務課", True),  # protects the empty 会計課 (2 − 2 = 0)
    ]


def test_history_replays_moves_and_departures() -> None:
    mover = person("X1", "b", hire_date=date(2020, 4, 1))
    leaver = person("X2", "a", active=False)
    history = StaffHistory(
        [
            StaffEvent("X1", date(2026, 4, 1), org_unit="a", active=True),
            StaffEvent("X1", date(2026, 10, 1), org_unit="b"),
            StaffEvent("X2", date(2026, 9, 1), active=False),
        ]
    )
    assert history.unit_on(mover, date(2025, 1, 1)) == "a"  # before any event: the first unit
    assert history.unit_on(mover, date(2026, 9, 30)) == "a"
    assert history.unit_on(mover, date(2026, 10, 1)) == "b"
    assert history.in_post_on(leaver, date(2026, 8, 31))
    assert not history.in_post_on(leaver, date(2026, 9, 1))
    assert history.was_in_post_during(leaver, date(2026, 4, 1), date(2027, 3, 31))
    assert not history.was_in_post_during(leaver, date(2026, 9, 1), date(2027, 3, 31))
    nobody = person("X3", "a", active=False)  # no event: the current record for all time
    assert not history.was_in_post_during(nobody, date(2026, 4, 1), date(2027, 3, 31))


def test_the_default_telework_week_is_the_week_of_marine_day() -> None:
    assert default_telework_week(2026) == (date(2026, 7, 20), date(2026, 7, 24))
    assert default_telework_week(2027) == (date(2027, 7, 19), date(2027, 7, 23))


FY_DAYS = st.lists(
    st.dates(min_value=date(2026, 4, 1), max_value=date(2027, 3, 31)), max_size=6
).map(lambda days: [(d, "full") for d in days])
HIRES = st.dates(min_value=date(2025, 6, 1), max_value=date(2026, 9, 30))


@settings(max_examples=150, deadline=None)
@given(hire=HIRES, days=FY_DAYS)
def test_fiscal_year_attainment_agrees_with_quota(hire: date, days: list[tuple[date, str]]) -> None:
    member = person("M1", "a", is_manager=True, hire_date=hire)
    end = date(2027, 3, 31)
    periods = judged_periods(
        "manager", POLICY.categories["manager"], FY2026, end, CALENDAR, prorate=True
    )
    eligible_from = POLICY.eligibility.eligible_from(hire)
    judged, met = periods.judge(telework_days(days), eligible_from, 1)
    status = QuotaFrame(POLICY, CALENDAR, end).status(member, days)
    (target,) = [t for t in status.targets if t.category == "manager"]
    assert judged == 1
    assert (met == 1) == (target.standing is Standing.MET)


@settings(max_examples=100, deadline=None)
@given(hire=HIRES, days=FY_DAYS, month=st.integers(min_value=0, max_value=11))
def test_monthly_attainment_agrees_with_quota(
    hire: date, days: list[tuple[date, str]], month: int
) -> None:
    member = person("M2", "a", care_family=True, hire_date=hire)
    periods = judged_periods(
        "care", POLICY.categories["care"], FY2026, date(2027, 3, 31), CALENDAR, prorate=True
    )
    eligible_from = POLICY.eligibility.eligible_from(hire)
    period = periods.periods[month]
    only_month = [(d, p) for d, p in days if period.start <= d <= period.end]
    judged, met = periods.judge(telework_days(only_month), eligible_from, 1)
    status = QuotaFrame(POLICY, CALENDAR, period.end).status(member, only_month)
    month_is_judged = month >= len(periods.periods) - judged
    if not month_is_judged:  # quota: still in 条件付採用期間, or nothing left to do
        assert not status.targets or status.targets[0].needed == 0
        assert met == 0
        return
    (target,) = status.targets
    assert target.needed >= 1
    assert (met == 1) == (target.standing is Standing.MET)


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2026, 4, 1), max_value=date(2026, 4, 10)),
            st.sampled_from(["full", "am", "pm"]),
        )
    )
)
def test_telework_days_merge_as_occasions_do(pairs: list[tuple[date, str]]) -> None:
    expected = sorted((d.toordinal(), p == "full") for d, p in merge_by_day(pairs).items())
    assert telework_days(pairs) == expected
