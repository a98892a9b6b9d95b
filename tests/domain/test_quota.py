"""Quota status: several categories at once, mid-year hires, the conditional appointment
window, exempt people, half days, pace and deadlines, and the batch pass."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from importlib import resources

import pytest

from domain.occasions import DayPart, Occasion, merge_by_day
from domain.org import EmploymentType, ExemptReason, StaffMember
from domain.policy import Employment, load_policy, policy_from_mapping
from domain.quota import (
    NoTargetReason,
    PeriodTelework,
    QuotaFrame,
    QuotaProfile,
    QuotaStatus,
    Standing,
    TargetProgress,
    quota_status,
    quota_statuses,
)

POLICY = load_policy()
CAL = POLICY.work_calendar()
LONG_AGO = date(2015, 4, 1)
FY2026_WORKING_DAYS = 241


def person(employee_id: str = "E1", hired: date = LONG_AGO, **kw: object) -> StaffMember:
    return StaffMember(employee_id, "名前", f"{employee_id}@example.go.jp", "S1", hired, **kw)  # type: ignore[arg-type]


def by_category(status: QuotaStatus) -> dict[str, TargetProgress]:
    return {t.category: t for t in status.targets}


def test_a_manager_who_is_also_a_carer_gets_both_targets() -> None:
    m = person(is_manager=True, care_family=True)
    occasions = [
        (date(2026, 5, 12), DayPart.FULL),
        (date(2026, 7, 1), DayPart.AM),
        (date(2026, 7, 20), DayPart.FULL),  # 海の日: a closed day never counts
        (date(2026, 7, 28), DayPart.PM),  # after the date: planned
    ]
    status = quota_status(m, POLICY, CAL, date(2026, 7, 21), occasions)
    assert status.no_target is None and status.may_be_nudged
    targets = by_category(status)
    assert list(targets) == ["manager", "care"]

    manager = targets["manager"]
    assert manager.period.key == "FY2026"
    assert (manager.needed, manager.done, manager.planned, manager.remaining) == (2, 2, 1, 0)
    assert manager.person_days == 1.5
    assert manager.standing is Standing.MET and manager.next_deadline is None
    assert manager.deadline == date(2027, 3, 31)

    care = targets["care"]
    assert care.period.key == "FY2026-07"
    assert (care.needed, care.done, care.planned) == (1, 1, 1)  # 7/1 only: 7/20 is 海の日
    assert care.standing is Standing.MET
    assert care.deadline == date(2026, 7, 31)


def test_telework_on_a_closed_day_counts_toward_nothing() -> None:
    # Recorded where the policy allows it (or before the refusal existed), never counted.
    closed = [
        (date(2026, 11, 21), DayPart.FULL),  # Saturday
        (date(2026, 11, 23), DayPart.FULL),  # 勤労感謝の日
        (date(2026, 12, 29), DayPart.AM),  # 年末年始 (planned, after the date)
    ]
    both = person(is_manager=True, care_family=True)
    targets = by_category(quota_status(both, POLICY, CAL, date(2026, 11, 24), closed))
    assert (targets["manager"].done, targets["manager"].planned) == (0, 0)
    assert targets["manager"].person_days == 0.0
    assert targets["care"].done == 0 and targets["care"].standing is not Standing.MET
    (weekly,) = quota_status(person(), POLICY, CAL, date(2026, 11, 24), closed).targets
    assert weekly.done == 0 and weekly.remaining == 1


def test_everyone_else_gets_the_weekly_aim() -> None:
    status = quota_status(person(), POLICY, CAL, date(2026, 11, 24), [])
    (weekly,) = status.targets
    assert weekly.category == "general" and weekly.period.key == "2026-W48"
    assert weekly.standing is Standing.ON_TRACK
    # 23 Nov is 勤労感謝の日: four working days, Friday the last.
    assert weekly.deadline == date(2026, 11, 27) and weekly.next_deadline == date(2026, 11, 27)
    assert weekly.remaining == 1


def test_half_days_count_one_occasion_and_half_a_person_day() -> None:
    occasions = [
        (date(2026, 11, 24), DayPart.AM),
        (date(2026, 11, 25), "pm"),
        Occasion(date(2026, 11, 26), DayPart.AM),
        Occasion(date(2026, 11, 26), DayPart.PM),  # AM + PM on one day: one full day
        Occasion(date(2026, 11, 26), DayPart.PM),  # duplicates collapse
    ]
    (weekly,) = quota_status(person(), POLICY, CAL, date(2026, 11, 27), occasions).targets
    assert weekly.done == 3
    assert weekly.person_days == 2.0
    assert merge_by_day(occasions) == {
        date(2026, 11, 24): DayPart.AM,
        date(2026, 11, 25): DayPart.PM,
        date(2026, 11, 26): DayPart.FULL,
    }


def test_managers_fall_behind_after_half_the_year_without_telework() -> None:
    m = person(is_manager=True)
    first = quota_status(m, POLICY, CAL, date(2026, 4, 1), []).targets[0]
    assert first.standing is Standing.ON_TRACK
    # ceil(241 / 2) = the 121st working day of FY2026.
    assert first.next_deadline == CAL.add_working_days(date(2026, 3, 31), 121) == date(2026, 9, 29)

    on_due_day = quota_status(m, POLICY, CAL, date(2026, 9, 29), []).targets[0]
    assert on_due_day.standing is Standing.ON_TRACK
    day_after = quota_status(m, POLICY, CAL, date(2026, 9, 30), []).targets[0]
    assert day_after.standing is Standing.BEHIND
    assert day_after.next_deadline == date(2027, 3, 31)

    one_done = quota_status(m, POLICY, CAL, date(2026, 10, 15), [(date(2026, 6, 1), "full")])
    target = one_done.targets[0]
    assert target.standing is Standing.ON_TRACK and target.remaining == 1
    assert target.next_deadline == date(2027, 3, 31)


def test_single_occasion_targets_are_due_on_the_periods_last_working_day() -> None:
    carer = person(care_preschool=True)
    status = quota_status(carer, POLICY, CAL, date(2026, 9, 1), [])
    (care,) = status.targets  # carers are not "everyone else": no weekly aim on top
    assert care.category == "care"
    assert care.next_deadline == date(2026, 9, 30) and care.standing is Standing.ON_TRACK
    last_day = quota_status(carer, POLICY, CAL, date(2026, 9, 30), []).targets[0]
    assert last_day.standing is Standing.ON_TRACK and last_day.next_deadline == date(2026, 9, 30)


def test_people_inside_the_conditional_appointment_period_are_not_eligible() -> None:
    newcomer = person(hired=date(2026, 4, 1), care_preschool=True)
    status = quota_status(newcomer, POLICY, CAL, date(2026, 9, 30), [(date(2026, 9, 1), "full")])
    assert status.no_target is NoTargetReason.CONDITIONAL_APPOINTMENT
    assert status.targets == ()
    assert status.eligible_from == date(2026, 10, 1)
    assert status.conditional_until == date(2026, 9, 30)
    assert not status.may_be_nudged

    eligible = quota_status(newcomer, POLICY, CAL, date(2026, 10, 1), [])
    assert eligible.no_target is None and eligible.conditional_until is None
    assert [t.category for t in eligible.targets] == ["care"]


def test_a_month_end_hire_is_not_eligible_on_the_last_day_of_the_sixth_month() -> None:
    # Hired 3/31: no 9/31, so the period ends at the end of September (民法143条).
    hired = person(hired=date(2026, 3, 31), care_preschool=True)
    last = quota_status(hired, POLICY, CAL, date(2026, 9, 30), [])
    assert last.no_target is NoTargetReason.CONDITIONAL_APPOINTMENT and not last.may_be_nudged
    assert last.conditional_until == date(2026, 9, 30)
    first = quota_status(hired, POLICY, CAL, date(2026, 10, 1), [])
    assert first.no_target is None and first.eligible_from == date(2026, 10, 1)
    # Hired 8/31 in a leap cycle: eligible from 3/1, not 2/28 or 2/29.
    leap = person(hired=date(2027, 8, 31))
    assert quota_status(leap, POLICY, CAL, date(2028, 2, 29), []).no_target is (
        NoTargetReason.CONDITIONAL_APPOINTMENT
    )
    assert quota_status(leap, POLICY, CAL, date(2028, 3, 1), []).no_target is None


def test_not_yet_hired_people_are_in_the_window_too() -> None:
    future = person(hired=date(2027, 4, 1))
    status = quota_status(future, POLICY, CAL, date(2026, 11, 26), [])
    assert status.no_target is NoTargetReason.CONDITIONAL_APPOINTMENT
    assert status.eligible_from == date(2027, 10, 1)


def test_a_year_target_is_prorated_when_eligibility_starts_mid_year() -> None:
    # Hired 2026-07-04 → eligible from 2027-01-04: 59 of FY2026's 241 working days remain.
    manager = person(hired=date(2026, 7, 4), is_manager=True)
    (target,) = quota_status(manager, POLICY, CAL, date(2027, 1, 4), []).targets
    assert target.needed == 1  # ceil(2 × 59 / 241)
    assert target.next_deadline == date(2027, 3, 31)
    # From 1 October (119 of 241 working days) it is still one: ceil(0.988) = 1.
    october = person(hired=date(2026, 4, 1), is_manager=True)
    assert quota_status(october, POLICY, CAL, date(2026, 10, 1), []).targets[0].needed == 1

    data = tomllib.loads(resources.files("domain").joinpath("default_policy.toml").read_text())
    data["eligibility"]["prorate_first_period"] = False
    strict = policy_from_mapping(data)
    assert quota_status(manager, strict, CAL, date(2027, 1, 4), []).targets[0].needed == 2


def test_a_mid_month_start_still_needs_the_months_occasion() -> None:
    carer = person(hired=date(2026, 1, 20), care_family=True, is_manager=True)
    status = quota_status(carer, POLICY, CAL, date(2026, 7, 21), [])
    care = by_category(status)["care"]
    assert care.needed == 1 and care.standing is Standing.ON_TRACK
    assert care.next_deadline == date(2026, 7, 31)


def test_exempt_work_removes_only_the_weekly_aim() -> None:
    # Plan §1(2), §4: 国会業務・窓口業務 are exempt from the weekly aim; a manager keeps 2 a
    # year and a carer once a month (原則として), and both may be nudged about those.
    on, done = date(2026, 11, 26), [(date(2026, 11, 2), "full")]
    for reason in ExemptReason:
        both = quota_status(
            person(is_manager=True, care_family=True, exempt_reason=reason), POLICY, CAL, on, done
        )
        assert both.no_target is None and both.may_be_nudged
        assert [t.category for t in both.targets] == ["manager", "care"]
        manager = quota_status(person(is_manager=True, exempt_reason=reason), POLICY, CAL, on, [])
        assert [(t.category, t.needed) for t in manager.targets] == [("manager", 2)]
        carer = quota_status(person(care_preschool=True, exempt_reason=reason), POLICY, CAL, on, [])
        assert [(t.category, t.needed) for t in carer.targets] == [("care", 1)]
        other = quota_status(person(exempt_reason=reason), POLICY, CAL, on, done)
        assert other.no_target is NoTargetReason.EXEMPT
        assert other.targets == () and not other.may_be_nudged


def test_exemptions_are_policy_not_code() -> None:
    data = tomllib.loads(resources.files("domain").joinpath("default_policy.toml").read_text())
    data["categories"]["general"]["exempt"] = ["diet_work"]
    per_category = policy_from_mapping(data)
    counter = person(exempt_reason=ExemptReason.COUNTER_SERVICE)
    status = quota_status(counter, per_category, CAL, date(2026, 11, 26), [])
    assert [t.category for t in status.targets] == ["general"]
    # The whole plan: [exemptions] reasons takes the person out of every category.
    data["exemptions"]["reasons"] = ["counter_service"]
    whole = policy_from_mapping(data)
    manager = person(is_manager=True, exempt_reason=ExemptReason.COUNTER_SERVICE)
    assert quota_status(manager, whole, CAL, date(2026, 11, 26), []).no_target is (
        NoTargetReason.EXEMPT
    )


def test_inactive_people_have_no_target() -> None:
    status = quota_status(person(active=False), POLICY, CAL, date(2026, 11, 26), [])
    assert status.no_target is NoTargetReason.INACTIVE


def test_people_outside_every_category() -> None:
    data = tomllib.loads(resources.files("domain").joinpath("default_policy.toml").read_text())
    data["categories"] = {"manager": data["categories"]["manager"]}
    managers_only = policy_from_mapping(data)
    status = quota_status(person(), managers_only, CAL, date(2026, 11, 26), [])
    assert status.no_target is NoTargetReason.NO_CATEGORY and status.targets == ()


def test_a_week_without_working_days_has_nothing_to_do() -> None:
    # 2026-W01 runs 29 Dec 2025 – 4 Jan 2026: year-end closure and a Sunday.
    (weekly,) = quota_status(person(), POLICY, CAL, date(2025, 12, 30), []).targets
    assert weekly.period.key == "2026-W01"
    assert (weekly.needed, weekly.standing, weekly.next_deadline) == (0, Standing.MET, None)


def test_occasions_outside_the_period_do_not_count() -> None:
    occasions = [(date(2026, 3, 31), "full"), (date(2027, 4, 1), "full"), (date(2026, 6, 30), "am")]
    m = person(is_manager=True)
    (target,) = quota_status(m, POLICY, CAL, date(2026, 7, 1), occasions).targets
    assert (target.done, target.planned) == (1, 0)


def test_the_batch_pass_matches_one_at_a_time() -> None:
    on = date(2026, 11, 26)
    people = [
        person("A", is_manager=True),
        person("B", care_preschool=True),
        person("C"),
        person("D", exempt_reason=ExemptReason.COUNTER_SERVICE),
        person("E", hired=date(2026, 9, 1)),
        person("F", is_manager=True, care_family=True),
    ]
    start = date(2026, 4, 1)
    declared = {
        p.employee_id: [
            (start + timedelta(days=7 * k + i), DayPart.AM if k % 3 else DayPart.FULL)
            for k in range(40)
        ]
        for i, p in enumerate(people)
    }
    batch = list(quota_statuses(people, declared, POLICY, CAL, on))
    single = [quota_status(p, POLICY, CAL, on, declared[p.employee_id]) for p in people]
    assert batch == single
    frame = QuotaFrame(POLICY, CAL, on)
    assert [frame.status(p, declared[p.employee_id]) for p in people] == single
    assert [s.employee_id for s in batch] == ["A", "B", "C", "D", "E", "F"]
    missing = list(quota_statuses([person("Z")], {}, POLICY, CAL, on))
    assert missing[0].targets[0].done == 0


def test_fy2026_working_day_count_used_by_the_pace() -> None:
    start, end = CAL.fiscal_year_range(2026)
    assert CAL.count_working_days(start, end) == FY2026_WORKING_DAYS


def test_unknown_day_parts_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown day part 'evening'"):
        quota_status(person(), POLICY, CAL, date(2026, 11, 26), [(date(2026, 11, 26), "evening")])


def test_non_full_time_staff_are_outside_the_plan_unless_the_policy_covers_them() -> None:
    """Issue 14 item 12: 対象者 = 常勤職員 by default; a policy may cover 非常勤 too."""
    part_timer = person("P1", employment=EmploymentType.NON_FULL_TIME)
    status = quota_status(part_timer, POLICY, CAL, date(2026, 11, 26), [])
    assert status.no_target is NoTargetReason.NOT_COVERED and not status.may_be_nudged
    both = POLICY.model_copy(update={"employment": Employment(covered=tuple(EmploymentType))})
    covered = quota_status(part_timer, both, CAL, date(2026, 11, 26), [])
    assert covered.no_target is None and covered.targets
    assert quota_status(person("F1"), POLICY, CAL, date(2026, 11, 26), []).targets


def test_audience_is_who_reads_each_period() -> None:
    frame = QuotaFrame(POLICY, CAL, date(2026, 11, 18))
    year, month, week = frame.windows
    [(managers, none)] = frame.audience(year)
    assert none == frozenset() and len(managers) == 8 and all(c[0] for c in managers)
    [(carers, none)] = frame.audience(month)
    assert none == frozenset() and len(carers) == 12 and all(c[2] or c[3] for c in carers)
    [(others, exempt)] = frame.audience(week)
    assert others == [(False, False, False, False), (False, True, False, False)]
    assert exempt == {"diet_work", "counter_service", "other"}
    # Everyone the rules give a target in a period is in its audience, and nobody else.
    both = (False, True)
    for flags in [(m, c, p, f) for m in both for c in both for p in both for f in both]:
        manager, chief, preschool, family = flags
        member = StaffMember("E1", "n", "e@x", "u", date(2000, 4, 1), manager, chief,
                             care_preschool=preschool, care_family=family)  # fmt: skip
        status = frame.status_counted(member, {})
        read = {(t.period.start, t.period.end) for t in status.targets}
        for window in (year, month, week):
            inside = any(flags in c for c, _ in frame.audience(window))
            assert inside == ((window.start, window.end) in read)


def test_status_of_a_profile_equals_status_counted() -> None:
    on = date(2026, 11, 18)
    frame = QuotaFrame(POLICY, CAL, on)
    keys = [(w.start, w.end) for w in frame.windows]
    members = [
        StaffMember(
            f"E{n}",
            "n",
            f"e{n}@x",
            "u",
            hire,
            *flags,
            exempt_reason=reason,
            active=active,
            employment=employment,
        )
        for n, (hire, flags, reason, active, employment) in enumerate(
            (hire, flags, reason, active, employment)
            for hire in (date(2000, 4, 1), date(2026, 4, 1), date(2026, 7, 1), date(2026, 11, 1))
            for flags in ((False,) * 4, (True, False, False, False), (False, False, True, True))
            for reason in (None, ExemptReason.DIET_WORK)
            for active in (True, False)
            for employment in EmploymentType
        )
    ]
    checked = 0
    for counts in ((), (1, 0, 0, 0) * 3, (0, 1, 2, 0, 1, 1, 0, 0, 0, 0, 1, 0), (3, 2, 1, 1) * 3):
        by_period = {
            key: PeriodTelework(*counts[4 * n : 4 * n + 4]) for n, key in enumerate(keys) if counts
        }
        for member in members:
            got = frame.status_of(member.employee_id, QuotaProfile.of(member), counts)
            assert got == frame.status_counted(member, by_period)
            checked += len(got.targets)
    assert checked >= 40  # eligible, covered, active people with targets
