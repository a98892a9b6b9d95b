"""Working time from presence reports: periods, breaks, the 勤務間インターバル, the export's
days. Expected values are worked out by hand in each test."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.errors import PolicyError
from domain.policy import default_policy, parse_policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from domain.worktime import (
    PresenceReport,
    WorkTimeRules,
    cases_by_section,
    day_status,
    interval_cases,
    work_days,
    work_periods,
)

TZ = ZoneInfo("Asia/Tokyo")
RULES = WorkTimeRules()


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def said(employee_id: str, kind: str, when: datetime) -> PresenceReport:
    return PresenceReport(employee_id, kind, when)


def test_default_policy_has_an_eleven_hour_interval() -> None:
    assert default_policy().worktime.interval == timedelta(hours=11)
    assert default_policy().worktime.interval_check is True


def test_the_interval_is_a_policy_setting() -> None:
    text = 'name = "x"\n[categories.a]\nname_ja = "a"\nname_en = "a"\nwhen = "is_manager"\n'
    text += 'target = { count = 1, period = "month" }\n'
    assert parse_policy(text + "[worktime]\ninterval_hours = 9.5\n").worktime.interval == (
        timedelta(hours=9, minutes=30)
    )
    with pytest.raises(PolicyError, match=r"worktime.interval_hours"):
        parse_policy(text + "[worktime]\ninterval_hours = 0\n")


def test_a_start_less_than_eleven_hours_after_the_previous_end_is_a_case() -> None:
    reports = [
        said("A", "start", at(1, 9)),
        said("A", "end", at(1, 23, 30)),
        said("A", "start", at(2, 10, 29)),  # 10 h 59 min later
        said("A", "end", at(2, 18)),
        said("A", "start", at(3, 5)),  # exactly 11 h: no case
    ]
    [case] = interval_cases(reports, RULES, TZ)
    assert (case.employee_id, case.day) == ("A", date(2026, 12, 2))
    assert case.rest == timedelta(hours=10, minutes=59)


def test_work_past_midnight_counts_towards_the_next_day() -> None:
    reports = [
        said("A", "start", at(1, 9)),
        said("A", "end", at(2, 1)),  # after midnight
        said("A", "start", at(2, 9)),  # 8 h later
    ]
    [case] = interval_cases(reports, RULES, TZ)
    assert case.rest == timedelta(hours=8)


def test_a_gap_within_one_day_is_not_an_interval() -> None:
    reports = [  # 中抜け: end at noon, start again at 13:00 the same day
        said("A", "start", at(1, 9)),
        said("A", "end", at(1, 12)),
        said("A", "start", at(1, 13)),
        said("A", "end", at(1, 18)),
    ]
    assert interval_cases(reports, RULES, TZ) == []


def test_people_are_never_mixed_and_a_repeated_start_is_ignored() -> None:
    reports = [
        said("A", "start", at(1, 9)),
        said("A", "end", at(1, 23)),
        said("B", "start", at(2, 7)),  # B's first day: no previous end
        said("B", "start", at(2, 8)),  # repeat
        said("A", "start", at(2, 12)),  # 13 h later
    ]
    assert interval_cases(reports, RULES, TZ) == []
    periods = work_periods(reports)
    assert [(p.employee_id, p.start) for p in periods] == [
        ("A", at(1, 9)),
        ("A", at(2, 12)),
        ("B", at(2, 7)),
    ]


def test_the_check_can_be_turned_off() -> None:
    reports = [said("A", "end", at(1, 23)), said("A", "start", at(2, 6))]
    off = WorkTimeRules(interval_check=False)
    assert interval_cases([said("A", "start", at(1, 9)), *reports], off, TZ) == []


def test_cases_are_counted_per_section_without_names() -> None:
    reports = []
    for person in ("A", "B", "C"):
        reports += [said(person, "start", at(1, 9)), said(person, "end", at(1, 22))]
        reports += [said(person, "start", at(2, 8))]  # 10 h each
    counts = cases_by_section(interval_cases(reports, RULES, TZ), {"A": "s1", "B": "s1", "C": "s2"})
    assert counts == {"s1": 2, "s2": 1}


def test_work_days_have_start_end_breaks_status_and_short_rest() -> None:
    reports = [
        said("A", "start", at(30, 9, month=11)),  # the day before the month
        said("A", "end", at(30, 23, month=11)),
        said("A", "start", at(1, 8, 45)),  # 9 h 45 min later
        said("A", "away", at(1, 12)),
        said("A", "back", at(1, 12, 50)),
        said("A", "meeting", at(1, 14)),  # work, not a break
        said("A", "end", at(1, 17, 30)),
        said("A", "start", at(1, 20)),  # 中抜け from 17:30 to 20:00
        said("A", "away", at(1, 21)),  # nobody said back
        said("A", "end", at(1, 22)),
    ]
    entries = [
        ScheduleEntry("A", date(2026, 12, 1), "am", EntryStatus.TELEWORK),
        ScheduleEntry("A", date(2026, 12, 1), "pm", EntryStatus.OFFICE),
        ScheduleEntry("A", date(2026, 12, 1), "full", EntryStatus.LEAVE, EntryState.CANCELLED),
        ScheduleEntry("B", date(2026, 12, 2), "full", EntryStatus.TELEWORK, EntryState.PENDING),
    ]
    days = work_days(reports, entries, RULES, TZ, date(2026, 12, 1), date(2026, 12, 31))
    assert [(d.employee_id, d.day) for d in days] == [
        ("A", date(2026, 12, 1)),
        ("B", date(2026, 12, 2)),
    ]
    a, b = days
    assert a.status == "telework:am;office:pm"
    assert (a.start, a.end) == (at(1, 8, 45), at(1, 22))
    # 12:00–12:50 (50), 17:30–20:00 (150), 21:00–22:00 (60, closed by the end of work)
    assert a.break_minutes == 50 + 150 + 60
    assert a.worked_minutes == (22 * 60 - (8 * 60 + 45)) - 260
    assert a.short_rest == timedelta(hours=9, minutes=45)
    assert b.status == "telework(pending)"
    assert (b.start, b.end, b.worked_minutes) == (None, None, None)


def test_day_status_orders_parts_of_the_day() -> None:
    day = date(2026, 12, 1)
    entries = [
        ScheduleEntry("A", day, "13:00-17:00", EntryStatus.TELEWORK),
        ScheduleEntry("A", day, "09:00-12:00", EntryStatus.BUSINESS_TRIP),
    ]
    assert day_status(entries) == "business_trip:09:00-12:00;telework:13:00-17:00"


def test_the_policy_summary_states_the_2026_rules() -> None:
    from bot.cli.policy_summary import render_summary

    policy = default_policy()
    ja = render_summary(policy, "ja")
    assert "勤務間インターバル: 11時間" in ja
    assert "在宅勤務等手当: 命令による終日の在宅勤務が3か月平均で月10日超" in ja
    assert "府省間異動（名簿の府省着任日）で期間は新たに始まる" in ja
    en = render_summary(policy, "en")
    assert "Rest between working days: 11 h" in en
    assert "a move from another ministry (roster 府省着任日) starts a new period" in en
    off = policy.model_copy(update={"worktime": WorkTimeRules(interval_check=False)})
    assert "Rest between working days: off" in render_summary(off, "en")
