"""Nudge planning: windows and slots, who is never nudged, the suggested day, the digest day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.nudges import (
    FatigueGuard,
    Hold,
    NudgePlanner,
    PromptHistory,
    ReminderPreference,
    is_digest_day,
    next_week,
    nudge_slots,
    parse_nudge_key,
    suggest_day,
)
from domain.org import ExemptReason
from domain.periods import PeriodKind, period_for
from domain.policy import default_policy
from tests.factories import staff

POLICY = default_policy()
CAL = POLICY.work_calendar()
GENERAL = staff("G1")
MANAGER = staff("M1", is_manager=True)
CARER = staff("C1", care_preschool=True)


def decide(member, today, occasions=(), issued=None, **kw):  # type: ignore[no-untyped-def]
    return NudgePlanner(POLICY, CAL, today).decide(member, occasions, issued=issued or {}, **kw)


def test_general_staff_are_nudged_on_wednesdays_only_without_telework_that_week() -> None:
    wednesday = date(2026, 11, 18)
    decision = decide(GENERAL, wednesday)
    assert decision is not None and decision.period_key == "general:2026-W47:1"
    assert decide(GENERAL, date(2026, 11, 19)) is None  # Thursday: not in the window
    assert decide(GENERAL, wednesday, [(date(2026, 11, 20), "am")]) is None  # planned: enough
    assert decide(GENERAL, wednesday, issued={"general": 1}) is None  # cap reached
    assert decide(GENERAL, date(2026, 9, 23)) is None  # 秋分の日 (a Wednesday)


def test_managers_from_october_while_below_two_with_three_slots() -> None:
    fy = period_for(PeriodKind.FISCAL_YEAR, date(2026, 10, 1), CAL)
    rule = POLICY.categories["manager"].nudge
    assert rule is not None
    slots = nudge_slots(rule, fy, CAL)
    assert slots[0] == date(2026, 10, 1) and len(slots) == 3
    assert decide(MANAGER, date(2026, 9, 30)) is None
    first = decide(MANAGER, date(2026, 10, 1))
    assert first is not None and first.period_key == "manager:FY2026:1"
    # The second slot is not reached yet: one nudge issued is enough for now.
    assert decide(MANAGER, date(2026, 10, 2), issued={"manager": 1}) is None
    second = decide(MANAGER, slots[1], [(date(2026, 10, 5), "full")], issued={"manager": 1})
    assert second is not None and second.ordinal == 2 and second.remaining == 1
    met = [(date(2026, 10, 5), "full"), (date(2026, 11, 5), "pm")]
    assert decide(MANAGER, slots[1], met, issued={"manager": 1}) is None


def test_missed_slot_is_caught_up_on_the_next_allowed_day() -> None:
    # Carers: from the 16th; on leave on 11/16 → nudged on 11/17 instead.
    assert decide(CARER, date(2026, 11, 16), on_leave=True) is None
    late = decide(CARER, date(2026, 11, 17))
    assert late is not None and late.period_key == "care:FY2026-11:1"
    assert decide(CARER, date(2026, 11, 13)) is None  # before the 16th


@pytest.mark.parametrize(
    "member",
    [
        staff("X1", exempt_reason=ExemptReason.DIET_WORK),
        staff("X2", hire_date=date(2026, 7, 1)),  # 条件付採用期間 until 2026-12-31
        staff("X3", active=False),
    ],
)
def test_never_nudged(member) -> None:  # type: ignore[no-untyped-def]
    assert decide(member, date(2026, 11, 18)) is None


def test_exempt_work_keeps_the_managers_and_carers_nudges() -> None:
    # 国会業務・窓口業務 remove the weekly aim only (plan §1(2), §4).
    manager = staff("XM", is_manager=True, exempt_reason=ExemptReason.DIET_WORK)
    first = decide(manager, date(2026, 10, 1))
    assert first is not None and first.period_key == "manager:FY2026:1"
    carer = staff("XC", care_preschool=True, exempt_reason=ExemptReason.COUNTER_SERVICE)
    late = decide(carer, date(2026, 11, 16))
    assert late is not None and late.category == "care"
    assert decide(staff("XG", exempt_reason=ExemptReason.OTHER), date(2026, 11, 18)) is None


def test_paused_and_snoozed_people_are_held() -> None:
    assert decide(GENERAL, date(2026, 11, 18), hold=Hold(paused=True)) is None
    assert decide(GENERAL, date(2026, 11, 18), hold=Hold(snoozed=True)) is None
    pref = ReminderPreference("G1", paused_until=date(2026, 11, 18), snoozed_until=None)
    assert pref.hold_on(date(2026, 11, 18)).paused and not pref.hold_on(date(2026, 11, 19)).paused
    assert pref.suppresses("campaign_reminder", date(2026, 11, 18))
    assert not pref.suppresses("campaign_reminder", date(2026, 11, 18), mandatory=True)
    assert not pref.suppresses("campaign_results", date(2026, 11, 18))
    snoozed = ReminderPreference("G1", snoozed_until=date(2026, 11, 20))
    assert snoozed.suppresses("nudge", date(2026, 11, 20))
    assert not snoozed.suppresses("campaign_reminder", date(2026, 11, 20))


def test_first_due_category_wins_for_a_manager_who_is_a_carer() -> None:
    both = staff("B1", is_manager=True, care_family=True)
    decision = decide(both, date(2026, 11, 16))
    assert decision is not None and decision.category == "manager"
    assert decide(both, date(2026, 11, 16), issued={"manager": 1}).category == "care"  # type: ignore[union-attr]


def test_suggested_day_prefers_designated_then_the_section_then_the_next_day() -> None:
    today = date(2026, 11, 18)  # Wednesday
    week = period_for(PeriodKind.WEEK, today, CAL)
    assert suggest_day(today, week, CAL) == date(2026, 11, 19)
    counts = {date(2026, 11, 19): 1, date(2026, 11, 20): 4}
    assert suggest_day(today, week, CAL, section_days=counts) == date(2026, 11, 20)
    designated = [date(2026, 11, 19)]
    assert suggest_day(today, week, CAL, designated=designated, section_days=counts) == date(
        2026, 11, 19
    )
    assert suggest_day(today, week, CAL, busy={date(2026, 11, 19)}) == date(2026, 11, 20)
    friday = date(2026, 11, 20)  # nothing left in the week: the next working day (11/23 holiday)
    assert suggest_day(friday, period_for(PeriodKind.WEEK, friday, CAL), CAL) == date(2026, 11, 24)


def test_digest_day_is_the_last_working_day_of_the_week() -> None:
    assert is_digest_day(date(2026, 11, 20), CAL)
    assert not is_digest_day(date(2026, 11, 19), CAL)
    assert is_digest_day(date(2026, 12, 28), CAL)  # 12/29–1/3 closed
    assert not is_digest_day(date(2026, 12, 29), CAL)
    week, days = next_week(date(2026, 12, 25), CAL)
    assert week.key == "2026-W53" and days == [date(2026, 12, 28)]


def test_nudge_keys_round_trip() -> None:
    assert parse_nudge_key("manager:FY2026:2") == ("manager", "FY2026", 2)
    assert parse_nudge_key("general:2026-W47:x") is None


# -- nudge fatigue (issue 14 item 15) --------------------------------------------------------

NOW = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # Wednesday 10:00 in Tokyo


def guard(telework_week: bool = False, **histories: PromptHistory) -> FatigueGuard:
    return FatigueGuard(POLICY.fatigue, histories, NOW, telework_week)


def test_at_most_two_prompts_a_week_three_in_a_telework_week() -> None:
    assert guard().allows("u")
    assert guard(u=PromptHistory(this_week=1)).allows("u")
    assert not guard(u=PromptHistory(this_week=2)).allows("u")
    assert guard(True, u=PromptHistory(this_week=2)).allows("u")
    assert not guard(True, u=PromptHistory(this_week=3)).allows("u")
    loose = POLICY.fatigue.model_copy(update={"max_per_week": 5})
    assert FatigueGuard(loose, {"u": PromptHistory(this_week=2)}, NOW).allows("u")


def test_never_two_prompts_on_one_day_within_or_across_runs() -> None:
    assert not guard(u=PromptHistory(this_week=1, today=1)).allows("u")
    run = guard()
    assert run.allows("u")
    run.record("u")  # a campaign reminder added by this run
    assert not run.allows("u", nudge=True)
    assert run.allows("v")


def test_three_ignored_nudges_in_a_row_hold_the_next_for_a_month() -> None:
    def nudged(*days_ago: int) -> tuple[datetime, ...]:
        return tuple(NOW - timedelta(days=d) for d in days_ago)

    ignored = PromptHistory(recent_nudges=nudged(7, 14, 21))
    assert not guard(u=ignored).allows("u", nudge=True)
    assert guard(u=ignored).allows("u")  # a campaign message is not held by the back-off
    answered = PromptHistory(
        recent_nudges=nudged(7, 14, 21), last_response=NOW - timedelta(days=10)
    )
    assert guard(u=answered).allows("u", nudge=True)  # answered the second one
    too_early = PromptHistory(
        recent_nudges=nudged(7, 14, 21), last_response=NOW - timedelta(days=30)
    )
    assert not guard(u=too_early).allows("u", nudge=True)  # answered before all three
    a_month_on = PromptHistory(recent_nudges=nudged(30, 60, 90))
    assert guard(u=a_month_on).allows("u", nudge=True)  # the monthly one goes out
    two = PromptHistory(recent_nudges=nudged(7, 14))
    assert guard(u=two).allows("u", nudge=True)


def test_the_weekly_aim_nudge_skips_anyone_with_telework_planned_that_week() -> None:
    wednesday = date(2026, 11, 18)
    assert decide(GENERAL, wednesday) is not None
    assert decide(GENERAL, wednesday, [(date(2026, 11, 16), "am")]) is None  # done Monday
    assert decide(GENERAL, wednesday, [(date(2026, 11, 20), "full")]) is None  # planned Friday
    assert decide(GENERAL, wednesday, [(date(2026, 11, 24), "full")]) is not None  # next week
