"""/metrics is never open on the port Teams talks to: a listener of its own (loopback by
default) and/or a bearer token; with neither it does not exist."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import pytest

from bot.teams.metrics_http import METRICS_PORT
from tests.bot.conftest import METRICS_AUTH, METRICS_TOKEN, RecordingConnector, teams_fixture

SECURED = {
    "MICROSOFT_APP_ID": "9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11",
    "MICROSOFT_APP_PASSWORD": "not-used-in-these-tests",
    "MICROSOFT_APP_TENANT_ID": "72f988bf-86f1-41af-91ab-2d7cd011db47",
}


async def scrape(port: int, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}/metrics", headers=headers) as response,
    ):
        return response.status, await response.text()


@pytest.mark.parametrize("mode", [{}, SECURED])
async def test_without_a_guard_there_is_no_metrics_endpoint(
    mode: dict[str, str], bot_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        client = await bot_client(**mode)
    response = await client.get("/metrics")
    assert response.status == 404
    assert "telework_turns" not in await response.text()
    assert (await client.get("/metrics", headers=METRICS_AUTH)).status == 404
    assert any("metrics are off" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer wrong-token-of-the-same-kind-0123456789",
        f"Basic {METRICS_TOKEN}",
        f"Bearer {METRICS_TOKEN}x",
        METRICS_TOKEN,
    ],
)
async def test_the_token_guards_metrics_on_the_main_port(
    authorization: str | None, bot_client: Any
) -> None:
    client = await bot_client(**SECURED, TELEWORK_METRICS_TOKEN=METRICS_TOKEN)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await client.get("/metrics", headers=headers)
    assert response.status == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "telework_turns" not in await response.text()
    allowed = await client.get("/metrics", headers={"Authorization": f"bearer  {METRICS_TOKEN}"})
    assert allowed.status == 200
    assert "telework_turn_seconds" in await allowed.text()


async def test_a_listener_of_its_own_on_loopback(
    bot_client: Any, connector: RecordingConnector
) -> None:
    client = await bot_client(TELEWORK_METRICS_PORT="0")
    port = client.server.app[METRICS_PORT]
    assert port != client.server.port
    data = teams_fixture("01_personal_message")
    data["serviceUrl"] = connector.url
    assert (await client.post("/api/messages", json=data)).status == 201
    status, body = await scrape(port)
    assert status == 200
    assert 'telework_turns_total{activity_type="message",outcome="201"} 1.0' in body
    # Nothing else lives there, and the public port has no /metrics.
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}/api/messages") as other,
    ):
        assert other.status in (404, 405)
    assert (await client.get("/metrics")).status == 404


async def test_the_listener_with_a_token_wants_it_too(bot_client: Any) -> None:
    client = await bot_client(
        **SECURED, TELEWORK_METRICS_PORT="0", TELEWORK_METRICS_TOKEN=METRICS_TOKEN
    )
    port = client.server.app[METRICS_PORT]
    assert (await scrape(port))[0] == 401
    assert (await scrape(port, METRICS_AUTH))[0] == 200


async def test_the_anonymous_listener_refuses_dns_rebinding(bot_client: Any) -> None:
    client = await bot_client(TELEWORK_METRICS_PORT="0")
    port = client.server.app[METRICS_PORT]
    assert (await scrape(port, {"Host": "evil.example"}))[0] == 403
    assert (await scrape(port, {"Origin": "http://evil.example"}))[0] == 403
    assert (await scrape(port))[0] == 200


async def test_the_listener_stops_with_the_bot(bot_client: Any) -> None:
    client = await bot_client(TELEWORK_METRICS_PORT="0")
    port = client.server.app[METRICS_PORT]
    await client.close()
    with pytest.raises(aiohttp.ClientConnectionError):
        await scrape(port)
