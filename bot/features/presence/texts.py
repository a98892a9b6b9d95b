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
        "presence.report_start.stated": (
            "業務開始を{time}として記録しました（受付 {now}）。",
            "Start of work recorded at {time} (sent at {now}).",
        ),
        "presence.report_end.stated": (
            "業務終了を{time}として記録しました（受付 {now}）。お疲れさまでした。",
            "End of work recorded at {time} (sent at {now}). Thank you for today.",
        ),
        "presence.away.stated": (
            "離席を{time}として記録しました（受付 {now}）。",
            "Away recorded at {time} (sent at {now}).",
        ),
        "presence.back.stated": (
            "再開を{time}として記録しました（受付 {now}）。",
            "Back recorded at {time} (sent at {now}).",
        ),
        "presence.meeting.stated": (
            "会議中を{time}として記録しました（受付 {now}）。",
            "In a meeting recorded at {time} (sent at {now}).",
        ),
        "presence.future": (
            "{time}はまだ来ていない時刻です（現在 {now}）。記録していません。"
            "時刻を書かずに送ると、今の時刻で記録します。",
            "{time} has not come yet (it is {now}). Nothing was recorded. "
            "Send it without a time to record it now.",
        ),
        "presence.before_earlier": (
            "{time}は、本日すでに記録した「{kind}（{earlier}）」より前のため記録していません。"
            "開始時刻を直すときは「開始時刻を9:00に修正」のように送ってください。",
            "{time} is before today's earlier report ({kind} at {earlier}), so nothing was "
            'recorded. To correct your start time, send e.g. "correct my start time to 9:00".',
        ),
        "presence.short_day": (
            "ご注意：業務開始（{start}）から{minutes}分後の終了です。開始時刻が違う場合は"
            "「開始時刻を9:00に修正」のように送ってください。",
            "Note: this end comes {minutes} minutes after your start ({start}). If the start "
            'time is wrong, send e.g. "correct my start time to 9:00".',
        ),
        "presence.corrected": (
            "本日の{kind}の時刻を{before}から{time}に修正しました。",
            "Today's {kind} time was corrected from {before} to {time}.",
        ),
        "presence.nothing_to_correct": (
            "本日の{kind}の記録がないため、修正できません。"
            "「9時に業務開始しました」のように送ると、その時刻で記録します。",
            'There is no {kind} recorded today to correct. Send e.g. "started work at 9:00" '
            "to record it at that time.",
        ),
        "presence.correct_out_of_order": (
            "{time}にすると、本日の「{kind}（{other}）」と順序が合わないため修正していません。",
            "{time} would put it out of order with today's {kind} at {other}, so nothing was "
            "changed.",
        ),
        "presence.kind.start": ("業務開始", "start of work"),
        "presence.kind.end": ("業務終了", "end of work"),
        "presence.kind.away": ("離席", "away"),
        "presence.kind.back": ("再開", "back"),
        "presence.kind.meeting": ("会議中", "in a meeting"),
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
