"""Reads about many people (the 配信状況 card asks for every person's chat id): beyond
``MAX_IN_LIST`` the people are kept while reading instead of an ``IN (...)`` of one bound
parameter each, which PostgreSQL (asyncpg) refused beyond 32,767. The same rows either way,
and nobody outside the list."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.schedule import EntryStatus, ScheduleEntry
from storage.engine import session_factory
from storage.people_filter import MAX_IN_LIST
from storage.schedule import SqlSchedule
from storage.tables import TeamsIdentity
from storage.worktime import SqlPresenceHistory
from tests.factories import seed_staff, staff

DAY = date(2026, 12, 7)
AT = datetime(2026, 12, 7, 0, 30, tzinfo=UTC)
MANY = [f"X{i:05}" for i in range(40_000)]  # beyond both databases' parameter limits


async def test_long_lists_of_people_read_the_same_rows(engine: AsyncEngine) -> None:
    organisation = await seed_staff(
        engine, *(staff(e, aad_object_id=f"aad-{e}") for e in ("A1", "B2", "C3"))
    )
    sessions = session_factory(engine)
    schedule = SqlSchedule(sessions, clock=lambda: AT)
    for e in ("A1", "B2", "C3"):
        await schedule.save([ScheduleEntry(e, DAY, "full", EntryStatus.TELEWORK)], actor=e)
        await schedule.record_presence(e, "start", at=AT)
    async with engine.begin() as conn:
        await conn.execute(
            insert(TeamsIdentity.__table__),  # type: ignore[attr-defined]
            [
                {"tenant_id": "t", "teams_user_id": f"29:{e}", "employee_id": e}
                | {"first_seen_at": AT, "last_seen_at": AT}
                for e in ("A1", "B2", "C3")
            ],
        )
    history = SqlPresenceHistory(sessions)
    since, until = datetime(2026, 12, 6, tzinfo=UTC), datetime(2026, 12, 8, tzinfo=UTC)
    short, long = ["A1", "B2"], ["A1", "B2", *MANY]
    assert len(long) > MAX_IN_LIST

    async def reads(people: list[str]) -> list[object]:
        return [
            await organisation.chat_ids(people),
            sorted(e.employee_id for e in await schedule.entries_on(DAY, people)),
            await schedule.latest_presence(people, since),
            await schedule.telework_occasions(DAY, DAY, people),
            sorted(r.employee_id for r in await history.presence_reports(since, until, people)),
        ]

    expected = await reads(short)
    assert expected == [
        {"A1": "29:A1", "B2": "29:B2"},
        ["A1", "B2"],
        {"A1": ("start", expected[2]["A1"][1]), "B2": ("start", expected[2]["B2"][1])},  # type: ignore[index]
        {"A1": [(DAY, "full")], "B2": [(DAY, "full")]},
        ["A1", "B2"],
    ]
    assert await reads(long) == expected  # C3 is not asked for
