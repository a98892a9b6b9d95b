"""Team meetings in the domain: candidate slots and their ranking (holidays, half days,
other meetings), typed slots, capacity, checks, and the poll rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from domain.calendar import WorkCalendar
from domain.meeting_poll import deadline_outcome, leading, quorum_reached, remind_at, tally
from domain.meeting_slots import (
    Availability,
    availability,
    day_slots,
    parse_typed_slots,
    rank_slots,
    team_telework_days,
    top_slots,
)
from domain.meetings import (
    Meeting,
    MeetingRefused,
    MeetingSettings,
    Participant,
    Slot,
    check_capacity,
    check_join_url,
    check_slot,
    check_window,
    poll_deadline,
)
from domain.schedule import EntryState, EntryStatus, ScheduleEntry

CAL = WorkCalendar()
SETTINGS = MeetingSettings()
TOKYO = CAL.tz


def entry(who: str, day: date, part: str, status: EntryStatus, **kw: object) -> ScheduleEntry:
    return ScheduleEntry(who, day, part, status, **kw)  # type: ignore[arg-type]


def test_day_slots_follow_working_hours_steps_and_lunch() -> None:
    slots = day_slots([date(2026, 12, 8)], 60, SETTINGS)
    assert slots[0] == Slot(date(2026, 12, 8), 9 * 60 + 30, 10 * 60 + 30)
    assert slots[-1] == Slot(date(2026, 12, 8), 16 * 60 + 45, 17 * 60 + 45)
    assert all(s.end <= 12 * 60 or s.start >= 13 * 60 for s in slots)  # lunch excluded
    assert Slot(date(2026, 12, 8), 11 * 60, 12 * 60) in slots
    assert Slot(date(2026, 12, 8), 13 * 60, 14 * 60) in slots
    assert len({s.start % 15 for s in slots}) == 1


def test_window_skips_holidays_and_year_end() -> None:
    # 11/23 (月) 勤労感謝の日 is closed; so are 12/29 – 1/3.
    days = check_window(date(2026, 11, 23), date(2026, 11, 27), date(2026, 11, 20), CAL, SETTINGS)
    assert days == [date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)]
    with pytest.raises(MeetingRefused) as closed:
        check_window(date(2026, 12, 29), date(2027, 1, 3), date(2026, 12, 1), CAL, SETTINGS)
    assert closed.value.reason == "window_closed"


def test_ranking_prefers_availability_then_telework() -> None:
    tue, wed = date(2026, 12, 8), date(2026, 12, 9)
    entries = {
        "A": [entry("A", tue, "am", EntryStatus.LEAVE)],  # 午前休: mornings only
        "B": [entry("B", tue, "full", EntryStatus.TELEWORK)],
        "C": [
            entry("C", tue, "pm", EntryStatus.TELEWORK),
            entry("C", wed, "full", EntryStatus.BUSINESS_TRIP),
        ],
    }
    meetings = {"B": [Slot(tue, 15 * 60, 16 * 60)]}
    ranked = rank_slots(day_slots([tue, wed], 60, SETTINGS), ["A", "B", "C"], entries, meetings)
    best = ranked[0]
    # Tuesday afternoon: A is back, B and C telework, B's other meeting avoided.
    assert best.slot == Slot(tue, 13 * 60, 14 * 60)
    assert (best.teleworking, best.free, best.busy) == (("B", "C"), ("A",), ())
    morning = next(r for r in ranked if r.slot == Slot(tue, 9 * 60 + 30, 10 * 60 + 30))
    assert morning.busy == ("A",) and morning.teleworking == ("B",) and morning.free == ("C",)
    clash = next(r for r in ranked if r.slot == Slot(tue, 15 * 60, 16 * 60))
    assert "B" in clash.busy
    assert all("C" in r.busy for r in ranked if r.slot.day == wed)  # on a trip all day
    top = top_slots(ranked, 3)
    assert top[0].slot == best.slot
    assert not any(a.slot.overlaps(b.slot) for a in top for b in top if a is not b)


def test_cancelled_and_partial_declarations() -> None:
    tue = date(2026, 12, 8)
    slot = Slot(tue, 11 * 60 + 30, 12 * 60 + 30)
    gone = entry("A", tue, "full", EntryStatus.LEAVE, state=EntryState.CANCELLED)
    assert availability(slot, [gone]) == Availability.FREE
    partial = entry("A", tue, "am", EntryStatus.TELEWORK)  # ends at noon: not the whole slot
    assert availability(slot, [partial]) == Availability.FREE
    hours = entry("A", tue, "11:00-13:00", EntryStatus.TELEWORK)
    assert availability(slot, [hours]) == Availability.TELEWORK
    pending = entry("A", tue, "pm", EntryStatus.LEAVE, state=EntryState.PENDING)
    assert availability(slot, [pending]) == Availability.BUSY


def test_team_telework_day() -> None:
    days = CAL.working_days(date(2026, 11, 30), date(2026, 12, 4))
    entries = {
        "A": [entry("A", date(2026, 12, 2), "full", EntryStatus.TELEWORK)],
        "B": [
            entry("B", date(2026, 12, 2), "am", EntryStatus.TELEWORK),
            entry("B", date(2026, 12, 3), "full", EntryStatus.TELEWORK),
        ],
    }
    assert team_telework_days(days, ["A", "B"], entries) == [date(2026, 12, 2)]
    assert team_telework_days(days, ["A", "B"], {}) == []


def test_typed_slots() -> None:
    today = date(2026, 11, 26)
    assert parse_typed_slots(
        "12/8(火) 14:00, １２／９　１０：３０\n2027-01-06 9:30-10:30", 60, today
    ) == [
        Slot(date(2026, 12, 8), 840, 900),
        Slot(date(2026, 12, 9), 630, 690),
        Slot(date(2027, 1, 6), 570, 630),
    ]
    assert parse_typed_slots("1/7 10:00", 30, today) == [Slot(date(2027, 1, 7), 600, 630)]
    with pytest.raises(MeetingRefused) as bad:
        parse_typed_slots("来週のどこか", 60, today)
    assert bad.value.reason == "slot_unreadable"
    with pytest.raises(MeetingRefused) as length:
        parse_typed_slots("12/8 14:00-14:30", 60, today)
    assert length.value.reason == "slot_length"


def test_checks() -> None:
    now = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
    with pytest.raises(MeetingRefused) as capacity:
        check_capacity(101, SETTINGS)
    assert capacity.value.values == {"count": 101, "limit": 100}
    check_capacity(100, SETTINGS)
    for slot, reason in [
        (Slot(date(2026, 11, 28), 600, 660), "slot_closed"),  # Saturday
        (Slot(date(2026, 12, 8), 17 * 60, 18 * 60), "slot_hours"),
        (Slot(date(2026, 12, 8), 11 * 60 + 30, 12 * 60 + 30), "slot_lunch"),
        (Slot(date(2026, 11, 26), 10 * 60 + 30, 11 * 60 + 30), "slot_soon"),
    ]:
        with pytest.raises(MeetingRefused) as refused:
            check_slot(slot, now, CAL, SETTINGS)
        assert refused.value.reason == reason
    assert check_join_url(" https://teams.microsoft.com/l/meetup-join/x ").startswith("https://")
    for bad in ("http://x.example", "javascript:alert(1)", "https://a b"):
        with pytest.raises(MeetingRefused):
            check_join_url(bad)


def people(*votes: tuple[int, ...] | None) -> tuple[Participant, ...]:
    return tuple(Participant(f"P{i}", f"P{i}", votes=v) for i, v in enumerate(votes))


def test_poll_rules() -> None:
    slots = (Slot(date(2026, 12, 8), 840, 900), Slot(date(2026, 12, 9), 600, 660))
    created = datetime(2026, 11, 26, 1, tzinfo=UTC)
    deadline = poll_deadline(slots, created, CAL)
    assert deadline == datetime(2026, 12, 7, 17, 0, tzinfo=TOKYO)  # the working day before
    meeting = Meeting(
        "u",
        "t",
        "P0",
        60,
        people((1,), (0, 1), None, None),
        slots,
        poll_deadline=deadline,
        created_at=created,
    )
    assert tally(meeting) == [1, 2] and leading(meeting) == 1
    assert quorum_reached(meeting, 0.5) and not quorum_reached(meeting, 0.75)
    assert deadline_outcome(meeting, deadline - timedelta(minutes=1), 0.5) is None
    assert deadline_outcome(meeting, deadline, 0.5) == slots[1]
    assert deadline_outcome(meeting, deadline, 0.75) is None  # no quorum: the lead decides
    tie = Meeting("u", "t", "P0", 60, people((0,), (1,)), slots, poll_deadline=deadline)
    assert leading(tie) == 0  # the earlier candidate
    assert remind_at(meeting) == deadline - timedelta(hours=24)
    short = poll_deadline(slots[:1], datetime(2026, 12, 8, 3, 30, tzinfo=UTC), CAL)
    assert short == datetime(2026, 12, 8, 13, 30, tzinfo=TOKYO)  # 30 min before 14:00
    assert poll_deadline(slots, datetime(2026, 12, 7, 8, 30, tzinfo=UTC), CAL) == datetime(
        2026, 12, 7, 18, 30, tzinfo=TOKYO
    )  # at least an hour from now
    assert Slot.from_json(slots[0].to_json()) == slots[0]
    with pytest.raises(ValueError):
        Slot.from_json(["2026-12-08", 900, 840])
    assert time(14) == time(slots[0].start // 60)


def test_outlook_busy_times_make_people_busy_with_their_source() -> None:
    from domain.meeting_slots import BusySource, local_slots

    calendar = WorkCalendar()
    tue = date(2026, 12, 1)
    # 13:00–14:00 Tokyo, and an out-of-office from 17:00 Tuesday to 10:00 Wednesday.
    meeting = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
    away = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    busy = local_slots(
        [(meeting, meeting + timedelta(hours=1)), (away, away + timedelta(hours=17))], calendar
    )
    assert busy == [
        Slot(tue, 13 * 60, 14 * 60),
        Slot(tue, 17 * 60, 1440),
        Slot(date(2026, 12, 2), 0, 10 * 60),
    ]
    entries = {"A": [ScheduleEntry("A", tue, "full", EntryStatus.LEAVE, EntryState.CONFIRMED)]}
    [ranked] = rank_slots([Slot(tue, 13 * 60, 14 * 60)], ["A", "B", "C"], entries, {}, {"B": busy})
    assert ranked.busy == ("A", "B") and ranked.free == ("C",)
    assert ranked.busy_from == (BusySource.SCHEDULE, BusySource.OUTLOOK)
