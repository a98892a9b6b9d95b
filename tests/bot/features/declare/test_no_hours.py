"""週休日（割振り0）as its own status (issue 18 §2): declared and changed like any other,
no approval, shown on the board under its own heading, never counted as telework, and not a
closed day (telework on another day of that week is unaffected; the calendar is unchanged)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from domain.policy import default_policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import button, card, shown


async def test_declare_a_weekly_day_without_hours_and_change_it(office: Any) -> None:
    megan, chief, url = office
    proposal = card(await megan.say("12/4は週休3日です"))
    assert "12/4(金) 終日 週休日（割振り0）" in shown(proposal)
    assert "承認が必要" not in shown(proposal)  # only telework needs the chief's approval
    saved = await megan.press(button(proposal, "declare_confirm"))
    assert "登録しました" in shown(saved["value"])

    board = shown(card(await chief.say("12/4は誰がテレワーク？")))
    assert "週休日（割振り0）（1）" in board and "メーガン" in board

    engine = create_engine(url)
    schedule = SqlSchedule(session_factory(engine))
    [entry] = await schedule.entries("S1", date(2026, 12, 4), date(2026, 12, 4))
    assert (entry.status, entry.state) == (EntryStatus.NO_HOURS, EntryState.CONFIRMED)
    # Not telework: nothing for targets, reports or the allowance.
    assert await schedule.telework_occasions(date(2026, 12, 1), date(2026, 12, 31)) == {}
    # Not a closed day for the organisation.
    assert default_policy().work_calendar().is_working_day(date(2026, 12, 4))

    change = card(await megan.say("12/4はテレワークに変更"))
    assert (
        "12/4(金) 終日 テレワーク（「終日 週休日（割振り0）」を置き換えます・承認が必要）"
        in shown(change)
    )
    await megan.press(button(change, "declare_confirm"))
    entries = await schedule.entries("S1", date(2026, 12, 4), date(2026, 12, 4))
    await engine.dispose()
    assert [(e.status, e.state) for e in entries] == [(EntryStatus.TELEWORK, EntryState.PENDING)]


async def test_english_words_and_a_weekly_pattern(office: Any) -> None:
    megan, _chief, _url = office
    await megan.say("language English")
    proposal = card(await megan.say("Flex day next Friday"))
    assert "Fri 12/4 all day no working hours (flex)" in shown(proposal)
    pattern = card(await megan.say("毎週金曜は週休日"))
    saved = await megan.press(button(pattern, "recurring_confirm"))
    assert "Fri" in shown(saved["value"])


async def test_a_day_without_hours_is_a_day_off_for_nudges_and_the_digest(
    sqlite_url: str,
) -> None:
    """No nudge or campaign message on the person's 週休日; the weekly digest names it."""
    from bot.features.nudges.digest import digest_card
    from storage.nudge_facts import SqlNudgeFacts
    from tests.factories import seed_staff, staff

    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("S1"))
    schedule = SqlSchedule(session_factory(engine))
    friday = date(2026, 12, 4)
    await schedule.save([ScheduleEntry("S1", friday, "full", EntryStatus.NO_HOURS)], actor="S1")
    facts = await SqlNudgeFacts(session_factory(engine)).schedule(friday, friday, friday, friday)
    await engine.dispose()
    assert facts.on_leave("S1", friday) and not facts.leave
    card_json = json.dumps(
        digest_card("ja", [friday], set(), set(), {friday}, {friday}), ensure_ascii=False
    )
    assert "12/4(金)　週休日（割振り0）" in card_json and "出勤" not in card_json
