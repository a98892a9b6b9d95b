"""Quota benchmark (issue 3): everyone's quota status on one date, against one SQL aggregate.

    .venv/bin/python -m bench.quota                     # SQLite, then PostgreSQL
    .venv/bin/python -m bench.quota --staff 20000 --seed 7 --databases sqlite
    .venv/bin/python -m bench.quota --postgres-url postgresql+asyncpg://postgres@127.0.0.1:5432/test

PostgreSQL (``--postgres-url``, default ``TELEWORK_TEST_POSTGRES_URL`` or the local server): a
scratch database ``telework_bench_<random>`` is created there and dropped afterwards (also on
failure); SQLite: a temporary directory, removed afterwards. The ratios of both databases are
printed together at the end.

1. Synthetic data, bulk-inserted with SQLAlchemy core (chunks of 10k): org units, N staff
   (managers, carers, exempt, recently hired, inactive) and a fiscal year (FY2026) of
   declarations with seasonality, half days, and cancelled / pending / office rows that the
   aggregates must leave out. Generation time is reported but is not part of the comparison.
2. OURS: ``SqlTeleworkCounts.quota_statuses`` — one statement: each person's profile (the
   staff columns the quota rules read) next to their telework merged per day and counted
   per period in SQL (one row per person), statuses computed once per distinct profile and
   counts — consumed fully. RAW: one ``GROUP BY employee_id`` aggregate over the same rows
   (FY ± 7 days), fetched fully. Both read with the garbage collector paused
   (``domain.bulk``). Alternating, a warm-up pair then ``--repeat`` pairs; medians.
3. Checks: OURS gives exactly the statuses of the Python path it replaced (every occasion
   loaded by ``SqlSchedule.telework_occasions`` and ``quota_statuses``, timed once as
   "before") and of the previous counted path (``SqlOrganisation.staff`` +
   ``SqlTeleworkCounts.per_period`` + ``quota_statuses_counted``, timed once as "counted
   before"), and both (and the generator) agree on what they can all count.

Not a test: it exits 1 only when a check disagrees.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import signal
import sys
import tempfile
import time
import uuid
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random
from statistics import median
from typing import Any

from sqlalchemy import Date, Table, bindparam, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import admin
from domain.bulk import collector_paused
from domain.calendar import WorkCalendar
from domain.occasions import merge_by_day
from domain.policy import Policy, default_policy
from domain.quota import QuotaFrame, QuotaStatus, quota_statuses, quota_statuses_counted
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.org import OrgUnitRow, SqlOrganisation, StaffRow
from storage.schedule import ScheduleEntryRow, SqlSchedule
from storage.telework_counts import SqlTeleworkCounts

FISCAL_YEAR = 2026
ON = date(2026, 11, 26)  # a Thursday in November (テレワーク月間)
MARGIN = timedelta(days=7)  # weekly periods straddle the fiscal year's edges
CHUNK = 10_000
NOW = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)

ORG_UNIT: Table = OrgUnitRow.__table__  # type: ignore[attr-defined]
STAFF: Table = StaffRow.__table__  # type: ignore[attr-defined]
ENTRY: Table = ScheduleEntryRow.__table__  # type: ignore[attr-defined]

HEAD_OFFICE_BUREAUS = (
    "大臣官房",
    "行政管理局",
    "行政評価局",
    "自治行政局",
    "自治財政局",
    "情報流通行政局",
    "総合通信基盤局",
    "統計局",
)
REGIONAL_BUREAUS = (
    "北海道管区行政評価局",
    "東北管区行政評価局",
    "関東管区行政評価局",
    "近畿管区行政評価局",
    "九州総合通信局",
)
SECTIONS = 200

# Seasonality by calendar month: Telework Days (July–August) and テレワーク月間 (November) up,
# the start and the end of the fiscal year (人事異動, 予算・国会) down.
MONTH_WEIGHT = {
    4: 0.6,
    5: 0.9,
    6: 1.0,
    7: 1.4,
    8: 1.5,
    9: 1.0,
    10: 0.9,
    11: 1.3,
    12: 0.9,
    1: 1.0,
    2: 1.1,
    3: 0.6,
}
WEEKDAY_WEIGHT = (1.2, 0.9, 1.0, 0.9, 1.3)  # Monday and Friday are favourites


# -- synthetic data ----------------------------------------------------------------------


@dataclass(slots=True)
class Person:
    """What the schedule generator needs to know about one staff member."""

    employee_id: str
    first_day: int  # index into the fiscal year's working days from which telework may happen
    factor: float  # propensity multiplier (managers less, carers more, exempt hardly)


@dataclass(slots=True)
class Truth:
    """What the generator wrote, counted as it went (a third opinion for the checks)."""

    rows: Counter[tuple[str, str]] = field(default_factory=Counter)
    parts: Counter[str] = field(default_factory=Counter)
    people_with_telework: int = 0
    telework_days: int = 0  # distinct (person, day) with confirmed telework
    person_days: float = 0.0
    staff: Counter[str] = field(default_factory=Counter)


def org_units() -> tuple[list[dict[str, Any]], list[str]]:
    """Bureaus (head office and regional) and SECTIONS sections spread over them."""
    units: list[dict[str, Any]] = []
    bureaus = [(b, "head_office") for b in HEAD_OFFICE_BUREAUS]
    bureaus += [(b, "regional") for b in REGIONAL_BUREAUS]
    for name, office in bureaus:
        units.append(
            {
                "code": name,
                "name": name,
                "name_en": None,
                "kind": "bureau",
                "office": office,
                "parent": None,
                "updated_at": NOW,
            }
        )
    sections: list[str] = []
    for i in range(SECTIONS):
        bureau, office = bureaus[i % len(bureaus)]
        name = f"第{i // len(bureaus) + 1}課"
        code = f"{bureau}/{name}"
        sections.append(code)
        units.append(
            {
                "code": code,
                "name": name,
                "name_en": None,
                "kind": "section",
                "office": office,
                "parent": bureau,
                "updated_at": NOW,
            }
        )
    return units, sections


def staff_rows(
    count: int,
    rng: Random,
    sections: Sequence[str],
    policy: Policy,
    working: Sequence[int],
    truth: Truth,
) -> tuple[list[dict[str, Any]], list[Person]]:
    """Staff records with a plausible mix, and the generator's view of each person."""
    rows: list[dict[str, Any]] = []
    people: list[Person] = []
    chiefs = rng.sample(range(count), min(count, len(sections)))
    chief_of = dict(zip(chiefs, sections, strict=False))  # one 課室長 per section
    recent_from = ON - timedelta(days=182)  # hired within the last six months
    early_hire, late_hire = date(1985, 4, 1).toordinal(), date(2026, 5, 31).toordinal()
    exempt_reasons = ("diet_work", "counter_service", "other")
    for i in range(count):
        employee_id = f"E{i:07d}"
        chief = i in chief_of
        manager = chief or rng.random() < 0.14
        preschool = rng.random() < 0.07
        family = rng.random() < 0.04
        exempt = exempt_reasons[i % 3] if rng.random() < 0.03 else None
        active = rng.random() >= 0.01
        if rng.random() < 0.05:
            hire = recent_from + timedelta(days=rng.randrange(182))
        elif rng.random() < 0.6:
            hire = date(rng.randrange(1985, 2027), 4, 1)  # 4月1日採用
        else:
            hire = date.fromordinal(rng.randrange(early_hire, late_hire))
        rows.append(
            {
                "employee_id": employee_id,
                "name": f"職員{i}",
                "reading": None,
                "email": f"{employee_id.lower()}@example.go.jp",
                "aad_object_id": None,
                "org_unit": chief_of.get(i, sections[i % len(sections)]),
                "hire_date": hire,
                "is_manager": manager,
                "is_section_chief": chief,
                "care_preschool": preschool,
                "care_family": family,
                "exempt_reason": exempt,
                "active": active,
                "preferred_language": None,
                "time_zone": "Asia/Tokyo",
                "updated_at": NOW,
            }
        )
        truth.staff["staff"] += 1
        truth.staff["managers"] += manager
        truth.staff["carers"] += preschool or family
        truth.staff["exempt"] += exempt is not None
        truth.staff["inactive"] += not active
        truth.staff["hired in the last 6 months"] += hire >= recent_from
        eligible = policy.eligibility.eligible_from(hire).toordinal()
        factor = 0.6 if manager else 1.0
        if preschool or family:
            factor *= 1.5
        if exempt:
            factor = 0.1
        people.append(Person(employee_id, bisect_left(working, eligible), factor))
    return rows, people


def telework_days_wanted(rng: Random, factor: float, share: float) -> int:
    """Days a person teleworks in a fiscal year: many 0–10, a tail up to 80."""
    u = rng.random()
    if u < 0.35:
        days = rng.randint(0, 3)
    elif u < 0.75:
        days = rng.randint(4, 10)
    elif u < 0.93:
        days = rng.randint(11, 30)
    else:
        days = rng.randint(31, 80)
    return min(80, round(days * factor * share))


def schedule_rows(
    people: Sequence[Person],
    rng: Random,
    working: Sequence[int],
    truth: Truth,
) -> Iterator[dict[str, Any]]:
    """Declarations of the fiscal year, one dict per schedule_entry row, in the order they
    would have been written (each declared up to two weeks ahead): a table filled over a
    year is laid out roughly by day, which is what range scans over ``day`` meet."""
    days = [date.fromordinal(o) for o in working]
    declared_at = [datetime(d.year, d.month, d.day, 0, 30, tzinfo=UTC) for d in days]
    weights = [MONTH_WEIGHT[d.month] * WEEKDAY_WEIGHT[d.weekday()] for d in days]
    cumulative: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    on_index = bisect_right(working, ON.toordinal())
    rows: list[tuple[int, str, int, str, str, str]] = []

    def row(employee_id: str, index: int, part: str, status: str, state: str) -> None:
        truth.rows[(status, state)] += 1
        rows.append((max(0, index - rng.randint(0, 10)), employee_id, index, part, status, state))

    for person in people:
        first = person.first_day
        available = len(days) - first
        if available <= 0:
            continue
        wanted = telework_days_wanted(rng, person.factor, available / len(days))
        low = cumulative[first - 1] if first else 0.0
        chosen: set[int] = set()
        wanted = min(wanted, available)
        while len(chosen) < wanted:
            chosen.add(bisect_left(cumulative, low + rng.random() * (total - low)))
        if chosen:
            truth.people_with_telework += 1
            truth.telework_days += len(chosen)
        eid = person.employee_id
        for index in sorted(chosen):
            r = rng.random()
            if r < 0.80:
                parts: tuple[str, ...] = ("full",)
                truth.person_days += 1.0
            elif r < 0.88:
                parts = ("am",)
                truth.person_days += 0.5
            elif r < 0.96:
                parts = ("pm",)
                truth.person_days += 0.5
            else:
                parts = ("am", "pm")  # both halves: one full-day occasion
                truth.person_days += 1.0
            for part in parts:
                truth.parts[part] += 1
                row(eid, index, part, "telework", "confirmed")
            if rng.random() < 0.05:  # changed plans: a cancelled declaration elsewhere
                row(eid, rng.randrange(first, len(days)), "full", "telework", "cancelled")
            if index > on_index and rng.random() < 0.03:  # awaiting approval
                row(eid, rng.randrange(on_index, len(days)), "am", "telework", "pending")
        if rng.random() < 0.10:  # office days declared explicitly (e.g. on a team day)
            for _ in range(rng.randint(1, 5)):
                row(eid, rng.randrange(len(days)), "full", "office", "confirmed")

    rows.sort()
    for declared, employee_id, index, part, status, state in rows:
        yield {
            "employee_id": employee_id,
            "day": days[index],
            "part": part,
            "status": status,
            "state": state,
            "source": "chat",
            "created_at": declared_at[declared],
            "updated_at": declared_at[declared],
        }


async def insert_chunked(engine: AsyncEngine, table: Table, rows: Iterator[dict[str, Any]]) -> int:
    """Bulk insert (executemany of chunks of CHUNK rows) in one transaction."""
    inserted = 0
    statement = insert(table)
    async with engine.begin() as conn:
        chunk: list[dict[str, Any]] = []
        for values in rows:
            chunk.append(values)
            if len(chunk) >= CHUNK:
                await conn.execute(statement, chunk)
                inserted += len(chunk)
                chunk = []
        if chunk:
            await conn.execute(statement, chunk)
            inserted += len(chunk)
    return inserted


async def generate(
    engine: AsyncEngine, staff_count: int, seed: int, policy: Policy, calendar: WorkCalendar
) -> Truth:
    rng = Random(seed)
    truth = Truth()
    fy_start, fy_end = calendar.fiscal_year_range(FISCAL_YEAR)
    working = calendar.working_ordinals(fy_start, fy_end)
    started = time.perf_counter()
    units, sections = org_units()
    staff, people = staff_rows(staff_count, rng, sections, policy, working, truth)
    await insert_chunked(engine, ORG_UNIT, iter(units))
    await insert_chunked(engine, STAFF, iter(staff))
    del staff
    staff_done = time.perf_counter()
    entries = await insert_chunked(engine, ENTRY, schedule_rows(people, rng, working, truth))
    entries_done = time.perf_counter()
    async with engine.begin() as conn:
        await conn.execute(text("ANALYZE"))  # fresh statistics for both planners
    analysed = time.perf_counter()
    s = truth.staff
    print(
        f"data: {len(units)} org units ({len(units) - SECTIONS} bureaus, {SECTIONS} sections, "
        f"head office and regional), {s['staff']:,} staff: {s['managers']:,} managers, "
        f"{s['carers']:,} carers, {s['exempt']:,} exempt, {s['hired in the last 6 months']:,} "
        f"hired in the last 6 months, {s['inactive']:,} inactive"
    )
    rows = ", ".join(f"{st}/{state} {n:,}" for (st, state), n in sorted(truth.rows.items()))
    parts = ", ".join(f"{p} {truth.parts[p]:,}" for p in ("full", "am", "pm"))
    print(f"      schedule_entry {entries:,} rows: {rows}")
    print(
        f"      confirmed telework parts: {parts}; {truth.telework_days:,} distinct "
        f"person-days of {truth.people_with_telework:,} people "
        f"({truth.telework_days / max(1, s['staff']):.1f} a head)"
    )
    print(
        f"      generated and inserted in {analysed - started:.1f} s (org+staff "
        f"{staff_done - started:.1f} s, schedule {entries_done - staff_done:.1f} s = "
        f"{entries / (entries_done - staff_done):,.0f} rows/s, ANALYZE "
        f"{analysed - entries_done:.1f} s); not part of the comparison"
    )
    return truth


# -- the two contenders ------------------------------------------------------------------


@dataclass(slots=True)
class Ours:
    seconds: float
    statuses: list[QuotaStatus]
    standings: Counter[str]

    @property
    def total_s(self) -> float:
        return self.seconds


def _standings(statuses: Sequence[QuotaStatus]) -> Counter[str]:
    standings: Counter[str] = Counter()
    for status in statuses:
        if status.no_target is not None:
            standings[f"no target ({status.no_target.value})"] += 1
        for target in status.targets:
            standings[f"{target.category}: {target.standing.value}"] += 1
    return standings


async def ours(engine: AsyncEngine, policy: Policy, calendar: WorkCalendar) -> Ours:
    """Everyone's quota status on ON, as the bot computes it: one statement reads each
    person's profile next to their telework counted per period in SQL, and statuses are
    computed once per distinct profile and counts."""
    sessions = session_factory(engine)
    t0 = time.perf_counter()
    frame = QuotaFrame(policy, calendar, ON)
    counts = SqlTeleworkCounts(sessions, policy.counting.time_ranges)
    statuses = await counts.quota_statuses(frame)
    standings = _standings(statuses)
    return Ours(time.perf_counter() - t0, statuses, standings)


@dataclass(slots=True)
class Before:
    seconds: float
    occasions: Mapping[str, list[tuple[date, str]]]
    statuses: list[QuotaStatus]


async def before(engine: AsyncEngine, policy: Policy, calendar: WorkCalendar) -> Before:
    """The Python path OURS replaced: every occasion of FY ± 7 days loaded, merged per person."""
    sessions = session_factory(engine)
    fy_start, fy_end = calendar.fiscal_year_range(FISCAL_YEAR)
    t0 = time.perf_counter()
    staff = await SqlOrganisation(sessions).staff()
    occasions = await SqlSchedule(sessions).telework_occasions(fy_start - MARGIN, fy_end + MARGIN)
    statuses = list(quota_statuses(staff.values(), occasions, policy, calendar, ON))
    _standings(statuses)
    return Before(time.perf_counter() - t0, occasions, statuses)


async def counted_before(
    engine: AsyncEngine, policy: Policy, calendar: WorkCalendar
) -> tuple[float, list[QuotaStatus]]:
    """The previous counted path: every staff record, counts per period, statuses per person."""
    sessions = session_factory(engine)
    frame = QuotaFrame(policy, calendar, ON)
    t0 = time.perf_counter()
    staff = await SqlOrganisation(sessions).staff()
    counts = await SqlTeleworkCounts(sessions, policy.counting.time_ranges).per_period(
        frame.windows, ON, calendar.is_working_day
    )
    statuses = list(quota_statuses_counted(staff.values(), counts, frame))
    _standings(statuses)
    return time.perf_counter() - t0, sorted(statuses, key=lambda s: s.employee_id)


RAW_SQL = text(
    """
    SELECT employee_id,
           SUM(CASE WHEN part = 'full' THEN 1.0 ELSE 0.5 END) AS person_days,
           COUNT(DISTINCT day) AS days
    FROM schedule_entry
    WHERE status = 'telework' AND state = 'confirmed' AND day BETWEEN :start AND :end
    GROUP BY employee_id
    """
).bindparams(bindparam("start", type_=Date), bindparam("end", type_=Date))


@dataclass(slots=True)
class Raw:
    seconds: float
    by_employee: dict[str, tuple[float, int]]


async def raw(engine: AsyncEngine, calendar: WorkCalendar) -> Raw:
    """One aggregate over the same rows, fetched fully."""
    fy_start, fy_end = calendar.fiscal_year_range(FISCAL_YEAR)
    t0 = time.perf_counter()
    with collector_paused():  # as ours: no collections walking the rows read
        async with engine.connect() as conn:
            params = {"start": fy_start - MARGIN, "end": fy_end + MARGIN}
            result = await conn.execute(RAW_SQL, params)
            by_employee = {eid: (float(pd), int(n)) for eid, pd, n in result.all()}
    return Raw(time.perf_counter() - t0, by_employee)


# -- checks ------------------------------------------------------------------------------


def check(o: Ours, b: Before, r: Raw, truth: Truth, calendar: WorkCalendar) -> bool:
    """Compare what ours, the Python path, raw and the generator can all count; print each
    comparison."""
    fy_start, fy_end = calendar.fiscal_year_range(FISCAL_YEAR)
    merged = {eid: merge_by_day(occ) for eid, occ in b.occasions.items()}
    in_fy = {
        eid: {d: p for d, p in days.items() if fy_start <= d <= fy_end}
        for eid, days in merged.items()
    }
    ours_people = sum(1 for days in in_fy.values() if days)
    ours_days = sum(len(days) for days in in_fy.values())
    ours_person_days = sum(
        1.0 if p.value == "full" else 0.5 for days in in_fy.values() for p in days.values()
    )
    raw_people = sum(1 for _, n in r.by_employee.values() if n)
    raw_days = sum(n for _, n in r.by_employee.values())
    raw_person_days = sum(pd for pd, _ in r.by_employee.values())
    # A manager's yearly target counts every occasion of the fiscal year (done + planned).
    managers = mismatched = 0
    for status in o.statuses:
        for target in status.targets:
            if target.category == "manager":
                managers += 1
                expected = r.by_employee.get(status.employee_id, (0.0, 0))[1]
                mismatched += target.done + target.planned != expected
    rows = [
        ("people with >= 1 occasion in FY", ours_people, raw_people, truth.people_with_telework),
        ("distinct telework person-days", ours_days, raw_days, truth.telework_days),
        ("person-days (half = 0.5)", ours_person_days, raw_person_days, truth.person_days),
    ]
    identical = o.statuses == sorted(b.statuses, key=lambda s: s.employee_id)
    ok = identical
    print("checks:")
    print(
        f"  statuses counted in SQL == statuses from every occasion in Python: "
        f"{len(o.statuses):,} people {'ok' if identical else 'MISMATCH'}"
    )
    for label, x, y, z in rows:
        same = abs(x - y) < 1e-6 and abs(x - z) < 1e-6
        ok &= same
        print(
            f"  {label}: ours {x:,g}, raw {y:,g}, generator {z:,g} {'ok' if same else 'MISMATCH'}"
        )
    ok &= mismatched == 0
    print(
        f"  manager targets, done + planned == raw distinct days: {managers - mismatched:,} of "
        f"{managers:,} {'ok' if mismatched == 0 else 'MISMATCH'}"
    )
    return ok


# -- running -----------------------------------------------------------------------------


async def profile_ours(engine: AsyncEngine, policy: Policy, calendar: WorkCalendar) -> None:
    """One more pass of ours under cProfile (the event loop's thread only)."""
    profiler = cProfile.Profile()
    profiler.enable()
    await ours(engine, policy, calendar)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(18)
    print("profile of one pass of ours (tottime, event-loop thread):")
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    for line in lines[start:]:
        if line.strip():
            print("  " + line.strip()[:150])


@dataclass(frozen=True)
class Summary:
    database: str
    ours_s: float
    raw_s: float
    before_s: float
    paired: float
    ok: bool


async def bench(engine: AsyncEngine, args: argparse.Namespace) -> Summary:
    policy = default_policy()
    calendar = policy.work_calendar()  # built once and shared, as the bot does
    print(
        f"database: {engine.dialect.name} ({engine.dialect.driver}); {os.cpu_count()} CPUs; "
        f"seed {args.seed}; status on {ON} (FY{FISCAL_YEAR}); Python {sys.version.split()[0]}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    truth = await generate(engine, args.staff, args.seed, policy, calendar)

    def show(label: str, o: Ours, r: Raw) -> None:
        print(f"{label}: ours {o.total_s:.3f} s, raw {r.seconds:.3f} s", flush=True)

    first_ours = await ours(engine, policy, calendar)
    first_raw = await raw(engine, calendar)
    show("warm-up", first_ours, first_raw)
    mine: list[Ours] = []
    theirs: list[Raw] = []
    for rep in range(args.repeat):
        steps: list[Callable[[], Awaitable[None]]]

        async def run_ours() -> None:
            mine.append(await ours(engine, policy, calendar))

        async def run_raw() -> None:
            theirs.append(await raw(engine, calendar))

        steps = [run_ours, run_raw] if rep % 2 == 0 else [run_raw, run_ours]
        for step in steps:
            await step()
        show(f"rep {rep + 1}", mine[-1], theirs[-1])
        mine[-1].statuses = []  # free memory

    ours_s = median(o.total_s for o in mine)
    raw_s = median(r.seconds for r in theirs)
    paired = median(o.total_s / r.seconds for o, r in zip(mine, theirs, strict=True))
    print(
        f"median of {args.repeat}: OURS {ours_s:.3f} s, RAW {raw_s:.3f} s, "
        f"ours/raw = {ours_s / raw_s:.2f}x (median of the pairs' ratios {paired:.2f}x)"
    )
    python_path = await before(engine, policy, calendar)
    print(
        f"before (every occasion into Python), once: {python_path.seconds:.3f} s = "
        f"{python_path.seconds / raw_s:.2f}x raw"
    )
    counted_s, counted_statuses = await counted_before(engine, policy, calendar)
    print(
        f"counted before (every staff record, counts per period), once: {counted_s:.3f} s = "
        f"{counted_s / raw_s:.2f}x raw"
    )
    occasion_rows = sum(len(v) for v in python_path.occasions.values())
    print(
        f"sizes: {len(first_ours.statuses):,} statuses; the Python path loaded "
        f"{occasion_rows:,} occasion rows for {len(python_path.occasions):,} people; "
        f"raw: {len(first_raw.by_employee):,} groups"
    )
    standings = ", ".join(f"{k} {v:,}" for k, v in sorted(first_ours.standings.items()))
    print(f"standings on {ON}: {standings}")
    ok = check(first_ours, python_path, first_raw, truth, calendar)
    same = counted_statuses == first_ours.statuses
    ok &= same
    print(f"  statuses == the previous counted path's: {'ok' if same else 'MISMATCH'}")
    if args.profile:
        await profile_ours(engine, policy, calendar)
    return Summary(engine.dialect.name, ours_s, raw_s, python_path.seconds, paired, ok)


async def run_one(url: str, args: argparse.Namespace, tmp: str) -> Summary:
    scratch: str | None = None
    try:
        if url == "sqlite":
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        else:
            scratch = f"telework_bench_{uuid.uuid4().hex[:8]}"
            await admin(args.postgres_url, f'CREATE DATABASE "{scratch}"')
            url = make_url(url).set(database=scratch).render_as_string(hide_password=False)
        await asyncio.to_thread(upgrade, url)
        engine = create_engine(url)
        try:
            return await bench(engine, args)
        finally:
            await engine.dispose()
    finally:
        if scratch:
            await admin(args.postgres_url, f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
            print(f"dropped scratch database {scratch}")


async def main(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    task = asyncio.current_task()
    if task is not None:  # SIGTERM cancels like Ctrl-C does: the cleanup below still runs
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    summaries: list[Summary] = []
    with tempfile.TemporaryDirectory(prefix="telework_bench_") as tmp:
        for database in args.databases:
            url = "sqlite" if database == "sqlite" else args.postgres_url
            summaries.append(await run_one(url, args, tmp))
            print()
    print(f"quota status for {args.staff:,} staff (medians of {args.repeat}; goal <= 2x raw):")
    for s in summaries:
        print(
            f"  {s.database:10} ours {s.ours_s:.3f} s  raw {s.raw_s:.3f} s  "
            f"ratio {s.ours_s / s.raw_s:.2f}x (pairs {s.paired:.2f}x)  "
            f"(before: {s.before_s / s.raw_s:.2f}x)  "
            f"same statuses as the Python path: {'yes' if s.ok else 'NO'}"
        )
    print(f"whole bench: {time.perf_counter() - started:.1f} s")
    return 0 if all(s.ok for s in summaries) else 1


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--staff", type=int, default=100_000, help="staff members (100000)")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("TELEWORK_TEST_POSTGRES_URL")
        or "postgresql+asyncpg://postgres@127.0.0.1:5432/test",
        help="PostgreSQL server (a scratch database is made there)",
    )
    parser.add_argument(
        "--databases",
        default="sqlite,postgresql",
        type=lambda v: [d.strip() for d in v.split(",") if d.strip()],
        help="sqlite,postgresql (both by default)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--repeat", type=int, default=3, help="timed pairs, at least 3 (3)")
    parser.add_argument("--profile", action="store_true", help="cProfile one more pass of ours")
    args = parser.parse_args(argv)
    if args.repeat < 3:
        parser.error("--repeat must be at least 3")
    if args.staff < 1:
        parser.error("--staff must be positive")
    if not args.postgres_url.startswith("postgresql"):
        parser.error("--postgres-url names a PostgreSQL server")
    if not args.databases or set(args.databases) - {"sqlite", "postgresql"}:
        parser.error("--databases: sqlite, postgresql or both")
    return args


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main(parse_args())))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("interrupted (scratch database and temporary files removed)", file=sys.stderr)
        sys.exit(130)
