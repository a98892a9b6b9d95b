"""A small, hand-computed organisation for the report tests (20 people, FY2026).

Units: 大臣官房 (本省) with 総務課 (and its 文書係) and 会計課; 関東局 (地方) with 総務課.
Every person below has a comment saying what they test; the expected figures live in
tests/domain/test_reports.py, worked out by hand from this file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.org import ExemptReason, Office, OrgUnit, StaffMember, UnitKind
from domain.report_history import StaffEvent, StaffHistory
from domain.report_rows import ReportInputs
from domain.schedule import occasion_part
from storage.report_queries import ENTRY as ENTRY_TABLE
from storage.report_queries import EVENT as EVENT_TABLE
from storage.report_queries import STAFF as STAFF_TABLE
from storage.report_queries import UNIT as UNIT_TABLE

TOKYO = ZoneInfo("Asia/Tokyo")
HO, R = Office.HEAD_OFFICE, Office.REGIONAL
A = "大臣官房/総務課"  # 本省 section A
A1 = "大臣官房/総務課/文書係"  # 係 under A
B = "大臣官房/会計課"  # 本省 section B
C = "関東局/総務課"  # 地方 section C

UNITS = [
    OrgUnit("大臣官房", "大臣官房", UnitKind.BUREAU, HO),
    OrgUnit(A, "総務課", UnitKind.SECTION, HO, parent="大臣官房"),
    OrgUnit(A1, "文書係", UnitKind.SUBSECTION, HO, parent=A),
    OrgUnit(B, "会計課", UnitKind.SECTION, HO, parent="大臣官房"),
    OrgUnit("関東局", "関東局", UnitKind.BUREAU, R),
    OrgUnit(C, "総務課", UnitKind.SECTION, R, parent="関東局"),
]


def person(employee_id: str, unit: str, **fields: object) -> StaffMember:
    values: dict[str, object] = {
        "employee_id": employee_id,
        "name": f"職員{employee_id[1:]}",
        "email": f"{employee_id.lower()}@example.go.jp",
        "org_unit": unit,
        "hire_date": date(2015, 4, 1),
    }
    values.update(fields)
    return StaffMember(**values)  # type: ignore[arg-type]


STAFF = [
    person("P01", A, is_manager=True),  # manager, 2 days → manager target met
    person("P02", A, is_manager=True),  # manager, one morning → not met
    person("P03", A),  # general: full, 13:00-16:30 (3.5 h: pm), full; FY2025 3/30 too
    person("P04", A1),  # general in a 係: am + pm on one day = one full day
    person("P05", A),  # general, never teleworks
    person("P06", A, care_preschool=True),  # care: once in every month → care target met
    person("P07", A, care_family=True),  # care: April only
    person("P08", A, exempt_reason=ExemptReason.DIET_WORK),  # exempt, teleworks once anyway
    person("P09", B, hire_date=date(2026, 10, 1)),  # joiner in 条件付採用期間 at the year end
    person("P10", B, hire_date=date(2026, 6, 1)),  # joiner, eligible from 2026-12-01
    person("P11", B),  # mover: 関東局/総務課 until 2026-09-30, 会計課 from 2026-10-01
    person("P12", C, active=False),  # leaver: deactivated 2026-09-01
    person("P13", C, active=False),  # left long ago (no event): never counted
    person("P14", C),  # general: pm and am on two days of Telework Week
    person("P15", C, is_manager=True, care_preschool=True),  # manager and carer
    person("P16", C),  # general, never teleworks
    person("P17", C),  # general: 2027-03-31 (counted) and 2027-04-01 (next year)
    person("P18", A),  # cancelled telework, an office day, a pending request: nothing counts
    person("P19", C, is_manager=True, is_section_chief=True),  # chief: Telework Week Friday
    person("P20", "大臣官房"),  # directly under the bureau (no section)
]


@dataclass(frozen=True)
class Entry:
    employee_id: str
    day: date
    part: str = "full"
    status: str = "telework"
    state: str = "confirmed"


P06_DAYS = [
    date(2026, 4, 10),
    date(2026, 5, 15),
    date(2026, 6, 12),
    date(2026, 7, 10),
    date(2026, 8, 14),
    date(2026, 9, 11),
    date(2026, 10, 9),
    date(2026, 11, 13),
    date(2026, 12, 11),
    date(2027, 1, 15),
    date(2027, 2, 12),
    date(2027, 3, 12),
]

ENTRIES = [
    Entry("P01", date(2026, 5, 13)),
    Entry("P01", date(2026, 7, 21)),
    Entry("P01", date(2025, 11, 12)),  # FY2025
    Entry("P02", date(2026, 7, 22), "am"),
    Entry("P03", date(2026, 4, 7)),
    Entry("P03", date(2026, 4, 8), "13:00-16:30"),
    Entry("P03", date(2026, 7, 21)),
    Entry("P03", date(2026, 3, 30)),  # FY2025, but in the week 3/30–4/5 that FY2026 judges
    Entry("P04", date(2026, 6, 10), "am"),
    Entry("P04", date(2026, 6, 10), "pm"),
    *(Entry("P06", day) for day in P06_DAYS),
    Entry("P07", date(2026, 4, 15)),
    Entry("P08", date(2026, 11, 11)),
    Entry("P10", date(2026, 12, 16)),
    Entry("P10", date(2027, 2, 10)),
    Entry("P11", date(2026, 5, 20)),
    Entry("P11", date(2026, 11, 18)),
    Entry("P12", date(2026, 5, 12)),  # before leaving: not counted (not in post on 3/31)
    Entry("P12", date(2025, 7, 16)),  # FY2025: counted there
    Entry("P14", date(2026, 7, 21), "pm"),
    Entry("P14", date(2026, 7, 23), "am"),
    Entry("P14", date(2026, 3, 10)),  # FY2025
    Entry("P15", date(2026, 8, 5)),
    Entry("P15", date(2026, 9, 9)),
    Entry("P17", date(2027, 3, 31)),
    Entry("P17", date(2027, 4, 1)),  # FY2027: outside
    Entry("P18", date(2026, 6, 3), state="cancelled"),
    Entry("P18", date(2026, 6, 4), status="office"),
    Entry("P18", date(2026, 6, 5), state="pending"),
    Entry("P19", date(2026, 7, 24)),
    Entry("P20", date(2026, 10, 14)),
]


@dataclass(frozen=True)
class LoggedEvent:
    kind: str
    subject: str | None
    local: datetime  # Asia/Tokyo wall time
    payload: dict[str, object]

    @property
    def at(self) -> datetime:
        return self.local.replace(tzinfo=TOKYO).astimezone(UTC)


EVENTS = [
    LoggedEvent("staff.created", "P11", datetime(2026, 4, 1, 9), {"org_unit": C, "active": True}),
    LoggedEvent("staff.updated", "P11", datetime(2026, 10, 1, 9), {"org_unit": B}),
    LoggedEvent("staff.deactivated", "P12", datetime(2026, 9, 1, 9), {"active": None}),
    # an unrelated change: no unit, no activity
    LoggedEvent("staff.updated", "P05", datetime(2026, 6, 1, 9), {"name": "職員05"}),
    # team-type meetings: one for section A, one without a unit, one a year earlier, one after
    LoggedEvent("meeting.held", "m1", datetime(2026, 6, 1, 10), {"section": A}),
    LoggedEvent("meeting.held", "m2", datetime(2026, 7, 1, 10), {}),
    LoggedEvent("meeting.held", "m3", datetime(2026, 3, 15, 10), {}),
    LoggedEvent("meeting.held", "m4", datetime(2027, 4, 2, 10), {"section": A}),
]

TELEWORK_WEEK = (date(2026, 7, 20), date(2026, 7, 24))  # 7/20 is 海の日: four working days


def staff_events() -> list[StaffEvent]:
    """The roster events as storage would read them."""
    out: list[StaffEvent] = []
    for event in EVENTS:
        if not event.kind.startswith("staff.") or event.subject is None:
            continue
        unit = event.payload.get("org_unit")
        active = event.payload.get("active")
        out.append(
            StaffEvent(
                event.subject,
                event.local.date(),
                unit if isinstance(unit, str) else None,
                False if event.kind == "staff.deactivated" else active,  # type: ignore[arg-type]
            )
        )
    return out


def inputs(start: date, end: date) -> ReportInputs:
    """The report inputs, built in memory the way storage reads them from the database."""
    occasions: dict[str, list[tuple[date, str]]] = {}
    for entry in ENTRIES:
        if entry.status == "telework" and entry.state == "confirmed" and start <= entry.day <= end:
            occasions.setdefault(entry.employee_id, []).append(
                (entry.day, occasion_part(entry.part).value)
            )
    meetings = [
        (e.local.date(), e.payload.get("section"))
        for e in EVENTS
        if e.kind == "meeting.held" and start <= e.local.date() <= end
    ]
    return ReportInputs(
        UNITS,
        STAFF,
        occasions,
        StaffHistory(staff_events()),
        meetings,  # type: ignore[arg-type]
    )


def local_noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=TOKYO)


async def seed_report_org(engine: AsyncEngine) -> None:
    """Write the organisation, entries and events into a migrated database (bulk inserts,
    with the events' own timestamps: the repositories would stamp them with "now")."""
    now = datetime(2026, 4, 1, tzinfo=UTC)
    async with engine.begin() as conn:
        await conn.execute(
            insert(UNIT_TABLE),
            [
                {
                    "code": u.code,
                    "name": u.name,
                    "name_en": u.name_en,
                    "kind": u.kind.value,
                    "office": u.office.value,
                    "parent": u.parent,
                    "updated_at": now,
                }
                for u in UNITS
            ],
        )
        await conn.execute(
            insert(STAFF_TABLE),
            [
                {
                    "employee_id": m.employee_id,
                    "name": m.name,
                    "email": m.email,
                    "org_unit": m.org_unit,
                    "hire_date": m.hire_date,
                    "is_manager": m.is_manager,
                    "is_section_chief": m.is_section_chief,
                    "care_preschool": m.care_preschool,
                    "care_family": m.care_family,
                    "exempt_reason": m.exempt_reason.value if m.exempt_reason else None,
                    "active": m.active,
                    "time_zone": "Asia/Tokyo",
                    "updated_at": now,
                }
                for m in STAFF
            ],
        )
        await conn.execute(
            insert(ENTRY_TABLE),
            [
                {
                    "employee_id": e.employee_id,
                    "day": e.day,
                    "part": e.part,
                    "status": e.status,
                    "state": e.state,
                    "source": "test",
                    "created_at": now,
                    "updated_at": now,
                }
                for e in ENTRIES
            ],
        )
        await conn.execute(
            insert(EVENT_TABLE),
            [
                {
                    "at": e.at,
                    "actor": "test",
                    "kind": e.kind,
                    "subject": e.subject,
                    "payload": e.payload,
                }
                for e in EVENTS
            ],
        )
