"""The authentication matrix of /api/messages with tokens signed by local key sets (the Bot
Framework's and the tenant's Entra ID), against the real app on 127.0.0.1."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.bot.conftest import METRICS_AUTH, METRICS_TOKEN, RecordingConnector, teams_fixture
from tests.bot.jwks_fixture import LocalIdentityProvider, new_rsa_key, valid_claims

APP_ID = "9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
# A Teams serviceUrl (on the default allow-list). The requests below need no reply, so
# nothing is ever sent there.
TEAMS_URL = "https://smba.trafficmanager.net/jp/"
EVIL_URL = "https://evil.example/amer/"


@pytest.fixture
async def identity_provider() -> AsyncIterator[LocalIdentityProvider]:
    async with LocalIdentityProvider(endorsements=["msteams"]) as provider:
        yield provider


@pytest.fixture
async def entra() -> AsyncIterator[LocalIdentityProvider]:
    """The tenant's Entra ID keys (its JWKS entries carry no endorsements)."""
    async with LocalIdentityProvider(kid="entra-key") as provider:
        yield provider


@pytest.fixture
async def secured_client(
    bot_client: Any, identity_provider: LocalIdentityProvider, entra: LocalIdentityProvider
) -> Any:
    return await bot_client(
        MICROSOFT_APP_ID=APP_ID,
        MICROSOFT_APP_PASSWORD="not-used-in-these-tests",
        MICROSOFT_APP_TENANT_ID=TENANT,
        TELEWORK_OPENID_METADATA_URL=identity_provider.metadata_url,
        TELEWORK_ENTRA_METADATA_URL=entra.metadata_url,
        TELEWORK_ALLOWED_TENANTS=TENANT,
        TELEWORK_METRICS_TOKEN=METRICS_TOKEN,
    )


def saved_service_urls(sqlite_url: str) -> list[str]:
    """Every serviceUrl saved as a conversation reference (what proactive sends would use)."""
    path = sqlite_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT service_url FROM conversation_ref")]


def tenant_token(
    entra: LocalIdentityProvider, *, version: str = "2.0", caller: str = APP_ID
) -> str:
    """An Entra ID token of the bot's tenant with aud = the bot, asked for by ``caller``:
    what any app registration of the tenant can get with client credentials."""
    issuer = (
        f"https://sts.windows.net/{TENANT}/"
        if version == "1.0"
        else f"https://login.microsoftonline.com/{TENANT}/v2.0"
    )
    claims = valid_claims(APP_ID, "", issuer=issuer)
    del claims["serviceurl"]  # Entra ID tokens never carry one
    claims.update(ver=version, tid=TENANT, **{"appid" if version == "1.0" else "azp": caller})
    return "Bearer " + entra.sign(claims)


def reaction(service_url: str) -> dict[str, Any]:
    # A reaction needs no reply, so a valid request completes without an outbound token.
    data = teams_fixture("11_messagereaction_added")
    data["serviceUrl"] = service_url
    return data


async def post(client: Any, data: dict[str, Any], token: str | None) -> int:
    headers = {"Authorization": token} if token is not None else {}
    response = await client.post("/api/messages", json=data, headers=headers)
    return int(response.status)


async def test_valid_token_is_accepted(
    secured_client: Any, identity_provider: LocalIdentityProvider, sqlite_url: str
) -> None:
    token = identity_provider.sign(valid_claims(APP_ID, TEAMS_URL))
    assert await post(secured_client, reaction(TEAMS_URL), f"Bearer {token}") == 201
    assert saved_service_urls(sqlite_url) == [TEAMS_URL]


def _expired(provider: LocalIdentityProvider, url: str) -> str:
    claims = valid_claims(APP_ID, url, now=time.time() - 7200)
    return "Bearer " + provider.sign(claims)


def _wrong_audience(provider: LocalIdentityProvider, url: str) -> str:
    return "Bearer " + provider.sign(valid_claims("another-bot", url))


def _bad_signature(provider: LocalIdentityProvider, url: str) -> str:
    return "Bearer " + provider.sign(valid_claims(APP_ID, url), key=new_rsa_key())


def _wrong_issuer(provider: LocalIdentityProvider, url: str) -> str:
    return "Bearer " + provider.sign(valid_claims(APP_ID, url, issuer="https://evil.example"))


def _unsigned(provider: LocalIdentityProvider, url: str) -> str:
    return "Bearer " + provider.sign(valid_claims(APP_ID, url), alg="none")


@pytest.mark.parametrize(
    "make_header",
    [
        lambda p, u: None,
        lambda p, u: "Bearer",
        lambda p, u: "Bearer garbage.garbage.garbage",
        lambda p, u: "Basic dXNlcjpwYXNz",
        _expired,
        _bad_signature,
        _wrong_audience,
        _wrong_issuer,
        _unsigned,
    ],
    ids=[
        "no-header",
        "empty-bearer",
        "garbage",
        "basic",
        "expired",
        "bad-signature",
        "wrong-audience",
        "wrong-issuer",
        "alg-none",
    ],
)
async def test_bad_credentials_get_401_never_500(
    make_header: Any,
    secured_client: Any,
    identity_provider: LocalIdentityProvider,
    sqlite_url: str,
) -> None:
    header = make_header(identity_provider, TEAMS_URL)
    assert await post(secured_client, reaction(TEAMS_URL), header) == 401
    assert saved_service_urls(sqlite_url) == []


async def test_other_tenant_is_refused_with_403(
    secured_client: Any, identity_provider: LocalIdentityProvider, sqlite_url: str
) -> None:
    data = reaction(TEAMS_URL)
    data["channelData"]["tenant"]["id"] = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
    token = identity_provider.sign(valid_claims(APP_ID, TEAMS_URL))
    assert await post(secured_client, data, f"Bearer {token}") == 403
    assert saved_service_urls(sqlite_url) == []


@pytest.mark.parametrize("tenant", [TENANT, "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"])
async def test_the_tenant_allow_list_cannot_be_probed_without_a_token(
    secured_client: Any, tenant: str
) -> None:
    # Authentication comes first: allowed or not, an unauthenticated caller gets 401.
    data = reaction(TEAMS_URL)
    data["channelData"]["tenant"]["id"] = tenant
    assert await post(secured_client, data, None) == 401
    assert await post(secured_client, data, "Bearer garbage.garbage.garbage") == 401


async def test_a_refused_tenant_is_logged_truncated(
    secured_client: Any, identity_provider: LocalIdentityProvider, caplog: Any
) -> None:
    data = reaction(TEAMS_URL)
    data["channelData"]["tenant"]["id"] = "t" * 50_000
    token = identity_provider.sign(valid_claims(APP_ID, TEAMS_URL))
    with caplog.at_level(logging.INFO, logger="bot.teams.endpoint"):
        assert await post(secured_client, data, f"Bearer {token}") == 403
    [record] = [r for r in caplog.records if "tenant that is not allowed" in r.getMessage()]
    assert 0 < len(record.tenant) <= 200


async def test_token_for_another_service_url_is_refused(
    secured_client: Any, identity_provider: LocalIdentityProvider, connector: RecordingConnector
) -> None:
    token = identity_provider.sign(valid_claims(APP_ID, "https://smba.trafficmanager.net/amer/"))
    assert await post(secured_client, reaction(connector.url), f"Bearer {token}") == 401


async def test_with_an_app_id_a_remote_service_url_is_allowed(
    secured_client: Any, identity_provider: LocalIdentityProvider
) -> None:
    # Authenticated mode trusts the signed serviceurl claim and the Teams hosts, not loopback.
    remote = "https://smba.trafficmanager.net/amer/"
    token = identity_provider.sign(valid_claims(APP_ID, remote))
    assert await post(secured_client, reaction(remote), f"Bearer {token}") == 201


async def test_bot_framework_token_without_a_serviceurl_claim_is_refused(
    secured_client: Any, identity_provider: LocalIdentityProvider, sqlite_url: str
) -> None:
    claims = valid_claims(APP_ID, TEAMS_URL)
    del claims["serviceurl"]
    token = "Bearer " + identity_provider.sign(claims)
    for service_url in (TEAMS_URL, EVIL_URL):
        assert await post(secured_client, reaction(service_url), token) == 401
    assert saved_service_urls(sqlite_url) == []


@pytest.mark.parametrize("version", ["1.0", "2.0"])
async def test_tenant_token_of_another_app_cannot_act_as_a_user(
    secured_client: Any,
    entra: LocalIdentityProvider,
    connector: RecordingConnector,
    sqlite_url: str,
    version: str,
) -> None:
    # Any app registration of the tenant can get a token with aud = the bot; it must not
    # be able to post activities as a user (and receive the replies with the bot's token).
    token = tenant_token(entra, version=version, caller="some-other-app-of-the-tenant")
    for service_url in (TEAMS_URL, EVIL_URL):
        assert await post(secured_client, reaction(service_url), token) == 401
    assert saved_service_urls(sqlite_url) == []
    assert connector.requests == []


@pytest.mark.parametrize("version", ["1.0", "2.0"])
async def test_tenant_token_of_the_bot_itself_is_accepted_for_a_teams_service_url(
    secured_client: Any, entra: LocalIdentityProvider, sqlite_url: str, version: str
) -> None:
    # What botbuilder accepts for a single-tenant bot (appid/azp = the bot's own app id).
    token = tenant_token(entra, version=version)
    assert await post(secured_client, reaction(TEAMS_URL), token) == 201
    assert saved_service_urls(sqlite_url) == [TEAMS_URL]


@pytest.mark.parametrize(
    "service_url",
    [
        EVIL_URL,
        "http://smba.trafficmanager.net/jp/",  # not https
        "https://smba.trafficmanager.net.evil.example/jp/",
        "https://evil.trafficmanager.net/jp/",
        "https://user@smba.trafficmanager.net/jp/",
        "https://evil.example\\@smba.trafficmanager.net/jp/",
        "http://127.0.0.1:3978/",
    ],
)
async def test_a_service_url_off_the_allow_list_is_refused_before_anything_is_saved(
    secured_client: Any,
    identity_provider: LocalIdentityProvider,
    entra: LocalIdentityProvider,
    sqlite_url: str,
    service_url: str,
) -> None:
    # The tenant token carries no serviceurl claim; the Bot Framework token's claim matches.
    # Either way replies (with the bot's own access token) would go to that host.
    bot_framework = "Bearer " + identity_provider.sign(valid_claims(APP_ID, service_url))
    for token in (tenant_token(entra), bot_framework):
        assert await post(secured_client, reaction(service_url), token) == 403
    assert saved_service_urls(sqlite_url) == []


async def test_the_service_url_allow_list_is_configurable(
    bot_client: Any, identity_provider: LocalIdentityProvider, sqlite_url: str
) -> None:
    client = await bot_client(
        MICROSOFT_APP_ID=APP_ID,
        MICROSOFT_APP_PASSWORD="not-used-in-these-tests",
        MICROSOFT_APP_TYPE="MultiTenant",
        TELEWORK_OPENID_METADATA_URL=identity_provider.metadata_url,
        TELEWORK_SERVICE_URL_HOSTS="teams.example.org, *.bots.example.org",
    )
    # One conversation: its saved reference keeps the last accepted serviceUrl.
    for service_url, status, saved in [
        ("https://teams.example.org/", 201, "https://teams.example.org/"),
        ("https://eu.bots.example.org/x/", 201, "https://eu.bots.example.org/x/"),
        ("https://bots.example.org/", 403, "https://eu.bots.example.org/x/"),
        (TEAMS_URL, 403, "https://eu.bots.example.org/x/"),
    ]:
        token = "Bearer " + identity_provider.sign(valid_claims(APP_ID, service_url))
        assert await post(client, reaction(service_url), token) == status, service_url
        assert saved_service_urls(sqlite_url) == [saved]


async def test_metric_labels_are_a_fixed_set(
    secured_client: Any, identity_provider: LocalIdentityProvider
) -> None:
    # Before authentication nothing from the body becomes a label; after it, unknown
    # activity types are "other".
    for i in range(5):
        data = reaction(TEAMS_URL)
        data["type"] = f"forged-type-{i}"
        assert await post(secured_client, data, None) == 401
    data = reaction(TEAMS_URL)
    data["type"] = "somethingNew"
    token = "Bearer " + identity_provider.sign(valid_claims(APP_ID, TEAMS_URL))
    assert await post(secured_client, data, token) == 201
    assert await post(secured_client, reaction(TEAMS_URL), token) == 201

    metrics = await (await secured_client.get("/metrics", headers=METRICS_AUTH)).text()
    assert "forged-type" not in metrics and "somethingNew" not in metrics
    assert 'telework_turns_total{activity_type="unauthenticated",outcome="401"} 5.0' in metrics
    assert 'telework_turns_total{activity_type="other",outcome="201"} 1.0' in metrics
    assert 'telework_turns_total{activity_type="messageReaction",outcome="201"} 1.0' in metrics


async def test_authenticated_mode_sets_no_host_or_origin_rule(
    secured_client: Any, identity_provider: LocalIdentityProvider
) -> None:
    # Behind a reverse proxy the Host is the public name; the token is what counts here.
    token = "Bearer " + identity_provider.sign(valid_claims(APP_ID, TEAMS_URL))
    response = await secured_client.post(
        "/api/messages",
        json=reaction(TEAMS_URL),
        headers={"Authorization": token, "Host": "bot.example.org", "Origin": "https://x.org"},
    )
    assert response.status == 201
