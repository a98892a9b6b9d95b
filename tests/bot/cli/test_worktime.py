"""``telework-bot worktime``: the start/end export, checked against figures worked out here
from the raw reports (not with the project's own functions)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.schedule import SqlSchedule
from tests.bot.cli.test_report import run_cli
from tests.factories import TOKYO, seed_staff, staff


def tokyo(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TOKYO).astimezone(UTC)


# (person, kind, when): A ends late on 11/30 and starts early on 12/1; B works with a break.
REPORTS = [
    ("A", "start", tokyo(11, 30, 9)),
    ("A", "end", tokyo(11, 30, 22, 30)),
    ("A", "start", tokyo(12, 1, 8)),
    ("A", "end", tokyo(12, 1, 17)),
    ("B", "start", tokyo(12, 1, 9, 30)),
    ("B", "away", tokyo(12, 1, 12)),
    ("B", "back", tokyo(12, 1, 13)),
    ("B", "end", tokyo(12, 2, 0, 30)),  # past midnight
    ("B", "start", tokyo(12, 2, 9)),  # 8 h 30 min later
]


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "worktime.db"
    url = f"sqlite+aiosqlite:///{db}"
    upgrade(url)

    async def seed() -> None:
        engine = create_engine(url)
        try:
            await seed_staff(engine, staff("A", name="青木"), staff("B", name="別府"))
            schedule = SqlSchedule(session_factory(engine))
            await schedule.save(
                [
                    ScheduleEntry("A", date(2026, 12, 1), "full", EntryStatus.TELEWORK),
                    ScheduleEntry("B", date(2026, 12, 2), "am", EntryStatus.LEAVE),
                    ScheduleEntry(
                        "B", date(2026, 12, 3), "full", EntryStatus.TELEWORK, EntryState.PENDING
                    ),
                ],
                actor="test",
            )
            for person, kind, when in REPORTS:
                await schedule.record_presence(person, kind, at=when)
        finally:
            await engine.dispose()

    asyncio.run(seed())
    return db


def test_worktime_export_matches_a_recomputation(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    result = run_cli("worktime", "--month", "2026-12", "--format", "csv", "--lang", "en", db=db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_key = {(r["employee_id"], r["date"]): r for r in rows}
    assert sorted(by_key) == [
        ("A", "2026-12-01"),
        ("B", "2026-12-01"),
        ("B", "2026-12-02"),
        ("B", "2026-12-03"),
    ]
    a = by_key[("A", "2026-12-01")]
    assert (a["name"], a["section"], a["status"]) == ("青木", "総務課", "telework")
    assert (a["start"], a["end"], a["breaks"]) == ("08:00", "17:00", "")
    assert a["worked_minutes"] == str(9 * 60)
    assert a["short_rest_minutes"] == str(9 * 60 + 30)  # 22:30 → 08:00
    b1 = by_key[("B", "2026-12-01")]
    assert (b1["start"], b1["end"]) == ("09:30", "+1 00:30")
    assert (b1["breaks"], b1["break_minutes"]) == ("12:00-13:00", "60")
    assert b1["worked_minutes"] == str(15 * 60 - 60)
    assert b1["status"] == "" and b1["short_rest_minutes"] == ""
    b2 = by_key[("B", "2026-12-02")]
    assert (b2["status"], b2["start"], b2["end"]) == ("leave:am", "09:00", "")
    assert b2["short_rest_minutes"] == str(8 * 60 + 30)
    assert by_key[("B", "2026-12-03")]["status"] == "telework(pending)"


def test_worktime_writes_a_file_with_japanese_headings(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    out = tmp_path / "w.csv"
    result = run_cli("worktime", "--month", "2026-12", "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out}: 4 days"
    text = out.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith(
        "職員番号,氏名,課室,日付,勤務状況,業務開始,業務終了,離席"
    )


def test_worktime_refuses_a_bad_month(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    result = run_cli("worktime", "--month", "2026-13", db=db)
    assert result.returncode == 2
    assert "--month must look like 2026-12" in result.stderr
