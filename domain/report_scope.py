"""Which part of the organisation a report covers: its own module, so that the command line
can offer the choice without importing the report model (issue 16: every command starts fast)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.org import Office


class Scope(StrEnum):
    """Which part of the organisation a report covers."""

    HEAD_OFFICE = "head_office"  # 本省
    REGIONAL = "regional"  # 地方支分部局等
    ALL = "all"  # 全体

    def includes(self, office: Office) -> bool:
        """Whether staff of ``office`` fall into this scope."""
        return self is Scope.ALL or self.value == office.value
