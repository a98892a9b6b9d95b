"""``telework-bot report`` and ``seed-demo`` driven as an operator would (subprocess)."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from storage.engine import create_engine
from storage.migrate import upgrade
from tests.report_org import seed_report_org

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_"))
    }
    environment["TELEWORK_DATABASE_URL"] = f"sqlite+aiosqlite:///{db}"
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env=environment,
        check=False,
    )


def hand_computed_db(tmp_path: Path) -> Path:
    db = tmp_path / "report.db"
    url = f"sqlite+aiosqlite:///{db}"
    upgrade(url)

    async def seed() -> None:
        engine = create_engine(url)
        try:
            await seed_report_org(engine)
        finally:
            await engine.dispose()

    asyncio.run(seed())
    return db


def test_report_writes_every_format(tmp_path: Path) -> None:
    db = hand_computed_db(tmp_path)
    common = ("report", "--fiscal-year", "2026", "--as-of", "2027-04-05")
    for fmt in ("xlsx", "csv", "md", "png"):
        out = tmp_path / f"r.{fmt}"
        result = run_cli(*common, "--format", fmt, "--out", str(out), "--people", db=db)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"{out}: 18 staff, 14 teleworked (77.8%), 31 person-days"
        assert out.stat().st_size > 1000
    book = load_workbook(io.BytesIO((tmp_path / "r.xlsx").read_bytes()))
    assert "職員別" in book.sheetnames
    assert (tmp_path / "r.png").read_bytes().startswith(b"\x89PNG")


def test_report_for_a_unit_and_a_month(tmp_path: Path) -> None:
    db = hand_computed_db(tmp_path)
    out = tmp_path / "r.md"
    result = run_cli(
        "report",
        "--unit",
        "関東局",
        "--month",
        "2026-07",
        "--format",
        "md",
        "--out",
        str(out),
        "--as-of",
        "2027-04-05",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    assert "対象期間: 令和8年7月（令和8年7月1日～令和8年7月31日）" in md
    assert "対象範囲: 関東局" in md
    # 関東局 on 7/31: P11 (moves in October), P12 (leaves in September), P14 P15 P16 P17 P19;
    # July: P14 (two halves), P19 → 2 of 7.
    assert (
        "| 関東局 | 7 | 7 | 2 | 2 | 28.6% | 28.6% | 28.6% | 2 | 3 | 2.0 | 1 | 2 | 1.00 | 0 |" in md
    )


def test_report_refuses_bad_options(tmp_path: Path) -> None:
    db = hand_computed_db(tmp_path)
    out = str(tmp_path / "x.csv")
    unknown = run_cli("report", "--unit", "no/such", "--format", "csv", "--out", out, db=db)
    assert unknown.returncode == 2
    assert "no/such" in unknown.stderr
    span = run_cli(
        "report",
        "--from",
        "2027-03-01",
        "--to",
        "2027-04-30",
        "--format",
        "csv",
        "--out",
        out,
        db=db,
    )
    assert span.returncode == 2
    assert "two fiscal years" in span.stderr


def test_seed_demo_is_deterministic_and_refuses_to_overwrite(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    upgrade(f"sqlite+aiosqlite:///{db}")
    first = run_cli("seed-demo", "--staff", "300", "--seed", "7", db=db)
    assert first.returncode == 0, first.stderr
    again = run_cli("seed-demo", "--staff", "300", "--seed", "7", db=db)
    assert again.returncode == 1
    assert "--replace" in again.stderr
    replaced = run_cli("seed-demo", "--staff", "300", "--seed", "7", "--replace", db=db)
    assert replaced.returncode == 0, replaced.stderr
    assert replaced.stdout == first.stdout  # same seed, same ministry
    out = tmp_path / "demo.csv"
    report = run_cli(
        "report",
        "--fiscal-year",
        "2026",
        "--as-of",
        "2027-03-31",
        "--format",
        "csv",
        "--out",
        str(out),
        db=db,
    )
    assert report.returncode == 0, report.stderr
    assert "300 staff" not in report.stdout  # leavers are not counted on 3/31
    assert " teleworked " in report.stdout
    written = out.read_text(encoding="utf-8-sig")
    assert "テレワーク・ウィーク 7/20(月)～7/24(金)" in written  # the demo holds its week
    assert "実施なし" not in written
