"""/api/messages over HTTP with the real Teams payloads from tests/fixtures/teams."""

from __future__ import annotations

import copy
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.core.settings import load_settings
from bot.teams.server import create_app
from storage.engine import create_engine
from tests.bot.conftest import METRICS_AUTH, METRICS_TOKEN, RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, seed_staff, staff

ALL_FIXTURES = [
    "01_personal_message",
    "02_channel_message_bot_mention",
    "03_groupchat_message_user_mention",
    "04_conversationupdate_bot_added_to_team",
    "05_conversationupdate_bot_added_personal",
    "06_installationupdate_add_team",
    "07_conversationupdate_team_member_removed",
    "08_conversationupdate_user_added_to_meeting",
    "09_conversationupdate_channel_created",
    "10_conversationupdate_team_renamed",
    "11_messagereaction_added",
    "12_messagereaction_removed",
    "13_message_with_value_messageback",
    "14_invoke_card_action_no_name",
    "15_invoke_adaptivecard_action_execute",
]


def payload(name: str, service_url: str) -> dict[str, Any]:
    data = teams_fixture(name)
    if name.startswith("15_"):
        # The source omits the envelope; merge into 14's, as the fixture's note says.
        envelope = teams_fixture("14_invoke_card_action_no_name")
        envelope.update(data)
        data = envelope
    data["serviceUrl"] = service_url
    return data


def saved_service_urls(sqlite_url: str) -> list[str]:
    """Every serviceUrl saved as a conversation reference."""
    path = sqlite_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT service_url FROM conversation_ref")]


def card_of(activity: dict[str, Any]) -> dict[str, Any] | None:
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
            content: dict[str, Any] = attachment["content"]
            return content
    return None


def card_text(card: dict[str, Any]) -> str:
    return json.dumps(card, ensure_ascii=False)


@pytest.mark.parametrize("name", ALL_FIXTURES)
async def test_every_fixture_gets_a_sensible_answer(
    name: str, bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    response = await client.post("/api/messages", json=payload(name, connector.url))
    assert response.status < 500, await response.text()
    assert response.status in (200, 201)


async def test_personal_message_is_answered_in_its_conversation(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("01_personal_message", connector.url)
    response = await client.post("/api/messages", json=data)
    assert response.status == 201
    # First contact of a user the roster does not know: their UPN is asked for once …
    lookup, reply = connector.requests
    assert lookup["method"] == "GET" and lookup["path"].endswith(f"/members/{data['from']['id']}")
    # … and the answer goes to their conversation.
    conversation = data["conversation"]["id"]
    assert reply["path"] == f"/v3/conversations/{conversation}/activities/{data['id']}"
    body = reply["body"]
    assert body["text"].startswith('Sorry, I did not understand "Hello Teams TestBot')
    card = card_of(body)
    assert card is not None and "How to use telework-bot" in card_text(card)


async def test_channel_mention_is_stripped_and_answered_in_the_channel(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("02_channel_message_bot_mention", connector.url)
    data["text"] = "<at>Teams TestBot</at> help"
    await client.post("/api/messages", json=data)
    [reply] = connector.requests
    assert reply["path"].startswith("/v3/conversations/19:253b1f341670408fb6fe51050b6e6ceb")
    card = card_of(reply["body"])
    assert card is not None and "How to use telework-bot" in card_text(card)


async def test_japanese_text_is_answered_in_japanese_despite_en_us_locale(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("01_personal_message", connector.url)
    data["text"] = "ヘルプ"
    await client.post("/api/messages", json=data)
    card = card_of(connector.activities()[0])
    assert card is not None and "使い方" in card_text(card)


async def test_team_install_sends_one_team_welcome(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    await client.post(
        "/api/messages", json=payload("04_conversationupdate_bot_added_to_team", connector.url)
    )
    [welcome] = connector.activities()
    card = card_of(welcome)
    # The payload carries no locale: the ministry's default language, Japanese, is used.
    assert card is not None and "このチームにテレワーク・ボットが追加されました" in card_text(card)
    # The installationUpdate Teams sends alongside does not welcome a second time.
    await client.post(
        "/api/messages", json=payload("06_installationupdate_add_team", connector.url)
    )
    assert len(connector.activities()) == 1


async def test_personal_install_sends_a_personal_welcome(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    await client.post(
        "/api/messages", json=payload("05_conversationupdate_bot_added_personal", connector.url)
    )
    [welcome] = connector.activities()
    card = card_of(welcome)
    assert card is not None and "テレワークの予定登録" in card_text(card)


@pytest.mark.parametrize(
    "name",
    [
        "07_conversationupdate_team_member_removed",
        "08_conversationupdate_user_added_to_meeting",
        "09_conversationupdate_channel_created",
        "10_conversationupdate_team_renamed",
        "11_messagereaction_added",
        "12_messagereaction_removed",
    ],
)
async def test_events_without_a_question_get_no_reply(
    name: str, bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    response = await client.post("/api/messages", json=payload(name, connector.url))
    assert response.status == 201
    assert connector.requests == []


async def test_message_back_with_unknown_value_explains(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    await client.post(
        "/api/messages", json=payload("13_message_with_value_messageback", connector.url)
    )
    [reply] = connector.activities()
    assert reply["text"].startswith("That button is not supported")


async def test_action_submit_runs_the_command(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("13_message_with_value_messageback", connector.url)
    data["value"] = {"command": "help"}
    data.pop("text")
    await client.post("/api/messages", json=data)
    card = card_of(connector.activities()[0])
    assert card is not None and "How to use telework-bot" in card_text(card)


async def test_nameless_invoke_is_acknowledged(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    response = await client.post(
        "/api/messages", json=payload("14_invoke_card_action_no_name", connector.url)
    )
    assert response.status == 200
    [reply] = connector.activities()
    assert reply["text"].startswith("That button is not supported")


async def test_action_execute_with_unknown_verb_answers_a_message(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    response = await client.post(
        "/api/messages", json=payload("15_invoke_adaptivecard_action_execute", connector.url)
    )
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert body["value"].startswith("That button is not supported")


async def test_action_execute_returns_the_new_card_as_json(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("15_invoke_adaptivecard_action_execute", connector.url)
    data["value"] = {"action": {"type": "Action.Execute", "verb": "help", "data": {}}}
    response = await client.post("/api/messages", json=data)
    assert response.status == 200
    body = await response.json()
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert body["value"]["type"] == "AdaptiveCard"
    assert "How to use telework-bot" in card_text(body["value"])


async def test_language_preference_overrides_the_locale(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    client = await bot_client()
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", aad_object_id=MEGAN_AAD))  # a choice is kept per person
    await engine.dispose()
    data = payload("01_personal_message", connector.url)
    data["text"] = "言語 English"
    await client.post("/api/messages", json=data)
    later = copy.deepcopy(data)
    later["id"] = "2"
    later["text"] = "ヘルプ"
    await client.post("/api/messages", json=later)
    first, second = connector.activities()
    assert first["text"] == "I will answer in English from now on."
    card = card_of(second)
    assert card is not None and "How to use telework-bot" in card_text(card)


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"no": "type"}', "application/json", 400),
        (b'{"type": "message"}', "text/plain", 415),
        (b"\xff\xfe", "application/json", 400),
    ],
)
async def test_malformed_requests_are_refused(
    body: bytes, content_type: str, status: int, bot_client: Any
) -> None:
    client = await bot_client()
    response = await client.post("/api/messages", data=body, headers={"Content-Type": content_type})
    assert response.status == status


async def test_oversized_body_is_413(bot_client: Any, connector: RecordingConnector) -> None:
    client = await bot_client()
    data = payload("01_personal_message", connector.url)
    data["text"] = "x" * (300 * 1024)
    response = await client.post("/api/messages", json=data)
    assert response.status == 413
    assert connector.requests == []


async def test_unknown_activity_type_is_accepted_and_ignored(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("01_personal_message", connector.url)
    data["type"] = "somethingNew"
    response = await client.post("/api/messages", json=data)
    assert response.status == 201
    assert connector.requests == []


async def test_anonymous_mode_refuses_a_remote_service_url(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("01_personal_message", "https://smba.trafficmanager.net/amer/")
    response = await client.post("/api/messages", json=data)
    assert response.status == 403
    assert connector.requests == []


async def test_tenant_allow_list(bot_client: Any, connector: RecordingConnector) -> None:
    client = await bot_client(TELEWORK_ALLOWED_TENANTS="72f988bf-86f1-41af-91ab-2d7cd011db47")
    allowed = payload("01_personal_message", connector.url)
    assert (await client.post("/api/messages", json=allowed)).status == 201
    other = payload("13_message_with_value_messageback", connector.url)  # another tenant
    assert (await client.post("/api/messages", json=other)).status == 403
    assert len(connector.activities()) == 1


async def test_health_readiness_and_metrics(bot_client: Any, connector: RecordingConnector) -> None:
    client = await bot_client(TELEWORK_METRICS_TOKEN=METRICS_TOKEN)
    assert (await client.get("/healthz")).status == 200
    ready = await client.get("/readyz")
    assert ready.status == 200 and (await ready.json())["status"] == "ready"
    await client.post("/api/messages", json=payload("01_personal_message", connector.url))
    metrics = await (await client.get("/metrics", headers=METRICS_AUTH)).text()
    assert 'telework_turns_total{activity_type="message",outcome="201"} 1.0' in metrics
    assert "telework_turn_seconds_bucket" in metrics
    assert 'telework_outbound_calls_total{operation="send_activity"} 1.0' in metrics


def reaction(service_url: str) -> dict[str, Any]:
    """A message reaction: processed and recorded, but never answered."""
    return payload("11_messagereaction_added", service_url)


@pytest.mark.parametrize(
    "service_url",
    [
        "http://evil\\@127.0.0.1/",  # urllib: 127.0.0.1; requests (the reply): evil
        "http://evil@127.0.0.1/",
        "http://127.0.0.1:1@evil/",
        "http://127.0.0.1\\@evil/",
        "http://127.0.0.1 @evil/",
        "http://127.1/",  # loopback to a resolver, but not a literal we can check
    ],
)
async def test_anonymous_mode_refuses_a_service_url_that_only_looks_like_loopback(
    service_url: str, bot_client: Any, sqlite_url: str
) -> None:
    client = await bot_client()
    response = await client.post("/api/messages", json=reaction(service_url))
    assert response.status == 403
    assert saved_service_urls(sqlite_url) == []


@pytest.mark.parametrize(
    "service_url", ["http://127.0.0.1:1/", "http://localhost:1/", "http://[::1]:1/"]
)
async def test_anonymous_mode_accepts_loopback_service_urls(
    service_url: str, bot_client: Any, sqlite_url: str
) -> None:
    client = await bot_client()
    response = await client.post("/api/messages", json=reaction(service_url))
    assert response.status == 201
    assert saved_service_urls(sqlite_url) == [service_url]


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:3978", "127.0.0.1.evil.example", "localhost.", ""]
)
@pytest.mark.parametrize("path", ["/api/messages", "/healthz", "/metrics", "/readyz"])
async def test_anonymous_mode_refuses_requests_to_a_host_that_is_not_loopback(
    host: str, path: str, bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    # DNS rebinding: a web page's own domain, re-resolved to 127.0.0.1.
    client = await bot_client()
    data = payload("01_personal_message", connector.url)
    if path == "/api/messages":
        response = await client.post(path, json=data, headers={"Host": host})
    else:
        response = await client.get(path, headers={"Host": host})
    assert response.status == 403
    assert connector.requests == [] and saved_service_urls(sqlite_url) == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:3978", "LOCALHOST", "[::1]:3978"])
async def test_anonymous_mode_accepts_loopback_host_headers(host: str, bot_client: Any) -> None:
    client = await bot_client()
    response = await client.get("/healthz", headers={"Host": host})
    assert response.status == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:3978", "null"])
async def test_anonymous_mode_refuses_requests_from_web_pages(
    origin: str, bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = payload("01_personal_message", connector.url)
    response = await client.post("/api/messages", json=data, headers={"Origin": origin})
    assert response.status == 403
    assert (await client.get("/metrics", headers={"Origin": origin})).status == 403
    assert connector.requests == []


async def test_deeply_nested_json_is_a_400_without_a_traceback(
    bot_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = await bot_client()
    nested = {"type": "message", "value": json.loads("[" * 500 + "]" * 500)}
    bodies = [b"[" * 100_000, b'{"type": "message", "value": ' + b"[" * 100_000, nested]
    with caplog.at_level(logging.WARNING):
        for body in bodies:
            if isinstance(body, bytes):
                response = await client.post(
                    "/api/messages", data=body, headers={"Content-Type": "application/json"}
                )
            else:
                response = await client.post("/api/messages", json=body)
            assert response.status == 400
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_ordinary_nesting_is_still_accepted(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client()
    data = reaction(connector.url)
    data["channelData"]["extra"] = json.loads('{"a": ' * 20 + "1" + "}" * 20)
    assert (await client.post("/api/messages", json=data)).status == 201


async def test_anonymous_metric_labels_are_a_fixed_set(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client(TELEWORK_METRICS_TOKEN=METRICS_TOKEN)
    refused = reaction("https://evil.example/")
    refused["type"] = "forged-type-1"
    assert (await client.post("/api/messages", json=refused)).status == 403
    unknown = reaction(connector.url)
    unknown["type"] = "forged-type-2"
    assert (await client.post("/api/messages", json=unknown)).status == 201
    metrics = await (await client.get("/metrics", headers=METRICS_AUTH)).text()
    assert "forged-type" not in metrics
    assert 'telework_turns_total{activity_type="unauthenticated",outcome="403"} 1.0' in metrics
    assert 'telework_turns_total{activity_type="other",outcome="201"} 1.0' in metrics


async def test_readiness_does_not_tell_where_the_database_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "secret-name-of-the-database.db"
    settings = load_settings(
        _env_file=None,
        TELEWORK_DATABASE_URL=f"sqlite+aiosqlite:///{database}",
        TELEWORK_SCHEDULER_ENABLED=False,  # its dispatcher would need the tables
    )
    client = TestClient(TestServer(create_app(settings, check_migrations=False), host="127.0.0.1"))
    await client.start_server()
    try:
        with caplog.at_level(logging.WARNING, logger="bot.teams.server"):
            response = await client.get("/readyz")
            text = await response.text()
    finally:
        await client.close()
    assert response.status == 503
    assert json.loads(text) == {"status": "not ready", "reason": "database not migrated"}
    assert "secret-name" not in text
    assert any("secret-name" in r.getMessage() for r in caplog.records)  # the operator's log
