"""SQLModel tables of the foundation: Teams identities, conversation references and events.
Timestamps are UTC and timezone-aware; dates of telework are local dates."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

# SQLite has no BIGSERIAL: an INTEGER PRIMARY KEY is its rowid and autoincrements.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on both backends (SQLite drops the offset on its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must be timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _utc_column(**kwargs: Any) -> Any:
    return Field(sa_column=Column(UtcDateTime(), **kwargs))


class TeamsIdentity(SQLModel, table=True):
    """A Teams user as the channel names them, linked to a staff record once matched."""

    __tablename__ = "teams_identity"
    __table_args__ = (UniqueConstraint("tenant_id", "teams_user_id"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    tenant_id: str = Field(max_length=64)
    teams_user_id: str = Field(max_length=255)
    aad_object_id: str | None = Field(default=None, max_length=64, index=True)
    user_principal_name: str | None = Field(default=None, max_length=320)
    display_name: str | None = Field(default=None, max_length=255)
    locale: str | None = Field(default=None, max_length=16)
    # The staff record this Teams user was matched to (Entra object id, else UPN/e-mail).
    employee_id: str | None = Field(default=None, max_length=64, index=True)
    first_seen_at: datetime = _utc_column(nullable=False)
    last_seen_at: datetime = _utc_column(nullable=False)


class ConversationRef(SQLModel, table=True):
    """What the bot needs to message a conversation proactively; serviceUrl refreshed per turn."""

    __tablename__ = "conversation_ref"
    __table_args__ = (UniqueConstraint("conversation_id", "user_key"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    conversation_id: str = Field(max_length=512)
    # The Teams user id for a 1:1 conversation; "" for a channel or group chat.
    user_key: str = Field(default="", max_length=255)
    conversation_type: str = Field(default="personal", max_length=32)
    tenant_id: str | None = Field(default=None, max_length=64)
    service_url: str = Field(max_length=512)
    channel_id: str = Field(default="msteams", max_length=32)
    bot_id: str = Field(max_length=255)
    bot_name: str | None = Field(default=None, max_length=255)
    team_id: str | None = Field(default=None, max_length=255)
    updated_at: datetime = _utc_column(nullable=False)
    # Set when a send answered 403 (blocked, uninstalled) or 404 (conversation gone); cleared
    # when the person writes again. storage.reach (「届かない職員」) reads them.
    not_working_since: datetime | None = Field(
        default=None, sa_column=Column(UtcDateTime(), nullable=True)
    )
    not_working_status: int | None = Field(default=None)
    not_working_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class Event(SQLModel, table=True):
    """The append-only log: who did what, when, with a JSON payload. Never updated or deleted."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_kind_at", "kind", "at"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    at: datetime = _utc_column(nullable=False)
    actor: str = Field(max_length=255)
    kind: str = Field(max_length=64)
    subject: str | None = Field(default=None, max_length=255, index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
