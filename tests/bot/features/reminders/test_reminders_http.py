"""Pausing and resuming reminders in plain words, over HTTP with the real fixture."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.engine import create_engine
from tests.bot.chat import Chat
from tests.bot.conftest import RecordingConnector
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, staff

NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))


async def test_pause_for_two_weeks_then_resume(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", name="メーガン", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    megan = Chat(await bot_client(clock=NOW), connector, MEGAN_AAD, "29:megan")
    paused = await megan.say("2週間止めて")
    assert paused["text"].startswith("12/9(水)まで通知を停止しました")
    resumed = await megan.say("通知を再開")
    assert resumed["text"] == "通知を再開しました。"
    megan.template["locale"] = "en-US"
    english = await megan.say("pause reminders for two weeks")
    assert english["text"].startswith("Reminders paused until Wed 12/9")
