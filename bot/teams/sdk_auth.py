"""botbuilder's authentication object, with the per-turn user-token client cached.

``CloudAdapter.process_activity`` asks for a new ``UserTokenClient`` on every turn, and
building one (msrest's retry policy set-up) costs about as much CPU as the rest of a help
turn (bench/turns.py, py-spy). The bot uses no OAuth sign-in, so one client per app id is
enough; everything else is delegated unchanged.
"""

from __future__ import annotations

from typing import Any

from botframework.connector.auth import (
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
)


class CachingBotFrameworkAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """Delegates to ``inner``; ``create_user_token_client`` is built once per app id."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._user_token_clients: dict[str, Any] = {}

    async def authenticate_request(self, activity: Any, auth_header: Any) -> Any:
        return await self._inner.authenticate_request(activity, auth_header)

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> Any:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> Any:
        return self._inner.create_connector_factory(claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> Any:
        claims = claims_identity.claims or {}
        app_id = str(
            claims.get(AuthenticationConstants.AUDIENCE_CLAIM)
            or claims.get(AuthenticationConstants.APP_ID_CLAIM)
            or ""
        )
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
