"""The composition root: settings → engine → repositories → services → the router.

Channel-neutral: the Teams edge (``bot.teams.server``), the terminal chat and the command line
all start from :func:`build_application`. Nothing is built at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import ModuleType

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.jobs import Job
from bot.core.ports import ApprovalRequests
from bot.core.reminders import ReminderServices
from bot.core.router import Router
from bot.core.services import Services
from bot.core.settings import Settings, SettingsError
from bot.features.allowance import routes as allowance
from bot.features.approvals import routes as approvals
from bot.features.approvals.notices import ApproverNotices
from bot.features.board import routes as board
from bot.features.campaigns import routes as campaigns
from bot.features.declare import routes as declare
from bot.features.deliveries import routes as deliveries
from bot.features.help import routes as help_
from bot.features.meetings import routes as meetings
from bot.features.meetings.desk import MeetingDesk
from bot.features.nudges import routes as nudges
from bot.features.presence import routes as presence
from bot.features.progress import routes as progress
from bot.features.reminders import routes as reminders
from bot.features.reports import routes as reports
from bot.graph import Microsoft365, connect
from domain.allowance import OrderedDays
from domain.m365 import StatusNotes
from domain.policy import Policy, load_policy
from domain.reach import StaffReach
from domain.report_rules import RulesSource
from domain.worktime import PresenceHistory
from scheduler.clock import ScheduledJob
from storage.allowance import SqlAllowance
from storage.campaigns import SqlCampaigns
from storage.conversations import SqlConversationMemory
from storage.engine import create_engine, session_factory
from storage.identity import SqlEventLog, SqlTurnRecorder
from storage.ledger_admin import SqlDeliveryReports
from storage.meeting_teams import SqlSubTeams
from storage.meetings import SqlMeetings
from storage.org import SqlOrganisation
from storage.preferences import SqlPreferences
from storage.reach import SqlStaffReach
from storage.report_queries import SqlReportQueries
from storage.report_rules import SqlRulesQueries
from storage.schedule import SqlSchedule
from storage.worktime import SqlPresenceHistory

Clock = Callable[[], datetime]

# Every feature's declarations, in the order help lists their commands.
FEATURES: tuple[ModuleType, ...] = (
    help_,
    declare,
    presence,
    board,
    progress,
    approvals,
    meetings,
    reminders,
    campaigns,
    nudges,
    reports,
    deliveries,
    allowance,
)


def system_clock() -> datetime:
    return datetime.now(UTC)


def build_router() -> Router:
    """Every command, card action and understood meaning of every feature (no I/O)."""
    return Router(
        (route for feature in FEATURES for route in feature.ROUTES),
        (intent for feature in FEATURES for intent in getattr(feature, "INTENTS", ())),
        (answer for feature in FEATURES for answer in getattr(feature, "ANSWERS", ())),
    )


@dataclass
class Application:
    """The wired application, shared by the Teams edge, the terminal chat and the CLI."""

    engine: AsyncEngine
    services: Services
    router: Router
    turns: SqlTurnRecorder
    events: SqlEventLog
    m365: Microsoft365 | None = None  # Microsoft Graph, when TELEWORK_GRAPH_FEATURES is set

    @property
    def meetings(self) -> MeetingDesk:
        return self.services.get(MeetingDesk)

    @property
    def reminders(self) -> ReminderServices:
        return self.services.get(ReminderServices)

    async def close(self) -> None:
        if self.m365 is not None:
            await self.m365.close()
        await self.engine.dispose()


def build_services(
    engine: AsyncEngine,
    policy: Policy,
    *,
    admins: frozenset[str] = frozenset(),
    clock: Clock = system_clock,
    m365: Microsoft365 | None = None,
    conversation_timeout: timedelta = timedelta(minutes=10),
) -> Services:
    """Every repository and feature service over one database (no I/O yet). ``m365``: the
    Microsoft 365 adapters of the features switched on (None: none of them)."""
    sessions = session_factory(engine)
    calendar = policy.work_calendar()
    services = Services(
        directory=SqlOrganisation(sessions),
        schedule=SqlSchedule(sessions, clock=clock, time_ranges=policy.counting.time_ranges),
        policy=policy,
        calendar=calendar,
        admins=admins,
        now=clock,
        deliveries=SqlDeliveryReports(engine),
        reports=SqlReportQueries(engine, calendar.time_zone, policy.counting.time_ranges),
        campaigns=SqlCampaigns(sessions),
        languages=SqlPreferences(sessions),
        conversations=SqlConversationMemory(sessions),
        conversation_timeout=conversation_timeout,
    )
    meetings = SqlMeetings(sessions, calendar, clock=clock)
    services.provide(
        MeetingDesk(
            meetings,
            SqlSubTeams(sessions, clock=clock),
            calendar=m365.calendar if m365 is not None else None,
            free_busy=m365.free_busy if m365 is not None else None,
        )
    )
    services.provide(ReminderServices.build(engine, services))
    services.provide(ApproverNotices(services), ApprovalRequests)
    services.provide(SqlPresenceHistory(sessions), PresenceHistory)
    allowance_store = SqlAllowance(sessions, clock=clock)
    services.provide(allowance_store)
    services.provide(allowance_store, OrderedDays)
    services.provide(SqlRulesQueries(sessions), RulesSource)
    services.provide(SqlStaffReach(engine), StaffReach)
    if m365 is not None and m365.status is not None:
        services.provide(m365.status, StatusNotes)
    return services


def build_application(settings: Settings, *, clock: Clock = system_clock) -> Application:
    """Wire storage, policy, services and the router (no I/O yet; a bad policy file raises
    PolicyError)."""
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    policy = load_policy(settings.policy_file)
    m365 = connect(settings)
    services = build_services(
        engine,
        policy,
        admins=settings.admins,
        clock=clock,
        m365=m365,
        conversation_timeout=timedelta(minutes=settings.conversation_timeout_minutes),
    )
    return Application(
        engine=engine,
        services=services,
        router=build_router(),
        turns=SqlTurnRecorder(sessions),
        events=SqlEventLog(sessions),
        m365=m365,
    )


def feature_jobs(
    services: Services,
    engine: AsyncEngine,
    schedules: Mapping[str, str] | None = None,
    *,
    only: Collection[str] | None = None,
) -> list[ScheduledJob]:
    """Every feature's scheduled jobs (or those named in ``only``), each with its default
    crontab unless ``schedules`` overrides it by id."""
    declared: list[Job] = [job for feature in FEATURES for job in getattr(feature, "JOBS", ())]
    overrides = schedules or {}
    unknown = set(overrides) - {job.id for job in declared}
    if unknown:
        raise SettingsError(f"TELEWORK_JOB_SCHEDULES: unknown jobs {sorted(unknown)}")
    return [
        ScheduledJob(job.id, overrides.get(job.id, job.cron), job.build(services, engine))
        for job in declared
        if (only is None or job.id in only) and (job.wanted is None or job.wanted(services))
    ]


def scheduled_jobs(settings: Settings, application: Application) -> list[ScheduledJob]:
    """Every scheduled job, crontabs overridable by TELEWORK_JOB_SCHEDULES."""
    return feature_jobs(application.services, application.engine, settings.job_schedules)
