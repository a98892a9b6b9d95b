"""The Teams notifier: Bot Framework Connector REST calls over aiohttp with a cached token.

Chosen over botbuilder's ``ConnectorClient`` for proactive sends: that client is built on
``msrest``/``requests`` (blocking, so it must run in threads) and its credentials fetch tokens
synchronously. Here every call is a coroutine on one shared ``aiohttp.ClientSession`` (connection
reuse), and the token is fetched once and reused until shortly before it expires.

Anonymous mode (no app id: local development against the Agents Playground) sends no token and
refuses any serviceUrl that is not on a loopback address. With a token, the serviceUrl must be
https on an allowed host (``TELEWORK_SERVICE_URL_HOSTS``), checked before the token is fetched
or sent: the endpoint already refuses other serviceUrls, this guards every other way an address
could reach the ledger.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.core.retry_after import parse_retry_after
from bot.core.service_url import ServiceUrlRule
from domain.delivery import ConversationTarget, SendResult

LOGIN_AUTHORITY = "https://login.microsoftonline.com"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
MULTI_TENANT = "botframework.com"
__all__ = ["BotFrameworkToken", "TeamsConnector", "TokenError", "parse_retry_after"]


class TokenError(Exception):
    """The identity platform refused or failed to issue a token."""


class BotFrameworkToken:
    """Client-credentials token for the Bot Connector, cached until ``margin`` before expiry."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        app_id: str,
        app_password: str,
        *,
        tenant_id: str = MULTI_TENANT,
        authority: str = LOGIN_AUTHORITY,
        scope: str = BOT_FRAMEWORK_SCOPE,
        margin_seconds: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session = session
        self._form = {
            "grant_type": "client_credentials",
            "client_id": app_id,
            "client_secret": app_password,
            "scope": scope,
        }
        self._url = f"{authority.rstrip('/')}/{tenant_id or MULTI_TENANT}/oauth2/v2.0/token"
        self._margin = margin_seconds
        self._monotonic = monotonic
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        if self._token is not None and self._monotonic() < self._expires_at:
            return self._token
        async with self._lock:  # one request refreshes; the others wait for it
            if self._token is not None and self._monotonic() < self._expires_at:
                return self._token
            started = self._monotonic()
            async with self._session.post(self._url, data=self._form) as response:
                body: Any = await response.json(content_type=None)
                if response.status != 200 or "access_token" not in body:
                    error = body.get("error") if isinstance(body, dict) else None
                    raise TokenError(f"token endpoint answered {response.status} ({error})")
            lifetime = float(body.get("expires_in", 3600))
            self._token = str(body["access_token"])
            self._expires_at = started + max(0.0, lifetime - self._margin)
            return self._token

    def invalidate(self) -> None:
        self._token = None


class TeamsConnector:
    """Implements :class:`domain.delivery.ConversationSender` and the calls around it.

    ``service_urls`` applies when there is a token (default: https and the Teams hosts);
    without a token only loopback serviceUrls are used, whatever is passed.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        token: BotFrameworkToken | None,
        *,
        timeout_seconds: float = 15.0,
        service_urls: ServiceUrlRule | None = None,
    ) -> None:
        self._session = session
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._service_urls = (
            ServiceUrlRule.loopback() if token is None else service_urls or ServiceUrlRule()
        )

    async def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self._token is not None:
            headers["Authorization"] = f"Bearer {await self._token.get()}"
        return headers

    def _refused(self, service_url: str) -> str | None:
        reason = self._service_urls.refusal(service_url)
        if reason is None:
            return None
        mode = "anonymous mode" if self._token is None else "the bot"
        return f"{mode} refuses the serviceUrl {service_url[:160]!r}: {reason}"

    async def send(self, target: ConversationTarget, activity: Mapping[str, Any]) -> SendResult:
        """``POST {serviceUrl}/v3/conversations/{id}/activities``; never raises."""
        refused = self._refused(target.service_url)
        if refused:
            return SendResult(http_status=403, error=refused, refused_here=True)
        url = (
            f"{target.service_url.rstrip('/')}/v3/conversations/"
            f"{quote(target.conversation_id, safe='')}/activities"
        )
        body = dict(activity)
        body.setdefault("type", "message")
        for retry_auth in (True, False):
            try:
                return await self._post_activity(url, body, retry_auth)
            except _Unauthorized:
                assert self._token is not None
                self._token.invalidate()
            except TokenError as exc:
                return SendResult(http_status=None, error=str(exc))
            except (aiohttp.ClientError, TimeoutError) as exc:
                return SendResult(http_status=None, error=f"{type(exc).__name__}: {exc}"[:500])
        return SendResult(http_status=401, error="unauthorized after a fresh token")

    async def _post_activity(self, url: str, body: dict[str, Any], retry_auth: bool) -> SendResult:
        async with self._session.post(
            url, json=body, headers=await self._headers(), timeout=self._timeout
        ) as response:
            if response.status == 401 and retry_auth and self._token is not None:
                raise _Unauthorized
            text = await response.text()
            if 200 <= response.status < 300:
                activity_id = None
                try:
                    data = await response.json(content_type=None)
                    activity_id = data.get("id") if isinstance(data, dict) else None
                except ValueError:
                    pass
                return SendResult(http_status=response.status, activity_id=activity_id)
            return SendResult(
                http_status=response.status,
                retry_after_seconds=parse_retry_after(response.headers.get("Retry-After")),
                error=f"HTTP {response.status}: {text[:300]}",
            )

    async def create_personal_conversation(
        self, service_url: str, *, bot_id: str, user_id: str, tenant_id: str | None
    ) -> str:
        """``POST {serviceUrl}/v3/conversations``: the 1:1 conversation id with ``user_id``.

        Call it at install or first contact (and for team members), never during a broadcast.
        """
        refused = self._refused(service_url)
        if refused:
            raise ValueError(refused)
        body: dict[str, Any] = {
            "bot": {"id": bot_id},
            "members": [{"id": user_id}],
            "isGroup": False,
        }
        if tenant_id:
            body["tenantId"] = tenant_id
            body["channelData"] = {"tenant": {"id": tenant_id}}
        async with self._session.post(
            f"{service_url.rstrip('/')}/v3/conversations",
            json=body,
            headers=await self._headers(),
            timeout=self._timeout,
        ) as response:
            response.raise_for_status()
            data = await response.json(content_type=None)
        return str(data["id"])

    async def team_members(
        self, service_url: str, team_id: str, *, page_size: int = 500
    ) -> AsyncIterator[dict[str, Any]]:
        """Every member of a team via ``GET …/pagedmembers`` (follows continuation tokens)."""
        refused = self._refused(service_url)
        if refused:
            raise ValueError(refused)
        url = f"{service_url.rstrip('/')}/v3/conversations/{quote(team_id, safe='')}/pagedmembers"
        token: str | None = None
        while True:
            params: dict[str, str] = {"pageSize": str(page_size)}
            if token:
                params["continuationToken"] = token
            async with self._session.get(
                url, params=params, headers=await self._headers(), timeout=self._timeout
            ) as response:
                response.raise_for_status()
                page = await response.json(content_type=None)
            for member in page.get("members", []):
                yield member
            token = page.get("continuationToken")
            if not token:
                return


class _Unauthorized(Exception):
    """A 401 from the connector: the cached token is refreshed once."""
