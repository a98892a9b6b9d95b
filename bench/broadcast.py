"""Broadcast benchmark: the dispatcher against a fake connector in its own process.

    .venv/bin/python bench/broadcast.py                      # SQLite in a temporary directory
    .venv/bin/python bench/broadcast.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test

PostgreSQL: a scratch database is created next to the one named and dropped afterwards.
Prints: N recipients against a connector enforcing --limit requests/s (elapsed, msgs/s, ratio
to the limit, 429 share); the same with no limit (our own overhead); a fan-out of --fanout
recipients (seconds). Not a test: nothing asserts.
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
from pathlib import Path

import aiohttp
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.teams.connector import TeamsConnector  # noqa: E402
from domain.delivery import SystemClock  # noqa: E402
from scheduler.dispatcher import Dispatcher, DispatcherSettings  # noqa: E402
from storage.engine import create_engine, session_factory  # noqa: E402
from storage.ledger import SqlDeliveryLedger  # noqa: E402
from storage.ledger_fanout import fan_out  # noqa: E402
from storage.ledger_sql import CONVERSATION_REF, DELIVERY  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.fakes.ledger_data import add_refs  # noqa: E402


def start_fake(rate_limit: int | None, latency: float) -> tuple[subprocess.Popen[str], str]:
    args = [sys.executable, "-m", "tests.fakes.fake_connector", "--latency", str(latency)]
    if rate_limit:
        args += ["--rate-limit", str(rate_limit)]
    process = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


async def reset(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(DELIVERY.delete())
        await conn.execute(CONVERSATION_REF.delete())
        await conn.execute(text("DELETE FROM send_gate"))
        await conn.execute(text("DELETE FROM leader_lease"))


async def fan_out_all(engine: AsyncEngine, period: str) -> tuple[int, float]:
    started = time.perf_counter()
    async with session_factory(engine)() as session, session.begin():
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
    rate: float,
    latency: float,
    in_flight: int,
) -> None:
    await reset(engine)
    fake, url = start_fake(limit, latency)
    try:
        await add_refs(engine, range(recipients), url)
        await fan_out_all(engine, f"bench-{uuid.uuid4().hex[:8]}")
        settings = DispatcherSettings(
            rate_per_second=rate,
            max_in_flight=in_flight,
            batch_size=100,
            idle_wait_seconds=1.0,
        )
        clock = SystemClock()
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=in_flight * 2)
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
    throttled = stats["status"].get("429", 0)
    rate_achieved = recipients / elapsed
    label = f"limit {limit}/s, our bucket {rate:g}/s" if limit else "no limit"
    print(
        f"broadcast {recipients} ({label}, latency {latency * 1000:.0f} ms, {in_flight} in flight)"
    )
    print(f"  elapsed {elapsed:.1f} s, {rate_achieved:.1f} msgs/s", end="")
    if limit:
        print(f", ratio to limit {rate_achieved / limit:.3f}", end="")
    print(
        f", 429s {throttled} of {stats['requests']} requests "
        f"({100 * throttled / max(1, stats['requests']):.2f}%), "
        f"distinct recipients reached {stats['distinct']}, delivered {stats['delivered']}"
    )


async def bench_fan_out(engine: AsyncEngine, count: int) -> None:
    await reset(engine)
    await add_refs(engine, range(count), "http://127.0.0.1:9")
    added, seconds = await fan_out_all(engine, "fanout")
    again, seconds_again = await fan_out_all(engine, "fanout")
    print(
        f"fan-out {added} recipients (INSERT … SELECT … ON CONFLICT DO NOTHING): "
        f"{seconds:.2f} s; re-run adding {again}: {seconds_again:.2f} s"
    )


async def main(args: argparse.Namespace) -> None:
    url = args.database_url
    scratch: str | None = None
    with tempfile.TemporaryDirectory() as tmp:
        if url is None:
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        elif url.startswith("postgresql"):
            scratch = f"telework_bench_{uuid.uuid4().hex[:8]}"
            await admin(url, f'CREATE DATABASE "{scratch}"')
            url = make_url(url).set(database=scratch).render_as_string(hide_password=False)
        await asyncio.to_thread(upgrade, url)
        engine = create_engine(url)
        try:
            print(f"database: {engine.dialect.name}; {os.cpu_count()} CPUs")
            await broadcast(
                engine, args.recipients, args.limit, args.rate, args.latency, args.in_flight
            )
            await broadcast(engine, args.recipients, None, 1e6, 0.0, args.in_flight)
            await bench_fan_out(engine, args.fanout)
        finally:
            await engine.dispose()
            if scratch:
                await admin(args.database_url, f'DROP DATABASE "{scratch}" WITH (FORCE)')


async def admin(url: str, statement: str) -> None:
    engine = create_async_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--limit", type=int, default=50, help="the fake's requests/s limit")
    parser.add_argument("--rate", type=float, default=46.0, help="our token bucket, per second")
    parser.add_argument("--latency", type=float, default=0.05, help="fake answer latency, s")
    parser.add_argument("--in-flight", type=int, default=16)
    parser.add_argument("--fanout", type=int, default=100_000)
    asyncio.run(main(parser.parse_args()))
