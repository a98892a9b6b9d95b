"""Declaring, the form, cancelling and weekly patterns: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "declare.moves": (
            "変更：{old} → {new}（登録すると元の予定は取り消されます）",
            "Change: {old} → {new} (saving cancels the original entry)",
        ),
        "declare.moved": (
            "元の予定を取り消しました：{old}",
            "The original entry was cancelled: {old}",
        ),
        "declare.memo": (
            "メモ：{memo}",
            "Note: {memo}",
        ),
        "form.date_required": (
            "日付を入力してください。",
            "Please enter a date.",
        ),
        "declare.confirm_title": (
            "以下の内容で登録しますか？",
            "Shall I save this?",
        ),
        "declare.saved_title": (
            "登録しました",
            "Saved",
        ),
        "declare.pending_note": (
            "承認待ちです（承認者：{approvers}）。承認されるとお知らせします。",
            "Waiting for approval (by {approvers}); I will tell you.",
        ),
        "declare.pending_note.more": (
            " ほか{more}名",
            " and {more} more",
        ),
        "declare.pending_note.nobody": (
            "承認待ちです。承認できる方が見つからないため、事務局にお知らせください。",
            "Waiting for approval, but nobody who can approve it was found: please tell the "
            "secretariat.",
        ),
        "declare.already": (
            "すでに登録済みです：{lines}",
            "Already declared: {lines}",
        ),
        "declare.nothing": (
            "登録する予定がありません。",
            "There is nothing to save.",
        ),
        "declare.dismissed": (
            "登録を取りやめました。",
            "Nothing was saved.",
        ),
        "declare.reply_hint": (
            "チャットで「はい」と送ると登録、「いいえ」で取りやめ、「午後だけ」などで変更できます。",
            'You can also reply "yes" to save, "no" to drop it, or "afternoon only" and the like to change it.',
        ),
        "declare.form_instead": (
            "チャットではうまく読み取れなかったため、こちらのフォームでご入力ください（まだ何も保存していません）。",
            "I could not work it out from the chat, so please use this form (nothing has been saved yet).",
        ),
        "cancel.gave_up": (
            "どの予定を取り消すのか読み取れませんでした。日付を入れてもう一度お送りください（例：明日のテレワークを取り消し）。何も取り消していません。",
            "I could not tell which day to cancel. Please send it again with the day (e.g. cancel my telework tomorrow). Nothing was cancelled.",
        ),
        "declare.changed": (
            "予定が変わっていたため、もう一度ご確認ください。",
            "Your schedule changed in the meantime; please check again.",
        ),
        "declare.button.confirm": (
            "登録する",
            "Save",
        ),
        "declare.button.change": (
            "変更する",
            "Change",
        ),
        "declare.button.dismiss": (
            "取りやめる",
            "Cancel",
        ),
        "declare.badge.approval": (
            "承認が必要",
            "needs approval",
        ),
        "declare.badge.late": (
            "申請期限後",
            "after the deadline",
        ),
        "declare.badge.retroactive": (
            "事後登録",
            "after the fact",
        ),
        "declare.badge.closed": (
            "⚠ {closure}のため閉庁日です",
            "⚠ offices are closed ({closure})",
        ),
        "declare.badge.closed_telework": (
            "⚠ {closure}のため閉庁日です。記録しますが、テレワークの実績には数えません",
            "⚠ offices are closed ({closure}): recorded, but not counted as telework",
        ),
        "refusal.closed_day": (
            "{day}：{closure}のため閉庁日です。テレワークは勤務日に登録してください",
            "{day}: offices are closed ({closure}); telework can be declared on working days only",
        ),
        "declare.badge.replaces": (
            "「{old}」を置き換えます",
            'replaces "{old}"',
        ),
        "declare.badge.already": (
            "登録済み",
            "already declared",
        ),
        "refusal.not_eligible": (
            "{day}：条件付採用期間中のため、テレワークは{since}から可能です",
            "{day}: telework is possible from {since} (conditional appointment)",
        ),
        "refusal.too_far_back": (
            "{day}：{days}営業日より前の日は登録できません",
            "{day}: days more than {days} working days ago cannot be declared",
        ),
        "refusal.too_far_ahead": (
            "{day}：先の日付すぎるため登録できません",
            "{day}: that is too far ahead",
        ),
        "refusal.invalid": (
            "{day}：内容を確認できないため登録できません",
            "{day}: this could not be read, so nothing was saved",
        ),
        "refusal.inactive": (
            "在職中の職員として登録されていないため、登録できません",
            "You are not registered as active staff, so nothing was saved",
        ),
        "refusal.too_many": (
            "{day}以降：一度に登録できるのは31日までです。続きは改めてお送りください",
            "{day} onwards: at most 31 days at a time; please send the rest separately",
        ),
        "form.title": (
            "テレワーク等の予定登録",
            "Declare telework or another status",
        ),
        "form.date": (
            "日付",
            "Date",
        ),
        "form.until": (
            "終了日（複数日のとき。土日・祝日は除きます）",
            "Until (for several days; closed days are skipped)",
        ),
        "form.part_time": ("時間指定", "Time range"),
        "form.start": ("開始時刻（時間指定のとき）", "From (for a time range)"),
        "form.end": ("終了時刻（時間指定のとき）", "To (for a time range)"),
        "form.problem.time": (
            "時間指定のときは、開始時刻と終了時刻（開始より後）を入れてください。",
            "For a time range, enter a start and a later end time.",
        ),
        "form.problem.order": (
            "終了日が開始の日付より前です。日付を確かめてください。",
            "The end date is before the start date. Please check the dates.",
        ),
        "form.problem.too_long": (
            "一度に登録できるのは{days}日間までです。期間を短くしてください。",
            "At most {days} days at a time. Please shorten the range.",
        ),
        "form.part": (
            "時間帯",
            "Part of the day",
        ),
        "form.status": (
            "区分",
            "Status",
        ),
        "form.note": (
            "メモ（任意）",
            "Note (optional)",
        ),
        "form.submit": (
            "確認へ進む",
            "Review",
        ),
        "form.button": (
            "フォームで登録",
            "Use the form",
        ),
        "cancel.confirm_title": (
            "以下の予定を取り消しますか？",
            "Cancel these entries?",
        ),
        "cancel.done": (
            "取り消しました：{lines}",
            "Cancelled: {lines}",
        ),
        "cancel.none": (
            "取り消す予定が見つかりませんでした。",
            "I found nothing to cancel.",
        ),
        "cancel.button.confirm": (
            "取り消す",
            "Cancel them",
        ),
        "cancel.button.keep": (
            "残す",
            "Keep",
        ),
        "cancel.kept": (
            "予定はそのままです。",
            "Nothing was changed.",
        ),
        "recurring.title": (
            "毎週{weekdays} {part} {status}を登録しますか？（{start}〜{until}）",
            "Save {status} every {weekdays} ({part}) from {start} to {until}?",
        ),
        "recurring.skipped": (
            "次の日は除外します：{days}",
            "These days are left out: {days}",
        ),
        "recurring.saved": (
            "毎週{weekdays}の予定を{count}日分登録しました（{until}まで）。",
            "Saved {count} days every {weekdays} (until {until}).",
        ),
        "recurring.nothing": (
            "登録できる日がありませんでした。",
            "There is no day to save.",
        ),
        "recurring.cancel_title": (
            "毎週{weekdays}の繰り返し登録を終了し、今日以降の予定を取り消しますか？",
            "End the weekly plan for {weekdays} and cancel its entries from today?",
        ),
        "recurring.cancel_all": (
            "すべての",
            "all days",
        ),
        "recurring.cancelled": (
            "繰り返し登録を{plans}件終了し、予定を{entries}件取り消しました。",
            "Ended {plans} weekly plan(s) and cancelled {entries} entries.",
        ),
        "recurring.none": (
            "終了する繰り返し登録はありません。",
            "There is no weekly plan to end.",
        ),
        "recurring.cancel_gave_up": (
            "どの曜日の繰り返し登録を終了するのか読み取れませんでした。曜日を入れてもう一度お送りください（例：毎週水曜のテレワークをやめる）。何も終了していません。",
            "I could not tell which weekly plan to end. Please send it again with the weekday (e.g. stop my WFH every Wednesday). Nothing was ended.",
        ),
        # 在宅勤務命令 (issue 18): the chief's order stands until the chief changes it.
        "declare.ordered_kept": (
            "課室長の命令による在宅勤務の日は、ご自身では取り消し・変更できません"
            "（休暇は登録できます）。課室長にご相談ください。",
            "Days your section chief ordered you to work from home cannot be cancelled or "
            "changed by you (you can still take leave). Please ask your chief.",
        ),
    }
)
