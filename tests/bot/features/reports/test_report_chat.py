"""「レポート」 in chat: admins see the ministry, chiefs their section, others are refused."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest

from bot.features.reports.card import _range
from domain.policy import default_policy
from storage.engine import create_engine
from tests.bot.chat import Chat, card
from tests.bot.conftest import RecordingConnector
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, seed_telework, staff

NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))
CHIEF_AAD = "0c1a2b3c-0000-4000-8000-00000000c41e"
ADMIN_AAD = "0c1a2b3c-0000-4000-8000-0000000000ad"


async def test_report_card_follows_roles(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長", aad_object_id=CHIEF_AAD, is_section_chief=True),
        staff(
            "A1",
            name="事務局",
            aad_object_id=ADMIN_AAD,
            org_unit="関東局/総務課",
            email="secretariat@example.go.jp",
        ),
    )
    await seed_telework(engine, "S1", date(2026, 6, 5), date(2026, 11, 4))
    await engine.dispose()
    client = await bot_client(clock=NOW, TELEWORK_ADMINS="secretariat@example.go.jp")
    megan = Chat(client, connector, MEGAN_AAD, "29:megan")
    chief = Chat(client, connector, CHIEF_AAD, "29:chief")
    admin = Chat(client, connector, ADMIN_AAD, "29:admin")

    refused = await megan.say("レポート")
    assert "attachments" not in refused and refused["text"]

    section = json.dumps(card(await chief.say("レポート")), ensure_ascii=False)
    whole = json.dumps(card(await admin.say("レポート")), ensure_ascii=False)
    assert "令和8年度" in section and "令和8年度" in whole
    assert "総務課" in section
    assert section != whole
    # The chart is attached as an image inside the card.
    assert '"type": "Image"' in whole


@pytest.mark.parametrize(
    ("argument", "fiscal_year"),
    [("令和元年度", 2019), ("平成30年度", 2018), ("令和8年度", 2026), ("平成31年度", 2019)],
)
def test_era_years_are_understood(argument: str, fiscal_year: int) -> None:
    calendar = default_policy().work_calendar()
    chosen = _range(argument, calendar, date(2026, 12, 2))
    assert chosen is not None and chosen.fiscal_year == fiscal_year


def test_an_era_year_that_does_not_exist_is_not_understood() -> None:
    assert _range("平成32年度", default_policy().work_calendar(), date(2026, 12, 2)) is None


async def test_the_report_card_counts_the_2026_rules(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """Issue 18 §3: the chief's card gives the section's allowance-eligible headcount for
    the current month and its interval warnings, as counts (no name)."""
    from datetime import UTC

    from domain.allowance import PlaceCategory, TeleworkOrder
    from storage.allowance import SqlAllowance
    from storage.engine import session_factory
    from storage.schedule import SqlSchedule
    from tests.domain.test_allowance import weekdays_in
    from tests.factories import TOKYO

    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長", aad_object_id=CHIEF_AAD, is_section_chief=True),
    )
    sessions = session_factory(engine)
    made = datetime(2026, 9, 15, 10, tzinfo=TOKYO).astimezone(UTC)
    store = SqlAllowance(sessions, clock=lambda: made)
    await store.set_place("S1", PlaceCategory.HOME, since=date(2026, 9, 1), actor="S1")
    start, until = date(2026, 9, 16), date(2027, 3, 31)
    weekdays = ("mon", "tue", "wed", "thu")
    order = TeleworkOrder("S1", "C1", start, until, made, weekdays)
    await store.make_order(order, weekdays_in(start, until, {0, 1, 2, 3}))
    schedule = SqlSchedule(sessions)
    for kind, at in (
        ("start", datetime(2026, 11, 9, 9, tzinfo=TOKYO)),
        ("end", datetime(2026, 11, 9, 23, tzinfo=TOKYO)),
        ("start", datetime(2026, 11, 10, 8, tzinfo=TOKYO)),  # 9 hours' rest
    ):
        await schedule.record_presence("S1", kind, at=at.astimezone(UTC))
    await engine.dispose()
    client = await bot_client(clock=NOW)
    chief = Chat(client, connector, CHIEF_AAD, "29:chief")
    shown = json.dumps(card(await chief.say("レポート")), ensure_ascii=False)
    assert "在宅勤務等手当の支給要件を満たす職員: 1人（11月）" in shown
    assert "勤務間インターバル未満の業務開始: 1件（期間計）" in shown
    assert "メーガン" not in shown
