"""The local demo (issue 13 §7): `make run` = `telework-bot dev --demo`. Alex Wilber talks
through Teams (here: HTTP with the real Teams payloads), Megan Bowen, his section chief, in
the terminal. The terminal receives its proactive messages (bot.teams.loopback), and the
README's walk-through works as written: 「承認待ち」, then ``#1`` approves."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from bot.cli.dev import import_demo_roster
from bot.cli.playground import (
    DEMO_ADMIN,
    DEMO_CHIEF_AAD_OBJECT_ID,
    DEMO_CHIEF_NAME,
    DEMO_CHIEF_UPN,
)
from bot.core.settings import load_settings
from bot.teams.server import EDGE
from bot.teams.terminal import ChatUserProfile, TerminalChat
from storage.migrate import upgrade
from tests.bot.chat import Chat, button, card, shown, wait_for
from tests.bot.conftest import RecordingConnector
from tests.factories import frozen_clock

ALEX_AAD = "00000000-0000-0000-0000-0000000000020"
NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))  # Thursday


async def _demo(bot_client: Any, sqlite_url: str) -> Any:
    settings = load_settings(TELEWORK_DATABASE_URL=sqlite_url, _env_file=None)
    await asyncio.to_thread(upgrade, sqlite_url)
    await import_demo_roster(settings)
    return await bot_client(clock=NOW, TELEWORK_ADMINS=DEMO_ADMIN)


def _chief(client: Any) -> TerminalChat:
    profile = ChatUserProfile(
        user_id="29:local-demo-chief",
        name=DEMO_CHIEF_NAME,
        upn=DEMO_CHIEF_UPN,
        aad_object_id=DEMO_CHIEF_AAD_OBJECT_ID,
    )
    return TerminalChat(client.server.app[EDGE], profile)


async def _until(lines: list[str], fragment: str) -> str:
    for _ in range(100):
        found = [line for line in lines if fragment in line]
        if found:
            return found[0]
        await asyncio.sleep(0.05)
    raise AssertionError(f"{fragment!r} never reached the terminal: {lines}")


async def test_terminal_chief_receives_requests_and_approves_as_the_readme_says(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    client = await _demo(bot_client, sqlite_url)
    chief = _chief(client)
    arrived: list[str] = []
    chief.listen(arrived.extend)
    await chief.install()

    alex = Chat(client, connector, ALEX_AAD, "29:alex")
    proposal = card(await alex.say("明日テレワーク"))
    await alex.press(button(proposal, "declare_confirm"))

    request = await _until(arrived, "テレワークの承認依頼")
    assert "Alex Wilber" in request and "11/27(金) 終日 テレワーク" in request

    listed = "\n".join(await chief.say("承認待ち"))
    assert "Alex Wilber：11/27(金) 終日 テレワーク" in listed and "[1] 承認" in listed
    decided = "\n".join(await chief.say("#1"))
    assert "Alex Wilberさんの「11/27(金) 終日 テレワーク」を承認しました。" in decided
    assert "[1]" not in decided  # the list card came back up to date, without buttons
    [decision] = await wait_for(connector, "29:alex", 1)
    assert "承認されました" in decision["text"]
    chief.close()


async def test_a_closed_terminal_fails_with_a_reason_in_words(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """The chief talked to the bot once, then closed the terminal: Alex's request cannot
    reach them, and the admin's deliveries card says why, by name and in local time."""
    client = await _demo(bot_client, sqlite_url)
    await _chief(client).install()
    alex = Chat(client, connector, ALEX_AAD, "29:alex")
    await alex.press(button(card(await alex.say("明日テレワーク")), "declare_confirm"))
    for _ in range(100):
        status = shown(card(await alex.say("配信状況")))
        if "失敗 1" in status:
            break
        await asyncio.sleep(0.05)
    assert "最近の失敗と理由" in status
    assert (
        "11/26(木) 10:00 承認の依頼（Megan Bowen）：ターミナルのチャットが開いていません" in status
    )
    assert "（HTTP 404）" in status and "Cannot connect" not in status

    alex.template["locale"] = "en-US"
    await alex.say("language English")
    status = shown(card(await alex.say("deliveries")))
    assert "Latest failures and why" in status
    assert "Thu 11/26 10:00 approval request (Megan Bowen): the terminal chat is not open" in status
