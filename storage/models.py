"""Imports every table module so that ``SQLModel.metadata`` is complete (Alembic, tests)."""

from storage import tables  # noqa: F401
