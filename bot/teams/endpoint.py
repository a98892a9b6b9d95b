"""``POST /api/messages``: our own thin handler in front of botbuilder's CloudAdapter.

botbuilder 4.17's ``CloudAdapter.process`` answers 500 to a bad token and to every invoke that
returns a body; this handler parses defensively (400/413/415), authenticates (401), checks the
serviceUrl and the tenant (403), then calls ``process_activity`` and returns the invoke
response as JSON. Nothing is saved, recorded or sent before every check has passed.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ActivityTypes, CallerIdConstants
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
)

from bot.core.metrics import BotMetrics
from bot.core.service_url import ServiceUrlRule, is_loopback_host
from bot.teams.activity import tenant_of
from bot.teams.auth import AuthenticationError, BotTokenValidator, KeySetUnavailableError

log = logging.getLogger(__name__)

# Metric labels are a closed set, so no request can add a time series: the activity types
# botbuilder knows, "other" for the rest, and two labels for requests never read or trusted.
ACTIVITY_TYPE_LABELS: Final = frozenset(str(t.value) for t in ActivityTypes)
UNPARSED: Final = "unparsed"
UNAUTHENTICATED: Final = "unauthenticated"
OTHER: Final = "other"

# Deeper JSON is refused (400) before msrest or the bot walks it: Teams activities nest a
# dozen levels at most, and Python's recursion limit is about 1000.
MAX_JSON_DEPTH: Final = 64
# Values taken from a request are cut to this length in logs (Teams conversation ids reach
# ~140 characters; a forged one could fill the whole body).
MAX_LOGGED_LENGTH: Final = 160


def activity_type_label(kind: object) -> str:
    """The metric label for an activity's type: a type botbuilder knows, else "other"."""
    return kind if isinstance(kind, str) and kind in ACTIVITY_TYPE_LABELS else OTHER


def loggable(value: object) -> str | None:
    """A value taken from a request, fit for a log line: a string of bounded length."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= MAX_LOGGED_LENGTH else text[:MAX_LOGGED_LENGTH] + "…"


class _TooDeep(ValueError):
    """JSON nested deeper than :data:`MAX_JSON_DEPTH`."""


def _check_depth(data: object, limit: int = MAX_JSON_DEPTH) -> None:
    """Raise :class:`_TooDeep` when lists/objects nest deeper than ``limit`` (no recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children: Any
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            raise _TooDeep
        stack.extend((child, depth + 1) for child in children)


@dataclass
class MessageEndpoint:
    """Everything the endpoint needs, built by the composition root."""

    adapter: CloudAdapter
    authentication: BotFrameworkAuthentication
    validator: BotTokenValidator | None  # None: anonymous local development
    allowed_tenants: frozenset[str]
    metrics: BotMetrics
    logic: Any  # the bot's on_turn
    # Authenticated: https and an allowed host; anonymous: loopback (see bot.core.service_url).
    service_urls: ServiceUrlRule

    async def handle(self, request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        label = UNPARSED
        outcome = "error"
        try:
            response, label = await self._handle(request)
            outcome = str(response.status)
            return response
        finally:
            self.metrics.turns.labels(activity_type=label, outcome=outcome).inc()
            self.metrics.turn_seconds.observe(time.perf_counter() - started)

    async def _handle(self, request: web.Request) -> tuple[web.StreamResponse, str]:
        """The response and its metric label (never a value taken from the request)."""
        if request.content_type != "application/json":
            return _problem(415, "expected application/json"), UNPARSED
        try:
            body = await request.read()  # aiohttp answers 413 beyond client_max_size
            data = json.loads(body)
            _check_depth(data)
        except web.HTTPRequestEntityTooLarge:
            return _problem(413, "the activity is too large"), UNPARSED
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, _TooDeep):
            return _problem(400, "malformed JSON"), UNPARSED
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            return _problem(400, "an activity object with a type is required"), UNPARSED
        try:
            activity = Activity().deserialize(data)
        except Exception:  # msrest raises several types (RecursionError too) for odd shapes
            return _problem(400, "the activity could not be read"), UNPARSED

        # Who is calling first, then where replies would go, then the tenant: a caller who is
        # not authenticated learns nothing about the allow-lists (401 whatever they name).
        if self.validator is None:
            if refused := self._refused_service_url(activity):
                return refused, UNAUTHENTICATED
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
                return _problem(503, "signing keys unavailable"), UNAUTHENTICATED
            except AuthenticationError as exc:
                log.info("rejected an unauthenticated request: %s", exc)
                return _problem(401, "unauthorized"), UNAUTHENTICATED
            if refused := self._refused_service_url(activity):
                return refused, activity_type_label(activity.type)
            auth = self._authenticated(claims)
        kind = activity_type_label(activity.type)

        tenant = (tenant_of(activity) or "").lower()
        if self.allowed_tenants and tenant not in self.allowed_tenants:
            log.warning(
                "activity from a tenant that is not allowed", extra={"tenant": loggable(tenant)}
            )
            return _problem(403, "tenant not allowed"), kind

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

    def _refused_service_url(self, activity: Activity) -> web.Response | None:
        """403 unless replies to this activity would go to an allowed serviceUrl."""
        reason = self.service_urls.refusal(activity.service_url)
        if reason is None:
            return None
        log.warning(
            "refused an activity's serviceUrl: %s",
            reason,
            extra={"service_url": loggable(activity.service_url)},
        )
        if self.service_urls.loopback_only:
            return _problem(403, "anonymous mode only replies to a loopback serviceUrl")
        return _problem(403, "serviceUrl not allowed")

    def _authenticated(self, claims: dict[str, Any]) -> AuthenticateRequestResult:
        identity = ClaimsIdentity(claims, True)
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        result.caller_id = CallerIdConstants.public_azure_channel
        result.connector_factory = self.authentication.create_connector_factory(identity)
        return result


# host[:port] or [ipv6][:port]
_HOST_HEADER = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::[0-9]{1,5})?")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def local_requests_only(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Anonymous mode: only requests addressed to a loopback host, and none from a web page.

    The server binds loopback, but a web page can still reach it by DNS rebinding (its own
    domain re-resolved to 127.0.0.1): such requests carry that domain in ``Host`` and, when
    scripted, an ``Origin`` header. Local tools (the Agents Playground, curl) send neither.
    """
    if "Origin" in request.headers:
        log.warning("anonymous mode refused a request with an Origin header")
        return _problem(403, "requests from web pages are refused in anonymous mode")
    host = request.headers.get("Host", "")
    match = _HOST_HEADER.fullmatch(host)
    if match is None or not is_loopback_host(match.group(1)):
        log.warning("anonymous mode refused a Host header", extra={"host": loggable(host)})
        return _problem(403, "anonymous mode only answers requests to a loopback host")
    return await handler(request)


def _problem(status: int, detail: str) -> web.Response:
    return web.json_response({"error": detail}, status=status)


def turn_context_ids(context: TurnContext) -> dict[str, str | None]:
    """Ids worth logging for a turn (never the text)."""
    return activity_ids(context.activity)


def activity_ids(activity: Activity) -> dict[str, str | None]:
    """Ids worth logging for an activity (never the text), each of bounded length."""
    return {
        "activity_id": loggable(activity.id),
        "activity_type": loggable(activity.type),
        "conversation_id": loggable(activity.conversation.id if activity.conversation else None),
        "user_id": loggable(activity.from_property.id if activity.from_property else None),
        "tenant_id": loggable(tenant_of(activity)),
    }
