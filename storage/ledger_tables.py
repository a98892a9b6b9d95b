"""Tables of the delivery ledger: firing claims, deliveries, the sender lease and the send gate.

All instants are UTC. SQLite stores them without an offset, so every value written goes through
:func:`as_utc` first and every value read is made aware again with :func:`from_db`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables import BigId


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC; refuses naive datetimes (they are bugs here)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the delivery ledger")
    return value.astimezone(UTC)


def from_db(value: datetime | None) -> datetime | None:
    """A timestamp read back from either backend, as an aware UTC datetime."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _utc(*, nullable: bool, **kwargs: Any) -> Any:
    return Field(
        default=None if nullable else ...,
        sa_column=Column(DateTime(timezone=True), nullable=nullable, **kwargs),
    )


class ReminderRun(SQLModel, table=True):
    """One firing of a scheduled job, claimed by exactly one replica (UNIQUE(job, period_key))."""

    __tablename__ = "reminder_run"
    __table_args__ = (UniqueConstraint("job", "period_key", name="uq_reminder_run_job_period"),)

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    job: str = Field(max_length=128)
    period_key: str = Field(max_length=64)
    scheduled_for: datetime = _utc(nullable=False)
    claimed_by: str = Field(max_length=128)
    claimed_at: datetime = _utc(nullable=False)
    completed_at: datetime | None = _utc(nullable=True)


class Delivery(SQLModel, table=True):
    """One message to one recipient for one (kind, period): the idempotency key of a send."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint(
            "recipient", "kind", "period_key", name="uq_delivery_recipient_kind_period"
        ),
        Index("ix_delivery_status_available", "status", "available_at"),
        Index("ix_delivery_lease_owner", "lease_owner"),
    )

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    run_id: int | None = Field(
        default=None,
        sa_column=Column(BigId, ForeignKey("reminder_run.id"), nullable=True, index=True),
    )
    recipient: str = Field(max_length=255)
    kind: str = Field(max_length=64)
    period_key: str = Field(max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=16)
    attempts: int = Field(default=0)
    throttles: int = Field(default=0)
    available_at: datetime = _utc(nullable=False)
    lease_owner: str | None = Field(default=None, max_length=128)
    lease_expires_at: datetime | None = _utc(nullable=True)
    attempt_started_at: datetime | None = _utc(nullable=True)
    last_http_status: int | None = Field(default=None)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    activity_id: str | None = Field(default=None, max_length=255)
    # Set by the caller for a channel or group post, else resolved from conversation_ref.
    conversation_id: str | None = Field(default=None, max_length=512)
    service_url: str | None = Field(default=None, max_length=512)
    created_at: datetime = _utc(nullable=False)
    updated_at: datetime = _utc(nullable=False)
    sent_at: datetime | None = _utc(nullable=True)
    # After this instant the message is pointless (a morning reminder in the evening): retries
    # stop and it fails with the reason. None: only the dispatcher's retry budget applies.
    deadline_at: datetime | None = _utc(nullable=True)


class LeaderLease(SQLModel, table=True):
    """A named lease with an expiry: whoever holds a live one is the (only) sender."""

    __tablename__ = "leader_lease"

    name: str = Field(primary_key=True, max_length=64)
    owner: str = Field(max_length=128)
    expires_at: datetime = _utc(nullable=False)
    acquired_at: datetime = _utc(nullable=False)


class SendGate(SQLModel, table=True):
    """The cluster-wide brake: after a 429 nobody sends before ``paused_until``."""

    __tablename__ = "send_gate"

    name: str = Field(primary_key=True, max_length=64)
    paused_until: datetime | None = _utc(nullable=True)
    updated_at: datetime = _utc(nullable=False)
