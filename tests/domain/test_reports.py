"""The FY2026 report of the hand-computed organisation in tests/report_org.py: every cell.

Population on the reference day 2027-03-31 (基準日): P01–P11 and P14–P20 = 18 people.
P12 left on 2026-09-01 (excluded, shown as an exclusion); P13 left long ago (no event).
本省 (13): 総務課 P01 P02 P03 P05 P06 P07 P08 P18 + 文書係 P04 (9); 会計課 P09 P10 P11 (3);
directly under 大臣官房 P20 (1). 地方 (5): 関東局/総務課 P14 P15 P16 P17 P19.
P11 moved from 関東局 to 会計課 on 2026-10-01: on the reference day they are 本省, and all
their telework (5/20 and 11/18) counts there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from domain.org import EmploymentType
from domain.policy import Aims, Employment, Policy, default_policy
from domain.report_history import StaffEvent, StaffHistory
from domain.report_model import CategoryTally, MonthTally, ReportRange, ReportRequest, Scope, Tally
from domain.report_rows import Report
from domain.reports import build_report
from tests.report_org import TELEWORK_WEEK, B, C, inputs, person, staff_events
from tests.report_reference.comparison import for_comparison

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
FETCH = (date(2025, 3, 25), date(2027, 4, 7))


def report(**request: object) -> Report:
    values: dict[str, object] = {
        "range": ReportRange.fiscal_year_of(2026, CALENDAR),
        "telework_week": TELEWORK_WEEK,
    }
    values.update(request)
    return build_report(ReportRequest(**values), inputs(*FETCH), POLICY, CALENDAR)  # type: ignore[arg-type]


def figures(t: Tally) -> tuple[object, ...]:
    """headcount, eligible, implementers, eligible implementers (the population on the
    reference day); occasions, person-days, full days, half days (usage: everyone, in the
    unit of the day); meetings; teleworkers (usage)."""
    return (
        t.headcount,
        t.eligible,
        t.implementers,
        t.implementers_eligible,
        t.occasions,
        t.person_days,
        t.full_days,
        t.half_days,
        t.meetings,
        t.teleworkers,
    )


def categories(t: Tally) -> dict[str, tuple[int, int, int, int, bool]]:
    """members, attained, periods judged, periods met, suppressed — per category."""
    return {
        cid: (c.members, c.attained, c.periods_judged, c.periods_met, c.suppressed)
        for cid, c in t.categories.items()
    }


def months(t: Tally) -> list[tuple[int, int, float, int, int]]:
    return [
        (m.implementers, m.occasions, m.person_days, m.full_days, m.half_days) for m in t.months
    ]


def test_the_reference_day_is_the_year_end_and_the_months_run_april_to_march() -> None:
    body = report().current
    assert body.reference_day == date(2027, 3, 31)
    assert [m.key for m in body.months] == [f"FY2026-{m:02d}" for m in (*range(4, 13), 1, 2, 3)]


def test_overview_rows_every_cell() -> None:
    rows = report().current.overview
    assert [r.scope for r in rows] == [Scope.HEAD_OFFICE, Scope.REGIONAL, Scope.ALL]
    # 本省: 13 people; not eligible: P09 (条件付採用期間 until 2027-03-31). P08 (国会業務) is
    # exempt from the weekly aim only and stays eligible (plan §1(2), §4).
    # Implementers: P01 P02 P03 P04 P06 P07 P08 P10 P11 P20 = 10, all eligible.
    # Usage in 本省: occasions 2+1+3+1+12+1+1+2+1+1 = 25 (P11's 11/18 only: on 5/20 they
    # were in 関東局); person-days 2+0.5+2.5+1+12+1+1+2+1+1 = 24; teleworkers the same 10;
    # half days: P02's morning and P03's 13:00-16:30; P04's am+pm merged into a full day.
    # Meetings: m1 (section 総務課, 6/1).
    assert figures(rows[0].tally) == (13, 12, 10, 10, 25, 24.0, 23, 2, 1, 10)
    # 地方: population P14 P15 P16 P17 P19, implementers P14 P15 P17 P19. Usage: P14 (2
    # halves = 1.0), P15 (2), P17 (3/31 only; 4/1/2027 is next year), P19 (1), P11's 5/20
    # (in 関東局 then) and P12's 5/12 (left on 9/1: usage counts leavers) → 6 teleworkers.
    assert figures(rows[1].tally) == (5, 5, 4, 4, 8, 7.0, 6, 2, 0, 6)
    # 全体 = both (P11 once), plus m2 (a meeting naming no unit counts only in 全体).
    assert figures(rows[2].tally) == (18, 17, 14, 14, 33, 31.0, 29, 4, 2, 15)


def test_rates_and_days_per_person() -> None:
    head_office, regional, total = (r.tally for r in report().current.overview)
    assert (head_office.rate, head_office.rate_eligible) == (10 / 13, 10 / 12)
    assert (regional.rate, regional.rate_eligible) == (4 / 5, 4 / 5)
    assert (total.rate, total.rate_eligible) == (14 / 18, 14 / 17)
    assert head_office.days_per_implementer == 2.4  # 24 / 10 (usage over usage)
    assert regional.days_per_implementer == 7 / 6
    assert total.days_per_implementer == 31 / 15


def test_monthly_table_every_cell() -> None:
    head_office, regional, total = (r.tally for r in report().current.overview)
    # (implementers, occasions, person-days, full, half) for April … March.
    assert months(total) == [
        (3, 4, 3.5, 3, 1),  # Apr: P03 4/7 + 4/8 pm, P06 4/10, P07 4/15
        (4, 4, 4.0, 4, 0),  # May: P01 5/13, P06 5/15, P11 5/20, P12 5/12 (a leaver)
        (2, 2, 2.0, 2, 0),  # Jun: P04 am+pm 6/10 = 1 full, P06 6/12 (P18: nothing counts)
        (6, 7, 5.5, 4, 3),  # Jul: P01, P02 am, P03, P06, P14 pm+am, P19
        (2, 2, 2.0, 2, 0),  # Aug: P06, P15
        (2, 2, 2.0, 2, 0),  # Sep: P06, P15
        (2, 2, 2.0, 2, 0),  # Oct: P06, P20
        (3, 3, 3.0, 3, 0),  # Nov: P06, P08, P11
        (2, 2, 2.0, 2, 0),  # Dec: P06, P10
        (1, 1, 1.0, 1, 0),  # Jan: P06
        (2, 2, 2.0, 2, 0),  # Feb: P06, P10
        (2, 2, 2.0, 2, 0),  # Mar: P06, P17 3/31
    ]
    assert months(head_office) == [
        (3, 4, 3.5, 3, 1),
        (2, 2, 2.0, 2, 0),  # P11's May telework counts in 地方 (their unit on 5/20)
        (2, 2, 2.0, 2, 0),
        (4, 4, 3.5, 3, 1),  # P01, P02 am, P03, P06
        (1, 1, 1.0, 1, 0),
        (1, 1, 1.0, 1, 0),
        (2, 2, 2.0, 2, 0),
        (3, 3, 3.0, 3, 0),
        (2, 2, 2.0, 2, 0),
        (1, 1, 1.0, 1, 0),
        (2, 2, 2.0, 2, 0),
        (1, 1, 1.0, 1, 0),
    ]
    zero = (0, 0, 0.0, 0, 0)
    assert months(regional) == [
        zero,
        (2, 2, 2.0, 2, 0),  # P11 5/20 (in 関東局 until 9/30), P12 5/12 (left 9/1)
        zero,
        (2, 3, 2.0, 1, 2),  # P14 pm 7/21 + am 7/23, P19 7/24
        (1, 1, 1.0, 1, 0),  # P15
        (1, 1, 1.0, 1, 0),  # P15
        zero,
        zero,
        zero,
        zero,
        zero,
        (1, 1, 1.0, 1, 0),  # P17 3/31
    ]


def test_target_attainment_every_cell() -> None:
    head_office, regional, total = (r.tally for r in report().current.overview)
    # manager (≥2 in the year): P01 2 ✓, P02 1 ✗ (本省); P15 2 ✓, P19 1 ✗ (地方).
    # care (≥1 each month; all 12 months judged): P06 12/12 ✓, P07 1/12 (本省); P15 2/12
    # (地方). k = 5: every care group is smaller, so every care cell is suppressed, and so
    # is every "other staff" cell: eligible − managers − others is the carers who are not
    # managers, less the eligible staff exempt from the weekly aim, whose number a reader
    # may know (本省 12 − 2 − 7 − P08 = 2 = P06 P07; 地方 5 − 2 − 3 = 0; 全体 2).
    # general (週1回程度, an aim judged on average: weeks ending 4/5/2026 … 3/28/2027 are 52,
    # of which 49 have 3 or more working days — not 5/4–5/10 (GW, 2 days), 9/21–9/27
    # (Silver Week, 2), 12/28–1/3 (year end, 1)). Weeks with telework: P03 3 (3/30 in FY2025
    # is in the week ending 4/5, which FY2026 judges; 4/7+4/8 one week; 7/21), P04 1, P05 0,
    # P10 2 of 16 (eligible from 12/1: weeks from 11/30–12/6 less the year end), P11 2, P18 0,
    # P20 1 → 本省 7 people, 6×49+16 = 310 weeks, 9 with telework. 地方: P14 1 (two halves,
    # one week), P16 0, P17 0 (3/31 falls in the week ending 4/4/2027, judged next year).
    # Nobody's occasions reach their weeks: attained 0.
    assert categories(head_office) == {
        "manager": (2, 1, 2, 1, False),
        "care": (2, 1, 24, 13, True),
        "general": (7, 0, 310, 9, True),
    }
    assert categories(regional) == {
        "manager": (2, 1, 2, 1, False),
        "care": (1, 0, 12, 2, True),
        "general": (3, 0, 147, 1, True),
    }
    assert categories(total) == {
        "manager": (4, 2, 4, 2, False),
        "care": (3, 1, 36, 15, True),
        "general": (10, 0, 457, 10, True),
    }
    assert total.categories["manager"].rate == 0.5
    assert total.categories["general"].period_rate == 10 / 457


def test_org_unit_drill_down_every_cell() -> None:
    rows = report().current.units
    # 局・部 and 課・室 only (the 係 文書係 is counted in 総務課), depth first, by code.
    assert [(r.unit.code, r.depth) for r in rows] == [
        ("大臣官房", 0),
        ("大臣官房/会計課", 1),
        ("大臣官房/総務課", 1),
        ("関東局", 0),
        ("関東局/総務課", 1),
    ]
    bureau, accounts, general_affairs, kanto, kanto_section = (r.tally for r in rows)
    assert figures(bureau) == (13, 12, 10, 10, 25, 24.0, 23, 2, 1, 10)  # = 本省
    # 会計課: P09 (条件付), P10 (2 days), P11 (moved in 10/1: implementer here, but only
    # 11/18 is this section's usage; 5/20 belongs to 関東局/総務課)
    assert figures(accounts) == (3, 2, 2, 2, 3, 3.0, 3, 0, 0, 2)
    # 総務課 incl. 文書係: 9 people (P08 exempt from the aim, eligible); implementers P01 P02
    # P03 P04 P06 P07 P08.
    assert figures(general_affairs) == (9, 9, 7, 7, 21, 20.0, 19, 2, 1, 7)
    assert figures(kanto) == figures(kanto_section) == (5, 5, 4, 4, 8, 7.0, 6, 2, 0, 6)
    assert categories(accounts) == {
        "manager": (0, 0, 0, 0, False),
        "care": (0, 0, 0, 0, True),  # 0 < k: suppressed too
        "general": (2, 0, 65, 4, True),  # P10 2 of 16, P11 2 of 49 (2 − 0 managers = care 0)
    }
    assert categories(general_affairs) == {
        "manager": (2, 1, 2, 1, False),
        "care": (2, 1, 24, 13, True),
        "general": (4, 0, 196, 4, True),  # P03 3, P04 1, P05 0, P18 0 (8 − 2 − 4 = care)
    }


def test_telework_week_by_section_every_cell() -> None:
    week = report().current.telework_week
    assert week is not None
    # 7/20 is 海の日: the working days are 7/21–7/24.
    assert week.days == tuple(date(2026, 7, d) for d in (21, 22, 23, 24))
    cells = [
        (r.section.code, r.headcount, r.eligible, r.participants, r.per_day, r.person_days, r.met)
        for r in week.sections
    ]
    # Headcounts are the staff in post in each section on 7/24, the week's last day:
    # 会計課 P10 only (条件付; P09 not hired, P11 still in 関東局); 関東局/総務課 with P11
    # and P12 (who left on 9/1).
    assert cells == [
        ("大臣官房/会計課", 1, 0, 0, (0, 0, 0, 0), 0.0, False),
        # P01 and P03 on 7/21, P02 the morning of 7/22
        ("大臣官房/総務課", 9, 9, 3, (2, 1, 0, 0), 2.5, True),
        # P14 7/21 pm and 7/23 am, P19 7/24
        ("関東局/総務課", 7, 7, 2, (1, 0, 1, 1), 2.0, True),
    ]
    assert week.sections_met == 2


def test_exclusions_are_counted() -> None:
    exclusions = report().current.exclusions
    # P08's 国会業務 exempts them from the weekly aim only: not an exclusion.
    assert (exclusions.left, exclusions.exempt, exclusions.conditional) == (1, 0, 1)
    assert exclusions.unknown_unit == 0


def test_previous_year_uses_the_units_people_had_then() -> None:
    previous = report().previous
    assert previous.reference_day == date(2026, 3, 31)
    # On 2026-03-31: P09 and P10 not hired yet; P11 still in 関東局; P12 still in post.
    # 本省: P01–P08, P18, P20 = 10 (P08 eligible: exempt from the aim only); telework P01
    # 11/12, P03 3/30.
    # 地方: P11 P12 P14 P15 P16 P17 P19 = 7; telework P12 7/16, P14 3/10. Meeting m3 (no unit).
    head_office, regional, total = (r.tally for r in previous.overview)
    assert figures(head_office) == (10, 10, 2, 2, 2, 2.0, 2, 0, 0, 2)
    assert figures(regional) == (7, 7, 2, 2, 2, 2.0, 2, 0, 0, 2)
    assert figures(total) == (17, 17, 4, 4, 4, 4.0, 4, 0, 1, 4)


def test_a_report_before_the_year_end_counts_up_to_the_day_it_is_made() -> None:
    body = report(as_of=date(2026, 9, 30)).current
    assert body.reference_day == date(2026, 9, 30)
    head_office, regional, total = (r.tally for r in body.overview)
    # P11 is still in 関東局 on 9/30; P09 is not hired yet; P10 is in 条件付採用期間;
    # P12 left on 9/1. Telework after 9/30 is not counted.
    assert (head_office.headcount, head_office.eligible, head_office.implementers) == (11, 10, 6)
    # 本省 implementers P01 P02 P03 P04 P06 P07 (occasions 2+1+3+1+6+1 = 14);
    # 地方 P11 (5/20), P14, P15, P19 (occasions 1+2+2+1 = 6), and the leaver P12's 5/12.
    assert (regional.headcount, regional.eligible, regional.implementers) == (6, 6, 4)
    assert (total.headcount, total.implementers, total.occasions) == (17, 10, 21)
    assert (total.teleworkers, regional.teleworkers, regional.occasions) == (11, 5, 7)
    assert body.exclusions.left == 1
    assert body.exclusions.conditional == 1
    # Months not yet over are still listed (with nothing in them).
    assert months(total)[6:] == [(0, 0, 0.0, 0, 0)] * 6
    # Only finished months are judged for the care target: April … September.
    assert total.categories["care"].periods_judged == 3 * 6


def test_scope_and_unit_filters() -> None:
    regional = report(scope=Scope.REGIONAL).current
    assert [r.scope for r in regional.overview] == [Scope.REGIONAL]
    assert [r.unit.code for r in regional.units] == ["関東局", "関東局/総務課"]
    assert figures(regional.overview[0].tally) == (5, 5, 4, 4, 8, 7.0, 6, 2, 0, 6)
    section = report(unit="大臣官房/総務課").current
    assert section.overview[0].unit is not None
    assert figures(section.overview[0].tally) == (9, 9, 7, 7, 21, 20.0, 19, 2, 1, 7)
    # With a unit, every level under it is a row (the 係 too).
    assert [(r.unit.code, figures(r.tally)[:3]) for r in section.units] == [
        ("大臣官房/総務課", (9, 9, 7)),
        ("大臣官房/総務課/文書係", (1, 1, 1)),
    ]
    assert section.exclusions.left == 0  # P12 was in 関東局


def test_a_month_report() -> None:
    body = report(range=ReportRange.month_of(2026, 7, CALENDAR)).current
    total = body.overview[-1].tally
    assert [m.key for m in body.months] == ["FY2026-07"]
    assert months(total) == [(6, 7, 5.5, 4, 3)]
    assert (total.implementers, total.occasions, total.person_days) == (6, 7, 5.5)
    # July's weeks ending in July: 7/5, 7/12, 7/19, 7/26 → 4 per general person (10 people).
    assert total.categories["general"].periods_judged == 40
    # Managers: judged on the year to 7/31 — P01 has 2 (5/13, 7/21).
    assert total.categories["manager"].attained == 1


def test_an_unknown_unit_is_refused() -> None:
    with pytest.raises(KeyError, match="no/such"):
        report(unit="no/such")


def test_month_tallies_default_to_zero() -> None:
    assert MonthTally() == MonthTally(0, 0, 0.0, 0, 0)


def test_telework_on_closed_days_is_not_counted() -> None:
    base = inputs(*FETCH)
    closed = [(date(2026, 7, 18), "full"), (date(2026, 7, 20), "am"), (date(2026, 12, 30), "full")]
    occasions = dict(base.occasions)
    occasions["P05"] = [*occasions.get("P05", []), *closed]  # a Saturday, 海の日, 年末年始
    occasions["P16"] = list(closed)  # 地方: nothing else all year
    request = ReportRequest(range=ReportRange.fiscal_year_of(2026, CALENDAR))
    counted = build_report(request, replace(base, occasions=occasions), POLICY, CALENDAR).current
    plain = report().current
    assert [figures(r.tally) for r in counted.overview] == [
        figures(r.tally) for r in plain.overview
    ]
    assert [months(r.tally) for r in counted.overview] == [months(r.tally) for r in plain.overview]


def test_mid_year_the_previous_year_is_the_same_period() -> None:
    """Issue 14 item 1: as of 9/30, FY2025 counts 2025-04-01 … 2025-09-30 (前年度同期), not
    the whole of FY2025: P12's 7/16 only (P01's 11/12, P14's 3/10 and P03's 3/30 come later);
    m3 (3/15/2026) is not counted either."""
    previous = report(as_of=date(2026, 9, 30)).previous
    assert previous.reference_day == date(2025, 9, 30)
    assert (previous.range.start, previous.range.end) == (date(2025, 4, 1), date(2026, 3, 31))
    # P08 (exempt) stays eligible under item 10: 17 eligible, not 16.
    assert figures(previous.overview[-1].tally) == (17, 17, 1, 1, 1, 1.0, 1, 0, 0, 1)
    assert [m.occasions for m in previous.overview[-1].tally.months][3:6] == [1, 0, 0]


def test_a_finished_year_compares_with_the_whole_previous_year() -> None:
    assert report().previous.reference_day == date(2026, 3, 31)


def test_each_month_of_the_year_agrees_with_that_months_report() -> None:
    """Issue 14 item 2: the FY report's month rows are the month reports' usage figures
    (P12, who left on 9/1, keeps their May telework in both)."""
    year = report().current.overview[-1].tally
    for index, month in enumerate(report().current.months):
        alone = report(range=ReportRange.month_of(month.start.year, month.start.month, CALENDAR))
        total = alone.current.overview[-1].tally
        row = year.months[index]
        assert (row.implementers, row.occasions, row.person_days) == (
            total.teleworkers,
            total.occasions,
            total.person_days,
        ), month.key


def test_telework_week_credits_the_section_of_the_time() -> None:
    """Issue 14 item 3: X teleworked on 7/21 in 関東局/総務課 and moved to 会計課 on 10/1;
    the week's participation stays with 関東局/総務課."""
    base = inputs(*FETCH)
    mover = person("X1", B)
    moved = [
        *staff_events(),
        StaffEvent("X1", date(2026, 4, 1), org_unit=C, active=True),
        StaffEvent("X1", date(2026, 10, 1), org_unit=B),
    ]
    extended = replace(
        base,
        staff=[*base.staff, mover],
        occasions={**base.occasions, "X1": [(date(2026, 7, 21), "full")]},
        history=StaffHistory(moved),
    )
    request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), telework_week=TELEWORK_WEEK)
    week = build_report(request, extended, POLICY, CALENDAR).current.telework_week
    assert week is not None
    rows = {r.section.code: (r.headcount, r.participants, r.per_day) for r in week.sections}
    assert rows[B] == (1, 0, (0, 0, 0, 0))  # X was not in 会計課 that week
    assert rows[C] == (8, 3, (2, 0, 1, 1))  # P14, P19 and X


def test_once_a_month_rate_per_month_and_on_average() -> None:
    """Issue 14 item 13: 月1回以上実施率. Eligible on 3/31: 17 (not P09, 条件付; P08 is
    exempt from the aim only). Eligible people who teleworked each month: Apr P03 P06 P07;
    May P01 P06 P11; Jun P04 P06; Jul P01 P02 P03 P06 P14 P19; Aug–Mar P06 and more (Aug
    P15, Sep P15, Oct P20, Nov P08 P11, Dec P10, Jan none, Feb P10, Mar P17)."""
    body = report().current
    total = body.overview[-1].tally
    assert [m.implementers_eligible for m in total.months] == [3, 3, 2, 6, 2, 2, 2, 3, 2, 1, 2, 2]
    assert total.once_a_month_rate(3) == 6 / 17
    assert body.complete_months == 12
    assert total.once_a_month_average(12) == pytest.approx(30 / (12 * 17))
    mid = report(as_of=date(2026, 9, 30)).current  # eligible on 9/30: 16 (P10 条件付)
    assert mid.complete_months == 6
    assert mid.overview[-1].tally.once_a_month_average(6) == pytest.approx(18 / (6 * 16))
    assert (
        report(as_of=date(2026, 4, 20)).current.overview[-1].tally.once_a_month_average(0) is None
    )


def _general_in(
    month: tuple[int, int],
    days: list[date],
    policy: Policy = POLICY,
    no_hours: list[date] | None = None,
) -> CategoryTally:
    """One 'other staff' person Y1 teleworking on ``days`` (週休日 on ``no_hours``): the
    general category of a month report, alone in 会計課 with nobody else (the care cells
    make it suppressed)."""
    base = inputs(*FETCH)
    extended = replace(
        base,
        staff=[person("Y1", B)],
        occasions={"Y1": [(d, "full") for d in days]},
        no_hours={"Y1": no_hours or []},
    )
    request = ReportRequest(ReportRange.month_of(*month, CALENDAR))
    return build_report(request, extended, policy, CALENDAR).total.categories["general"]


def test_the_weekly_aim_is_judged_on_average() -> None:
    """Issue 14 item 9: four occasions in one week of July (4 weeks) attain 週1回程度; the
    period rate is the share of weeks with telework (1 of 4)."""
    general = _general_in((2026, 7), [date(2026, 7, d) for d in (6, 7, 8, 9)])
    assert (general.members, general.attained, general.periods_judged, general.periods_met) == (
        1,
        1,
        4,
        1,
    )
    short = _general_in((2026, 7), [date(2026, 7, d) for d in (6, 7, 8)])
    assert short.attained == 0  # 3 < 4 weeks


def test_weeks_of_fewer_than_three_working_days_do_not_count() -> None:
    """May 2026: the weeks ending 5/3, 5/17, 5/24 and 5/31 count; 5/4–5/10 has two working
    days (5/7, 5/8) and does not. Telework in each of the four is the aim attained."""
    days = [date(2026, 4, 30), date(2026, 5, 13), date(2026, 5, 20), date(2026, 5, 27)]
    general = _general_in((2026, 5), days)
    assert (general.attained, general.periods_judged, general.periods_met) == (1, 4, 4)


JULY_DAYS = [date(2026, 7, 1), date(2026, 7, 8), date(2026, 7, 22)]  # weeks 1, 2 and 4


def test_a_week_of_the_persons_own_few_working_days_does_not_count_for_the_aim() -> None:
    """Issue 18 §2: 週休日（割振り0）on 7/15–7/17 leave Y1 two working days in the week of
    7/13 (the organisation has five): not a week of the aim, so three occasions in the
    other three weeks attain it. Without them the week counts and three are too few."""
    off = [date(2026, 7, 15), date(2026, 7, 16), date(2026, 7, 17)]
    general = _general_in((2026, 7), JULY_DAYS, no_hours=off)
    assert (general.attained, general.periods_judged, general.periods_met) == (1, 3, 3)
    plain = _general_in((2026, 7), JULY_DAYS)
    assert (plain.attained, plain.periods_judged, plain.periods_met) == (0, 4, 3)


def test_one_day_off_a_week_keeps_the_week_and_holidays_are_not_the_persons() -> None:
    """A 週3日休み person (one 週休日 a week) still has three or more working days: every
    week counts. 7/20 (海の日) is closed anyway: a 週休日 recorded on it does not shorten
    the week of 7/20 (four working days less one is three)."""
    off = [date(2026, 7, 3), date(2026, 7, 10), date(2026, 7, 17), date(2026, 7, 20)]
    off.append(date(2026, 7, 21))
    general = _general_in((2026, 7), JULY_DAYS, no_hours=off)
    assert (general.attained, general.periods_judged, general.periods_met) == (0, 4, 3)


def test_a_week_of_only_days_off_is_not_judged_in_every_week_either() -> None:
    strict = POLICY.model_copy(update={"aims": Aims(judged="every_period", min_working_days=1)})
    week = [date(2026, 7, d) for d in (13, 14, 15, 16, 17)]
    general = _general_in((2026, 7), JULY_DAYS, strict, no_hours=week)
    assert (general.attained, general.periods_judged, general.periods_met) == (1, 3, 3)
    assert _general_in((2026, 7), JULY_DAYS, strict).periods_judged == 4


def test_the_aim_can_be_judged_in_every_week_by_policy() -> None:
    strict = POLICY.model_copy(update={"aims": Aims(judged="every_period", min_working_days=1)})
    days = [date(2026, 4, 30), date(2026, 5, 13), date(2026, 5, 20), date(2026, 5, 27)]
    general = _general_in((2026, 5), days, strict)
    assert (general.attained, general.periods_judged, general.periods_met) == (0, 5, 4)


def test_non_full_time_staff_are_outside_the_report_by_default() -> None:
    """Issue 14 item 12: a 非常勤 person who teleworked is in no headcount, denominator or
    usage figure, and is shown as an exclusion; a policy can cover them."""
    base = inputs(*FETCH)
    extended = replace(
        base,
        staff=[*base.staff, person("Z1", C, employment=EmploymentType.NON_FULL_TIME)],
        occasions={**base.occasions, "Z1": [(date(2026, 6, 3), "full")]},
    )
    request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), telework_week=TELEWORK_WEEK)
    body = build_report(request, extended, POLICY, CALENDAR).current
    assert figures(body.overview[-1].tally) == figures(report().current.overview[-1].tally)
    assert body.exclusions.not_covered == 1
    both = POLICY.model_copy(update={"employment": Employment(covered=tuple(EmploymentType))})
    covered = build_report(request, extended, both, CALENDAR).current.overview[-1].tally
    assert (covered.headcount, covered.eligible, covered.implementers, covered.occasions) == (
        19,
        18,
        15,
        34,
    )


def _as_part_codes(occasions: dict[str, list[tuple[date, str]]]) -> dict[str, list[int]]:
    """Occasions in the compact form storage reads (``ReportInputs.days``), shuffled."""
    bits = {"am": 1, "pm": 2, "full": 3}
    codes = {
        employee: [day.toordinal() * 4 + bits[part] for day, part in pairs]
        for employee, pairs in occasions.items()
    }
    return {employee: list(reversed(values)) for employee, values in codes.items()}


@pytest.mark.parametrize("half_value", [0.5, 0.3])
def test_part_codes_give_the_report_of_every_occasion(half_value: float) -> None:
    """``ReportInputs.days`` (merged and filtered by the report) gives the figures of the
    report as it was on every occasion (tests/report_reference), also with a half day worth
    0.3 person-days, whose sums depend on their order (then the report adds day by day)."""
    from tests.report_reference.reports import build_report as reference

    counting = POLICY.counting.model_copy(update={"half_day_person_days": half_value})
    policy = POLICY.model_copy(update={"counting": counting})
    data = inputs(date(2025, 3, 25), date(2027, 4, 7))
    occasions = {e: list(pairs) for e, pairs in data.occasions.items()}
    compact = replace(data, occasions={}, days=_as_part_codes(occasions))
    for as_of in (None, date(2026, 11, 18)):
        request = ReportRequest(
            ReportRange.fiscal_year_of(2026, CALENDAR),
            as_of=as_of,
            telework_week=TELEWORK_WEEK,
            per_person=True,
        )
        assert build_report(request, compact, policy, CALENDAR) == for_comparison(
            reference(request, data, policy, CALENDAR)
        )


def test_part_codes_with_nobody_teleworking_give_an_empty_report() -> None:
    """A ministry where nobody has teleworked yet (a fresh roster: the first 「レポート」 of
    the local demo): no days to check against the calendar, every count zero."""
    from tests.report_reference.reports import build_report as reference

    data = inputs(date(2025, 3, 25), date(2027, 4, 7))
    nobody = replace(data, occasions={}, days={})
    silent = replace(data, occasions={})
    request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), per_person=True)
    report = build_report(request, nobody, POLICY, CALENDAR)
    assert report == for_comparison(reference(request, silent, POLICY, CALENDAR))
    assert report.current.units
    assert all(row.tally.occasions == 0 for row in report.current.units)
