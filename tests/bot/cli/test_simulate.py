"""``telework-bot simulate`` (issue 14 item 18): the real jobs under a simulated clock on a
copy of the database, every message printed with its time, recipient category and kind."""

from __future__ import annotations

import asyncio
import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.engine import create_engine
from storage.ledger_sql import DELIVERY
from storage.migrate import upgrade
from tests.bot.cli.test_report import run_cli
from tests.fakes.nudge_org import seed

# Each run migrates a copy and fires every job on each day: slow on a loaded 2-core machine.
pytestmark = pytest.mark.timeout(300)


def nudge_org_db(tmp_path: Path) -> Path:
    db = tmp_path / "org.db"
    url = f"sqlite+aiosqlite:///{db}"
    upgrade(url)

    async def go() -> None:
        engine = create_engine(url)
        try:
            await seed(engine)
        finally:
            await engine.dispose()

    asyncio.run(go())
    return db


def deliveries(db: Path) -> int:
    async def count() -> int:
        engine = create_engine(f"sqlite+aiosqlite:///{db}")
        try:
            async with engine.connect() as conn:
                return int(
                    (await conn.execute(select(func.count()).select_from(DELIVERY))).scalar_one()
                )
        finally:
            await engine.dispose()

    return asyncio.run(count())


def test_simulate_prints_every_message_and_leaves_the_database_alone(tmp_path: Path) -> None:
    db = nudge_org_db(tmp_path)
    result = run_cli(
        "simulate", "--fiscal-year", "2026", "--from", "2026-11-20", "--to", "2026-11-25", db=db
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line.split() for line in lines[:-1]]
    days = {date.fromisoformat(r[0]) for r in rows}
    # Friday 11/20: carers (from the 16th) and managers (from October; nobody teleworked in
    # this copy); nothing on the weekend or 勤労感謝の日 (Monday 11/23); Wednesday 11/25: the
    # weekly aim. One prompt a day each (the carers' and managers' nudges are spent).
    assert days == {date(2026, 11, 20), date(2026, 11, 25)}
    general = [r for r in rows if r[2] == "nudge" and r[3] == "general"]
    assert general and {r[0] for r in general} == {"2026-11-25"}
    assert all(r[1] == "10:00" for r in rows if r[2] == "nudge")
    care = [r for r in rows if r[2] == "nudge" and r[3] == "care"]
    assert care and {r[0] for r in care} == {"2026-11-20"}
    managers = [r for r in rows if r[2] == "nudge" and r[3].startswith("manager")]
    assert managers and {r[0] for r in managers} == {"2026-11-20"}
    assert lines[-1].startswith(f"{len(rows)} messages from 2026-11-20 to 2026-11-25 (")
    assert "S0" not in result.stdout and "職員" not in result.stdout  # nobody named
    assert deliveries(db) == 0  # the configured database was only read

    out = tmp_path / "messages.csv"
    narrow = run_cli(
        "simulate", "--fiscal-year", "2026", "--from", "2026-11-20", "--to", "2026-11-20",
        "--reachable-only", "--staff", "25", "--csv", str(out), db=db,
    )  # fmt: skip
    assert narrow.returncode == 0, narrow.stderr
    with out.open(encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == ["time", "kind", "recipient_category", "period_key"]
    # Section 0's 25 people only (S015, who never talked to the bot, left out): fewer.
    friday = [r for r in rows if r[0] == "2026-11-20"]
    assert 0 < len(table) < len(friday)
    assert narrow.stdout.startswith(f"{len(table)} messages written to {out}")
    assert deliveries(db) == 0


def test_simulate_refuses_days_outside_the_fiscal_year(tmp_path: Path) -> None:
    db = nudge_org_db(tmp_path)
    result = run_cli("simulate", "--fiscal-year", "2026", "--from", "2027-04-01", db=db)
    assert result.returncode == 2
    assert "must lie in FY2026" in result.stderr
