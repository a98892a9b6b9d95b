"""The deliveries card: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "deliveries.title": (
            "配信状況（{scope}）",
            "Deliveries ({scope})",
        ),
        "deliveries.scope_all": (
            "すべて",
            "all",
        ),
        "deliveries.scope_run": (
            "実行 {run}",
            "run {run}",
        ),
        "deliveries.counts": (
            "送信済 {sent}・未送信 {pending}・送信中 {sending}・失敗 {failed}・不明 {unknown}・取消 {cancelled}（計 {total}）",
            "sent {sent} · pending {pending} · sending {sending} · failed {failed} · unknown {unknown} · cancelled {cancelled} (total {total})",
        ),
        "deliveries.run": (
            "実行 {run}：{job}（{period}）{state}",
            "Run {run}: {job} ({period}) {state}",
        ),
        "deliveries.done": (
            "完了",
            "done",
        ),
        "deliveries.running": (
            "配信準備中",
            "fanning out",
        ),
        "deliveries.denied": (
            "配信状況は事務局（管理者）のみ確認できます。",
            "Only the secretariat (admins) can see deliveries.",
        ),
        "deliveries.unreachable_title": (
            "届かない職員（{count}名）",
            "Staff the bot cannot reach ({count})",
        ),
        "deliveries.unreachable_none": (
            "在職中の職員全員に、ボットから個別にメッセージを届けられます。",
            "The bot can message every active staff member 1:1.",
        ),
        "deliveries.unreachable_line": (
            "{name}（{employee_id}・{unit}）：{reason}",
            "{name} ({employee_id}, {unit}): {reason}",
        ),
        "deliveries.unreachable_more": (
            "ほか {count}名（全員は `telework-bot teams unreachable` で表示できます）",
            "and {count} more (`telework-bot teams unreachable` lists everyone)",
        ),
        "deliveries.unreachable_fix": (
            "アプリ未導入の方は `telework-bot teams install` またはアプリのセットアップ ポリシーで導入できます。導入済みで会話がない方には、アプリを一度開くよう依頼してください。",
            "Install the app for those without it (`telework-bot teams install` or an app setup policy); ask those who have it but no chat to open it once.",
        ),
        "deliveries.reason.not_in_teams": (
            "アプリ未導入（Teams からの連絡なし）",
            "app not installed (never reached the bot)",
        ),
        "deliveries.reason.no_conversation": (
            "ボットとの個別チャットなし",
            "no 1:1 chat with the bot",
        ),
        "deliveries.reason.uninstalled": (
            "アプリを削除済み",
            "removed the app",
        ),
        "deliveries.reason.refused": (
            "直近のメッセージを Teams が拒否",
            "Teams refused the last message",
        ),
    }
)
