"""The form (issue 13 §6): it keeps its note, and takes a range of days and a time range —
through HTTP with the real Teams payloads, ja and en."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.ui.cards import card_actions
from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.bot.chat import button, card, input_field, shown


async def test_range_time_range_and_note_survive_to_the_saved_days(office: Any) -> None:
    megan, _chief, url = office
    form = card(await megan.say("フォーム"))
    assert input_field(form, "until")["type"] == "Input.Date"
    assert input_field(form, "start")["type"] == "Input.Time"
    review = await megan.press(
        button(form, "declare_form_submit"),
        date="2026-12-04",
        until="2026-12-08",  # Fri to Tue: the weekend is skipped
        part="time",
        start="13:00",
        end="15:00",
        status="telework",
        note="研修のため",
    )
    text = shown(review["value"])
    for day in ("12/4(金)", "12/7(月)", "12/8(火)"):
        assert f"{day} 13:00–15:00 テレワーク" in text
    assert "12/5(土)" not in text and "12/6(日)" not in text
    assert "研修のため" in text
    # 「変更」 opens the form again with everything, the note included.
    change = await megan.press(button(review["value"], "declare_form"))
    again = change["value"]
    assert input_field(again, "note")["value"] == "研修のため"
    assert input_field(again, "until")["value"] == "2026-12-08"
    assert input_field(again, "part")["value"] == "time"
    assert (input_field(again, "start")["value"], input_field(again, "end")["value"]) == (
        "13:00",
        "15:00",
    )

    await megan.press(button(review["value"], "declare_confirm"))
    engine = create_engine(url)
    saved = await SqlSchedule(session_factory(engine)).entries(
        "S1", date(2026, 12, 4), date(2026, 12, 8)
    )
    await engine.dispose()
    assert [(e.day.day, e.part, e.note) for e in saved] == [
        (4, "13:00-15:00", "研修のため"),
        (7, "13:00-15:00", "研修のため"),
        (8, "13:00-15:00", "研修のため"),
    ]


async def test_a_wrong_time_range_brings_the_form_back_with_the_note(office: Any) -> None:
    megan, _chief, _url = office
    form = card(await megan.say("フォーム"))
    back = await megan.press(
        button(form, "declare_form_submit"),
        date="2026-12-04",
        until="",
        part="time",
        start="15:00",
        end="13:00",
        status="telework",
        note="通院",
    )
    assert "時間指定のときは、開始時刻と終了時刻（開始より後）を入れてください。" in shown(back)
    assert input_field(back["value"], "note")["value"] == "通院"
    assert input_field(back["value"], "start")["value"] == "15:00"
    assert [a["verb"] for a in card_actions(back["value"])] == ["declare_form_submit"]


async def test_form_in_english(office: Any) -> None:
    megan, _chief, _url = office
    megan.template["locale"] = "en-US"
    await megan.say("language English")
    form = card(await megan.say("form"))
    assert (
        input_field(form, "until")["label"] == "Until (for several days; closed days are skipped)"
    )
    back = await megan.press(
        button(form, "declare_form_submit"),
        date="2026-12-08",
        until="2026-12-04",
        part="am",
        status="telework",
        note="keep me",
    )
    assert "The end date is before the start date." in shown(back)
    assert input_field(back["value"], "note")["value"] == "keep me"
    review = await megan.press(
        button(back["value"], "declare_form_submit"),
        date="2026-12-04",
        until="2026-12-07",
        part="am",
        status="telework",
        note="keep me",
    )
    assert "Fri 12/4 morning telework" in shown(review) and "Mon 12/7 morning telework" in shown(
        review
    )
    assert "keep me" in shown(review)
