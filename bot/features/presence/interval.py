"""「インターバル」: how many 業務開始 in the chief's section came sooner than the policy's
勤務間インターバル after the previous day's 業務終了 — this month and last month.

Counts only, never names: the person concerned was told at the time, and only they see their
own case; the chief (or an admin) sees the section's number.
"""

from __future__ import annotations

from datetime import time, timedelta

from bot.core.turn import Reply, Turn
from bot.ui.cards import card, heading, paragraph
from bot.ui.formatting import period_label, plain
from bot.ui.texts import text
from domain.org import can_manage_section, sections_of
from domain.periods import PeriodKind, period_for
from domain.worktime import PresenceHistory, cases_by_section, interval_cases


async def section_intervals(turn: Turn, _payload: object) -> Reply:
    """The chief's card: the section's interval cases per month (counts only)."""
    viewer = await turn.staff()
    lang = turn.lang
    if viewer.section is None or not can_manage_section(viewer, viewer.section):
        return Reply(text=text(lang, "interval.denied"))
    services = turn.services
    rules = services.policy.worktime
    calendar = services.calendar
    today = services.today()
    this_month = period_for(PeriodKind.MONTH, today, calendar)
    last_month = period_for(PeriodKind.MONTH, this_month.start - timedelta(days=1), calendar)
    chart = await turn.chart()
    staff = await services.directory.staff()
    section_of = sections_of(staff, chart)
    members = [e for e, s in section_of.items() if s == viewer.section]
    history = services.get(PresenceHistory)  # type: ignore[type-abstract]
    # A day earlier than the months: a start on the 1st is measured from the day before.
    reports = await history.presence_reports(
        calendar.at(last_month.start - timedelta(days=1), time(0, 0)),
        calendar.at(today + timedelta(days=1), time(0, 0)),
        members,
    )
    cases = interval_cases(reports, rules, calendar.tz)
    lines = []
    for month in (this_month, last_month):
        in_month = [c for c in cases if month.start <= c.day <= month.end]
        count = cases_by_section(in_month, section_of).get(viewer.section, 0)
        lines.append(text(lang, "interval.month", period=period_label(month, lang), count=count))
    body = [
        heading(text(lang, "interval.title", section=plain(chart.unit(viewer.section).name))),
        paragraph(text(lang, "interval.rule", interval=f"{rules.interval_hours:g}")),
        *(paragraph(line) for line in lines),
        paragraph(text(lang, "interval.privacy"), subtle=True),
    ]
    if not rules.interval_check:
        body.insert(1, paragraph(text(lang, "interval.off"), subtle=True))
    return Reply(card=card(body))
