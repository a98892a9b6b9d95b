"""A section chief's own request goes to whoever the policy names (issue 13 §6): the manager
of the unit above the section (局・部), else the admins; with ``chief_requests = "admins"``
always the admins. The chief is told who decides, in their language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage.engine import create_engine
from tests.bot.chat import Chat, button, card, shown, wait_for
from tests.bot.conftest import CHIEF_AAD, NOW, RecordingConnector
from tests.factories import MEGAN_AAD, seed_staff, staff

BUREAU_AAD = "0c1a2b3c-0000-4000-8000-0000000000b1"
ADMIN_AAD = "0c1a2b3c-0000-4000-8000-0000000000ad"
ROOT = Path(__file__).resolve().parents[4]


async def _office(
    bot_client: Any,
    connector: RecordingConnector,
    url: str,
    *,
    bureau_head: bool = True,
    **settings: Any,
) -> tuple[Chat, Chat, Chat, Chat]:
    people = [
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True),
        staff("A1", name="事務局 花子", org_unit="関東局/総務課", aad_object_id=ADMIN_AAD),
    ]
    if bureau_head:
        people.append(
            staff(
                "B1",
                name="官房長 太郎",
                org_unit="大臣官房",
                aad_object_id=BUREAU_AAD,
                is_manager=True,
            )
        )
    engine = create_engine(url)
    await seed_staff(engine, *people)
    await engine.dispose()
    client = await bot_client(clock=NOW, TELEWORK_ADMINS="a1@example.go.jp", **settings)
    chats = (
        Chat(client, connector, CHIEF_AAD, "29:chief"),
        Chat(client, connector, BUREAU_AAD, "29:bureau"),
        Chat(client, connector, ADMIN_AAD, "29:admin"),
        Chat(client, connector, MEGAN_AAD, "29:megan"),
    )
    for chat in chats:
        await chat.say("ヘルプ")  # everyone has a 1:1 conversation with the bot
    return chats


def _sent(connector: RecordingConnector, who: str) -> list[dict[str, Any]]:
    return [
        r["body"]
        for r in connector.requests
        if r["method"] == "POST"
        and f"a:1on1-{who}/activities" in r["path"]
        and r["path"].endswith("/activities")
    ]


async def test_a_chiefs_request_goes_to_the_manager_above(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    chief, bureau, _admin, megan = await _office(bot_client, connector, sqlite_url)
    saved = await chief.press(button(card(await chief.say("明日テレワーク")), "declare_confirm"))
    assert "承認待ちです（承認者：官房長 太郎）。" in shown(saved)
    [request] = await wait_for(connector, "29:bureau", 1)
    assert "課長 一郎さんから申請がありました：11/27(金) 終日 テレワーク" in shown(request)
    decided = await bureau.press(button(request["attachments"][0]["content"], "approve"))
    assert "承認しました" in shown(decided)
    assert _sent(connector, "29:admin") == []  # the admins were not asked
    # Staff requests still go to their chief, who is named.
    saved = await megan.press(button(card(await megan.say("明日テレワーク")), "declare_confirm"))
    assert "承認待ちです（承認者：課長 一郎）。" in shown(saved)


async def test_without_a_manager_above_or_by_policy_the_admins_decide(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    source = (ROOT / "domain" / "default_policy.toml").read_text(encoding="utf-8")
    policy.write_text(
        source.replace('chief_requests = "next_level"', 'chief_requests = "admins"'),
        encoding="utf-8",
    )
    chief, bureau, admin, _megan = await _office(
        bot_client, connector, sqlite_url, TELEWORK_POLICY_FILE=str(policy)
    )
    chief.template["locale"] = "en-US"
    await chief.say("language English")
    saved = await chief.press(button(card(await chief.say("telework tomorrow")), "declare_confirm"))
    assert "Waiting for approval (by 事務局 花子); I will tell you." in shown(saved)
    [request] = await wait_for(connector, "29:admin", 1)
    assert "課長 一郎" in shown(request)
    refused = await bureau.press(button(request["attachments"][0]["content"], "approve"))
    assert refused["value"] == "承認は課室長（または事務局）のみ行えます。"
    assert "承認しました" in shown(
        await admin.press(button(request["attachments"][0]["content"], "approve"))
    )


async def test_nobody_above_means_the_admins(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    chief, _bureau, _admin, _megan = await _office(
        bot_client, connector, sqlite_url, bureau_head=False
    )
    saved = await chief.press(button(card(await chief.say("明日テレワーク")), "declare_confirm"))
    assert "承認待ちです（承認者：事務局 花子）。" in shown(saved)
    await wait_for(connector, "29:admin", 1)
