"""「進捗」/"my status" through HTTP with the real personal-message fixture."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from storage.engine import create_engine
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, seed_telework, staff

NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))  # Thursday


async def ask(client: Any, connector: RecordingConnector, text: str) -> dict[str, Any]:
    data = teams_fixture("01_personal_message")
    data["serviceUrl"] = connector.url
    data["text"] = text
    assert (await client.post("/api/messages", json=data)).status == 201
    activities = [a for a in connector.activities() if a.get("type") == "message"]
    return activities[-1]


def card_json(activity: dict[str, Any]) -> str:
    return json.dumps(activity["attachments"][0]["content"], ensure_ascii=False)


async def test_manager_who_is_a_carer_sees_both_targets(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("M1", aad_object_id=MEGAN_AAD, is_manager=True, care_preschool=True),
    )
    await seed_telework(engine, "M1", date(2026, 6, 5), date(2026, 11, 4))
    await seed_telework(engine, "M1", date(2026, 11, 30), part="am")  # planned, this month
    await engine.dispose()
    client = await bot_client(clock=NOW)
    reply = await ask(client, connector, "進捗")
    shown = card_json(reply)
    assert "テレワークの目標・目安の進捗（11/26(木)現在）" in shown
    assert "管理職員：令和8年度に2回以上" in shown
    assert "達成しました（実施 2回）" in shown
    assert "育児・介護を行う職員：2026年11月に1回以上" in shown
    assert "達成しました（実施 1回）" in shown


async def test_behind_and_on_track_in_english(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("G1", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client(clock=NOW)
    reply = await ask(client, connector, "my status")
    shown = card_json(reply)
    assert "Your telework targets and aims (as of Thu 11/26)" in shown
    assert "Other staff: about 1 in Mon 11/23〜Sun 11/29 (an aim)" in shown
    assert "Done 0 (planned 0)" in shown
    assert "about 1 a week on average over the year" in shown
    assert "Behind" not in shown and "Deadline" not in shown


async def test_conditional_appointment_is_explained(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("N1", aad_object_id=MEGAN_AAD, hire_date=date(2026, 10, 1)))
    await engine.dispose()
    client = await bot_client(clock=NOW)
    shown = card_json(await ask(client, connector, "目標"))
    assert "条件付採用期間中のため、3/31(水)まではテレワークの対象外です。" in shown


async def test_unknown_user_gets_a_polite_explanation(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client(clock=NOW)
    reply = await ask(client, connector, "進捗")
    assert reply["text"].startswith("申し訳ありません。職員名簿であなたを確認できませんでした。")
    # The bot asked the connector once for the member's UPN before giving up.
    assert any(r["method"] == "GET" and "/members/" in r["path"] for r in connector.requests)


async def test_milestone_today_is_not_called_on_track(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("C2", aad_object_id=MEGAN_AAD, care_family=True))
    await engine.dispose()
    monday = frozen_clock(datetime(2026, 11, 30, 10, 0))  # November's last working day
    client = await bot_client(clock=monday)
    shown = card_json(await ask(client, connector, "進捗"))
    assert "本日が目安の期限です（あと1回）。" in shown
    assert "順調です" not in shown


async def test_the_weekly_aim_is_never_behind(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """Issue 14 item 9: on the week's last working day with nothing done, the weekly aim is
    still an aim (目安), judged on average: no 「遅れています」, no deadline."""
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("G2", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    friday = frozen_clock(datetime(2026, 11, 27, 10, 0))  # the week's last working day
    client = await bot_client(clock=friday)
    shown = card_json(await ask(client, connector, "進捗"))
    assert "その他の職員：11/23(月)〜11/29(日)に1回程度（目安）" in shown
    assert "目安は年間を通じた平均で、週1回程度です。" in shown
    assert "遅れています" not in shown and "期限" not in shown
