"""Telework occasions (テレワーク実施の回): what quotas and reports count.

A half day (午前のみ / 午後のみ) is one occasion (回) and, with the default policy, 0.5
person-days (人日); a full day is one occasion and 1 person-day. Several parts recorded for
the same date merge first: a full day, or a morning plus an afternoon, is one full-day
occasion, never two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DayPart(StrEnum):
    """Which part of a day was teleworked."""

    FULL = "full"  # 終日
    AM = "am"  # 午前のみ
    PM = "pm"  # 午後のみ

    @property
    def is_half(self) -> bool:
        """Whether this is a half day."""
        return self is not DayPart.FULL


@dataclass(frozen=True, slots=True, order=True)
class Occasion:
    """One telework occasion of one person on one local date."""

    day: date
    part: DayPart = DayPart.FULL


_PART_OF: dict[str, DayPart] = {p.value: p for p in DayPart}


def merge_by_day(
    occasions: Iterable[Occasion | tuple[date, DayPart | str]],
) -> dict[date, DayPart]:
    """One part per date: ``FULL`` when a full day, or both a morning and an afternoon, were
    recorded; otherwise the single half day.

    Accepts ``Occasion`` values or ``(date, part)`` pairs (part as a ``DayPart`` or its
    value); duplicates collapse. This runs once per person in quota and report passes, so it
    is written for speed.
    """
    merged: dict[date, DayPart] = {}
    part_of = _PART_OF
    full = DayPart.FULL
    for item in occasions:
        given: DayPart | str
        if isinstance(item, Occasion):
            day, given = item.day, item.part
        else:
            day, given = item
        try:
            part = part_of[given]
        except KeyError:
            raise ValueError(f"unknown day part {given!r} (expected full, am or pm)") from None
        seen = merged.get(day)
        if seen is None or part is full:
            merged[day] = part
        elif seen is not part and seen is not full:
            merged[day] = full
    return merged


def on_working_days(
    pairs: Iterable[tuple[date, str]], is_working_day: Callable[[date], bool]
) -> Iterator[tuple[date, str]]:
    """The (day, part) pairs that count: telework on a closed day (weekend, holiday,
    12/29–1/3, closure) never does, since telework is a way of working on working days."""
    return (p for p in pairs if is_working_day(p[0]))
