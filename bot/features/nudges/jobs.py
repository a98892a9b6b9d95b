"""The reminder jobs (quota nudges, campaigns, the weekly digest) as ``ScheduledJob``s.

The scheduler package must not import storage, so the handlers live here and close over the
engine and the core. Each job has a stable id and a crontab with weekday names; the
``ReminderClock`` claims every firing in the database, and every handler is re-runnable
(its fan-out is ``INSERT … ON CONFLICT DO NOTHING`` on per-person keys).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.reminders import ReminderServices
from bot.core.services import Services
from bot.features.campaigns.jobs import run_campaigns
from bot.features.nudges.digest import run_digest
from bot.features.nudges.nudges import run_nudges
from domain.delivery import Firing, FiringHandler
from scheduler.clock import ScheduledJob

NUDGES_JOB = "nudges-daily"
CAMPAIGNS_JOB = "campaigns-daily"
DIGEST_JOB = "digest-weekly"

# Working hours and working days are checked again by each handler (policy [nudges]).
DEFAULT_CRONS: Mapping[str, str] = {
    CAMPAIGNS_JOB: "45 9 * * mon-fri",  # announcements, reminders, chiefs, results
    NUDGES_JOB: "0 10 * * mon-fri",  # quota nudges
    DIGEST_JOB: "0 15 * * mon-fri",  # acts on the week's last working day only
}


def job_handlers(services: ReminderServices) -> dict[str, FiringHandler]:
    """Job id → handler, for a composition root that applies its own crontab overrides."""

    async def nudges(firing: Firing) -> None:
        await run_nudges(services, firing)

    async def campaigns(firing: Firing) -> None:
        await run_campaigns(services, firing)

    async def digest(firing: Firing) -> None:
        await run_digest(services, firing)

    return {NUDGES_JOB: nudges, CAMPAIGNS_JOB: campaigns, DIGEST_JOB: digest}


def nudge_jobs(
    engine: AsyncEngine,
    core: Services,
    schedules: Mapping[str, str] | None = None,
    *,
    services: ReminderServices | None = None,
) -> list[ScheduledJob]:
    """The three reminder jobs; ``schedules`` overrides a job's crontab by id."""
    services = services or ReminderServices.build(engine, core)
    overrides = schedules or {}
    return [
        ScheduledJob(job_id, overrides.get(job_id, DEFAULT_CRONS[job_id]), handler)
        for job_id, handler in job_handlers(services).items()
    ]
