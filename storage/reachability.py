"""Conversations the bot cannot post to: what a 「届かない職員」 (not reachable) list reads.

The dispatcher marks a conversation reference when Teams answers 403 (the person blocked or
uninstalled the bot, or the serviceUrl is refused) or 404 (the conversation is gone); the mark is
cleared on the person's next message (storage.identity). Each row says since when, the HTTP
status and the reason, and the staff record the Teams user was matched to, if any.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.tables import ConversationRef, TeamsIdentity


@dataclass(frozen=True)
class NotWorkingConversation:
    """One conversation reference marked not working."""

    conversation_id: str
    conversation_type: str
    user_key: str  # the Teams user id of a 1:1 conversation; "" for a channel or group chat
    tenant_id: str | None
    since: datetime
    http_status: int | None
    reason: str
    employee_id: str | None  # the staff record the Teams user was matched to
    display_name: str | None


async def not_working_conversations(
    session: AsyncSession, *, personal_only: bool = False
) -> list[NotWorkingConversation]:
    """Every conversation marked not working, oldest mark first."""
    ref = ConversationRef.__table__.c  # type: ignore[attr-defined]
    who = TeamsIdentity.__table__.c  # type: ignore[attr-defined]
    query = (
        select(
            ref.conversation_id,
            ref.conversation_type,
            ref.user_key,
            ref.tenant_id,
            ref.not_working_since,
            ref.not_working_status,
            ref.not_working_reason,
            who.employee_id,
            who.display_name,
        )
        .select_from(
            ConversationRef.__table__.outerjoin(  # type: ignore[attr-defined]
                TeamsIdentity.__table__,  # type: ignore[attr-defined]
                and_(
                    ref.user_key != "",
                    who.teams_user_id == ref.user_key,
                    who.tenant_id == ref.tenant_id,
                ),
            )
        )
        .where(ref.not_working_since.is_not(None))
        .order_by(ref.not_working_since, ref.conversation_id)
    )
    if personal_only:
        query = query.where(ref.conversation_type == "personal")
    rows = (await session.execute(query)).all()
    return [
        NotWorkingConversation(
            conversation_id=r.conversation_id,
            conversation_type=r.conversation_type,
            user_key=r.user_key,
            tenant_id=r.tenant_id,
            since=r.not_working_since,
            http_status=r.not_working_status,
            reason=r.not_working_reason or "",
            employee_id=r.employee_id,
            display_name=r.display_name,
        )
        for r in rows
    ]
