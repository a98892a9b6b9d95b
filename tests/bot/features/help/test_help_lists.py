"""Help lists what plain sentences do besides the commands (issue 13 §7): presence reports
(with a stated time and its correction), cancelling and finding people — ja and en."""

from __future__ import annotations

from typing import Any

from tests.bot.chat import card, shown


async def test_help_lists_presence_cancelling_and_lookup(office: Any) -> None:
    megan, _chief, _url = office
    help_ja = shown(card(await megan.say("ヘルプ")))
    for expected in (
        "ほかにも、ふだんの言葉で伝わります",
        "勤務の報告（時刻を書けばその時刻で記録）",
        "「9時に業務開始しました」",
        "「開始時刻を9:00に修正」",
        "取り消し",
        "「明日のテレワークを取り消し」",
        "人・課の予定を見る",
        "「田中さんはどこ？」",
    ):
        assert expected in help_ja, expected
    # What help promises is understood as promised.
    assert (await megan.say("業務開始"))["text"].startswith("業務開始を記録しました")

    megan.template["locale"] = "en-US"
    await megan.say("language English")
    help_en = shown(card(await megan.say("help")))
    for expected in (
        "Plain sentences work too",
        "Report your day (with a time, at that time)",
        "started work at 9",
        "cancel tomorrow's telework",
        "where is Tanaka?",
    ):
        assert expected in help_en, expected
