"""``domain.ports.ConversationMemory`` in a dict, for tests that run the router without a
database (the SQL one is tested in tests/storage/test_conversations.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any


class MemoryConversations:
    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], tuple[str, dict[str, Any], datetime]] = {}

    async def recall(
        self, user_id: str, conversation_id: str, *, now: datetime
    ) -> tuple[str, dict[str, Any]] | None:
        kept = self.kept.get((user_id, conversation_id))
        if kept is None or kept[2] <= now:
            return None
        return kept[0], kept[1]

    async def keep(
        self,
        user_id: str,
        conversation_id: str,
        topic: str,
        document: dict[str, Any],
        *,
        now: datetime,
        until: datetime,
    ) -> None:
        self.kept[(user_id, conversation_id)] = (topic, document, until)

    async def forget(self, user_id: str, conversation_id: str) -> None:
        self.kept.pop((user_id, conversation_id), None)


def services_for_router(**more: Any) -> Any:
    """Just the services the router itself reads (the exchange of the conversation), for
    tests that run handlers which read no other service."""
    from datetime import UTC, timedelta
    from types import SimpleNamespace

    return SimpleNamespace(
        conversations=MemoryConversations(),
        now=lambda: datetime(2026, 11, 26, 1, 0, tzinfo=UTC),
        conversation_timeout=timedelta(minutes=10),
        **more,
    )
