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
            "実行 {run}：{job}（{at}）{state}",
            "Run {run}: {job} ({at}) {state}",
        ),
        "deliveries.failures": (
            "最近の失敗と理由",
            "Latest failures and why",
        ),
        "deliveries.failure": (
            "{at} {kind}（{who}）：{reason}（{status}）",
            "{at} {kind} ({who}): {reason} ({status})",
        ),
        "deliveries.http": ("HTTP {status}", "HTTP {status}"),
        "deliveries.no_answer": ("応答なし", "no answer"),
        "deliveries.someone": ("名簿にない宛先", "a recipient not on the roster"),
        "deliveries.job.team-meetings": (
            "チーム会議（日程調整・招待）",
            "team meetings (polls, invitations)",
        ),
        "deliveries.job.approvals-reminder": ("承認待ちのお知らせ", "pending approvals reminder"),
        "deliveries.job.campaigns-daily": ("キャンペーン配信", "campaign messages"),
        "deliveries.job.nudges-daily": ("テレワーク目標のお知らせ", "telework target nudges"),
        "deliveries.job.digest-weekly": ("週間まとめ", "weekly digest"),
        "deliveries.kind.approval_request": ("承認の依頼", "approval request"),
        "deliveries.kind.approval_decision": ("承認結果", "approval decision"),
        "deliveries.kind.approvals_reminder": ("承認待ちのお知らせ", "pending approvals reminder"),
        "deliveries.kind.nudge": ("目標のお知らせ", "target nudge"),
        "deliveries.kind.digest": ("週間まとめ", "weekly digest"),
        "deliveries.kind.campaign_announcement": (
            "キャンペーンのお知らせ",
            "campaign announcement",
        ),
        "deliveries.kind.campaign_reminder": ("キャンペーンのリマインド", "campaign reminder"),
        "deliveries.kind.meeting_poll": ("会議の日程調整", "meeting poll"),
        "deliveries.kind.meeting_poll_reminder": ("日程調整のリマインド", "meeting poll reminder"),
        "deliveries.kind.meeting_invitation": ("会議の招待", "meeting invitation"),
        "deliveries.kind.meeting_cancellation": ("会議の中止", "meeting cancellation"),
        "deliveries.kind.meeting_start_reminder": ("会議開始のお知らせ", "meeting start reminder"),
        "deliveries.kind.meeting_lead_note": (
            "会議の主催者へのお知らせ",
            "note to the meeting lead",
        ),
        "deliveries.kind.team_day_proposal": ("出勤日の提案", "team day proposal"),
        "deliveries.reason.terminal_closed": (
            "ターミナルのチャットが開いていません（ボットと同じプロセスで動く `telework-bot dev` の"
            "チャットにだけ届きます）",
            "the terminal chat is not open (only a chat started by `telework-bot dev`, in the "
            "bot's process, receives them)",
        ),
        "deliveries.reason.refused_address": (
            "送信先のアドレス（serviceUrl）が許可されていません（TELEWORK_SERVICE_URL_HOSTS）",
            "the address (serviceUrl) is not allowed (TELEWORK_SERVICE_URL_HOSTS)",
        ),
        "deliveries.reason.token": (
            "ボットの資格情報が拒否されました（アプリIDとパスワードを確認してください）",
            "the bot's credentials were refused (check the app id and password)",
        ),
        "deliveries.reason.unreachable": (
            "Teams の接続先に接続できませんでした（ネットワーク）",
            "could not connect to Teams (network)",
        ),
        "deliveries.reason.timeout": (
            "Teams から時間内に応答がありませんでした",
            "Teams did not answer in time",
        ),
        "deliveries.reason.unauthorized": (
            "Teams がボットの認証を拒否しました",
            "Teams refused the bot's authentication",
        ),
        "deliveries.reason.forbidden": (
            "Teams が拒否しました（ボットがブロック・削除されたか、このテナントで許可されていません）",
            "Teams refused it (the bot was blocked or removed, or is not allowed in this tenant)",
        ),
        "deliveries.reason.not_found": (
            "会話が見つかりません（ボットが削除されたか、一度も話していません）",
            "the conversation was not found (the bot was removed, or they never talked to it)",
        ),
        "deliveries.reason.too_large": (
            "メッセージが大きすぎます",
            "the message is too large",
        ),
        "deliveries.reason.rejected": (
            "Teams がメッセージを受け付けませんでした",
            "Teams did not accept the message",
        ),
        "deliveries.reason.throttled": (
            "Teams の送信制限により送れませんでした",
            "Teams kept throttling the bot",
        ),
        "deliveries.reason.server": (
            "Teams 側のエラーが続きました",
            "Teams kept answering with server errors",
        ),
        "deliveries.reason.other": (
            "原因不明のエラーです",
            "an unexplained error",
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
