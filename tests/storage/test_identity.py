"""Every turn upserts the Teams identity and the conversation reference (both backends)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from domain.identity import ChatUser, ConversationAddress
from storage.engine import session_factory
from storage.identity import SqlEventLog, SqlTurnRecorder
from storage.tables import ConversationRef, Event, TeamsIdentity

USER = ChatUser(
    tenant_id="t1",
    user_id="29:abc",
    aad_object_id="aad-1",
    user_principal_name="hanako@example.go.jp",
    display_name="山田 花子",
    locale="ja-JP",
)
ADDRESS = ConversationAddress(
    conversation_id="a:conv",
    conversation_type="personal",
    service_url="https://smba.trafficmanager.net/jp/",
    channel_id="msteams",
    bot_id="28:bot",
    bot_name="telework-bot",
    tenant_id="t1",
    team_id=None,
    user_key="29:abc",
)


async def test_turns_upsert_identity_and_refresh_the_service_url(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    recorder = SqlTurnRecorder(sessions)
    await recorder.record_turn(USER, ADDRESS)
    moved = ConversationAddress(**{**ADDRESS.__dict__, "service_url": "https://smba.new/jp/"})
    renamed = ChatUser(**{**USER.__dict__, "display_name": "山田 花子（総務課）"})
    await recorder.record_turn(renamed, moved)

    async with sessions() as session:
        identities = (await session.execute(select(TeamsIdentity))).scalars().all()
        refs = (await session.execute(select(ConversationRef))).scalars().all()
    assert len(identities) == 1 and len(refs) == 1
    assert identities[0].display_name == "山田 花子（総務課）"
    assert identities[0].first_seen_at <= identities[0].last_seen_at
    assert refs[0].service_url == "https://smba.new/jp/"


async def test_channel_conversations_are_one_reference(engine: AsyncEngine) -> None:
    recorder = SqlTurnRecorder(session_factory(engine))
    channel = ConversationAddress(
        **{
            **ADDRESS.__dict__,
            "conversation_id": "19:x@thread.tacv2",
            "conversation_type": "channel",
            "user_key": "",
        }
    )
    await recorder.record_turn(USER, channel)
    await recorder.record_turn(ChatUser(**{**USER.__dict__, "user_id": "29:other"}), channel)
    async with session_factory(engine)() as session:
        refs = (await session.execute(select(ConversationRef))).scalars().all()
        people = (await session.execute(select(TeamsIdentity))).scalars().all()
    assert [r.conversation_id for r in refs] == ["19:x@thread.tacv2"]
    assert len(people) == 2


async def test_event_log_appends(engine: AsyncEngine) -> None:
    log = SqlEventLog(session_factory(engine))
    await log.append(
        actor="29:abc", kind="bot.installed", subject="a:conv", payload={"scope": "personal"}
    )
    await log.append(actor="29:abc", kind="bot.uninstalled", subject="a:conv", payload={})
    async with session_factory(engine)() as session:
        events = (await session.execute(select(Event).order_by(Event.id))).scalars().all()
    assert [e.kind for e in events] == ["bot.installed", "bot.uninstalled"]
    assert events[0].payload == {"scope": "personal"}
    assert events[0].at.tzinfo is not None
