"""Meetings in SQL on SQLite and PostgreSQL: messages enqueued with the change, conditional
state changes, busy times, held meetings recorded once, sub-teams and mention identities."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.calendar import WorkCalendar
from domain.delivery import NewDelivery
from domain.meeting_ports import SubTeam
from domain.meetings import Meeting, MeetingState, Participant, Rsvp, Slot
from storage.engine import session_factory
from storage.meeting_teams import SqlSubTeams
from storage.meetings import SqlMeetings
from storage.tables import Event, TeamsIdentity
from tests.factories import seed_staff, staff

NOW = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
TUE = Slot(date(2026, 12, 8), 14 * 60, 15 * 60)
WED = Slot(date(2026, 12, 9), 10 * 60, 11 * 60)


def draft() -> Meeting:
    return Meeting(
        uid="uid-1",
        title="課内打合せ",
        organiser="C1",
        duration=60,
        participants=(
            Participant("C1", "課長", chat_id="29:c1", email="c1@example.go.jp"),
            Participant("S1", "メーガン", chat_id="29:s1"),
            Participant("29:guest", "Guest", chat_id="29:guest", is_staff=False),
        ),
        candidates=(TUE, WED),
        section="大臣官房/総務課",
        poll_deadline=NOW + timedelta(days=3),
    )


def notice(kind: str):  # type: ignore[no-untyped-def]
    def build(meeting: Meeting) -> list[NewDelivery]:
        return [
            NewDelivery(p.chat_id or "", kind, f"meeting:{meeting.id}:{meeting.sequence}", {"t": 1})
            for p in meeting.participants
        ]

    return build


async def deliveries(engine: AsyncEngine) -> list[tuple[str, str, str]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT recipient, kind, period_key FROM delivery ORDER BY id")
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


async def events(engine: AsyncEngine, kind: str) -> list[Event]:
    async with session_factory(engine)() as session:
        return list((await session.execute(select(Event).where(Event.kind == kind))).scalars())


async def test_meeting_life(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("C1"), staff("S1"))
    clock = [NOW]
    meetings = SqlMeetings(session_factory(engine), WorkCalendar(), clock=lambda: clock[0])
    created = await meetings.create(draft(), actor="C1", notify=notice("poll"))
    assert created.id is not None and created.state == MeetingState.POLLING
    assert [p.key for p in created.participants] == ["C1", "S1", "29:guest"]
    assert await deliveries(engine) == [
        ("29:c1", "poll", f"meeting:{created.id}:0"),
        ("29:s1", "poll", f"meeting:{created.id}:0"),
        ("29:guest", "poll", f"meeting:{created.id}:0"),
    ]
    voted = await meetings.vote(created.id, "S1", [1, 1, 0])
    assert voted is not None and voted.participant("S1").votes == (0, 1)  # type: ignore[union-attr]
    assert await meetings.vote(created.id, "nobody", [0]) is None
    assert await meetings.answer(created.id, "S1", Rsvp.ACCEPTED) is None  # not scheduled yet

    fixed = await meetings.finalise(created.id, TUE, None, actor="C1", notify=notice("invite"))
    assert fixed is not None and fixed.slot == TUE and fixed.sequence == 0
    assert await meetings.finalise(created.id, WED, None, actor="C1", notify=notice("x")) is None
    assert await meetings.vote(created.id, "S1", [0]) is None  # poll closed
    answered = await meetings.answer(created.id, "S1", Rsvp.ACCEPTED)
    assert answered is not None and answered.participant("S1").rsvp == Rsvp.ACCEPTED  # type: ignore[union-attr]
    busy = await meetings.busy(["S1", "C1", "X"], date(2026, 12, 1), date(2026, 12, 31))
    assert busy == {"S1": [TUE], "C1": [TUE]}
    await meetings.answer(created.id, "C1", Rsvp.DECLINED)
    assert "C1" not in await meetings.busy(["C1"], date(2026, 12, 1), date(2026, 12, 31))

    relinked = await meetings.change(
        created.id, TUE, "https://example.com/j", sequence=0, actor="C1", notify=notice("invite")
    )
    assert relinked is not None and relinked.sequence == 1
    assert relinked.participant("S1").rsvp == Rsvp.ACCEPTED  # type: ignore[union-attr]
    stale = await meetings.change(
        created.id, WED, None, sequence=0, actor="C1", notify=notice("invite")
    )
    assert stale is None
    moved = await meetings.change(
        created.id, WED, relinked.join_url, sequence=1, actor="C1", notify=notice("invite")
    )
    assert moved is not None and moved.sequence == 2 and moved.slot == WED
    assert all(p.rsvp is None for p in moved.participants)  # a new time asks again
    starts = WED.starts_at(WorkCalendar())
    assert [
        m.id
        for m in await meetings.scheduled_between(
            starts - timedelta(minutes=15), starts + timedelta(minutes=1)
        )
    ] == [created.id]

    ends = WED.ends_at(WorkCalendar())
    assert await meetings.record_held(ends - timedelta(seconds=1)) == []
    held = await meetings.record_held(ends)
    assert [m.id for m in held] == [created.id]
    assert await meetings.record_held(ends + timedelta(hours=1)) == []  # once only
    [event] = await events(engine, "meeting.held")
    assert event.payload == {
        "meeting_id": created.id,
        "section": "大臣官房/総務課",
        "participants": 3,
        "accepted": 0,
        "day": "2026-12-09",
    }

    cancelled = await meetings.cancel(created.id, actor="C1", notify=notice("cancel"))
    assert cancelled is not None and cancelled.state == MeetingState.CANCELLED
    assert cancelled.sequence == 3
    assert await meetings.cancel(created.id, actor="C1", notify=notice("cancel")) is None
    kinds = [k for _r, k, _p in await deliveries(engine)]
    assert kinds.count("invite") == 9 and kinds.count("cancel") == 3
    assert {e.kind for e in await events(engine, "meeting.changed")} == {"meeting.changed"}


async def test_reminded_once_and_open_polls(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("C1"), staff("S1"))
    meetings = SqlMeetings(session_factory(engine), WorkCalendar(), clock=lambda: NOW)
    created = await meetings.create(draft(), actor="C1", notify=lambda m: [])
    assert [m.id for m in await meetings.open_polls()] == [created.id]
    assert await meetings.mark_reminded(created.id or 0, notify=notice("remind"))
    assert not await meetings.mark_reminded(created.id or 0, notify=notice("remind"))
    assert len(await deliveries(engine)) == 3
    again = await meetings.get(created.id or 0)
    assert again is not None and again.reminded_at == NOW
    mine = await meetings.organised_by("C1", since=NOW - timedelta(days=1))
    assert [m.uid for m in mine] == ["uid-1"]


async def test_sub_teams_and_mention_identities(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("C1"), staff("S1"))
    teams = SqlSubTeams(session_factory(engine), clock=lambda: NOW)
    members = (Participant("S1", "メーガン"), Participant("29:g", "Guest", "29:g", is_staff=False))
    saved = await teams.save_team(SubTeam(0, "C1", "文書係", members))
    again = await teams.save_team(SubTeam(0, "C1", "文書係", members[:1]))
    assert saved.id == again.id
    [team] = await teams.teams_of("C1")
    assert team.name == "文書係" and team.members == members[:1]
    async with session_factory(engine).begin() as session:
        session.add(
            TeamsIdentity(
                tenant_id="t",
                teams_user_id="29:s1",
                employee_id="S1",
                first_seen_at=NOW,
                last_seen_at=NOW,
            )
        )
        session.add(
            TeamsIdentity(tenant_id="t", teams_user_id="29:x", first_seen_at=NOW, last_seen_at=NOW)
        )
    assert await teams.employees_for_chat_ids(["29:s1", "29:x", "29:none"]) == {"29:s1": "S1"}
    added = await teams.propose_team_day(
        "大臣官房/総務課",
        date(2026, 12, 2),
        actor="C1",
        deliveries=[NewDelivery("29:s1", "team_day", "sec:2026-12-02", {"t": 1})] * 2,
    )
    assert added == 1
    assert len(await events(engine, "meeting.team_day_proposed")) == 1
