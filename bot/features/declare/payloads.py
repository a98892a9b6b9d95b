"""What the declaring cards send back, validated before any handler runs.

Card data carries the requested days, never who is asking: the person is always the one
talking, and the days are checked against the rules again on every press.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StrictInt, model_validator

from bot.core.router import Payload
from domain.declarations import MAX_LINES
from domain.schedule import EntryStatus

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Part = Annotated[str, Field(max_length=11)]  # full, am, pm, "HH:MM-HH:MM" (checked by the domain)
Note = Annotated[str, Field(max_length=200)]


class Day(Payload):
    """One requested day."""

    date: datetime.date
    part: Part = "full"
    status: EntryStatus = EntryStatus.TELEWORK


class MovedDay(Payload):
    """A day a change moves away from (part/status None: whatever is recorded)."""

    date: datetime.date
    part: Part | None = None
    status: EntryStatus | None = None


class Confirm(Payload):
    """The read-back card's Confirm: the days, what the card said they replace, the days a
    change moves away from, and the note typed on the form."""

    entries: Annotated[tuple[Day, ...], Field(max_length=MAX_LINES)]
    replacing: Annotated[tuple[StrictInt, ...], Field(max_length=4 * MAX_LINES)] = ()
    moves: Annotated[tuple[MovedDay, ...], Field(max_length=MAX_LINES)] = ()
    note: Note | None = None


def _blank_is_none(data: Any, keys: tuple[str, ...]) -> Any:
    """Teams sends an empty input as ""; a blank optional date or time is not given."""
    if isinstance(data, dict):
        return {k: (None if k in keys and v == "" else v) for k, v in data.items()}
    return data


_OPTIONAL = ("until", "start", "end", "note", "part", "status")


class Prefill(Payload):
    """Values the form opens with (``part`` "time": the ``start``–``end`` time range)."""

    date: datetime.date | None = None
    until: datetime.date | None = None
    part: Part | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    status: EntryStatus | None = None
    note: Note | None = None

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        return _blank_is_none(data, _OPTIONAL)


class OpenForm(Payload):
    prefill: Prefill = Prefill()


class FormSubmit(Payload):
    """The form's fields (Input ids: date, until, part, start, end, status, note): one day
    or a range of days (``until``), the whole day, a half, or a time range (``part`` "time"
    with ``start`` and ``end``)."""

    date: datetime.date
    until: datetime.date | None = None
    part: Part = "full"
    start: datetime.time | None = None
    end: datetime.time | None = None
    status: EntryStatus = EntryStatus.TELEWORK
    note: Note | None = None

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        cleaned = _blank_is_none(data, _OPTIONAL)
        if isinstance(cleaned, dict):
            return {k: v for k, v in cleaned.items() if not (k in ("part", "status") and v is None)}
        return cleaned


class EntryIds(Payload):
    entry_ids: Annotated[tuple[StrictInt, ...], Field(max_length=MAX_LINES)]


class Pattern(Payload):
    """A weekly pattern as the read-back card carries it."""

    weekdays: Annotated[tuple[Weekday, ...], Field(min_length=1, max_length=7)]
    part: Part = "full"
    status: EntryStatus = EntryStatus.TELEWORK
    start: datetime.date | None = Field(default=None, alias="from")
    until: datetime.date | None = None


class Weekdays(Payload):
    weekdays: Annotated[tuple[Weekday, ...], Field(max_length=7)] = ()
