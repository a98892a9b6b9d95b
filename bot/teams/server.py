"""The Teams edge's HTTP server: the aiohttp application around botbuilder's adapter.

Nothing is built at import time. Resources open and close in ``cleanup_ctx``; shared objects
sit in typed ``web.AppKey`` slots. The channel-neutral wiring is ``bot.app``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

import aiohttp
from aiohttp import web
from botbuilder.core import BotAdapter, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, InvokeResponse
from sqlalchemy import text as sql

from bot.app import Application, Clock, build_application, scheduled_jobs, system_clock
from bot.core.language import choose_language
from bot.core.metrics import BotMetrics
from bot.core.service_url import ServiceUrlRule
from bot.core.settings import AppType, Settings
from bot.core.turn_limit import TurnRateLimit
from bot.teams.activity import locale_of
from bot.teams.auth import BotTokenValidator, OpenIdKeySet, entra_issuers, entra_metadata_url
from bot.teams.endpoint import MessageEndpoint, local_requests_only, turn_context_ids
from bot.teams.handler import MESSAGE_INVOKE_TYPE, TeleworkBot
from bot.teams.loopback import TerminalInbox
from bot.teams.metrics_http import serve_metrics
from bot.teams.pages import add_pages
from bot.teams.proactive import ProactiveEngine, build_proactive
from bot.teams.sdk_auth import CachingBotFrameworkAuthentication
from bot.teams.team_install import TeamConversations
from bot.ui.texts import text
from domain.policy import QuietHours
from scheduler.metrics import DeliveryMetrics
from storage.migrate import DatabaseNotMigrated, ensure_migrated

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
METRICS = web.AppKey("metrics", BotMetrics)


PROACTIVE = web.AppKey("proactive", ProactiveEngine)


class FunctionClock:
    """domain.delivery.Clock over the app's clock function (frozen in tests)."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now()


@dataclass
class TeamsEdge:
    """The application behind the Teams activity handler."""

    application: Application
    bot: TeleworkBot
    metrics: BotMetrics
    team_conversations: TeamConversations
    terminal: TerminalInbox = field(default_factory=TerminalInbox)  # terminal chats open here

    async def close(self) -> None:
        await self.team_conversations.close()
        await self.application.close()


EDGE = web.AppKey("edge", TeamsEdge)


def build_edge(
    settings: Settings, metrics: BotMetrics, *, clock: Clock = system_clock
) -> TeamsEdge:
    """The application and its Teams handler (no I/O yet)."""
    application = build_application(settings, clock=clock)
    team_conversations = TeamConversations(application.turns)
    limit = TurnRateLimit(settings.turn_rate_per_minute, clock=lambda: clock().timestamp())
    return TeamsEdge(
        application=application,
        bot=TeleworkBot(application, team_conversations, limit),
        metrics=metrics,
        team_conversations=team_conversations,
    )


def install_turn_error_handler(adapter: BotAdapter, edge: TeamsEdge) -> None:
    """One place for unexpected errors: log with ids, answer with an incident id."""

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        incident = uuid.uuid4().hex[:8]
        edge.metrics.turn_errors.inc()
        log.error(
            "turn failed",
            exc_info=error,
            extra={"incident": incident, **turn_context_ids(context)},
        )
        lang = choose_language(locale=locale_of(context.activity))
        friendly = text(lang, "error.incident", incident=incident)
        try:
            if context.activity.type == ActivityTypes.invoke:
                context.turn_state[BotAdapter._INVOKE_RESPONSE_KEY] = Activity(
                    type=ActivityTypes.invoke_response,
                    value=InvokeResponse(
                        status=200,
                        body={
                            "statusCode": 200,
                            "type": MESSAGE_INVOKE_TYPE,
                            "value": friendly,
                        },
                    ),
                )
            else:
                await context.send_activity(MessageFactory.text(friendly))
        except Exception:  # the channel itself may be what failed
            log.exception("could not tell the user about incident %s", incident)

    adapter.on_turn_error = on_turn_error


def _count_outbound(metrics: BotMetrics) -> object:
    class OutboundCounter:
        async def on_turn(self, context: TurnContext, logic: object) -> None:
            async def count(_ctx: TurnContext, activities: list[Activity], send: object) -> object:
                metrics.outbound_calls.labels(operation="send_activity").inc(len(activities))
                return await send()  # type: ignore[operator]

            context.on_send_activities(count)
            await logic()  # type: ignore[operator]

    return OutboundCounter()


def create_app(
    settings: Settings, *, check_migrations: bool = True, clock: Clock = system_clock
) -> web.Application:
    """The aiohttp application. Opens the database and HTTP sessions on startup."""
    # Anonymous mode binds loopback; the middleware also refuses DNS-rebinding requests.
    middlewares = [local_requests_only] if settings.anonymous else []
    app = web.Application(client_max_size=settings.max_body_bytes, middlewares=middlewares)
    metrics = BotMetrics()
    app[SETTINGS] = settings
    app[METRICS] = metrics
    endpoint_holder: dict[str, MessageEndpoint] = {}

    async def resources(app: web.Application) -> AsyncIterator[None]:
        edge = build_edge(settings, metrics, clock=clock)
        application = edge.application
        if check_migrations:
            await ensure_migrated(application.engine)
        http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        authentication = CachingBotFrameworkAuthentication(
            ConfigurationBotFrameworkAuthentication(_sdk_configuration(settings))
        )
        adapter = CloudAdapter(authentication)
        adapter.use(_count_outbound(metrics))
        install_turn_error_handler(adapter, edge)
        validator = None
        service_urls = ServiceUrlRule.loopback()
        if not settings.anonymous:
            service_urls = ServiceUrlRule.allow_list(settings.service_url_hosts)
            extra: dict[str, OpenIdKeySet] = {}
            if settings.app_type == AppType.SINGLE_TENANT:
                # Single-tenant registrations may also receive Entra-issued tokens, accepted
                # only when the bot's own app asked for them (bot.teams.auth).
                entra = OpenIdKeySet(
                    http,
                    settings.entra_metadata_url or entra_metadata_url(settings.app_tenant_id),
                )
                extra = dict.fromkeys(entra_issuers(settings.app_tenant_id), entra)
            validator = BotTokenValidator(
                app_id=settings.app_id,
                key_set=OpenIdKeySet(http, settings.openid_metadata_url),
                extra_key_sets=extra,
            )
        endpoint_holder["endpoint"] = MessageEndpoint(
            adapter=adapter,
            authentication=authentication,
            validator=validator,
            allowed_tenants=settings.allowed_tenants,
            metrics=metrics,
            logic=edge.bot.on_turn,
            service_urls=service_urls,
        )
        app[EDGE] = edge
        proactive = None
        if settings.scheduler_enabled:
            proactive = build_proactive(
                settings,
                application.engine,
                http,
                DeliveryMetrics(metrics.registry),
                FunctionClock(clock),
                jobs=scheduled_jobs(settings, application),
                terminal=edge.terminal,
                window=QuietHours(application.services.policy, application.services.calendar),
            )
            application.services.doorbell.attach(proactive.dispatcher.wake)
            edge.team_conversations.attach(proactive.connector)
            await proactive.start()
            app[PROACTIVE] = proactive
        try:
            yield
        finally:
            if proactive is not None:
                await proactive.stop()
            await http.close()
            await edge.close()
            await authentication.close()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await endpoint_holder["endpoint"].handle(request)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def readyz(request: web.Request) -> web.Response:
        engine = request.app[EDGE].application.engine
        try:
            async with engine.connect() as conn:
                await conn.execute(sql("SELECT 1"))
            await ensure_migrated(engine)
        except DatabaseNotMigrated as exc:
            # The detail names the database's host, user and name: for the log, not for an
            # unauthenticated caller.
            log.warning("not ready: %s", exc)
            return web.json_response(
                {"status": "not ready", "reason": "database not migrated"}, status=503
            )
        except Exception as exc:
            log.warning("readiness check failed: %s", type(exc).__name__)
            return web.json_response(
                {"status": "not ready", "reason": "database unreachable"}, status=503
            )
        return web.json_response({"status": "ready"})

    app.cleanup_ctx.append(resources)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    serve_metrics(app, settings, metrics)  # a listener of its own and/or a bearer token
    add_pages(app, settings)  # /, /privacy, /terms: the links of the Teams app package
    return app


def _sdk_configuration(settings: Settings) -> SimpleNamespace:
    """The attribute bag botbuilder's ConfigurationBotFrameworkAuthentication reads."""
    return SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        APP_TYPE=settings.app_type.value if settings.app_id else AppType.MULTI_TENANT.value,
        APP_TENANTID=settings.app_tenant_id,
    )
