"""``telework-bot seed-demo``: a deterministic, realistic synthetic ministry for demos,
screenshots and benchmarks, written with bulk inserts.

* Head office (本省, ~56%) and regional bureaus (地方支分部局等): 局・部 → 課・室 → 係.
* Categories in plausible proportions: managers ~14% (every 課室長 is one), preschool
  children ~8%, family care ~3%, exempt work ~4% (国会業務 in 本省, 窓口業務 in regional
  offices, more in 消防庁).
* New hires on 1 April of the fiscal year (in 条件付採用期間 until October) and a few
  mid-year; leavers (``staff.deactivated``) and movers (``staff.updated`` with the new
  ``org_unit``, mostly on 1 July, the summer 人事異動) recorded as events on their dates;
  every person has a ``staff.created`` event.
* Two fiscal years of telework (the previous one with lower participation): seasonality by
  month and weekday, ~20% half days, some cancelled rows, and a Telework Week in July with
  extra participation; team-type meetings (``meeting.held``) per section.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from domain.calendar import WorkCalendar
from domain.campaigns import CampaignKind
from domain.policy import Policy
from domain.report_model import default_telework_week
from storage.campaigns import CampaignRow
from storage.report_queries import ENTRY, EVENT, STAFF, UNIT
from storage.schedule import PresenceRow, RecurringPlanRow

CHUNK = 5_000
DEMO_ACTOR = "seed-demo"
CAMPAIGN: Table = CampaignRow.__table__  # type: ignore[attr-defined]
TOKYO = ZoneInfo("Asia/Tokyo")
HEAD_OFFICE_SHARE = 0.56
HEAD_OFFICE = (
    "大臣官房",
    "行政管理局",
    "行政評価局",
    "自治行政局",
    "自治財政局",
    "自治税務局",
    "国際戦略局",
    "情報流通行政局",
    "総合通信基盤局",
    "統計局",
    "消防庁",
)
REGIONAL = (
    *(f"{a}管区行政評価局" for a in ("北海道", "東北", "関東", "中部", "近畿", "中国四国", "九州")),
    *(f"{a}総合通信局" for a in ("北海道", "東北", "関東", "信越", "東海", "近畿", "九州")),
)
SECTIONS = ("総務課", "企画課", "調査課", "管理課", "第一課", "第二課", "第三課", "情報システム室")
SUBSECTIONS = ("庶務係", "企画係", "調査係", "管理係", "審査係")
MONTH_WEIGHT = {4: 0.6, 5: 0.9, 6: 1.0, 7: 1.4, 8: 1.5, 9: 1.0}
MONTH_WEIGHT |= {10: 0.9, 11: 1.3, 12: 0.9, 1: 1.0, 2: 1.1, 3: 0.6}
WEEKDAY_WEIGHT = (1.2, 0.9, 1.0, 0.9, 1.3)
FAMILY_NAMES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤")
GIVEN_NAMES = ("太郎", "花子", "一郎", "陽子", "健", "美咲", "大輔", "由美", "翔", "愛")


class DemoRefused(Exception):
    """The database already has staff and ``replace`` was not asked for."""


@dataclass(frozen=True)
class DemoSummary:
    """What seed-demo wrote."""

    units: int
    staff: int
    entries: int
    events: int
    telework_week: tuple[date, date]


@dataclass
class _Person:
    employee_id: str
    section: str
    unit: str
    office: str
    hire: date
    eligible_from: date
    name: str
    chief: bool
    manager: bool
    preschool: bool
    family: bool
    exempt: bool
    left_on: date | None = None
    moved_to: tuple[date, str] | None = None


async def seed_demo(
    engine: AsyncEngine,
    policy: Policy,
    *,
    staff: int = 5000,
    fiscal_year: int = 2026,
    seed: int = 1,
    replace: bool = False,
) -> DemoSummary:
    """Build the demo ministry in a migrated database (refused if staff exist, unless
    ``replace``: then schedule entries, presence, plans, roster and their events go first)."""
    rng = Random(seed)  # noqa: S311  (demo data, deterministic by design)
    calendar = policy.work_calendar()
    units, sections = _units(rng, fiscal_year)
    people = _people(rng, staff, sections, units, fiscal_year, policy)
    week = default_telework_week(fiscal_year)
    entries = list(_entries(rng, people, fiscal_year, calendar, week))
    events = _events(people, fiscal_year) + _meetings(rng, sections, fiscal_year, calendar)
    async with engine.begin() as conn:
        existing = (await conn.execute(select(func.count()).select_from(STAFF))).scalar_one()
        if existing and not replace:
            raise DemoRefused(f"the database already has {existing} staff (use --replace)")
        if existing or replace:
            await _clear(conn)
        now = datetime.now(UTC)
        await _bulk(conn, UNIT, [{**u, "updated_at": now} for u in units])
        await _bulk(conn, STAFF, [_staff_row(p, now) for p in people])
        await _bulk(conn, ENTRY, [{**e, "created_at": now, "updated_at": now} for e in entries])
        await _bulk(conn, EVENT, events)
        await conn.execute(insert(CAMPAIGN), [_telework_week_row(week, fiscal_year, now)])
    return DemoSummary(len(units), len(people), len(entries), len(events), week)


async def _clear(conn: AsyncConnection) -> None:
    presence: Table = PresenceRow.__table__  # type: ignore[attr-defined]
    plans: Table = RecurringPlanRow.__table__  # type: ignore[attr-defined]
    for table in (presence, plans, ENTRY, STAFF):
        await conn.execute(delete(table))
    await conn.execute(delete(UNIT).where(UNIT.c.parent.is_not(None)))
    await conn.execute(delete(UNIT))
    await conn.execute(delete(CAMPAIGN).where(CAMPAIGN.c.created_by == DEMO_ACTOR))
    kinds = EVENT.c.kind
    await conn.execute(
        delete(EVENT).where(
            kinds.like("staff.%") | kinds.like("schedule.%") | (kinds == "meeting.held")
        )
    )


def _telework_week_row(week: tuple[date, date], fiscal_year: int, now: datetime) -> dict[str, Any]:
    """The Telework Week the demo's July boost belongs to, held as a campaign (reports count
    a Telework Week only when one was held)."""
    text = {
        "ja": "{campaign}（{start}～{end}）です。課室の実施日にテレワークしませんか。",
        "en": "{campaign} runs {start}–{end}: telework on your section's day?",
    }
    return {
        "name": f"テレワーク・ウィーク{fiscal_year}",
        "kind": CampaignKind.TELEWORK_WEEK.value,
        "start_day": week[0],
        "end_day": week[1],
        "messages": {"announcement": text, "reminder": text},
        "rule_units": ["消防庁"],
        "announce_days_before": 7,
        "reminder_weekdays": "mon,tue,wed,thu,fri",
        "mandatory": False,
        "state": "active",
        "created_by": DEMO_ACTOR,
        "created_at": now,
    }


async def _bulk(conn: AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    for i in range(0, len(rows), CHUNK):
        await conn.execute(insert(table), list(rows[i : i + CHUNK]))


def _units(rng: Random, fiscal_year: int) -> tuple[list[dict[str, Any]], list[str]]:
    units: list[dict[str, Any]] = []
    sections: list[str] = []

    def add(code: str, name: str, kind: str, office: str, parent: str | None) -> None:
        units.append(
            {"code": code, "name": name, "name_en": None, "kind": kind, "office": office}
            | {"parent": parent}
        )

    for bureaus, office in ((HEAD_OFFICE, "head_office"), (REGIONAL, "regional")):
        for bureau in bureaus:
            add(bureau, bureau, "bureau", office, None)
            count = rng.randint(5, 8) if office == "head_office" else rng.randint(3, 5)
            for section in SECTIONS[:count]:
                code = f"{bureau}/{section}"
                add(code, section, "section", office, bureau)
                sections.append(code)
                for sub in SUBSECTIONS[: rng.randint(2, 4)]:
                    add(f"{code}/{sub}", sub, "subsection", office, code)
    return units, sections


def _people(
    rng: Random,
    count: int,
    sections: list[str],
    units: list[dict[str, Any]],
    fiscal_year: int,
    policy: Policy,
) -> list[_Person]:
    office_of = {u["code"]: u["office"] for u in units}
    subs: dict[str, list[str]] = {}
    for u in units:
        if u["kind"] == "subsection":
            subs.setdefault(u["parent"], []).append(u["code"])
    head = [s for s in sections if office_of[s] == "head_office"]
    regional = [s for s in sections if office_of[s] == "regional"]
    fy_start = date(fiscal_year, 4, 1)
    chiefs: set[str] = set()
    people: list[_Person] = []
    for i in range(count):
        section = rng.choice(head if rng.random() < HEAD_OFFICE_SHARE else regional)
        office = office_of[section]
        chief = section not in chiefs
        chiefs.add(section)
        unit = section if chief or rng.random() < 0.15 else rng.choice(subs[section])
        roll = rng.random()
        if roll < 0.03:
            hire = fy_start  # this year's new hires: 条件付採用期間 until October
        elif roll < 0.04:
            hire = fy_start + timedelta(days=rng.randrange(30, 300))
        else:
            hire = date(rng.randrange(1986, fiscal_year), 4, 1)
        hard = section.startswith("消防庁")
        exempt_share = 0.15 if hard else (0.03 if office == "head_office" else 0.05)
        person = _Person(
            employee_id=f"D{i + 1:05d}",
            section=section,
            unit=unit,
            office=office,
            hire=hire,
            eligible_from=policy.eligibility.eligible_from(hire),
            name=f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}",
            chief=chief,
            manager=chief or rng.random() < 0.11,
            preschool=rng.random() < 0.08,
            family=rng.random() < 0.03,
            exempt=rng.random() < exempt_share,
        )
        if rng.random() < 0.02:
            person.left_on = fy_start + timedelta(days=rng.randrange(20, 350))
        elif rng.random() < 0.03 and not chief:
            day = date(fiscal_year, 7, 1) if rng.random() < 0.7 else date(fiscal_year, 10, 1)
            person.moved_to = (day, rng.choice([s for s in sections if s != section]))
        people.append(person)
    return people


def _staff_row(person: _Person, now: datetime) -> dict[str, Any]:
    reason = "diet_work" if person.office == "head_office" else "counter_service"
    return {
        "employee_id": person.employee_id,
        "name": person.name,
        "email": f"{person.employee_id.lower()}@demo.example.go.jp",
        "org_unit": person.moved_to[1] if person.moved_to else person.unit,
        "hire_date": person.hire,
        "is_manager": person.manager,
        "is_section_chief": person.chief,
        "care_preschool": person.preschool,
        "care_family": person.family,
        "exempt_reason": reason if person.exempt else None,
        "active": person.left_on is None,
        "time_zone": "Asia/Tokyo",
        "updated_at": now,
    }


def _entries(
    rng: Random,
    people: list[_Person],
    fiscal_year: int,
    calendar: WorkCalendar,
    week: tuple[date, date],
) -> Iterator[dict[str, Any]]:
    years = ((fiscal_year - 1, 0.6), (fiscal_year, 1.0))  # the programme grows
    for year, growth in years:
        first, last = calendar.fiscal_year_range(year)
        days = calendar.working_days(first, last)
        weights = [MONTH_WEIGHT[d.month] * WEEKDAY_WEIGHT[d.weekday()] for d in days]
        for person in people:
            share = 0.7 if person.office == "head_office" else 0.4
            if person.exempt:
                share = 0.05
            if rng.random() > share * growth:
                continue
            per_week = rng.uniform(0.2, 1.6) * (0.6 if person.manager else 1.0)
            per_week *= 1.4 if person.preschool or person.family else 1.0
            base = per_week / 5
            start = max(person.eligible_from, first)
            stop = person.left_on or last
            for day, weight in zip(days, weights, strict=True):
                if day < start or day >= stop:
                    continue
                boost = 3.0 if week[0] <= day <= week[1] and year == fiscal_year else 1.0
                if rng.random() >= base * weight * boost:
                    continue
                roll = rng.random()
                part = "am" if roll < 0.1 else "pm" if roll < 0.2 else "full"
                state = "cancelled" if rng.random() < 0.03 else "confirmed"
                yield {
                    "employee_id": person.employee_id,
                    "day": day,
                    "part": part,
                    "status": "telework",
                    "state": state,
                    "source": "demo",
                }


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TOKYO).astimezone(UTC)


def _events(people: list[_Person], fiscal_year: int) -> list[dict[str, Any]]:
    history_start = date(fiscal_year - 1, 4, 1)
    events: list[dict[str, Any]] = []

    def add(kind: str, person: _Person, day: date, payload: dict[str, Any]) -> None:
        events.append(
            {"at": _at(day), "actor": "seed-demo", "kind": kind, "subject": person.employee_id}
            | {"payload": payload}
        )

    for person in people:
        created = {"org_unit": person.unit, "active": True, "hire_date": person.hire.isoformat()}
        add("staff.created", person, max(person.hire, history_start), created)
        if person.moved_to is not None:
            add("staff.updated", person, person.moved_to[0], {"org_unit": person.moved_to[1]})
        if person.left_on is not None:
            add("staff.deactivated", person, person.left_on, {"active": None})
    return events


def _meetings(
    rng: Random, sections: list[str], fiscal_year: int, calendar: WorkCalendar
) -> list[dict[str, Any]]:
    first, last = calendar.fiscal_year_range(fiscal_year)
    days = calendar.working_days(first, last)
    events: list[dict[str, Any]] = []
    for number, section in enumerate(sections):
        for day in rng.sample(days, rng.randint(0, 12)):
            payload = {"section": section, "participants": rng.randint(3, 15)}
            events.append(
                {"at": _at(day, 14), "actor": "seed-demo", "kind": "meeting.held"}
                | {"subject": f"demo-meeting-{number}-{day.isoformat()}", "payload": payload}
            )
    return events
