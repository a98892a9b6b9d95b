"""Broadcast benchmark: the dispatcher at default settings against a fake connector (own process).

    .venv/bin/python -m bench.broadcast --recipients 5000                 # SQLite and PostgreSQL
    .venv/bin/python -m bench.broadcast --p429 0.2 --latency 0.08         # a 429 storm
    .venv/bin/python -m bench.broadcast --p5xx 0.2 --latency 0.08         # a 5xx storm
    .venv/bin/python -m bench.broadcast --kill --only-storms --latency 0.08  # crash recovery

For each database (``--databases``; PostgreSQL at ``--postgres-url``, a scratch database created
and dropped) and each ``--latency`` (seconds, comma-separated) it fans out ``--recipients``
messages and drains them at the dispatcher's default settings (``TELEWORK_DELIVERY_RATE`` 50 as
the ceiling) against a connector enforcing ``--limit`` accepted requests in any second. Prints
the achieved rate over the limit (what the connector would accept: the limit, less the share it
refuses at random), the 429 share, and failed / lost / duplicated messages. ``--kill`` adds two
runs with the dispatcher in its own process, SIGKILLed a third of the way: the same replica
restarted at once, and a second replica taking over; they print how soon sending resumed (the
rate there includes the restart). ``--fanout N`` also times a fan-out of N recipients. Not a
test: nothing asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import admin, floats, names  # noqa: E402
from bot.teams.connector import TeamsConnector  # noqa: E402
from domain.delivery import SystemClock  # noqa: E402
from scheduler.dispatcher import Dispatcher, DispatcherSettings  # noqa: E402
from storage.engine import create_engine, session_factory  # noqa: E402
from storage.ledger import SqlDeliveryLedger  # noqa: E402
from storage.ledger_fanout import fan_out  # noqa: E402
from storage.ledger_sql import CONVERSATION_REF, DELIVERY  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.fakes.ledger_data import add_refs  # noqa: E402


def start_fake(
    rate_limit: int | None, latency: float, p429: float = 0.0, p5xx: float = 0.0
) -> tuple[subprocess.Popen[str], str]:
    args = [sys.executable, "-m", "tests.fakes.fake_connector", "--latency", str(latency)]
    args += ["--p429", str(p429), "--p5xx", str(p5xx)]
    if rate_limit:
        args += ["--rate-limit", str(rate_limit)]
    process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


@dataclass
class Outcome:
    """One run, as the table prints it."""

    elapsed: float
    requests: int
    throttled: int
    delivered: int
    distinct: int
    failed: int

    def row(self, recipients: int, limit: int | None, p429: float) -> str:
        rate = self.distinct / self.elapsed
        accepts = limit * (1 - p429) if limit else None
        ratio = f"{rate / accepts:.3f}" if accepts else "-"
        lost = recipients - self.distinct - self.failed
        return (
            f"{self.elapsed:7.1f} s  {rate:6.1f}/s  {ratio:>6}  "
            f"{100 * self.throttled / max(1, self.requests):5.2f}%  "
            f"{self.failed:6d}  {lost:4d}  {self.delivered - self.distinct:4d}"
        )


HEADER = "database    latency  case            elapsed      rate  /limit   429s  failed  lost  dups"


async def reset(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(DELIVERY.delete())
        await conn.execute(CONVERSATION_REF.delete())
        await conn.execute(text("DELETE FROM send_gate"))
        await conn.execute(text("DELETE FROM leader_lease"))


async def fan_out_all(engine: AsyncEngine, period: str) -> tuple[int, float]:
    started = time.perf_counter()
    async with session_factory(engine).begin() as session:
        added = await fan_out(
            session,
            recipients=select(CONVERSATION_REF.c.user_key),
            kind="broadcast",
            period_key=period,
            payload={"type": "message", "text": "全職員へのお知らせ"},
            now=SystemClock().now(),
        )
    return added, time.perf_counter() - started


async def broadcast(
    engine: AsyncEngine,
    recipients: int,
    limit: int | None,
    latency: float,
    *,
    p429: float = 0.0,
    p5xx: float = 0.0,
    settings: DispatcherSettings | None = None,
) -> Outcome:
    await reset(engine)
    fake, url = start_fake(limit, latency, p429, p5xx)
    try:
        await add_refs(engine, range(recipients), url)
        await fan_out_all(engine, f"bench-{uuid.uuid4().hex[:8]}")
        settings = settings or DispatcherSettings()
        clock = SystemClock()
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=settings.max_in_flight * 2)
        ) as http:
            dispatcher = Dispatcher(
                SqlDeliveryLedger(engine, clock),
                TeamsConnector(http, None),
                clock=clock,
                owner="bench",
                settings=settings,
            )
            started = time.perf_counter()
            await dispatcher.start()
            await dispatcher.wait_drained()
            elapsed = time.perf_counter() - started
            await dispatcher.stop()
            async with http.get(f"{url}/_stats") as response:
                stats = await response.json()
    finally:
        fake.terminate()
        fake.wait()
    return Outcome(
        elapsed=elapsed,
        requests=stats["requests"],
        throttled=stats["status"].get("429", 0),
        delivered=stats["delivered"],
        distinct=stats["distinct"],
        failed=await failed_count(engine),
    )


def runner(url: str, owner: str, replica: str, *flags: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.scheduler.dispatcher_runner", url, owner]
    args += ["--replica", replica, "--default-settings", *flags]
    process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    process.stdout.readline()  # "started"
    return process


async def killed(
    engine: AsyncEngine, url: str, recipients: int, limit: int, latency: float, failover: bool
) -> tuple[Outcome, float]:
    """A dispatcher process SIGKILLed a third of the way; then the same replica restarts at once
    (``failover`` False) or a second replica, already running, takes over. Returns the outcome
    and the seconds from the kill to the next message the connector accepted."""
    await reset(engine)
    fake, fake_url = start_fake(limit, latency)
    processes: list[subprocess.Popen[str]] = []
    try:
        await add_refs(engine, range(recipients), fake_url)
        await fan_out_all(engine, f"bench-{uuid.uuid4().hex[:8]}")
        async with aiohttp.ClientSession() as http:

            async def delivered() -> int:
                async with http.get(f"{fake_url}/_stats") as response:
                    return int((await response.json())["delivered"])

            async def until_delivered(more_than: int, step: float) -> None:
                while True:
                    if await delivered() > more_than:
                        return
                    await asyncio.sleep(step)

            started = time.perf_counter()
            victim = runner(url, "a/1", "a")
            processes.append(victim)
            if failover:
                processes.append(runner(url, "b/1", "b", "--drain"))
            await until_delivered(recipients // 3, 0.05)
            victim.kill()
            victim.wait()
            killed_at, before = time.perf_counter(), await delivered()
            if not failover:
                processes.append(runner(url, "a/2", "a", "--drain"))
            await until_delivered(before, 0.02)
            resumed = time.perf_counter() - killed_at
            await asyncio.to_thread(processes[-1].wait, 600)
            elapsed = time.perf_counter() - started
            async with http.get(f"{fake_url}/_stats") as response:
                stats = await response.json()
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        fake.terminate()
        fake.wait()
    outcome = Outcome(
        elapsed=elapsed,
        requests=stats["requests"],
        throttled=stats["status"].get("429", 0),
        delivered=stats["delivered"],
        distinct=stats["distinct"],
        failed=await failed_count(engine),
    )
    return outcome, resumed


async def failed_count(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).where(DELIVERY.c.status == "failed")
        return int((await conn.execute(query)).scalar_one())


async def bench_fan_out(engine: AsyncEngine, count: int) -> None:
    await reset(engine)
    await add_refs(engine, range(count), "http://127.0.0.1:9")
    added, seconds = await fan_out_all(engine, "fanout")
    again, seconds_again = await fan_out_all(engine, "fanout")
    print(
        f"fan-out {added} recipients (INSERT … SELECT … ON CONFLICT DO NOTHING): "
        f"{seconds:.2f} s; re-run adding {again}: {seconds_again:.2f} s"
    )


async def on_database(url: str, args: argparse.Namespace) -> None:
    scratch: str | None = None
    with tempfile.TemporaryDirectory() as tmp:
        if url == "sqlite":
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        else:
            scratch = f"telework_bench_{uuid.uuid4().hex[:8]}"
            await admin(url, f'CREATE DATABASE "{scratch}"')
            url = make_url(url).set(database=scratch).render_as_string(hide_password=False)
        await asyncio.to_thread(upgrade, url)
        engine = create_engine(url)
        name = engine.dialect.name
        try:
            for latency in args.latency:
                cases: list[tuple[str, float, float]] = [("clean", 0.0, 0.0)]
                if args.p429:
                    cases.append((f"{args.p429:.0%} random 429", args.p429, 0.0))
                if args.p5xx:
                    cases.append((f"{args.p5xx:.0%} random 5xx", 0.0, args.p5xx))
                if args.only_storms:
                    cases = cases[1:]
                for label, p429, p5xx in cases:
                    outcome = await broadcast(
                        engine, args.recipients, args.limit, latency, p429=p429, p5xx=p5xx
                    )
                    print(
                        f"{name:10s} {latency * 1000:5.0f} ms  {label:14s} "
                        f"{outcome.row(args.recipients, args.limit, p429)}",
                        flush=True,
                    )
                if args.kill:
                    for label, failover in (("kill, restart", False), ("kill, failover", True)):
                        outcome, resumed = await killed(
                            engine, url, args.recipients, args.limit, latency, failover
                        )
                        print(
                            f"{name:10s} {latency * 1000:5.0f} ms  {label:14s} "
                            f"{outcome.row(args.recipients, args.limit, 0.0)}  "
                            f"resumed {resumed:.1f} s after the kill",
                            flush=True,
                        )
            if args.fanout:
                await bench_fan_out(engine, args.fanout)
        finally:
            await engine.dispose()
            if scratch:
                await admin(args.postgres_url, f'DROP DATABASE "{scratch}" WITH (FORCE)')


async def main(args: argparse.Namespace) -> None:
    print(
        f"{args.recipients} recipients; connector limit {args.limit}/s; dispatcher defaults "
        f"(ceiling {DispatcherSettings().rate_per_second:g}/s); {os.cpu_count()} CPUs"
    )
    print("rate = messages delivered / s; /limit = rate over what the connector would accept")
    print(HEADER, flush=True)
    for database in args.databases:
        await on_database("sqlite" if database == "sqlite" else args.postgres_url, args)


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
    parser.add_argument("--limit", type=int, default=50, help="the fake's requests/s limit")
    parser.add_argument(
        "--latency", type=floats, default=[0.0, 0.08, 0.15], help="fake answer latencies, s"
    )
    parser.add_argument("--p429", type=float, default=0.0, help="share answered 429 at random")
    parser.add_argument("--p5xx", type=float, default=0.0, help="share answered 5xx at random")
    parser.add_argument(
        "--only-storms", action="store_true", help="skip the clean runs (storms, --kill only)"
    )
    parser.add_argument(
        "--kill",
        action="store_true",
        help="also SIGKILL a dispatcher process a third of the way (restart; failover)",
    )
    parser.add_argument("--fanout", type=int, default=0, help="also time a fan-out of N")
    asyncio.run(main(parser.parse_args()))
