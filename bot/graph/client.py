"""A small Microsoft Graph client: one aiohttp session, the app's cached token, retries.

429 and 5xx (and timeouts) are retried after ``Retry-After`` when Graph sends one (capped),
else after a capped exponential back-off; a 401 refreshes the token once. What is left is
raised as :class:`domain.m365.M365Error`: 403 ``permission`` (the app lacks the permission,
or an application access policy excludes the mailbox), 404 ``unknown_user``, 429 after the
retries ``throttled``, 5xx/timeouts ``unavailable``, other 4xx ``rejected``. Statuses the
caller handles itself (a 409 "already installed") are passed through in ``accept``.

Why not ``msgraph-sdk``: its wheel alone is 29 MB (hundreds of MB installed with Kiota and
azure-identity) for five calls; an import of it takes longer than the whole command line's
start. These five calls are plain JSON over HTTPS.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp

from bot.core.retry_after import parse_retry_after
from bot.graph.token import AppCredential, GraphToken
from domain.m365 import M365Error, M365Failure

log = logging.getLogger(__name__)
RETRIED = frozenset({429, 500, 502, 503, 504})
Sleep = Callable[[float], Awaitable[None]]


def segment(value: str) -> str:
    """A user id or UPN as one URL path segment."""
    return quote(value, safe="@")


def graph_scope(base_url: str) -> str:
    """The ``.default`` scope of the Graph host (``https://graph.microsoft.com/.default``,
    the national clouds' hosts alike)."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}/.default"


@dataclass(frozen=True)
class GraphResponse:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def _error_code(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        return f"{error.get('code', '')}: {str(error.get('message', ''))[:200]}".strip(": ")
    return ""


def failure_of(status: int) -> M365Failure:
    if status == 403:
        return M365Failure.PERMISSION
    if status == 404:
        return M365Failure.UNKNOWN_USER
    if status == 429:
        return M365Failure.THROTTLED
    if status >= 500:
        return M365Failure.UNAVAILABLE
    return M365Failure.REJECTED


class GraphClient:
    """Calls ``{base_url}{path}`` as the app. The session opens on first use (inside the
    running loop) and closes with :meth:`close`."""

    def __init__(
        self,
        base_url: str,
        credential: AppCredential,
        *,
        timeout_seconds: float = 20.0,
        max_attempts: int = 5,
        max_wait_seconds: float = 60.0,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = GraphToken(credential, self._open)
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._attempts = max_attempts
        self._max_wait = max_wait_seconds
        self._sleep = sleep
        self._session: aiohttp.ClientSession | None = None
        self.requests = 0  # requests sent to Graph (the token endpoint not included)

    async def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        accept: Collection[int] = (),
    ) -> GraphResponse:
        """One Graph call with retries; 2xx and ``accept`` statuses are returned."""
        session = await self._open()
        url = f"{self.base_url}{path}"
        refreshed = False
        for attempt in range(1, self._attempts + 1):
            token = await self.token.get()
            headers = {"Authorization": f"Bearer {token}"}
            self.requests += 1
            try:
                async with session.request(method, url, json=json, headers=headers) as response:
                    status = response.status
                    raw = await response.read()
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    reply_headers = {k: v for k, v in response.headers.items()}
            except (aiohttp.ClientError, TimeoutError) as exc:
                if attempt == self._attempts:
                    raise M365Error(M365Failure.UNAVAILABLE, type(exc).__name__) from exc
                await self._sleep(min(2.0**attempt, self._max_wait))
                continue
            body = _json(raw)
            if 200 <= status < 300 or status in accept:
                return GraphResponse(status, body, reply_headers)
            if status == 401 and not refreshed:
                refreshed = True
                self.token.invalidate()
                continue
            if status in RETRIED and attempt < self._attempts:
                wait = retry_after if retry_after is not None else 2.0 ** (attempt - 1)
                log.info("graph %s %s: %s, retrying in %.1f s", method, path, status, wait)
                await self._sleep(min(wait, self._max_wait))
                continue
            raise M365Error(failure_of(status), f"HTTP {status} {_error_code(body)}".strip())
        raise M365Error(M365Failure.UNAVAILABLE, "no attempt left")


def _json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return jsonlib.loads(raw)
    except ValueError:
        return None
