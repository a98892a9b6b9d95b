"""Issue 13 §4: changing an existing telework day to office, however it is said, over HTTP."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import button, card, shown


@pytest.mark.parametrize(
    "said",
    [
        "12/1のテレワークやめて出社します",
        "12/1は在宅の予定でしたが出社することにしました",
        "12/1のテレワークはキャンセルして出勤します",
    ],
)
async def test_a_telework_day_becomes_an_office_day(office: Any, said: str) -> None:
    megan, _chief, url = office
    await megan.press(
        button(card(await megan.say("12/1 サテライトオフィス勤務")), "declare_confirm")
    )
    change = card(await megan.say(said))
    assert "テレワーク" in shown(change["body"]) and "出勤" in shown(change["body"])
    await megan.press(button(change, "declare_confirm"))
    engine = create_engine(url)
    entries = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 12, 1), date(2026, 12, 1), live_only=False
    )
    await engine.dispose()
    assert [(e.status.value, e.state.value) for e in entries] == [
        ("telework", "cancelled"),
        ("office", "confirmed"),
    ]
