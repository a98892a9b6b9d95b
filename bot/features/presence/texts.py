"""Presence reports: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "presence.report_start": (
            "業務開始を記録しました（{time}）。",
            "Start of work recorded ({time}).",
        ),
        "presence.report_end": (
            "業務終了を記録しました（{time}）。お疲れさまでした。",
            "End of work recorded ({time}). Thank you for today.",
        ),
        "presence.away": (
            "離席を記録しました（{time}）。",
            "Away recorded ({time}).",
        ),
        "presence.back": (
            "再開を記録しました（{time}）。",
            "Back recorded ({time}).",
        ),
        "presence.meeting": (
            "会議中を記録しました（{time}）。",
            "In a meeting recorded ({time}).",
        ),
    }
)
