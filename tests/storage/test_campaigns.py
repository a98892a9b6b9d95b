"""Campaigns, preferences and the nudge reads on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.campaigns import Campaign, CampaignKind, CampaignState
from domain.delivery import DeliveryStatus, NewDelivery
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.campaigns import SqlCampaigns
from storage.engine import session_factory
from storage.ledger_fanout import fan_out_to
from storage.ledger_sql import DELIVERY
from storage.nudge_facts import SqlNudgeFacts
from storage.preferences import SqlPreferences
from storage.schedule import SqlSchedule
from storage.tables import TeamsIdentity
from tests.bot.features.nudges.nudge_script import CAMPAIGN_MESSAGES
from tests.factories import seed_staff, staff

NOW = datetime(2026, 7, 1, 1, 0, tzinfo=UTC)
WEEK = Campaign(
    name="TW週間",
    kind=CampaignKind.TELEWORK_WEEK,
    start=date(2026, 7, 13),
    end=date(2026, 7, 17),
    messages=CAMPAIGN_MESSAGES,
    audience=("大臣官房", "関東局"),
    rule_units=("関東局",),
)


async def test_campaigns_round_trip_and_designated_days(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("A1"))
    campaigns = SqlCampaigns(session_factory(engine))
    created = await campaigns.create(WEEK, actor="A1")
    assert created.id is not None
    again = await campaigns.get(created.id)
    assert again is not None and again.audience == ("大臣官房", "関東局")
    assert again.messages == CAMPAIGN_MESSAGES and again.rule_units == ("関東局",)
    assert [c.id for c in await campaigns.around(date(2026, 7, 6))] == [created.id]
    assert await campaigns.around(date(2026, 12, 1)) == []
    await campaigns.designate(created.id, "大臣官房/総務課", [date(2026, 7, 14)], actor="A1")
    await campaigns.designate(
        created.id, "大臣官房/総務課", [date(2026, 7, 15), date(2026, 7, 16)], actor="A1"
    )
    days = await campaigns.designated_days(date(2026, 7, 13), date(2026, 7, 17))
    assert days == {"大臣官房/総務課": [date(2026, 7, 15), date(2026, 7, 16)]}
    assert len(await campaigns.all()) == 1


async def test_cancel_cancels_only_this_campaigns_pending_messages(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("A1"))
    campaigns = SqlCampaigns(session_factory(engine))
    first = await campaigns.create(WEEK, actor="A1")
    second = await campaigns.create(WEEK, actor="A1")
    assert first.id is not None and second.id is not None
    rows = [
        NewDelivery("u1", "campaign_reminder", f"{first.id}:2026-07-13", {"t": 1}),
        NewDelivery("u1", "campaign_reminder", f"{first.id}:2026-07-14", {"t": 2}),
        NewDelivery("u1", "campaign_reminder", f"{second.id}:2026-07-14", {"t": 3}),
        NewDelivery("u1", "nudge", "general:2026-W29:1", {"t": 4}),
    ]
    async with session_factory(engine).begin() as session:
        await fan_out_to(session, rows, now=NOW)
    async with engine.begin() as conn:
        await conn.execute(
            DELIVERY.update()
            .where(DELIVERY.c.period_key == f"{first.id}:2026-07-13")
            .values(status=DeliveryStatus.SENT.value)
        )
    assert await campaigns.cancel(first.id, actor="A1", now=NOW) == 1
    assert await campaigns.cancel(first.id, actor="A1", now=NOW) is None  # already cancelled
    async with engine.connect() as conn:
        states = dict((await conn.execute(select(DELIVERY.c.period_key, DELIVERY.c.status))).all())
    assert states == {
        f"{first.id}:2026-07-13": "sent",
        f"{first.id}:2026-07-14": "cancelled",
        f"{second.id}:2026-07-14": "pending",
        "general:2026-W29:1": "pending",
    }
    cancelled = await campaigns.get(first.id)
    assert cancelled is not None and cancelled.state is CampaignState.CANCELLED
    assert [c.id for c in await campaigns.around(date(2026, 7, 14))] == [second.id]


async def test_preferences(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("A1"), staff("B2"))
    prefs = SqlPreferences(session_factory(engine))
    assert (await prefs.get("A1")).paused_until is None
    await prefs.set_digest("A1", True, actor="A1")
    await prefs.pause("A1", date(2026, 7, 19), actor="A1")
    await prefs.snooze("A1", date(2026, 7, 12), actor="A1")
    got = await prefs.get("A1")
    assert got.digest and got.paused_until == date(2026, 7, 19) and not got.paused_indefinitely
    assert got.snoozed_until == date(2026, 7, 12)
    await prefs.pause("B2", None, actor="B2")
    assert (await prefs.get("B2")).paused_indefinitely
    await prefs.resume("A1", actor="A1")
    got = await prefs.get("A1")
    assert got.digest and got.paused_until is None and got.snoozed_until is None
    assert set(await prefs.all()) == {"A1", "B2"}


async def test_nudge_facts(engine: AsyncEngine) -> None:
    await seed_staff(engine, staff("A1"), staff("B2"), staff("C3", active=False))
    schedule = SqlSchedule(session_factory(engine))
    await schedule.save(
        [
            ScheduleEntry("A1", date(2026, 7, 14), "am", EntryStatus.TELEWORK),
            ScheduleEntry(
                "A1", date(2026, 7, 15), "full", EntryStatus.TELEWORK, EntryState.PENDING
            ),
            ScheduleEntry("B2", date(2026, 7, 15), "full", EntryStatus.LEAVE),
            ScheduleEntry("B2", date(2026, 7, 16), "13:00-", EntryStatus.TELEWORK),
        ],
        actor="test",
    )
    cancelled = await schedule.save(
        [ScheduleEntry("B2", date(2026, 7, 14), "full", EntryStatus.TELEWORK)], actor="test"
    )
    await schedule.cancel([e.id for e in cancelled if e.id], actor="test")
    facts = SqlNudgeFacts(session_factory(engine))
    got = await facts.schedule(
        date(2026, 7, 13), date(2026, 7, 19), date(2026, 7, 15), date(2026, 7, 16)
    )
    assert sorted(got.telework["A1"]) == [(date(2026, 7, 14), "am"), (date(2026, 7, 15), "full")]
    # 13:00 to the end of the day (17:15) covers more than half of 7h45m: a full day (issue 14
    # item 6).
    assert got.telework["B2"] == [(date(2026, 7, 16), "full")]
    assert got.on_leave("B2", date(2026, 7, 15)) and not got.on_leave("A1", date(2026, 7, 15))
    assert got.busy["B2"] == {date(2026, 7, 15), date(2026, 7, 16)}
    assert got.teleworkers(date(2026, 7, 13), date(2026, 7, 14)) == {"A1"}
    not_14th = lambda d: d != date(2026, 7, 14)  # noqa: E731  (as if 7/14 were a holiday)
    assert got.teleworkers(date(2026, 7, 13), date(2026, 7, 14), not_14th) == set()
    assert got.teleworkers(date(2026, 7, 13), date(2026, 7, 16), not_14th) == {"A1", "B2"}
    rows = [
        NewDelivery("u1", "nudge", "manager:FY2026:1", {}),
        NewDelivery("u1", "nudge", "manager:FY2026:2", {}),
        NewDelivery("u1", "nudge", "general:2026-W29:1", {}),
        NewDelivery("u2", "nudge", "general:2026-W28:1", {}),
        NewDelivery("u2", "campaign_reminder", "manager:FY2026:1", {}),
    ]
    async with session_factory(engine).begin() as session:
        await fan_out_to(session, rows, now=NOW)
    issued = await facts.issued("nudge", ["manager:FY2026:", "general:2026-W29:"])
    assert issued == {"u1": {"manager": 2, "general": 1}}
    async with engine.begin() as conn:
        await conn.execute(
            insert(TeamsIdentity.__table__),  # type: ignore[attr-defined]
            [
                _identity("29:a", employee_id="A1"),
                _identity("29:c", employee_id="C3"),
                _identity("29:b", user_principal_name="B2@example.go.jp"),
            ],
        )
    assert await facts.chat_ids() == {"A1": "29:a", "B2": "29:b"}  # C3 is inactive


def _identity(user_id: str, **fields: str) -> dict[str, object]:
    row: dict[str, object] = {
        "tenant_id": "t",
        "teams_user_id": user_id,
        "employee_id": None,
        "user_principal_name": None,
        "first_seen_at": NOW,
        "last_seen_at": NOW,
    }
    row.update(fields)
    return row


async def test_prompt_history(engine: AsyncEngine) -> None:
    """Issue 14 item 15: prompts this week and today, the latest nudges, the last response."""
    await seed_staff(engine, staff("A1"), staff("B2"))
    mon = datetime(2026, 11, 15, 15, 0, tzinfo=UTC)  # Monday 11/16 00:00 in Tokyo
    wed = datetime(2026, 11, 17, 15, 0, tzinfo=UTC)  # Wednesday 11/18 00:00 in Tokyo

    async def add(at: datetime, *rows: NewDelivery) -> None:
        async with session_factory(engine).begin() as session:
            await fan_out_to(session, list(rows), now=at)

    await add(datetime(2026, 10, 1, 1, tzinfo=UTC), NewDelivery("29:a", "nudge", "g:1", {}))
    await add(datetime(2026, 11, 4, 1, tzinfo=UTC), NewDelivery("29:a", "nudge", "g:2", {}))
    await add(datetime(2026, 11, 16, 1, tzinfo=UTC), NewDelivery("29:a", "nudge", "g:3", {}))
    await add(
        datetime(2026, 11, 18, 0, 45, tzinfo=UTC),
        NewDelivery("29:a", "campaign_reminder", "c:1", {}),
        NewDelivery("29:a", "digest", "d:1", {}),  # asked for: not a prompt
        NewDelivery("29:b", "campaign_reminder", "c:1", {}),
    )
    async with engine.begin() as conn:
        await conn.execute(
            DELIVERY.update()
            .where(DELIVERY.c.recipient == "29:b")
            .values(status=DeliveryStatus.CANCELLED.value)  # never reached B2
        )
        await conn.execute(
            insert(TeamsIdentity.__table__),  # type: ignore[attr-defined]
            [_identity("29:a", employee_id="A1"), _identity("29:b", employee_id="B2")],
        )
    declared_at = datetime(2026, 11, 5, 3, tzinfo=UTC)
    await SqlSchedule(session_factory(engine), clock=lambda: declared_at).save(
        [ScheduleEntry("A1", date(2026, 11, 6), "full", EntryStatus.TELEWORK)], actor="A1"
    )
    facts = SqlNudgeFacts(session_factory(engine))
    got = await facts.prompt_history(
        ["nudge", "campaign_reminder", "campaign_announcement"],
        "nudge",
        week_start=mon,
        day_start=wed,
        nudges_since=datetime(2026, 9, 1, tzinfo=UTC),
        keep_nudges=2,
        chat={"A1": "29:a", "B2": "29:b"},
    )
    a = got["29:a"]
    assert (a.this_week, a.today) == (2, 1)
    assert a.recent_nudges == (
        datetime(2026, 11, 16, 1, tzinfo=UTC),
        datetime(2026, 11, 4, 1, tzinfo=UTC),
    )
    assert a.last_response == declared_at  # NOW (last seen) is earlier: 2026-07
    assert "29:b" not in got  # its only prompt was cancelled
