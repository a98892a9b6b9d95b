"""The telework policy: the packaged 2015 default, validation errors that name the key,
summaries in Japanese and English, and the rule helpers later features use."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, time
from importlib import resources
from pathlib import Path

import pytest

from bot.cli.policy_summary import check_policy_file, render_summary
from domain.errors import PolicyError
from domain.occasions import DayPart
from domain.org import ExemptReason, StaffMember
from domain.periods import PeriodKind, parse_period_key
from domain.policy import (
    NudgeRule,
    load_policy,
    parse_policy,
    policy_from_mapping,
)

DEFAULT_TEXT = resources.files("domain").joinpath("default_policy.toml").read_text("utf-8")
POLICY = load_policy()
CAL = POLICY.work_calendar()


def member(**flags: object) -> StaffMember:
    return StaffMember("E1", "山田 花子", "hanako@example.go.jp", "S1", date(2015, 4, 1), **flags)  # type: ignore[arg-type]


def test_default_policy_reproduces_the_2015_plan() -> None:
    assert list(POLICY.categories) == ["manager", "care", "general"]
    manager, care, general = (POLICY.categories[k] for k in ("manager", "care", "general"))
    assert (manager.name_ja, manager.target.count, manager.target.period) == (
        "管理職員",
        2,
        PeriodKind.FISCAL_YEAR,
    )
    assert (care.target.count, care.target.period, care.sensitive) == (1, PeriodKind.MONTH, True)
    assert (general.target.count, general.target.period) == (1, PeriodKind.WEEK)
    assert general.target.strength == "aim"
    assert POLICY.eligibility.conditional_appointment_months == 6
    # Plan §1(2), §4: Diet and counter work are exempt from the weekly aim only.
    assert POLICY.exemptions.reasons == ()
    assert set(general.exempt) == {
        ExemptReason.DIET_WORK,
        ExemptReason.COUNTER_SERVICE,
        ExemptReason.OTHER,
    }
    assert manager.exempt == () and care.exempt == ()
    assert POLICY.counting.occasions(DayPart.AM) == 1
    assert POLICY.counting.person_days(DayPart.PM) == 0.5
    assert POLICY.counting.person_days(DayPart.FULL) == 1.0
    assert POLICY.reports.care_min_group_size == 5
    assert POLICY.declarations.retroactive_working_days == 5
    assert CAL.fiscal_year_start_month == 4 and CAL.time_zone == "Asia/Tokyo"
    assert load_policy(None) is POLICY  # the packaged default is read once


def test_default_categories_from_roster_attributes() -> None:
    def ids(m: StaffMember) -> list[str]:
        return [cid for cid, _ in POLICY.categories_of(m)]

    assert ids(member()) == ["general"]
    assert ids(member(is_manager=True)) == ["manager"]
    assert ids(member(care_preschool=True)) == ["care"]
    assert ids(member(care_family=True, is_section_chief=True)) == ["care"]
    assert ids(member(is_manager=True, care_family=True)) == ["manager", "care"]
    assert not POLICY.is_exempt(member(exempt_reason=ExemptReason.DIET_WORK))
    assert not POLICY.is_exempt(member())


def test_an_exemption_removes_only_the_categories_that_list_it() -> None:
    def targets(m: StaffMember) -> list[str]:
        return [cid for cid, _ in POLICY.targets_of(m)]

    diet, counter = ExemptReason.DIET_WORK, ExemptReason.COUNTER_SERVICE
    assert targets(member(exempt_reason=diet)) == []
    assert targets(member(is_manager=True, exempt_reason=diet)) == ["manager"]
    assert targets(member(care_preschool=True, exempt_reason=counter)) == ["care"]
    assert targets(member(is_manager=True, care_family=True, exempt_reason=counter)) == [
        "manager",
        "care",
    ]
    assert targets(member()) == ["general"]
    whole = policy_from_mapping(
        {**tomllib.loads(DEFAULT_TEXT), "exemptions": {"reasons": ["diet_work"]}}
    )
    assert whole.is_exempt(member(is_manager=True, exempt_reason=diet))


def test_a_written_copy_of_the_default_loads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(DEFAULT_TEXT, encoding="utf-8")
    assert load_policy(path) == POLICY
    bom = tmp_path / "bom.toml"
    bom.write_bytes("\ufeff".encode() + DEFAULT_TEXT.encode())
    assert load_policy(bom) == POLICY


def test_summary_in_japanese() -> None:
    text = render_summary(POLICY, "ja")
    for expected in (
        "総務省テレワーク推進計画",
        "年度: 4月1日〜翌年3月末",
        "年末年始（12月29日〜1月3日）",
        "管理職員（manager）: 年度ごとに2回以上",
        "育児・介護を行う職員（care、要配慮）: 毎月1回以上",
        "その他の職員（general）: 毎週1回程度（目安）",
        "声かけ: 10月以降、目標未達の間、1年度あたり最大3回",
        "採用後6か月の条件付採用期間",
        "国会業務、窓口業務",
        "半日 = 1回・0.5人日",
        "前の勤務日の17:00まで",
        "5勤務日前まで",
        "勤務日の09:00〜18:00",
        "5人未満",
    ):
        assert expected in text, expected
    assert len(text.splitlines()) >= 15


def test_summary_in_english() -> None:
    text = render_summary(POLICY, "en")
    for expected in (
        "Fiscal year: starts on 1 April",
        "Managers (manager): at least 2 per fiscal year",
        "(care, sensitive): at least 1 per month",
        "Other staff (general): aim: 1 per week",
        "nudges: from October, until the target is met, at most 3 per fiscal year",
        "nudges: on Wed",
        "6-month conditional appointment",
        "Diet work, counter service",
        "a half day = 1 occasion and 0.5 person-days",
        "by 17:00 on the previous working day",
        "09:00–18:00 on working days",
    ):
        assert expected in text, expected
    assert "管理職員" not in text


def test_check_policy_file_returns_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(DEFAULT_TEXT, encoding="utf-8")
    assert check_policy_file(path) == render_summary(POLICY, "ja")
    assert check_policy_file(path, "en") == render_summary(POLICY, "en")


def _with(change: str, old: str) -> str:
    assert old in DEFAULT_TEXT
    return DEFAULT_TEXT.replace(old, change)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _with(
                'target = { count = 0, period = "fiscal_year" }',
                'target = { count = 2, period = "fiscal_year" }',
            ),
            "categories.manager.target.count: Input should be greater than 0",
        ),
        (
            _with('when = "is_manger"', 'when = "is_manager"'),
            "categories.manager.when: unknown roster attribute 'is_manger'",
        ),
        (
            _with("when = \"__import__('os').system('x')\"", 'when = "is_manager"'),
            "categories.manager.when: unexpected character",
        ),
        (
            _with("requird = true", "required = true"),
            "approval.requird: unknown key (check its spelling)",
        ),
        (
            _with('time_zone = "Asia/Tokio"', 'time_zone = "Asia/Tokyo"'),
            "calendar.time_zone: unknown time zone 'Asia/Tokio'",
        ),
        (
            _with("fiscal_year_start_month = 13", "fiscal_year_start_month = 4"),
            "calendar.fiscal_year_start_month: Input should be less than or equal to 12",
        ),
        (
            _with('period = "quarter"', 'period = "month"'),
            "categories.care.target.period: Input should be 'fiscal_year', 'month', 'week' or",
        ),
        (
            _with('period = "day"', 'period = "month"'),
            "categories.care.target.period: a target period must be fiscal_year, month or week",
        ),
        (
            _with(
                "nudge = { from_day = 16, max_per_period = 1 }",
                "nudge = { from_month = 10, max_per_period = 3 }",
            ),
            "categories.manager: nudge.from_day needs a month target",
        ),
        (
            _with(
                'exempt = ["diet_work", "lunch"]',
                'exempt = ["diet_work", "counter_service", "other"]',
            ),
            "categories.general.exempt[1]:",
        ),
        (
            _with("working_hours_end = 08:00:00", "working_hours_end = 18:00:00"),
            "nudges: working_hours_start must be before working_hours_end",
        ),
        (
            _with('[categories."Care Staff"]', "[categories.care]"),
            "categories: category id 'Care Staff' must be 1–40 lower-case ASCII letters",
        ),
        (
            _with("", 'name = "総務省テレワーク推進計画（平成27年6月5日）"'),
            "name: required key is missing",
        ),
        (_with("[approval\n", "[approval]\n"), "TOML syntax error"),
    ],
)
def test_bad_policies_are_refused_with_the_key_path(text: str, message: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "bad.toml")
    assert str(caught.value).startswith("bad.toml")
    assert message in str(caught.value)


def test_every_problem_is_listed() -> None:
    data = tomllib.loads(DEFAULT_TEXT)
    data["categories"]["manager"]["target"]["count"] = -1
    data["reports"]["care_min_group_size"] = 0
    data["surprise"] = 1
    with pytest.raises(PolicyError) as caught:
        policy_from_mapping(data, "p.toml")
    lines = str(caught.value).splitlines()
    assert lines[0] == "p.toml is not a valid policy:"
    assert sorted(line.strip().split(":")[0] for line in lines[1:]) == [
        "categories.manager.target.count",
        "reports.care_min_group_size",
        "surprise",
    ]


def test_a_policy_needs_at_least_one_category() -> None:
    data = tomllib.loads(DEFAULT_TEXT)
    data["categories"] = {}
    with pytest.raises(PolicyError, match="categories: "):
        policy_from_mapping(data)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="policy file not found"):
        load_policy(tmp_path / "nope.toml")
    cp932 = tmp_path / "sjis.toml"
    cp932.write_bytes('name = "総務省"\n'.encode("cp932"))
    with pytest.raises(PolicyError, match="cannot read policy file"):
        check_policy_file(cp932)


def test_org_closures_reach_the_calendar() -> None:
    data = tomllib.loads(DEFAULT_TEXT)
    data["calendar"]["closures"] = [{"date": date(2026, 8, 14), "name": "一斉休業日"}]
    cal = policy_from_mapping(data).work_calendar()
    reason = cal.closure_reason(date(2026, 8, 14))
    assert reason is not None and reason.name_ja == "一斉休業日"


def test_approval_deadline_is_the_previous_working_day_at_17() -> None:
    # The Thursday after Golden Week: the previous working day is Friday 1 May.
    deadline = POLICY.approval.deadline_for(date(2026, 5, 7), CAL)
    assert deadline == datetime(2026, 5, 1, 8, 0, tzinfo=UTC)  # 17:00 JST
    same_day = POLICY.approval.model_copy(update={"deadline": "same_day"})
    assert same_day.deadline_for(date(2026, 5, 7), CAL) == datetime(2026, 5, 7, 8, tzinfo=UTC)
    not_needed = POLICY.approval.model_copy(update={"required": False})
    assert not_needed.deadline_for(date(2026, 5, 7), CAL) is None


def test_retroactive_window_counts_working_days() -> None:
    # Five working days before Thu 7 May 2026, skipping Golden Week, 昭和の日 (29 Apr) and a
    # weekend: 1 May, 30 Apr, 28 Apr, 27 Apr, 24 Apr.
    assert POLICY.declarations.earliest_retroactive_day(date(2026, 5, 7), CAL) == date(2026, 4, 24)


@pytest.mark.parametrize(
    ("hired", "eligible"),
    [
        (date(2026, 4, 1), date(2026, 10, 1)),  # from the start of a month: ends 9/30
        (date(2026, 3, 31), date(2026, 10, 1)),  # no 9/31: ends at September's end (民法143条)
        (date(2026, 5, 31), date(2026, 12, 1)),  # no 11/31
        (date(2026, 8, 31), date(2027, 3, 1)),  # no 2/31: ends 2/28
        (date(2027, 8, 31), date(2028, 3, 1)),  # leap year: ends 2/29
        (date(2026, 8, 30), date(2027, 3, 1)),  # no 2/30 either
        (date(2026, 8, 29), date(2027, 3, 1)),  # 2027 has no 2/29: ends 2/28
        (date(2027, 8, 29), date(2028, 2, 29)),  # 2028 has: ends 2/28, eligible 2/29
        (date(2027, 8, 28), date(2028, 2, 28)),
        (date(2026, 12, 15), date(2027, 6, 15)),  # across a year
        (date(2026, 9, 30), date(2027, 3, 30)),
        (date(2026, 10, 31), date(2027, 5, 1)),  # no 4/31
    ],
)
def test_eligibility_starts_the_day_after_the_conditional_period_ends(
    hired: date, eligible: date
) -> None:
    assert POLICY.eligibility.eligible_from(hired) == eligible


def test_eligibility_with_other_lengths() -> None:
    twelve = POLICY.eligibility.model_copy(update={"conditional_appointment_months": 12})
    assert twelve.eligible_from(date(2028, 2, 29)) == date(2029, 3, 1)  # no 2/29 in 2029
    assert twelve.eligible_from(date(2026, 4, 1)) == date(2027, 4, 1)
    none = POLICY.eligibility.model_copy(update={"conditional_appointment_months": 0})
    assert none.eligible_from(date(2026, 3, 31)) == date(2026, 3, 31)


def test_nudge_windows() -> None:
    manager_rule = POLICY.categories["manager"].nudge
    care_rule = POLICY.categories["care"].nudge
    weekly_rule = POLICY.categories["general"].nudge
    assert manager_rule and care_rule and weekly_rule
    fy = parse_period_key("FY2026")
    assert manager_rule.opens_on(fy) == date(2026, 10, 1)
    assert not manager_rule.allows(date(2026, 9, 30), fy)
    assert manager_rule.allows(date(2027, 3, 1), fy)
    assert NudgeRule(from_month=2).opens_on(fy) == date(2027, 2, 1)
    february = parse_period_key("FY2026-02")
    assert care_rule.opens_on(february) == date(2027, 2, 16)
    assert NudgeRule(from_day=31).opens_on(february) == date(2027, 2, 28)
    week = parse_period_key("2026-W48")
    assert weekly_rule.allows(date(2026, 11, 25), week)  # Wednesday
    assert not weekly_rule.allows(date(2026, 11, 26), week)
    assert not weekly_rule.allows(date(2026, 12, 2), week)  # next week's Wednesday


def test_nudges_respect_quiet_hours_and_closed_days() -> None:
    nudges = POLICY.nudges
    jst = CAL.tz
    assert nudges.may_send_at(datetime(2026, 11, 26, 9, 0, tzinfo=jst), CAL)
    assert nudges.may_send_at(datetime(2026, 11, 26, 17, 59, tzinfo=jst), CAL)
    assert not nudges.may_send_at(datetime(2026, 11, 26, 18, 0, tzinfo=jst), CAL)
    assert not nudges.may_send_at(datetime(2026, 11, 26, 8, 59, tzinfo=jst), CAL)
    assert not nudges.may_send_at(datetime(2026, 11, 28, 10, 0, tzinfo=jst), CAL)  # Saturday
    assert not nudges.may_send_at(datetime(2026, 11, 23, 10, 0, tzinfo=jst), CAL)  # 勤労感謝の日
    # 01:00 UTC is 10:00 in Tokyo.
    assert nudges.may_send_at(datetime(2026, 11, 26, 1, 0, tzinfo=UTC), CAL)
    assert nudges.working_hours_start == time(9, 0)


# --- issue 14 item 14: quiet hours at the moment of sending --------------------------------------


def test_next_time_within_hours_skips_nights_weekends_and_holidays() -> None:
    from domain.policy import QuietHours, default_policy

    policy = default_policy()
    cal = policy.work_calendar()
    jst = cal.tz
    hours = policy.nudges
    at = datetime(2026, 11, 26, 10, 0, tzinfo=jst)
    assert hours.next_within_hours(at, cal) == at
    early = datetime(2026, 11, 26, 7, 30, tzinfo=jst)
    assert hours.next_within_hours(early, cal) == datetime(2026, 11, 26, 9, 0, tzinfo=jst)
    friday_night = datetime(2026, 11, 27, 20, 30, tzinfo=jst)
    assert hours.next_within_hours(friday_night, cal) == datetime(2026, 11, 30, 9, 0, tzinfo=jst)
    before_holiday = datetime(2026, 11, 20, 18, 0, tzinfo=jst)  # Friday; Monday 11/23 勤労感謝の日
    assert hours.next_within_hours(before_holiday, cal) == datetime(2026, 11, 24, 9, 0, tzinfo=jst)

    window = QuietHours(policy, cal)
    assert window.hold("digest", at) is None
    dropped = window.hold("digest", friday_night)
    assert dropped is not None and dropped.until is None and "quiet hours" in dropped.reason
    waits = window.hold("approval_request", friday_night)
    assert waits is not None and waits.until == datetime(2026, 11, 30, 9, 0, tzinfo=jst)
    assert window.hold("meeting_invite", friday_night) is None  # not listed: any time


def test_the_policy_can_change_what_each_kind_does_outside_hours() -> None:
    from domain.policy import QuietHours, Sending, default_policy

    policy = default_policy().model_copy(
        update={"sending": Sending.model_validate({"outside_hours": {"digest": "wait"}})}
    )
    cal = policy.work_calendar()
    night = datetime(2026, 11, 26, 21, 0, tzinfo=cal.tz)
    hold = QuietHours(policy, cal).hold("digest", night)
    assert hold is not None and hold.until == datetime(2026, 11, 27, 9, 0, tzinfo=cal.tz)
    assert QuietHours(policy, cal).hold("nudge", night) is None  # the list was replaced
    with pytest.raises(ValueError):
        Sending.model_validate({"outside_hours": {"digest": "later"}})


def test_nudge_fatigue_defaults_and_summary() -> None:
    fatigue = POLICY.fatigue
    assert (fatigue.max_per_week, fatigue.max_per_week_telework_week) == (2, 3)
    assert fatigue.one_per_day and (fatigue.back_off_after_ignored, fatigue.back_off_days) == (
        3,
        30,
    )
    assert fatigue.cap(telework_week=False) == 2 and fatigue.cap(telework_week=True) == 3
    assert "at most 2 a week (3 in a Telework Week); one a day" in render_summary(POLICY, "en")
    assert "声かけの上限: 1人あたり週2回" in render_summary(POLICY, "ja")
    assert not POLICY.declarations.allow_telework_on_closed_days
    assert "Telework on closed days: refused" in render_summary(POLICY, "en")
