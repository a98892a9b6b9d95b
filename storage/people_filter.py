"""Reads restricted to some people: an ``IN (...)`` list while it is short, else the rows of
everyone, kept in Python (each list item is a bound parameter: asyncpg refuses more than
32,767, SQLite builds more than 32,766; the 配信状況 card asked for every person's chat id
and failed on PostgreSQL beyond that many staff)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, true

# Above this many people the filter is applied while reading rather than in the query.
MAX_IN_LIST = 1000


class People:
    """The people a read is about (None: everyone): :meth:`where` in the query, :meth:`keeps`
    on each row."""

    __slots__ = ("_ids", "_kept")

    def __init__(self, employee_ids: Sequence[str] | None) -> None:
        self._ids = employee_ids
        long = employee_ids is not None and len(employee_ids) > MAX_IN_LIST
        self._kept = frozenset(employee_ids) if long and employee_ids is not None else None

    def where(self, column: Any) -> ColumnElement[bool]:
        """The query's condition on ``column`` (none for everyone or a long list)."""
        if self._ids is None or self._kept is not None:
            return true()
        condition: ColumnElement[bool] = column.in_(self._ids)
        return condition

    def keeps(self, employee_id: str) -> bool:
        """Whether a row of ``employee_id`` is one of the people."""
        return self._kept is None or employee_id in self._kept
