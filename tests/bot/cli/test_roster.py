"""`telework-bot roster import` end to end: encodings, XLSX, bad rows, dry run, re-import."""

from __future__ import annotations

import asyncio
from pathlib import Path

from openpyxl import Workbook
from sqlmodel import select

from storage.engine import create_engine, session_factory
from storage.org import OrgUnitRow, StaffRow
from storage.tables import Event
from tests.bot.cli.test_main import ROOT, run_cli

SAMPLE = ROOT / "examples" / "roster.sample.csv"


def stored(db: Path) -> tuple[dict[str, StaffRow], list[OrgUnitRow], list[Event]]:
    async def read() -> tuple[dict[str, StaffRow], list[OrgUnitRow], list[Event]]:
        engine = create_engine(f"sqlite+aiosqlite:///{db}")
        try:
            async with session_factory(engine)() as session:
                staff = (await session.execute(select(StaffRow))).scalars().all()
                units = (await session.execute(select(OrgUnitRow))).scalars().all()
                events = (await session.execute(select(Event))).scalars().all()
            return {s.employee_id: s for s in staff}, list(units), list(events)
        finally:
            await engine.dispose()

    return asyncio.run(read())


def migrated(tmp_path: Path) -> Path:
    db = tmp_path / "roster.db"
    assert run_cli("db", "upgrade", db=db).returncode == 0
    return db


def test_sample_imports_and_is_idempotent(tmp_path: Path) -> None:
    db = migrated(tmp_path)
    first = run_cli("roster", "import", str(SAMPLE), db=db)
    assert first.returncode == 0, first.stderr
    assert "imported: 7 new, 0 updated, 0 deactivated, 0 unchanged" in first.stdout
    staff, units, events = stored(db)
    assert staff["A0002"].org_unit == "大臣官房/総務課/文書係"
    assert staff["A0003"].exempt_reason == "diet_work"
    assert {u.code for u in units} >= {"大臣官房", "大臣官房/総務課", "関東総合通信局/総務課"}
    assert sum(e.kind == "staff.created" for e in events) == 7
    # Care values never reach the event log.
    created = next(e for e in events if e.subject == "A0002")
    assert created.payload["care_preschool"] == "(changed)"
    second = run_cli("roster", "import", str(SAMPLE), db=db)
    assert "imported: 0 new, 0 updated, 0 deactivated, 7 unchanged" in second.stdout


def test_cp932_and_bom_files_read_the_same(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for encoding, name in (("cp932", "sjis.csv"), ("utf-8-sig", "bom.csv")):
        path = tmp_path / name
        path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
        db = migrated(tmp_path / encoding)
        result = run_cli("roster", "import", str(path), db=db)
        assert result.returncode == 0, result.stderr
        staff, _units, _events = stored(db)
        assert staff["A0001"].name == "山田 太郎"
        assert staff["B0002"].exempt_reason == "counter_service"


def test_xlsx_with_real_dates(tmp_path: Path) -> None:
    import datetime as dt

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        ["職員番号", "氏名", "メールアドレス", "本省/地方", "局部", "課室", "管理職", "採用日"]
    )
    sheet.append(
        [
            "C1",
            "中村 真",
            "makoto@example.go.jp",
            "本省",
            "総務局",
            "人事課",
            True,
            dt.datetime(2026, 10, 1),
        ]
    )
    sheet.append(
        [1002, "小林 愛", "ai@example.go.jp", "地方", "近畿局", "総務課", 0, dt.date(2012, 4, 1)]
    )
    path = tmp_path / "roster.xlsx"
    workbook.save(path)
    db = migrated(tmp_path)
    result = run_cli("roster", "import", str(path), db=db)
    assert result.returncode == 0, result.stderr
    staff, _units, _events = stored(db)
    assert staff["C1"].is_manager and staff["C1"].hire_date == dt.date(2026, 10, 1)
    assert staff["1002"].org_unit == "近畿局/総務課"


def test_bad_rows_are_all_reported_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "職員番号,氏名,メールアドレス,本省/地方,局部,課室,採用日\n"
        "D1,良い 行,good@example.go.jp,本省,局,課,2020-04-01\n"
        "D2,悪い 行,not-mail,本省,局,課,2020-04-01\n"
        "D3,悪い 行,d3@example.go.jp,本社,局,課,2020-04-01\n"
        "D4,悪い 行,d4@example.go.jp,本省,局,課,令和2年\n",
        encoding="utf-8",
    )
    db = migrated(tmp_path)
    result = run_cli("roster", "import", str(path), db=db)
    assert result.returncode == 1
    assert f"{path}:3: email" in result.stderr
    assert f"{path}:4: office" in result.stderr
    assert f"{path}:5: hire_date" in result.stderr
    assert "3 bad row(s); nothing written" in result.stderr
    assert stored(db)[0] == {}
    skipped = run_cli("roster", "import", "--skip-invalid", str(path), db=db)
    assert skipped.returncode == 0
    assert list(stored(db)[0]) == ["D1"]


def test_text_a_spreadsheet_would_run_is_refused_with_its_line(tmp_path: Path) -> None:
    """Roster text reaches CSV and Excel reports: a name like =HYPERLINK(…) would be a live
    formula there, so the import refuses it (issue 12, item 6)."""
    path = tmp_path / "formula.csv"
    path.write_text(
        "職員番号,氏名,メールアドレス,本省/地方,局部,課室,採用日\n"
        "F1,良い 行,good@example.go.jp,本省,局,課,2020-04-01\n"
        'F2,"=HYPERLINK(""http://evil.example/"",""x"")",f2@example.go.jp,本省,局,課,2020-04-01\n'
        "F3,悪い 行,f3@example.go.jp,本省,@局,課,2020-04-01\n",
        encoding="utf-8",
    )
    db = migrated(tmp_path)
    result = run_cli("roster", "import", str(path), db=db)
    assert result.returncode == 1
    assert f"{path}:3: name: '=HYPERLINK" in result.stderr
    assert "氏名: 「=」で始まる値は" in result.stderr
    assert f"{path}:4: bureau: '@局'" in result.stderr
    assert "2 bad row(s); nothing written" in result.stderr
    assert stored(db)[0] == {}


def test_dry_run_and_deactivate_missing(tmp_path: Path) -> None:
    db = migrated(tmp_path)
    run_cli("roster", "import", str(SAMPLE), db=db)
    smaller = tmp_path / "smaller.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    smaller.write_text(
        "\n".join([lines[0], lines[1].replace("山田 太郎", "山田 太朗")]) + "\n", encoding="utf-8"
    )
    dry = run_cli("roster", "import", "--dry-run", "--deactivate-missing", str(smaller), db=db)
    assert "dry run: 0 new, 1 updated, 6 deactivated, 0 unchanged; nothing written" in dry.stdout
    assert stored(db)[0]["A0001"].name == "山田 太郎"
    keep = run_cli("roster", "import", str(smaller), db=db)
    assert "0 deactivated" in keep.stdout
    assert all(s.active for s in stored(db)[0].values())
    drop = run_cli("roster", "import", "--deactivate-missing", str(smaller), db=db)
    assert "6 deactivated" in drop.stdout
    staff, _units, events = stored(db)
    assert staff["A0001"].name == "山田 太朗" and staff["A0001"].active
    assert not staff["B0001"].active
    assert sum(e.kind == "staff.deactivated" for e in events) == 6


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\x81\x00\xff\xfe\x80garbage")
    result = run_cli("roster", "import", str(path), db=migrated(tmp_path))
    assert result.returncode == 2
    assert "neither UTF-8 nor Shift_JIS" in result.stderr


def test_policy_check(tmp_path: Path) -> None:
    default = ROOT / "domain" / "default_policy.toml"
    ok = run_cli("policy", "check", str(default), db=tmp_path / "x.db")
    assert ok.returncode == 0, ok.stderr
    assert "管理職員" in ok.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text(
        default.read_text(encoding="utf-8").replace("[counting]", "[countin]"), encoding="utf-8"
    )
    bad = run_cli("policy", "check", str(broken), db=tmp_path / "x.db")
    assert bad.returncode == 1
    assert "countin" in bad.stderr
