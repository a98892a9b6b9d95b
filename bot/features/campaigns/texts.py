"""Campaigns: the list, the form and preview, designations, the messages sent: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "campaign.form.template": ("{message}の文面（{language}）", "{message} text ({language})"),
        "campaign.form.message.announcement": ("お知らせ", "Announcement"),
        "campaign.form.message.reminder": ("リマインド", "Reminder"),
        "campaign.form.language.ja": ("日本語", "Japanese"),
        "campaign.form.language.en": ("英語", "English"),
        "campaign.default.announcement": (
            "{name}さん、{campaign}（{start}〜{end}、{days}日間）を実施します。期間中のテレワークをご検討ください。{designated}",
            "{name}, {campaign} runs from {start} to {end} ({days} working days). Please plan some telework in that period. {designated}",
        ),
        "campaign.default.reminder": (
            "{name}さん、本日は{campaign}の期間中です（{end}まで）。まだテレワークの予定がありません。{designated}",
            "{name}, {campaign} is on until {end} and you have no telework planned yet. {designated}",
        ),
        "campaign.designated_line": (
            "課室の指定日：{days}",
            "Your section's designated days: {days}",
        ),
        "campaign.declare_button": (
            "{day}にテレワーク",
            "Telework on {day}",
        ),
        "campaign.designate.title": (
            "{campaign}：課室のテレワーク日の指定",
            "{campaign}: your section's telework days",
        ),
        "campaign.designate.body": (
            "{section}で一斉にテレワークする日を選んでください（複数可）。",
            "Choose the day(s) {section} teleworks together (several allowed).",
        ),
        "campaign.designate.submit": (
            "指定する",
            "Designate",
        ),
        "campaign.designate.done": (
            "{section}の指定日を登録しました：{days}",
            "Designated days for {section}: {days}",
        ),
        "campaign.designate.none": (
            "指定日を解除しました。",
            "Designated days cleared.",
        ),
        "campaign.designate.denied": (
            "指定日は課室長（または事務局）のみ登録できます。",
            "Only the section chief (or the secretariat) can designate days.",
        ),
        "campaign.designate.gone": (
            "このキャンペーンは終了したか、取り消されています。",
            "This campaign has ended or was cancelled.",
        ),
        "campaign.midweek.title": (
            "{campaign}：テレワーク実施者がまだいません",
            "{campaign}: no teleworker yet",
        ),
        "campaign.midweek.body": (
            "{section}では、{campaign}の期間中（{end}まで）にテレワークの予定がある職員がまだいません。",
            "Nobody in {section} has telework planned during {campaign} (until {end}) yet.",
        ),
        "campaign.results.title": (
            "{campaign}の結果（{start}〜{end}）",
            "{campaign}: results ({start} to {end})",
        ),
        "campaign.results.line": (
            "{section}：{participants}/{headcount}人（{rate}）{rule}",
            "{section}: {participants}/{headcount} ({rate}){rule}",
        ),
        "campaign.results.total": (
            "全体：{participants}/{headcount}人（{rate}）、1人以上ルール未達成の課室 {missed}",
            "All: {participants}/{headcount} ({rate}); sections missing the one-teleworker rule: {missed}",
        ),
        "campaign.results.rule_met": (
            "・1人以上 達成",
            " · rule met",
        ),
        "campaign.results.rule_missed": (
            "・1人以上 未達成",
            " · rule missed",
        ),
        "campaign.results.more": (
            "ほか{count}課室（CLIの一覧をご覧ください）",
            "and {count} more sections (see the CLI listing)",
        ),
        "campaign.kind.telework_week": (
            "テレワークウィーク",
            "Telework Week",
        ),
        "campaign.kind.telework_month": (
            "テレワーク月間",
            "Telework Month",
        ),
        "campaign.kind.adhoc": (
            "キャンペーン",
            "Campaign",
        ),
        "campaign.denied": (
            "キャンペーンの作成・取消は事務局（管理者）のみ行えます。",
            "Only the secretariat (admins) can create or cancel campaigns.",
        ),
        "campaign.list.title": (
            "キャンペーン",
            "Campaigns",
        ),
        "campaign.list.none": (
            "予定されているキャンペーンはありません。",
            "No campaigns are planned.",
        ),
        "campaign.list.line": (
            "{id}. {name}（{start}〜{end}）{state}",
            "{id}. {name} ({start} to {end}){state}",
        ),
        "campaign.state.cancelled": (
            "［取消済］",
            " [cancelled]",
        ),
        "campaign.form.title": (
            "キャンペーンの作成",
            "Create a campaign",
        ),
        "campaign.form.name": (
            "名称",
            "Name",
        ),
        "campaign.form.kind": (
            "種類",
            "Kind",
        ),
        "campaign.form.start": (
            "開始日",
            "Start",
        ),
        "campaign.form.end": (
            "終了日",
            "End",
        ),
        "campaign.form.audience": (
            "対象（未選択は全職員）",
            "Audience (none chosen: everyone)",
        ),
        "campaign.form.rule_units": (
            "「各課室1人以上」ルールの部局",
            'Departments following "one teleworker per section"',
        ),
        "campaign.form.announce_days": (
            "何日前に告知するか",
            "Announce this many days before",
        ),
        "campaign.form.mandatory": (
            "通知停止中の職員にも送る（必須のお知らせ）",
            "Also send to people who paused reminders (mandatory notice)",
        ),
        "campaign.form.placeholders": (
            "差し込み：{placeholders}",
            "Placeholders: {placeholders}",
        ),
        "campaign.form.submit": (
            "プレビュー",
            "Preview",
        ),
        "campaign.preview.title": (
            "プレビュー：{name}",
            "Preview: {name}",
        ),
        "campaign.preview.audience": (
            "対象 {audience}人（うち案内対象 {eligible}人）・課室長 {chiefs}人・課室 {sections}",
            "Audience {audience} ({eligible} to be reminded) · {chiefs} chiefs · {sections} sections",
        ),
        "campaign.preview.sample": (
            "見本（{language}・{message}）：{text}",
            "Sample ({language}, {message}): {text}",
        ),
        "campaign.preview.create": (
            "作成する",
            "Create",
        ),
        "campaign.preview.invalid": (
            "作成できません：{problems}",
            "Cannot create it: {problems}",
        ),
        "campaign.created": (
            "キャンペーン「{name}」を作成しました（番号 {id}）。告知は{announce}に送られます。",
            'Campaign "{name}" created (number {id}). The announcement goes out on {announce}.',
        ),
        "campaign.cancel.ask": (
            "キャンペーン「{name}」を取り消しますか？未送信のお知らせは送られなくなります（送信済みのものはそのままです）。",
            'Cancel campaign "{name}"? Messages not yet sent will not be sent (those already sent stay).',
        ),
        "campaign.cancel.button": (
            "取り消す",
            "Cancel it",
        ),
        "campaign.cancel.done": (
            "キャンペーン「{name}」を取り消しました（未送信のお知らせ {count}件を取り消し）。",
            'Campaign "{name}" cancelled ({count} unsent messages cancelled).',
        ),
        "campaign.cancel.gone": (
            "このキャンペーンは見つからないか、すでに取り消されています。",
            "This campaign does not exist or is already cancelled.",
        ),
    }
)
