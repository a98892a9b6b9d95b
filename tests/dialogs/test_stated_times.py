"""Issue 13 §5 (the understanding's part): a stated time is read into ``at``, a correction is
marked, for any time of the working day (hypothesis)."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from dialogs.understanding import Intent, parse
from domain.calendar import WorkCalendar
from domain.policy import default_policy

CALENDAR: WorkCalendar = default_policy().work_calendar()
TODAY = date(2026, 11, 26)
TIMES = st.builds(
    time, hour=st.integers(min_value=7, max_value=23), minute=st.integers(min_value=0, max_value=59)
)


@settings(max_examples=80, deadline=None)
@given(at=TIMES)
def test_a_stated_start_or_end_is_read(at: time) -> None:
    for text, intent in (
        (f"{at.hour}時{at.minute}分に業務開始しました", Intent.REPORT_START),
        (f"{at:%H:%M}に業務終了します", Intent.REPORT_END),
        (f"started work at {at:%H:%M}", Intent.REPORT_START),
        (f"signed off at {at:%H:%M}", Intent.REPORT_END),
    ):
        got = parse(text, today=TODAY, calendar=CALENDAR)
        assert (got.intent, got.at, got.correction) == (intent, at, False), text
        assert got.to_json()["at"] == f"{at:%H:%M}"


@settings(max_examples=80, deadline=None)
@given(at=TIMES)
def test_a_correction_says_which_time_and_is_marked(at: time) -> None:
    for text, intent in (
        (f"開始時刻を{at:%H:%M}に修正", Intent.REPORT_START),
        (f"終了時刻を{at.hour}時{at.minute}分に訂正してください", Intent.REPORT_END),
        (f"correct my start time to {at:%H:%M}", Intent.REPORT_START),
        (f"my end time should be {at:%H:%M}", Intent.REPORT_END),
    ):
        got = parse(text, today=TODAY, calendar=CALENDAR)
        assert (got.intent, got.at, got.correction) == (intent, at, True), text
        assert got.to_json()["correction"] is True


def test_a_report_without_a_time_has_none_and_no_new_keys() -> None:
    got = parse("業務開始します", today=TODAY, calendar=CALENDAR)
    assert got.intent is Intent.REPORT_START and got.at is None and not got.correction
    assert "at" not in got.to_json() and "correction" not in got.to_json()
