"""Telework Week (and other campaign week) participation by section: at least one
teleworker per section is the goal where telework is hard (各課室1名以上). Each day of
telework is credited to the section the person was in that day; a section's headcount is
the staff in post in it on the week's last day counted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from domain.calendar import WorkCalendar
from domain.org import OrgChart, OrgUnit
from domain.report_rows import TeleworkWeek, WeekSectionRow


@dataclass(slots=True)
class _SectionTally:
    headcount: int = 0
    eligible: int = 0
    participants: int = 0
    per_day: dict[int, int] = field(default_factory=dict)  # day ordinal → participants
    person_days: float = 0.0


class WeekCounter:
    """Counts each person of the population into their section while a report runs."""

    def __init__(self) -> None:
        self._sections: dict[str, _SectionTally] = {}

    def add_member(self, section: str, eligible: bool) -> None:
        """One person in post in ``section`` at the week's end (its headcount)."""
        tally = self._sections.setdefault(section, _SectionTally())
        tally.headcount += 1
        tally.eligible += eligible

    def add_days(self, section: str, days: Sequence[tuple[int, float]]) -> None:
        """One participant who teleworked on ``days`` (ordinal, person-days) of the week
        while in ``section``."""
        if not days:
            return
        tally = self._sections.setdefault(section, _SectionTally())
        tally.participants += 1
        for day, value in days:
            tally.per_day[day] = tally.per_day.get(day, 0) + 1
            tally.person_days += value

    def result(
        self,
        week: tuple[date, date],
        sections: Sequence[OrgUnit],
        chart: OrgChart,
        calendar: WorkCalendar,
    ) -> TeleworkWeek:
        """A row for every section (in the given order), with per working day counts."""
        start, end = week
        days = tuple(calendar.working_days(start, end))
        rows: list[WeekSectionRow] = []
        for unit in sections:
            tally = self._sections.get(unit.code, _SectionTally())
            rows.append(
                WeekSectionRow(
                    section=unit,
                    bureau=chart.unit(unit.parent) if unit.parent else None,
                    headcount=tally.headcount,
                    eligible=tally.eligible,
                    participants=tally.participants,
                    per_day=tuple(tally.per_day.get(d.toordinal(), 0) for d in days),
                    person_days=tally.person_days,
                )
            )
        return TeleworkWeek(start, end, days, tuple(rows))
