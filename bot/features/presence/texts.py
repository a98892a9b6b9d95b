"""Presence reports: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "presence.report_start": (
            "業務開始を記録しました（{time}）。",
            "Start of work recorded ({time}).",
        ),
        "presence.report_end": (
            "業務終了を記録しました（{time}）。お疲れさまでした。",
            "End of work recorded ({time}). Thank you for today.",
        ),
        "presence.away": (
            "離席を記録しました（{time}）。",
            "Away recorded ({time}).",
        ),
        "presence.back": (
            "再開を記録しました（{time}）。",
            "Back recorded ({time}).",
        ),
        "presence.meeting": (
            "会議中を記録しました（{time}）。",
            "In a meeting recorded ({time}).",
        ),
        # 勤務間インターバル (issue 18 §2): said to the person only, politely.
        "presence.interval_short": (
            "前回の業務終了（{end}）から{hours}時間{minutes}分での業務開始です。"
            "勤務間インターバルは{interval}時間以上が目安とされています。"
            "どうぞご無理のないようお願いいたします。",
            "You are starting {hours} h {minutes} min after you ended work ({end}). "
            "The rest aimed for between two working days is at least {interval} hours. "
            "Please take care of yourself.",
        ),
        "interval.title": (
            "勤務間インターバルの確保状況（{section}）",
            "Rest between working days ({section})",
        ),
        "interval.rule": (
            "前日の業務終了から{interval}時間未満で業務開始が報告された件数です。",
            "Starts of work reported less than {interval} hours after the previous day's end.",
        ),
        "interval.month": ("{period}：{count}件", "{period}: {count}"),
        "interval.privacy": (
            "件数のみを表示しています。ご本人には報告の際にお知らせしています。",
            "Counts only; each person was told at the time.",
        ),
        "interval.off": (
            "この確認はポリシーで無効になっています。",
            "This check is turned off in the policy.",
        ),
        "interval.denied": (
            "勤務間インターバルの件数は課室長と管理者のみ確認できます。",
            "Only section chiefs and admins can see these counts.",
        ),
    }
)
