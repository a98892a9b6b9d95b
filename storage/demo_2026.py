"""The 2026 rules in the demo ministry (issue 18), added after ``storage.demo`` wrote it:

* every active person's place category (mostly 自宅; a few 親族宅, 宿泊施設, and "other"),
* a few 選択的週休3日 staff: every Friday of the fiscal year is 週休日（割振り0）,
* chiefs' standing orders (命令) for about 6% of staff, made during the fiscal year for 3 or
  4 weekdays a week until its end, with some leave taken on ordered days afterwards,
* for one ordered person in ten, a move in from another ministry (府省着任日) on 1 or 16
  October, which restarts the allowance's period,
* start/end of work (業務開始・離席・戻りました・業務終了) on the telework days before
  ``today`` of about a third of the staff, with some late ends followed by early starts.

Deterministic for a seed (and ``today``). Written with bulk inserts, like the base demo.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.calendar import WorkCalendar
from domain.policy import Policy
from storage.allowance import TeleworkOrderEntryRow, TeleworkOrderRow, TeleworkPlaceRow
from storage.report_queries import ENTRY, EVENT, STAFF
from storage.schedule import PresenceRow

TOKYO = ZoneInfo("Asia/Tokyo")
ORDERS: Table = TeleworkOrderRow.__table__  # type: ignore[attr-defined]
ORDER_ENTRIES: Table = TeleworkOrderEntryRow.__table__  # type: ignore[attr-defined]
PLACES: Table = TeleworkPlaceRow.__table__  # type: ignore[attr-defined]
PRESENCE: Table = PresenceRow.__table__  # type: ignore[attr-defined]
CHUNK = 5_000
PLACE_WEIGHTS = (("home", 0.90), ("family_home", 0.05), ("paid_lodging", 0.02), ("other", 0.03))
WEEKDAY_PATTERNS = (
    ("mon", "tue", "wed", "thu"),
    ("mon", "tue", "wed", "fri"),
    ("tue", "wed", "thu"),
    ("mon", "wed", "fri"),
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Rules2026Summary:
    """What the 2026 part of seed-demo wrote."""

    places: int
    four_day_week_staff: int
    orders: int
    ordered_days: int
    presence: int
    movers: int = 0


def _at(day: date, hour: int, minutes: int = 0) -> datetime:
    """``hour`` o'clock on ``day`` (Tokyo) plus ``minutes`` (may pass the hour)."""
    local = datetime.combine(day, time(hour), tzinfo=TOKYO) + timedelta(minutes=minutes)
    return local.astimezone(UTC)


async def clear_rules_2026(engine: AsyncEngine) -> None:
    """Delete what :func:`seed_rules_2026` writes (before ``seed-demo --replace`` clears the
    schedule and the roster these rows point at)."""
    async with engine.begin() as conn:
        for table in (ORDER_ENTRIES, ORDERS, PLACES):
            await conn.execute(delete(table))
        await conn.execute(update(STAFF).values(ministry_since=None))
        await conn.execute(delete(EVENT).where(EVENT.c.kind.like("allowance.%")))


async def seed_rules_2026(
    engine: AsyncEngine, policy: Policy, *, fiscal_year: int, seed: int, today: date
) -> Rules2026Summary:
    rng = Random(seed * 7919 + 2026)  # noqa: S311  (demo data, deterministic by design)
    calendar = policy.work_calendar()
    first, last = calendar.fiscal_year_range(fiscal_year)
    now = datetime.now(UTC)
    async with engine.begin() as conn:
        people = [
            (row.employee_id, row.org_unit, row.is_section_chief)
            for row in await conn.execute(
                select(STAFF.c.employee_id, STAFF.c.org_unit, STAFF.c.is_section_chief)
                .where(STAFF.c.active.is_(True))
                .order_by(STAFF.c.employee_id)
            )
        ]
        ids = [p[0] for p in people]
        chiefs = {unit: e for e, unit, chief in people if chief}
        places = [
            {
                "employee_id": e,
                "place": rng.choices([p for p, _ in PLACE_WEIGHTS], [w for _, w in PLACE_WEIGHTS])[
                    0
                ],
                "since": date(fiscal_year - 1, 4, 1),
                "recorded_at": now,
                "recorded_by": e,
            }
            for e in ids
        ]
        await _bulk(conn, PLACES, places)
        shuffled = ids[:]
        rng.shuffle(shuffled)
        four_day = shuffled[: max(1, len(ids) // 100)]
        chief_ids = {e for e, _, chief in people if chief}
        ordered = [e for e in shuffled[len(four_day) :] if e not in chief_ids]
        ordered = ordered[: max(2, len(ids) * 6 // 100)]
        fridays = [d for d in calendar.working_days(first, last) if d.weekday() == 4]
        await _replace_days(conn, {e: fridays for e in four_day}, "no_hours", "demo", now)
        orders = 0
        ordered_days = 0
        unit_of = {e: unit for e, unit, _ in people}
        for employee_id in ordered:
            made = first + timedelta(days=rng.randrange(0, 150))
            pattern = rng.choice(WEEKDAY_PATTERNS)
            start = made + timedelta(days=1)
            days = [
                d for d in calendar.working_days(start, last) if WEEKDAYS[d.weekday()] in pattern
            ]
            if not days:
                continue
            chief = _chief_of(unit_of[employee_id], chiefs) or "seed-demo"
            [order_id] = (
                await conn.execute(
                    insert(ORDERS).returning(ORDERS.c.id),
                    [
                        {
                            "employee_id": employee_id,
                            "ordered_by": chief,
                            "from_day": start,
                            "until_day": last,
                            "weekdays": ",".join(pattern),
                            "days": [],
                            "made_at": _at(made, 10),
                        }
                    ],
                )
            ).scalars()
            entry_ids = await _replace_days(conn, {employee_id: days}, "telework", "order", now)
            await _bulk(
                conn, ORDER_ENTRIES, [{"entry_id": i, "order_id": order_id} for i in entry_ids]
            )
            await _bulk(
                conn,
                EVENT,
                [
                    {
                        "at": _at(made, 10),
                        "actor": chief,
                        "kind": "allowance.order_made",
                        "subject": employee_id,
                        "payload": {"order_id": order_id, "entries": len(days)},
                    }
                ],
            )
            # Leave on about one ordered day in ten.
            leave = [d for d in days if rng.random() < 0.1]
            await _replace_days(conn, {employee_id: leave}, "leave", "demo", now)
            orders += 1
            ordered_days += len(days) - len(leave)
        movers = ordered[::10]
        for i, employee_id in enumerate(movers):
            await conn.execute(
                update(STAFF)
                .where(STAFF.c.employee_id == employee_id)
                .values(ministry_since=date(fiscal_year, 10, 1 if i % 2 == 0 else 16))
            )
        presence = await _presence(conn, rng, calendar, first, min(last, today - timedelta(1)))
    return Rules2026Summary(len(places), len(four_day), orders, ordered_days, presence, len(movers))


def _chief_of(unit: str, chiefs: dict[str, str]) -> str | None:
    """The chief of the person's 課室 (their unit or the one above a 係)."""
    while unit:
        if unit in chiefs:
            return chiefs[unit]
        unit = unit.rpartition("/")[0]
    return None


async def _replace_days(
    conn: AsyncConnection, days: dict[str, list[date]], status: str, source: str, now: datetime
) -> list[int]:
    """Cancel the live entries on these days and write one confirmed full-day entry each;
    the new entries' ids, in order."""
    rows: list[dict[str, Any]] = []
    for employee_id, wanted in days.items():
        for i in range(0, len(wanted), 500):
            await conn.execute(
                update(ENTRY)
                .where(
                    ENTRY.c.employee_id == employee_id,
                    ENTRY.c.day.in_(wanted[i : i + 500]),
                    ENTRY.c.state.in_(("confirmed", "pending")),
                )
                .values(state="cancelled", updated_at=now)
            )
        rows.extend(
            {
                "employee_id": employee_id,
                "day": day,
                "part": "full",
                "status": status,
                "state": "confirmed",
                "source": source,
                "created_at": now,
                "updated_at": now,
            }
            for day in wanted
        )
    if not rows:
        return []
    result = await conn.execute(
        insert(ENTRY).returning(ENTRY.c.id, sort_by_parameter_order=True), rows
    )
    return [int(i) for i in result.scalars()]


async def _presence(
    conn: AsyncConnection, rng: Random, calendar: WorkCalendar, first: date, last: date
) -> int:
    """Start/end (and a lunch break) on the confirmed telework days of a third of the staff."""
    if last < first:
        return 0
    days: defaultdict[str, list[date]] = defaultdict(list)
    for employee_id, day in await conn.execute(
        select(ENTRY.c.employee_id, ENTRY.c.day)
        .where(
            ENTRY.c.status == "telework",
            ENTRY.c.state == "confirmed",
            ENTRY.c.day >= first,
            ENTRY.c.day <= last,
        )
        .order_by(ENTRY.c.employee_id, ENTRY.c.day)
    ):
        days[employee_id].append(day)
    rows: list[dict[str, Any]] = []
    for employee_id in sorted(days):
        if rng.random() >= 1 / 3:
            continue
        late_before: date | None = None
        for day in sorted(set(days[employee_id])):
            follows_late = late_before == day - timedelta(days=1)
            start = (
                _at(day, 7, rng.randrange(30, 60))
                if follows_late
                else _at(day, 8, rng.randrange(30, 90))
            )
            rows.append({"employee_id": employee_id, "at": start, "kind": "start"})
            if rng.random() < 0.3:
                away = _at(day, 12, rng.randrange(0, 10))
                rows.append({"employee_id": employee_id, "at": away, "kind": "away"})
                back = away + timedelta(minutes=rng.randrange(45, 65))
                rows.append({"employee_id": employee_id, "at": back, "kind": "back"})
            late = rng.random() < 0.04
            end = (
                _at(day, 22, rng.randrange(30, 90))
                if late
                else _at(day, 17, rng.randrange(15, 150))
            )
            rows.append({"employee_id": employee_id, "at": end, "kind": "end"})
            late_before = day if late else None
    await _bulk(conn, PRESENCE, rows)
    return len(rows)


async def _bulk(conn: AsyncConnection, table: Table, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), CHUNK):
        await conn.execute(insert(table), rows[i : i + CHUNK])
