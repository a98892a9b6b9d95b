"""Authentication of inbound Bot Framework requests (the ``Authorization`` header of /api/messages).

botbuilder 4.17.1 validates these tokens itself, but fetches the OpenID metadata with synchronous
``requests`` on the event loop and turns a bad token into HTTP 500. We validate here instead,
without blocking and with explicit errors, and hand botbuilder the result.

The rules follow botbuilder's ``ChannelValidation`` and ``JwtTokenExtractor``: RS256 only, a key
from the issuer's published JWKS, issuer and audience (= our app id) checked, ``exp``/``nbf`` with
a clock skew, and the key's ``endorsements`` must name the activity's channel. On top of that,
per kind of issuer:

- Bot Framework tokens (``https://api.botframework.com``, what Teams sends) must carry a
  ``serviceurl`` claim equal to the activity's ``serviceUrl`` (botbuilder's
  ``ChannelValidation``/``GovernmentChannelValidation.validate_identity``: "'serviceurl' claim
  missing" / "Invalid 'serviceurl' claim").
- Entra ID tokens of the bot's own tenant (single-tenant bots only) are accepted only when the
  app that asked for the token is the bot itself: ``appid`` (token version 1.0) or ``azp``
  (2.0) equals our app id. Any app registration in the tenant can get a token whose ``aud`` is
  the bot (client credentials, scope ``<bot app id>/.default``), so ``aud`` alone proves
  nothing. These tokens carry no ``serviceurl``; the endpoint's serviceUrl host allow-list
  stands in for it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeGuard

import aiohttp
import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from jwt.algorithms import RSAAlgorithm

_log = logging.getLogger(__name__)

BOT_FRAMEWORK_METADATA_URL: Final = (
    "https://login.botframework.com/v1/.well-known/openidconfiguration"
)
BOT_FRAMEWORK_ISSUER: Final = "https://api.botframework.com"
_ALGORITHM: Final = "RS256"
_FETCH_TIMEOUT: Final = aiohttp.ClientTimeout(total=10)


class AuthenticationError(Exception):
    """The request is not authenticated. The message is safe to log, never to show a user."""


class KeySetUnavailableError(AuthenticationError):
    """No signing keys could be loaded at all (the metadata endpoint failed and nothing is cached).

    A subclass, so callers may answer 503 instead of 401; treating it as 401 is also safe.
    """


@dataclass(frozen=True, slots=True)
class SigningKey:
    """One published signing key. ``endorsements`` is None when the JWKS entry carries none."""

    kid: str
    public_key: RSAPublicKey
    endorsements: frozenset[str] | None


class OpenIdKeySet:
    """Signing keys read from an OpenID configuration document's ``jwks_uri``, cached.

    Keys are refreshed every ``refresh_seconds``; an unknown ``kid`` triggers a refresh at most
    once per ``unknown_kid_refresh_seconds`` (so a flood of garbage kids cannot make us hammer
    the endpoint); after a failed fetch we wait ``retry_after_failure_seconds``. Concurrent
    refreshes are coalesced. When a refresh fails, the keys already cached stay in use.
    The ``session`` is owned by the caller, who closes it.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        metadata_url: str = BOT_FRAMEWORK_METADATA_URL,
        *,
        refresh_seconds: float = 24 * 3600,
        unknown_kid_refresh_seconds: float = 5 * 60,
        retry_after_failure_seconds: float = 30,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session = session
        self.metadata_url = metadata_url
        self._refresh_seconds = refresh_seconds
        self._unknown_kid_refresh_seconds = unknown_kid_refresh_seconds
        self._retry_after_failure_seconds = retry_after_failure_seconds
        self._monotonic = monotonic
        self._keys: dict[str, SigningKey] = {}
        self._loaded_at: float | None = None  # last successful fetch
        self._attempted_at: float | None = None  # last fetch, successful or not
        self._last_failed = False
        self._lock = asyncio.Lock()

    async def get(self, kid: str) -> SigningKey | None:
        """The key with this id, refreshing the cache when it is due; None if unknown."""
        if self._refresh_due(kid):
            async with self._lock:
                # Another coroutine may have refreshed while we waited: decide again.
                if self._refresh_due(kid):
                    await self._refresh()
        if not self._keys:
            raise KeySetUnavailableError(f"no signing keys available from {self.metadata_url}")
        return self._keys.get(kid)

    def _refresh_due(self, kid: str) -> bool:
        if self._attempted_at is None:
            return True
        now = self._monotonic()
        since_attempt = now - self._attempted_at
        if self._last_failed and since_attempt < self._retry_after_failure_seconds:
            return False
        if self._loaded_at is None or now - self._loaded_at >= self._refresh_seconds:
            return True
        return kid not in self._keys and since_attempt >= self._unknown_kid_refresh_seconds

    async def _refresh(self) -> None:
        now = self._monotonic()
        self._attempted_at = now
        try:
            keys = await self._fetch()
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            self._last_failed = True
            _log.warning(
                "signing key refresh failed: metadata_url=%s error=%s cached_keys=%d",
                self.metadata_url,
                type(exc).__name__,
                len(self._keys),
            )
            return
        self._keys = keys
        self._loaded_at = now
        self._last_failed = False
        _log.info("signing keys loaded: metadata_url=%s keys=%d", self.metadata_url, len(keys))

    async def _fetch(self) -> dict[str, SigningKey]:
        config = await self._get_json(self.metadata_url)
        jwks_uri = config.get("jwks_uri")
        if not isinstance(jwks_uri, str) or not jwks_uri:
            raise ValueError("OpenID configuration has no jwks_uri")
        jwks = await self._get_json(jwks_uri)
        entries = jwks.get("keys")
        if not isinstance(entries, list):
            raise ValueError("JWKS has no keys list")
        keys: dict[str, SigningKey] = {}
        for entry in entries:
            key = _parse_jwk(entry)
            if key is not None:
                keys[key.kid] = key
        if not keys:
            raise ValueError("JWKS has no usable RSA signing keys")
        return keys

    async def _get_json(self, url: str) -> dict[str, Any]:
        async with self._session.get(url, timeout=_FETCH_TIMEOUT) as response:
            response.raise_for_status()
            body = await response.json(content_type=None)
        if not isinstance(body, dict):
            raise ValueError(f"{url} did not return a JSON object")
        return body


def _parse_jwk(entry: object) -> SigningKey | None:
    """A usable RSA signature key from one JWKS entry, or None (skipped with a log line)."""
    if not isinstance(entry, dict):
        return None
    kid = entry.get("kid")
    if not isinstance(kid, str) or not kid or entry.get("kty") != "RSA":
        return None
    if entry.get("use", "sig") != "sig":
        return None
    endorsements = entry.get("endorsements")
    if endorsements is not None and not (
        isinstance(endorsements, list) and all(isinstance(e, str) for e in endorsements)
    ):
        _log.warning("skipping JWK with malformed endorsements: kid=%r", kid[:64])
        return None
    try:
        parsed = RSAAlgorithm.from_jwk(entry)
    except (jwt.InvalidKeyError, ValueError, TypeError, KeyError):
        _log.warning("skipping unparsable JWK: kid=%r", kid[:64])
        return None
    public_key = parsed.public_key() if isinstance(parsed, RSAPrivateKey) else parsed
    return SigningKey(
        kid=kid,
        public_key=public_key,
        endorsements=None if endorsements is None else frozenset(endorsements),
    )


def entra_issuers(tenant_id: str) -> frozenset[str]:
    """The v1 and v2 issuers of Entra ID (Azure AD) tokens for one tenant."""
    return frozenset(
        {
            f"https://sts.windows.net/{tenant_id}/",
            f"https://login.microsoftonline.com/{tenant_id}/v2.0",
        }
    )


def entra_metadata_url(tenant_id: str) -> str:
    """The tenant's v2 OpenID configuration (its JWKS also signs the tenant's v1 tokens)."""
    return f"https://login.microsoftonline.com/{tenant_id}/v2.0/.well-known/openid-configuration"


class BotTokenValidator:
    """Validates the ``Authorization`` header of an inbound Bot Framework activity.

    Tokens whose ``iss`` is in ``issuers`` are Bot Framework channel tokens, verified with
    ``key_set`` (the Bot Framework's keys); they must carry a matching ``serviceurl`` claim.
    ``extra_key_sets`` maps Entra ID issuers, i.e. :func:`entra_issuers` for a single-tenant
    bot, to the key set that signs their tokens; those tokens must have been requested by the
    bot's own app (``appid``/``azp``). A token is only ever checked against the keys of its
    own issuer.
    """

    def __init__(
        self,
        *,
        app_id: str,
        key_set: OpenIdKeySet,
        issuers: frozenset[str] = frozenset({BOT_FRAMEWORK_ISSUER}),
        extra_key_sets: Mapping[str, OpenIdKeySet] | None = None,
        clock_skew_seconds: int = 300,
        now: Callable[[], float] = time.time,
    ) -> None:
        if not app_id:
            raise ValueError("app_id is required: anonymous mode does not use this validator")
        extra = dict(extra_key_sets or {})
        if overlap := issuers & extra.keys():
            raise ValueError(f"issuers given twice: {sorted(overlap)}")
        self._app_id = app_id
        self._channel_issuers = issuers
        self._key_sets: dict[str, OpenIdKeySet] = {issuer: key_set for issuer in issuers}
        self._key_sets.update(extra)
        self._skew = clock_skew_seconds
        self._now = now

    async def validate(
        self, auth_header: str | None, *, channel_id: str, service_url: str | None
    ) -> dict[str, Any]:
        """The verified claims of the bearer token, or :class:`AuthenticationError`."""
        token = _bearer_token(auth_header)
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.InvalidTokenError as exc:
            raise AuthenticationError(f"malformed token: {type(exc).__name__}") from None
        # Checked before any key lookup: alg confusion ("none", HS256 keyed with the public key).
        if header.get("alg") != _ALGORITHM:
            raise AuthenticationError("token algorithm is not RS256")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthenticationError("token has no kid")
        issuer = unverified.get("iss")
        if not isinstance(issuer, str) or issuer not in self._key_sets:
            raise AuthenticationError("token issuer is not accepted")
        key_set = self._key_sets[issuer]

        key = await key_set.get(kid)
        if key is None:
            raise AuthenticationError("token signed with an unknown key")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.public_key,
                algorithms=[_ALGORITHM],
                # Time, issuer and audience are checked below, against our own clock and rules.
                options={
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                    "verify_aud": False,
                    "verify_iss": False,
                },
            )
        except jwt.InvalidTokenError as exc:
            raise AuthenticationError(f"token rejected: {type(exc).__name__}") from None

        self._check_claims(claims, issuer)
        if key.endorsements is not None and channel_id not in key.endorsements:
            raise AuthenticationError("signing key is not endorsed for this channel")
        if issuer in self._channel_issuers:
            # botbuilder's ChannelValidation: the claim is required and must match, otherwise
            # a token captured from one conversation could steer replies anywhere.
            if "serviceurl" not in claims:
                raise AuthenticationError("token has no serviceurl claim")
            if not _same_service_url(claims["serviceurl"], service_url):
                raise AuthenticationError("serviceurl claim does not match the activity")
        else:
            self._check_calling_app(claims)
        return claims

    def _check_calling_app(self, claims: Mapping[str, Any]) -> None:
        """An Entra-issued token is accepted only from the bot's own app registration.

        Mirrors botbuilder 4.17.1 ``_ParameterizedBotFrameworkAuthentication.
        _emulator_validation_authenticate_emulator_token`` (and ``EmulatorValidation``), the
        path by which botbuilder accepts tenant-issued tokens: a ``ver`` claim is required;
        version "1.0" names the caller in ``appid``, "2.0" in ``azp``; any other version is
        refused; the caller must be a valid app id, which for a bot with one identity
        (``PasswordServiceClientCredentialFactory.is_valid_app_id``) means ``== app_id``.
        A caller other than the audience would be a skill (``SkillValidation.is_skill_claim``),
        which botbuilder refuses without a claims validator, and so do we.
        """
        version = claims.get("ver")
        if version == "1.0":
            caller = claims.get("appid")
        elif version == "2.0":
            caller = claims.get("azp")
        else:
            raise AuthenticationError("tenant token has no known ver claim")
        if not isinstance(caller, str) or caller != self._app_id:
            raise AuthenticationError("tenant token was not requested by this bot")

    def _check_claims(self, claims: Mapping[str, Any], issuer: str) -> None:
        if claims.get("iss") != issuer:  # cannot differ once signed, but say so explicitly
            raise AuthenticationError("token issuer is not accepted")
        if claims.get("aud") != self._app_id:
            raise AuthenticationError("token audience is not this bot")
        now = self._now()
        exp = claims.get("exp")
        if not _is_number(exp):
            raise AuthenticationError("token has no valid exp")
        if now > exp + self._skew:
            raise AuthenticationError("token expired")
        nbf = claims.get("nbf")
        if nbf is not None:
            if not _is_number(nbf):
                raise AuthenticationError("token has an invalid nbf")
            if now < nbf - self._skew:
                raise AuthenticationError("token not yet valid")


def _bearer_token(auth_header: str | None) -> str:
    if not auth_header:
        raise AuthenticationError("missing Authorization header")
    scheme, _, token = auth_header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise AuthenticationError("Authorization header is not 'Bearer <token>'")
    return token


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same_service_url(claim: object, service_url: str | None) -> bool:
    """Case-insensitive, ignoring one trailing slash (botbuilder compares exactly)."""
    if not isinstance(claim, str) or not service_url:
        return False
    return claim.rstrip("/").casefold() == service_url.rstrip("/").casefold()
