"""Report rules beyond the hand-computed tables: suppression, history, and agreement of the
report's target attainment with domain.quota."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.occasions import merge_by_day, on_working_days
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
WORKING = CALENDAR.is_working_day
FY2026 = ReportRange.fiscal_year_of(2026, CALENDAR)


Cells = list[tuple[str, int, bool, int, bool]]


def care_cells(k: int) -> Cells:
    """(group, carers, hidden?, other staff, hidden?) for the scopes, then the units."""
    policy = POLICY.model_copy(update={"reports": Reports(care_min_group_size=k)})
    body = build_report(
        ReportRequest(FY2026), inputs(date(2025, 3, 25), date(2027, 4, 7)), policy, CALENDAR
    ).current
    groups = [(r.scope.value, r.tally) for r in body.overview]
    groups += [(r.unit.code, r.tally) for r in body.units]
    out: Cells = []
    for name, tally in groups:
        care, other = tally.categories["care"], tally.categories["general"]
        out.append((name, care.members, care.suppressed, other.members, other.suppressed))
    return out


# Who is where (eligible, FY2026 at the year end): 総務課 8 = managers P01 P02, carers P06
# P07, others P03 P04 P05 P18; 会計課 2 others (P10 P11); P20 (other) directly in 大臣官房;
# 関東局/総務課 5 = P15 (manager and carer), P19 (manager), others P14 P16 P17. 本省 is
# 大臣官房 and 地方 is 関東局 (one bureau each), so those rows are the same people.


def test_small_care_groups_are_suppressed_with_their_complements_and_siblings() -> None:
    assert care_cells(2) == [
        # 地方 1 < 2. 本省 (2) would give it as 全体 − 本省, so it goes too, and 全体 (3) as
        # well: with its others (10), managers (4) and eligible (16) shown, 16 − 4 − 10 = 2
        # carers are not managers, so 3 − 2 = 1 manager is a carer (fewer than k).
        ("head_office", 2, True, 7, True),  # others: 11 − 2 managers − 7 = 2, the carers
        ("regional", 1, True, 3, True),  # others: 5 − 2 − 3 = 0 carers who are not managers
        ("all", 3, True, 10, False),  # 全体 − 本省 − 地方: both others hidden
        ("大臣官房", 2, True, 7, True),  # = 本省
        ("大臣官房/会計課", 0, True, 2, True),  # 0 < k; others 2 = eligible 2 − 0 managers
        # 2 ≥ k, but with others shown, 8 − 2 − 4 = 2 carers are not managers, so neither
        # manager is a carer (0 < k): care is hidden (the smaller of the two)
        ("大臣官房/総務課", 2, True, 4, False),
        ("関東局", 1, True, 3, True),
        ("関東局/総務課", 1, True, 3, True),
    ]


def test_with_k_one_zeros_are_still_protected() -> None:
    """k = 1 hides only what tells that nobody is something: no carer in 会計課 (care 0,
    others 2 = eligible 2), no manager among 本省's carers (care 2 = 11 − 2 − 7), no carer
    among 地方's non-managers (5 − 2 − 3 = 0), none of 総務課's managers a carer (8 − 2 − 4 =
    2 = care); and whatever would give those away."""
    assert care_cells(1) == [
        ("head_office", 2, True, 7, True),
        ("regional", 1, True, 3, True),
        ("all", 3, False, 10, False),  # 1 manager-carer, 2 others who care: neither is 0
        ("大臣官房", 2, True, 7, True),
        ("大臣官房/会計課", 0, True, 2, True),
        ("大臣官房/総務課", 2, True, 4, False),
        ("関東局", 1, True, 3, True),
        ("関東局/総務課", 1, True, 3, True),
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
    judged, met, _ = periods.judge(telework_days(on_working_days(days, WORKING)), eligible_from, 1)
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
    counted = on_working_days(only_month, WORKING)  # as build_report counts
    judged, met, _ = periods.judge(telework_days(counted), eligible_from, 1)
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
