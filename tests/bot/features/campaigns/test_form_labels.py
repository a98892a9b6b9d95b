"""The campaign form's template fields are labelled in the reader's language (issue 13 §7),
not "announcement (ja)"."""

from __future__ import annotations

from typing import Any

from storage.engine import create_engine
from tests.bot.chat import Chat, card, inputs
from tests.bot.conftest import NOW, RecordingConnector
from tests.factories import MEGAN_AAD, seed_staff, staff


def _labels(content: dict[str, Any]) -> list[str]:
    return [field["label"] for field in inputs(content) if "label" in field]


async def test_template_labels_are_translated(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("A1", name="事務局 花子", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client(clock=NOW, TELEWORK_ADMINS="a1@example.go.jp")
    admin = Chat(client, connector, MEGAN_AAD, "29:admin")
    labels = _labels(card(await admin.say("キャンペーン")))
    for expected in (
        "お知らせの文面（日本語）",
        "お知らせの文面（英語）",
        "リマインドの文面（日本語）",
        "リマインドの文面（英語）",
    ):
        assert expected in labels
    assert not any("(ja)" in label or "announcement" in label for label in labels)

    admin.template["locale"] = "en-US"
    await admin.say("language English")
    labels = _labels(card(await admin.say("campaign")))
    assert "Announcement text (Japanese)" in labels and "Reminder text (English)" in labels
