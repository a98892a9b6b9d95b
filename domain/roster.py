"""Roster rows → staff records and org units, validated with a reason per bad row.

The roster is the source of truth for who works where. One row per person; the unit path
(局/部 → 課/室 → 係) and whether it is head office or a regional bureau come with the row, and
each unit's code is its path ("総務局/人事課/給与係"), so a file needs no separate unit list.
Headers may be Japanese or English (see ``COLUMNS``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from domain.org import (
    ROSTER_FIELDS,
    EmploymentType,
    ExemptReason,
    Office,
    OrgUnit,
    StaffMember,
    UnitKind,
)
from domain.spreadsheet_text import runs_as_formula

# canonical name → accepted headers (compared after NFKC, case-folded, spaces removed)
COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_id": ("employee_id", "職員番号"),
    "name": ("name", "氏名"),
    "reading": ("reading", "よみがな", "ふりがな", "フリガナ"),
    "email": ("email", "upn", "メールアドレス", "メール"),
    "aad_object_id": ("aad_object_id", "entra_object_id", "entraオブジェクトid"),
    "office": ("office", "本省/地方", "本省・地方"),
    "bureau": ("bureau", "局部", "局・部", "局"),
    "section": ("section", "課室", "課・室", "課"),
    "subsection": ("subsection", "係"),
    "is_manager": ("is_manager", "管理職"),
    "is_section_chief": ("is_section_chief", "課室長"),
    "care_preschool": ("care_preschool", "育児"),
    "care_family": ("care_family", "介護"),
    "exempt_reason": ("exempt_reason", "対象外業務"),
    "hire_date": ("hire_date", "採用日"),
    "active": ("active", "在職"),
    "preferred_language": ("preferred_language", "言語"),
    "time_zone": ("time_zone", "タイムゾーン"),
    "employment": ("employment", "employment_type", "常勤/非常勤", "常勤・非常勤", "勤務形態"),
    "ministry_since": ("ministry_since", "府省着任日", "府省間異動日"),
}
REQUIRED = ("employee_id", "name", "email", "office", "bureau", "section", "hire_date")

_TRUE = {"1", "true", "yes", "y", "はい", "○", "◯", "有", "あり", "該当"}
_FALSE = {"", "0", "false", "no", "n", "いいえ", "×", "無", "なし", "-", "非該当"}
_OFFICES = {
    "本省": Office.HEAD_OFFICE,
    "head_office": Office.HEAD_OFFICE,
    "head office": Office.HEAD_OFFICE,
    "地方": Office.REGIONAL,
    "地方支分部局": Office.REGIONAL,
    "地方支分部局等": Office.REGIONAL,
    "regional": Office.REGIONAL,
}
_EXEMPT = {
    "国会業務": ExemptReason.DIET_WORK,
    "diet_work": ExemptReason.DIET_WORK,
    "窓口業務": ExemptReason.COUNTER_SERVICE,
    "counter_service": ExemptReason.COUNTER_SERVICE,
    "その他": ExemptReason.OTHER,
    "other": ExemptReason.OTHER,
}
_EMPLOYMENT = {
    "": EmploymentType.FULL_TIME,  # optional: 常勤 unless the roster says otherwise
    "常勤": EmploymentType.FULL_TIME,
    "full_time": EmploymentType.FULL_TIME,
    "full-time": EmploymentType.FULL_TIME,
    "非常勤": EmploymentType.NON_FULL_TIME,
    "non_full_time": EmploymentType.NON_FULL_TIME,
    "non-full-time": EmploymentType.NON_FULL_TIME,
    "part_time": EmploymentType.NON_FULL_TIME,
    "part-time": EmploymentType.NON_FULL_TIME,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Roster text reaches CSV and Excel reports: no text column may start like a formula.
NON_TEXT_COLUMNS = frozenset(
    {
        "is_manager",
        "is_section_chief",
        "care_preschool",
        "care_family",
        "active",
        "hire_date",
        "ministry_since",
    }
)
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def _key(header: str) -> str:
    return "".join(unicodedata.normalize("NFKC", header).casefold().split())


_HEADER_INDEX = {_key(alias): name for name, aliases in COLUMNS.items() for alias in aliases}


class RosterFormatError(ValueError):
    """The file's header cannot be used (missing or duplicated columns)."""


@dataclass(frozen=True)
class RowError:
    """A bad row: its line in the file and why."""

    line: int
    reason: str


@dataclass
class Roster:
    """A validated roster: staff and the units they need; ``errors`` lists every bad row."""

    staff: list[StaffMember] = field(default_factory=list)
    units: dict[str, OrgUnit] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0


def map_header(header: Iterable[str]) -> list[str | None]:
    """Canonical column names for a header row (None for columns we do not use)."""
    names = [_HEADER_INDEX.get(_key(cell)) for cell in header]
    seen = [n for n in names if n]
    duplicated = sorted({n for n in seen if seen.count(n) > 1})
    if duplicated:
        raise RosterFormatError(f"columns given twice: {', '.join(duplicated)}")
    missing = [column for column in REQUIRED if column not in seen]
    if missing:
        raise RosterFormatError(f"missing columns: {', '.join(missing)}")
    return names


def _flag(value: str, column: str) -> bool:
    normalised = _key(value)
    if normalised in _TRUE:
        return True
    if normalised in _FALSE:
        return False
    raise ValueError(f"{column}: {value!r} is not yes/no (1/0, はい/いいえ, ○/×)")


def _date(value: str, column: str) -> date:
    match = _DATE.match(unicodedata.normalize("NFKC", value).strip())
    if not match:
        raise ValueError(f"{column}: {value!r} is not a date (YYYY-MM-DD)")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"{column}: {value!r} is not a real date") from None


def _clean(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip() if value is not None else ""


def _formula_refusal(column: str, value: str) -> str:
    """Why ``value`` is refused, in English and Japanese (the file's own header names)."""
    shown = value if len(value) <= 40 else value[:40] + "…"
    first = {"\t": "tab", "\r": "CR"}.get(value[0], value[0])
    japanese = next(a for a in COLUMNS[column] if not a.isascii())
    return (
        f"{column}: {shown!r} starts with {first!r}, which a spreadsheet runs as a formula; "
        f"remove it / {japanese}: 「{first}」で始まる値は表計算ソフトで数式として実行される"
        "おそれがあるため登録できません。先頭の記号を削除してください"
    )


def parse_row(values: Mapping[str, str]) -> tuple[StaffMember, list[OrgUnit]]:
    """One row (canonical column → text) → the staff record and its unit chain, or ValueError."""
    get = {name: _clean(values.get(name)) for name in COLUMNS}
    for column, value in get.items():
        if column not in NON_TEXT_COLUMNS and runs_as_formula(value):
            raise ValueError(_formula_refusal(column, value))
    for column in REQUIRED:
        if not get[column]:
            raise ValueError(f"{column} is empty")
    if not _EMAIL.match(get["email"]):
        raise ValueError(f"email: {get['email']!r} is not an e-mail address")
    office = _OFFICES.get(get["office"].casefold())
    if office is None:
        raise ValueError(f"office: {get['office']!r} must be 本省 or 地方")
    exempt = None
    if get["exempt_reason"]:
        exempt = _EXEMPT.get(get["exempt_reason"].casefold())
        if exempt is None:
            raise ValueError(
                f"exempt_reason: {get['exempt_reason']!r} must be 国会業務, 窓口業務 or その他"
            )
    language = get["preferred_language"].casefold() or None
    if language in ("日本語", "japanese"):
        language = "ja"
    elif language in ("英語", "english"):
        language = "en"
    if language not in (None, "ja", "en"):
        raise ValueError(f"preferred_language: {get['preferred_language']!r} must be ja or en")
    employment = _EMPLOYMENT.get(get["employment"].casefold())
    if employment is None:
        raise ValueError(f"employment: {get['employment']!r} must be 常勤 or 非常勤")
    bureau = OrgUnit(code=get["bureau"], name=get["bureau"], kind=UnitKind.BUREAU, office=office)
    section_code = f"{get['bureau']}/{get['section']}"
    section = OrgUnit(
        code=section_code,
        name=get["section"],
        kind=UnitKind.SECTION,
        office=office,
        parent=bureau.code,
    )
    units = [bureau, section]
    if get["subsection"]:
        units.append(
            OrgUnit(
                code=f"{section_code}/{get['subsection']}",
                name=get["subsection"],
                kind=UnitKind.SUBSECTION,
                office=office,
                parent=section_code,
            )
        )
    member = StaffMember(
        employee_id=get["employee_id"],
        name=get["name"],
        reading=get["reading"] or None,
        email=get["email"].casefold(),
        aad_object_id=get["aad_object_id"].casefold() or None,
        org_unit=units[-1].code,
        hire_date=_date(get["hire_date"], "hire_date"),
        is_manager=_flag(get["is_manager"], "is_manager"),
        is_section_chief=_flag(get["is_section_chief"], "is_section_chief"),
        care_preschool=_flag(get["care_preschool"], "care_preschool"),
        care_family=_flag(get["care_family"], "care_family"),
        exempt_reason=exempt,
        active=_flag(get["active"] or "1", "active"),
        preferred_language=language,
        time_zone=get["time_zone"] or "Asia/Tokyo",
        employment=employment,
        ministry_since=(
            _date(get["ministry_since"], "ministry_since") if get["ministry_since"] else None
        ),
    )
    return member, units


def build_roster(header: Iterable[str], rows: Iterable[tuple[int, list[str]]]) -> Roster:
    """Validate ``rows`` (line number, cells) under ``header``; collect every bad row."""
    names = map_header(header)
    roster = Roster()
    by_id: dict[str, int] = {}
    by_email: dict[str, int] = {}
    for line, cells in rows:
        roster.rows += 1
        if not any(_clean(cell) for cell in cells):
            continue  # blank lines are not rows
        values = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(names) if name}
        try:
            member, units = parse_row(values)
        except ValueError as exc:
            roster.errors.append(RowError(line, str(exc)))
            continue
        for key, index, what in (
            (member.employee_id, by_id, "employee_id"),
            (member.email, by_email, "email"),
        ):
            if key in index:
                roster.errors.append(RowError(line, f"{what} {key!r} already on line {index[key]}"))
                break
        else:
            by_id[member.employee_id] = line
            by_email[member.email] = line
            roster.staff.append(member)
            for unit in units:
                known = roster.units.get(unit.code)
                if known is not None and known.office != unit.office:
                    roster.errors.append(
                        RowError(line, f"unit {unit.code!r} is both 本省 and 地方 in this file")
                    )
                roster.units.setdefault(unit.code, unit)
    return roster


SENSITIVE_FIELDS = frozenset({"care_preschool", "care_family"})


@dataclass(frozen=True)
class StaffChange:
    """One person's change in an import: which fields change (sensitive values not shown)."""

    employee_id: str
    kind: str  # "created" | "updated" | "deactivated"
    fields: tuple[str, ...] = ()
    after: StaffMember | None = None


@dataclass
class ImportPlan:
    """What an import would do; applying it is the storage layer's job."""

    changes: list[StaffChange] = field(default_factory=list)
    unchanged: int = 0
    units: list[OrgUnit] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    def summary(self) -> str:
        return (
            f"{self.count('created')} new, {self.count('updated')} updated, "
            f"{self.count('deactivated')} deactivated, {self.unchanged} unchanged"
        )


# Every field of a staff record but its key, in declaration order.
_COMPARED = tuple(name for name in ROSTER_FIELDS if name != "employee_id")


def plan_import(
    current: Mapping[str, StaffMember], incoming: Roster, *, deactivate_missing: bool
) -> ImportPlan:
    """Compare the roster with the stored staff: creations, updates in place, and (only when
    asked) deactivation of active people missing from the file."""
    plan = ImportPlan(units=list(incoming.units.values()))
    seen: set[str] = set()
    for member in incoming.staff:
        seen.add(member.employee_id)
        before = current.get(member.employee_id)
        if before is None:
            plan.changes.append(StaffChange(member.employee_id, "created", _COMPARED, member))
            continue
        changed = tuple(f for f in _COMPARED if getattr(before, f) != getattr(member, f))
        if changed:
            plan.changes.append(StaffChange(member.employee_id, "updated", changed, member))
        else:
            plan.unchanged += 1
    if deactivate_missing:
        for employee_id, member in sorted(current.items()):
            if employee_id not in seen and member.active:
                plan.changes.append(StaffChange(employee_id, "deactivated", ("active",)))
    return plan
