"""The Teams notifier against the fake Bot Connector and a fake token endpoint on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import aiohttp
import pytest

from bot.core.service_url import ServiceUrlRule
from bot.teams.connector import BotFrameworkToken, TeamsConnector, parse_retry_after
from domain.delivery import ConversationTarget, SendOutcome, classify
from tests.fakes.fake_connector import FakeConnector, Reply


@pytest.fixture
async def fake() -> AsyncIterator[FakeConnector]:
    connector = await FakeConnector().start()
    yield connector
    await connector.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def token(
    http: aiohttp.ClientSession,
    fake: FakeConnector,
    ticks: Ticks | None = None,
    secret: str = "secret",
) -> BotFrameworkToken:
    return BotFrameworkToken(
        http,
        "app-id",
        secret,
        tenant_id="tenant-1",
        authority=fake.url,
        monotonic=ticks or Ticks(),
    )


# The fake connector is plain http on 127.0.0.1; production needs https on a Teams host.
FAKE_HOST = ServiceUrlRule(hosts=frozenset({"127.0.0.1"}), https_only=False)


async def test_anonymous_send_posts_the_activity_without_a_token(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    result = await TeamsConnector(http, None).send(
        ConversationTarget(fake.url + "/", "a:1"), {"text": "こんにちは"}
    )
    assert (result.http_status, result.activity_id) == (200, "activity-1")
    [request] = fake.requests
    assert request.conversation_id == "a:1" and request.authorization is None
    assert request.activity == {"type": "message", "text": "こんにちは"}


async def test_anonymous_mode_refuses_a_remote_service_url(http: aiohttp.ClientSession) -> None:
    result = await TeamsConnector(http, None).send(
        ConversationTarget("https://smba.trafficmanager.net/jp/", "a:1"), {"text": "x"}
    )
    assert result.http_status == 403 and "anonymous" in (result.error or "")
    assert classify(result) is SendOutcome.FAILED


async def test_the_token_is_fetched_once_and_refreshed_before_expiry(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    ticks = Ticks()
    connector = TeamsConnector(http, token(http, fake, ticks), service_urls=FAKE_HOST)
    target = ConversationTarget(fake.url, "a:1")
    await asyncio.gather(*(connector.send(target, {"text": str(i)}) for i in range(10)))
    assert len(fake.token_requests) == 1
    form = fake.token_requests[0]
    assert form["grant_type"] == "client_credentials" and form["client_id"] == "app-id"
    assert form["scope"] == "https://api.botframework.com/.default"
    assert {r.authorization for r in fake.requests} == {"Bearer token-1"}
    ticks.now += 3600 - 300 - 1  # still inside the lifetime less the margin
    await connector.send(target, {"text": "later"})
    assert len(fake.token_requests) == 1
    ticks.now += 2
    await connector.send(target, {"text": "after refresh"})
    assert fake.requests[-1].authorization == "Bearer token-2"


async def test_a_401_refreshes_the_token_once(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    fake.script("a:1", Reply(401))
    result = await TeamsConnector(http, token(http, fake), service_urls=FAKE_HOST).send(
        ConversationTarget(fake.url, "a:1"), {"text": "x"}
    )
    assert result.http_status == 200 and len(fake.token_requests) == 2


async def test_a_refused_token_is_a_retryable_result_not_an_exception(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    connector = TeamsConnector(http, token(http, fake, secret="wrong"), service_urls=FAKE_HOST)
    result = await connector.send(ConversationTarget(fake.url, "a:1"), {"text": "x"})
    assert result.http_status is None and "401" in (result.error or "")
    assert fake.requests == []


@pytest.mark.parametrize(
    ("reply", "status", "outcome", "retry_after"),
    [
        (Reply(429, retry_after="7"), 429, SendOutcome.THROTTLED, 7.0),
        (Reply(412), 412, SendOutcome.RETRY, None),
        (Reply(502), 502, SendOutcome.RETRY, None),
        (Reply(403), 403, SendOutcome.UNREACHABLE, None),
        (Reply(404), 404, SendOutcome.UNREACHABLE, None),
    ],
)
async def test_http_errors_become_results(
    fake: FakeConnector,
    http: aiohttp.ClientSession,
    reply: Reply,
    status: int,
    outcome: SendOutcome,
    retry_after: float | None,
) -> None:
    fake.script("a:1", reply)
    result = await TeamsConnector(http, None).send(ConversationTarget(fake.url, "a:1"), {})
    assert (result.http_status, result.retry_after_seconds) == (status, retry_after)
    assert classify(result) is outcome


async def test_a_slow_connector_times_out_as_a_retry(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    fake.latency = 0.5
    result = await TeamsConnector(http, None, timeout_seconds=0.05).send(
        ConversationTarget(fake.url, "a:1"), {}
    )
    assert result.http_status is None and "Timeout" in (result.error or "")
    assert classify(result) is SendOutcome.RETRY


def test_retry_after_as_seconds_or_http_date() -> None:
    now = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    assert parse_retry_after("12", now) == 12.0
    assert parse_retry_after("Tue, 01 Dec 2026 00:00:30 GMT", now) == 30.0
    assert parse_retry_after("Mon, 30 Nov 2026 23:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


async def test_create_a_personal_conversation_and_page_through_team_members(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    connector = TeamsConnector(http, None)
    conversation = await connector.create_personal_conversation(
        fake.url, bot_id="28:bot", user_id="29:u1", tenant_id="tenant-1"
    )
    assert conversation == "a:personal-29:u1"
    assert fake.created_conversations[0]["channelData"] == {"tenant": {"id": "tenant-1"}}
    fake.members = [{"id": f"29:u{i}", "aadObjectId": f"oid-{i}"} for i in range(7)]
    members = [m async for m in connector.team_members(fake.url, "19:team", page_size=3)]
    assert [m["id"] for m in members] == [f"29:u{i}" for i in range(7)]


async def test_with_a_token_a_service_url_off_the_allow_list_gets_neither_token_nor_request(
    fake: FakeConnector, http: aiohttp.ClientSession
) -> None:
    # Defence in depth behind the endpoint: whatever address reached the ledger, the bot's
    # token only goes to https Teams hosts (the default rule).
    connector = TeamsConnector(http, token(http, fake))
    result = await connector.send(ConversationTarget(fake.url, "a:1"), {"text": "x"})
    assert result.http_status == 403 and "not https" in (result.error or "")
    assert classify(result) is SendOutcome.FAILED
    with pytest.raises(ValueError, match="refuses the serviceUrl"):
        await connector.create_personal_conversation(
            fake.url, bot_id="28:bot", user_id="29:u1", tenant_id="tenant-1"
        )
    with pytest.raises(ValueError, match="refuses the serviceUrl"):
        [m async for m in connector.team_members(fake.url, "19:team")]
    assert fake.token_requests == [] and fake.requests == []
    assert fake.created_conversations == []


@pytest.mark.parametrize(
    "service_url",
    [
        "https://evil.example/amer/",
        "https://smba.trafficmanager.net.evil.example/",
        "https://evil.trafficmanager.net/",
        "https://user@smba.trafficmanager.net/amer/",
        "https://evil.example\\@smba.trafficmanager.net/amer/",
    ],
)
async def test_with_a_token_only_teams_hosts_are_allowed_by_default(
    fake: FakeConnector, http: aiohttp.ClientSession, service_url: str
) -> None:
    connector = TeamsConnector(http, token(http, fake))
    result = await connector.send(ConversationTarget(service_url, "a:1"), {"text": "x"})
    assert result.http_status == 403
    assert fake.token_requests == []


@pytest.mark.parametrize(
    "service_url",
    ["http://evil\\@127.0.0.1/", "http://evil@127.0.0.1/", "http://127.0.0.1:1@evil/"],
)
async def test_anonymous_mode_refuses_a_service_url_that_only_looks_like_loopback(
    http: aiohttp.ClientSession, service_url: str
) -> None:
    # urllib.parse reads 127.0.0.1 in the first; urllib3 (requests) would connect to "evil".
    result = await TeamsConnector(http, None).send(
        ConversationTarget(service_url, "a:1"), {"text": "x"}
    )
    assert result.http_status == 403 and "anonymous" in (result.error or "")
