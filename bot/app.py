"""The composition root: settings → engine → repositories → bot → adapter → aiohttp app.

Nothing is built at import time. Resources open and close in ``cleanup_ctx``; shared objects
sit in typed ``web.AppKey`` slots.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

import aiohttp
from aiohttp import web
from botbuilder.core import BotAdapter, ConversationState, MessageFactory, TurnContext, UserState
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, InvokeResponse
from sqlalchemy import text as sql
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.auth import BotTokenValidator, OpenIdKeySet, entra_issuers, entra_metadata_url
from bot.campaign_chat import CampaignChat
from bot.context import Features
from bot.http import MessageEndpoint, local_requests_only, turn_context_ids
from bot.jobs import DEFAULT_CRONS as REMINDER_CRONS
from bot.jobs import job_handlers
from bot.jobs_approvals import DEFAULT_CRON as APPROVALS_CRON
from bot.jobs_approvals import JOB_ID as APPROVALS_JOB
from bot.jobs_approvals import approvals_reminder
from bot.language import choose_language
from bot.meeting_desk import MeetingDesk
from bot.meeting_jobs import DEFAULT_CRON as MEETINGS_CRON
from bot.meeting_jobs import JOB_ID as MEETINGS_JOB
from bot.meeting_jobs import meeting_job
from bot.metrics import BotMetrics
from bot.nudges import ReminderServices
from bot.proactive import ProactiveEngine, build_proactive
from bot.reminder_settings import ReminderSettings
from bot.sdk_auth import CachingBotFrameworkAuthentication
from bot.service_url import ServiceUrlRule
from bot.settings import AppType, Settings, SettingsError
from bot.team_install import TeamConversations
from bot.teams_bot import MESSAGE_INVOKE_TYPE, TeleworkBot
from bot.texts import text
from bot.turn import locale_of
from bot.turn_limit import TurnRateLimit
from dialogs.sql_storage import SqlStorage
from domain.policy import load_policy
from scheduler.clock import ScheduledJob
from scheduler.metrics import DeliveryMetrics
from storage.campaigns import SqlCampaigns
from storage.dialog_state import DialogStateStore
from storage.engine import create_engine, session_factory
from storage.identity import SqlEventLog, SqlTurnRecorder
from storage.ledger_admin import SqlDeliveryReports
from storage.meeting_teams import SqlSubTeams
from storage.meetings import SqlMeetings
from storage.migrate import DatabaseNotMigrated, ensure_migrated
from storage.org import SqlOrganisation
from storage.report_queries import SqlReportQueries
from storage.schedule import SqlSchedule

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
METRICS = web.AppKey("metrics", BotMetrics)


@dataclass
class Services:
    """The wired application, shared by the HTTP server and the terminal chat."""

    engine: AsyncEngine
    bot: TeleworkBot
    metrics: BotMetrics
    features: Features
    meetings: MeetingDesk
    reminders: ReminderServices
    team_conversations: TeamConversations

    async def close(self) -> None:
        await self.engine.dispose()


SERVICES = web.AppKey("services", Services)
PROACTIVE = web.AppKey("proactive", ProactiveEngine)


class FunctionClock:
    """domain.delivery.Clock over the app's clock function (frozen in tests)."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now()


Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def build_services(
    settings: Settings, metrics: BotMetrics, *, clock: Clock = system_clock
) -> Services:
    """Wire storage, policy and the bot (no I/O yet; a bad policy file raises PolicyError)."""
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    storage = SqlStorage(DialogStateStore(engine))
    policy = load_policy(settings.policy_file)
    calendar = policy.work_calendar()
    meetings = MeetingDesk(
        SqlMeetings(sessions, calendar, clock=clock), SqlSubTeams(sessions, clock=clock)
    )
    features = Features(
        directory=SqlOrganisation(sessions),
        schedule=SqlSchedule(sessions, clock=clock),
        policy=policy,
        calendar=calendar,
        admins=settings.admins,
        now=clock,
        deliveries=SqlDeliveryReports(engine),
        reports=SqlReportQueries(engine, calendar.time_zone),
        campaigns=SqlCampaigns(sessions),
    )
    reminders = ReminderServices.build(engine, features)
    turns = SqlTurnRecorder(sessions)
    team_conversations = TeamConversations(turns)
    bot = TeleworkBot(
        conversation_state=ConversationState(storage),
        user_state=UserState(storage),
        turns=turns,
        events=SqlEventLog(sessions),
        features=features,
        meetings=meetings,
        extra_handlers={
            **ReminderSettings(reminders).handlers(),
            **CampaignChat(reminders).handlers(),
        },
        team_conversations=team_conversations,
        turn_limit=TurnRateLimit(settings.turn_rate_per_minute, clock=lambda: clock().timestamp()),
    )
    return Services(
        engine=engine,
        bot=bot,
        metrics=metrics,
        features=features,
        meetings=meetings,
        reminders=reminders,
        team_conversations=team_conversations,
    )


def install_turn_error_handler(adapter: BotAdapter, services: Services) -> None:
    """One place for unexpected errors: log with ids, answer with an incident id, reset."""

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        incident = uuid.uuid4().hex[:8]
        services.metrics.turn_errors.inc()
        log.error(
            "turn failed",
            exc_info=error,
            extra={"incident": incident, **turn_context_ids(context)},
        )
        lang = choose_language(preference=None, text=None, locale=locale_of(context.activity))
        friendly = text(lang, "error.incident", incident=incident)
        try:
            await services.bot.reset(context)
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


def scheduled_jobs(settings: Settings, services: Services) -> list[ScheduledJob]:
    """Every scheduled job with its default crontab, overridable by TELEWORK_JOB_SCHEDULES."""
    defaults = [
        (APPROVALS_JOB, APPROVALS_CRON, approvals_reminder(services.features, services.engine)),
        (
            MEETINGS_JOB,
            MEETINGS_CRON,
            meeting_job(services.features, services.meetings, session_factory(services.engine)),
        ),
        *(
            (job_id, REMINDER_CRONS[job_id], handler)
            for job_id, handler in job_handlers(services.reminders).items()
        ),
    ]
    unknown = set(settings.job_schedules) - {job_id for job_id, _cron, _handler in defaults}
    if unknown:
        raise SettingsError(f"TELEWORK_JOB_SCHEDULES: unknown jobs {sorted(unknown)}")
    return [
        ScheduledJob(job_id, settings.job_schedules.get(job_id, cron), handler)
        for job_id, cron, handler in defaults
    ]


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
        services = build_services(settings, metrics, clock=clock)
        if check_migrations:
            await ensure_migrated(services.engine)
        http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        authentication = CachingBotFrameworkAuthentication(
            ConfigurationBotFrameworkAuthentication(_sdk_configuration(settings))
        )
        adapter = CloudAdapter(authentication)
        adapter.use(_count_outbound(metrics))
        install_turn_error_handler(adapter, services)
        validator = None
        service_urls = ServiceUrlRule.loopback()
        if not settings.anonymous:
            service_urls = ServiceUrlRule.allow_list(settings.service_url_hosts)
            extra: dict[str, OpenIdKeySet] = {}
            if settings.app_type == AppType.SINGLE_TENANT:
                # Single-tenant registrations may also receive Entra-issued tokens, accepted
                # only when the bot's own app asked for them (bot.auth).
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
            logic=services.bot.on_turn,
            service_urls=service_urls,
        )
        app[SERVICES] = services
        proactive = None
        if settings.scheduler_enabled:
            proactive = build_proactive(
                settings,
                services.engine,
                http,
                DeliveryMetrics(metrics.registry),
                FunctionClock(clock),
                jobs=scheduled_jobs(settings, services),
            )
            services.features.doorbell.attach(proactive.dispatcher.wake)
            services.team_conversations.attach(proactive.connector)
            await proactive.start()
            app[PROACTIVE] = proactive
        try:
            yield
        finally:
            await services.team_conversations.close()
            if proactive is not None:
                await proactive.stop()
            await http.close()
            await services.close()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await endpoint_holder["endpoint"].handle(request)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def readyz(request: web.Request) -> web.Response:
        engine = request.app[SERVICES].engine
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

    async def metrics_view(_request: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), headers={"Content-Type": metrics.content_type})

    app.cleanup_ctx.append(resources)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_view)
    return app


def _sdk_configuration(settings: Settings) -> SimpleNamespace:
    """The attribute bag botbuilder's ConfigurationBotFrameworkAuthentication reads."""
    return SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        APP_TYPE=settings.app_type.value if settings.app_id else AppType.MULTI_TENANT.value,
        APP_TENANTID=settings.app_tenant_id,
    )
