"""Stated times in presence reports (issue 13 §5): the ``at`` and ``correction`` keys."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.understanding import parse
from domain.calendar import WorkCalendar
from domain.policy import default_policy

TODAY = date(2026, 11, 26)

ROWS: list[tuple[str, dict[str, Any]]] = [
    ("9時に業務開始しました", {"intent": "report_start", "at": "09:00"}),
    ("９時に業務開始しました", {"intent": "report_start", "at": "09:00"}),
    ("8:45から業務開始", {"intent": "report_start", "at": "08:45"}),
    ("業務開始 9:00", {"intent": "report_start", "at": "09:00"}),
    ("業務開始します", {"intent": "report_start"}),
    ("18時に業務終了", {"intent": "report_end", "at": "18:00"}),
    ("10時半に戻りました", {"intent": "presence", "at": "10:30"}),
    ("開始時刻を9:00に修正", {"intent": "report_start", "at": "09:00", "correction": True}),
    (
        "業務開始時刻を9時に訂正してください",
        {"intent": "report_start", "at": "09:00", "correction": True},
    ),
    ("終了時刻を17時半に直して", {"intent": "report_end", "at": "17:30", "correction": True}),
    ("Started work at 9", {"intent": "report_start", "at": "09:00"}),
    ("started work at 8:45am", {"intent": "report_start", "at": "08:45"}),
    ("signed off at 5", {"intent": "report_end", "at": "17:00"}),
    ("back at 10:30", {"intent": "presence", "at": "10:30"}),
    (
        "Correct my start time to 8:30",
        {"intent": "report_start", "at": "08:30", "correction": True},
    ),
    (
        "my start time was actually 9am",
        {"intent": "report_start", "at": "09:00", "correction": True},
    ),
]


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return default_policy().work_calendar()


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[t for t, _ in ROWS])
def test_stated_time(text: str, expected: dict[str, Any], calendar: WorkCalendar) -> None:
    got = parse(text, today=TODAY, calendar=calendar).to_json()
    assert got["intent"] == expected["intent"]
    assert got.get("at") == expected.get("at")
    assert got.get("correction", False) == expected.get("correction", False)
