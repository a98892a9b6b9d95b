"""Small SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert


def insert_for(session: AsyncSession, table: Table) -> Any:
    """``INSERT`` with ``on_conflict_do_*`` for the session's dialect."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database dialect {name!r}")


def upsert(
    session: AsyncSession,
    table: Table,
    values: Mapping[str, Any],
    *,
    conflict: Iterable[str],
    update: Iterable[str],
) -> Insert:
    """``INSERT … ON CONFLICT (conflict) DO UPDATE SET update = excluded.update``."""
    statement = insert_for(session, table).values(**values)
    excluded = statement.excluded
    result: Insert = statement.on_conflict_do_update(
        index_elements=list(conflict), set_={column: excluded[column] for column in update}
    )
    return result
