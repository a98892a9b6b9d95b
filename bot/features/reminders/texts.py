"""Reminder settings: pause, resume, snooze, digest: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "nudge.snoozed": (
            "承知しました。{until}まで目標のご案内をお休みします。",
            "Got it. No target reminders until {until}.",
        ),
        "reminders.title": (
            "通知の設定",
            "Reminder settings",
        ),
        "reminders.state.active": (
            "現在、通知は有効です。",
            "Reminders are on.",
        ),
        "reminders.state.paused_until": (
            "{until}まで通知を停止しています。",
            "Reminders are paused until {until}.",
        ),
        "reminders.state.paused": (
            "通知を停止しています（「通知を再開」で再開します）。",
            'Reminders are paused (say "resume reminders" to resume).',
        ),
        "reminders.state.snoozed": (
            "目標のご案内は{until}までお休みしています。",
            "Target reminders are snoozed until {until}.",
        ),
        "reminders.state.digest_on": (
            "毎週金曜に翌週の予定のまとめをお送りします。",
            "You get a summary of your next week every Friday.",
        ),
        "reminders.state.digest_off": (
            "週次まとめ（金曜）は受け取っていません。",
            "You do not get the Friday summary.",
        ),
        "reminders.paused_until": (
            "{until}まで通知を停止しました。事務局からの必須のお知らせは届きます。",
            "Reminders paused until {until}. Mandatory notices from the secretariat still arrive.",
        ),
        "reminders.paused": (
            "通知を停止しました。「通知を再開」で再開できます。事務局からの必須のお知らせは届きます。",
            'Reminders paused. Say "resume reminders" to resume. Mandatory notices from the secretariat still arrive.',
        ),
        "reminders.resumed": (
            "通知を再開しました。",
            "Reminders resumed.",
        ),
        "reminders.digest_on": (
            "毎週金曜に翌週の予定のまとめをお送りします。",
            "You will get a summary of your next week every Friday.",
        ),
        "reminders.digest_off": (
            "週次まとめの送信を停止しました。",
            "The Friday summary is off.",
        ),
        "reminders.button.pause": (
            "2週間止める",
            "Pause for 2 weeks",
        ),
        "reminders.button.resume": (
            "再開する",
            "Resume",
        ),
        "reminders.state.teams_on": (
            "テレワークの日は Teams の状態メッセージにも表示します（Teams にも表示）。",
            "Your telework days also show as your Teams status note.",
        ),
        "reminders.state.teams_off": (
            "テレワークの日を Teams の状態メッセージに表示できます（Teams にも表示）。",
            "Your telework days can also show as your Teams status note.",
        ),
        "reminders.button.teams_on": (
            "Teams にも表示",
            "Show in Teams",
        ),
        "reminders.button.teams_off": (
            "Teams への表示をやめる",
            "Stop showing in Teams",
        ),
        "status_note.on": (
            "テレワークの日は、朝 Teams の状態メッセージに「本日テレワーク」と表示します（終業時刻に消えます）。",
            "On your telework days your Teams status note will say so each morning (it clears at the end of the working day).",
        ),
        "status_note.off": (
            "Teams の状態メッセージには表示しません。",
            "Your telework days will no longer show in Teams.",
        ),
        "status_note.unavailable": (
            "この組織では Teams の状態メッセージを設定できません。",
            "Teams status notes are not available in this organisation.",
        ),
        "status_note.day": (
            "本日テレワーク（〜{until}）",
            "Teleworking today (until {until})",
        ),
        "status_note.am": (
            "本日午前テレワーク（〜{until}）",
            "Teleworking this morning (until {until})",
        ),
        "status_note.pm": (
            "本日午後テレワーク（〜{until}）",
            "Teleworking this afternoon (until {until})",
        ),
        "reminders.button.digest_on": (
            "週次まとめを受け取る",
            "Get the Friday summary",
        ),
        "reminders.button.digest_off": (
            "週次まとめを止める",
            "Stop the Friday summary",
        ),
    }
)
