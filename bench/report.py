"""Report benchmark (issue 8): the full fiscal-year report on ``seed-demo --staff 5000``,
against one raw SQL aggregate over the same rows, on SQLite and on PostgreSQL.

    .venv/bin/python -m bench.report                  # SQLite (temporary file) only
    .venv/bin/python -m bench.report --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test

PostgreSQL: a scratch database ``telework_bench_<random>`` is created on that server and
dropped afterwards. OURS = ``make_report`` (reads org, staff, events and two fiscal years of
telework for the previous-year comparison; builds every table) for FY2026 as of 2027-03-31.
RAW = one ``GROUP BY employee_id`` aggregate of FY2026's confirmed telework, fetched fully.
A warm-up pair, then ``--repeat`` alternating pairs; medians. Generation is not timed.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from statistics import median

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest, default_telework_week
from domain.reports import make_report
from storage.demo import seed_demo
from storage.engine import create_engine
from storage.migrate import upgrade
from storage.report_queries import SqlReportQueries

FISCAL_YEAR = 2026
AS_OF = date(2027, 3, 31)
RAW = text(
    "SELECT employee_id, COUNT(*) AS occasions, "
    "SUM(CASE WHEN part = 'full' THEN 1.0 ELSE 0.5 END) AS person_days "
    "FROM schedule_entry WHERE status = 'telework' AND state = 'confirmed' "
    "AND day >= :start AND day <= :end GROUP BY employee_id"
)


async def measure(url: str, staff: int, repeat: int, seed: int) -> dict[str, float]:
    engine = create_engine(url)
    policy = default_policy()
    calendar = policy.work_calendar()
    try:
        started = time.perf_counter()
        summary = await seed_demo(engine, policy, staff=staff, fiscal_year=FISCAL_YEAR, seed=seed)
        generated = time.perf_counter() - started
        request = ReportRequest(
            ReportRange.fiscal_year_of(FISCAL_YEAR, calendar),
            as_of=AS_OF,
            telework_week=default_telework_week(FISCAL_YEAR),
        )
        source = SqlReportQueries(engine, calendar.time_zone)
        first, last = calendar.fiscal_year_range(FISCAL_YEAR)

        async def ours() -> int:
            report = await make_report(source, request, policy, calendar)
            return report.total.implementers

        async def raw() -> int:
            async with engine.connect() as conn:
                rows = (await conn.execute(RAW, {"start": first, "end": last})).all()
            return len(rows)

        ours_times: list[float] = []
        raw_times: list[float] = []
        implementers = people = 0
        for round_ in range(repeat + 1):
            t0 = time.perf_counter()
            implementers = await ours()
            t1 = time.perf_counter()
            people = await raw()
            t2 = time.perf_counter()
            if round_:  # the first pair warms caches and connections
                ours_times.append(t1 - t0)
                raw_times.append(t2 - t1)
        ours_s, raw_s = median(ours_times), median(raw_times)
        backend = make_url(url).get_backend_name()
        print(
            f"{backend:10} staff={summary.staff} entries={summary.entries} "
            f"events={summary.events} (generated in {generated:.1f} s)\n"
            f"{'':10} report {ours_s:.3f} s  raw aggregate {raw_s:.3f} s  "
            f"ratio {ours_s / raw_s:.1f}x  (median of {repeat}; goal < 2 s on SQLite)\n"
            f"{'':10} implementers in the report {implementers}; "
            f"people with telework in the raw aggregate {people} (leavers included)"
        )
        return {"ours": ours_s, "raw": raw_s}
    finally:
        await engine.dispose()


async def _admin(base: str, statement: str) -> None:
    admin: AsyncEngine = create_async_engine(
        make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        async with admin.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", help="PostgreSQL server URL (a scratch database is made)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        asyncio.run(measure(url, args.staff, args.repeat, args.seed))
    if args.postgres:
        name = f"telework_bench_{uuid.uuid4().hex[:10]}"
        asyncio.run(_admin(args.postgres, f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(args.postgres).set(database=name).render_as_string(False)
            upgrade(url)
            asyncio.run(measure(url, args.staff, args.repeat, args.seed))
        finally:
            asyncio.run(_admin(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
