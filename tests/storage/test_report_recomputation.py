"""An independent recomputation of the report's headline figures (issue 14, "done when").

A ``seed-demo`` ministry is written to a SQLite file; the figures are then recomputed here
with plain SQL (sqlite3) and plain Python — no domain, report or storage code, no project
calendar — following the rules as the plan and issue 14 state them:

* population: staff hired on or before the reference day and not deactivated by it, in the
  unit the roster events give for that day; 実施可能 = past the conditional appointment
  (6 months, 民法143条: hired on day d → eligible from the same day 6 months on, or the 1st
  of the month after when that month has no such day);
* usage (延べ人日, 期間中の実施者, months): every confirmed telework row of the period,
  wherever the person was that day, leavers included; a morning and an afternoon of one
  day are one full day, a half day is 0.5 person-days;
* 実施者数 and 実施率: the population with at least one telework day in the period;
* 月1回以上実施率: eligible people of the population with telework in a month ÷ eligible,
  averaged over the months that ended by the reference day;
* 前年度同期: the previous fiscal year up to the same month-day;
* Telework Week: sections with at least one teleworker that week, each day credited to the
  section the person was in that day.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

TOKYO = ZoneInfo("Asia/Tokyo")
FY_START, FY_END = date(2026, 4, 1), date(2027, 3, 31)
MID_YEAR = date(2026, 12, 2)
WEEK = (date(2026, 7, 20), date(2026, 7, 24))  # the demo's Telework Week campaign

pytestmark = pytest.mark.timeout(240)


def _seed(path: Path) -> None:
    """The data only: the project writes its demo ministry (not what is checked)."""
    from domain.policy import default_policy
    from storage.demo import seed_demo
    from storage.engine import create_engine
    from storage.migrate import upgrade

    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url)

    async def run() -> None:
        engine = create_engine(url)
        try:
            await seed_demo(engine, default_policy(), staff=1200, fiscal_year=2026, seed=3)
        finally:
            await engine.dispose()

    asyncio.run(run())


def _report(path: Path, as_of: date) -> object:
    from domain.policy import default_policy
    from domain.report_model import ReportRange, ReportRequest
    from domain.reports import make_report
    from storage.engine import create_engine
    from storage.report_queries import SqlReportQueries

    policy = default_policy()
    calendar = policy.work_calendar()
    request = ReportRequest(
        ReportRange.fiscal_year_of(2026, calendar), as_of=as_of, telework_week=WEEK
    )

    async def run() -> object:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            return await make_report(SqlReportQueries(engine), request, policy, calendar)
        finally:
            await engine.dispose()

    return asyncio.run(run())


# -- the independent side ------------------------------------------------------------------


def _local_day(text: str) -> date:
    at = datetime.fromisoformat(text)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(TOKYO).date()


def _eligible_from(hired: date) -> date:
    month = hired.month + 6
    year = hired.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    try:
        return date(year, month, hired.day)
    except ValueError:
        return date(year + month // 12, month % 12 + 1, 1)


class Ministry:
    """The raw tables, read with sqlite3."""

    def __init__(self, path: Path) -> None:
        db = sqlite3.connect(path)
        self.units = {
            code: (kind, office, parent)
            for code, kind, office, parent in db.execute(
                "SELECT code, kind, office, parent FROM org_unit"
            )
        }
        self.staff = {
            emp: (date.fromisoformat(hired), bool(active), unit)
            for emp, hired, active, unit in db.execute(
                "SELECT employee_id, hire_date, active, org_unit FROM staff"
            )
        }
        self.events: dict[str, list[tuple[date, str | None, bool | None]]] = defaultdict(list)
        for emp, at, kind, payload in db.execute(
            "SELECT subject, at, kind, payload FROM event WHERE kind LIKE 'staff.%' ORDER BY at, id"
        ):
            values = json.loads(payload) if payload else {}
            unit = values.get("org_unit") if isinstance(values.get("org_unit"), str) else None
            active = False if kind == "staff.deactivated" else values.get("active")
            self.events[emp].append((_local_day(at), unit, active))
        self.days: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
        for emp, day, part in db.execute(
            "SELECT employee_id, day, part FROM schedule_entry "
            "WHERE status = 'telework' AND state = 'confirmed'"
        ):
            self.days[emp][date.fromisoformat(day)].add(part)
        db.close()

    def unit_on(self, emp: str, day: date) -> str:
        unit = None
        for when, named, _active in self.events.get(emp, []):
            if when <= day and named is not None:
                unit = named
        if unit is None:
            named_units = [u for _w, u, _a in self.events.get(emp, []) if u is not None]
            unit = named_units[0] if named_units else self.staff[emp][2]
        return unit

    def in_post_on(self, emp: str, day: date) -> bool:
        hired, active_now, _unit = self.staff[emp]
        if hired > day:
            return False
        events = self.events.get(emp)
        if not events:
            return active_now
        active = True
        for when, _unit, flag in events:
            if when <= day and flag is not None:
                active = flag
        return active

    def section_of(self, code: str) -> str | None:
        while code is not None:
            kind, _office, parent = self.units[code]
            if kind == "section":
                return code
            code = parent
        return None

    @staticmethod
    def value(parts: set[str]) -> float:
        return 1.0 if "full" in parts or {"am", "pm"} <= parts else 0.5


def _headline(m: Ministry, start: date, ref: date) -> dict[str, float]:
    population = [e for e in m.staff if m.in_post_on(e, ref)]
    eligible = {e for e in population if _eligible_from(m.staff[e][0]) <= ref}
    teleworked = {e for e, days in m.days.items() if any(start <= d <= ref for d in days)}
    person_days = sum(
        m.value(parts) for days in m.days.values() for d, parts in days.items() if start <= d <= ref
    )
    months: list[tuple[date, date]] = []
    first = start
    while first <= ref:
        after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        months.append((first, after - timedelta(days=1)))
        first = after
    complete = [(a, b) for a, b in months if b <= ref]
    shares = [
        sum(1 for e in eligible if any(a <= d <= b for d in m.days.get(e, {}))) / len(eligible)
        for a, b in complete
    ]
    return {
        "headcount": len(population),
        "eligible": len(eligible),
        "implementers": len(set(population) & teleworked),
        "teleworkers": len(teleworked),
        "person_days": person_days,
        "once_a_month": sum(shares) / len(shares) if shares else -1.0,
    }


def _monthly_person_days(m: Ministry, ref: date) -> list[float]:
    out = [0.0] * 12
    for days in m.days.values():
        for d, parts in days.items():
            if FY_START <= d <= ref:
                out[(d.month - 4) % 12] += m.value(parts)
    return out


def _week_sections(m: Ministry) -> tuple[int, int]:
    credited: set[str] = set()
    for emp, days in m.days.items():
        for d in days:
            if WEEK[0] <= d <= WEEK[1]:
                section = m.section_of(m.unit_on(emp, d))
                if section is not None:
                    credited.add(section)
    sections = sum(1 for kind, _o, _p in m.units.values() if kind == "section")
    return len(credited), sections


# -- the comparison ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ministry(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Ministry]:
    path = tmp_path_factory.mktemp("recompute") / "demo.db"
    _seed(path)
    return path, Ministry(path)


def _figures(report: object) -> dict[str, float]:
    body = report.current  # type: ignore[attr-defined]
    total = body.overview[-1].tally
    return {
        "headcount": total.headcount,
        "eligible": total.eligible,
        "implementers": total.implementers,
        "teleworkers": total.teleworkers,
        "person_days": total.person_days,
        "once_a_month": total.once_a_month_average(body.complete_months) or -1.0,
    }


@pytest.mark.parametrize("as_of", [FY_END, MID_YEAR])
def test_headline_figures_match_an_independent_recomputation(
    ministry: tuple[Path, Ministry], as_of: date
) -> None:
    path, m = ministry
    report = _report(path, as_of)
    expected = _headline(m, FY_START, as_of)
    got = _figures(report)
    assert got["person_days"] == pytest.approx(expected.pop("person_days"))
    assert got.pop("once_a_month") == pytest.approx(expected.pop("once_a_month"))
    got.pop("person_days")
    assert got == expected
    assert expected["teleworkers"] > expected["implementers"] > 0  # leavers' telework counts
    months = [t.person_days for t in report.current.overview[-1].tally.months]  # type: ignore[attr-defined]
    assert months == pytest.approx(_monthly_person_days(m, as_of))


def test_the_previous_year_is_the_same_period(ministry: tuple[Path, Ministry]) -> None:
    path, m = ministry
    report = _report(path, MID_YEAR)
    previous = report.previous.overview[-1].tally  # type: ignore[attr-defined]
    expected = _headline(m, date(2025, 4, 1), date(2025, 12, 2))
    assert previous.person_days == pytest.approx(expected["person_days"])
    assert (previous.headcount, previous.implementers) == (
        expected["headcount"],
        expected["implementers"],
    )


def test_telework_week_sections_match(ministry: tuple[Path, Ministry]) -> None:
    path, m = ministry
    week = _report(path, FY_END).current.telework_week  # type: ignore[attr-defined]
    assert (week.sections_met, len(week.sections)) == _week_sections(m)
