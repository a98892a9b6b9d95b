"""Every user-facing sentence, in Japanese and English: one home per language.

Japanese uses polite です/ます. Keys are stable identifiers; :func:`text` formats them.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["ja", "en"]
LANGS: Final[tuple[Lang, ...]] = ("ja", "en")

JA: Final[dict[str, str]] = {
    "welcome.title": "テレワーク・ボットへようこそ",
    "welcome.personal": (
        "テレワークの予定登録、業務開始・終了の報告、目標の進捗確認をチャットで行えます。"
        "「ヘルプ」と入力すると使い方を表示します。"
    ),
    "welcome.team": (
        "このチームにテレワーク・ボットが追加されました。"
        "メンションして「ヘルプ」と送ると使い方を表示します。"
    ),
    "help.title": "使い方",
    "help.intro": "次のように話しかけてください。",
    "help.example": "例: {example}",
    "help.button": "ヘルプを表示",
    "unknown.text": "申し訳ありません、「{text}」は理解できませんでした。",
    "unknown.did_you_mean": "もしかして「{suggestion}」ですか？",
    "unknown.empty": "メッセージが空でした。",
    "unknown.action": "このボタンの操作には対応していません。「ヘルプ」で使い方を確認できます。",
    "scope.personal_only": (
        "この内容には個人の予定や目標などの情報が含まれるため、"
        "ボットとの1対1のチャットでのみお答えしています。"
        "お手数ですが、ボットとの個人チャットでもう一度お試しください。"
    ),
    "message.too_long": (
        "メッセージが長すぎるため読み取れませんでした（{limit}文字まで）。"
        "短くしてもう一度お送りください。"
    ),
    "turn.rate_limited": (
        "短い間に多くのメッセージを受け取ったため、しばらく応答を控えています。"
        "1分ほどおいてから、もう一度お試しください。"
    ),
    "language.set": "表示言語を日本語に設定しました。",
    "language.ask": "表示言語を選んでください（「言語 日本語」または「language English」）。",
    "error.incident": (
        "申し訳ありません、処理中に問題が発生しました。お手数ですが、もう一度お試しください。"
        "（問い合わせ番号: {incident}）"
    ),
    "tenant.refused": "この組織からは利用できません。",
}

EN: Final[dict[str, str]] = {
    "welcome.title": "Welcome to telework-bot",
    "welcome.personal": (
        "Declare telework days, report the start and end of work, and check your progress "
        'against your telework target, all from chat. Type "help" to see how.'
    ),
    "welcome.team": (
        'telework-bot has been added to this team. Mention it and say "help" to see how to use it.'
    ),
    "help.title": "How to use telework-bot",
    "help.intro": "You can say things like:",
    "help.example": "e.g. {example}",
    "help.button": "Show help",
    "unknown.text": 'Sorry, I did not understand "{text}".',
    "unknown.did_you_mean": 'Did you mean "{suggestion}"?',
    "unknown.empty": "Your message was empty.",
    "unknown.action": 'That button is not supported. Type "help" to see what I can do.',
    "scope.personal_only": (
        "I answer that only in a one-to-one chat with me, because it can include personal "
        "information such as schedules and targets. Please open a chat with me and ask there."
    ),
    "message.too_long": (
        "Your message is too long for me to read (up to {limit} characters). "
        "Please send a shorter one."
    ),
    "turn.rate_limited": (
        "I received many messages from you in a short time, so I am pausing for a moment. "
        "Please wait a minute and try again."
    ),
    "language.set": "I will answer in English from now on.",
    "language.ask": 'Choose a language: "language English" or 「言語 日本語」.',
    "error.incident": (
        "Sorry, something went wrong on my side. Please try again. (Incident {incident})"
    ),
    "tenant.refused": "This organisation is not allowed to use this bot.",
}

CATALOGUE: Final[dict[Lang, dict[str, str]]] = {"ja": JA, "en": EN}


def add_texts(ja: dict[str, str], en: dict[str, str]) -> None:
    """Add a feature's sentences (both languages, same keys) to the catalogue."""
    if set(ja) != set(en):
        raise ValueError(f"ja/en keys differ: {sorted(set(ja) ^ set(en))}")
    clash = set(ja) & set(JA)
    if clash:
        raise ValueError(f"text keys defined twice: {sorted(clash)}")
    JA.update(ja)
    EN.update(en)


def text(lang: Lang, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang``, with ``values`` filled in."""
    return CATALOGUE[lang][key].format(**values)


JA.update(
    {
        "roster.unknown": (
            "申し訳ありません。職員名簿であなたを確認できませんでした。"
            "テレワークの登録には名簿への登録が必要です。"
            "お手数ですが、テレワーク推進担当（事務局）にお問い合わせください。"
        ),
        "progress.title": "テレワーク目標の進捗（{date}現在）",
        "progress.target": "{category}：{period}に{needed}回以上",
        "progress.done": "実施 {done}回（予定 {planned}回）・あと{remaining}回",
        "progress.met": "達成しました（実施 {done}回）。",
        "progress.on_track": "順調です。次の目安：{next}までにあと1回",
        "progress.behind": "目標に遅れています。期限：{deadline}",
        "progress.due_today": "本日が目安の期限です（あと{remaining}回）。",
        "progress.none.exempt": "担当業務（{reason}）のため、テレワークの目標はありません。",
        "progress.none.conditional": (
            "条件付採用期間中のため、{until}まではテレワークの対象外です。"
        ),
        "progress.none.inactive": "在職中の職員として登録されていません。",
        "progress.none.no_category": "あなたに適用されるテレワーク目標はありません。",
        "exempt.diet_work": "国会業務",
        "exempt.counter_service": "窓口業務",
        "exempt.other": "テレワークになじまない業務",
    }
)

EN.update(
    {
        "roster.unknown": (
            "Sorry, I could not find you in the staff roster, which telework declarations need. "
            "Please ask the telework secretariat to add you."
        ),
        "progress.title": "Your telework targets (as of {date})",
        "progress.target": "{category}: at least {needed} in {period}",
        "progress.done": "Done {done} (planned {planned}) · {remaining} to go",
        "progress.met": "Met ({done} done).",
        "progress.on_track": "On track. Next milestone: one more by {next}",
        "progress.behind": "Behind target. Deadline: {deadline}",
        "progress.due_today": "Today is the milestone ({remaining} to go).",
        "progress.none.exempt": "Your work ({reason}) has no telework target.",
        "progress.none.conditional": (
            "You are in your conditional appointment period; telework starts after {until}."
        ),
        "progress.none.inactive": "You are not registered as active staff.",
        "progress.none.no_category": "No telework target applies to you.",
        "exempt.diet_work": "Diet work",
        "exempt.counter_service": "counter service",
        "exempt.other": "work unsuited to telework",
    }
)

JA.update(
    {
        "declare.confirm_title": "以下の内容で登録しますか？",
        "declare.saved_title": "登録しました",
        "declare.pending_note": "課室長の承認待ちです。承認されるとお知らせします。",
        "declare.already": "すでに登録済みです：{lines}",
        "declare.nothing": "登録する予定がありません。",
        "declare.dismissed": "登録を取りやめました。",
        "declare.changed": "予定が変わっていたため、もう一度ご確認ください。",
        "declare.button.confirm": "登録する",
        "declare.button.change": "変更する",
        "declare.button.dismiss": "取りやめる",
        "declare.badge.approval": "承認が必要",
        "declare.badge.late": "申請期限後",
        "declare.badge.retroactive": "事後登録",
        "declare.badge.closed": "⚠ {closure}のため閉庁日です",
        "declare.badge.replaces": "「{old}」を置き換えます",
        "declare.badge.already": "登録済み",
        "refusal.not_eligible": "{day}：条件付採用期間中のため、テレワークは{since}から可能です",
        "refusal.too_far_back": "{day}：{days}営業日より前の日は登録できません",
        "refusal.too_far_ahead": "{day}：先の日付すぎるため登録できません",
        "refusal.invalid": "{day}：内容を確認できないため登録できません",
        "refusal.inactive": "在職中の職員として登録されていないため、登録できません",
        "refusal.too_many": "{day}以降：一度に登録できるのは31日までです。続きは改めてお送りください",
        "question.which_day": "いつですか？（例：明日、12/3、来週の月・水）",
        "form.title": "テレワーク等の予定登録",
        "form.date": "日付",
        "form.part": "時間帯",
        "form.status": "区分",
        "form.note": "メモ（任意）",
        "form.submit": "確認へ進む",
        "form.button": "フォームで登録",
        "cancel.confirm_title": "以下の予定を取り消しますか？",
        "cancel.done": "取り消しました：{lines}",
        "cancel.none": "取り消す予定が見つかりませんでした。",
        "cancel.button.confirm": "取り消す",
        "cancel.button.keep": "残す",
        "cancel.kept": "予定はそのままです。",
        "presence.report_start": "業務開始を記録しました（{time}）。",
        "presence.report_end": "業務終了を記録しました（{time}）。お疲れさまでした。",
        "presence.away": "離席を記録しました（{time}）。",
        "presence.back": "再開を記録しました（{time}）。",
        "presence.meeting": "会議中を記録しました（{time}）。",
    }
)

EN.update(
    {
        "declare.confirm_title": "Shall I save this?",
        "declare.saved_title": "Saved",
        "declare.pending_note": "Waiting for your section chief's approval; I will tell you.",
        "declare.already": "Already declared: {lines}",
        "declare.nothing": "There is nothing to save.",
        "declare.dismissed": "Nothing was saved.",
        "declare.changed": "Your schedule changed in the meantime; please check again.",
        "declare.button.confirm": "Save",
        "declare.button.change": "Change",
        "declare.button.dismiss": "Cancel",
        "declare.badge.approval": "needs approval",
        "declare.badge.late": "after the deadline",
        "declare.badge.retroactive": "after the fact",
        "declare.badge.closed": "⚠ offices are closed ({closure})",
        "declare.badge.replaces": 'replaces "{old}"',
        "declare.badge.already": "already declared",
        "refusal.not_eligible": "{day}: telework is possible from {since} (conditional appointment)",
        "refusal.too_far_back": "{day}: days more than {days} working days ago cannot be declared",
        "refusal.too_far_ahead": "{day}: that is too far ahead",
        "refusal.invalid": "{day}: this could not be read, so nothing was saved",
        "refusal.inactive": "You are not registered as active staff, so nothing was saved",
        "refusal.too_many": "{day} onwards: at most 31 days at a time; please send the rest separately",
        "question.which_day": "Which day? (e.g. tomorrow, 12/3, Mon and Wed next week)",
        "form.title": "Declare telework or another status",
        "form.date": "Date",
        "form.part": "Part of the day",
        "form.status": "Status",
        "form.note": "Note (optional)",
        "form.submit": "Review",
        "form.button": "Use the form",
        "cancel.confirm_title": "Cancel these entries?",
        "cancel.done": "Cancelled: {lines}",
        "cancel.none": "I found nothing to cancel.",
        "cancel.button.confirm": "Cancel them",
        "cancel.button.keep": "Keep",
        "cancel.kept": "Nothing was changed.",
        "presence.report_start": "Start of work recorded ({time}).",
        "presence.report_end": "End of work recorded ({time}). Thank you for today.",
        "presence.away": "Away recorded ({time}).",
        "presence.back": "Back recorded ({time}).",
        "presence.meeting": "In a meeting recorded ({time}).",
    }
)

JA.update(
    {
        "board.title": "{section}の予定（{date}）",
        "board.group.telework": "テレワーク",
        "board.group.office": "出勤",
        "board.group.leave": "休暇",
        "board.group.business_trip": "出張",
        "board.group.none": "未登録",
        "board.nobody": "（なし）",
        "board.no_section": "所属の課室が名簿にないため、ボードを表示できません。",
        "presence.label.start": "業務中",
        "presence.label.end": "業務終了",
        "presence.label.away": "離席中",
        "presence.label.back": "業務中",
        "presence.label.meeting": "会議中",
        "person.not_found": "「{name}」さんは見つかりませんでした（ご自分の課室の職員のみ検索できます）。",
        "person.many": "「{name}」に当てはまる方が複数います：{names}。フルネームで教えてください。",
        "person.title": "{name}さんの予定（{date}）",
        "person.nothing": "登録された予定はありません。",
        "schedule.title": "今後2週間のあなたの予定",
        "schedule.nothing": "今後2週間の予定は登録されていません。",
        "stats.title": "{section}の実施状況（{period}）",
        "stats.body": "職員 {headcount}人のうち {people}人がテレワークを実施（{rate}）、延べ {days}人日",
        "stats.denied": "この情報は、課室の職員・課室長・事務局のみ閲覧できます。",
        "pending.state": "承認待ち",
    }
)

EN.update(
    {
        "board.title": "{section} on {date}",
        "board.group.telework": "Telework",
        "board.group.office": "In the office",
        "board.group.leave": "On leave",
        "board.group.business_trip": "Business trip",
        "board.group.none": "Nothing declared",
        "board.nobody": "(nobody)",
        "board.no_section": "Your section is not in the roster, so I cannot show a board.",
        "presence.label.start": "working",
        "presence.label.end": "signed off",
        "presence.label.away": "away",
        "presence.label.back": "working",
        "presence.label.meeting": "in a meeting",
        "person.not_found": 'I could not find "{name}" (you can look up people of your own section).',
        "person.many": 'Several people match "{name}": {names}. Please give the full name.',
        "person.title": "{name} on {date}",
        "person.nothing": "Nothing declared.",
        "schedule.title": "Your next two weeks",
        "schedule.nothing": "Nothing declared for the next two weeks.",
        "stats.title": "{section}: telework in {period}",
        "stats.body": "{people} of {headcount} staff teleworked ({rate}), {days} person-days in all",
        "stats.denied": "Only the section's staff, its chief and the secretariat can see this.",
        "pending.state": "awaiting approval",
    }
)

JA.update(
    {
        "recurring.title": "毎週{weekdays} {part} {status}を登録しますか？（{start}〜{until}）",
        "recurring.skipped": "次の日は除外します：{days}",
        "recurring.saved": "毎週{weekdays}の予定を{count}日分登録しました（{until}まで）。",
        "recurring.nothing": "登録できる日がありませんでした。",
        "recurring.cancel_title": "毎週{weekdays}の繰り返し登録を終了し、今日以降の予定を取り消しますか？",
        "recurring.cancel_all": "すべての",
        "recurring.cancelled": "繰り返し登録を{plans}件終了し、予定を{entries}件取り消しました。",
        "recurring.none": "終了する繰り返し登録はありません。",
    }
)
EN.update(
    {
        "recurring.title": "Save {status} every {weekdays} ({part}) from {start} to {until}?",
        "recurring.skipped": "These days are left out: {days}",
        "recurring.saved": "Saved {count} days every {weekdays} (until {until}).",
        "recurring.nothing": "There is no day to save.",
        "recurring.cancel_title": "End the weekly plan for {weekdays} and cancel its entries from today?",
        "recurring.cancel_all": "all days",
        "recurring.cancelled": "Ended {plans} weekly plan(s) and cancelled {entries} entries.",
        "recurring.none": "There is no weekly plan to end.",
    }
)

JA.update(
    {
        "approvals.title": "承認待ちの申請（{section}）",
        "approvals.none": "承認待ちの申請はありません。",
        "approvals.denied": "承認は課室長（または事務局）のみ行えます。",
        "approvals.line": "{name}：{entry}",
        "approvals.comment": "コメント（任意）",
        "approvals.approve": "承認",
        "approvals.reject": "差し戻し",
        "approvals.approved": "{name}さんの「{entry}」を承認しました。",
        "approvals.rejected": "{name}さんの「{entry}」を差し戻しました。",
        "approvals.gone": "この申請はすでに処理済みか、取り消されています。",
    }
)
EN.update(
    {
        "approvals.title": "Requests awaiting approval ({section})",
        "approvals.none": "No requests are awaiting approval.",
        "approvals.denied": "Only section chiefs (and the secretariat) can approve.",
        "approvals.line": "{name}: {entry}",
        "approvals.comment": "Comment (optional)",
        "approvals.approve": "Approve",
        "approvals.reject": "Reject",
        "approvals.approved": 'Approved {name}\'s "{entry}".',
        "approvals.rejected": 'Rejected {name}\'s "{entry}".',
        "approvals.gone": "This request was already decided or cancelled.",
    }
)

JA.update(
    {
        "notify.request_title": "テレワークの承認依頼",
        "notify.request_body": "{name}さんから申請がありました：{entry}",
        "notify.approved": "テレワークの申請が承認されました：{entry}",
        "notify.rejected": "テレワークの申請が差し戻されました：{entry}",
        "notify.comment": "コメント：{comment}",
    }
)
EN.update(
    {
        "notify.request_title": "Telework approval request",
        "notify.request_body": "{name} asks to telework: {entry}",
        "notify.approved": "Your telework request was approved: {entry}",
        "notify.rejected": "Your telework request was not approved: {entry}",
        "notify.comment": "Comment: {comment}",
    }
)

JA.update(
    {
        "deliveries.title": "配信状況（{scope}）",
        "deliveries.scope_all": "すべて",
        "deliveries.scope_run": "実行 {run}",
        "deliveries.counts": "送信済 {sent}・未送信 {pending}・送信中 {sending}・失敗 {failed}・不明 {unknown}・取消 {cancelled}（計 {total}）",
        "deliveries.run": "実行 {run}：{job}（{period}）{state}",
        "deliveries.done": "完了",
        "deliveries.running": "配信準備中",
        "deliveries.denied": "配信状況は事務局（管理者）のみ確認できます。",
    }
)
EN.update(
    {
        "deliveries.title": "Deliveries ({scope})",
        "deliveries.scope_all": "all",
        "deliveries.scope_run": "run {run}",
        "deliveries.counts": "sent {sent} · pending {pending} · sending {sending} · failed {failed} · unknown {unknown} · cancelled {cancelled} (total {total})",
        "deliveries.run": "Run {run}: {job} ({period}) {state}",
        "deliveries.done": "done",
        "deliveries.running": "fanning out",
        "deliveries.denied": "Only the secretariat (admins) can see deliveries.",
    }
)

JA.update(
    {
        "reminder.approvals": "承認待ちの申請が{count}件あります。",
        "reminder.approvals_button": "承認待ちを表示",
    }
)
EN.update(
    {
        "reminder.approvals": "{count} request(s) are waiting for your approval.",
        "reminder.approvals_button": "Show requests",
    }
)
