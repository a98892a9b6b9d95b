"""Report benchmark (issue 8, issue 16 goal 2): the full fiscal-year report on
``seed-demo --staff N``, against raw SQL over the same rows, on SQLite and on PostgreSQL.

    .venv/bin/python -m bench.report --repeat 5                  # SQLite, then PostgreSQL
    .venv/bin/python -m bench.report --staff 50000 --repeat 3 --databases sqlite

PostgreSQL (``--postgres``, default ``TELEWORK_TEST_POSTGRES_URL`` or the local server): a
scratch database ``telework_bench_<random>`` is created there and dropped afterwards.
OURS = ``make_report`` (reads org, staff, events and two fiscal years of telework for the
previous-year comparison; builds every table) for FY2026 as of 2027-03-31. Two baselines:

* RAW = one ``GROUP BY employee_id`` aggregate of FY2026's confirmed telework (the issue's
  original baseline; it counts neither the previous year nor merged days).
* FLOOR = the report's usage figures by one SQL statement: both fiscal years' confirmed
  telework counted per person and month with days merged (a morning and an afternoon make a
  full day; closed days left out; ``storage.telework_sql.segment_counts``), then per org unit
  (the current one: it leaves the roster history out, so it is cheaper than the report's
  rule) and month: teleworkers, occasions, full days. Fetched fully.

The floor's rows summed over units must equal the report's usage per month (teleworkers,
occasions, full days of both years): the bench checks it after the rounds and prints it.

A warm-up round, then ``--repeat`` rounds in a rotating order; medians. Not timed: generation
and, on PostgreSQL, an ``ANALYZE`` after it (autovacuum would otherwise gather statistics at
some moment of the rounds: without them the planner reads two years through the day index
and sorts them on disk, for the report and for the floor).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from pathlib import Path
from statistics import median
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.engine import make_url

from bench.common import admin as _admin
from domain.policy import Policy, default_policy
from domain.report_model import ReportRange, ReportRequest, default_telework_week
from domain.report_rows import Report
from domain.reports import make_report
from storage.demo import seed_demo
from storage.engine import create_engine
from storage.migrate import upgrade
from storage.report_queries import STAFF, SqlReportQueries
from storage.telework_counts import closed_days
from storage.telework_sql import segment_counts

FISCAL_YEAR = 2026
AS_OF = date(2027, 3, 31)
RAW = text(
    "SELECT employee_id, COUNT(*) AS occasions, "
    "SUM(CASE WHEN part = 'full' THEN 1.0 ELSE 0.5 END) AS person_days "
    "FROM schedule_entry WHERE status = 'telework' AND state = 'confirmed' "
    "AND day >= :start AND day <= :end GROUP BY employee_id"
)


def floor_statement(policy: Policy, first: date, last: date, dialect: str) -> Select[Any]:
    """FLOOR: usage per org unit and month of two fiscal years, days merged in SQL: distinct
    days per person and month (as ``storage.telework_sql.segment_counts`` counts them: no
    grouping per day), then per unit and month."""
    calendar = policy.work_calendar()
    months = []
    month = date(first.year, first.month, 1)
    while month <= last:
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        months.append(month)
    per_person = segment_counts(
        first,
        last,
        months,
        closed_days(first, last, calendar.is_working_day),
        ("confirmed",),
        policy.counting.time_ranges,
        scan=dialect == "sqlite",  # two years are most of the table (as the report reads)
    )
    people = per_person.subquery("per_person")
    employee, segment, days, not_am, not_pm = people.c
    unit = STAFF.c.org_unit
    return (
        select(unit, segment, func.count(), func.sum(days), func.sum(not_am + not_pm - days))
        .select_from(people.join(STAFF, STAFF.c.employee_id == employee))
        .group_by(unit, segment)
    )


async def measure(url: str, staff: int, repeat: int, seed: int) -> dict[str, float]:
    engine = create_engine(url)
    policy = default_policy()
    calendar = policy.work_calendar()
    try:
        started = time.perf_counter()
        summary = await seed_demo(engine, policy, staff=staff, fiscal_year=FISCAL_YEAR, seed=seed)
        if engine.dialect.name == "postgresql":  # statistics, as autovacuum would gather
            async with engine.connect() as conn:  # them at some moment of the rounds
                await conn.execute(text("ANALYZE"))
                await conn.commit()
        generated = time.perf_counter() - started
        request = ReportRequest(
            ReportRange.fiscal_year_of(FISCAL_YEAR, calendar),
            as_of=AS_OF,
            telework_week=default_telework_week(FISCAL_YEAR),
        )
        source = SqlReportQueries(engine, calendar.time_zone)
        first, last = calendar.fiscal_year_range(FISCAL_YEAR)

        reports: list[Report] = []

        async def ours() -> int:
            report = await make_report(source, request, policy, calendar)
            reports[:] = [report]
            return report.total.implementers

        async def raw() -> int:
            async with engine.connect() as conn:
                rows = (await conn.execute(RAW, {"start": first, "end": last})).all()
            return len(rows)

        previous_first, _ = calendar.fiscal_year_range(FISCAL_YEAR - 1)
        floor_sql = floor_statement(policy, previous_first, AS_OF, engine.dialect.name)

        floor_rows: list[Any] = []

        async def floor() -> int:
            async with engine.begin() as conn:
                if conn.dialect.name == "postgresql":  # as storage.telework_counts does
                    await conn.execute(text("SET LOCAL jit = off"))
                rows = (await conn.execute(floor_sql)).all()
            floor_rows[:] = rows
            return len(rows)

        contenders: dict[str, Callable[[], Awaitable[int]]] = {
            "ours": ours,
            "raw": raw,
            "floor": floor,
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        results: dict[str, int] = {}
        names = list(contenders)
        for round_ in range(repeat + 1):
            order = names[round_ % 3 :] + names[: round_ % 3]
            for name in order:
                t0 = time.perf_counter()
                results[name] = await contenders[name]()
                if round_:  # the first round warms caches and connections
                    times[name].append(time.perf_counter() - t0)
        ours_s, raw_s, floor_s = (median(times[n]) for n in names)
        rounds = zip(times["ours"], times["floor"], strict=True)
        paired = median(o / f for o, f in rounds)  # each round's ratio, then the median
        backend = make_url(url).get_backend_name()
        same = _same_usage(floor_rows, reports[0])
        print(
            f"{backend:10} staff={summary.staff} entries={summary.entries} "
            f"events={summary.events} (generated in {generated:.1f} s)\n"
            f"{'':10} report {ours_s:.3f} s  raw aggregate {raw_s:.3f} s  floor {floor_s:.3f} s\n"
            f"{'':10} ratio {ours_s / floor_s:.2f}x the floor (rounds: {paired:.2f}x), "
            f"{ours_s / raw_s:.2f}x raw  "
            f"(median of {repeat}; goal <= 2x, < 1 s on SQLite for 5,000 staff)\n"
            f"{'':10} implementers in the report {results['ours']}; people with telework "
            f"in the raw aggregate {results['raw']}; floor rows (unit x month) {results['floor']}\n"
            f"{'':10} the floor's figures summed over units = the report's per month "
            f"(teleworkers, occasions, full days; both years): {'yes' if same else 'NO'}",
            flush=True,
        )
        return {"ours": ours_s, "raw": raw_s, "floor": floor_s}
    finally:
        await engine.dispose()


def _same_usage(rows: Sequence[Any], report: Report) -> bool:
    """Whether the floor's rows, summed over units, give the report's usage per month of
    both years (each person's telework is in one unit in the floor and in the unit of
    each day in the report: the sums agree)."""
    months: dict[int, list[int]] = {}
    for _unit, segment, people, days, full in rows:
        cell = months.setdefault(segment, [0, 0, 0])
        cell[0] += people
        cell[1] += days  # occasions: a half day is one (the default policy)
        cell[2] += full
    ours = [
        [month.implementers, month.occasions, month.full_days]
        for body in (report.previous, report.current)
        for month in body.overview[-1].tally.months
    ]
    return [months.get(i, [0, 0, 0]) for i in range(len(ours))] == ours and len(months) <= len(ours)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("TELEWORK_TEST_POSTGRES_URL")
        or "postgresql+asyncpg://postgres@127.0.0.1:5432/test",
        help="PostgreSQL server URL (a scratch database is made)",
    )
    args = parser.parse_args()
    summary: list[tuple[str, dict[str, float]]] = []
    for database in (d.strip() for d in args.databases.split(",") if d.strip()):
        if database == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
                upgrade(url)
                summary.append(
                    ("sqlite", asyncio.run(measure(url, args.staff, args.repeat, args.seed)))
                )
            continue
        name = f"telework_bench_{uuid.uuid4().hex[:10]}"
        asyncio.run(_admin(args.postgres, f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(args.postgres).set(database=name).render_as_string(False)
            upgrade(url)
            summary.append(
                ("postgresql", asyncio.run(measure(url, args.staff, args.repeat, args.seed)))
            )
        finally:
            asyncio.run(_admin(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(f"report for {args.staff} staff (medians of {args.repeat}):")
    for backend, t in summary:
        print(
            f"  {backend:10} report {t['ours']:.3f} s  {t['ours'] / t['floor']:.2f}x floor  "
            f"{t['ours'] / t['raw']:.2f}x raw"
        )


if __name__ == "__main__":
    main()
