"""The authentication matrix of /api/messages with tokens signed by a local key set."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.bot.jwks_fixture import LocalIdentityProvider, new_rsa_key, valid_claims

APP_ID = "9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


@pytest.fixture
async def identity_provider() -> AsyncIterator[LocalIdentityProvider]:
    async with LocalIdentityProvider(endorsements=["msteams"]) as provider:
        yield provider


@pytest.fixture
async def secured_client(bot_client: Any, identity_provider: LocalIdentityProvider) -> Any:
    return await bot_client(
        MICROSOFT_APP_ID=APP_ID,
        MICROSOFT_APP_PASSWORD="not-used-in-these-tests",
        MICROSOFT_APP_TENANT_ID=TENANT,
        TELEWORK_OPENID_METADATA_URL=identity_provider.metadata_url,
        TELEWORK_ALLOWED_TENANTS=TENANT,
    )


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
    secured_client: Any, identity_provider: LocalIdentityProvider, connector: RecordingConnector
) -> None:
    token = identity_provider.sign(valid_claims(APP_ID, connector.url))
    assert await post(secured_client, reaction(connector.url), f"Bearer {token}") == 201


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
    connector: RecordingConnector,
) -> None:
    header = make_header(identity_provider, connector.url)
    assert await post(secured_client, reaction(connector.url), header) == 401
    assert connector.requests == []


async def test_other_tenant_is_refused_with_403(
    secured_client: Any, identity_provider: LocalIdentityProvider, connector: RecordingConnector
) -> None:
    data = reaction(connector.url)
    data["channelData"]["tenant"]["id"] = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
    token = identity_provider.sign(valid_claims(APP_ID, connector.url))
    assert await post(secured_client, data, f"Bearer {token}") == 403


async def test_token_for_another_service_url_is_refused(
    secured_client: Any, identity_provider: LocalIdentityProvider, connector: RecordingConnector
) -> None:
    token = identity_provider.sign(valid_claims(APP_ID, "https://smba.trafficmanager.net/amer/"))
    assert await post(secured_client, reaction(connector.url), f"Bearer {token}") == 401


async def test_with_an_app_id_a_remote_service_url_is_allowed(
    secured_client: Any, identity_provider: LocalIdentityProvider
) -> None:
    # Authenticated mode trusts the signed serviceurl claim, not the loopback rule.
    remote = "https://smba.trafficmanager.net/amer/"
    token = identity_provider.sign(valid_claims(APP_ID, remote))
    assert await post(secured_client, reaction(remote), f"Bearer {token}") == 201
