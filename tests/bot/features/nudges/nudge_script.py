"""Campaign messages used by the reminder tests (admin templates with placeholders)."""

from __future__ import annotations

CAMPAIGN_MESSAGES = {
    "announcement": {
        "ja": "{name}さん、{campaign}（{start}〜{end}）を実施します。{designated}",
        "en": "{name}, {campaign} runs from {start} to {end}. {designated}",
    },
    "reminder": {
        "ja": "{name}さん、{campaign}の期間中です（{end}まで）。{designated}",
        "en": "{name}, {campaign} is on until {end}. {designated}",
    },
}
