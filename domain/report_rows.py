"""What a report returns: rows per scope, per org unit and per section of the Telework Week,
per person (admins only), and the report with the previous year's figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from domain.org import OrgUnit, StaffMember
from domain.periods import Period
from domain.policy import Aims, Category, Counting
from domain.report_history import StaffHistory
from domain.report_model import Exclusions, ReportRange, ReportRequest, Scope, Tally
from domain.report_rules import RulesFigures


@dataclass(frozen=True)
class ReportInputs:
    """What a report reads: the org units, every staff record (inactive included), confirmed
    telework as (day, full|am|pm) per person for the fiscal year ± 7 days (weeks straddle
    its edges) of both years, the roster history, the team meetings held (local day,
    org unit code if known) and each person's confirmed 週休日（割振り0, ``no_hours``) days
    of the same range (they shorten the person's own working weeks for the aims).

    ``days``, when given, replaces ``occasions``: each person's telework as integers, one
    per occasion, ``ordinal * 4 + part`` (``date.toordinal()``; ``part`` 1 a morning, 2 an
    afternoon, 3 a full day, the time ranges already counted), in any order, closed days
    included: the report merges a day's rows and leaves closed days out. A compact form that
    storage reads in one row per person."""

    units: Sequence[OrgUnit]
    staff: Sequence[StaffMember]
    occasions: Mapping[str, Sequence[tuple[date, str]]]
    history: StaffHistory
    meetings: Sequence[tuple[date, str | None]] = ()
    no_hours: Mapping[str, Sequence[date]] = field(default_factory=dict)
    days: Mapping[str, Sequence[int]] | None = None


@dataclass(frozen=True)
class OverviewRow:
    """A scope row (or, for a report on one unit, that unit)."""

    scope: Scope
    unit: OrgUnit | None
    tally: Tally


@dataclass(frozen=True)
class UnitRow:
    """One org unit of the drill-down, with everything under it."""

    unit: OrgUnit
    depth: int
    tally: Tally


@dataclass(frozen=True)
class WeekSectionRow:
    """Telework Week participation of one 課・室."""

    section: OrgUnit
    bureau: OrgUnit | None
    headcount: int
    eligible: int
    participants: int
    per_day: tuple[int, ...]
    person_days: float

    @property
    def met(self) -> bool:
        """「各課室1名以上」: at least one person of the section teleworked that week."""
        return self.participants >= 1


@dataclass(frozen=True)
class TeleworkWeek:
    """Participation in a campaign week, by section (days up to the reference day)."""

    start: date
    end: date
    days: tuple[date, ...]
    sections: tuple[WeekSectionRow, ...]

    @property
    def sections_met(self) -> int:
        return sum(1 for row in self.sections if row.met)


@dataclass(frozen=True)
class PersonRow:
    """One person's figures (admins only; never a care situation)."""

    employee_id: str
    name: str
    unit: str
    eligible: bool
    not_eligible_reason: str | None  # "exempt" | "conditional"
    occasions: int
    person_days: float
    full_days: int
    half_days: int
    telework_week_days: int


@dataclass(frozen=True)
class ReportBody:
    """The figures of one range."""

    range: ReportRange
    reference_day: date
    months: tuple[Period, ...]
    overview: tuple[OverviewRow, ...]
    units: tuple[UnitRow, ...]
    telework_week: TeleworkWeek | None
    people: tuple[PersonRow, ...]
    exclusions: Exclusions

    @property
    def complete_months(self) -> int:
        """Months of the range that are over by the reference day (the first ones)."""
        return sum(1 for month in self.months if month.end <= self.reference_day)


@dataclass(frozen=True)
class Report:
    """A report and the previous year's figures for the same range and scope."""

    request: ReportRequest
    current: ReportBody
    previous: ReportBody
    """The same period a year earlier, for the comparison only: its overview rows (without
    category figures) and exclusions; no unit rows, Telework Week or people."""
    categories: tuple[tuple[str, Category], ...]
    min_group_size: int
    counting: Counting = field(default_factory=Counting)
    aims: Aims = field(default_factory=Aims)
    rules: RulesFigures | None = None  # the 2026 rules' counts (issue 18 §3), when read

    @property
    def total(self) -> Tally:
        """The report's whole population (the last overview row)."""
        return self.current.overview[-1].tally


class ReportSource(Protocol):
    """Port: reads what a report needs (implemented by ``storage.report_queries``)."""

    async def report_inputs(self, start: date, end: date) -> ReportInputs:
        """Org units, all staff, the roster history, team meetings, and confirmed telework
        of ``start``…``end``."""
        ...
