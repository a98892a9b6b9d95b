"""The progress card: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "progress.title": (
            "テレワークの目標・目安の進捗（{date}現在）",
            "Your telework targets and aims (as of {date})",
        ),
        "progress.target": (
            "{category}：{period}に{needed}回以上",
            "{category}: at least {needed} in {period}",
        ),
        # -- issue 14 item 9: an aim (目安) is not a quota: never "behind" ------------------
        "progress.target.aim": (
            "{category}：{period}に{needed}回程度（目安）",
            "{category}: about {needed} in {period} (an aim)",
        ),
        "progress.aim.open": (
            "目安は年間を通じた平均で、週{needed}回程度です。ご都合のよい日にどうぞ。",
            "The aim is about {needed} a week on average over the year: whenever it suits you.",
        ),
        "progress.aim.short": (
            "この期間のあなたの勤務日は{days}日（週休日を除く）のため、目安の対象になりません。",
            "You have {days} working day(s) in this period (days without working hours left "
            "out), so it does not count toward the aim.",
        ),
        "progress.done": (
            "実施 {done}回（予定 {planned}回{asked}）・あと{remaining}回",
            "Done {done} (planned {planned}{asked}) · {remaining} to go",
        ),
        "progress.done.planned_enough": (
            "実施 {done}回（予定 {planned}回{asked}）・予定どおり実施すれば達成します",
            "Done {done} (planned {planned}{asked}) · met if you telework as planned",
        ),
        "progress.done.pending_enough": (
            "実施 {done}回（予定 {planned}回{asked}）・承認されれば予定で達成します",
            "Done {done} (planned {planned}{asked}) · met once your requests are approved",
        ),
        "progress.pending": (
            "・承認待ち {pending}回",
            ", awaiting approval {pending}",
        ),
        "progress.met": (
            "達成しました（実施 {done}回）。",
            "Met ({done} done).",
        ),
        "progress.on_track": (
            "順調です。次の目安：{next}までにあと1回",
            "On track. Next milestone: one more by {next}",
        ),
        "progress.behind": (
            "目標に遅れています。期限：{deadline}",
            "Behind target. Deadline: {deadline}",
        ),
        "progress.due_today": (
            "本日が目安の期限です（あと{remaining}回）。",
            "Today is the milestone ({remaining} to go).",
        ),
        "progress.none.exempt": (
            "担当業務（{reason}）のため、テレワークの目標はありません。",
            "Your work ({reason}) has no telework target.",
        ),
        "progress.none.conditional": (
            "条件付採用期間中のため、{until}まではテレワークの対象外です。",
            "You are in your conditional appointment period; telework starts after {until}.",
        ),
        "progress.none.inactive": (
            "在職中の職員として登録されていません。",
            "You are not registered as active staff.",
        ),
        "progress.none.not_covered": (
            "テレワーク推進計画の目標は常勤職員が対象のため、あなたに適用される目標はありません（テレワークの申請はできます）。",
            "The telework plan's targets cover full-time staff, so none applies to you (you can still request telework).",
        ),
        "progress.none.no_category": (
            "あなたに適用されるテレワーク目標はありません。",
            "No telework target applies to you.",
        ),
        # 在宅勤務等手当 (issue 18 §3): the person's own figures only.
        "progress.allowance.yes": (
            "在宅勤務等手当：支給対象です（今月の終日在宅勤務{days}日、平均{average}日／月）。"
            "詳しくは「手当」と入力してください。",
            "Telework allowance: eligible ({days} whole days this month, average {average} a "
            'month). Type "allowance" for details.',
        ),
        "progress.allowance.borderline": (
            "在宅勤務等手当：支給対象です。ただし基準に近い状況です（今月{days}日、平均{average}日／月）。"
            "詳しくは「手当」と入力してください。",
            "Telework allowance: eligible, but close to the threshold ({days} whole days this "
            'month, average {average} a month). Type "allowance" for details.',
        ),
        # 勤務間インターバル (issue 18 §3): the person's own starts this month.
        "progress.interval.none": (
            "勤務間インターバル：今月は、前日の業務終了から{hours}時間未満の業務開始はありません。",
            "Rest between working days: no start this month came less than {hours} hours "
            "after the previous day's end.",
        ),
        "progress.interval.some": (
            "勤務間インターバル：今月、前日の業務終了から{hours}時間未満の業務開始が{count}回ありました"
            "（最短{rest_hours}時間{rest_minutes}分）。休息の確保をお願いします。",
            "Rest between working days: {count} start(s) this month came less than {hours} "
            "hours after the previous day's end (shortest rest {rest_hours} h {rest_minutes} min). "
            "Please take your rest.",
        ),
        "progress.allowance.no": (
            "在宅勤務等手当：今月は支給対象外です（今月{days}日、平均{average}日／月）。"
            "詳しくは「手当」と入力してください。",
            "Telework allowance: not eligible this month ({days} whole days, average "
            '{average} a month). Type "allowance" for details.',
        ),
    }
)
