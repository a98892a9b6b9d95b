"""The organisation: units (局/部 → 課/室 → 係), staff records, roles and who may see what.

Care situations (育児・介護) are sensitive personal data: they are kept out of a staff
record's ``repr``/``str`` (and so out of logs and tracebacks), and only admins may see them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum


class UnitKind(StrEnum):
    """The level of an org unit."""

    BUREAU = "bureau"  # 局・部 (and departments such as 消防庁)
    SECTION = "section"  # 課・室: the unit of boards, Telework Week days and chiefs
    SUBSECTION = "subsection"  # 係


class Office(StrEnum):
    """Where a unit sits: the scopes reports are split by."""

    HEAD_OFFICE = "head_office"  # 本省
    REGIONAL = "regional"  # 地方支分部局等


class ExemptReason(StrEnum):
    """Work unsuited to telework: such staff have no target and are never nudged."""

    DIET_WORK = "diet_work"  # 国会業務
    COUNTER_SERVICE = "counter_service"  # 窓口業務
    OTHER = "other"


class EmploymentType(StrEnum):
    """常勤 or 非常勤: the plan covers full-time staff (対象者 = 常勤職員)."""

    FULL_TIME = "full_time"  # 常勤
    NON_FULL_TIME = "non_full_time"  # 非常勤


class Role(StrEnum):
    """What a person may do in the bot beyond their own records."""

    STAFF = "staff"
    SECTION_CHIEF = "section_chief"  # 課室長: approves, sees and steers their section
    ADMIN = "admin"  # the programme's secretariat, configured


@dataclass(frozen=True, slots=True)
class OrgUnit:
    """One org unit; ``parent`` is the code of the unit above it (None at the top)."""

    code: str
    name: str
    kind: UnitKind
    office: Office
    parent: str | None = None
    name_en: str | None = None


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A staff record from the roster.

    ``care_preschool`` (a preschool child) and ``care_family`` (a family member needing care)
    are sensitive: they never appear in ``repr``/``str``. ``dataclasses.asdict`` still
    includes them, so do not log its output.
    """

    employee_id: str
    name: str
    email: str  # also the Entra user principal name (UPN) in most tenants
    org_unit: str  # code of the unit the person belongs to (any level)
    hire_date: date
    is_manager: bool = False  # 管理職員
    is_section_chief: bool = False  # 課室長
    care_preschool: bool = field(default=False, repr=False)
    care_family: bool = field(default=False, repr=False)
    exempt_reason: ExemptReason | None = None
    active: bool = True
    reading: str | None = None  # よみがな
    aad_object_id: str | None = None
    preferred_language: str | None = None  # "ja" or "en" from the roster; None: not set
    time_zone: str = "Asia/Tokyo"
    employment: EmploymentType = EmploymentType.FULL_TIME  # 常勤/非常勤 (optional column)
    # 府省着任日 (optional column): the day the person moved in from another 府省等. The
    # 在宅勤務等手当's period ends with a move between ministries (給実甲第1319号 第1項2),
    # so nothing before it counts here.
    ministry_since: date | None = None
    # Not roster columns (ROSTER_FIELDS leaves them out): the language the person chose in
    # chat (「言語 English」) and the one their recent messages were written in (else their
    # Teams locale). See :meth:`language`.
    chat_language: str | None = field(default=None, metadata={"roster": False})
    written_language: str | None = field(default=None, metadata={"roster": False})

    def __post_init__(self) -> None:
        if not self.employee_id.strip():
            raise ValueError("employee_id must not be empty")
        for name in ("preferred_language", "chat_language", "written_language"):
            if getattr(self, name) not in (None, "ja", "en"):
                raise ValueError(f"{name} must be ja or en, not {getattr(self, name)!r}")

    @property
    def language(self) -> str:
        """The one language the bot uses with this person, in chat and in every message it
        sends them: their own choice in chat, else the roster's, else the language they
        write in (else their Teams locale), else Japanese."""
        return self.chat_language or self.preferred_language or self.written_language or "ja"

    @property
    def language_known(self) -> bool:
        """Whether anything tells the person's language (else :attr:`language` is a guess)."""
        return bool(self.chat_language or self.preferred_language or self.written_language)

    @property
    def has_care(self) -> bool:
        """Whether the person has any care situation (育児 or 介護)."""
        return self.care_preschool or self.care_family

    @property
    def is_exempt(self) -> bool:
        """Whether the person's work is recorded as unsuited to telework."""
        return self.exempt_reason is not None

    def matches_identity(self, aad_object_id: str | None, upn: str | None) -> bool:
        """Whether a Teams user is this person: by Entra object id when both have one,
        else by UPN/email compared case-insensitively."""
        if aad_object_id and self.aad_object_id:
            return aad_object_id.lower() == self.aad_object_id.lower()
        return upn is not None and upn.strip().casefold() == self.email.strip().casefold()


# The fields a roster file sets (the rest are learnt from chat).
ROSTER_FIELDS = tuple(f.name for f in fields(StaffMember) if f.metadata.get("roster", True))


class OrgChart:
    """All org units by code, with the walks later features need (section of a unit, units
    below a unit, office of a unit)."""

    def __init__(self, units: Iterable[OrgUnit]) -> None:
        self._units: dict[str, OrgUnit] = {}
        for unit in units:
            if unit.code in self._units:
                raise ValueError(f"duplicate org unit code {unit.code!r}")
            self._units[unit.code] = unit
        self._children: dict[str, list[str]] = {}
        for unit in self._units.values():
            if unit.parent is not None:
                if unit.parent not in self._units:
                    raise ValueError(f"org unit {unit.code!r}: unknown parent {unit.parent!r}")
                self._children.setdefault(unit.parent, []).append(unit.code)
        for code in self._units:
            self._ancestors(code)  # refuses cycles up front

    def __contains__(self, code: object) -> bool:
        return code in self._units

    def __len__(self) -> int:
        return len(self._units)

    def unit(self, code: str) -> OrgUnit:
        """The unit with ``code`` (KeyError naming the code if unknown)."""
        try:
            return self._units[code]
        except KeyError:
            raise KeyError(f"unknown org unit {code!r}") from None

    def section_of(self, code: str) -> OrgUnit | None:
        """The 課/室 a unit belongs to: itself if it is a section, its section if it is a 係;
        ``None`` for a 局/部 (which is above every section)."""
        for unit in self._ancestors(code):
            if unit.kind is UnitKind.SECTION:
                return unit
        return None

    def office_of(self, code: str) -> Office:
        """本省 or 地方支分部局 for the unit."""
        return self.unit(code).office

    def units_under(self, code: str) -> list[OrgUnit]:
        """The unit and every unit below it, parents before children."""
        out = [self.unit(code)]
        i = 0
        while i < len(out):
            out.extend(self._units[c] for c in self._children.get(out[i].code, ()))
            i += 1
        return out

    def ancestors(self, code: str) -> list[OrgUnit]:
        """The unit and the units above it, nearest first."""
        return self._ancestors(code)

    def _ancestors(self, code: str) -> list[OrgUnit]:
        chain: list[OrgUnit] = []
        seen: set[str] = set()
        current: str | None = code
        while current is not None:
            if current in seen:
                raise ValueError(f"org unit {code!r}: its parents form a cycle")
            seen.add(current)
            unit = self.unit(current)
            chain.append(unit)
            current = unit.parent
        return chain


@dataclass(frozen=True, slots=True)
class Viewer:
    """A person acting in the bot, with their roles and the section they belong to."""

    member: StaffMember
    roles: frozenset[Role]
    section: str | None  # code of the member's 課/室

    @classmethod
    def of(cls, member: StaffMember, chart: OrgChart, admins: Iterable[str] = ()) -> Viewer:
        """Roles from the roster (section chief) and configuration (admins: employee ids or
        emails, compared case-insensitively)."""
        admin_keys = {a.strip().casefold() for a in admins}
        roles = {Role.STAFF}
        if member.is_section_chief:
            roles.add(Role.SECTION_CHIEF)
        if member.employee_id.casefold() in admin_keys or member.email.casefold() in admin_keys:
            roles.add(Role.ADMIN)
        section = chart.section_of(member.org_unit) if member.org_unit in chart else None
        return cls(member, frozenset(roles), section.code if section else None)

    @property
    def is_admin(self) -> bool:
        """Whether the viewer is a configured admin."""
        return Role.ADMIN in self.roles


def can_view_section(viewer: Viewer, section_code: str) -> bool:
    """Admins see every section; everyone else sees the board of their own section only."""
    return viewer.is_admin or (viewer.section is not None and viewer.section == section_code)


def can_manage_section(viewer: Viewer, section_code: str) -> bool:
    """Approve requests, pick Telework Week days, nudge: the section's chief, or an admin."""
    if viewer.is_admin:
        return True
    return Role.SECTION_CHIEF in viewer.roles and viewer.section == section_code


def can_approve_for(
    viewer: Viewer, member: StaffMember, chart: OrgChart, *, chief_requests: str = "next_level"
) -> bool:
    """Whether the viewer may approve ``member``'s telework (never their own request): an
    admin; for staff, the chief of the member's section; for a section chief's own request,
    whoever ``chief_requests`` (the policy's ``approval.chief_requests``) names — a manager
    placed in a unit above the chief's section (``next_level``: 局・部), or only the admins."""
    if viewer.member.employee_id == member.employee_id:
        return False
    if viewer.is_admin:
        return True
    section = chart.section_of(member.org_unit) if member.org_unit in chart else None
    if section is None:
        return False
    if member.is_section_chief:
        return chief_requests == "next_level" and _placed_above(viewer.member, section, chart)
    return can_manage_section(viewer, section.code)


def _placed_above(approver: StaffMember, section: OrgUnit, chart: OrgChart) -> bool:
    if not (approver.active and approver.is_manager) or approver.org_unit not in chart:
        return False
    above = {u.code for u in chart.ancestors(section.code)[1:]}
    return approver.org_unit in above


def next_level_approvers(
    chief: StaffMember, staff: Iterable[StaffMember], chart: OrgChart
) -> list[StaffMember]:
    """For a section chief's own request with ``next_level``: the managers of the nearest unit
    above the chief's section that has any (empty: nobody there, the admins decide)."""
    section = chart.section_of(chief.org_unit) if chief.org_unit in chart else None
    if section is None:
        return []
    candidates = [
        m for m in staff if m.employee_id != chief.employee_id and _placed_above(m, section, chart)
    ]
    for unit in chart.ancestors(section.code)[1:]:
        here = [m for m in candidates if m.org_unit == unit.code]
        if here:
            return sorted(here, key=lambda m: m.employee_id)
    return []


def can_view_care_categories(viewer: Viewer) -> bool:
    """Care situations (育児・介護) are visible to admins only."""
    return viewer.is_admin


def can_view_reports(viewer: Viewer) -> bool:
    """Organisation-wide reports are for admins."""
    return viewer.is_admin


def staff_by_section(
    staff: Iterable[StaffMember], chart: OrgChart
) -> Mapping[str | None, list[StaffMember]]:
    """Active staff grouped by the code of their 課/室 (``None``: not under any section)."""
    grouped: dict[str | None, list[StaffMember]] = {}
    for member in staff:
        if not member.active:
            continue
        section = chart.section_of(member.org_unit) if member.org_unit in chart else None
        grouped.setdefault(section.code if section else None, []).append(member)
    return grouped


def sections_of(staff: Mapping[str, StaffMember], chart: OrgChart) -> dict[str, str]:
    """Employee id → code of their 課/室 (people outside any section are left out)."""
    return sections_of_units({emp: member.org_unit for emp, member in staff.items()}, chart)


def sections_of_units(units: Mapping[str, str], chart: OrgChart) -> dict[str, str]:
    """Employee id → code of their 課/室, from employee id → the code of their unit (people
    outside any section are left out)."""
    out: dict[str, str] = {}
    cache: dict[str, str | None] = {}
    for emp, unit in units.items():
        if unit not in cache:
            section = chart.section_of(unit) if unit in chart else None
            cache[unit] = section.code if section else None
        code = cache[unit]
        if code is not None:
            out[emp] = code
    return out
