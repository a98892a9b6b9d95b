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


def test_figures_go_to_the_section_the_person_was_in_then(tmp_path: Path) -> None:
    """B moves from 大臣官房/総務課 to 関東局/総務課 on 11/16: October counts B in the old
    section, November and December (month end / as-of) in the new one; B's interval case
    on 11/10 stays with the old section."""
    import json
    import sqlite3

    db = with_presence(tmp_path)

    async def late_night() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{db}")
        try:
            schedule = SqlSchedule(session_factory(engine))
            await schedule.record_presence("B", "start", at=tokyo(11, 9, 9))
            await schedule.record_presence("B", "end", at=tokyo(11, 9, 23, 30))
            await schedule.record_presence("B", "start", at=tokyo(11, 10, 8))  # 8 h 30 min
        finally:
            await engine.dispose()

    asyncio.run(late_night())
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "UPDATE event SET at = '2026-03-31 15:00:00.000000' WHERE kind = 'staff.created'"
        )
        connection.execute(  # as a roster import records it: the unit on creation
            "UPDATE event SET payload = ? WHERE kind = 'staff.created' AND subject = 'B'",
            (json.dumps({"org_unit": "大臣官房/総務課"}),),
        )
        connection.execute(
            "INSERT INTO event (at, actor, kind, subject, payload) VALUES (?, ?, ?, ?, ?)",
            (
                "2026-11-15 15:00:00.000000",  # 11/16 00:00 in Tokyo
                "test",
                "staff.updated",
                "B",
                json.dumps({"org_unit": "関東局/総務課"}),
            ),
        )
        connection.execute("UPDATE staff SET org_unit = '関東局/総務課' WHERE employee_id = 'B'")
    connection.close()
    out = tmp_path / "moved.csv"
    result = run_cli(
        "rules-report",
        "--fiscal-year",
        "2026",
        "--as-of",
        "2026-12-15",
        "--out",
        str(out),
        db=db,
    )
    assert result.returncode == 0, result.stderr
    allowance = {r[0]: r[2:] for r in csv.reader(io.StringIO(out.read_text("utf-8-sig")))}
    intervals = {
        r[0]: r[2:]
        for r in csv.reader(io.StringIO((tmp_path / "moved.interval.csv").read_text("utf-8-sig")))
    }
    head, regional = "大臣官房/総務課", "関東局/総務課"
    assert allowance[head][6:9] == ["2", "1", "1"]  # October, November, December
    assert allowance[regional][6:9] == ["0", "1", "1"]
    assert intervals[head][7:9] == ["1", "1"]  # B on 11/10 (before the move), A on 12/2
    assert intervals[regional][7:9] == ["0", "0"]


def _report_table(rows: list[list[str]], name: str) -> list[list[str]]:
    """The rows of the report CSV's table ``[name]`` (its header first)."""
    start = next(i for i, row in enumerate(rows) if row[:1] == [f"[{name}]"])
    table: list[list[str]] = []
    for row in rows[start + 1 :]:
        if not row:
            break
        table.append(row)
    return table


def test_the_fiscal_year_report_has_the_same_counts(tmp_path: Path) -> None:
    """Issue 18 §3: ``report`` itself carries the allowance-eligible headcount and the
    interval warnings per 課室 and month — the same counts as ``rules-report`` — and the
    year's total of warnings; Markdown and Excel have the same tables."""
    db = with_presence(tmp_path)
    out = tmp_path / "report.csv"
    common = ("--fiscal-year", "2026", "--as-of", "2026-12-15", "--lang", "en")
    result = run_cli("report", *common, "--format", "csv", "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    allowance = _report_table(rows, "Telework allowance")
    assert allowance[0][0] == "Section" and allowance[0][1] == "Apr 2026"
    assert allowance[0][-1] == "Mar 2027" and len(allowance[0]) == 13
    assert allowance[1:] == [
        ["大臣官房・総務課", *["0"] * 6, "2", "2", "2", "", "", ""],
        ["関東局・総務課", *["0"] * 9, "", "", ""],
        ["Total", *["0"] * 6, "2", "2", "2", "", "", ""],
    ]
    intervals = _report_table(rows, "Rest between working days")
    assert intervals[0][-1] == "Year"
    assert intervals[1:] == [
        ["大臣官房・総務課", *["0"] * 8, "1", "", "", "", "1"],
        ["関東局・総務課", *["0"] * 9, "", "", "", "0"],
        ["Total", *["0"] * 8, "1", "", "", "", "1"],
    ]
    assert not {"A", "B", "職員A", "職員B"} & {
        cell for row in allowance + intervals for cell in row
    }
    markdown = tmp_path / "report.md"
    result = run_cli("report", *common, "--format", "md", "--out", str(markdown), db=db)
    assert result.returncode == 0, result.stderr
    assert "## Telework allowance" in markdown.read_text("utf-8")
    book_path = tmp_path / "report.xlsx"
    result = run_cli(
        "report", "--fiscal-year", "2026", "--format", "xlsx", "--out", str(book_path), db=db
    )
    assert result.returncode == 0, result.stderr
    names = load_workbook(io.BytesIO(book_path.read_bytes())).sheetnames
    assert {"在宅勤務等手当", "勤務間インターバル"} <= set(names)
