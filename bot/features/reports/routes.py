"""The report card: admins see the ministry, section chiefs their section."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, route
from bot.features.reports.card import report_card
from domain.org import Role

REPORT = Words(
    words={
        "ja": ("レポート", "実施状況レポート", "実施状況"),
        "en": ("report", "telework report"),
    },
    title={"ja": "レポート", "en": "report"},
    description={
        "ja": "事務局・課室長：テレワーク実施状況のレポートを表示します",
        "en": "Admins and section chiefs: the telework report",
    },
    example={
        "ja": "レポート（または「レポート 7月」「レポート 2025」）",
        "en": 'report (or "report 2025")',
    },
)

ROUTES = (
    route(
        "report",
        report_card,
        NoPayload,
        roles=(Role.ADMIN, Role.SECTION_CHIEF),
        denied="report.not_allowed",
        words=REPORT,
    ),
)
INTENTS = ()
