"""Broadcast through ``telework-bot serve``, measured from outside by an independent connector.

    .venv/bin/python -m bench.broadcast_serve --recipients 5000 --latency 0,0.08,0.15
    .venv/bin/python -m bench.broadcast_serve --recipients 50000 --latency 0.08 \
        --databases postgresql

Unlike ``bench/broadcast.py`` (the dispatcher in the bench's own process against the Python
fake of ``tests/fakes``), everything here is a separate process and the measurement is taken at
the connector: ``bench/connector/fake_connector.mjs`` (Node.js, no code shared with the bot)
enforces ``--limit`` accepted requests in any sliding second (429 with Retry-After beyond it),
answers after ``--latency`` seconds and counts the activities per conversation.

For each database (a temporary SQLite file; PostgreSQL at ``--postgres-url``, a scratch
database created and dropped) and latency, the way an operator would: ``telework-bot db
upgrade``; ``telework-bot roster import`` of ``--recipients`` staff; each of them known to the
bot as if they had written once (a Teams identity and a 1:1 conversation reference whose
serviceUrl is the connector: inserted in bulk, as the endpoint would have stored them);
``telework-bot campaign create`` of a mandatory campaign whose announcement is due today;
``telework-bot serve`` (anonymous mode, default delivery settings: ``TELEWORK_DELIVERY_RATE``
50 as the ceiling) with the daily campaign job scheduled for the next minute and every other
job out of the way. The job fans the announcement out to the ledger and the dispatcher sends it.

Printed per run, from the connector's counters: the rate between its first and last accepted
announcement over the limit, the 429 share, and failed (the ledger's ``failed``), lost (neither
reached the connector nor failed) and duplicated (accepted more than once for one
conversation) messages; also how soon after the job's firing the first message arrived.
Not a test: nothing asserts (``tests/e2e/test_broadcast_serve.py`` checks exactly-once).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import admin, floats, names

REPO = Path(__file__).resolve().parents[1]
CONNECTOR = REPO / "bench" / "connector" / "fake_connector.mjs"
TIMEZONE = "Asia/Tokyo"
TENANT = "bench-tenant"
STAFF_PER_SECTION = 50
STOP_TIMEOUT = 15.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def node() -> str | None:
    """The Node.js executable, if there is one."""
    return shutil.which("node") or shutil.which("nodejs")


@dataclass
class Connector:
    """A running independent fake connector."""

    process: subprocess.Popen[str]
    url: str

    def stats(self, conversations: bool = False) -> dict[str, Any]:
        query = "?conversations=1" if conversations else ""
        with urllib.request.urlopen(f"{self.url}/_stats{query}", timeout=10) as response:
            result: dict[str, Any] = json.loads(response.read())
            return result


@contextmanager
def connector(limit: int, latency: float) -> Iterator[Connector]:
    executable = node()
    if executable is None:
        raise RuntimeError("Node.js is needed for the independent connector (node not found)")
    args = [executable, str(CONNECTOR), "--limit", str(limit), "--latency", str(latency)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://"):
            raise RuntimeError(f"the connector did not start (exit {process.poll()})")
        yield Connector(process, url)
    finally:
        stop(process)
        if process.stdout is not None:
            process.stdout.close()


def stop(process: subprocess.Popen[str]) -> None:
    """SIGTERM to the child's process group, then SIGKILL."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(STOP_TIMEOUT)
        except ProcessLookupError:
            pass


def environment(database_url: str, zone: str, **settings: str) -> dict[str, str]:
    """The bot's environment: the developer's bot settings dropped, anonymous mode."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEWORK_", "MICROSOFT_APP_"))
    }
    return {
        **kept,
        "TELEWORK_DATABASE_URL": database_url,
        "TELEWORK_TIMEZONE": zone,
        "TELEWORK_LOG_FORMAT": "json",
        **settings,
    }


def telework_bot(env: dict[str, str], *args: str, cwd: Path) -> str:
    """Run a ``telework-bot`` command to completion; its output (raises on failure)."""
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"telework-bot {' '.join(args)}: {result.stderr[-2000:]}")
    return result.stdout


def employee(n: int) -> str:
    return f"B{n:06d}"


def teams_user(n: int) -> str:
    return f"29:bench-user-{n:06d}"


def conversation(n: int) -> str:
    return f"a:bench-conv-{n:06d}"


def write_roster(path: Path, count: int) -> None:
    """``count`` full-time staff hired years ago (all eligible), 50 to a section."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["employee_id", "name", "email", "office", "bureau", "section", "hire_date"]
        )
        for n in range(count):
            section = n // STAFF_PER_SECTION
            writer.writerow(
                [
                    employee(n),
                    f"職員 {n:06d}",
                    f"staff{n:06d}@bench.example.go.jp",
                    "本省",
                    f"第{section // 20 + 1}局",
                    f"第{section + 1}課",
                    "2015-04-01",
                ]
            )


async def introduce(database_url: str, count: int, service_url: str) -> None:
    """Each person known to the bot as if they had written once: a Teams identity linked to
    their staff record and a 1:1 conversation reference at the connector."""
    sys.path.insert(0, str(REPO))
    from sqlalchemy import insert

    from storage.engine import create_engine
    from storage.tables import ConversationRef, TeamsIdentity

    engine = create_engine(database_url)
    at = datetime.now(UTC) - timedelta(days=1)
    try:
        for start in range(0, count, 5000):
            numbers = range(start, min(count, start + 5000))
            identities = [
                {
                    "tenant_id": TENANT,
                    "teams_user_id": teams_user(n),
                    "aad_object_id": None,
                    "user_principal_name": f"staff{n:06d}@bench.example.go.jp",
                    "display_name": f"職員 {n:06d}",
                    "locale": "ja-JP",
                    "employee_id": employee(n),
                    "first_seen_at": at,
                    "last_seen_at": at,
                }
                for n in numbers
            ]
            refs = [
                {
                    "conversation_id": conversation(n),
                    "user_key": teams_user(n),
                    "conversation_type": "personal",
                    "tenant_id": TENANT,
                    "service_url": service_url,
                    "channel_id": "msteams",
                    "bot_id": "28:bench-bot",
                    "updated_at": at,
                }
                for n in numbers
            ]
            async with engine.begin() as conn:
                await conn.execute(insert(TeamsIdentity), identities)
                await conn.execute(insert(ConversationRef), refs)
    finally:
        await engine.dispose()


async def ledger_counts(database_url: str) -> dict[str, int]:
    """Deliveries per status."""
    from sqlalchemy import text

    from storage.engine import create_engine

    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(text("SELECT status, count(*) FROM delivery GROUP BY status"))
            return {str(status): int(count) for status, count in rows}
    finally:
        await engine.dispose()


class NoWorkingDay(RuntimeError):
    """Nowhere on Earth is it a working day now (a weekend or a holiday everywhere)."""


def working_zone(now: datetime | None = None) -> str:
    """A time zone whose date is a working day now (campaign steps fall due on working days
    only): Asia/Tokyo when it is one, else the first fixed-offset zone where it is (so that the
    bench and its test also run on a Japanese weekend or holiday)."""
    sys.path.insert(0, str(REPO))
    from domain.policy import load_policy

    calendar = load_policy(None).work_calendar()
    now = now or datetime.now(UTC)
    zones = [TIMEZONE, *(f"Etc/GMT{offset:+d}" for offset in range(12, -15, -1))]
    for zone in zones:
        local = now.astimezone(ZoneInfo(zone))
        # Not within half an hour of midnight: the date must hold until the job has run.
        if calendar.is_working_day(local.date()) and local.hour * 60 + local.minute < 23 * 60 + 30:
            return zone
    raise NoWorkingDay(f"no time zone has a working day at {now:%Y-%m-%d %H:%M} UTC")


def bench_policy(folder: Path, zone: str) -> Path:
    """The packaged policy in ``zone`` with nudges allowed at any hour and on any day, so that
    the campaign job sends whenever the bench runs."""
    text = (REPO / "domain" / "default_policy.toml").read_text(encoding="utf-8")
    replaced = (
        text.replace('time_zone = "Asia/Tokyo"', f'time_zone = "{zone}"')
        .replace("working_hours_start = 09:00:00", "working_hours_start = 00:00:00")
        .replace("working_hours_end = 18:00:00", "working_hours_end = 23:59:59")
        .replace("working_days_only = true", "working_days_only = false")
    )
    if (
        replaced.count("00:00:00") == text.count("00:00:00")
        or "= false" not in replaced
        or f'time_zone = "{zone}"' not in replaced
    ):
        raise RuntimeError("bench_policy: the default policy's [calendar] or [nudges] changed")
    path = folder / "policy.toml"
    path.write_text(replaced, encoding="utf-8")
    return path


def job_ids() -> list[str]:
    sys.path.insert(0, str(REPO))
    from bot.app import FEATURES

    return [job.id for feature in FEATURES for job in getattr(feature, "JOBS", ())]


def schedules(fire_at: datetime) -> str:
    """The campaign job at ``fire_at`` (local time), every other job on 29 February."""
    out = []
    for job in job_ids():
        if job == "campaigns-daily":
            out.append(f"{job}={fire_at.minute} {fire_at.hour} * * *")
        else:
            out.append(f"{job}=0 3 29 2 *")
    return ";".join(out)


@dataclass
class Outcome:
    """One broadcast through serve, as the connector saw it."""

    recipients: int
    limit: int
    first_after_firing: float  # s from the job's firing to the first accepted message
    elapsed: float  # s from the first to the last accepted message
    requests: int
    throttled: int
    delivered: int
    reached: int  # conversations that got at least one message
    duplicates: int  # accepted messages beyond one per conversation
    failed: int
    ledger: dict[str, int]
    max_in_one_second: int
    max_in_flight: int
    per_conversation: dict[str, int]

    @property
    def rate(self) -> float:
        return (self.reached - 1) / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def lost(self) -> int:
        return self.recipients - self.reached - self.failed

    def row(self) -> str:
        return (
            f"{self.elapsed:7.1f} s  {self.rate:6.1f}/s  {self.rate / self.limit:6.3f}  "
            f"{100 * self.throttled / max(1, self.requests):5.2f}%  {self.failed:6d}  "
            f"{self.lost:4d}  {self.duplicates:4d}  first after {self.first_after_firing:4.1f} s  "
            f"max {self.max_in_one_second}/s, {self.max_in_flight} in flight"
        )


def fire_time(lead: float, zone: str) -> datetime:
    """The first whole minute at least ``lead`` seconds ahead, local time."""
    now = datetime.now(ZoneInfo(zone))
    at = (now + timedelta(seconds=lead)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    return at


def broadcast_through_serve(
    database_url: str,
    recipients: int,
    limit: int,
    latency: float,
    *,
    lead: float = 20.0,
    log: Path | None = None,
    progress: bool = False,
) -> Outcome:
    """Set up a fresh (empty, migrated here) database, broadcast, and measure."""
    with tempfile.TemporaryDirectory(prefix="broadcast-serve-") as tmp:
        folder = Path(tmp)
        zone = working_zone()
        with connector(limit, latency) as fake:
            policy = bench_policy(folder, zone)
            env = environment(database_url, zone, TELEWORK_POLICY_FILE=str(policy))
            telework_bot(env, "db", "upgrade", cwd=folder)
            roster = folder / "roster.csv"
            write_roster(roster, recipients)
            telework_bot(env, "roster", "import", str(roster), cwd=folder)
            asyncio.run(introduce(database_url, recipients, fake.url))
            today = datetime.now(ZoneInfo(zone)).date()
            start = today + timedelta(days=14)
            telework_bot(
                env,
                "campaign",
                "create",
                "--name",
                "ベンチ一斉配信",
                "--start",
                start.isoformat(),
                "--end",
                (start + timedelta(days=4)).isoformat(),
                "--announce-days",
                "30",
                "--mandatory",
                cwd=folder,
            )
            fire_at = fire_time(lead, zone)
            serve_env = {
                **env,
                "TELEWORK_PORT": str(free_port()),
                "TELEWORK_JOB_SCHEDULES": schedules(fire_at),
            }
            log = log or folder / "serve.log"
            with log.open("w", encoding="utf-8") as out:
                serve = subprocess.Popen(
                    [sys.executable, "-m", "bot.cli", "serve"],
                    env=serve_env,
                    cwd=folder,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    text=True,
                    start_new_session=True,
                )
                try:
                    stats = wait_drained(fake, serve, recipients, fire_at, latency, progress)
                finally:
                    stop(serve)
            counts = asyncio.run(ledger_counts(database_url))
    per_conversation = {str(k): int(v) for k, v in stats["per_conversation"].items()}
    status = {str(k): int(v) for k, v in stats["status"].items()}
    first = float(stats["first_accepted_epoch_s"] or 0.0)
    last = float(stats["last_accepted_epoch_s"] or 0.0)
    return Outcome(
        recipients=recipients,
        limit=limit,
        first_after_firing=first - fire_at.timestamp() if first else float("nan"),
        elapsed=last - first,
        requests=int(stats["requests"]),
        throttled=status.get("429", 0),
        delivered=int(stats["delivered"]),
        reached=len(per_conversation),
        duplicates=sum(n - 1 for n in per_conversation.values()),
        failed=counts.get("failed", 0),
        ledger=counts,
        max_in_one_second=int(stats["max_in_one_second"]),
        max_in_flight=int(stats["max_in_flight"]),
        per_conversation=per_conversation,
    )


def wait_drained(
    fake: Connector,
    serve: subprocess.Popen[str],
    recipients: int,
    fire_at: datetime,
    latency: float,
    progress: bool,
) -> dict[str, Any]:
    """Wait until every recipient has a message at the connector, then 3 s more for strays
    (bounded: three times the ideal time plus two minutes after the firing)."""
    deadline = fire_at.timestamp() + 120 + 3 * recipients / 50
    reached_at: float | None = None
    last_print = 0.0
    while True:
        if serve.poll() is not None:
            raise RuntimeError(f"telework-bot serve exited with {serve.returncode}")
        stats = fake.stats()
        reached = int(stats["conversations_reached"])
        now = time.time()
        if progress and now - last_print >= 30:
            last_print = now
            print(f"  … {reached} of {recipients} reached", file=sys.stderr, flush=True)
        if reached >= recipients and reached_at is None:
            reached_at = now
        if reached_at is not None and now - reached_at >= 3 + latency:
            return fake.stats(conversations=True)
        if now > deadline:
            return fake.stats(conversations=True)
        time.sleep(0.25)


@contextmanager
def database(kind: str, postgres_url: str) -> Iterator[str]:
    """A fresh database URL: a temporary SQLite file or a scratch PostgreSQL database."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="broadcast-serve-db-") as tmp:
            yield f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        return
    from sqlalchemy.engine import make_url

    scratch = f"telework_serve_{uuid.uuid4().hex[:8]}"
    asyncio.run(admin(postgres_url, f'CREATE DATABASE "{scratch}"'))
    try:
        yield make_url(postgres_url).set(database=scratch).render_as_string(hide_password=False)
    finally:
        asyncio.run(admin(postgres_url, f'DROP DATABASE "{scratch}" WITH (FORCE)'))


HEADER = "database    latency  recipients   elapsed      rate  /limit   429s  failed  lost  dups"


def main(args: argparse.Namespace) -> None:
    print(
        f"through `telework-bot serve`: {args.recipients} recipients; independent connector "
        f"(Node.js) limit {args.limit}/s; default delivery settings; {os.cpu_count()} CPUs"
    )
    print("rate = distinct messages / s between the connector's first and last accept")
    print(HEADER, flush=True)
    for kind in args.databases:
        for latency in args.latency:
            with database(kind, args.postgres_url) as url:
                outcome = broadcast_through_serve(
                    url, args.recipients, args.limit, latency, progress=args.progress
                )
            print(
                f"{kind:10s} {latency * 1000:5.0f} ms  {args.recipients:10d}  {outcome.row()}",
                flush=True,
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", type=names, default=["sqlite", "postgresql"])
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "TELEWORK_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
    )
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--limit", type=int, default=50, help="the connector's requests/s limit")
    parser.add_argument(
        "--latency", type=floats, default=[0.0, 0.08, 0.15], help="connector latencies, s"
    )
    parser.add_argument("--progress", action="store_true", help="print progress every 30 s")
    main(parser.parse_args())
