"""``telework-bot allowance``: the payroll list and its audit trail, checked against an
independent recomputation (a hand-written holiday list, no project code for the figures)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook

from domain.allowance import PlaceCategory, TeleworkOrder
from domain.schedule import EntryStatus, ScheduleEntry
from storage.allowance import SqlAllowance
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.schedule import SqlSchedule
from tests.bot.cli.test_report import run_cli
from tests.domain.test_allowance import by_month, weekdays_in
from tests.factories import TOKYO, seed_staff, staff

MADE = datetime(2026, 9, 15, 10, tzinfo=TOKYO).astimezone(UTC)
WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4}
# person → (place, ordered weekdays): A 4 days a week, B 3, C 2, D 4 from a satellite office.
PEOPLE = {
    "A": (PlaceCategory.HOME, ("mon", "tue", "wed", "thu")),
    "B": (PlaceCategory.FAMILY_HOME, ("mon", "tue", "wed")),
    "C": (PlaceCategory.HOME, ("mon", "tue")),
    "D": (PlaceCategory.OTHER, ("mon", "tue", "wed", "thu")),
}
START, UNTIL = date(2026, 9, 16), date(2027, 3, 31)


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "allowance.db"
    url = f"sqlite+aiosqlite:///{db}"
    upgrade(url)

    async def seed() -> None:
        engine = create_engine(url)
        try:
            await seed_staff(
                engine,
                *(staff(p, name=f"職員{p}") for p in PEOPLE),
                staff("C1", name="課長", is_section_chief=True),
            )
            sessions = session_factory(engine)
            store = SqlAllowance(sessions, clock=lambda: MADE)
            for person, (place, weekdays) in PEOPLE.items():
                await store.set_place(person, place, since=date(2026, 9, 1), actor=person)
                order = TeleworkOrder(person, "C1", START, UNTIL, MADE, weekdays)
                days = [d for d in weekdays_in(START, UNTIL, {WEEKDAY[w] for w in weekdays})]
                await store.make_order(order, days)
            # A takes leave on an ordered October day after October closed.
            schedule = SqlSchedule(sessions)
            [ordered] = await schedule.entries("A", date(2026, 10, 5), date(2026, 10, 5))
            await schedule.save(
                [ScheduleEntry("A", date(2026, 10, 5), "full", EntryStatus.LEAVE)],
                actor="A",
                replacing=[ordered.id or 0],
            )
        finally:
            await engine.dispose()

    asyncio.run(seed())
    return db


def expected_average(
    weekdays: tuple[str, ...], months: list[tuple[int, int]], leave: tuple[date, ...] = ()
) -> float:
    ordered = weekdays_in(START, UNTIL, {WEEKDAY[w] for w in weekdays})
    counts = by_month([d for d in ordered if d not in leave])
    return round(sum(counts[m] for m in months) / len(months), 2)


def test_allowance_list_matches_a_recomputation(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    out = tmp_path / "allowance.csv"
    result = run_cli(
        "allowance",
        "--month",
        "2026-12",
        "--format",
        "csv",
        "--out",
        str(out),
        "--lang",
        "en",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    window = [(2026, 10), (2026, 11), (2026, 12)]
    a_avg = expected_average(PEOPLE["A"][1], window, leave=(date(2026, 10, 5),))
    b_avg = expected_average(PEOPLE["B"][1], window)
    c_avg = expected_average(PEOPLE["C"][1], window)
    assert (a_avg, b_avg, c_avg) == (15.33, 11.33, 7.33)  # by hand: 15+15+16, 11+11+12, 7+7+8
    # C is not above 10; D's place does not count: neither is listed.
    assert [r["employee_id"] for r in rows] == ["A", "B"]
    a, b = rows
    assert (a["name"], a["section"], a["month"], a["eligibility"]) == (
        "職員A",
        "総務課",
        "2026-12",
        "yes",
    )
    assert a["average"] == f"{a_avg:g}" and b["average"] == f"{b_avg:g}"
    assert a["window"] == "2026-10:15;2026-11:15;2026-12:16"
    assert a["whole_days"] == "16" and a["period_start"] == "2026-10"
    assert (a["threshold"], a["place"], b["place"]) == ("10", "home", "family_home")
    assert result.stdout.strip().startswith(f"{out}: 2 eligible;")


def test_the_audit_trail_lists_changes_after_the_month_closed(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    out = tmp_path / "october.csv"
    result = run_cli("allowance", "--month", "2026-10", "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    audit = list(
        csv.DictReader(io.StringIO((tmp_path / "october.audit.csv").read_text("utf-8-sig")))
    )
    leave = [r for r in audit if r["変更者"] == "A" and r["対象日"] == "2026-10-05"]
    assert {r["種別"] for r in leave} == {"schedule.cancelled", "schedule.declared"}
    assert all(r["職員番号"] == "A" for r in leave)
    assert not [r for r in audit if r["対象日"].startswith("2026-11")]
    # A still above 10 in October's window (Oct–Dec, ordered ahead), one day fewer.
    [row] = [
        r for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))) if r["職員番号"] == "A"
    ]
    assert row["平均の対象月と日数"] == "2026-10:15;2026-11:15;2026-12:16"


def test_allowance_xlsx_has_both_sheets(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    out = tmp_path / "allowance.xlsx"
    result = run_cli(
        "allowance", "--month", "2026-12", "--format", "xlsx", "--out", str(out), db=db
    )
    assert result.returncode == 0, result.stderr
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["対象者", "変更履歴"]
    eligible = list(book["対象者"].iter_rows(values_only=True))
    assert [r[0] for r in eligible[1:]] == ["A", "B"]


def test_seed_demo_2026_allowance_agrees_with_an_independent_recomputation(
    tmp_path: Path,
) -> None:
    """The demo's orders, places, leave and 週休3日 staff → the allowance list for November
    2026, recomputed here from the raw tables with sqlite3 and the hand-written holidays."""
    import sqlite3

    db = tmp_path / "demo.db"
    upgrade(f"sqlite+aiosqlite:///{db}")
    seeded_demo = run_cli("seed-demo", "--staff", "150", "--seed", "3", "--rules-2026", db=db)
    assert seeded_demo.returncode == 0, seeded_demo.stderr
    assert "週休3日 staff" in seeded_demo.stdout
    out = tmp_path / "november.csv"
    result = run_cli("allowance", "--month", "2026-11", "--out", str(out), "--lang", "en", db=db)
    assert result.returncode == 0, result.stderr
    got = {
        r["employee_id"]: (r["eligibility"], r["average"], r["window"])
        for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))
    }

    connection = sqlite3.connect(db)
    orders = connection.execute(
        "SELECT employee_id, from_day, until_day, weekdays, made_at FROM telework_order "
        "WHERE cancelled_at IS NULL"
    ).fetchall()
    places = dict(connection.execute("SELECT employee_id, place FROM telework_place").fetchall())
    entries = connection.execute(
        "SELECT employee_id, day, source FROM schedule_entry WHERE status = 'telework' "
        "AND state = 'confirmed' AND part = 'full' AND day BETWEEN '2026-09-01' AND '2026-11-30'"
    ).fetchall()
    no_hours = connection.execute(
        "SELECT COUNT(DISTINCT employee_id) FROM schedule_entry WHERE status = 'no_hours'"
    ).fetchone()[0]
    # People who moved in from another ministry (府省着任日) start a new period: the
    # recomputation over every month, moves included, is tests/bot/cli/test_rules_recomputation.
    movers = {
        e
        for (e,) in connection.execute(
            "SELECT employee_id FROM staff WHERE ministry_since IS NOT NULL"
        )
    }
    connection.close()
    assert movers
    got = {e: v for e, v in got.items() if e not in movers}
    assert no_hours >= 1 and len(orders) >= 2

    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    expected: dict[str, tuple[str, str, str]] = {}
    for employee_id, start, until, weekdays, made_at in orders:
        if employee_id in movers:
            continue
        made = datetime.fromisoformat(made_at).replace(tzinfo=UTC).astimezone(TOKYO).date()
        assert made <= date(2026, 8, 31)  # the demo orders by August: the window is Sep–Nov
        start_day, until_day = date.fromisoformat(start), date.fromisoformat(until)
        counts = {9: 0, 10: 0, 11: 0}
        for person, day_text, source in entries:
            day = date.fromisoformat(day_text)
            covered = start_day <= day <= until_day and names[day.weekday()] in weekdays
            if person != employee_id or not (source == "order" or covered):
                continue
            if day.weekday() < 5 and day not in CLOSED_WEEKDAYS and places[person] != "other":
                counts[day.month] += 1
        average = round(sum(counts.values()) / 3, 2)
        if average > 10:
            answer = "borderline" if average <= 11 else "yes"
            window = ";".join(f"2026-{m:02d}:{counts[m]}" for m in (9, 10, 11))
            expected[employee_id] = (answer, f"{average:g}", window)
    assert got == expected
    assert len(got) >= 2


# The closed weekdays of September–November 2026, by hand.
CLOSED_WEEKDAYS = {
    date(2026, 9, 21),
    date(2026, 9, 22),
    date(2026, 9, 23),
    date(2026, 10, 12),
    date(2026, 11, 3),
    date(2026, 11, 23),
}


def test_the_japanese_list_says_its_answers_and_places_in_words(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    out = tmp_path / "allowance.csv"
    result = run_cli("allowance", "--month", "2026-12", "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert [r["職員番号"] for r in rows] == ["A", "B"]
    a, b = rows
    # A averages 15.33 and B 11.33: both more than a day (the margin) above 10.
    assert (a["判定"], b["判定"]) == ("該当", "該当")
    assert (a["場所の区分"], b["場所の区分"]) == ("自宅", "配偶者・二親等以内の親族の住居")
    # December counts as planned while it has not begun (the list is run in real time).
    planned = datetime.now(TOKYO).date() < date(2026, 12, 1)
    assert a["見込みを含む"] == ("はい" if planned else "いいえ")
