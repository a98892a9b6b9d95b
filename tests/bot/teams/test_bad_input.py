"""Bad input gets a helpful answer, never a crash or a 5xx."""

from __future__ import annotations

from typing import Any

import pytest

from storage.engine import create_engine
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, seed_staff, staff

NASTY = [
    "",
    "   ",
    "x" * 10_000,
    "テレワーク" * 2_000,
    "😀🎉🙏",
    "明日 WFH ＴＷ　午前のみ mixed 漢字 and English",
    "<script>alert(1)</script> 明日テレワーク",
    "'; DROP TABLE schedule_entry; --",
    "\x00\x01\x02 control",
    "10/6(月)(火)(水) テレワーク",
    "<at>Someone</at>",
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
async def test_nasty_text_gets_an_answer(
    text: str, bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client()
    data = teams_fixture("01_personal_message")
    data["serviceUrl"] = connector.url
    data["text"] = text
    response = await client.post("/api/messages", json=data)
    assert response.status == 201
    [reply] = connector.activities()
    assert reply.get("text") or reply.get("attachments")
    shown = str(reply)
    assert "Traceback" not in shown and "Error" not in shown
    assert "問い合わせ番号" not in shown and "Incident" not in shown  # not the error handler


@pytest.mark.parametrize(
    "value",
    [
        {"command": "declare_confirm"},
        {"command": "declare_confirm", "entries": "not a list"},
        {"command": "declare_confirm", "entries": [None, 5, {"date": {"x": 1}}]},
        {"command": "cancel_confirm", "entry_ids": ["1; DROP"]},
        {"command": "approve", "entry_id": "abc"},
        {"command": "recurring_confirm", "weekdays": "wed", "from": "yesterday"},
        {"command": "declare_form_submit", "date": "2026-02-30", "part": "am"},
    ],
)
async def test_broken_card_data_is_refused(
    value: dict[str, Any], bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client()
    data = teams_fixture("13_message_with_value_messageback")
    data["serviceUrl"] = connector.url
    data["from"]["aadObjectId"] = MEGAN_AAD
    data["value"] = value
    data.pop("text")
    response = await client.post("/api/messages", json=data)
    assert response.status == 201
    [reply] = connector.activities()
    assert "問い合わせ番号" not in str(reply) and "Incident" not in str(reply)
