"""Where each person was, and whether they were in post, on a past day.

The staff table holds only the current state. Roster imports append ``staff.created``,
``staff.updated`` and ``staff.deactivated`` events whose payloads carry the new ``org_unit``
and ``active`` values; replaying them gives each person's state on any day, so a report for
a past period counts people where they were then. Rules:

* An event takes effect on its local date (the day the roster change was recorded).
* Before a person's first event, they are taken as active in the first unit an event names
  (history starts with the roster; a deactivation means they were active before it).
* A person without any event has their current record's state for all time.
* In post on a day = hired on or before it and active on it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.org import StaffMember


@dataclass(frozen=True, slots=True)
class StaffEvent:
    """One recorded roster change of one person (values the event did not set are None)."""

    employee_id: str
    day: date
    org_unit: str | None = None
    active: bool | None = None


@dataclass(frozen=True, slots=True)
class _Timeline:
    days: tuple[int, ...]  # ordinals, ascending
    units: tuple[str | None, ...]
    actives: tuple[bool | None, ...]


class StaffHistory:
    """Every person's unit and activity over time, replayed from their roster events."""

    def __init__(self, events: Iterable[StaffEvent]) -> None:
        by_person: dict[str, list[StaffEvent]] = {}
        for event in events:
            if event.org_unit is not None or event.active is not None:
                by_person.setdefault(event.employee_id, []).append(event)
        self._timelines: dict[str, _Timeline] = {}
        for employee_id, changes in by_person.items():
            changes.sort(key=lambda e: e.day)  # stable: same-day events keep their order
            unit: str | None = None
            active: bool | None = None
            days: list[int] = []
            units: list[str | None] = []
            actives: list[bool | None] = []
            for change in changes:
                unit = change.org_unit if change.org_unit is not None else unit
                active = change.active if change.active is not None else active
                ordinal = change.day.toordinal()
                if days and days[-1] == ordinal:  # several events on one day: the last wins
                    units[-1], actives[-1] = unit, active
                else:
                    days.append(ordinal)
                    units.append(unit)
                    actives.append(active)
            self._timelines[employee_id] = _Timeline(tuple(days), tuple(units), tuple(actives))

    def unit_on(self, member: StaffMember, day: date) -> str:
        """The code of the org unit ``member`` belonged to on ``day``."""
        timeline = self._timelines.get(member.employee_id)
        if timeline is None:
            return member.org_unit
        index = self._index(timeline, day)
        unit = timeline.units[index] if index >= 0 else None
        if unit is None:  # no event named a unit up to then: the first one that does
            unit = next((u for u in timeline.units if u is not None), member.org_unit)
        return unit

    def units_between(self, member: StaffMember, start: date, end: date) -> list[tuple[int, str]]:
        """The units ``member`` belonged to from ``start`` to ``end``, as (first day's
        ordinal, unit code) in order; the first entry is ``start`` itself."""
        spans = [(start.toordinal(), self.unit_on(member, start))]
        timeline = self._timelines.get(member.employee_id)
        if timeline is None:
            return spans
        lo, hi = start.toordinal(), end.toordinal()
        for day, unit in zip(timeline.days, timeline.units, strict=True):
            if lo < day <= hi and unit is not None and unit != spans[-1][1]:
                spans.append((day, unit))
        return spans

    def active_on(self, member: StaffMember, day: date) -> bool:
        """Whether ``member``'s record was active on ``day`` (ignoring the hire date)."""
        timeline = self._timelines.get(member.employee_id)
        if timeline is None:
            return member.active
        index = self._index(timeline, day)
        active = timeline.actives[index] if index >= 0 else None
        return True if active is None else active

    def in_post_on(self, member: StaffMember, day: date) -> bool:
        """Hired on or before ``day`` and active on it."""
        return member.hire_date <= day and self.active_on(member, day)

    def was_in_post_during(self, member: StaffMember, start: date, end: date) -> bool:
        """Whether ``member`` was in post on at least one day of ``start``…``end``."""
        if member.hire_date > end:
            return False
        first = max(start, member.hire_date)
        if self.active_on(member, first):
            return True
        timeline = self._timelines.get(member.employee_id)
        if timeline is None:
            return False
        lo, hi = first.toordinal(), end.toordinal()
        return any(lo < d <= hi and a for d, a in zip(timeline.days, timeline.actives, strict=True))

    @staticmethod
    def _index(timeline: _Timeline, day: date) -> int:
        """The last event on or before ``day`` (-1: before the first event)."""
        return bisect_right(timeline.days, day.toordinal()) - 1
