"""App-only tokens for Microsoft Graph: the OAuth 2.0 client-credentials grant, with a client
secret or a certificate (a signed client assertion, RFC 7523), cached until shortly before
they expire.

Why not MSAL: its token calls are synchronous (``requests``), so each would need a thread; the
grant is one form POST, which this module makes on the client's own aiohttp session. PyJWT
(already a dependency, for the Bot Framework token checks) signs the certificate's assertion.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import jwt
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, load_pem_private_key, pkcs12

from domain.m365 import M365Error, M365Failure

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Certificate:
    """The Entra app's certificate: its private key and the certificate's thumbprints."""

    key: RSAPrivateKey = field(repr=False)
    sha256_thumbprint: str
    sha1_thumbprint: str

    @classmethod
    def load(cls, path: Path, password: str = "") -> Certificate:
        """A PEM file holding the private key and the certificate, or a PKCS#12 file
        (.pfx/.p12). Read once at start-up, never on the event loop."""
        data = path.read_bytes()
        secret = password.encode() or None
        if b"-----BEGIN" in data:
            key: Any = load_pem_private_key(data, secret)
            certificate: x509.Certificate | None = x509.load_pem_x509_certificate(data)
        else:
            key, certificate, _chain = pkcs12.load_key_and_certificates(data, secret)
        if not isinstance(key, RSAPrivateKey) or certificate is None:
            raise ValueError("the certificate file needs an RSA private key and its certificate")
        der = certificate.public_bytes(Encoding.DER)
        return cls(
            key=key,
            sha256_thumbprint=_b64url(hashlib.sha256(der).digest()),
            sha1_thumbprint=_b64url(hashlib.sha1(der, usedforsecurity=False).digest()),
        )

    def assertion(self, client_id: str, audience: str, now: float) -> str:
        """A signed client assertion (valid 10 minutes) for the token endpoint ``audience``."""
        claims = {
            "aud": audience,
            "iss": client_id,
            "sub": client_id,
            "jti": uuid.uuid4().hex,
            "nbf": int(now),
            "iat": int(now),
            "exp": int(now) + 600,
        }
        headers = {"x5t#S256": self.sha256_thumbprint, "x5t": self.sha1_thumbprint}
        return jwt.encode(claims, self.key, algorithm="RS256", headers=headers)


@dataclass(frozen=True)
class AppCredential:
    """The Entra app and one credential: a client secret or a certificate."""

    token_url: str
    client_id: str
    scope: str
    secret: str = field(default="", repr=False)
    certificate: Certificate | None = None

    def form(self, now: float) -> dict[str, str]:
        body = {"grant_type": "client_credentials", "client_id": self.client_id}
        body["scope"] = self.scope
        if self.certificate is not None:
            body["client_assertion_type"] = ASSERTION_TYPE
            body["client_assertion"] = self.certificate.assertion(
                self.client_id, self.token_url, now
            )
        else:
            body["client_secret"] = self.secret
        return body


class GraphToken:
    """The app's access token, fetched once and reused until ``margin`` before expiry."""

    def __init__(
        self,
        credential: AppCredential,
        session: Callable[[], Awaitable[aiohttp.ClientSession]],
        *,
        margin_seconds: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self._credential = credential
        self._session = session
        self._margin = margin_seconds
        self._monotonic = monotonic
        self._wall = wall
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        self.fetched = 0  # how many tokens were requested (tests, `graph check`)

    async def get(self) -> str:
        if self._token is not None and self._monotonic() < self._expires_at:
            return self._token
        async with self._lock:  # one request refreshes; the others wait for it
            if self._token is not None and self._monotonic() < self._expires_at:
                return self._token
            started = self._monotonic()
            body = await self._fetch()
            lifetime = float(body.get("expires_in", 3600))
            self._token = str(body["access_token"])
            self._expires_at = started + max(0.0, lifetime - self._margin)
            return self._token

    async def _fetch(self) -> dict[str, Any]:
        session = await self._session()
        self.fetched += 1
        try:
            async with session.post(
                self._credential.token_url, data=self._credential.form(self._wall())
            ) as response:
                body: Any = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise M365Error(M365Failure.UNAVAILABLE, f"token: {type(exc).__name__}") from exc
        if response.status != 200 or not isinstance(body, dict) or "access_token" not in body:
            error = body.get("error") if isinstance(body, dict) else None
            failure = M365Failure.UNAVAILABLE if response.status >= 500 else M365Failure.REJECTED
            raise M365Error(failure, f"token endpoint answered {response.status} ({error})")
        return body

    def invalidate(self) -> None:
        self._token = None
