"""Personal requests in a group chat or a channel get a pointer to the 1:1 chat, never the
data: every personal command, every personal card action (Action.Execute and Action.Submit)
and every personal free-text intent, over HTTP with the real channel (02) and group chat (03)
payloads. Help, language and team meetings stay available there, and what the bot shows in
a group carries no category or care status."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any

import pytest
from sqlmodel import select

from bot.app import build_router
from bot.core.turn import EVERYWHERE, PERSONAL_ONLY
from dialogs.understanding import Intent
from domain.policy import load_policy
from storage.engine import create_engine, session_factory
from storage.tables import ConversationRef
from tests.bot.chat import wait_for
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, seed_telework, staff

NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))  # Thursday morning
CHIEF_AAD = "0c1a2b3c-0000-4000-8000-00000000c41e"
POINTER = {
    "ja": "この内容には個人の予定や目標などの情報が含まれるため、"
    "ボットとの1対1のチャットでのみお答えしています。"
    "お手数ですが、ボットとの個人チャットでもう一度お試しください。",
    "en": "I answer that only in a one-to-one chat with me, because it can include personal "
    "information such as schedules and targets. Please open a chat with me and ask there.",
}
GROUPS = ["02_channel_message_bot_mention", "03_groupchat_message_user_mention"]
ROUTER = build_router()
PERSONAL_COMMANDS = [r for r in ROUTER.commands() if r.access.scopes == PERSONAL_ONLY]
PERSONAL_ACTIONS = sorted(
    r.id for r in ROUTER.routes.values() if r.words is None and r.access.scopes == PERSONAL_ONLY
)
# Card data shaped like the real buttons', so a handler that ran would act on it.
ACTION_DATA = {
    "entries": [{"date": "2026-11-27", "part": "full", "status": "telework"}],
    "replacing": [],
    "entry_id": 1,
    "entry_ids": [1],
    "days": 14,
    "weekdays": ["wed"],
    "part": "full",
    "status": "telework",
    "from": "2026-11-30",
    "until": "2027-01-29",
    "day": "2026-12-02",
    "date": "2026-11-27",
    "campaign_id": 1,
    "section": "大臣官房/総務課",
}
PERSONAL_TEXT = [
    "明日テレワーク",  # declare
    "午後から在宅に変更",  # change
    "明日のテレワークを取り消し",  # cancel
    "毎週水曜テレワーク",  # declare_recurring
    "毎週水曜のテレワークをやめます",  # cancel_recurring
    "業務開始",  # report_start
    "離席します",  # presence
    "明日誰がテレワーク？",  # query_who: the section's board
    "メーガンさんはどこ？",  # query_person
    "課の実施率",  # query_stats
    "進捗はどう？",  # the progress command, written as a question
    "私の予定は？",  # query_self
    "2週間止めて",  # a reminder phrase
]


def category_words() -> list[str]:
    policy = load_policy()
    words = [c.name(lang) for c in policy.categories.values() for lang in ("ja", "en")]
    return [*words, "育児", "介護", "care", "Manager"]


@pytest.fixture
async def office(bot_client: Any, connector: RecordingConnector, sqlite_url: str) -> Any:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        # Megan is a manager with a preschool child and an admin: every personal answer
        # would have something to show.
        staff(
            "S1",
            name="メーガン",
            aad_object_id=MEGAN_AAD,
            is_manager=True,
            care_preschool=True,
        ),
        staff("C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True),
    )
    await seed_telework(engine, "S1", date(2026, 11, 24))
    await engine.dispose()
    return await bot_client(clock=NOW, TELEWORK_ADMINS="s1@example.go.jp")


class Group:
    """Megan in the channel of the 02 payload or the group chat of the 03 payload (which
    carries no conversationType: its thread id says it is a group)."""

    def __init__(self, client: Any, connector: RecordingConnector, fixture: str) -> None:
        self.client, self.connector = client, connector
        self.template = teams_fixture(fixture)
        self.template["serviceUrl"] = connector.url
        self.template["from"]["aadObjectId"] = MEGAN_AAD
        self.template["locale"] = "ja-JP"
        self.template.pop("attachments", None)
        bot = self.template["recipient"]
        self.mention = f"<at>{bot['name']}</at>"
        self.template["entities"] = [{"type": "mention", "mentioned": bot, "text": self.mention}]
        self.counter = 0

    def activity(self, **fields: Any) -> dict[str, Any]:
        self.counter += 1
        data = copy.deepcopy(self.template)
        data["id"] = f"group-{self.counter}"
        data.update(fields)
        return data

    def _reply(self, activity: dict[str, Any]) -> dict[str, Any]:
        [reply] = [
            r["body"]
            for r in self.connector.requests
            if r["method"] == "POST" and r["path"].endswith(f"/activities/{activity['id']}")
        ]
        return reply  # type: ignore[no-any-return]

    async def say(self, text: str) -> dict[str, Any]:
        activity = self.activity(text=f"{self.mention} {text}")
        assert (await self.client.post("/api/messages", json=activity)).status == 201
        return self._reply(activity)

    async def submit(self, data: dict[str, Any]) -> dict[str, Any]:
        """Action.Submit: a message with the button's data as ``value`` and no text."""
        activity = self.activity(value=data)
        activity.pop("text", None)
        assert (await self.client.post("/api/messages", json=activity)).status == 201
        return self._reply(activity)

    async def execute(self, verb: str, data: dict[str, Any]) -> dict[str, Any]:
        """Action.Execute: an adaptiveCard/action invoke, answered in the HTTP response."""
        value = {"action": {"type": "Action.Execute", "verb": verb, "data": data}}
        activity = self.activity(type="invoke", name="adaptiveCard/action", value=value)
        activity.pop("text", None)
        response = await self.client.post("/api/messages", json=activity)
        assert response.status == 200
        body: dict[str, Any] = await response.json()
        return body


def assert_pointer(reply: dict[str, Any]) -> None:
    # Japanese for what was written in Japanese; "my schedule" may be answered in English.
    assert reply.get("text") in POINTER.values()
    assert not reply.get("attachments")


def assert_no_care_data(value: Any) -> None:
    shown = json.dumps(value, ensure_ascii=False)
    for word in category_words():
        assert word not in shown, f"{word!r} shown in a group: {shown}"


def test_the_router_names_a_scope_for_everything() -> None:
    commands = ROUTER.commands()
    assert {r.id for r in commands if r.access.scopes == EVERYWHERE} == {
        "help",
        "meeting",
        "language",
    }
    actions = [r for r in ROUTER.routes.values() if r.words is None]
    assert {r.id for r in actions if r.access.scopes != PERSONAL_ONLY} == {
        "welcome",
        "meeting_candidates",
        "meeting_poll",
        "meeting_vote",
        "meeting_tally",
        "meeting_finalise",
        "meeting_change",
        "meeting_cancel",
        "meeting_cancel_confirm",
        "meeting_rsvp",
    }
    everywhere = {
        i for i in Intent if (r := ROUTER.intent_route(i)) and r.access.scopes == EVERYWHERE
    }
    # Short replies (「はい」 with nothing waiting) get one sentence anywhere: no personal data.
    assert everywhere == {
        Intent.HELP,
        Intent.UNKNOWN,
        Intent.AFFIRM,
        Intent.NEGATE,
        Intent.ABORT,
    }
    declare = ROUTER.intent_route(Intent.DECLARE)
    assert declare is not None and declare.access.scopes == PERSONAL_ONLY


@pytest.mark.parametrize("fixture", GROUPS)
@pytest.mark.parametrize("command", PERSONAL_COMMANDS, ids=lambda r: r.id)
async def test_personal_commands_point_to_the_1to1_chat(
    office: Any, connector: RecordingConnector, fixture: str, command: Any
) -> None:
    group = Group(office, connector, fixture)
    assert_pointer(await group.say(command.words.words["ja"][0]))
    assert_pointer(await group.say(command.words.words["en"][0]))


@pytest.mark.parametrize("fixture", GROUPS)
@pytest.mark.parametrize("verb", PERSONAL_ACTIONS)
async def test_personal_card_actions_point_to_the_1to1_chat(
    office: Any, connector: RecordingConnector, fixture: str, verb: str
) -> None:
    group = Group(office, connector, fixture)
    executed = await group.execute(verb, dict(ACTION_DATA))
    assert executed == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": POINTER["ja"],
    }
    assert_pointer(await group.submit({"command": verb, **ACTION_DATA}))


@pytest.mark.parametrize("fixture", GROUPS)
@pytest.mark.parametrize("text", PERSONAL_TEXT)
async def test_personal_free_text_points_to_the_1to1_chat(
    office: Any, connector: RecordingConnector, fixture: str, text: str
) -> None:
    assert_pointer(await Group(office, connector, fixture).say(text))


@pytest.mark.parametrize("fixture", GROUPS)
async def test_help_language_and_meetings_work_in_groups_without_care_data(
    office: Any, connector: RecordingConnector, fixture: str
) -> None:
    group = Group(office, connector, fixture)
    shown = [
        await group.say("ヘルプ"),
        await group.say("こんにちは"),  # not understood: the help card
        await group.say("会議を設定"),
    ]
    assert "使い方" in json.dumps(shown[0], ensure_ascii=False)
    form = shown[2]["attachments"][0]["content"]
    assert "チーム会議を設定します" in json.dumps(form, ensure_ascii=False)
    candidates = await group.execute(
        "meeting_candidates",
        {
            "title": "定例",
            "duration": "60",
            "window_start": "2026-11-30",
            "window_end": "2026-12-04",
            "who": "section",
            "team_day": "true",
            "typed": "",
            "save_as": "",
        },
    )
    assert candidates["type"] == "application/vnd.microsoft.card.adaptive"
    assert "「定例」の候補日時" in json.dumps(candidates, ensure_ascii=False)
    poll = next(a for a in candidates["value"]["actions"] if a.get("verb") == "meeting_poll")
    tally = await group.execute("meeting_poll", {**poll["data"], "slots": "2026-12-01T13:00"})
    assert "日程調整をこのチャットに投稿しました" in json.dumps(tally, ensure_ascii=False)
    conversation = group.template["conversation"]["id"].split(";")[0]
    [posted] = await wait_for(connector, conversation, 1)  # the poll, sent by the dispatcher
    assert "日程調整：定例" in json.dumps(posted, ensure_ascii=False)
    language = await group.say("言語 日本語")
    assert language["text"] == "表示言語を日本語に設定しました。"
    for reply in [*shown, candidates, tally, posted, language]:
        assert_no_care_data(reply)


async def test_team_welcome_has_no_care_data(office: Any, connector: RecordingConnector) -> None:
    install = teams_fixture("04_conversationupdate_bot_added_to_team")
    install["serviceUrl"] = connector.url
    await office.post("/api/messages", json=install)
    [welcome] = connector.activities()
    assert_no_care_data(welcome)


async def test_the_same_requests_are_answered_in_the_1to1_chat(
    office: Any, connector: RecordingConnector
) -> None:
    personal = teams_fixture("01_personal_message")
    personal.update(serviceUrl=connector.url, text="目標", locale="ja-JP")
    await office.post("/api/messages", json=personal)
    [progress] = connector.activities()
    shown = json.dumps(progress, ensure_ascii=False)
    assert "テレワークの目標・目安の進捗" in shown and "育児・介護を行う職員" in shown
    button = dict(personal, id="2", type="invoke", name="adaptiveCard/action")
    button.pop("text")
    button["value"] = {"action": {"type": "Action.Execute", "verb": "cancel_keep", "data": {}}}
    response = await office.post("/api/messages", json=button)
    assert (await response.json())["type"] == "application/vnd.microsoft.card.adaptive"


async def test_a_group_chat_is_never_saved_as_someones_1to1_address(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """The 03 payload has no conversationType: it used to be recorded as the sender's
    personal conversation, where reminders and nudges (with their category) are sent."""
    client = await bot_client()
    data = teams_fixture("03_groupchat_message_user_mention")
    data["serviceUrl"] = connector.url
    await client.post("/api/messages", json=data)
    engine = create_engine(sqlite_url)
    async with session_factory(engine)() as session:
        [ref] = (await session.execute(select(ConversationRef))).scalars().all()
    await engine.dispose()
    assert (ref.conversation_type, ref.user_key) == ("groupChat", "")
