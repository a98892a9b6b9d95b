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
    }
)
