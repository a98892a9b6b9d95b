"""Telework merged per person and day in SQL (storage.telework_sql) follows the Python rules:
``TimeRangeRule.part`` for every stored part, ``merge_by_day`` for the rows of one day and
closed days left out, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.occasions import merge_by_day
from domain.policy import default_policy
from domain.schedule import TimeRangeRule
from storage.telework_sql import (
    AM,
    ENTRY,
    FULL,
    PM,
    parse_part_codes,
    part_code,
    part_codes,
    telework_days,
)
from tests.generated_roster import PLACES, Roster, generate, seed
from tests.report_org import person

CODE = {"am": AM, "pm": PM, "full": FULL}
POLICY = default_policy()


def _parts() -> list[str]:
    """full, am, pm and time ranges on a 15-minute grid (closed and open)."""
    parts = ["full", "am", "pm"]
    grid = [f"{m // 60:02d}:{m % 60:02d}" for m in range(0, 24 * 60, 15)]
    for i, start in enumerate(grid):
        parts.append(f"{start}-")
        parts += [f"{start}-{end}" for end in grid[i + 1 :]]
        parts.append(f"{start}-24:00")
    return parts


async def test_part_codes_are_the_time_range_rule(engine: AsyncEngine) -> None:
    parts = _parts()
    entries = [
        (f"P{i}", date(2026, 6, 10), p, "telework", "confirmed") for i, p in enumerate(parts)
    ]
    staff = [person(f"P{i}", PLACES[0]) for i in range(len(parts))]
    await seed(engine, Roster(staff, entries, []))
    rules = [
        TimeRangeRule(),
        TimeRangeRule(standard_minutes=12 * 60, day_end_minutes=15 * 60),
        TimeRangeRule(standard_minutes=4 * 60, day_end_minutes=11 * 60),
    ]
    for rule in rules:
        async with engine.connect() as conn:
            rows = await conn.execute(select(ENTRY.c.part, part_code(ENTRY.c.part, rule)))
            got = {part: code for part, code in rows}
        expected = {part: CODE[rule.part(part).value] for part in parts}
        assert got == expected


async def test_days_merge_as_merge_by_day_and_skip_closed_days(engine: AsyncEngine) -> None:
    calendar = POLICY.work_calendar()
    rule = POLICY.counting.time_ranges
    rows = [  # (employee, day, part, status, state)
        ("A", date(2026, 6, 10), "am", "telework", "confirmed"),
        ("A", date(2026, 6, 10), "pm", "telework", "confirmed"),  # am + pm: full
        ("A", date(2026, 6, 11), "am", "telework", "confirmed"),
        ("A", date(2026, 6, 11), "09:00-11:00", "telework", "confirmed"),  # two mornings
        ("A", date(2026, 6, 12), "13:00-15:00", "telework", "confirmed"),
        ("A", date(2026, 6, 12), "09:00-10:00", "telework", "confirmed"),  # am + pm ranges
        ("A", date(2026, 6, 13), "full", "telework", "confirmed"),  # a Saturday
        ("A", date(2026, 6, 15), "pm", "telework", "pending"),
        ("A", date(2026, 6, 16), "full", "telework", "cancelled"),
        ("A", date(2026, 6, 17), "full", "office", "confirmed"),
        ("B", date(2026, 6, 10), "pm", "telework", "confirmed"),
        ("B", date(2026, 6, 10), "full", "telework", "confirmed"),
        ("B", date(2026, 7, 20), "10:00-", "telework", "confirmed"),  # 海の日
        ("B", date(2026, 7, 21), "16:00-", "telework", "confirmed"),
    ]
    await seed(engine, Roster([person("A", PLACES[0]), person("B", PLACES[1])], rows, []))
    start, end = date(2026, 6, 1), date(2026, 7, 31)
    closed = [d for d in (date.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1))
              if not calendar.is_working_day(d)]  # fmt: skip
    for states in (("confirmed",), ("confirmed", "pending")):
        days = telework_days(start, end, closed, states, rule)
        async with engine.connect() as conn:
            got = {
                (e, d if isinstance(d, date) else date.fromisoformat(d)): full
                for e, d, full in await conn.execute(select(days))
            }
        expected: dict[tuple[str, date], int] = {}
        for who in ("A", "B"):
            pairs = [
                (d, rule.part(p).value)
                for e, d, p, s, st in rows
                if e == who and s == "telework" and st in states and calendar.is_working_day(d)
            ]
            for day, part in merge_by_day(pairs).items():
                expected[(who, day)] = 1 if part.value == "full" else 0
        assert got == expected


async def test_part_codes_merged_are_the_merged_days_one_row_per_person(
    engine: AsyncEngine,
) -> None:
    """``part_codes`` (what the report reads): every confirmed telework row of the window
    (both its ends included) as ``ordinal * 4 + part code``, one row per person with any;
    OR-ing a day's codes, as the report does, gives ``telework_days``' merged days."""
    roster = generate(7, 60, date(2026, 3, 20), date(2026, 6, 10))
    await seed(engine, roster)
    rule = POLICY.counting.time_ranges
    start, end = date(2026, 4, 1), date(2026, 5, 31)
    days = telework_days(start, end, (), ("confirmed",), rule)
    async with engine.connect() as conn:
        expected: dict[str, dict[int, int]] = {}
        for e, d, full in await conn.execute(select(days)):
            day = d if isinstance(d, date) else date.fromisoformat(d)
            expected.setdefault(e, {})[day.toordinal()] = full
        rows = (await conn.execute(part_codes(start, end, rule, engine.dialect.name))).all()
    assert len(rows) == len({e for e, _ in rows})
    merged: dict[str, dict[int, int]] = {}
    for e, joined in rows:
        for code in parse_part_codes(joined):
            bits = merged.setdefault(e, {})
            bits[code >> 2] = bits.get(code >> 2, 0) | code & 3
    got = {e: {o: int(b == FULL) for o, b in bits.items()} for e, bits in merged.items()}
    assert got == expected
    rows_in_window = [
        (e, d, p) for e, d, p, s, st in roster.entries
        if s == "telework" and st == "confirmed" and start <= d <= end
    ]  # fmt: skip
    assert sum(len(parse_part_codes(j)) for _, j in rows) == len(rows_in_window)
    assert parse_part_codes(None) == [] and parse_part_codes("") == []
