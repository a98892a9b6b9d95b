"""勤務間インターバル in chat: the person is told politely at 業務開始; the chief sees only
the section's count; other staff see nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from storage.engine import create_engine
from tests.bot.chat import Chat, card, shown
from tests.bot.conftest import CHIEF_AAD, RecordingConnector
from tests.factories import MEGAN_AAD, TOKYO, seed_staff, staff


class Clock:
    """A clock the test moves (Asia/Tokyo wall time)."""

    def __init__(self, local: datetime) -> None:
        self.set(local)

    def set(self, local: datetime) -> None:
        self.instant = local.replace(tzinfo=TOKYO).astimezone(UTC)

    def __call__(self) -> datetime:
        return self.instant


async def chats(bot_client: Any, connector: RecordingConnector, url: str, clock: Clock) -> Any:
    engine = create_engine(url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("S3", name="田中", aad_object_id="3a3a3a3a-0000-4000-8000-0000000000a3"),
        staff(
            "C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True, is_manager=True
        ),
    )
    await engine.dispose()
    client = await bot_client(clock=clock)
    return (
        Chat(client, connector, MEGAN_AAD, "29:megan"),
        Chat(client, connector, CHIEF_AAD, "29:chief"),
        Chat(client, connector, "3a3a3a3a-0000-4000-8000-0000000000a3", "29:tanaka"),
    )


async def test_short_rest_is_said_to_the_person_and_counted_for_the_chief(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    clock = Clock(datetime(2026, 12, 1, 9, 0))
    megan, chief, tanaka = await chats(bot_client, connector, sqlite_url, clock)
    await megan.say("業務開始")
    clock.set(datetime(2026, 12, 1, 23, 30))
    await megan.say("業務終了")
    clock.set(datetime(2026, 12, 2, 8, 0))
    started = (await megan.say("業務開始"))["text"]
    assert started.startswith("業務開始を記録しました（08:00）。")
    assert "前回の業務終了（12/1(火) 23:30）から8時間30分での業務開始です。" in started
    assert "勤務間インターバルは11時間以上が目安とされています。" in started
    # Enough rest: nothing said.
    clock.set(datetime(2026, 12, 2, 18, 0))
    await megan.say("業務終了")
    clock.set(datetime(2026, 12, 3, 5, 0))
    assert (await megan.say("業務開始"))["text"] == "業務開始を記録しました（05:00）。"
    # The chief sees the count, not who.
    counts = shown(card(await chief.say("インターバル")))
    assert "勤務間インターバルの確保状況（総務課）" in counts
    assert "2026年12月：1件" in counts
    assert "2026年11月：0件" in counts
    assert "メーガン" not in counts and "S1" not in counts
    # A colleague may not.
    refused = (await tanaka.say("インターバル"))["text"]
    assert refused == "勤務間インターバルの件数は課室長と管理者のみ確認できます。"


async def test_the_word_is_said_in_english(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    clock = Clock(datetime(2026, 12, 1, 9, 0))
    megan, _chief, _tanaka = await chats(bot_client, connector, sqlite_url, clock)
    await megan.say("language English")
    await megan.say("start work")
    clock.set(datetime(2026, 12, 1, 22, 0))
    await megan.say("signing off")
    clock.set(datetime(2026, 12, 2, 7, 15))
    started = (await megan.say("start work"))["text"]
    assert "You are starting 9 h 15 min after you ended work (Tue 12/1 22:00)." in started
    assert "at least 11 hours" in started
