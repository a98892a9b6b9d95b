"""Usage in reports: one person's telework in one unit, added to a group's tally as one
teleworker (and one per month touched), whatever the number of days."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

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

    def add_days(
        self,
        days: Sequence[tuple[int, bool]],
        month_of: Mapping[int, int],
        month_ends: Sequence[int],
        half_occasions: int,
        half_value: float,
    ) -> None:
        """``add`` for each (ordinal, full?) of ``days`` (ascending), in order; ``month_ends``:
        the last day's ordinal of each month index."""
        months = self.months
        occasions = full = half = 0
        person_days = self.person_days
        end = -1
        cell = [0, 0.0, 0, 0]
        for ordinal, is_full in days:
            if ordinal > end:  # the next month with telework
                month = month_of[ordinal]
                end = month_ends[month]
                found = months.get(month)
                if found is None:
                    found = months[month] = [0, 0.0, 0, 0]
                cell = found
            if is_full:
                occasions += 1
                person_days += 1.0
                full += 1
                cell[0] += 1
                cell[1] += 1.0
                cell[2] += 1
            else:
                occasions += half_occasions
                person_days += half_value
                half += 1
                cell[0] += half_occasions
                cell[1] += half_value
                cell[3] += 1
        self.occasions += occasions
        self.person_days = person_days
        self.full += full
        self.half += half

    def add_counted(
        self,
        ordinals: Sequence[int],
        fulls: Sequence[int],
        lo: int,
        hi: int,
        month_of: Mapping[int, int],
        month_ends: Sequence[int],
        half_occasions: int,
        half_value: float,
    ) -> None:
        """``add_days`` of days ``lo``…``hi - 1`` of one person counted month by month rather
        than day by day: ``ordinals`` ascending, ``fulls`` the running count of full days
        (``fulls[i]``: among the first ``i`` days). The person-days are summed in another
        order than ``add_days`` sums them: use it only where such sums are exact
        (``exact_sums``)."""
        months = self.months
        first, last = month_of[ordinals[lo]], month_of[ordinals[hi - 1]]
        start = lo
        for month in range(first, last + 1):
            end = hi if month == last else bisect_right(ordinals, month_ends[month], start, hi)
            days = end - start
            if days:
                full = fulls[end] - fulls[start]
                half = days - full
                occasions = full + half * half_occasions
                person_days = full + half * half_value
                months[month] = [occasions, person_days, full, half]
                self.occasions += occasions
                self.person_days += person_days
                self.full += full
                self.half += half
            start = end

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


def exact_sums(half_value: float) -> bool:
    """Whether sums of person-days are exact in binary floating point, so that their order
    does not matter (a half day of 0.5, 0.25, …; not 0.3): then the people of one unit may
    be summed first and added to the unit's groups once."""
    return (half_value * 1024).is_integer()


class UsageSum:
    """The usage of several people of one unit, added to its groups at once (``Usage.into``
    of each of them, in one go)."""

    __slots__ = ("full", "half", "months", "occasions", "person_days", "teleworkers")

    def __init__(self) -> None:
        self.teleworkers = self.occasions = self.full = self.half = 0
        self.person_days = 0.0
        # index → [implementers, occasions, person-days, full, half]
        self.months: dict[int, list[float]] = {}

    def add(self, usage: Usage) -> None:
        self.teleworkers += 1
        self.occasions += usage.occasions
        self.person_days += usage.person_days
        self.full += usage.full
        self.half += usage.half
        months = self.months
        for index, (n, pd, f, h) in usage.months.items():
            cell = months.get(index)
            if cell is None:
                months[index] = [1, n, pd, f, h]
            else:
                cell[0] += 1
                cell[1] += n
                cell[2] += pd
                cell[3] += f
                cell[4] += h

    def into(self, tally: Tally) -> None:
        tally.teleworkers += self.teleworkers
        tally.occasions += self.occasions
        tally.person_days += self.person_days
        tally.full_days += self.full
        tally.half_days += self.half
        for index, (people, n, pd, f, h) in self.months.items():
            month = tally.months[index]
            month.implementers += int(people)
            month.occasions += int(n)
            month.person_days += pd
            month.full_days += int(f)
            month.half_days += int(h)
