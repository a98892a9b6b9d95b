"""A local OpenID provider for authentication tests: serves a configuration document and a JWKS
on 127.0.0.1 and signs tokens, including deliberately bad ones (alg "none", HS256 confusion).

    async with LocalIdentityProvider() as idp:
        key_set = OpenIdKeySet(session, idp.metadata_url)
        token = idp.sign(valid_claims(APP_ID, SERVICE_URL))
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from types import TracebackType
from typing import Any

import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


def new_rsa_key() -> rsa.RSAPrivateKey:
    """A fresh 2048-bit RSA private key."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def valid_claims(
    app_id: str,
    service_url: str,
    *,
    issuer: str = BOT_FRAMEWORK_ISSUER,
    now: float | None = None,
) -> dict[str, Any]:
    """Claims shaped like a Bot Framework channel token to ``app_id``, valid for an hour."""
    issued = int(time.time() if now is None else now)
    return {
        "serviceurl": service_url,
        "nbf": issued - 60,
        "exp": issued + 3600,
        "iat": issued - 60,
        "iss": issuer,
        "aud": app_id,
    }


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class LocalIdentityProvider:
    """An OpenID provider on 127.0.0.1 (random port) with one signing key at the start.

    ``keys`` is the served JWKS list: tests may append to it (``add_key``) to rotate keys.
    ``metadata_requests`` / ``jwks_requests`` count fetches; set ``fail_status`` to make both
    endpoints answer that HTTP status.
    """

    def __init__(
        self,
        *,
        kid: str = "key-1",
        endorsements: list[str] | None = None,
    ) -> None:
        self.kid = kid
        self.private_key = new_rsa_key()
        self.keys: list[dict[str, Any]] = []
        self._private_keys: dict[str, rsa.RSAPrivateKey] = {}
        self.metadata_requests = 0
        self.jwks_requests = 0
        self.fail_status: int | None = None
        self._server: TestServer | None = None
        self.add_key(kid, self.private_key, endorsements=endorsements)

    def add_key(
        self,
        kid: str,
        key: rsa.RSAPrivateKey | None = None,
        *,
        endorsements: list[str] | None = None,
    ) -> rsa.RSAPrivateKey:
        """Publish a (new) public key under ``kid``; returns its private key for signing."""
        key = key or new_rsa_key()
        jwk: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
        jwk.update({"kid": kid, "use": "sig"})
        if endorsements is not None:
            jwk["endorsements"] = endorsements
        self.keys.append(jwk)
        self._private_keys[kid] = key
        return key

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/keys", self._jwks)
        self._server = TestServer(app, host="127.0.0.1", port=0)
        await self._server.start_server()

    async def close(self) -> None:
        if self._server is not None:
            await self._server.close()

    async def __aenter__(self) -> LocalIdentityProvider:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the provider first"
        return f"http://127.0.0.1:{self._server.port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/.well-known/openidconfiguration"

    async def _metadata(self, request: web.Request) -> web.Response:
        self.metadata_requests += 1
        if self.fail_status is not None:
            return web.Response(status=self.fail_status)
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "jwks_uri": f"{self.base_url}/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _jwks(self, request: web.Request) -> web.Response:
        self.jwks_requests += 1
        if self.fail_status is not None:
            return web.Response(status=self.fail_status)
        return web.json_response({"keys": self.keys})

    def sign(
        self,
        claims: dict[str, Any],
        *,
        kid: str | None = None,
        key: rsa.RSAPrivateKey | bytes | None = None,
        alg: str = "RS256",
        headers: dict[str, Any] | None = None,
    ) -> str:
        """A compact JWT over ``claims``.

        ``kid`` defaults to the first key's; ``key`` defaults to the private key published under
        that kid. ``alg="none"`` makes an unsigned token; ``alg="HS256"`` signs with ``key``
        as an HMAC secret (bytes), which PyJWT itself refuses for PEM keys, so it is done here.
        """
        kid = self.kid if kid is None else kid
        header: dict[str, Any] = {"typ": "JWT", "alg": alg, "kid": kid, **(headers or {})}
        if alg == "none" or alg.startswith("HS"):
            signing_input = (
                _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
            )
            if alg == "none":
                return signing_input + "."
            assert isinstance(key, bytes), "HS* needs a bytes secret"
            digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
            mac = hmac.new(key, signing_input.encode("ascii"), digest[alg]).digest()
            return signing_input + "." + _b64(mac)
        private = key if key is not None else self._private_keys.get(kid, self.private_key)
        assert isinstance(private, rsa.RSAPrivateKey)
        extra = {k: v for k, v in header.items() if k != "alg"}
        return jwt.encode(claims, private, algorithm=alg, headers=extra)
