"""``POST /api/messages``: our own thin handler in front of botbuilder's CloudAdapter.

botbuilder 4.17's ``CloudAdapter.process`` answers 500 to a bad token and to every invoke that
returns a body; this handler authenticates first (401/403), parses defensively (400/413/415),
then calls ``process_activity`` and returns the invoke response as JSON.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
)

from bot.core.metrics import BotMetrics
from bot.core.settings import is_loopback_host
from bot.teams.activity import tenant_of
from bot.teams.auth import AuthenticationError, BotTokenValidator, KeySetUnavailableError

log = logging.getLogger(__name__)


@dataclass
class MessageEndpoint:
    """Everything the endpoint needs, built by the composition root."""

    adapter: CloudAdapter
    authentication: BotFrameworkAuthentication
    validator: BotTokenValidator | None  # None: anonymous local development
    allowed_tenants: frozenset[str]
    metrics: BotMetrics
    logic: Any  # the bot's on_turn

    async def handle(self, request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        activity_type = "unparsed"
        outcome = "error"
        try:
            response, activity_type = await self._handle(request)
            outcome = str(response.status)
            return response
        finally:
            self.metrics.turns.labels(activity_type=activity_type, outcome=outcome).inc()
            self.metrics.turn_seconds.observe(time.perf_counter() - started)

    async def _handle(self, request: web.Request) -> tuple[web.StreamResponse, str]:
        if request.content_type != "application/json":
            return _problem(415, "expected application/json"), "unparsed"
        try:
            body = await request.read()  # aiohttp answers 413 beyond client_max_size
            data = json.loads(body)
        except web.HTTPRequestEntityTooLarge:
            return _problem(413, "the activity is too large"), "unparsed"
        except (UnicodeDecodeError, json.JSONDecodeError):
            return _problem(400, "malformed JSON"), "unparsed"
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            return _problem(400, "an activity object with a type is required"), "unparsed"
        try:
            activity = Activity().deserialize(data)
        except Exception:  # msrest raises several types for wrongly shaped fields
            return _problem(400, "the activity could not be read"), "unparsed"
        kind = str(activity.type)

        tenant = (tenant_of(activity) or "").lower()
        if self.allowed_tenants and tenant not in self.allowed_tenants:
            log.warning("activity from a tenant that is not allowed", extra={"tenant": tenant})
            return _problem(403, "tenant not allowed"), kind

        if self.validator is None:
            if not _is_loopback_url(activity.service_url):
                return _problem(403, "anonymous mode only replies to a loopback serviceUrl"), kind
            auth: AuthenticateRequestResult = await self.authentication.authenticate_request(
                activity, None
            )
        else:
            try:
                claims = await self.validator.validate(
                    request.headers.get("Authorization"),
                    channel_id=activity.channel_id or "",
                    service_url=activity.service_url,
                )
            except KeySetUnavailableError:
                log.error("the Bot Framework signing keys could not be loaded")
                return _problem(503, "signing keys unavailable"), kind
            except AuthenticationError as exc:
                log.info("rejected an unauthenticated request: %s", exc)
                return _problem(401, "unauthorized"), kind
            auth = self._authenticated(claims)

        started = time.perf_counter()
        invoke = await self.adapter.process_activity(auth, activity, self.logic)
        log.info(
            "turn",
            extra={
                **activity_ids(activity),
                "text_length": len(activity.text or ""),
                "seconds": round(time.perf_counter() - started, 4),
            },
        )
        if invoke is not None:
            return web.json_response(invoke.body, status=int(invoke.status)), kind
        return web.Response(status=201), kind

    def _authenticated(self, claims: dict[str, Any]) -> AuthenticateRequestResult:
        identity = ClaimsIdentity(claims, True)
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        result.caller_id = CallerIdConstants.public_azure_channel
        result.connector_factory = self.authentication.create_connector_factory(identity)
        return result


def _is_loopback_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and is_loopback_host(parts.hostname or "")


def _problem(status: int, detail: str) -> web.Response:
    return web.json_response({"error": detail}, status=status)


def turn_context_ids(context: TurnContext) -> dict[str, str | None]:
    """Ids worth logging for a turn (never the text)."""
    return activity_ids(context.activity)


def activity_ids(activity: Activity) -> dict[str, str | None]:
    """Ids worth logging for an activity (never the text)."""
    return {
        "activity_id": activity.id,
        "activity_type": activity.type,
        "conversation_id": activity.conversation.id if activity.conversation else None,
        "user_id": activity.from_property.id if activity.from_property else None,
        "tenant_id": tenant_of(activity),
    }
