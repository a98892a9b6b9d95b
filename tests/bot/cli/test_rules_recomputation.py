"""Issue 18, "done when": a year of ``seed-demo --rules-2026`` data gives an allowance list, a
worktime export and the report's columns that an independent recomputation agrees with.

The recomputation reads the raw tables with sqlite3 and follows the rules as written (給与法
第12条の3, 人事院規則9-151, 給実甲第1319号 第1項; 人事院規則15-14 第1条の2 with the 11-hour
aim) in plain Python, with the closed weekdays of the fiscal year written out by hand: no
domain, storage or report code, no project calendar.

* A counted day: a confirmed telework entry for the whole day, on a working weekday, ordered
  (made by an order, or on a day a live order names), at an eligible place (自宅, 親族宅,
  宿泊施設, 承認された場所: not "other") in force that day, and not before the person's
  府省着任日.
* The period starts the month after the day of the first live order (that month if made on a
  1st); an order made before a 府省着任日 counts as made on it. Month M is eligible when the
  window (the three months ending at M, never before the period's start; in the period's
  first months its first three) averages more than 10 counted days.
* An interval case: a 業務開始 less than 11 hours after the 業務終了 of the person's previous
  working day.
* The report's counts sit in the 課室 the person was in at the month's end (eligibility) or
  on the day (intervals), from the roster's events.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from storage.migrate import upgrade
from tests.bot.cli.test_report import run_cli
from tests.bot.cli.test_rules_report import _report_table

pytestmark = pytest.mark.timeout(300)
TOKYO = ZoneInfo("Asia/Tokyo")
AS_OF = date(2026, 11, 30)
MONTHS = [date(2026, m, 1) for m in range(4, 12)]  # April … November: counted by AS_OF
# The closed weekdays of FY2026, by hand (祝日・振替休日・国民の休日・年末年始).
CLOSED = {
    date(2026, 4, 29),
    date(2026, 5, 4),
    date(2026, 5, 5),
    date(2026, 5, 6),
    date(2026, 7, 20),
    date(2026, 8, 11),
    date(2026, 9, 21),
    date(2026, 9, 22),
    date(2026, 9, 23),
    date(2026, 10, 12),
    date(2026, 11, 3),
    date(2026, 11, 23),
    *(date(2026, 12, d) for d in (29, 30, 31)),
    *(date(2027, 1, d) for d in (1, 2, 3)),
    date(2027, 1, 11),
    date(2027, 2, 11),
    date(2027, 2, 23),
    date(2027, 3, 22),
}
ELIGIBLE_PLACES = {"home", "family_home", "paid_lodging", "approved"}
NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def local(text: str) -> datetime:
    at = datetime.fromisoformat(text)
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(TOKYO)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


class Demo:
    """The raw rows."""

    def __init__(self, path: Path) -> None:
        db = sqlite3.connect(path)
        self.orders: dict[str, list[tuple[date, date, set[str], set[date], date]]] = defaultdict(
            list
        )
        for emp, start, until, weekdays, days, made in db.execute(
            "SELECT employee_id, from_day, until_day, weekdays, days, made_at "
            "FROM telework_order WHERE cancelled_at IS NULL"
        ):
            named = {date.fromisoformat(d) for d in json.loads(days or "[]")}
            self.orders[emp].append(
                (
                    date.fromisoformat(start),
                    date.fromisoformat(until),
                    set(weekdays.split(",")) if weekdays else set(),
                    named,
                    local(made).date(),
                )
            )
        self.places: dict[str, list[tuple[date, str]]] = defaultdict(list)
        for emp, place, since in db.execute(
            "SELECT employee_id, place, since FROM telework_place ORDER BY id"
        ):
            self.places[emp].append((date.fromisoformat(since), place))
        self.whole: dict[str, dict[date, bool]] = defaultdict(dict)
        self.by_order: set[tuple[str, date]] = set()
        for emp, day, part, source in db.execute(
            "SELECT employee_id, day, part, source FROM schedule_entry "
            "WHERE status = 'telework' AND state = 'confirmed'"
        ):
            when = date.fromisoformat(day)
            self.whole[emp][when] = self.whole[emp].get(when, False) or part == "full"
            if source == "order":
                self.by_order.add((emp, when))
        self.moved = {
            emp: date.fromisoformat(day)
            for emp, day in db.execute(
                "SELECT employee_id, ministry_since FROM staff WHERE ministry_since IS NOT NULL"
            )
        }
        self.hired = dict(db.execute("SELECT employee_id, org_unit FROM staff"))
        self.units = {
            code: (kind, parent)
            for code, kind, parent in db.execute("SELECT code, kind, parent FROM org_unit")
        }
        self.unit_events: dict[str, list[tuple[date, str]]] = defaultdict(list)
        for emp, at, payload in db.execute(
            "SELECT subject, at, payload FROM event WHERE kind LIKE 'staff.%' ORDER BY at, id"
        ):
            unit = (json.loads(payload) if payload else {}).get("org_unit")
            if isinstance(unit, str):
                self.unit_events[emp].append((local(at).date(), unit))
        self.presence: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
        for emp, kind, at in db.execute("SELECT employee_id, kind, at FROM presence"):
            self.presence[emp].append((local(at), kind))
        db.close()

    # -- the allowance ---------------------------------------------------------------

    def counted(self, emp: str, day: date, moved: date | None) -> bool:
        if day.weekday() >= 5 or day in CLOSED or not self.whole[emp].get(day, False):
            return False
        if moved is not None and day < moved:
            return False
        ordered = (emp, day) in self.by_order or any(
            day in named or (start <= day <= until and NAMES[day.weekday()] in weekdays)
            for start, until, weekdays, named, _made in self.orders[emp]
        )
        place = None
        for since, name in sorted(self.places[emp], key=lambda p: p[0]):
            if since <= day:
                place = name
        return ordered and place in ELIGIBLE_PLACES

    def per_month(self, emp: str, moved: date | None) -> dict[date, int]:
        counts: dict[date, int] = defaultdict(int)
        for day in self.whole[emp]:
            if self.counted(emp, day, moved):
                counts[day.replace(day=1)] += 1
        return counts

    def eligible(self, emp: str, month: date, *, ignore_move: bool = False) -> float | None:
        """The window's average when eligible in ``month``, else None."""
        moved = None if ignore_move else self.moved.get(emp)
        window_first = add_months(month, -2)
        made = []
        for _start, until, _w, named, when in self.orders[emp]:
            runs_to = max([until, *named])
            if when > month_end(month) or runs_to < max(window_first, moved or window_first):
                continue
            made.append(max(when, moved) if moved else when)
        made = [d for d in made if d <= month_end(month)]
        if not made:
            return None
        first = min(made)
        start = first.replace(day=1) if first.day == 1 else add_months(first.replace(day=1), 1)
        if month < start:
            return None
        end = max(month, add_months(start, 2))
        window = [add_months(end, -i) for i in range(3) if add_months(end, -i) >= start]
        counts = self.per_month(emp, moved)
        average = round(sum(counts.get(m, 0) for m in window) / 3, 2)
        return average if average > 10 else None

    # -- where people were -----------------------------------------------------------

    def section_on(self, emp: str, day: date) -> str | None:
        unit = self.hired[emp]
        events = self.unit_events.get(emp, [])
        if events:
            unit = events[0][1]
            for when, named in events:
                if when <= day:
                    unit = named
        code: str | None = unit
        while code is not None:
            kind, parent = self.units[code]
            if kind == "section":
                return code
            code = parent
        return None

    # -- the interval ----------------------------------------------------------------

    def interval_cases(self) -> list[tuple[str, date, int]]:
        """(person, day, minutes of rest) of each start too soon after the previous day."""
        cases = []
        for emp, reports in self.presence.items():
            days: dict[date, list[datetime]] = defaultdict(list)
            ends: dict[date, datetime] = {}
            for at, kind in sorted(reports):
                if kind == "start":
                    days[at.date()].append(at)
                elif kind == "end":
                    ends[at.date()] = at
            previous: date | None = None
            for day in sorted(days):
                if previous is not None and previous in ends:
                    rest = days[day][0] - ends[previous]
                    if rest < timedelta(hours=11):
                        cases.append((emp, day, int(rest.total_seconds() // 60)))
                previous = day
        return cases


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    upgrade(f"sqlite+aiosqlite:///{db}")
    seeded = run_cli("seed-demo", "--staff", "300", "--seed", "5", "--rules-2026", db=db)
    assert seeded.returncode == 0, seeded.stderr
    return db


def test_the_allowance_list_agrees_with_the_recomputation(demo_db: Path, tmp_path: Path) -> None:
    demo = Demo(demo_db)
    assert demo.moved, "the demo has people who moved in from another ministry"
    assert any(d.day == 1 for d in demo.moved.values())
    for month in (date(2026, 10, 1), date(2026, 11, 1)):
        out = tmp_path / f"{month:%Y-%m}.csv"
        result = run_cli(
            "allowance", "--month", f"{month:%Y-%m}", "--out", str(out), "--lang", "en", db=demo_db
        )
        assert result.returncode == 0, result.stderr
        got = {
            r["employee_id"]: float(r["average"])
            for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))
        }
        expected = {
            emp: average
            for emp in demo.orders
            if (average := demo.eligible(emp, month)) is not None
        }
        assert got == expected
        assert len(got) >= 3
    # The moves matter: some mover's answer in October or November differs from the answer
    # a window reaching back across the move would give.
    assert any(
        demo.eligible(emp, month) != demo.eligible(emp, month, ignore_move=True)
        for emp in demo.moved
        for month in (date(2026, 10, 1), date(2026, 11, 1))
    )


def test_the_report_columns_agree_with_the_recomputation(demo_db: Path, tmp_path: Path) -> None:
    demo = Demo(demo_db)
    out = tmp_path / "report.csv"
    result = run_cli(
        "report",
        "--fiscal-year",
        "2026",
        "--as-of",
        AS_OF.isoformat(),
        "--format",
        "csv",
        "--lang",
        "en",
        "--out",
        str(out),
        db=demo_db,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))

    def figures(name: str) -> dict[tuple[str, date], int]:
        table = _report_table(rows, name)
        got = {}
        for row in table[1:-1]:
            for month, cell in zip(MONTHS, row[1:9], strict=True):
                if int(cell):
                    got[(row[0], month)] = int(cell)
        assert all(cell == "" for row in table[1:] for cell in row[9:13])  # Dec … Mar
        return got

    eligible: dict[tuple[str, date], int] = defaultdict(int)
    for month in MONTHS:
        for emp in demo.orders:
            if demo.eligible(emp, month) is not None:
                section = demo.section_on(emp, month_end(month))
                assert section is not None
                eligible[(section.replace("/", "・"), month)] += 1
    assert figures("Telework allowance") == dict(eligible)
    assert sum(eligible.values()) >= 10

    warnings: dict[tuple[str, date], int] = defaultdict(int)
    for emp, day, _rest in demo.interval_cases():
        if day <= AS_OF:
            section = demo.section_on(emp, day)
            assert section is not None
            warnings[(section.replace("/", "・"), day.replace(day=1))] += 1
    assert figures("Rest between working days") == dict(warnings)
    assert sum(warnings.values()) >= 5


def test_the_worktime_export_agrees_with_the_recomputation(demo_db: Path, tmp_path: Path) -> None:
    demo = Demo(demo_db)
    out = tmp_path / "worktime.csv"
    result = run_cli(
        "worktime",
        "--month",
        "2026-11",
        "--format",
        "csv",
        "--lang",
        "en",
        "--out",
        str(out),
        db=demo_db,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    short = {
        (r["employee_id"], date.fromisoformat(r["date"]), int(r["short_rest_minutes"]))
        for r in rows
        if r["short_rest_minutes"]
    }
    november = {c for c in demo.interval_cases() if c[1].month == 11 and c[1].year == 2026}
    assert short == november and november
    starts = {
        (emp, at.date()): at.strftime("%H:%M")
        for emp, reports in demo.presence.items()
        for at, kind in sorted(reports, reverse=True)
        if kind == "start" and at.month == 11
    }
    assert {
        (r["employee_id"], date.fromisoformat(r["date"])): r["start"] for r in rows if r["start"]
    } == starts
