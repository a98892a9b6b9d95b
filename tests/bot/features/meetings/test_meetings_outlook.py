"""Team meetings with Microsoft 365 (the fake Graph): a finalised meeting becomes one Outlook
event with the attendees and a Teams link, a change moves it, a cancellation cancels it; busy
Outlook slots are not proposed; a failure falls back to the .ics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from storage.engine import create_engine
from tests.bot.chat import Chat, button, card, shown, wait_for
from tests.bot.conftest import RecordingConnector
from tests.bot.features.meetings.test_meetings_flow import FORM, attachments, wired
from tests.factories import MEGAN_AAD, TOKYO, seed_staff, seed_telework, staff
from tests.fakes.clock import FrozenClock
from tests.fakes.fake_graph import Failure, FakeGraph

__all__ = ["wired"]  # the fixture, shared with the flow without Graph

CHIEF_AAD = "0c1a2b3c-0000-4000-8000-00000000c41e"
SATO_AAD = "0c1a2b3c-0000-4000-8000-0000000005a7"
START = datetime(2026, 11, 26, 10, 0, tzinfo=TOKYO).astimezone(UTC)


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    fake = FakeGraph()
    await fake.start()
    fake.add_user("c1@example.go.jp", CHIEF_AAD)
    fake.add_user("s1@example.go.jp", MEGAN_AAD)
    fake.add_user("s2@example.go.jp", SATO_AAD)
    yield fake
    await fake.close()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


@pytest.fixture
async def team(
    bot_client: Any,
    connector: RecordingConnector,
    sqlite_url: str,
    wired: list[Any],
    graph: FakeGraph,
    clock: FrozenClock,
) -> Any:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True),
        staff("S2", name="佐藤 次郎", aad_object_id=SATO_AAD),
    )
    for who in ("S1", "S2", "C1"):
        await seed_telework(engine, who, date(2026, 12, 2))
    await engine.dispose()
    client = await bot_client(clock=clock.now, **graph.settings("meetings,freebusy"))
    chats = [
        Chat(client, connector, a, u)
        for a, u in [(CHIEF_AAD, "29:chief"), (MEGAN_AAD, "29:megan"), (SATO_AAD, "29:sato")]
    ]
    for chat in chats:
        await chat.say("ヘルプ")
    return chats


async def start_poll(chief: Chat) -> dict[str, Any]:
    form = card(await chief.say("会議を設定"))
    found = await chief.press(button(form, "meeting_candidates"), **FORM)
    return await chief.press(
        button(found["value"], "meeting_poll"), slots="2026-12-02T13:00,2026-12-03T15:00"
    )


async def test_outlook_event_follows_the_meeting(team: Any, graph: FakeGraph) -> None:
    chief, megan, _sato = team
    tally = await start_poll(chief)
    fixed = await chief.press(button(tally["value"], "meeting_finalise"), join_url="")
    assert "に確定し" in shown(fixed)
    [event] = graph.events()
    assert event["subject"] == "課内打合せ"
    assert sorted(a["emailAddress"]["address"] for a in event["attendees"]) == [
        "s1@example.go.jp",
        "s2@example.go.jp",
    ]
    assert event["startUtc"] == datetime(2026, 12, 2, 13, 0, tzinfo=TOKYO).astimezone(UTC)
    assert graph.graph_calls(f"POST /users/{CHIEF_AAD}/events$")  # the organiser's mailbox

    invitation = (await wait_for(megan.connector, megan.template["conversation"]["id"], 2))[1]
    content, ics = attachments(invitation)
    assert ics is None  # Outlook invites; the .ics is only the fallback
    join = {"type": "Action.OpenUrl", "title": "会議に参加", "url": event["joinUrl"]}
    assert join in content["actions"]
    assert "Outlook の予定表にも登録しました" in shown(content)
    assert not any("deeplink/compose" in str(a.get("url")) for a in content["actions"])

    status = await chief.press(button(fixed["value"], "meeting_tally"))
    changed = await chief.press(
        button(status["value"], "meeting_change"), day="2026-12-03", time="10:00", join_url=""
    )
    assert "の変更（12/3(木) 10:00–11:00）" in shown(changed)
    assert len(graph.events()) == 1 and event["changes"] == 1
    assert event["startUtc"] == datetime(2026, 12, 3, 10, 0, tzinfo=TOKYO).astimezone(UTC)
    update = (await wait_for(megan.connector, megan.template["conversation"]["id"], 3))[2]
    assert event["joinUrl"] in str(update) and attachments(update)[1] is None

    ask = await chief.press(button(changed["value"], "meeting_cancel"))
    graph.fail_next("cancel", Failure(400, code="ErrorInvalidRequest"))  # Outlook said no
    refused = await chief.press(button(ask["value"], "meeting_cancel_confirm"))
    assert "Outlook の予定を更新できませんでした" in refused["value"]
    assert event["isCancelled"] is False
    done = await chief.press(button(ask["value"], "meeting_cancel_confirm"))
    assert done["value"] == "「課内打合せ」を中止し、参加者にお知らせしました。"
    assert event["isCancelled"] is True and len(graph.events()) == 1


async def test_no_outlook_means_the_ics_fallback(team: Any, graph: FakeGraph) -> None:
    chief, megan, _sato = team
    graph.permissions.discard("Calendars.ReadWrite")  # the admin refused the permission
    tally = await start_poll(chief)
    await chief.press(button(tally["value"], "meeting_finalise"), join_url="")
    assert graph.events() == []
    invitation = (await wait_for(megan.connector, megan.template["conversation"]["id"], 2))[1]
    content, ics = attachments(invitation)
    assert ics is not None and "参加リンクはまだありません" in shown(content)


async def test_busy_outlook_slots_are_not_proposed(team: Any, graph: FakeGraph) -> None:
    chief, _megan, _sato = team
    first = datetime(2026, 12, 2, 13, 0, tzinfo=TOKYO).astimezone(UTC)
    typed = datetime(2026, 12, 3, 15, 0, tzinfo=TOKYO).astimezone(UTC)
    sato = graph.user("s2@example.go.jp")
    sato.busy.append((first, first + timedelta(hours=1), "busy"))
    sato.busy.append((typed, typed + timedelta(minutes=30), "oof"))
    found = await chief.press(
        button(card(await chief.say("会議を設定")), "meeting_candidates"), **FORM
    )
    text = shown(found["value"])
    assert "12/2(水) 13:00–14:00：3/3名" not in text
    assert "12/3(木) 15:00–16:00（入力した日時）：2/3名" in text
    assert "参加できない人：佐藤 次郎（Outlook の予定）" in text  # where the mark came from
    assert "Outlook の予定表（空き時間）も確認しました" in text
    [asked] = graph.graph_calls("getSchedule")
    assert sorted(asked.body["schedules"]) == [
        "c1@example.go.jp",
        "s1@example.go.jp",
        "s2@example.go.jp",
    ]


async def test_the_deadline_job_books_the_event_too(
    team: Any, graph: FakeGraph, clock: FrozenClock, wired: list[Any]
) -> None:
    chief, megan, sato = team
    await start_poll(chief)
    [poll] = await wait_for(megan.connector, megan.template["conversation"]["id"], 1)
    poll_card = poll["attachments"][0]["content"]
    await megan.press(button(poll_card, "meeting_vote"), choices="1")
    await sato.press(button(poll_card, "meeting_vote"), choices="1")
    clock.set(datetime(2026, 12, 1, 17, 5, tzinfo=TOKYO))  # past the poll's deadline
    [(_application, jobs)] = wired
    assert await jobs.finalise_due_polls(clock.now()) == 1
    [event] = graph.events()
    assert event["startUtc"] == datetime(2026, 12, 3, 15, 0, tzinfo=TOKYO).astimezone(UTC)
    assert await jobs.finalise_due_polls(clock.now()) == 0 and len(graph.events()) == 1


async def test_a_lost_race_keeps_the_winners_event(
    team: Any, graph: FakeGraph, wired: list[Any]
) -> None:
    from bot.features.meetings.lead import finalise_meeting

    chief, _megan, _sato = team
    await start_poll(chief)
    [(application, _jobs)] = wired
    desk, services = application.meetings, application.services
    [polling] = await desk.meetings.open_polls()
    slot = polling.candidates[0]
    first = await finalise_meeting(desk, services, polling, slot, None, actor="C1", lang="ja")
    # A second press with the same (now stale) poll: Graph answers the same event
    # (transactionId = the meeting's UID), the database refuses, and the event stays.
    second = await finalise_meeting(desk, services, polling, slot, None, actor="C1", lang="ja")
    assert first is not None and second is None
    [event] = graph.events()
    assert first.calendar_event_id == event["id"] and event["isCancelled"] is False
