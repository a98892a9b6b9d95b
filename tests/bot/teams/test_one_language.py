"""One language per person, everywhere (issue 13 §3), over HTTP with the real Teams payloads:
the language chosen in chat is the one proactive messages use (approval requests, decisions;
nudges, campaigns, polls and invitations read the same preference), the first welcome card
speaks English to an en-US user, and a one-word "OK" never switches a Japanese chat."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import bot
from bot.ui.messages import language_of
from storage.engine import create_engine, session_factory
from storage.org import SqlOrganisation
from tests.bot.chat import Chat, button, card, shown, wait_for
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, seed_staff, staff

BOT = Path(bot.__file__).parent


async def member_language(url: str, employee_id: str) -> tuple[str, str]:
    """The language of the person as one staff record and as the whole roster gives it (the
    two ways proactive senders read people)."""
    engine = create_engine(url)
    directory = SqlOrganisation(session_factory(engine))
    one = await directory.member(employee_id)
    everyone = await directory.staff(active_only=True)
    await engine.dispose()
    assert one is not None
    return language_of(one), language_of(everyone[employee_id])


async def test_a_chief_who_chose_english_gets_english_approval_requests(office: Any) -> None:
    megan, chief, url = office
    assert (await chief.say("言語 English"))["text"] == "I will answer in English from now on."
    await megan.say("ヘルプ")
    await megan.press(button(card(await megan.say("12/3 午後 テレワーク")), "declare_confirm"))
    [request] = await wait_for(chief.connector, chief.template["conversation"]["id"], 1)
    content = shown(request["attachments"][0]["content"])
    assert "Thu 12/3 afternoon telework" in content and "申請" not in content
    decided = await chief.press(button(request["attachments"][0]["content"], "approve"))
    assert "approved" in decided["value"].lower()
    # Megan writes Japanese: her decision arrives in Japanese.
    messages = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert any("承認されました" in m.get("text", "") for m in messages), messages
    assert await member_language(url, "C1") == ("en", "en")
    assert await member_language(url, "S1") == ("ja", "ja")


async def test_ok_in_a_japanese_chat_never_switches_the_language(office: Any) -> None:
    megan, _chief, url = office
    megan.template["locale"] = "en-US"  # as the Agents Playground and many clients send
    read_back = shown(card(await megan.say("明日テレワーク")))
    assert "以下の内容で登録しますか？" in read_back
    saved = shown(card(await megan.say("OK")))
    assert "登録しました" in saved and "Saved" not in saved
    for short in ("ok", "yes", "OK!"):
        reply = await megan.say(short)
        assert reply["text"].startswith("いま確認をお待ちしているものはありません"), short
    thanks = await megan.say("thanks")
    assert "理解できませんでした" in thanks["text"] and not thanks.get("attachments")
    assert await member_language(url, "S1") == ("ja", "ja")


async def test_an_en_us_user_who_wrote_nothing_telling_gets_english_everywhere(
    office: Any,
) -> None:
    """Only the Teams locale is known (one-word messages): chat and proactive messages both
    use it, until a message says otherwise."""
    megan, chief, url = office
    megan.template["locale"] = "en-US"
    await chief.say("ヘルプ")
    assert "How to use telework-bot" in shown(card(await megan.say("help")))
    assert await member_language(url, "S1") == ("en", "en")
    proposal = await megan.press(
        button(card(await megan.say("declare")), "declare_form_submit"),
        date="2026-12-03",
        part="pm",
        status="telework",
    )
    await megan.press(button(proposal["value"], "declare_confirm"))
    [request] = await wait_for(chief.connector, chief.template["conversation"]["id"], 1)
    await chief.press(button(request["attachments"][0]["content"], "approve"))
    messages = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert any("approved" in m.get("text", "").lower() for m in messages), messages
    # A Japanese message now: the chat and everything sent later are Japanese.
    assert "以下の内容で登録しますか？" in shown(card(await megan.say("明日テレワーク")))
    assert await member_language(url, "S1") == ("ja", "ja")


async def test_the_first_welcome_speaks_english_to_an_en_us_user(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1", name="Megan", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client()
    install = teams_fixture("05_conversationupdate_bot_added_personal")
    install["serviceUrl"] = connector.url
    install["from"]["aadObjectId"] = MEGAN_AAD
    without_locale = copy.deepcopy(install)
    await client.post("/api/messages", json=without_locale)
    [unknown] = connector.activities()
    both = shown(unknown["attachments"][0]["content"])
    assert "テレワークの予定登録" in both and "Declare telework days" in both

    install["locale"] = "en-US"
    install["id"] = "f:second-install"
    await client.post("/api/messages", json=install)
    welcome = connector.activities()[-1]["attachments"][0]["content"]
    assert "Welcome to telework-bot" in shown(welcome) and "ようこそ" not in shown(welcome)
    megan = Chat(client, connector, MEGAN_AAD, "29:megan")
    megan.template["locale"] = "en-US"
    helped = await megan.press(button(welcome, "help"))
    assert "How to use telework-bot" in shown(helped["value"])


def test_proactive_senders_read_the_one_preference() -> None:
    """Every module that builds a message for someone other than the person talking takes
    its language from ``language_of(member)`` (``StaffMember.language``: the choice in chat,
    else the roster, else the language written, else the Teams locale); none reads one of
    the underlying fields, which is how a chat choice was once ignored by proactive
    messages."""
    fields = {"preferred_language", "chat_language", "written_language"}
    readers: list[str] = []
    users: set[str] = set()
    for path in sorted((BOT / "features").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in fields:
                readers.append(f"{path.relative_to(BOT)}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id == "language_of":
                users.add(path.parent.name)
    assert readers == [], readers
    # approval requests and decisions, reminders of pending approvals, nudges and the
    # digest, campaigns, meeting polls and invitations
    assert {"approvals", "nudges", "campaigns", "meetings"} <= users
