"""Test data for the delivery ledger: conversation references and deliveries in bulk."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.delivery import NewDelivery
from storage.engine import session_factory
from storage.ledger_fanout import fan_out_to
from storage.ledger_sql import CONVERSATION_REF, DELIVERY


def user(n: int) -> str:
    return f"29:user-{n:06d}"


def conversation(n: int) -> str:
    return f"a:conv-{n:06d}"


async def add_refs(
    engine: AsyncEngine, numbers: Iterable[int], service_url: str, *, at: datetime | None = None
) -> None:
    """A 1:1 conversation reference for each user number (user_key = user(n))."""
    at = at or datetime(2026, 12, 1, tzinfo=UTC)
    rows = [
        {
            "conversation_id": conversation(n),
            "user_key": user(n),
            "conversation_type": "personal",
            "tenant_id": "tenant",
            "service_url": service_url,
            "channel_id": "msteams",
            "bot_id": "28:bot",
            "updated_at": at,
        }
        for n in numbers
    ]
    async with engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            await conn.execute(insert(CONVERSATION_REF), rows[start : start + 5000])


async def add_deliveries(
    engine: AsyncEngine,
    numbers: Iterable[int],
    *,
    now: datetime,
    kind: str = "reminder",
    period_key: str = "2026-12-01",
    run_id: int | None = None,
    deadline: datetime | None = None,
) -> int:
    async with session_factory(engine).begin() as session:
        return await fan_out_to(
            session,
            (
                NewDelivery(
                    recipient=user(n),
                    kind=kind,
                    period_key=period_key,
                    payload={"type": "message", "text": f"hello {n}"},
                    run_id=run_id,
                    deadline=deadline,
                )
                for n in numbers
            ),
            now=now,
        )


async def deliveries(engine: AsyncEngine) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(select(DELIVERY).order_by(DELIVERY.c.id))).all())
