"""Presence reports with stated times (issue 13 §5), through HTTP with the real Teams payloads:
「9時に業務開始しました」 sent at 10:17 records 09:00, says it back, and can be corrected."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import Chat
from tests.bot.conftest import RecordingConnector
from tests.factories import MEGAN_AAD, TOKYO, seed_staff, staff


class Clock:
    """A clock the test moves (Asia/Tokyo wall time on 2026-11-26, a Thursday)."""

    def __init__(self, hour: int, minute: int) -> None:
        self.set(hour, minute)

    def set(self, hour: int, minute: int) -> None:
        self.instant = datetime(2026, 11, 26, hour, minute, tzinfo=TOKYO).astimezone(UTC)

    def __call__(self) -> datetime:
        return self.instant


async def _chat(bot_client: Any, connector: RecordingConnector, url: str, clock: Clock) -> Chat:
    engine = create_engine(url)
    await seed_staff(engine, staff("S1", name="メーガン", aad_object_id=MEGAN_AAD))
    await engine.dispose()
    client = await bot_client(clock=clock)
    return Chat(client, connector, MEGAN_AAD, "29:megan")


async def _recorded(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    reports = await SqlSchedule(session_factory(engine)).presence_reports(
        "S1", datetime.combine(date(2026, 11, 26), time(0), tzinfo=TOKYO)
    )
    await engine.dispose()
    return [(r.kind, f"{r.at.astimezone(TOKYO):%H:%M}") for r in reports]


async def test_stated_start_is_recorded_and_corrected(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    clock = Clock(10, 17)
    megan = await _chat(bot_client, connector, sqlite_url, clock)
    said = (await megan.say("9時に業務開始しました"))["text"]
    assert said == "業務開始を09:00として記録しました（受付 10:17）。"
    assert await _recorded(sqlite_url) == [("start", "09:00")]

    fixed = (await megan.say("開始時刻を8:45に修正"))["text"]
    assert fixed == "本日の業務開始の時刻を09:00から08:45に修正しました。"
    assert await _recorded(sqlite_url) == [("start", "08:45")]

    # Not in the future, and not before an earlier report of the day.
    assert (await megan.say("11時に離席"))["text"].startswith(
        "11:00はまだ来ていない時刻です（現在 10:17）。記録していません。"
    )
    assert (await megan.say("8時に離席"))["text"].startswith(
        "08:00は、本日すでに記録した「業務開始（08:45）」より前のため記録していません。"
    )
    assert await _recorded(sqlite_url) == [("start", "08:45")]
    # Without a time: now.
    assert (await megan.say("離席します"))["text"] == "離席を記録しました（10:17）。"


async def test_end_minutes_after_start_is_warned(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    clock = Clock(10, 17)
    megan = await _chat(bot_client, connector, sqlite_url, clock)
    assert (await megan.say("業務開始"))["text"] == "業務開始を記録しました（10:17）。"
    clock.set(10, 29)
    ended = (await megan.say("業務終了"))["text"]
    assert ended.startswith("業務終了を記録しました（10:29）。お疲れさまでした。")
    assert "ご注意：業務開始（10:17）から12分後の終了です。" in ended
    # Correcting the start to the real one: the warning goes away.
    fixed = (await megan.say("開始時刻を9:00に修正"))["text"]
    assert fixed == "本日の業務開始の時刻を10:17から09:00に修正しました。"
    # A correction out of order with the reports around it is refused.
    refused = (await megan.say("開始時刻を10:30に修正"))["text"]
    assert refused.startswith("10:30にすると、本日の「業務終了（10:29）」と順序が合わないため")
    assert await _recorded(sqlite_url) == [("start", "09:00"), ("end", "10:29")]


async def test_in_english(bot_client: Any, connector: RecordingConnector, sqlite_url: str) -> None:
    clock = Clock(10, 17)
    megan = await _chat(bot_client, connector, sqlite_url, clock)
    megan.template["locale"] = "en-US"
    said = (await megan.say("Started work at 9"))["text"]
    assert said == "Start of work recorded at 09:00 (sent at 10:17)."
    fixed = (await megan.say("Correct my start time to 8:30"))["text"]
    assert fixed == "Today's start of work time was corrected from 09:00 to 08:30."
    nothing = (await megan.say("correct my end time to 18:00"))["text"]
    assert nothing.startswith("There is no end of work recorded today to correct.")
    assert (await megan.say("started work at 11:30"))["text"].startswith(
        "11:30 has not come yet (it is 10:17). Nothing was recorded."
    )
    clock.set(10, 40)
    ended = (await megan.say("signing off"))["text"]
    assert ended.startswith("End of work recorded (10:40). Thank you for today.")
    assert "Note:" not in ended
    assert (await megan.say("correct my end time to 8:00"))["text"].startswith(
        "08:00 would put it out of order with today's start of work at 08:30"
    )
