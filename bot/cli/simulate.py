"""``telework-bot simulate``: every message the bot would send over a span of days, from the
real planner and jobs under a simulated clock, on a copy of the database (issue 14 item 18).

For an administrator to preview a policy change (``TELEWORK_POLICY_FILE``) before it goes
live, and for tests. The configured database is only read: its tables are copied into a
fresh, migrated SQLite file in a temporary folder, and the jobs run there. Each working
day the scheduled jobs (nudges, campaigns, the digest, the approvals and meeting reminders)
fire at their crontab times; at the end of the day every message they queued is taken as
sent. Nobody reacts (nobody declares, snoozes or answers), so the output shows what the
rules do to people who do nothing: the most the bot would send.

Each line is one message: its local time, the kind, the recipient's policy categories (the
targets that apply to them: ``manager``, ``care``, ``general``…, or ``-``) and the period key.
No name or employee id is printed. ``--csv PATH`` writes the same rows as CSV.

By default everyone active counts as reachable (as if everyone had the app), which is what a
policy preview needs; ``--reachable-only`` keeps to the people who have talked to the bot.
``--staff N`` keeps the first N active staff (by employee id) as recipients; the whole
roster still shapes the plan (sections, campaign results).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import SettingsSource, fail, policy_or_exit, run, settings_or_exit

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.core.settings import Settings
    from domain.policy import Policy

SIMULATED_PREFIX = "sim:"  # recipient of someone who never talked to the bot (copy only)
COPY_BATCH = 2000


@dataclass(frozen=True)
class SimulatedMessage:
    """One message the simulation queued."""

    at: datetime  # local time it was queued
    kind: str
    category: str
    period_key: str


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``simulate``."""

    @cli.command("simulate")
    def simulate_command(
        fiscal_year: Annotated[int, typer.Option(help="Fiscal year (April–March).")],
        start: Annotated[
            str | None, typer.Option("--from", help="First day (YYYY-MM-DD; default 4/1).")
        ] = None,
        end: Annotated[
            str | None, typer.Option("--to", help="Last day (YYYY-MM-DD; default 3/31).")
        ] = None,
        staff: Annotated[
            int | None, typer.Option(min=1, help="Only the first N staff receive messages.")
        ] = None,
        csv: Annotated[Path | None, typer.Option(help="Write the messages as CSV here.")] = None,
        reachable_only: Annotated[
            bool, typer.Option(help="Only people who have talked to the bot.")
        ] = False,
    ) -> None:
        """Print every message the bot would send from --from to --to (a dry run on a copy)."""
        chosen = settings()
        policy = policy_or_exit(chosen)
        first, last = _span(policy, fiscal_year, start, end)
        messages = run(
            simulate(chosen, policy, first, last, staff=staff, reachable_only=reachable_only)
        )
        if csv is not None:
            write_csv(messages, csv)
            typer.echo(f"{len(messages)} messages written to {csv}")
        else:
            for m in messages:
                typer.echo(f"{m.at:%Y-%m-%d %H:%M}  {m.kind:<22} {m.category:<16} {m.period_key}")
        typer.echo(summary(messages, first, last))


def _span(
    policy: Policy, fiscal_year: int, start: str | None, end: str | None
) -> tuple[date, date]:
    fy_start, fy_end = policy.work_calendar().fiscal_year_range(fiscal_year)
    try:
        first = date.fromisoformat(start) if start else fy_start
        last = date.fromisoformat(end) if end else fy_end
    except ValueError as exc:
        fail(f"--from/--to: {exc} (use YYYY-MM-DD)")
    if not fy_start <= first <= last <= fy_end:
        fail(f"--from and --to must lie in FY{fiscal_year} ({fy_start} … {fy_end}), in order")
    return first, last


def summary(messages: list[SimulatedMessage], first: date, last: date) -> str:
    """「N messages from … to …」 with the count of each kind."""
    counts: dict[str, int] = {}
    for m in messages:
        counts[m.kind] = counts.get(m.kind, 0) + 1
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "none"
    return f"{len(messages)} messages from {first} to {last} ({kinds})"


def write_csv(messages: list[SimulatedMessage], path: Path) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["time", "kind", "recipient_category", "period_key"])
        for m in messages:
            writer.writerow([m.at.isoformat(timespec="minutes"), m.kind, m.category, m.period_key])


async def simulate(
    settings: Settings,
    policy: Policy,
    first: date,
    last: date,
    *,
    staff: int | None = None,
    reachable_only: bool = False,
) -> list[SimulatedMessage]:
    """Copy the configured database, run the jobs from ``first`` to ``last`` on the copy,
    and return the messages they queued (the copy is deleted afterwards)."""
    import tempfile

    from storage.engine import create_engine
    from storage.migrate import ensure_migrated

    source = create_engine(settings.database_url)
    try:
        await ensure_migrated(source)
        with tempfile.TemporaryDirectory(prefix="telework-simulate-") as folder:
            url = f"sqlite+aiosqlite:///{Path(folder) / 'copy.db'}"
            await _migrate(url)
            target = create_engine(url)
            try:
                await copy_database(source, target)
                await _recipients(target, staff=staff, reachable_only=reachable_only)
                return await _run(target, policy, settings.admins, first, last)
            finally:
                await target.dispose()
    finally:
        await source.dispose()


async def _migrate(url: str) -> None:
    import asyncio

    from storage.migrate import upgrade

    await asyncio.to_thread(upgrade, url)  # Alembic runs its own event loop for async URLs


async def copy_database(source: AsyncEngine, target: AsyncEngine) -> int:
    """Every row of every table of the schema, in dependency order; the row count."""
    from sqlalchemy import delete, insert, select
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401  (every table in the metadata)

    copied = 0
    tables = SQLModel.metadata.sorted_tables
    async with target.begin() as out:
        for table in reversed(tables):
            await out.execute(delete(table))  # whatever the migrations seeded
    for table in tables:
        async with source.connect() as read, target.begin() as out:
            result = await read.stream(select(table))
            async for rows in result.partitions(COPY_BATCH):
                await out.execute(insert(table), [dict(r._mapping) for r in rows])
                copied += len(rows)
    return copied


async def _recipients(target: AsyncEngine, *, staff: int | None, reachable_only: bool) -> None:
    """Who can receive messages in the copy: everyone active (a simulated Teams identity for
    those who never talked to the bot) unless ``reachable_only``; only the first ``staff``."""
    from datetime import UTC, datetime

    from sqlalchemy import delete, insert

    from storage.engine import session_factory
    from storage.nudge_facts import SqlNudgeFacts
    from storage.org import SqlOrganisation
    from storage.tables import TeamsIdentity

    identity = TeamsIdentity.__table__  # type: ignore[attr-defined]
    active = sorted(await SqlOrganisation(session_factory(target)).staff(active_only=True))
    reachable = await SqlNudgeFacts(session_factory(target)).chat_ids()
    if not reachable_only:
        missing = [e for e in active if e not in reachable]
        long_ago = datetime(2000, 1, 1, tzinfo=UTC)
        rows = [
            {
                "tenant_id": "simulation",
                "teams_user_id": f"{SIMULATED_PREFIX}{e}",
                "employee_id": e,
                "first_seen_at": long_ago,
                "last_seen_at": long_ago,
            }
            for e in missing
        ]
        async with target.begin() as conn:
            for i in range(0, len(rows), COPY_BATCH):
                await conn.execute(insert(identity), rows[i : i + COPY_BATCH])
    if staff is not None:
        chosen = set(active[:staff])
        everyone = await SqlNudgeFacts(session_factory(target)).chat_ids()
        dropped = [user for e, user in everyone.items() if e not in chosen]
        async with target.begin() as conn:
            for i in range(0, len(dropped), 500):
                batch = dropped[i : i + 500]
                await conn.execute(delete(identity).where(identity.c.teams_user_id.in_(batch)))


async def _run(
    engine: AsyncEngine, policy: Policy, admins: frozenset[str], first: date, last: date
) -> list[SimulatedMessage]:
    """Fire every scheduled job at its crontab times on each day, under a simulated clock."""
    from datetime import datetime, time, timedelta

    from sqlalchemy import func, select, update

    from bot.app import build_services, feature_jobs
    from domain.delivery import DeliveryStatus
    from scheduler.clock import ReminderClock, cron_trigger
    from storage.ledger_fanout import SqlFiringLedger
    from storage.ledger_sql import DELIVERY

    calendar = policy.work_calendar()
    clock = _SimulatedClock(calendar.at(first, time(0)))
    services = build_services(engine, policy, admins=admins, clock=clock.now)
    jobs = feature_jobs(services, engine)
    reminders = ReminderClock(jobs, SqlFiringLedger(engine, clock), clock=clock, owner="simulate")
    triggers = {job.job_id: cron_trigger(job.cron, calendar.tz) for job in jobs}
    d = DELIVERY.c
    async with engine.connect() as conn:
        before = (await conn.execute(select(func.coalesce(func.max(d.id), 0)))).scalar_one()
    day = first
    while day <= last:
        midnight = datetime.combine(day, time(0), tzinfo=calendar.tz)
        fires = []
        for job_id, trigger in triggers.items():
            at = trigger.get_next_fire_time(None, midnight)
            while at is not None and at.date() == day:
                fires.append((at, job_id))
                at = trigger.get_next_fire_time(at, at + timedelta(seconds=1))
        for at, job_id in sorted(fires):
            clock.set(at)
            await reminders.fire(job_id)
        async with engine.begin() as conn:  # the day's messages are taken as sent
            await conn.execute(
                update(DELIVERY)
                .where(d.status == DeliveryStatus.PENDING.value)
                .values(status=DeliveryStatus.SENT.value)
            )
        day += timedelta(days=1)
    return await _messages(engine, policy, before)


async def _messages(engine: AsyncEngine, policy: Policy, after_id: int) -> list[SimulatedMessage]:
    from datetime import UTC

    from sqlalchemy import select

    from storage.engine import session_factory
    from storage.ledger_sql import DELIVERY
    from storage.nudge_facts import SqlNudgeFacts
    from storage.org import SqlOrganisation

    tz = policy.work_calendar().tz
    staff = await SqlOrganisation(session_factory(engine)).staff(active_only=False)
    d = DELIVERY.c
    chat = await SqlNudgeFacts(session_factory(engine)).chat_ids()
    owners = {user: emp for emp, user in chat.items()}
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                select(d.created_at, d.kind, d.recipient, d.period_key)
                .where(d.id > after_id)
                .order_by(d.created_at, d.kind, d.id)
            )
        ).all()
    out = []
    for created, kind, recipient, key in rows:
        at = created if created.tzinfo else created.replace(tzinfo=UTC)
        member = staff.get(owners.get(recipient, ""))
        targets = [cid for cid, _ in policy.targets_of(member)] if member else []
        out.append(SimulatedMessage(at.astimezone(tz), kind, "+".join(targets) or "-", key))
    return out


class _SimulatedClock:
    """The simulation's clock (``domain.delivery.Clock``): set to each firing's time."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def set(self, value: datetime) -> None:
        self.current = value
