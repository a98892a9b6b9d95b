"""Small SQL helpers shared by the ledger modules: per-dialect INSERT and typed literals."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import JSON, CursorResult, DateTime, Table, bindparam
from sqlalchemy import cast as sql_cast
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import SQLModel

# The ledger's own tables and the two foundation tables it reads and writes.
from storage import ledger_tables, tables  # noqa: F401
from storage.sql import dialect_insert

DELIVERY: Table = SQLModel.metadata.tables["delivery"]
REMINDER_RUN: Table = SQLModel.metadata.tables["reminder_run"]
LEADER_LEASE: Table = SQLModel.metadata.tables["leader_lease"]
SEND_GATE: Table = SQLModel.metadata.tables["send_gate"]
CONVERSATION_REF: Table = SQLModel.metadata.tables["conversation_ref"]
EVENT: Table = SQLModel.metadata.tables["event"]


def rowcount(result: Any) -> int:
    """Rows an UPDATE/INSERT touched (typed: ``Result`` does not declare it)."""
    return int(cast(CursorResult[Any], result).rowcount)


def upsert(dialect: str, table: Table) -> Any:
    """``INSERT`` with ``ON CONFLICT`` support for the given dialect (PostgreSQL or SQLite)."""
    return dialect_insert(dialect, table)


def typed_literal(dialect: str, name: str, value: Any, type_: Any) -> ColumnElement[Any]:
    """A SELECT-list constant of ``type_``. asyncpg needs the type spelled out as a CAST;
    SQLite must not get one (CAST to DATETIME or JSON there means NUMERIC)."""
    param = bindparam(name, value, type_=type_)
    return sql_cast(param, type_) if dialect == "postgresql" else param


def json_literal(dialect: str, name: str, value: Any) -> ColumnElement[Any]:
    return typed_literal(dialect, name, value, JSON)


def utc_literal(dialect: str, name: str, value: Any) -> ColumnElement[Any]:
    return typed_literal(dialect, name, value, DateTime(timezone=True))
