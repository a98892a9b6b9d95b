"""The reminder jobs of this feature (quota nudges, the weekly digest), declared as ``Job``s.

Each job has a stable id and a crontab with weekday names; the ``ReminderClock`` claims every
firing in the database, and every handler is re-runnable (its fan-out is ``INSERT … ON
CONFLICT DO NOTHING`` on per-person keys). Working hours and working days are checked again
by each handler (policy [nudges]).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.jobs import Job
from bot.core.reminders import ReminderServices
from bot.core.services import Services
from bot.features.nudges.digest import run_digest
from bot.features.nudges.nudges import run_nudges
from domain.delivery import Firing, FiringHandler

NUDGES_JOB = "nudges-daily"
DIGEST_JOB = "digest-weekly"


def _nudges(services: Services, _engine: AsyncEngine) -> FiringHandler:
    reminders = services.get(ReminderServices)

    async def handle(firing: Firing) -> None:
        await run_nudges(reminders, firing)

    return handle


def _digest(services: Services, _engine: AsyncEngine) -> FiringHandler:
    reminders = services.get(ReminderServices)

    async def handle(firing: Firing) -> None:
        await run_digest(reminders, firing)

    return handle


JOBS = (
    Job(NUDGES_JOB, "0 10 * * mon-fri", _nudges),  # quota nudges
    Job(DIGEST_JOB, "0 15 * * mon-fri", _digest),  # acts on the week's last working day only
)
