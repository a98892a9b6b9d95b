"""REFERENCE COPY (domain/report_usage.py at debad73) for the report equivalence tests.

Usage in reports: one person's telework in one unit, added to a group's tally as one
teleworker (and one per month touched), whatever the number of days."""

from __future__ import annotations

from domain.report_model import Tally


class Usage:
    """One person's telework in one unit (or merged units): totals and per-month cells."""

    __slots__ = ("full", "half", "months", "occasions", "person_days")

    def __init__(self) -> None:
        self.occasions = self.full = self.half = 0
        self.person_days = 0.0
        self.months: dict[int, list[float]] = {}  # index → [occasions, person-days, full, half]

    def add(self, month: int, is_full: bool, half_occasions: int, half_value: float) -> None:
        count = 1 if is_full else half_occasions
        value = 1.0 if is_full else half_value
        self.occasions += count
        self.person_days += value
        self.full += is_full
        self.half += not is_full
        cell = self.months.get(month)
        if cell is None:
            cell = self.months[month] = [0, 0.0, 0, 0]
        cell[0] += count
        cell[1] += value
        cell[2 if is_full else 3] += 1

    def copy(self) -> Usage:
        twin = Usage()
        twin.merge(self)
        return twin

    def merge(self, other: Usage) -> None:
        self.occasions += other.occasions
        self.person_days += other.person_days
        self.full += other.full
        self.half += other.half
        for index, cell in other.months.items():
            mine = self.months.setdefault(index, [0, 0.0, 0, 0])
            for i in range(4):
                mine[i] += cell[i]

    def into(self, tally: Tally) -> None:
        """Add this person's usage to a group: one teleworker, one per month touched."""
        tally.teleworkers += 1
        tally.occasions += self.occasions
        tally.person_days += self.person_days
        tally.full_days += self.full
        tally.half_days += self.half
        for index, (n, pd, f, h) in self.months.items():
            month = tally.months[index]
            month.implementers += 1
            month.occasions += int(n)
            month.person_days += pd
            month.full_days += int(f)
            month.half_days += int(h)
