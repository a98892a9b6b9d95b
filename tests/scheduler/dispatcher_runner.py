"""A dispatcher in its own process, for the SIGKILL test.

``python -m tests.scheduler.dispatcher_runner DATABASE_URL OWNER [--replica R] [--drain]`` prints
"started" once it runs (and "leader" if it holds the sender lease then); with ``--drain`` it exits
when nothing is left to send. The lease and claim settings are the defaults: a claim lasts 60 s,
so only an immediate take-over explains a fast recovery.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

import aiohttp

from bot.teams.connector import TeamsConnector
from domain.delivery import SystemClock
from scheduler.dispatcher import Dispatcher, DispatcherSettings
from storage.engine import create_engine
from storage.ledger import SqlDeliveryLedger


async def main(
    database_url: str, owner: str, replica: str | None, drain: bool, defaults: bool = False
) -> None:
    engine = create_engine(database_url)
    settings = (
        DispatcherSettings()
        if defaults
        else DispatcherSettings(
            rate_per_second=200,
            max_in_flight=8,
            batch_size=20,
            reap_every_seconds=0.5,
            idle_wait_seconds=0.5,
            backoff_base_seconds=0.05,
        )
    )
    async with aiohttp.ClientSession() as session:
        dispatcher = Dispatcher(
            SqlDeliveryLedger(engine, SystemClock()),
            TeamsConnector(session, None),
            clock=SystemClock(),
            owner=owner,
            replica=replica,
            settings=settings,
        )
        await dispatcher.start()
        print("started leader" if dispatcher.is_leader else "started", flush=True)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        waits = [asyncio.create_task(stop.wait())]
        if drain:
            waits.append(asyncio.create_task(dispatcher.wait_drained()))
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for task in waits:
            task.cancel()
        await dispatcher.stop()
    await engine.dispose()


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    parser = argparse.ArgumentParser()
    parser.add_argument("database_url")
    parser.add_argument("owner")
    parser.add_argument("--replica")
    parser.add_argument("--drain", action="store_true")
    parser.add_argument("--default-settings", action="store_true", help="(bench/broadcast.py)")
    args = parser.parse_args()
    asyncio.run(
        main(args.database_url, args.owner, args.replica, args.drain, args.default_settings)
    )
