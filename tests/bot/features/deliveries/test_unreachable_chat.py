"""「届かない職員」 in chat: admins see who the bot cannot reach and why; others are refused."""

from __future__ import annotations

import json
from typing import Any

from storage.engine import create_engine
from tests.bot.chat import Chat, card
from tests.bot.conftest import RecordingConnector
from tests.factories import MEGAN_AAD, seed_staff, staff

ADMIN_AAD = "0c1a2b3c-0000-4000-8000-0000000000ad"


async def test_admins_see_the_unreachable(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("S2", name="未導入 太郎"),
        staff("A1", name="事務局", aad_object_id=ADMIN_AAD, email="secretariat@example.go.jp"),
    )
    await engine.dispose()
    client = await bot_client(TELEWORK_ADMINS="secretariat@example.go.jp")
    megan = Chat(client, connector, MEGAN_AAD, "29:megan")
    admin = Chat(client, connector, ADMIN_AAD, "29:admin")

    refused = await megan.say("届かない職員")
    assert "attachments" not in refused and refused["text"]

    shown = json.dumps(card(await admin.say("届かない職員")), ensure_ascii=False)
    assert "届かない職員（1名）" in shown  # Megan and the admin have talked to the bot
    assert "未導入 太郎（S2・大臣官房/総務課）：アプリ未導入" in shown
    english = json.dumps(card(await admin.say("unreachable staff")), ensure_ascii=False)
    assert "app not installed" in english
