"""Issue 18 §3: the person's own 在宅勤務等手当 and 勤務間インターバル figures on their
progress card — in the 1:1 chat only; in a channel or group chat nothing of them shows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from domain.allowance import PlaceCategory, TeleworkOrder
from storage.allowance import SqlAllowance
from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.conftest import RecordingConnector
from tests.bot.features.progress.test_progress import ask, card_json
from tests.bot.teams.test_chat_scopes import GROUPS, POINTER, Group
from tests.domain.test_allowance import weekdays_in
from tests.factories import MEGAN_AAD, TOKYO, frozen_clock, seed_staff, staff

NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))  # Thursday


async def seed(sqlite_url: str, *, late_night: bool) -> None:
    """S1 ordered to work from home Monday to Thursday from 9/16; on 11/24 they stopped at
    23:00 and started again at 08:30 on 11/25 (9 h 30 min) when ``late_night``."""
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長", is_section_chief=True),
    )
    sessions = session_factory(engine)
    made = datetime(2026, 9, 15, 10, tzinfo=TOKYO).astimezone(UTC)
    store = SqlAllowance(sessions, clock=lambda: made)
    await store.set_place("S1", PlaceCategory.HOME, since=date(2026, 9, 1), actor="S1")
    start, until = date(2026, 9, 16), date(2027, 3, 31)
    order = TeleworkOrder("S1", "C1", start, until, made, ("mon", "tue", "wed", "thu"))
    await store.make_order(order, weekdays_in(start, until, {0, 1, 2, 3}))
    schedule = SqlSchedule(sessions)
    reports = [("start", (24, 9, 0)), ("end", (24, 18 if not late_night else 23, 0))]
    reports += [("start", (25, 8, 30)), ("end", (25, 17, 0)), ("start", (26, 9, 0))]
    for kind, (day, hour, minute) in reports:
        at = datetime(2026, 11, day, hour, minute, tzinfo=TOKYO).astimezone(UTC)
        await schedule.record_presence("S1", kind, at=at)
    await engine.dispose()


async def test_the_person_sees_their_own_rest_and_allowance(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    await seed(sqlite_url, late_night=True)
    client = await bot_client(clock=NOW)
    shown = card_json(await ask(client, connector, "進捗"))
    assert "在宅勤務等手当：支給対象です" in shown
    assert "11時間未満の業務開始が1回ありました（最短9時間30分）" in shown


async def test_a_month_with_enough_rest_says_so(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    await seed(sqlite_url, late_night=False)
    client = await bot_client(clock=NOW)
    shown = card_json(await ask(client, connector, "進捗"))
    assert "今月は、前日の業務終了から11時間未満の業務開始はありません" in shown


@pytest.mark.parametrize("fixture", GROUPS)
async def test_a_group_never_sees_them(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str, fixture: str
) -> None:
    await seed(sqlite_url, late_night=True)
    client = await bot_client(clock=NOW)
    reply = await Group(client, connector, fixture).say("進捗")
    assert reply.get("text") == POINTER["ja"]
    assert "attachments" not in reply


async def _with_days_off(sqlite_url: str, *days: date) -> None:
    from domain.schedule import EntryState, EntryStatus, ScheduleEntry

    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("G1", aad_object_id=MEGAN_AAD))
    await SqlSchedule(session_factory(engine)).save(
        [ScheduleEntry("G1", d, "full", EntryStatus.NO_HOURS, EntryState.CONFIRMED) for d in days],
        actor="G1",
    )
    await engine.dispose()


async def test_a_week_of_too_few_own_working_days_is_not_a_week_of_the_aim(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """Issue 18 §2: the week of 11/23 has four working days (11/23 is a holiday); 週休日 on
    11/26 and 11/27 leave the person two, fewer than [aims] min_working_days: the card says
    the week does not count, as the report judges it."""
    await _with_days_off(sqlite_url, date(2026, 11, 26), date(2026, 11, 27))
    client = await bot_client(clock=NOW)
    shown = card_json(await ask(client, connector, "進捗"))
    assert "この期間のあなたの勤務日は2日（週休日を除く）のため、目安の対象になりません。" in shown


async def test_one_day_off_leaves_the_week_a_week_of_the_aim(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    await _with_days_off(sqlite_url, date(2026, 11, 27))
    client = await bot_client(clock=NOW)
    shown = card_json(await ask(client, connector, "進捗"))
    assert "目安の対象になりません" not in shown
    assert "目安は年間を通じた平均で" in shown
