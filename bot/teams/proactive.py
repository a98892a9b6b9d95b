"""Proactive sending, wired: the delivery dispatcher and the scheduled-job clock.

Every replica runs both. The dispatcher sends only while it holds the leader lease; the clock
fires jobs whose firings are claimed in the database, so exactly one replica fans out.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import aiohttp
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.service_url import ServiceUrlRule
from bot.core.settings import AppType, Settings
from bot.teams.connector import MULTI_TENANT, BotFrameworkToken, TeamsConnector
from bot.teams.loopback import LoopbackSender, TerminalInbox
from domain.delivery import Clock, DuplicatePolicy, SendWindow
from scheduler.clock import ReminderClock, ScheduledJob
from scheduler.dispatcher import Dispatcher, DispatcherSettings
from scheduler.metrics import DeliveryMetrics
from storage.ledger import SqlDeliveryLedger
from storage.ledger_fanout import SqlFiringLedger


def replica_id(settings: Settings) -> str:
    """Who this replica is across restarts: the setting, else host name and port."""
    return settings.replica_id.strip() or f"{socket.gethostname()}:{settings.port}"


def replica_name(replica: str) -> str:
    """Who holds a lease: ``<replica>/<incarnation>`` (process and a random suffix)."""
    return f"{replica}/{os.getpid()}-{uuid.uuid4().hex[:6]}"


def teams_connector(settings: Settings, http: aiohttp.ClientSession) -> TeamsConnector:
    token = None
    if settings.app_id:
        tenant = (
            settings.app_tenant_id if settings.app_type == AppType.SINGLE_TENANT else MULTI_TENANT
        )
        token = BotFrameworkToken(http, settings.app_id, settings.app_password, tenant_id=tenant)
    return TeamsConnector(
        http, token, service_urls=ServiceUrlRule.allow_list(settings.service_url_hosts)
    )


@dataclass
class ProactiveEngine:
    """The dispatcher and the job clock of one replica."""

    dispatcher: Dispatcher
    jobs: ReminderClock
    connector: TeamsConnector

    async def start(self) -> None:
        await self.dispatcher.start()
        await self.jobs.start()  # recovers firings missed while every replica was down

    async def stop(self) -> None:
        await self.jobs.stop()
        await self.dispatcher.stop()


def build_proactive(
    settings: Settings,
    engine: AsyncEngine,
    http: aiohttp.ClientSession,
    metrics: DeliveryMetrics,
    clock: Clock,
    jobs: Sequence[ScheduledJob] = (),
    terminal: TerminalInbox | None = None,
    window: SendWindow | None = None,
) -> ProactiveEngine:
    """``terminal``: the terminal chats of this process, which get their proactive messages
    handed over (``bot.teams.loopback``) instead of POSTed to a connector. ``window``: the
    quiet hours each message is checked against when it is about to be sent."""
    replica = replica_id(settings)
    owner = replica_name(replica)
    connector = teams_connector(settings, http)
    dispatcher = Dispatcher(
        SqlDeliveryLedger(engine, clock),
        LoopbackSender(connector, terminal or TerminalInbox()),
        clock=clock,
        owner=owner,
        replica=replica,
        window=window,
        metrics=metrics,
        settings=DispatcherSettings(
            rate_per_second=settings.delivery_rate,
            retry_budget=timedelta(hours=settings.delivery_retry_hours),
            leader_ttl=timedelta(seconds=settings.delivery_leader_ttl_seconds),
            leader_renew=timedelta(seconds=settings.delivery_leader_renew_seconds),
            duplicate_policy=DuplicatePolicy(
                at_most_once_kinds=settings.delivery_at_most_once_kinds
            ),
        ),
    )
    reminder_clock = ReminderClock(
        list(jobs),
        SqlFiringLedger(engine, clock),
        clock=clock,
        owner=owner,
        timezone=settings.timezone,
        catch_up=timedelta(hours=6),
    )
    return ProactiveEngine(dispatcher, reminder_clock, connector)
