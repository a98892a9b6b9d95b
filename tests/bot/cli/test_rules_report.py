"""``telework-bot rules-report``: allowance-eligible headcount and interval warnings by month
and 課室, counts only."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.cli.test_allowance import seeded
from tests.bot.cli.test_report import run_cli
from tests.bot.cli.test_worktime import tokyo


def with_presence(tmp_path: Path) -> Path:
    db = seeded(tmp_path)  # A and B eligible from October (see test_allowance)

    async def add() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{db}")
        try:
            schedule = SqlSchedule(session_factory(engine))
            for person, kind, when in (
                ("A", "start", tokyo(12, 1, 9)),
                ("A", "end", tokyo(12, 1, 23)),
                ("A", "start", tokyo(12, 2, 8)),  # 9 h later
                ("B", "start", tokyo(11, 4, 9)),
                ("B", "end", tokyo(11, 4, 18)),
                ("B", "start", tokyo(11, 5, 5)),  # exactly 11 h: not a case
            ):
                await schedule.record_presence(person, kind, at=when)
        finally:
            await engine.dispose()

    asyncio.run(add())
    return db


def test_rules_report_counts_by_month_and_section(tmp_path: Path) -> None:
    db = with_presence(tmp_path)
    out = tmp_path / "rules.csv"
    result = run_cli(
        "rules-report",
        "--fiscal-year",
        "2026",
        "--as-of",
        "2026-12-15",
        "--out",
        str(out),
        "--lang",
        "en",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    allowance = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    intervals = list(
        csv.reader(io.StringIO((tmp_path / "rules.interval.csv").read_text("utf-8-sig")))
    )
    months = allowance[0][2:]
    assert months[0] == "2026-04" and months[-1] == "2027-03"
    [section] = [r for r in allowance if r[1] == "総務課"]
    # The period starts in October (ordered 9/15); A (15.33) and B (11.33) are above 10.
    assert section[2:] == ["0"] * 6 + ["2", "2", "2"] + [""] * 3
    assert allowance[-1][1:] == ["total", *section[2:]]
    [rest] = [r for r in intervals if r[1] == "総務課"]
    assert rest[2:] == ["0"] * 8 + ["1"] + [""] * 3
    assert "A" not in {cell for row in allowance + intervals for cell in row}  # no ids


def test_rules_report_xlsx(tmp_path: Path) -> None:
    db = with_presence(tmp_path)
    out = tmp_path / "rules.xlsx"
    result = run_cli(
        "rules-report", "--fiscal-year", "2026", "--format", "xlsx", "--out", str(out), db=db
    )
    assert result.returncode == 0, result.stderr
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["在宅勤務等手当", "勤務間インターバル"]
