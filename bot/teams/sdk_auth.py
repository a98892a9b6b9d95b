"""botbuilder's authentication object, with the per-turn clients cached.

``CloudAdapter.process_activity`` asks for a new ``UserTokenClient`` and a new
``ConnectorClient`` (through a new connector factory) on every turn. Building each (msrest's
pipeline and retry policy set-up, a new HTTP session for the reply) costs about as much CPU as
the rest of a help turn (bench/turns.py, py-spy), and a new session means a new connection for
every reply. The bot uses no OAuth sign-in, so one user-token client per app id is enough, and
one connector client per (app id, serviceUrl, audience) serves every turn: its credentials cache
their token, and its HTTP session keeps its connections. Everything else is delegated unchanged.
"""

from __future__ import annotations

import contextlib
from typing import Any

from botframework.connector.auth import (
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
)
from botframework.connector.auth.connector_factory import ConnectorFactory


class CachingBotFrameworkAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """Delegates to ``inner``; ``create_user_token_client`` is built once per app id."""

    def __init__(self, inner: BotFrameworkAuthentication, *, max_clients: int = 64) -> None:
        self._inner = inner
        self._user_token_clients: dict[str, Any] = {}
        self._connector_clients: dict[tuple[str, str, str], Any] = {}
        self._max_clients = max_clients

    async def close(self) -> None:
        """Close the cached connector clients' HTTP sessions (on shutdown)."""
        clients, self._connector_clients = list(self._connector_clients.values()), {}
        for client in clients:
            with contextlib.suppress(Exception):
                await client.__aexit__(None, None, None)

    async def authenticate_request(self, activity: Any, auth_header: Any) -> Any:
        # The anonymous path (no validator: bot.teams.endpoint) authenticates here, and the
        # result carries the inner factory, which would build a client per turn.
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = _CachingConnectorFactory(
                self, _app_id(result.claims_identity), result.connector_factory
            )
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> Any:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> Any:
        return _CachingConnectorFactory(
            self, _app_id(claims_identity), self._inner.create_connector_factory(claims_identity)
        )

    async def _connector_client(self, key: tuple[str, str, str], inner: ConnectorFactory) -> Any:
        client = self._connector_clients.get(key)
        if client is None:
            client = await inner.create(key[1], key[2] or None)
            # serviceUrls are few; past the bound (a flood of odd ones) build one per turn.
            if len(self._connector_clients) < self._max_clients:
                self._connector_clients[key] = client
        return client

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> Any:
        app_id = _app_id(claims_identity)
        client = self._user_token_clients.get(app_id)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._user_token_clients[app_id] = client
        return client

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return str(self._inner.get_originating_audience())

    async def authenticate_channel_request(self, auth_header: str) -> Any:
        return await self._inner.authenticate_channel_request(auth_header)


def _app_id(claims_identity: ClaimsIdentity) -> str:
    claims = claims_identity.claims or {}
    return str(
        claims.get(AuthenticationConstants.AUDIENCE_CLAIM)
        or claims.get(AuthenticationConstants.APP_ID_CLAIM)
        or ""
    )


class _CachingConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """The turn's connector factory, handing out the cached client for its serviceUrl."""

    def __init__(
        self, owner: CachingBotFrameworkAuthentication, app_id: str, inner: ConnectorFactory
    ) -> None:
        self._owner = owner
        self._app_id = app_id
        self._inner = inner

    async def create(self, service_url: str, audience: str | None = None) -> Any:
        key = (self._app_id, service_url, audience or "")
        return await self._owner._connector_client(key, self._inner)
