"""Small SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert


def dialect_insert(dialect: str, table: Table) -> Any:
    """``INSERT`` with ``on_conflict_do_*`` for a dialect name (PostgreSQL or SQLite)."""
    # Imported on first use: a SQLite deployment (and a quick command on it) need not load
    # PostgreSQL's dialect, nor the other way round.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database dialect {dialect!r}")


def insert_for(session: AsyncSession, table: Table) -> Any:
    """``INSERT`` with ``on_conflict_do_*`` for the session's dialect."""
    return dialect_insert(session.get_bind().dialect.name, table)


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
