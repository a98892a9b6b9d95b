"""Approvals: the chief's list, the request and decision messages, the morning reminder: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "approvals.title": (
            "承認待ちの申請（{section}）",
            "Requests awaiting approval ({section})",
        ),
        "approvals.none": (
            "承認待ちの申請はありません。",
            "No requests are awaiting approval.",
        ),
        "approvals.denied": (
            "承認は課室長（または事務局）のみ行えます。",
            "Only section chiefs (and the secretariat) can approve.",
        ),
        "approvals.line": (
            "{name}：{entry}",
            "{name}: {entry}",
        ),
        "approvals.comment": (
            "コメント（任意）",
            "Comment (optional)",
        ),
        "approvals.ask_reason": (
            "{name}さんの「{entry}」を差し戻す理由を送ってください。申請者にお伝えします（理由なしの場合は「なし」、やめる場合は「やめる」）。",
            'Please send the reason for returning {name}\'s request ({entry}); I will pass it on ("none" for no reason, "never mind" to leave it).',
        ),
        "approvals.approve": (
            "承認",
            "Approve",
        ),
        "approvals.reject": (
            "差し戻し",
            "Reject",
        ),
        "approvals.approved": (
            "{name}さんの「{entry}」を承認しました。",
            'Approved {name}\'s "{entry}".',
        ),
        "approvals.rejected": (
            "{name}さんの「{entry}」を差し戻しました。",
            'Rejected {name}\'s "{entry}".',
        ),
        "approvals.gone": (
            "この申請はすでに処理済みか、取り消されています。",
            "This request was already decided or cancelled.",
        ),
        "notify.request_days": (
            "{name}さんから{count}日分の申請がありました：",
            "{name} asks to telework on {count} days:",
        ),
        "notify.day_state": (
            "{entry}：{state}",
            "{entry}: {state}",
        ),
        "approvals.state.confirmed": ("承認済み", "approved"),
        "approvals.state.rejected": ("差し戻し済み", "rejected"),
        "approvals.state.cancelled": ("取り消し済み", "cancelled"),
        "approvals.state.pending": ("承認待ち", "awaiting approval"),
        "approvals.approve_all": ("すべて承認（{count}日）", "Approve all ({count} days)"),
        "approvals.reject_all": ("すべて差し戻し", "Reject all"),
        "approvals.one_by_one": ("1日ずつ", "Day by day"),
        "approvals.closed": (
            "この申請は処理済みです。",
            "This request has been decided.",
        ),
        "approvals.approved_days": (
            "{name}さんの{count}日分（{days}）を承認しました。",
            "Approved {name}'s {count} days ({days}).",
        ),
        "approvals.rejected_days": (
            "{name}さんの{count}日分（{days}）を差し戻しました。",
            "Rejected {name}'s {count} days ({days}).",
        ),
        "approvals.person_title": (
            "{name}さんの承認待ち（{count}日）",
            "{name}: {count} days awaiting approval",
        ),
        "notify.decided_days": (
            "テレワークの申請（{count}日分）が{decision}：",
            "Your telework request ({count} days) was {decision}:",
        ),
        "notify.decision.approved": ("承認されました", "approved"),
        "notify.decision.rejected": ("差し戻されました", "not approved"),
        "notify.request_title": (
            "テレワークの承認依頼",
            "Telework approval request",
        ),
        "notify.request_body": (
            "{name}さんから申請がありました：{entry}",
            "{name} asks to telework: {entry}",
        ),
        "notify.approved": (
            "テレワークの申請が承認されました：{entry}",
            "Your telework request was approved: {entry}",
        ),
        "notify.rejected": (
            "テレワークの申請が差し戻されました：{entry}",
            "Your telework request was not approved: {entry}",
        ),
        "notify.comment": (
            "コメント：{comment}",
            "Comment: {comment}",
        ),
        "reminder.approvals": (
            "承認待ちの申請が{count}件あります。",
            "{count} request(s) are waiting for your approval.",
        ),
        "reminder.approvals_past": (
            "うち{count}件は過去の日付です（{days}）。承認されるまで実績に数えられません。",
            "{count} of them are for days already past ({days}); they do not count until approved.",
        ),
        "reminder.approvals_more": (
            "ほか{count}日",
            " and {count} more days",
        ),
        "approvals.past": (
            "（過去の日付）",
            " (a past day)",
        ),
        "reminder.approvals_button": (
            "承認待ちを表示",
            "Show requests",
        ),
    }
)
