"""Imports every table module so that ``SQLModel.metadata`` is complete (Alembic, tests)."""

from storage import (  # noqa: F401
    allowance,
    campaigns,
    conversations,
    ledger_tables,
    meeting_tables,
    org,
    preferences,
    schedule,
    tables,
)
