"""Person lookup at section scale (issue 13 §6): ten 「田中 一郎」 in a 5,000-person roster are
told apart by section, 係 and e-mail; the candidate list holds only people the asker may see
(their own section, everyone for admins); names are matched by よみがな too."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert

from storage.engine import create_engine
from storage.org import StaffRow
from tests.bot.chat import Chat, button, card, shown
from tests.bot.conftest import NOW, RecordingConnector
from tests.factories import MEGAN_AAD, seed_staff, staff

ADMIN_AAD = "0c1a2b3c-0000-4000-8000-0000000000ad"
HEAD = "大臣官房/総務課"


def _people() -> list[Any]:
    people = [
        staff("S1", name="Megan Bowen", reading="めがん ぼうえん", aad_object_id=MEGAN_AAD),
        staff("A1", name="事務局 花子", org_unit="関東局/総務課", aad_object_id=ADMIN_AAD),
    ]
    for i in range(10):  # six in Megan's section (three of them in 文書係), four elsewhere
        unit = ("大臣官房/総務課/文書係" if i < 3 else HEAD) if i < 6 else "関東局/総務課"
        people.append(
            staff(
                f"T{i:02d}",
                name="田中 一郎",
                reading="たなか いちろう",
                org_unit=unit,
                email=f"ichiro.tanaka{i}@example.go.jp",
            )
        )
    return people


async def _client(bot_client: Any, sqlite_url: str) -> Any:
    engine = create_engine(sqlite_url)
    people = _people()
    await seed_staff(engine, *people)
    # The rest of a 5,000 roster, written in bulk (the import path records an event per
    # person and would spend the test's time on it).
    now = datetime.now(UTC)
    rest = [
        {
            "employee_id": f"P{i:04d}",
            "name": f"職員 {i:04d}",
            "reading": f"しょくいん {i}",
            "email": f"p{i:04d}@example.go.jp",
            "org_unit": HEAD if i % 50 == 0 else "関東局/総務課",
            "hire_date": date(2015, 4, 1),
            "updated_at": now,
            "active": True,
        }
        | dict.fromkeys(("is_manager", "is_section_chief", "care_preschool", "care_family"), False)
        for i in range(5000 - len(people))
    ]
    async with engine.begin() as conn:
        await conn.execute(insert(StaffRow.__table__), rest)  # type: ignore[attr-defined]
    await engine.dispose()
    return await bot_client(clock=NOW, TELEWORK_ADMINS="a1@example.go.jp")


async def test_namesakes_are_told_apart_within_what_one_may_see(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    client = await _client(bot_client, sqlite_url)
    megan = Chat(client, connector, MEGAN_AAD, "29:megan")
    started = time.perf_counter()
    listed = card(await megan.say("田中 一郎さんはどこ？"))
    took = time.perf_counter() - started
    text = shown(listed)
    assert "「田中 一郎」に当てはまる方が6名います" in text  # her own section only
    assert "田中 一郎　総務課・文書係・ichiro.tanaka0@example.go.jp" in text
    assert "田中 一郎　総務課・—・ichiro.tanaka3@example.go.jp" in text
    assert "ichiro.tanaka6@example.go.jp" not in text  # another bureau's section
    assert took < 5, f"lookup in a 5,000 roster took {took:.1f} s"
    picked = await megan.press(button(listed, "person_pick"))
    assert "田中 一郎さんの予定（11/26(木)）" in shown(picked)
    # A forged pick of someone outside her section is refused.
    forged = await megan.press(
        {"verb": "person_pick", "data": {"employee_id": "T07", "day": "2026-11-26"}}
    )
    assert (
        forged["value"]
        == "この方の予定は表示できません（在職していないか、閲覧できる範囲にいません）。"
    )

    admin = Chat(client, connector, ADMIN_AAD, "29:admin")
    admin.template["locale"] = "en-US"
    await admin.say("language English")
    text = shown(card(await admin.say("田中 一郎さんはどこ？")))
    assert '10 people match \\"田中 一郎\\"' in text
    assert "田中 一郎 · 総務課 · — · ichiro.tanaka9@example.go.jp" in text


async def test_readings_find_people(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    client = await _client(bot_client, sqlite_url)
    megan = Chat(client, connector, MEGAN_AAD, "29:megan")
    for asked in ("めがんさんはどこ？", "メガンさんは今日どこ？"):
        assert "Megan Bowenさんの予定（11/26(木)）" in shown(card(await megan.say(asked))), asked
    assert "「たなか いちろう」に当てはまる方が6名います" in shown(
        card(await megan.say("たなか いちろうさんはどこ？"))
    )
    megan.template["locale"] = "en-US"
    await megan.say("language English")
    assert "Megan Bowen on Thu 11/26" in shown(card(await megan.say("where is megan?")))
