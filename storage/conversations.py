"""Conversation state: what a conversation keeps between two messages (a declaration being
clarified, a read-back card waiting for a yes), one row per chat user and conversation.

A row lives only while the bot waits for an answer: it is deleted when the exchange ends
(answered, stopped, replaced) and, once expired, by the next write of anybody's exchange.
Documents are JSON objects (never pickles): nothing a user could have shaped is unpickled.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, Text, delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel

from storage.sql import upsert
from storage.tables import UtcDateTime

MAX_DOCUMENT_CHARS = 16_000  # a read-back of a month of days is about 3,000


class ConversationStateRow(SQLModel, table=True):
    """The open exchange of one chat user in one conversation, until ``expires_at``."""

    __tablename__ = "conversation_state"
    __table_args__ = (Index("ix_conversation_state_expires_at", "expires_at"),)

    user_id: str = Field(primary_key=True, max_length=255)
    conversation_id: str = Field(primary_key=True, max_length=512)
    topic: str = Field(max_length=64)
    document: str = Field(sa_column=Column(Text, nullable=False))
    expires_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


_table = ConversationStateRow.__table__  # type: ignore[attr-defined]


class SqlConversationMemory:
    """``domain.ports.ConversationMemory`` over the ``conversation_state`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def recall(
        self, user_id: str, conversation_id: str, *, now: datetime
    ) -> tuple[str, dict[str, Any]] | None:
        async with self._sessions() as session:
            row = await session.get(ConversationStateRow, (user_id, conversation_id))
        if row is None or row.expires_at <= now:
            return None
        try:
            document = json.loads(row.document)
        except ValueError:
            return None
        return (row.topic, document) if isinstance(document, dict) else None

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
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, allow_nan=False)
        if len(text) > MAX_DOCUMENT_CHARS:
            raise ValueError(f"conversation state of {len(text)} characters for {topic!r}")
        values = {
            "user_id": user_id,
            "conversation_id": conversation_id,
            "topic": topic,
            "document": text,
            "expires_at": until,
            "updated_at": now,
        }
        async with self._sessions.begin() as session:
            await session.execute(delete(_table).where(_table.c.expires_at <= now))
            await session.execute(
                upsert(
                    session,
                    _table,
                    values,
                    conflict=("user_id", "conversation_id"),
                    update=("topic", "document", "expires_at", "updated_at"),
                )
            )

    async def forget(self, user_id: str, conversation_id: str) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                delete(_table).where(
                    _table.c.user_id == user_id, _table.c.conversation_id == conversation_id
                )
            )
