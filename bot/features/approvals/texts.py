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
        "reminder.approvals_button": (
            "承認待ちを表示",
            "Show requests",
        ),
    }
)
