"""Quota nudges and the Friday digest: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "nudge.title": (
            "テレワークのご案内",
            "A note about telework",
        ),
        "nudge.body.manager": (
            "今年度のテレワーク目標（{needed}回）まで、あと{remaining}回です。",
            "You are {remaining} away from this fiscal year's target of {needed} telework days.",
        ),
        "nudge.body.care": (
            "今月はまだテレワークの予定がありません（目標：月{needed}回）。",
            "You have no telework planned this month yet (target: {needed} a month).",
        ),
        "nudge.body.general": (
            "今週はまだテレワークの予定がありません（目安：週{needed}回）。",
            "You have no telework planned this week yet (aim: {needed} a week).",
        ),
        "nudge.body.other": (
            "{category}のテレワーク目標まで、あと{remaining}回です。",
            "{remaining} more to reach your target ({category}).",
        ),
        "nudge.suggest": (
            "{day}はいかがですか？ボタン一つで登録できます（内容を確認してから保存します）。",
            "How about {day}? One tap declares it (you check before it is saved).",
        ),
        "nudge.suggest.designated": (
            "{day}は課室のテレワーク指定日です。",
            "{day} is your section's designated telework day.",
        ),
        "nudge.button.declare": (
            "{day}にテレワーク",
            "Telework on {day}",
        ),
        "nudge.button.snooze": (
            "1週間後に再通知",
            "Remind me in a week",
        ),
        "nudge.button.pause": (
            "通知を2週間止める",
            "Pause reminders for 2 weeks",
        ),
        "digest.title": (
            "来週の予定（{start}〜{end}）",
            "Your next week ({start} to {end})",
        ),
        "digest.free": (
            "未登録",
            "nothing declared",
        ),
        "digest.hint": (
            "ボタンでテレワークを登録できます（内容を確認してから保存します）。",
            "Tap a button to declare telework (you check before it is saved).",
        ),
    }
)
