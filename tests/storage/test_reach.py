"""「届かない職員」: who the bot cannot message 1:1, and why (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.identity import ChatUser, ConversationAddress
from domain.reach import UnreachableReason
from storage.engine import session_factory
from storage.identity import SqlEventLog, SqlTurnRecorder
from storage.ledger_sql import CONVERSATION_REF, DELIVERY
from storage.reach import SqlStaffReach
from tests.factories import seed_staff, staff
from tests.fakes.ledger_data import add_deliveries, user

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def talked(engine: AsyncEngine, n: int, aad: str, *, personal: bool = True) -> None:
    """User number ``n`` reached the bot (a 1:1 chat, or only a group chat)."""
    address = ConversationAddress(
        conversation_id=f"a:conv-{n}" if personal else "19:group@thread.v2",
        conversation_type="personal" if personal else "groupChat",
        service_url="https://smba.trafficmanager.net/jp/",
        channel_id="msteams",
        bot_id="28:bot",
        bot_name="bot",
        tenant_id="tenant",
        team_id=None,
        user_key=user(n) if personal else "",
    )
    await SqlTurnRecorder(session_factory(engine)).record_turn(
        ChatUser("tenant", user(n), aad_object_id=aad), address
    )


async def test_each_reason(engine: AsyncEngine) -> None:
    await seed_staff(
        engine,
        *(
            staff(f"E{n}", aad_object_id=f"00000000-0000-4000-8000-00000000000{n}")
            for n in range(6)
        ),
        staff("E9", active=False),
    )
    aad = "00000000-0000-4000-8000-00000000000{}".format
    await talked(engine, 0, aad(0))  # fine
    await talked(engine, 2, aad(2), personal=False)  # only in a group chat
    await talked(engine, 3, aad(3))
    await SqlEventLog(session_factory(engine)).append(
        actor=user(3), kind="bot.uninstalled", subject="a:conv-3", payload={"scope": "personal"}
    )
    await talked(engine, 4, aad(4))
    await talked(engine, 5, aad(5))
    await add_deliveries(engine, [4, 5], now=NOW)
    async with engine.begin() as conn:
        await conn.execute(
            update(DELIVERY)
            .where(DELIVERY.c.recipient == user(4))
            .values(status="failed", last_http_status=403)
        )
        await conn.execute(
            update(DELIVERY)
            .where(DELIVERY.c.recipient == user(5))
            .values(status="failed", last_http_status=500)
        )
    found = {p.employee_id: p for p in await SqlStaffReach(engine).unreachable()}
    assert {k: p.reason for k, p in found.items()} == {
        "E1": UnreachableReason.NOT_IN_TEAMS,
        "E2": UnreachableReason.NO_CONVERSATION,
        "E3": UnreachableReason.UNINSTALLED,
        "E4": UnreachableReason.REFUSED,
    }  # E0 is reachable, E5's failure was not a refusal, E9 has left
    assert found["E4"].detail.startswith("HTTP 403")
    # Reinstalling the app makes E3 reachable again.
    await SqlEventLog(session_factory(engine)).append(
        actor=user(3), kind="bot.installed", subject="a:conv-3", payload={"scope": "personal"}
    )
    assert "E3" not in {p.employee_id for p in await SqlStaffReach(engine).unreachable()}


async def test_a_reference_the_dispatcher_marked_not_working_is_refused(
    engine: AsyncEngine,
) -> None:
    """The dispatcher's mark on the 1:1 reference (a 403/404, issue 20) is a refusal even when
    no failed delivery is left to show it; writing to the bot again clears it."""
    aad = "00000000-0000-4000-8000-000000000007"
    await seed_staff(engine, staff("E7", aad_object_id=aad))
    await talked(engine, 7, aad)
    async with engine.begin() as conn:
        await conn.execute(
            update(CONVERSATION_REF)
            .where(CONVERSATION_REF.c.conversation_id == "a:conv-7")
            .values(not_working_since=NOW, not_working_status=404, not_working_reason="gone")
        )
    (found,) = await SqlStaffReach(engine).unreachable()
    assert (found.employee_id, found.reason) == ("E7", UnreachableReason.REFUSED)
    assert found.detail == "HTTP 404 2026-12-01"
