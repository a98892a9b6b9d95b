"""Inbound token validation against a local OpenID provider (no network beyond 127.0.0.1)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from cryptography.hazmat.primitives import serialization

from bot.teams.auth import (
    AuthenticationError,
    BotTokenValidator,
    KeySetUnavailableError,
    OpenIdKeySet,
    entra_issuers,
)
from tests.bot.jwks_fixture import LocalIdentityProvider, new_rsa_key, valid_claims

APP_ID = "00000000-1111-2222-3333-444444444444"
SERVICE_URL = "https://smba.trafficmanager.net/jp/"
CHANNEL = "msteams"
NOW = 1_750_000_000.0  # wall clock seen by the validator (token exp/nbf)
TENANT = "99999999-8888-7777-6666-555555555555"


class FakeMonotonic:
    """A monotonic clock the tests move by hand (the key set's refresh timer)."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture
async def idp() -> AsyncIterator[LocalIdentityProvider]:
    async with LocalIdentityProvider(endorsements=[CHANNEL, "webchat"]) as provider:
        yield provider


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
def clock() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def key_set(
    idp: LocalIdentityProvider, session: aiohttp.ClientSession, clock: FakeMonotonic
) -> OpenIdKeySet:
    return OpenIdKeySet(session, idp.metadata_url, monotonic=clock)


@pytest.fixture
def validator(key_set: OpenIdKeySet) -> BotTokenValidator:
    return BotTokenValidator(app_id=APP_ID, key_set=key_set, now=lambda: NOW)


def claims(**changes: Any) -> dict[str, Any]:
    """Valid claims at NOW, with some changed (a value of None removes the claim)."""
    result = valid_claims(APP_ID, SERVICE_URL, now=NOW)
    for name, value in changes.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value
    return result


async def validate(
    validator: BotTokenValidator,
    header: str | None,
    *,
    channel_id: str = CHANNEL,
    service_url: str | None = SERVICE_URL,
) -> dict[str, Any]:
    return await validator.validate(header, channel_id=channel_id, service_url=service_url)


async def test_valid_token_returns_its_claims(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    result = await validate(validator, f"Bearer {idp.sign(claims())}")

    assert result["aud"] == APP_ID
    assert result["iss"] == "https://api.botframework.com"
    assert result["serviceurl"] == SERVICE_URL


@pytest.mark.parametrize("header", [None, ""])
async def test_missing_header_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider, header: str | None
) -> None:
    with pytest.raises(AuthenticationError, match="missing"):
        await validate(validator, header)
    assert idp.jwks_requests == 0


@pytest.mark.parametrize(
    "header", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "   ", "Token abc", "Bearer a b"]
)
async def test_header_that_is_not_bearer_is_rejected(
    validator: BotTokenValidator, header: str
) -> None:
    with pytest.raises(AuthenticationError, match="Bearer <token>"):
        await validate(validator, header)


async def test_bearer_scheme_is_case_insensitive(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    assert await validate(validator, f"bearer {idp.sign(claims())}")


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30", "...."])
async def test_malformed_token_is_rejected(validator: BotTokenValidator, token: str) -> None:
    with pytest.raises(AuthenticationError, match="malformed"):
        await validate(validator, f"Bearer {token}")


async def test_expired_token_is_rejected_beyond_the_skew(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    within_skew = idp.sign(claims(exp=int(NOW) - 299))
    beyond_skew = idp.sign(claims(exp=int(NOW) - 301))

    assert await validate(validator, f"Bearer {within_skew}")
    with pytest.raises(AuthenticationError, match="expired"):
        await validate(validator, f"Bearer {beyond_skew}")


async def test_token_without_exp_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    with pytest.raises(AuthenticationError, match="exp"):
        await validate(validator, f"Bearer {idp.sign(claims(exp=None))}")


async def test_token_not_yet_valid_is_rejected_beyond_the_skew(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    within_skew = idp.sign(claims(nbf=int(NOW) + 299))
    beyond_skew = idp.sign(claims(nbf=int(NOW) + 301))

    assert await validate(validator, f"Bearer {within_skew}")
    with pytest.raises(AuthenticationError, match="not yet valid"):
        await validate(validator, f"Bearer {beyond_skew}")


async def test_token_signed_by_another_key_with_the_same_kid_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    forged = idp.sign(claims(), kid=idp.kid, key=new_rsa_key())

    with pytest.raises(AuthenticationError, match="InvalidSignatureError"):
        await validate(validator, f"Bearer {forged}")


async def test_unknown_kid_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    token = idp.sign(claims(), kid="no-such-key", key=new_rsa_key())

    with pytest.raises(AuthenticationError, match="unknown key"):
        await validate(validator, f"Bearer {token}")


async def test_a_burst_of_unknown_kids_refetches_the_jwks_at_most_once(
    validator: BotTokenValidator, idp: LocalIdentityProvider, clock: FakeMonotonic
) -> None:
    await validate(validator, f"Bearer {idp.sign(claims())}")  # keys loaded
    assert idp.jwks_requests == 1
    clock.advance(5 * 60)  # an unknown kid may now trigger one refresh
    garbage = [idp.sign(claims(), kid=f"garbage-{i}", key=idp.private_key) for i in range(20)]

    results = await asyncio.gather(
        *(validate(validator, f"Bearer {token}") for token in garbage), return_exceptions=True
    )

    assert all(isinstance(r, AuthenticationError) for r in results)
    assert idp.jwks_requests == 2
    # A second burst inside the 5-minute window fetches nothing.
    clock.advance(60)
    results = await asyncio.gather(
        *(validate(validator, f"Bearer {token}") for token in garbage), return_exceptions=True
    )
    assert all(isinstance(r, AuthenticationError) for r in results)
    assert idp.jwks_requests == 2


async def test_alg_none_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    await validate(validator, f"Bearer {idp.sign(claims())}")  # keys loaded
    unsigned = idp.sign(claims(), alg="none")

    with pytest.raises(AuthenticationError, match="RS256"):
        await validate(validator, f"Bearer {unsigned}")


async def test_hs256_signed_with_the_public_key_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    public_pem = idp.private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    confused = idp.sign(claims(), alg="HS256", key=public_pem)

    with pytest.raises(AuthenticationError, match="RS256"):
        await validate(validator, f"Bearer {confused}")


async def test_wrong_audience_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    for audience in ["another-bot", [APP_ID], f"api://{APP_ID}"]:
        token = idp.sign(claims(aud=audience))
        with pytest.raises(AuthenticationError, match="audience"):
            await validate(validator, f"Bearer {token}")


async def test_wrong_issuer_is_rejected_without_fetching_keys(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    for issuer in ["https://evil.example", "https://api.botframework.com/", None]:
        token = idp.sign(claims(iss=issuer))
        with pytest.raises(AuthenticationError, match="issuer"):
            await validate(validator, f"Bearer {token}")
    assert idp.jwks_requests == 0


async def test_key_not_endorsed_for_the_channel_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    token = idp.sign(claims())

    assert await validate(validator, f"Bearer {token}", channel_id="webchat")
    with pytest.raises(AuthenticationError, match="endorsed"):
        await validate(validator, f"Bearer {token}", channel_id="slack")
    with pytest.raises(AuthenticationError, match="endorsed"):
        await validate(validator, f"Bearer {token}", channel_id="")


async def test_key_without_endorsements_accepts_any_channel(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    idp.add_key("plain", endorsements=None)
    token = idp.sign(claims(), kid="plain")

    assert await validate(validator, f"Bearer {token}", channel_id="slack")


async def test_serviceurl_claim_must_match_the_activity(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    token = idp.sign(claims())

    for other in ["https://evil.example/jp/", "https://smba.trafficmanager.net/amer/", None]:
        with pytest.raises(AuthenticationError, match="serviceurl"):
            await validate(validator, f"Bearer {token}", service_url=other)


async def test_serviceurl_compares_case_insensitively_ignoring_a_trailing_slash(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    token = idp.sign(claims())

    assert await validate(
        validator, f"Bearer {token}", service_url="HTTPS://SMBA.trafficmanager.net/jp"
    )


async def test_bot_framework_token_without_serviceurl_claim_is_rejected(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    # botbuilder's ChannelValidation requires the claim; without it a Bot Framework token
    # would be accepted with any serviceUrl.
    token = idp.sign(claims(serviceurl=None))

    for service_url in ["https://anything.example/", SERVICE_URL, None]:
        with pytest.raises(AuthenticationError, match="no serviceurl claim"):
            await validate(validator, f"Bearer {token}", service_url=service_url)


async def test_rotated_key_is_accepted_after_a_refresh(
    validator: BotTokenValidator, idp: LocalIdentityProvider, clock: FakeMonotonic
) -> None:
    await validate(validator, f"Bearer {idp.sign(claims())}")  # keys loaded at startup
    idp.add_key("key-2", endorsements=[CHANNEL])
    rotated = idp.sign(claims(), kid="key-2")

    clock.advance(60)  # inside the unknown-kid window: not refreshed yet
    with pytest.raises(AuthenticationError, match="unknown key"):
        await validate(validator, f"Bearer {rotated}")
    clock.advance(5 * 60)
    assert await validate(validator, f"Bearer {rotated}")
    assert idp.jwks_requests == 2


async def test_keys_are_refreshed_daily(
    validator: BotTokenValidator, idp: LocalIdentityProvider, clock: FakeMonotonic
) -> None:
    token = idp.sign(claims())
    await validate(validator, f"Bearer {token}")
    clock.advance(24 * 3600 - 1)
    await validate(validator, f"Bearer {token}")
    assert idp.jwks_requests == 1

    clock.advance(1)
    await validate(validator, f"Bearer {token}")
    assert idp.jwks_requests == 2


async def test_removed_key_is_rejected_after_a_refresh(
    validator: BotTokenValidator, idp: LocalIdentityProvider, clock: FakeMonotonic
) -> None:
    token = idp.sign(claims())
    await validate(validator, f"Bearer {token}")
    idp.keys.clear()
    idp.add_key("key-2", endorsements=[CHANNEL])

    clock.advance(24 * 3600)
    with pytest.raises(AuthenticationError, match="unknown key"):
        await validate(validator, f"Bearer {token}")


async def test_unreachable_metadata_with_no_cached_keys_is_unavailable(
    validator: BotTokenValidator, idp: LocalIdentityProvider, clock: FakeMonotonic
) -> None:
    idp.fail_status = 500
    token = idp.sign(claims())

    with pytest.raises(KeySetUnavailableError):
        await validate(validator, f"Bearer {token}")
    with pytest.raises(KeySetUnavailableError):
        await validate(validator, f"Bearer {token}")
    assert idp.metadata_requests == 1  # no retry until the back-off has passed

    idp.fail_status = None
    clock.advance(30)
    assert await validate(validator, f"Bearer {token}")


async def test_failed_refresh_keeps_the_cached_keys(
    validator: BotTokenValidator, idp: LocalIdentityProvider, clock: FakeMonotonic
) -> None:
    token = idp.sign(claims())
    await validate(validator, f"Bearer {token}")
    idp.fail_status = 503

    clock.advance(24 * 3600)
    assert await validate(validator, f"Bearer {token}")
    assert idp.metadata_requests == 2


V1_ISSUER = f"https://sts.windows.net/{TENANT}/"
V2_ISSUER = f"https://login.microsoftonline.com/{TENANT}/v2.0"


def entra_claims(version: str, caller: str | None = APP_ID, **changes: Any) -> dict[str, Any]:
    """Claims of an Entra ID token of TENANT to the bot, asked for by ``caller``."""
    issuer = V1_ISSUER if version == "1.0" else V2_ISSUER
    caller_claim = "appid" if version == "1.0" else "azp"
    return claims(iss=issuer, serviceurl=None, ver=version, **{caller_claim: caller}, **changes)


@pytest.fixture
async def entra() -> AsyncIterator[LocalIdentityProvider]:
    async with LocalIdentityProvider(kid="entra-1") as provider:
        yield provider


@pytest.fixture
def tenant_validator(
    key_set: OpenIdKeySet, entra: LocalIdentityProvider, session: aiohttp.ClientSession
) -> BotTokenValidator:
    entra_keys = OpenIdKeySet(session, entra.metadata_url)
    return BotTokenValidator(
        app_id=APP_ID,
        key_set=key_set,
        extra_key_sets=dict.fromkeys(entra_issuers(TENANT), entra_keys),
        now=lambda: NOW,
    )


async def test_entra_tokens_are_verified_with_their_own_key_set(
    tenant_validator: BotTokenValidator, idp: LocalIdentityProvider, entra: LocalIdentityProvider
) -> None:
    v2 = entra_claims("2.0")
    result = await validate(tenant_validator, f"Bearer {entra.sign(v2)}")
    assert result["iss"] == V2_ISSUER
    assert await validate(tenant_validator, f"Bearer {entra.sign(entra_claims('1.0'))}")

    # Each issuer's tokens are checked only against that issuer's keys.
    with pytest.raises(AuthenticationError, match="unknown key"):
        await validate(tenant_validator, f"Bearer {idp.sign(v2)}")
    with pytest.raises(AuthenticationError, match="unknown key"):
        await validate(tenant_validator, f"Bearer {entra.sign(claims())}")
    other_tenant = claims(iss="https://login.microsoftonline.com/other/v2.0")
    with pytest.raises(AuthenticationError, match="issuer"):
        await validate(tenant_validator, f"Bearer {entra.sign(other_tenant)}")


@pytest.mark.parametrize("version", ["1.0", "2.0"])
@pytest.mark.parametrize("caller", ["another-app-in-the-tenant", None, ""])
async def test_entra_token_asked_for_by_another_app_is_rejected(
    tenant_validator: BotTokenValidator,
    entra: LocalIdentityProvider,
    version: str,
    caller: str | None,
) -> None:
    # Any app of the tenant can get a token with aud = the bot (client credentials).
    token = entra.sign(entra_claims(version, caller))

    with pytest.raises(AuthenticationError, match="not requested by this bot"):
        await validate(tenant_validator, f"Bearer {token}")


async def test_entra_token_names_its_caller_in_the_claim_of_its_version(
    tenant_validator: BotTokenValidator, entra: LocalIdentityProvider
) -> None:
    # v1.0 names the caller in appid, v2.0 in azp (botbuilder reads them the same way).
    v1_with_azp = claims(iss=V1_ISSUER, serviceurl=None, ver="1.0", azp=APP_ID, appid="other")
    v2_with_appid = claims(iss=V2_ISSUER, serviceurl=None, ver="2.0", appid=APP_ID, azp="other")
    for forged in (v1_with_azp, v2_with_appid):
        with pytest.raises(AuthenticationError, match="not requested by this bot"):
            await validate(tenant_validator, f"Bearer {entra.sign(forged)}")


@pytest.mark.parametrize("version", [None, "", "3.0", 2])
async def test_entra_token_without_a_known_version_is_rejected(
    tenant_validator: BotTokenValidator, entra: LocalIdentityProvider, version: object
) -> None:
    forged = claims(iss=V2_ISSUER, serviceurl=None, ver=version, appid=APP_ID, azp=APP_ID)

    with pytest.raises(AuthenticationError, match="ver"):
        await validate(tenant_validator, f"Bearer {entra.sign(forged)}")


async def test_entra_token_still_needs_the_bot_as_audience(
    tenant_validator: BotTokenValidator, entra: LocalIdentityProvider
) -> None:
    token = entra.sign(entra_claims("2.0", aud="another-bot"))

    with pytest.raises(AuthenticationError, match="audience"):
        await validate(tenant_validator, f"Bearer {token}")


def test_validator_requires_an_app_id(key_set: OpenIdKeySet) -> None:
    with pytest.raises(ValueError, match="app_id"):
        BotTokenValidator(app_id="", key_set=key_set)


async def test_concurrent_requests_on_a_cold_cache_fetch_the_keys_once(
    validator: BotTokenValidator, idp: LocalIdentityProvider
) -> None:
    token = idp.sign(claims())

    results = await asyncio.gather(*(validate(validator, f"Bearer {token}") for _ in range(20)))

    assert all(r["aud"] == APP_ID for r in results)
    assert (idp.metadata_requests, idp.jwks_requests) == (1, 1)
