"""The admin's deliveries card (issue 13 §7): runs by the job's readable name, in local time
(the failures and their reasons: tests/bot/teams/test_terminal_demo.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert

from storage.engine import create_engine
from storage.ledger_sql import REMINDER_RUN
from tests.bot.chat import Chat, card, shown
from tests.bot.conftest import NOW, RecordingConnector
from tests.factories import MEGAN_AAD, seed_staff, staff


async def test_runs_are_named_and_in_local_time(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("A1", name="事務局", aad_object_id=MEGAN_AAD))
    at = datetime(2026, 11, 26, 0, 45, tzinfo=UTC)  # 09:45 in Tokyo
    async with engine.begin() as conn:
        await conn.execute(
            insert(REMINDER_RUN),
            [
                {
                    "id": 1000,  # after the runs the jobs make when the bot starts
                    "job": "some-new-job",
                    "period_key": "2026-11-26T10",
                    "scheduled_for": at,
                    "claimed_by": "test",
                    "claimed_at": at,
                    "completed_at": None,
                },
            ],
        )
    await engine.dispose()
    client = await bot_client(clock=NOW, TELEWORK_ADMINS="a1@example.go.jp")
    admin = Chat(client, connector, MEGAN_AAD, "29:admin")
    text = shown(card(await admin.say("配信状況")))
    # The jobs that fired when the bot started (catching up the morning), by name:
    assert "：承認待ちのお知らせ（11/26(木) 09:30）完了" in text
    assert "：キャンペーン配信（11/26(木) 09:45）完了" in text
    assert "実行 1000：some-new-job（11/26(木) 09:45）配信準備中" in text  # no name: its id
    assert "campaigns-daily" not in text and "2026-11-26T10" not in text
    admin.template["locale"] = "en-US"
    await admin.say("language English")
    text = shown(card(await admin.say("deliveries")))
    assert ": campaign messages (Thu 11/26 09:45) done" in text
    assert "Run 1000: some-new-job (Thu 11/26 09:45) fanning out" in text
