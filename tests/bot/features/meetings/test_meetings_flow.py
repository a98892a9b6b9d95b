"""Team meetings over HTTP with several users: form → candidates → poll → votes → finalise →
RSVP → change → reminder → cancel; a group chat with @mentions (the 03 fixture's shape);
the capacity refusal."""

from __future__ import annotations

import base64
import copy
from datetime import UTC, date, datetime
from typing import Any

import pytest
from icalendar import Calendar

import bot.teams.server as app_module
from bot.features.meetings.jobs import MeetingJobs
from bot.ui.cards import card_actions
from bot.ui.formatting import plain
from storage.engine import create_engine, session_factory
from tests.bot.chat import Chat, button, card, shown, wait_for
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.factories import MEGAN_AAD, TOKYO, seed_staff, seed_telework, staff
from tests.fakes.clock import FrozenClock

CHIEF_AAD = "0c1a2b3c-0000-4000-8000-00000000c41e"
SATO_AAD = "0c1a2b3c-0000-4000-8000-0000000005a7"
START = datetime(2026, 11, 26, 10, 0, tzinfo=TOKYO).astimezone(UTC)  # Thursday 10:00


@pytest.fixture
def wired(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The application each test's server builds, with the meetings' scheduled jobs."""
    original = app_module.build_edge
    built: list[Any] = []

    def build(settings: Any, metrics: Any, *, clock: Any = app_module.system_clock) -> Any:
        edge = original(settings, metrics, clock=clock)
        application = edge.application
        sessions = session_factory(application.engine)
        jobs = MeetingJobs(application.services, application.meetings, sessions)
        built.append((application, jobs))
        return edge

    monkeypatch.setattr(app_module, "build_edge", build)
    return built


def user(client: Any, connector: RecordingConnector, aad: str, uid: str) -> Chat:
    return Chat(client, connector, aad, uid)


def attachments(message: dict[str, Any]) -> tuple[dict[str, Any], Calendar | None]:
    content = message["attachments"][0]["content"]
    ics = [a for a in message["attachments"] if a["contentType"] == "text/calendar"]
    if not ics:
        return content, None
    raw = base64.b64decode(ics[0]["contentUrl"].split(",", 1)[1])
    return content, Calendar.from_ical(raw)


def vevent(ics: Calendar | None) -> Any:
    assert ics is not None
    [event] = ics.walk("VEVENT")
    return event


@pytest.fixture
async def team(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str, wired: list[Any]
) -> Any:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True),
        staff("S2", name="佐藤 次郎", aad_object_id=SATO_AAD),
    )
    for who in ("S1", "S2"):
        await seed_telework(engine, who, date(2026, 12, 2))
    await seed_telework(engine, "C1", date(2026, 12, 2), part="pm")
    await engine.dispose()
    clock = FrozenClock(START)
    client = await bot_client(clock=clock.now)
    chats = [
        user(client, connector, a, u)
        for a, u in [(CHIEF_AAD, "29:chief"), (MEGAN_AAD, "29:megan"), (SATO_AAD, "29:sato")]
    ]
    for chat in chats:
        await chat.say("ヘルプ")  # everyone has a 1:1 conversation with the bot
    return (*chats, clock, wired)


def messages_to(chat: Chat) -> list[dict[str, Any]]:
    conversation = chat.template["conversation"]["id"]
    return [
        r["body"]
        for r in chat.connector.requests
        if r["method"] == "POST" and conversation in r["path"] and r["path"].endswith("/activities")
    ]


async def next_message(chat: Chat, before: int) -> dict[str, Any]:
    sent = await wait_for(chat.connector, chat.template["conversation"]["id"], before + 1)
    return sent[before]


FORM = {
    "title": "課内打合せ",
    "duration": "60",
    "window_start": "2026-11-30",
    "window_end": "2026-12-04",
    "who": "section",
    "team_day": "false",
    "typed": "12/3 15:00",
    "save_as": "",
}


async def test_whole_meeting_flow(team: Any) -> None:
    chief, megan, sato, clock, wired = team
    form = card(await chief.say("会議を設定"))
    assert "チーム会議を設定します" in shown(form) and "課室全員（総務課）" in shown(form)
    found = await chief.press(button(form, "meeting_candidates"), **FORM)
    text = shown(found["value"])
    assert "「課内打合せ」の候補日時（3名・60分）" in text
    assert "12/2(水) 13:00–14:00：3/3名参加可（うちテレワーク3名）" in text  # ranked first
    assert "12/3(木) 15:00–16:00（入力した日時）" in text
    poll_button = button(found["value"], "meeting_poll")
    tally = await chief.press(poll_button, slots="2026-12-02T13:00,2026-12-03T15:00")
    assert "「課内打合せ」の日程調整を3名に送りました。締切：12/1(火) 17:00" in shown(tally)

    [poll] = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    poll_card = poll["attachments"][0]["content"]
    assert "日程調整：課内打合せ" in shown(poll_card) and "課長 一郎さんから" in shown(poll_card)
    voted = await megan.press(button(poll_card, "meeting_vote"), choices="0,1")
    assert "投票しました：12/2(水) 13:00–14:00, 12/3(木) 15:00–16:00" in shown(voted)
    await sato.press(button(poll_card, "meeting_vote"), choices="1")
    stranger = await chief.press(
        {
            "verb": "meeting_finalise",
            "data": {"command": "meeting_finalise", "meeting_id": 99, "index": 0},
        }
    )
    assert stranger["value"] == "この会議は見つかりませんでした。"
    denied = await megan.press(button(tally["value"], "meeting_finalise"))
    assert denied["value"] == "この操作は会議の主催者のみ行えます。"

    live = await chief.press(button(tally["value"], "meeting_tally"))
    assert "12/2(水) 13:00–14:00：1票" in shown(live) and "12/3(木) 15:00–16:00：2票" in shown(live)
    assert "未回答：課長 一郎" in shown(live)
    fixed = await chief.press(
        button(live["value"], "meeting_finalise"),
        join_url="https://teams.microsoft.com/l/meetup-join/abc",
    )
    assert "「課内打合せ」を12/2(水) 13:00–14:00に確定し" in shown(fixed)
    late = await sato.press(button(poll_card, "meeting_vote"), choices="0")
    assert late["value"] == "この日程調整はすでに締め切られています。"

    # 「会議一覧」 shows the meeting to those invited too, with their own answer (issue 13 §7).
    listed = shown(card(await megan.say("会議一覧")))
    assert "招待された会議" in listed
    assert "課内打合せ（主催：課長 一郎）：12/2(水) 13:00–14:00・出欠：未回答" in listed
    invitation = (await wait_for(megan.connector, megan.template["conversation"]["id"], 2))[1]
    content, ics = attachments(invitation)
    assert "会議のご案内：課内打合せ" in shown(content) and "日時：12/2(水) 13:00–14:00" in shown(
        content
    )
    # The pasted link is shown as inert text (it is the lead's input); the Join button opens it.
    link = "https://teams.microsoft.com/l/meetup-join/abc"
    assert f"参加リンク：{plain(link)}" in shown(content)
    assert {"type": "Action.OpenUrl", "title": "会議に参加", "url": link} in content["actions"]
    event = vevent(ics)
    assert ics is not None and ics["METHOD"] == "REQUEST" and event["SEQUENCE"] == 0
    assert event["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert (
        event.decoded("DTSTART").hour == 13 and str(event["ATTENDEE"]) == "mailto:s1@example.go.jp"
    )
    accepted = await megan.press(button(content, "meeting_rsvp"))  # the first button: accept
    assert "「課内打合せ」に「出席」と回答しました。" in shown(accepted)
    sato_invite = (await wait_for(sato.connector, sato.template["conversation"]["id"], 2))[1]
    decline = next(
        a
        for a in card_actions(sato_invite["attachments"][0]["content"])
        if a.get("data", {}).get("response") == "declined"
    )
    await sato.press(decline)
    megan.template["locale"] = "en-US"
    await megan.say("language English")
    listed = shown(card(await megan.say("my meetings")))
    assert "Meetings you are invited to" in listed
    assert "課内打合せ (by 課長 一郎): Wed 12/2 13:00–14:00 · your answer: attending" in listed
    await megan.say("言語 日本語")
    megan.template["locale"] = "ja-JP"
    status = await chief.press(button(fixed["value"], "meeting_tally"))
    assert "出席 1名・仮承諾 0名・欠席 1名・未回答 1名" in shown(status)

    changed = await chief.press(
        button(status["value"], "meeting_change"), day="2026-12-03", time="10:00", join_url=""
    )
    assert "「課内打合せ」の変更（12/3(木) 10:00–11:00）を参加者に送りました。" in shown(changed)
    update = (await wait_for(megan.connector, megan.template["conversation"]["id"], 3))[2]
    content, ics = attachments(update)
    assert "会議の変更：課内打合せ" in shown(content)
    event = vevent(ics)
    assert event["SEQUENCE"] == 1 and event.decoded("DTSTART").hour == 10
    assert event["UID"] == vevent(attachments(invitation)[1])["UID"]
    old = await megan.press(button(invitation["attachments"][0]["content"], "meeting_rsvp"))
    assert "会議の内容がほかの操作で変わっています" in shown(old)
    await megan.press(
        next(a for a in card_actions(content) if a.get("data", {}).get("response") == "tentative")
    )

    [(_services, jobs)] = wired
    before = len(messages_to(megan)), len(messages_to(sato))
    clock.set(datetime(2026, 12, 3, 9, 50, tzinfo=TOKYO))
    await jobs.run(clock.now())
    reminder = await next_message(megan, before[0])
    assert "まもなく会議です：課内打合せ（12/3(木) 10:00–11:00）" in shown(reminder)
    await jobs.run(clock.now())  # idempotent: nothing new
    assert len(messages_to(megan)) == before[0] + 1 and len(messages_to(sato)) == before[1]

    ask = await chief.press(button(changed["value"], "meeting_cancel"))
    done = await chief.press(button(ask["value"], "meeting_cancel_confirm"))
    assert done["value"] == "「課内打合せ」を中止し、参加者にお知らせしました。"
    notice = await next_message(sato, before[1])
    content, ics = attachments(notice)
    assert "会議の中止：課内打合せ" in shown(content)
    assert ics is not None and ics["METHOD"] == "CANCEL" and vevent(ics)["SEQUENCE"] == 2
    again = await chief.press(button(ask["value"], "meeting_cancel_confirm"))
    assert again["value"] == "この会議はすでに中止されています。"
    clock.set(datetime(2026, 12, 3, 12, 0, tzinfo=TOKYO))
    assert await jobs.record_held_meetings(clock.now()) == []  # cancelled: never held


async def test_capacity_is_refused(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str, wired: list[Any]
) -> None:
    engine = create_engine(sqlite_url)
    crowd = [staff(f"X{i:03d}") for i in range(100)]
    await seed_staff(engine, staff("C1", name="課長", aad_object_id=CHIEF_AAD), *crowd)
    await engine.dispose()
    chief = user(await bot_client(clock=lambda: START), connector, CHIEF_AAD, "29:chief")
    form = card(await chief.say("会議を設定"))
    refused = await chief.press(button(form, "meeting_candidates"), **{**FORM, "typed": ""})
    assert refused["value"] == (
        "参加者が101名で、Web会議の上限（100名）を超えるため設定できません。"
        "会議を分けるか、参加者を絞ってください。"
    )


def group_chat(client: Any, connector: RecordingConnector, sender: dict[str, Any]) -> Chat:
    """A participant of the group chat of the 03 fixture (mentions carry 29: ids and names)."""
    chat = Chat(client, connector, sender.get("aadObjectId", ""), sender["id"])
    template = teams_fixture("03_groupchat_message_user_mention")
    template["serviceUrl"] = connector.url
    template["from"] = sender
    template["conversation"] = {
        **template["conversation"],
        "conversationType": "groupChat",
        "isGroup": True,
    }
    template["channelData"] = teams_fixture("01_personal_message").get("channelData", {})
    template["locale"] = "ja-JP"
    template.pop("attachments", None)
    chat.template = template
    chat.counter = 1000  # activity ids distinct from the same person's 1:1 chat
    return chat


async def test_group_chat_with_mentions(team: Any) -> None:
    chief1, megan1, _sato, _clock, _wired = team
    client, connector = chief1.client, chief1.connector
    guest = {"id": "29:08q2j2o3jc09au90eucae", "name": "Pranav Smith"}
    chief = group_chat(
        client, connector, {"id": "29:chief", "name": "課長 一郎", "aadObjectId": CHIEF_AAD}
    )
    megan = group_chat(
        client, connector, {"id": "29:megan", "name": "Megan", "aadObjectId": MEGAN_AAD}
    )
    pranav = group_chat(client, connector, guest)
    bot = chief.template["recipient"]
    message = copy.deepcopy(chief.template)
    mentions = [
        {"type": "mention", "mentioned": bot, "text": f"<at>{bot['name']}</at>"},
        {
            "type": "mention",
            "mentioned": {"id": "29:megan", "name": "Megan"},
            "text": "<at>Megan</at>",
        },
        {"type": "mention", "mentioned": guest, "text": "<at>Pranav Smith</at>"},
    ]
    chief.template = {**message, "entities": mentions}
    form = card(
        await chief.say(f"<at>{bot['name']}</at> 会議を設定 <at>Megan</at> <at>Pranav Smith</at>")
    )
    assert "このチャットでメンションした人（2名）" in shown(form)
    found = await chief.press(
        button(form, "meeting_candidates"), **{**FORM, "who": "mentioned", "typed": ""}
    )
    assert "（3名・60分）" in shown(found)
    tally = await chief.press(button(found["value"], "meeting_poll"), slots="2026-12-02T13:00")
    assert "日程調整をこのチャットに投稿しました" in shown(tally)
    group_id = chief.template["conversation"]["id"]
    [poll] = await wait_for(connector, group_id.split(";")[0], 1)
    poll_card = poll["attachments"][0]["content"]
    await megan.press(button(poll_card, "meeting_vote"), choices="0")
    guest_vote = await pranav.press(button(poll_card, "meeting_vote"), choices="0")
    assert "投票しました" in shown(guest_vote)
    outsider = group_chat(client, connector, {"id": "29:someone-else", "name": "X"})
    assert (await outsider.press(button(poll_card, "meeting_vote")))["value"].startswith(
        "この会議の参加者ではない"
    )
    live = await chief.press(button(tally["value"], "meeting_tally"))
    assert "12/2(水) 13:00–14:00：2票" in shown(live)
    await chief.press(button(live["value"], "meeting_finalise"))
    sent = await wait_for(connector, group_id.split(";")[0], 2)
    content, ics = attachments(sent[1])
    assert "参加リンクはまだありません" in shown(content)  # no provider, no pasted link: no link
    assert "ATTENDEE" not in vevent(ics).to_ical().decode()
    await pranav.press(button(content, "meeting_rsvp"))
    status = await chief.press(button(live["value"], "meeting_tally"))
    assert "出席 1名" in shown(status) and "Pranav Smith" in shown(status)
    assert not [m for m in messages_to(megan1) if "日程調整：" in shown(m)]  # not 1:1 too


async def test_poll_and_invitation_use_each_persons_language(team: Any) -> None:
    """Issue 13 §3: 佐藤 chose English in chat; the poll and the invitation sent to him are
    English, while Megan's stay Japanese."""
    chief, megan, sato, _clock, _wired = team
    assert (await sato.say("言語 English"))["text"] == "I will answer in English from now on."
    found = await chief.press(
        button(card(await chief.say("会議を設定")), "meeting_candidates"), **FORM
    )
    tally = await chief.press(
        button(found["value"], "meeting_poll"), slots="2026-12-02T13:00,2026-12-03T15:00"
    )
    [english_poll] = await wait_for(sato.connector, sato.template["conversation"]["id"], 1)
    [japanese_poll] = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    assert "Poll: 課内打合せ" in shown(english_poll) and "日程調整" not in shown(english_poll)
    assert "日程調整：課内打合せ" in shown(japanese_poll)
    await chief.press(button(tally["value"], "meeting_finalise"))
    invitation = (await wait_for(sato.connector, sato.template["conversation"]["id"], 2))[1]
    content, _ics = attachments(invitation)
    assert "Invitation: 課内打合せ" in shown(content) and "会議のご案内" not in shown(content)
    assert "12/2" in shown(content)
