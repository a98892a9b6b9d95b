"""Over HTTP: a huge mention-laden body is answered at once, long text is answered "too long"
before any pattern runs, and each sender's turns are rate limited (told once, politely)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from botbuilder.schema import Activity, ChannelAccount, Entity

from bot.features.meetings.forms import mentioned_people
from bot.teams.activity import MAX_MENTIONS, mentions_of
from storage.engine import create_engine
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, seed_staff, staff
from tests.fakes.clock import FrozenClock

TOO_LONG_JA = "メッセージが長すぎるため読み取れませんでした（2000文字まで）。"
LIMITED_JA = "短い間に多くのメッセージを受け取ったため、しばらく応答を控えています。"
LIMITED_EN = "I received many messages from you in a short time"


def message(connector: RecordingConnector, text: str, n: int, **fields: Any) -> dict[str, Any]:
    data = teams_fixture("01_personal_message")
    data.update({"serviceUrl": connector.url, "text": text, "id": f"m{n}", "locale": "ja-JP"})
    data.update(fields)
    return data


def replies(connector: RecordingConnector) -> list[str]:
    return [str(a.get("text") or "") for a in connector.activities()]


async def test_a_huge_body_of_mentions_is_answered_at_once(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    body = message(connector, "<at>x" * 50_000, 1)  # 250 KB, just under the body limit
    started = time.perf_counter()
    response = await client.post("/api/messages", json=body)
    assert response.status == 201
    assert time.perf_counter() - started < 5  # minutes with the old regular expression
    assert replies(connector)[-1].startswith(TOO_LONG_JA)


async def test_long_text_is_answered_too_long(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    await client.post("/api/messages", json=message(connector, "明日テレワーク" * 300, 1))
    assert replies(connector)[-1].startswith(TOO_LONG_JA)


async def test_each_sender_is_rate_limited_and_told_once(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", name="メーガン", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    clock = FrozenClock(datetime(2026, 11, 26, 1, 0, tzinfo=UTC))
    client = await bot_client(clock=clock.now, TELEWORK_TURN_RATE_PER_MINUTE=2)  # burst 2
    for n in range(5):
        assert (await client.post("/api/messages", json=message(connector, "ヘルプ", n))).status
    answered = replies(connector)
    assert len(answered) == 3  # two help cards, one notice, then silence
    assert answered[2].startswith(LIMITED_JA)
    assert sum(LIMITED_JA in text for text in answered) == 1

    # A card button pressed meanwhile still gets its invoke response: the notice.
    press = message(connector, "", 9, type="invoke", name="adaptiveCard/action", locale="en-US")
    press["value"] = {"action": {"type": "Action.Execute", "verb": "help", "data": {}}}
    response = await client.post("/api/messages", json=press)
    body = await response.json()
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"].startswith(LIMITED_EN)  # no text to tell the language by: the locale

    # Another sender (here one the roster does not know) has a bucket of their own.
    other = message(connector, "help", 20)
    other["from"] = {"id": "29:someone-else", "name": "Someone"}
    before = len(connector.activities())
    await client.post("/api/messages", json=other)
    assert len(connector.activities()) == before + 1
    assert connector.activities()[-1].get("attachments")  # the help card

    clock.advance(seconds=30)  # one turn back (2 a minute)
    before = len(connector.activities())
    await client.post("/api/messages", json=message(connector, "ヘルプ", 30))
    assert len(connector.activities()) == before + 1
    assert connector.activities()[-1].get("attachments")  # the help card again


def test_thousands_of_mention_entities_are_read_in_linear_time() -> None:
    bot = ChannelAccount(id="28:bot", name="Bot")
    entities = []
    for n in range(20_000):
        entity = Entity(type="mention")
        entity.additional_properties = {"mentioned": {"id": f"29:p{n % 10_000}", "name": "x"}}
        entities.append(entity)
    activity = Activity(type="message", text="会議を設定", recipient=bot, entities=entities)
    started = time.perf_counter()
    mentions = mentions_of(activity)
    assert time.perf_counter() - started < 0.5  # the old list scan: ~10 s
    assert len(mentions) == MAX_MENTIONS and len({m.user_id for m in mentions}) == MAX_MENTIONS
    turn = SimpleNamespace(mentions=mentions)
    assert len(mentioned_people(turn, limit=50)) == 50  # type: ignore[arg-type]
