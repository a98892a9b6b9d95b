"""Scheduled jobs, declared by the feature that owns them (like its routes).

APScheduler is only the clock (``scheduler.clock``); a job here is a stable id, a default
crontab (weekday names, the organisation's time zone; ``TELEWORK_JOB_SCHEDULES`` overrides it
by id) and a factory that builds its firing handler from the wired services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.services import Services
from domain.delivery import FiringHandler


@dataclass(frozen=True)
class Job:
    """A scheduled job: ``build(services, engine)`` makes its handler at wiring time.
    ``wanted(services)``, when given, says whether this deployment runs the job at all (an
    optional integration that is off schedules nothing, and claims no firings)."""

    id: str
    cron: str
    build: Callable[[Services, AsyncEngine], FiringHandler]
    wanted: Callable[[Services], bool] | None = None
