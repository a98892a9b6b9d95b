"""Proposals: what a declaration would save, with every warning, before anything is saved."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.declarations import MAX_LINES, Refusal, Requested, entries_to_save, propose
from domain.org import StaffMember
from domain.policy import default_policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
# Thursday 2026-11-26, 10:00 in Tokyo.
NOW = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
MEMBER = StaffMember("E1", "職員", "e1@example.go.jp", "局/課", date(2015, 4, 1))


def ask(
    *days: str,
    part: str = "full",
    status: str = "telework",
    existing: tuple[ScheduleEntry, ...] = (),
    member: StaffMember = MEMBER,
):  # type: ignore[no-untyped-def]
    return propose(
        member,
        [Requested(d, part, status) for d in days],
        list(existing),
        policy=POLICY,
        calendar=CALENDAR,
        now=NOW,
    )


def test_a_plain_day_needs_approval_and_is_not_late() -> None:
    [day] = ask("2026-11-30").days
    assert (day.day, day.needs_approval, day.late, day.closure) == (
        date(2026, 11, 30),
        True,
        False,
        None,
    )
    [entry] = entries_to_save(ask("2026-11-30"))
    assert entry.state == EntryState.PENDING


def test_after_the_deadline_is_late_and_other_statuses_need_no_approval() -> None:
    [tomorrow] = ask("2026-11-27").days  # deadline: 17:00 today; it is 10:00 → not late
    assert not tomorrow.late
    [today] = ask("2026-11-26").days  # deadline was 17:00 yesterday
    assert today.late
    [office] = ask("2026-11-30", status="office").days
    assert not office.needs_approval
    assert entries_to_save(ask("2026-11-30", status="office"))[0].state == EntryState.CONFIRMED


def test_telework_on_a_closed_day_is_refused_not_moved() -> None:
    saturday = ask("2026-11-28", "2026-11-30")
    assert saturday.refused == [("2026-11-28", Refusal.CLOSED_DAY)]
    assert [d.day for d in saturday.days] == [date(2026, 11, 30)]  # nothing shifted onto it
    assert ask("2026-12-30").refused == [("2026-12-30", Refusal.CLOSED_DAY)]  # year-end
    assert ask("2026-11-23", part="am").refused == [("2026-11-23", Refusal.CLOSED_DAY)]  # 勤労感謝
    # Other statuses on a closed day are only warned about (休日出勤, a trip).
    [office] = ask("2026-11-28", status="office").days
    assert office.day == date(2026, 11, 28) and office.closure == "土曜日"


def test_a_policy_may_record_telework_on_closed_days() -> None:
    allowing = POLICY.model_copy(
        update={
            "declarations": POLICY.declarations.model_copy(
                update={"allow_telework_on_closed_days": True}
            )
        }
    )
    proposal = propose(
        MEMBER,
        [Requested("2026-11-28", "full", "telework")],
        [],
        policy=allowing,
        calendar=CALENDAR,
        now=NOW,
    )
    [saturday] = proposal.days
    assert proposal.refused == [] and saturday.closure == "土曜日"
    assert entries_to_save(proposal)[0].day == date(2026, 11, 28)


def test_already_declared_and_replacements() -> None:
    same = ScheduleEntry("E1", date(2026, 11, 30), "full", EntryStatus.TELEWORK, id=7)
    proposal = ask("2026-11-30", existing=(same,))
    assert proposal.days[0].already and proposal.to_save == []
    office = ScheduleEntry("E1", date(2026, 11, 30), "am", EntryStatus.OFFICE, id=8)
    [day] = ask("2026-11-30", existing=(office,)).days
    assert [e.id for e in day.replaces] == [8]
    cancelled = ScheduleEntry(
        "E1", date(2026, 11, 30), "full", EntryStatus.OFFICE, EntryState.CANCELLED, id=9
    )
    assert ask("2026-11-30", existing=(cancelled,)).days[0].replaces == ()


def test_refusals() -> None:
    window_start = POLICY.declarations.earliest_retroactive_day(date(2026, 11, 26), CALENDAR)
    too_old = (window_start - timedelta(days=1)).isoformat()
    proposal = ask(too_old, "not-a-date", "2028-12-01")
    assert proposal.refused == [
        (too_old, Refusal.TOO_FAR_BACK),
        ("not-a-date", Refusal.INVALID),
        ("2028-12-01", Refusal.TOO_FAR_AHEAD),
    ]
    [day] = ask(window_start.isoformat()).days
    assert day.retroactive
    new_hire = StaffMember("E2", "新人", "e2@example.go.jp", "局/課", date(2026, 10, 1))
    assert ask("2026-12-01", member=new_hire).refused == [("2026-12-01", Refusal.NOT_ELIGIBLE)]
    assert ask("2026-12-01", status="office", member=new_hire).refused == []
    assert ask("2026-12-01", part="25:00-26:00").refused == [("2026-12-01", Refusal.INVALID)]


def test_more_days_than_one_card_holds_are_refused_from_the_first_extra_day() -> None:
    days = [(date(2026, 12, 1) + timedelta(days=i)).isoformat() for i in range(MAX_LINES + 5)]
    proposal = ask(*days, status="office")  # office: closed days are warned, not refused
    assert len(proposal.days) == MAX_LINES
    assert proposal.refused == [(days[MAX_LINES], Refusal.TOO_MANY)]


def test_a_month_end_hire_cannot_declare_the_last_day_of_the_sixth_month() -> None:
    hired = StaffMember("E2", "新人", "e2@example.go.jp", "局/課", date(2026, 5, 31))
    now = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)  # Friday 11/27; 11/30 ends the period
    proposal = propose(
        hired,
        [Requested("2026-11-30", "full", "telework"), Requested("2026-12-01", "full", "telework")],
        [],
        policy=POLICY,
        calendar=CALENDAR,
        now=now,
    )
    assert proposal.refused == [("2026-11-30", Refusal.NOT_ELIGIBLE)]
    assert [d.day for d in proposal.days] == [date(2026, 12, 1)]
