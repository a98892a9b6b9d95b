"""Nudge planning benchmark: who gets which nudge on one day, for 100,000 staff.

    .venv/bin/python bench/nudges.py                      # SQLite, then PostgreSQL
    .venv/bin/python bench/nudges.py --staff 20000 --databases sqlite --raw --job

PostgreSQL (``--postgres-url``, default ``TELEWORK_TEST_POSTGRES_URL`` or the local server): a
scratch database is created there and dropped afterwards; SQLite: a temporary directory.
Prints, per database: the planner (the job's reads + pure planning + suggested days; no
cards, no writes), the median of ``--repeat`` runs, against the goal of 5 s on SQLite.
``--raw``: also one raw SQL query that selects the same people (correlated subqueries: minutes
on SQLite at 100,000 staff), their ratio, and whether both found exactly the same people;
``--job``: the whole job (cards and the ledger fan-out) once. Not a test.

The day is Wednesday 2026-11-18: weekly (general), monthly (care, from the 16th) and yearly
(managers, from October) nudges are all in their windows, the worst case.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import admin as _admin  # noqa: E402
from bot.app import build_services  # noqa: E402
from bot.core.reminders import ReminderServices  # noqa: E402
from bot.features.nudges.nudges import plan_nudges, run_nudges  # noqa: E402
from domain.calendar import WorkCalendar  # noqa: E402
from domain.delivery import Firing, SystemClock  # noqa: E402
from domain.nudges import NudgePlanner  # noqa: E402
from domain.policy import Policy, default_policy  # noqa: E402
from storage.engine import create_engine  # noqa: E402
from storage.ledger_fanout import SqlFiringLedger  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

DAY = date(2026, 11, 18)
AT = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
SECTION_SIZE = 40

TW = """(SELECT COUNT(DISTINCT e.day) FROM schedule_entry e WHERE e.employee_id = s.employee_id
  AND e.status = 'telework' AND e.state IN ('confirmed', 'pending')
  AND e.day BETWEEN :{lo} AND :{hi})"""
ISSUED = """(SELECT COUNT(*) FROM delivery d WHERE d.recipient = t.teams_user_id
  AND d.kind = 'nudge' AND d.period_key LIKE :{key})"""
# One statement; correlated subqueries use the (employee_id, day) and (recipient, …) indexes.
RAW = f"""
SELECT s.employee_id
FROM staff s
JOIN teams_identity t ON t.employee_id = s.employee_id
LEFT JOIN user_preference p ON p.employee_id = s.employee_id
WHERE s.active AND s.exempt_reason IS NULL AND s.hire_date <= :hired_by
  AND NOT EXISTS (SELECT 1 FROM schedule_entry l WHERE l.employee_id = s.employee_id
                  AND l.day = :today AND l.status = 'leave' AND l.state IN ('confirmed', 'pending'))
  AND (p.employee_id IS NULL OR (NOT p.paused_indefinitely
       AND (p.paused_until IS NULL OR p.paused_until < :today)
       AND (p.snoozed_until IS NULL OR p.snoozed_until < :today)))
  AND (
    (s.is_manager AND {TW.format(lo="fy_lo", hi="fy_hi")} < 2
     AND {ISSUED.format(key="mgr_key")} < :mgr_reached)
    OR ((s.care_preschool OR s.care_family) AND {TW.format(lo="mo_lo", hi="mo_hi")} < 1
        AND {ISSUED.format(key="care_key")} < 1)
    OR (NOT s.is_manager AND NOT s.care_preschool AND NOT s.care_family
        AND {TW.format(lo="wk_lo", hi="wk_hi")} < 1 AND {ISSUED.format(key="gen_key")} < 1)
  )
"""


async def seed(engine: AsyncEngine, staff: int) -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    sections = (staff + SECTION_SIZE - 1) // SECTION_SIZE
    units = [{"code": "局", "name": "局", "kind": "bureau", "office": "head_office",
              "parent": None, "updated_at": now}]  # fmt: skip
    units += [{"code": f"局/課{s}", "name": f"課{s}", "kind": "section", "office": "head_office",
               "parent": "局", "updated_at": now} for s in range(sections)]  # fmt: skip
    people, identities, entries, prefs = [], [], [], []
    weeks = [date(2026, 10, 5) + timedelta(weeks=w) for w in range(9)]  # Oct–Nov
    for n in range(staff):
        emp = f"E{n:06d}"
        people.append({
            "employee_id": emp, "name": emp, "email": f"{emp.lower()}@example.go.jp",
            "org_unit": f"局/課{n // SECTION_SIZE}",
            "hire_date": date(2026, 8, 1) if n % 97 == 0 else date(2010, 4, 1),
            "is_manager": n % 10 == 0, "is_section_chief": n % SECTION_SIZE == 0,
            "care_preschool": n % 11 == 3, "care_family": False,
            "exempt_reason": "diet_work" if n % 37 == 5 else None, "active": n % 101 != 7,
            "time_zone": "Asia/Tokyo", "updated_at": now,
        })  # fmt: skip
        identities.append({"tenant_id": "t", "teams_user_id": f"29:{emp}", "employee_id": emp,
                           "first_seen_at": now, "last_seen_at": now})  # fmt: skip
        if n % 2 == 0:  # half the staff telework weekly
            for monday in weeks:
                day = monday + timedelta(days=n % 5)
                entries.append({"employee_id": emp, "day": day, "part": "full",
                                "status": "telework", "state": "confirmed", "source": "bench",
                                "created_at": now, "updated_at": now})  # fmt: skip
        if n % 53 == 1:
            entries.append({"employee_id": emp, "day": DAY, "part": "full", "status": "leave",
                            "state": "confirmed", "source": "bench", "created_at": now,
                            "updated_at": now})  # fmt: skip
        if n % 41 == 9:
            prefs.append({"employee_id": emp, "paused_until": DAY + timedelta(days=3),
                          "paused_indefinitely": False, "snoozed_until": None, "digest": False,
                          "updated_at": now})  # fmt: skip
    async with engine.begin() as conn:
        tables = [("org_unit", units), ("staff", people), ("teams_identity", identities),
                  ("schedule_entry", entries), ("user_preference", prefs)]  # fmt: skip
        for table, rows in tables:
            statement = text(
                f"INSERT INTO {table} ({', '.join(rows[0])}) "
                f"VALUES ({', '.join(':' + k for k in rows[0])})"
            )
            for start in range(0, len(rows), 5000):
                await conn.execute(statement, rows[start : start + 5000])
    async with engine.begin() as conn:
        await conn.execute(text("ANALYZE"))  # statistics, as a live database has (autovacuum)


async def main(url: str, args: argparse.Namespace) -> tuple[str, float, int]:
    engine = create_engine(url)
    try:
        started = time.perf_counter()
        await seed(engine, args.staff)
        print(f"{engine.dialect.name}: seeded {args.staff} staff in "
              f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
        policy = default_policy()
        calendar = policy.work_calendar()
        features = build_services(engine, policy, clock=lambda: AT)
        services = ReminderServices.build(engine, features)
        times = []
        cpu = []
        planned = []
        for _ in range(args.repeat + 1):  # the first run warms caches and connections
            started, started_cpu = time.perf_counter(), time.process_time()
            planned = await plan_nudges(services, DAY)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        plan_s = median(times[1:])
        runs = ", ".join(f"{t:.2f}" for t in times[1:])
        # CPU of this process, every thread (SQLite runs in it; a PostgreSQL server does not)
        print(f"planner: {len(planned)} nudges for {args.staff} staff, median {plan_s:.2f} s "
              f"({runs}; warm-up {times[0]:.2f}); CPU of this process {median(cpu[1:]):.2f} s",
              flush=True)  # fmt: skip
        if args.raw:
            await raw_check(engine, policy, calendar, {p.member.employee_id for p in planned},
                            plan_s)  # fmt: skip
        if args.job:
            started = time.perf_counter()
            run_id = await SqlFiringLedger(engine, SystemClock()).claim_firing(
                "nudges-daily", "bench", AT, "bench"
            )
            assert run_id is not None
            added = await run_nudges(services, Firing(run_id, "nudges-daily", "bench", AT))
            job_s = time.perf_counter() - started
            print(f"whole job (plan + cards + ledger fan-out of {added} rows): {job_s:.2f} s")
        return engine.dialect.name, plan_s, len(planned)
    finally:
        await engine.dispose()


async def raw_check(
    engine: AsyncEngine, policy: Policy, calendar: WorkCalendar, mine: set[str], plan_s: float
) -> None:
    periods = NudgePlanner(policy, calendar, DAY).periods
    fy, month, week = periods["manager"], periods["care"], periods["general"]
    rule = policy.categories["manager"].nudge
    assert rule is not None
    params = {
        "wk_lo": week.start, "wk_hi": week.end, "mo_lo": month.start, "mo_hi": month.end,
        "fy_lo": fy.start, "fy_hi": fy.end, "today": DAY, "hired_by": date(2026, 5, 18),
        "mgr_key": f"manager:{fy.key}:%", "care_key": f"care:{month.key}:%",
        "gen_key": f"general:{week.key}:%", "mgr_reached": 1,
    }  # fmt: skip
    started = time.perf_counter()
    async with engine.connect() as conn:
        raw = {r for (r,) in await conn.execute(text(RAW), params)}
    raw_s = time.perf_counter() - started
    print(f"raw SQL: {len(raw)} people in {raw_s:.2f} s; ratio planner/raw {plan_s / raw_s:.1f}x")
    only_mine, only_raw = len(mine - raw), len(raw - mine)
    print(f"same people: {mine == raw} (only planner {only_mine}, only SQL {only_raw})")


def run(database: str, args: argparse.Namespace) -> tuple[str, float, int]:
    if database == "postgresql":
        name = f"bench_nudges_{uuid.uuid4().hex[:8]}"
        asyncio.run(_admin(args.postgres_url, f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(args.postgres_url).set(database=name).render_as_string(False)
            upgrade(url)
            return asyncio.run(main(url, args))
        finally:
            asyncio.run(_admin(args.postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        upgrade(url)
        return asyncio.run(main(url, args))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("TELEWORK_TEST_POSTGRES_URL")
        or "postgresql+asyncpg://postgres@127.0.0.1:5432/test",
    )
    parser.add_argument("--raw", action="store_true", help="also the raw SQL and its check")
    parser.add_argument("--job", action="store_true", help="also the whole job once")
    args = parser.parse_args()
    results = [run(d.strip(), args) for d in args.databases.split(",") if d.strip()]
    print(f"nudge planning for {args.staff} staff (median of {args.repeat}; goal < 5 s on SQLite):")
    for name, seconds, count in results:
        print(f"  {name:10} {seconds:.2f} s  {count} nudges  load average {os.getloadavg()[0]:.1f}")
