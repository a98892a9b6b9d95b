"""The morning approvals reminder (issue 14 item 16): past pending requests are reminded
too, and the card says which days are past."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_services, feature_jobs
from bot.features.approvals.reminder_job import JOB_ID
from domain.delivery import Firing
from domain.policy import default_policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import create_engine
from storage.ledger_fanout import SqlFiringLedger
from storage.ledger_sql import DELIVERY
from storage.tables import TeamsIdentity
from tests.factories import frozen_clock, seed_staff, staff
from tests.fakes.clock import FrozenClock

TOKYO = ZoneInfo("Asia/Tokyo")
TODAY = date(2026, 11, 26)  # Thursday
MORNING = datetime.combine(TODAY, time(9, 30), tzinfo=TOKYO)


async def remind(engine: AsyncEngine) -> list[dict[str, Any]]:
    services = build_services(engine, default_policy(), clock=frozen_clock(MORNING))
    (job,) = feature_jobs(services, engine, only={JOB_ID})
    at = MORNING.astimezone(UTC)
    run_id = await SqlFiringLedger(engine, FrozenClock(at)).claim_firing(JOB_ID, "k", at, "t")
    assert run_id is not None
    await job.handler(Firing(run_id, JOB_ID, "k", at))
    async with engine.connect() as conn:
        rows = (await conn.execute(select(DELIVERY.c.recipient, DELIVERY.c.payload))).all()
    return [{"to": r, "card": p["attachments"][0]["content"]} for r, p in rows]


def card_text(content: dict[str, Any]) -> str:
    return " ".join(b.get("text", "") for b in content["body"])


async def test_past_pending_requests_are_reminded_and_named(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("CH", name="課長", is_section_chief=True, is_manager=True),
        staff("A1", name="職員A", preferred_language="ja"),
        staff("B2", name="職員B"),
    )
    async with engine.begin() as conn:
        seen = datetime(2026, 11, 1, tzinfo=UTC)
        await conn.execute(
            insert(TeamsIdentity.__table__),  # type: ignore[attr-defined]
            [{"tenant_id": "t", "teams_user_id": "29:CH", "employee_id": "CH",
              "first_seen_at": seen, "last_seen_at": seen}],
        )  # fmt: skip
    from storage.engine import session_factory
    from storage.schedule import SqlSchedule

    schedule = SqlSchedule(session_factory(engine))
    pending = EntryState.PENDING
    await schedule.save(
        [
            ScheduleEntry("A1", date(2026, 11, 20), "full", EntryStatus.TELEWORK, pending),
            ScheduleEntry("B2", date(2026, 11, 24), "am", EntryStatus.TELEWORK, pending),
            ScheduleEntry("A1", date(2026, 11, 30), "full", EntryStatus.TELEWORK, pending),
            # Long past (beyond the approvals list's look-back): not reminded.
            ScheduleEntry("B2", date(2026, 9, 1), "full", EntryStatus.TELEWORK, pending),
        ],
        actor="test",
    )
    (sent,) = await remind(engine)
    await engine.dispose()
    assert sent["to"] == "29:CH"
    shown = card_text(sent["card"])
    assert "承認待ちの申請が3件あります。" in shown
    assert "うち2件は過去の日付です（11/20(金)、11/24(火)）" in shown
    assert "11/30" not in shown


async def test_only_past_requests_still_remind(sqlite_url: str) -> None:
    # Before: the reminder looked from today on, so a chief with only past requests heard
    # nothing while those days stayed uncounted.
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("CH", is_section_chief=True, is_manager=True, preferred_language="en"),
        staff("A1"),
    )
    async with engine.begin() as conn:
        seen = datetime(2026, 11, 1, tzinfo=UTC)
        await conn.execute(
            insert(TeamsIdentity.__table__),  # type: ignore[attr-defined]
            [{"tenant_id": "t", "teams_user_id": "29:CH", "employee_id": "CH",
              "first_seen_at": seen, "last_seen_at": seen}],
        )  # fmt: skip
    from storage.engine import session_factory
    from storage.schedule import SqlSchedule

    await SqlSchedule(session_factory(engine)).save(
        [ScheduleEntry("A1", date(2026, 11, 25), "full", EntryStatus.TELEWORK, EntryState.PENDING)],
        actor="test",
    )
    (sent,) = await remind(engine)
    await engine.dispose()
    shown = card_text(sent["card"])
    assert "1 of them are for days already past (Wed 11/25)" in shown
