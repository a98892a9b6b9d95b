"""「Teams にも表示」: the opt-in, the morning job against the fake Graph (the note is set and
expires at the end of the working day), and the option hidden when Graph is off or refused."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_router, build_services
from bot.core.services import Services
from bot.core.settings import load_settings
from bot.features.reminders.status_note import set_notes, status_notes
from bot.graph import Microsoft365, connect
from domain.policy import default_policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.factories import TOKYO, frozen_clock, seed_staff, seed_telework, staff, turn_as
from tests.fakes.fake_graph import FakeGraph

MORNING = datetime(2026, 12, 2, 8, 0, tzinfo=TOKYO)  # a Wednesday
DAY = date(2026, 12, 2)
ROUTER = build_router()


@pytest.fixture
async def fake() -> AsyncIterator[FakeGraph]:
    graph = FakeGraph()
    await graph.start()
    for n in range(1, 6):
        graph.add_user(f"s{n}@example.go.jp")
    yield graph
    await graph.close()


@pytest.fixture
async def engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, *(staff(f"S{n}", name=f"職員{n}") for n in range(1, 6)))
    yield engine
    await engine.dispose()


@pytest.fixture
async def m365(fake: FakeGraph) -> AsyncIterator[Microsoft365]:
    graph = connect(load_settings(**fake.settings("status"), _env_file=None))
    assert graph is not None
    yield graph
    await graph.close()


def wired(engine: AsyncEngine, m365: Microsoft365 | None) -> Services:
    clock = frozen_clock(MORNING.replace(tzinfo=None))
    return build_services(engine, default_policy(), clock=clock, m365=m365)


async def settings_card(services: Services, who: str) -> str:
    reply = await ROUTER.on_action(await turn_as(services, who), "reminders", {})
    return json.dumps(reply.card, ensure_ascii=False)


async def test_opted_in_teleworkers_get_a_note_that_expires(
    engine: AsyncEngine, m365: Microsoft365, fake: FakeGraph
) -> None:
    services = wired(engine, m365)
    assert "Teams にも表示" in await settings_card(services, "S1")
    for who in ("S1", "S2", "S3", "S4"):
        reply = await ROUTER.on_action(await turn_as(services, who), "teams_status_on", {})
        assert "状態メッセージ" in (reply.text or "")
    assert "Teams への表示をやめる" in await settings_card(services, "S1")
    await seed_telework(engine, "S1", DAY)
    await seed_telework(engine, "S2", DAY, part="am")
    await seed_telework(engine, "S5", DAY)  # did not opt in
    await SqlSchedule(session_factory(engine)).save(
        [ScheduleEntry("S3", DAY, "full", EntryStatus.TELEWORK, EntryState.PENDING)],
        actor="test",
    )  # not confirmed yet; S4 is in the office

    assert await set_notes(services, m365.status, MORNING) == 2  # type: ignore[arg-type]
    assert fake.user("s1@example.go.jp").status == {
        "message": "本日テレワーク（〜17:15）",  # the policy's 終業時刻
        "expires": datetime(2026, 12, 2, 17, 15, tzinfo=TOKYO),
    }
    assert fake.user("s2@example.go.jp").status == {
        "message": "本日午前テレワーク（〜12:00）",
        "expires": datetime(2026, 12, 2, 12, 0, tzinfo=TOKYO),
    }
    for upn in ("s3@example.go.jp", "s4@example.go.jp", "s5@example.go.jp"):
        assert fake.user(upn).status is None


async def test_refused_permission_hides_the_option(
    engine: AsyncEngine, m365: Microsoft365, fake: FakeGraph
) -> None:
    services = wired(engine, m365)
    await ROUTER.on_action(await turn_as(services, "S1"), "teams_status_on", {})
    await seed_telework(engine, "S1", DAY)
    fake.permissions.discard("Presence.ReadWrite.All")
    assert await set_notes(services, m365.status, MORNING) == 0  # type: ignore[arg-type]
    assert status_notes(services) is None
    assert "Teams にも表示" not in await settings_card(services, "S1")
    refused = await ROUTER.on_action(await turn_as(services, "S2"), "teams_status_on", {})
    assert "設定できません" in (refused.text or "")


async def test_without_graph_nothing_changes(engine: AsyncEngine) -> None:
    services = wired(engine, None)
    assert "Teams" not in await settings_card(services, "S1")


async def test_the_job_is_scheduled_only_with_status_notes(
    engine: AsyncEngine, m365: Microsoft365
) -> None:
    from bot.app import feature_jobs

    def ids(services: Services) -> set[str]:
        return {job.job_id for job in feature_jobs(services, engine)}

    assert "teams-status" in ids(wired(engine, m365))
    assert "teams-status" not in ids(wired(engine, None))  # Graph off: as before
