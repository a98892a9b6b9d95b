"""Teams identities and conversation references, upserted on every turn; the event log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.identity import ChatUser, ConversationAddress
from storage.sql import upsert
from storage.tables import ConversationRef, Event, TeamsIdentity, utcnow


class SqlTurnRecorder:
    """Implements :class:`domain.identity.TurnRecorder` in one short transaction.

    A turn whose user and conversation are exactly as recorded within ``refresh`` writes
    nothing: a changed serviceUrl, name or locale is written at once, ``last_seen_at`` at most
    every ``refresh``. This keeps SQLite's single writer free for real changes under load.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        refresh: timedelta = timedelta(minutes=5),
        remember: int = 20_000,
    ) -> None:
        self._sessions = sessions
        self._refresh = refresh
        self._remember = remember
        self._recent: dict[tuple[object, ...], datetime] = {}

    async def record_turn(self, user: ChatUser | None, address: ConversationAddress) -> None:
        now = utcnow()
        key = (user, address)
        written = self._recent.get(key)
        if written is not None and now - written < self._refresh:
            return
        await self._write(user, address, now)
        if len(self._recent) >= self._remember:
            self._recent.clear()
        self._recent[key] = now

    async def _write(
        self, user: ChatUser | None, address: ConversationAddress, now: datetime
    ) -> None:
        async with self._sessions.begin() as session:
            if user is not None and user.tenant_id:
                await session.execute(
                    upsert(
                        session,
                        TeamsIdentity.__table__,  # type: ignore[attr-defined]
                        {
                            "tenant_id": user.tenant_id,
                            "teams_user_id": user.user_id,
                            "aad_object_id": user.aad_object_id,
                            "user_principal_name": user.user_principal_name,
                            "display_name": user.display_name,
                            "locale": user.locale,
                            "first_seen_at": now,
                            "last_seen_at": now,
                        },
                        conflict=("tenant_id", "teams_user_id"),
                        update=(
                            "aad_object_id",
                            "user_principal_name",
                            "display_name",
                            "locale",
                            "last_seen_at",
                        ),
                    )
                )
            await session.execute(
                upsert(
                    session,
                    ConversationRef.__table__,  # type: ignore[attr-defined]
                    {
                        "conversation_id": address.conversation_id,
                        "user_key": address.user_key,
                        "conversation_type": address.conversation_type,
                        "tenant_id": address.tenant_id,
                        "service_url": address.service_url,
                        "channel_id": address.channel_id,
                        "bot_id": address.bot_id,
                        "bot_name": address.bot_name,
                        "team_id": address.team_id,
                        "updated_at": now,
                        # The person wrote: whatever made sends fail (403/404) is over.
                        "not_working_since": None,
                        "not_working_status": None,
                        "not_working_reason": None,
                    },
                    conflict=("conversation_id", "user_key"),
                    update=(
                        "service_url",
                        "tenant_id",
                        "bot_id",
                        "bot_name",
                        "team_id",
                        "conversation_type",
                        "updated_at",
                        "not_working_since",
                        "not_working_status",
                        "not_working_reason",
                    ),
                )
            )


class SqlEventLog:
    """Implements :class:`domain.identity.EventRecorder`: append-only."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def append(
        self, *, actor: str, kind: str, subject: str | None, payload: dict[str, Any]
    ) -> None:
        async with self._sessions.begin() as session:
            append_event(session, actor=actor, kind=kind, subject=subject, payload=payload)


def append_event(
    session: AsyncSession, *, actor: str, kind: str, subject: str | None, payload: dict[str, Any]
) -> None:
    """Add an event to ``session``'s transaction (so it commits with the change it records)."""
    session.add(Event(at=utcnow(), actor=actor, kind=kind, subject=subject, payload=payload))
