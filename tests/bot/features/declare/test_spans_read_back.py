"""Issue 13 §4: durations, spans and side clauses reach the read-back card over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.bot.chat import card, shown


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("明日から3日間テレワーク", ["11/27(金)", "11/30(月)", "12/1(火)"]),
        ("来週はずっと在宅です", ["11/30(月)", "12/1(火)", "12/2(水)", "12/3(木)", "12/4(金)"]),
        ("来週の火曜や木曜に在宅します", ["12/1(火)", "12/3(木)"]),
        ("明日は10時から会議があるので在宅にします", ["11/27(金)"]),
    ],
)
async def test_every_day_is_read_back_whole(office: Any, said: str, days: list[str]) -> None:
    megan, _chief, _url = office
    proposal = shown(card(await megan.say(said))["body"])
    assert "以下の内容で登録しますか？" in proposal
    for day in days:
        assert f"{day} 終日 テレワーク" in proposal, (day, proposal)
    assert proposal.count("終日 テレワーク") == len(days)


async def test_english_day_range_with_a_hyphen(office: Any) -> None:
    megan, _chief, _url = office
    proposal = shown(card(await megan.say("WFH Dec 14-16")))
    for day in ("12/14", "12/15", "12/16"):
        assert day in proposal, (day, proposal)
