"""Conversation state on both backends: one exchange per chat user and conversation, its
expiry, replacement, forgetting, and expired rows of anybody dropped on the next write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.conversations import MAX_DOCUMENT_CHARS, SqlConversationMemory
from storage.engine import session_factory

T0 = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
TEN = timedelta(minutes=10)


@pytest.fixture
def memory(engine: AsyncEngine) -> SqlConversationMemory:
    return SqlConversationMemory(session_factory(engine))


async def test_kept_until_it_expires(memory: SqlConversationMemory) -> None:
    document = {"intent": "declare", "said": {"days": [], "status": "telework"}, "asked": 1}
    await memory.keep("29:a", "a:1", "declare.clarify", document, now=T0, until=T0 + TEN)
    assert await memory.recall("29:a", "a:1", now=T0 + TEN / 2) == ("declare.clarify", document)
    assert await memory.recall("29:a", "a:1", now=T0 + TEN) is None
    assert await memory.recall("29:a", "a:2", now=T0) is None  # another conversation
    assert await memory.recall("29:b", "a:1", now=T0) is None  # another person


async def test_replaced_then_forgotten(memory: SqlConversationMemory) -> None:
    await memory.keep("29:a", "a:1", "one", {"n": 1}, now=T0, until=T0 + TEN)
    await memory.keep("29:a", "a:1", "two", {"n": "二"}, now=T0, until=T0 + TEN)
    assert await memory.recall("29:a", "a:1", now=T0) == ("two", {"n": "二"})
    await memory.forget("29:a", "a:1")
    await memory.forget("29:a", "a:1")  # nothing open: nothing happens
    assert await memory.recall("29:a", "a:1", now=T0) is None


async def test_expired_exchanges_are_deleted_by_the_next_write(
    memory: SqlConversationMemory, engine: AsyncEngine
) -> None:
    await memory.keep("29:a", "a:1", "old", {}, now=T0, until=T0 + TEN)
    await memory.keep("29:b", "a:2", "new", {}, now=T0 + 2 * TEN, until=T0 + 3 * TEN)
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT user_id FROM conversation_state"))).all()
    assert [row.user_id for row in rows] == ["29:b"]


async def test_a_document_too_large_is_refused(memory: SqlConversationMemory) -> None:
    with pytest.raises(ValueError, match="conversation state"):
        await memory.keep(
            "29:a", "a:1", "big", {"x": "x" * MAX_DOCUMENT_CHARS}, now=T0, until=T0 + TEN
        )


async def test_a_long_conversation_id_fits(memory: SqlConversationMemory) -> None:
    channel = "19:" + "c" * 120 + "@thread.tacv2;messageid=1733100000000"
    await memory.keep("29:a", channel, "t", {"ok": True}, now=T0, until=T0 + TEN)
    assert await memory.recall("29:a", channel, now=T0) == ("t", {"ok": True})
