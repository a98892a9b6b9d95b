"""在宅勤務等手当: every sentence, Japanese (polite です/ます) and English side by side."""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "allowance.title": ("在宅勤務等手当の状況（{month}）", "Telework allowance ({month})"),
        "allowance.place": ("在宅勤務等の場所：{place}", "Where you telework from: {place}"),
        "allowance.place_ask": (
            "在宅勤務等を行う場所の区分を一度だけ教えてください（変更も可能です）。",
            "Please tell us once where you telework from (you can change it later).",
        ),
        "allowance.place_label": ("場所の区分", "Place"),
        "allowance.place_save": ("保存", "Save"),
        "allowance.place_change": ("場所を変更", "Change place"),
        "allowance.place_saved": (
            "在宅勤務等の場所を「{place}」として記録しました（{since}から）。",
            "Recorded your telework place as “{place}” (from {since}).",
        ),
        "allowance.place.home": ("自宅", "Home"),
        "allowance.place.family_home": (
            "配偶者・二親等以内の親族の住居",
            "Home of a spouse or a relative within the second degree",
        ),
        "allowance.place.paid_lodging": (
            "自己負担の宿泊施設等",
            "Lodging you pay for",
        ),
        "allowance.place.approved": ("各省各庁の長が認める場所", "A place the ministry approved"),
        "allowance.place.other": (
            "その他（サテライトオフィス等）",
            "Other (e.g. a satellite office)",
        ),
        "allowance.place.none": ("未登録", "not recorded"),
        "allowance.days": (
            "今月の終日在宅勤務（命令による）：{days}日",
            "Whole days ordered and worked from an eligible place this month: {days}",
        ),
        "allowance.window": (
            "{months}の平均：{average}日／月",
            "Average over {months}: {average} a month",
        ),
        "allowance.window_month": ("{month} {days}日", "{month} {days}"),
        "allowance.answer.yes": ("支給対象です", "Eligible"),
        "allowance.answer.borderline": (
            "支給対象です（基準に近いため、ご注意ください）",
            "Eligible, but close to the threshold",
        ),
        "allowance.answer.no": ("支給対象外です", "Not eligible"),
        "allowance.reason.no_order": (
            "在宅勤務の命令がありません。",
            "No order to work from home is in force.",
        ),
        "allowance.reason.before_period": (
            "対象期間は命令の翌月（{start}）から始まります。",
            "The period starts the month after the order ({start}).",
        ),
        "allowance.reason.above": (
            "平均{average}日が基準（月{threshold}日超）を上回っています。",
            "The average of {average} is above the threshold (more than {threshold} a month).",
        ),
        "allowance.reason.just_above": (
            "平均{average}日が基準（月{threshold}日超）をわずかに上回っています。",
            "The average of {average} is just above the threshold (more than {threshold}).",
        ),
        "allowance.reason.below": (
            "平均{average}日が基準（月{threshold}日超）に達していません。",
            "The average of {average} is not above the threshold (more than {threshold}).",
        ),
        "allowance.orders": ("在宅勤務の命令：", "Orders to work from home:"),
        "allowance.order_line": ("{start}〜{until} {pattern}", "{start} to {until} {pattern}"),
        "allowance.privacy": (
            "この情報はご本人、課室長と事務局のみが確認できます。",
            "Only you, your section chief and the secretariat can see this.",
        ),
        "allowance.disabled": (
            "在宅勤務等手当の確認はポリシーで無効になっています。",
            "The telework allowance check is turned off in the policy.",
        ),
        # orders (命令)
        "order.form_title": ("在宅勤務の命令", "Order to work from home"),
        "order.person": ("職員", "Staff member"),
        "order.from": ("開始日", "From"),
        "order.until": ("終了日", "Until"),
        "order.weekdays": ("曜日（毎週）", "Weekdays (every week)"),
        "order.days": (
            "個別の日（例：12/7 12/8）",
            "Specific days (e.g. 12/7 12/8)",
        ),
        "order.submit": ("命令する", "Order"),
        "order.made": (
            "{name}さんに在宅勤務を命じました：{start}〜{until} {pattern}（{count}日）。"
            "ご本人の予定に表示されます。",
            "Ordered {name} to work from home: {start} to {until} {pattern} ({count} days). "
            "It shows on their schedule.",
        ),
        "order.no_days": (
            "命令の対象となる勤務日がありません（本日以降の勤務日を指定してください）。",
            "No working day from today on matches the order.",
        ),
        "order.bad_days": (
            "個別の日「{value}」を読み取れませんでした（例：12/7 12/8）。",
            "Could not read the specific days “{value}” (e.g. 12/7 12/8).",
        ),
        "order.too_long": (
            "命令の期間は1年以内にしてください。",
            "An order can run for at most a year.",
        ),
        "order.not_yours": (
            "ご自身の課室の職員にのみ命令できます。",
            "You can order only staff of your own section.",
        ),
        "order.none": ("有効な命令はありません。", "No order is in force."),
        "order.list_title": ("在宅勤務の命令（{section}）", "Orders to work from home ({section})"),
        "order.cancel": ("取り消す", "Cancel"),
        "order.cancelled": (
            "命令を取り消しました（本日以降の{count}日分の予定を取り消しました）。",
            "Order cancelled ({count} days from today on removed from the schedule).",
        ),
        "order.denied": (
            "在宅勤務の命令は課室長と事務局のみ行えます。",
            "Only section chiefs and the secretariat can order work from home.",
        ),
        "order.notice_made": (
            "{chief}さんから在宅勤務を命じられました：{start}〜{until} {pattern}（{count}日）。"
            "予定に登録済みです（休暇は通常どおり登録できます）。",
            "{chief} has ordered you to work from home: {start} to {until} {pattern} "
            "({count} days). The days are on your schedule (you can still take leave).",
        ),
        "order.notice_cancelled": (
            "{chief}さんが在宅勤務の命令（{start}〜{until} {pattern}）を取り消しました。"
            "本日以降の{count}日分の予定を取り消しました。",
            "{chief} has cancelled the order to work from home ({start} to {until} "
            "{pattern}); {count} days from today on are off your schedule.",
        ),
        "deliveries.kind.allowance_order": ("在宅勤務の命令", "order to work from home"),
        "order.every": ("毎週{days}", "every {days}"),
        "order.and_days": ("個別日 {days}", "on {days}"),
    }
)
