"""Installed in a team, the bot opens every member's 1:1 conversation in the background
(paged members API), so broadcasts never have to create conversations."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlmodel import select

from bot.teams.server import EDGE
from storage.engine import create_engine, session_factory
from storage.tables import ConversationRef, TeamsIdentity
from tests.bot.conftest import teams_fixture
from tests.fakes.fake_connector import FakeConnector

MEMBERS = 7


async def test_team_install_opens_members_conversations(bot_client: Any, sqlite_url: str) -> None:
    fake = await FakeConnector().start()
    fake.members = [
        {
            "id": f"29:member-{n}",
            "name": f"職員{n}",
            "aadObjectId": f"aad-{n}",
            "userPrincipalName": f"m{n}@example.go.jp",
        }
        for n in range(MEMBERS)
    ]
    try:
        client = await bot_client()
        install = teams_fixture("04_conversationupdate_bot_added_to_team")
        install["serviceUrl"] = fake.url
        response = await client.post("/api/messages", json=install)
        assert response.status == 201
        await asyncio.wait_for(client.app[EDGE].team_conversations.wait(), 20)
    finally:
        await fake.stop()
    assert len(fake.created_conversations) == MEMBERS
    assert fake.created_conversations[0]["tenantId"] == install["channelData"]["tenant"]["id"]
    engine = create_engine(sqlite_url)
    async with session_factory(engine)() as session:
        refs = (await session.execute(select(ConversationRef))).scalars().all()
        people = (await session.execute(select(TeamsIdentity))).scalars().all()
    await engine.dispose()
    personal = {r.user_key: r.conversation_id for r in refs if r.conversation_type == "personal"}
    assert personal == {f"29:member-{n}": f"a:personal-29:member-{n}" for n in range(MEMBERS)}
    assert {p.user_principal_name for p in people} >= {
        f"m{n}@example.go.jp" for n in range(MEMBERS)
    }
