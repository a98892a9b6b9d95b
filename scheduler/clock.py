"""APScheduler as a clock only: it says *when*; the database says *who* (one replica per firing).

Every replica runs an ``AsyncIOScheduler`` with an in-memory job store (APScheduler 3.x cannot
share a job store between processes). When a job fires, the replica claims ``(job, period_key)``
in ``reminder_run``; only the winner runs the handler (the fan-out). On start, and every
``reconcile_every``, :meth:`ReminderClock.reconcile` claims the latest firing of each job that
fell due within ``catch_up`` (all replicas were down), and re-runs firings whose claimant died
before completing them (fan-out is re-runnable, so a re-run only adds what is missing).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from domain.delivery import Clock, Firing, FiringHandler, FiringLedger

log = logging.getLogger(__name__)

_DIGIT_WEEKDAY = re.compile(r"\d")


@dataclass(frozen=True)
class ScheduledJob:
    """A job from configuration: a stable id, a 5-field crontab, and its handler.

    The day-of-week field must use names (``mon-fri``): APScheduler numbers weekdays from
    Monday = 0, unlike crontab's Sunday = 0, and a digit there is a bug waiting to happen.
    """

    job_id: str
    cron: str
    handler: FiringHandler


def cron_trigger(expression: str, timezone: ZoneInfo) -> CronTrigger:
    fields = expression.split()
    if len(fields) != 5:
        raise ValueError(f"cron {expression!r}: expected 5 fields (minute hour day month weekday)")
    if _DIGIT_WEEKDAY.search(fields[4]):
        raise ValueError(f"cron {expression!r}: write weekdays as names (mon-fri), not numbers")
    return CronTrigger.from_crontab(expression, timezone=timezone)


def latest_due(trigger: CronTrigger, now: datetime, window: timedelta) -> datetime | None:
    """The last fire time of ``trigger`` in ``(now - window, now]``, if any."""
    last: datetime | None = None
    fire: datetime | None = trigger.get_next_fire_time(None, now - window)
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(microseconds=1))
    return last


def period_key(scheduled_for: datetime, timezone: ZoneInfo) -> str:
    """The firing's identity: its scheduled local time, e.g. ``2026-12-01T09:00+09:00``."""
    return scheduled_for.astimezone(timezone).isoformat(timespec="minutes")


class ReminderClock:
    """Registers the jobs on an APScheduler and turns each firing into one claimed run."""

    def __init__(
        self,
        jobs: Sequence[ScheduledJob],
        firings: FiringLedger,
        *,
        clock: Clock,
        owner: str,
        timezone: str = "Asia/Tokyo",
        catch_up: timedelta = timedelta(hours=6),
        stale_after: timedelta = timedelta(minutes=15),
        reconcile_every: timedelta = timedelta(minutes=5),
    ) -> None:
        self._tz = ZoneInfo(timezone)
        self._jobs = {job.job_id: job for job in jobs}
        if len(self._jobs) != len(jobs):
            raise ValueError("job ids must be unique")
        self._triggers = {job.job_id: cron_trigger(job.cron, self._tz) for job in jobs}
        self._firings = firings
        self._clock = clock
        self._owner = owner
        self._catch_up = catch_up
        self._stale_after = stale_after
        self._reconcile_every = reconcile_every
        self._scheduler: AsyncIOScheduler | None = None

    @property
    def scheduler(self) -> AsyncIOScheduler | None:
        return self._scheduler

    async def start(self) -> None:
        """Recover missed firings, then start the scheduler (inside the running loop)."""
        await self.reconcile()
        scheduler = AsyncIOScheduler(jobstores={"default": MemoryJobStore()}, timezone=self._tz)
        grace = int(self._catch_up.total_seconds())
        for job_id, trigger in self._triggers.items():
            scheduler.add_job(
                self.fire,
                trigger,
                args=[job_id],
                id=job_id,
                name=job_id,
                replace_existing=True,
                coalesce=True,
                max_instances=1,
                misfire_grace_time=grace,
            )
        scheduler.add_job(
            self.reconcile,
            "interval",
            seconds=self._reconcile_every.total_seconds(),
            id="__reconcile__",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
        )
        scheduler.start()
        self._scheduler = scheduler

    async def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None

    async def fire(self, job_id: str) -> Firing | None:
        """What APScheduler calls: claim the firing that is due now and run it if we won."""
        now = self._clock.now()
        due = latest_due(self._triggers[job_id], now, self._catch_up)
        if due is None:
            log.warning("job %s fired at %s with no due time in the window", job_id, now)
            return None
        return await self._claim_and_run(job_id, due)

    async def reconcile(self) -> list[Firing]:
        """Run firings that nobody ran: missed while every replica was down, or abandoned."""
        done: list[Firing] = []
        now = self._clock.now()
        for job_id, trigger in self._triggers.items():
            due = latest_due(trigger, now, self._catch_up)
            if due is not None:
                firing = await self._claim_and_run(job_id, due)
                if firing is not None:
                    done.append(firing)
        for stale in await self._firings.reclaim_stale_firings(self._owner, self._stale_after):
            if stale.job in self._jobs:
                log.warning("re-running firing %s of %s (abandoned)", stale.run_id, stale.job)
                if await self._run(stale):
                    done.append(stale)
        return done

    async def _claim_and_run(self, job_id: str, due: datetime) -> Firing | None:
        key = period_key(due, self._tz)
        run_id = await self._firings.claim_firing(job_id, key, due, self._owner)
        if run_id is None:
            return None  # another replica (or an earlier firing here) has it
        firing = Firing(run_id=run_id, job=job_id, period_key=key, scheduled_for=due)
        return firing if await self._run(firing) else None

    async def _run(self, firing: Firing) -> bool:
        try:
            await self._jobs[firing.job].handler(firing)
        except Exception:
            # Left incomplete on purpose: reconcile re-runs it after ``stale_after``.
            log.exception("job %s failed for %s", firing.job, firing.period_key)
            return False
        await self._firings.complete_firing(firing.run_id)
        return True

    def next_run_times(self) -> dict[str, Any]:
        """For the admin view and tests: when each job fires next (scheduler time zone)."""
        if self._scheduler is None:
            return {}
        return {job.id: job.next_run_time for job in self._scheduler.get_jobs()}
