"""「レポート」/"report": the telework report as a chat card with its monthly chart.

Admins see the whole organisation; section chiefs see their own section (and what is under
it); nobody else gets a report. Per-person lists never go to chat. ``レポート 2025`` asks for
a fiscal year, ``レポート 7月`` for a month of the current fiscal year.
"""

from __future__ import annotations

import asyncio
import base64
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.core.turn import Reply, Turn
from bot.features.reports.tables import heading_lines, month_label, period_text, scope_text
from bot.ui.cards import Card, card, heading, paragraph
from bot.ui.eras import fiscal_year_of_era
from bot.ui.formatting import plain, short_date
from bot.ui.texts import Lang, text
from domain.calendar import WorkCalendar
from domain.campaigns import telework_week_in
from domain.ports import CampaignList
from domain.report_model import ReportRange, ReportRequest, Scope
from domain.report_rows import Report, ReportSource
from domain.report_rules import RulesSource, read_rules_inputs
from domain.reports import build_report

_YEAR = re.compile(r"^(?:fy)?(\d{4})(?:年度)?$")
_ERA_YEAR = re.compile(r"^(令和|平成|昭和|大正)(\d{1,2}|元)年度$")
_MONTH = re.compile(r"^(\d{1,2})月$")
MAX_IMAGE_BYTES = 1_000_000


async def report_card(turn: Turn, _payload: object) -> Reply:
    """The command handler 「レポート」/"report"."""
    return await report_reply(turn, turn.services.reports)


async def report_reply(turn: Turn, source: ReportSource) -> Reply:
    """The report card for whoever asks, read through ``source``."""
    lang = turn.lang
    viewer = await turn.staff()  # an admin or a section chief (the route says so)
    unit: str | None = None
    if not viewer.is_admin:
        if viewer.section is None:
            return Reply(text=text(lang, "report.no_section"))
        unit = viewer.section
    services = turn.services
    today = services.today()
    chosen = _range(turn.argument, services.calendar, today)
    if chosen is None:
        return Reply(text=text(lang, "report.bad_argument", argument=plain(turn.argument)))
    request = ReportRequest(
        chosen,
        Scope.ALL,
        unit,
        today,
        await telework_week(services.campaigns, chosen.fiscal_year, services.calendar),
        generated_at=services.now().astimezone(services.calendar.tz),
    )
    previous_start, _ = services.calendar.fiscal_year_range(chosen.fiscal_year - 1)
    inputs = await source.report_inputs(
        previous_start - timedelta(days=7), chosen.end + timedelta(days=7)
    )
    rules_source = services.find(RulesSource)  # type: ignore[type-abstract]
    rules = None
    if rules_source is not None:
        rules = await read_rules_inputs(
            rules_source, chosen.start, chosen.end, request.reference_day, services.policy
        )
    # The counting and the chart are CPU work: keep the event loop free for other turns.
    report = await asyncio.to_thread(
        build_report, request, inputs, services.policy, services.calendar, rules
    )
    image = await asyncio.to_thread(_chart, report, lang)
    return Reply(card=summary_card(report, lang, image))


async def telework_week(
    campaigns: CampaignList, fiscal_year: int, calendar: WorkCalendar
) -> tuple[date, date] | None:
    """The fiscal year's Telework Week campaign; None when none was held (the report says
    「実施なし」 rather than counting a week nobody announced)."""
    first, last = calendar.fiscal_year_range(fiscal_year)
    return telework_week_in(await campaigns.all(include_cancelled=False), first, last)


def _range(argument: str, calendar: WorkCalendar, today: date) -> ReportRange | None:
    value = unicodedata.normalize("NFKC", argument).strip().lower().replace(" ", "")
    fiscal_year = calendar.fiscal_year(today)
    if not value:
        return ReportRange.fiscal_year_of(fiscal_year, calendar)
    if match := _YEAR.match(value):
        return ReportRange.fiscal_year_of(int(match[1]), calendar)
    if match := _ERA_YEAR.match(value):
        year = fiscal_year_of_era(match[1], 1 if match[2] == "元" else int(match[2]))
        return None if year is None else ReportRange.fiscal_year_of(year, calendar)
    if (match := _MONTH.match(value)) and 1 <= int(match[1]) <= 12:
        month = int(match[1])
        year = fiscal_year if month >= calendar.fiscal_year_start_month else fiscal_year + 1
        return ReportRange.month_of(year, month, calendar)
    return None


def _chart(report: Report, lang: Lang) -> bytes:
    from bot.features.reports.charts import monthly_png

    return monthly_png(report, lang)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _rules_facts(report: Report, lang: Lang) -> list[str]:
    """The 2026 rules in one or two lines: the allowance-eligible headcount of the last
    month counted, and the interval warnings of the months counted (counts only)."""
    figures = report.rules
    if figures is None or figures.counted == 0:
        return []
    last = figures.counted - 1
    facts = []
    if figures.allowance:
        eligible = figures.total("eligible", last) or 0
        month = month_label(figures.months[last], lang)
        facts.append(text(lang, "report.card.allowance", count=eligible, month=month))
    if figures.interval:
        warnings = sum(figures.total("warnings", i) or 0 for i in range(figures.counted))
        facts.append(text(lang, "report.card.interval", count=warnings))
    return facts


def summary_card(report: Report, lang: Lang, image: bytes | None = None) -> Card:
    """The chat summary: rates, person-days, the previous year, targets, Telework Week,
    the chart (a data: URL) and the denominator and time produced."""
    body = report.current
    total, before = body.overview[-1].tally, report.previous.overview[-1].tally
    facts: list[str] = [
        text(
            lang,
            "report.card.rate",
            rate=_pct(total.rate),
            implementers=f"{total.implementers:,}",
            headcount=f"{total.headcount:,}",
        ),
        text(
            lang,
            "report.card.rate_eligible",
            rate=_pct(total.rate_eligible),
            eligible=f"{total.eligible:,}",
        ),
        text(
            lang,
            "report.card.days",
            days=f"{total.person_days:,.1f}",
            full=f"{total.full_days:,}",
            half=f"{total.half_days:,}",
            per="—" if total.days_per_implementer is None else f"{total.days_per_implementer:.2f}",
        ),
    ]
    complete = body.complete_months
    average = total.once_a_month_average(complete)
    if average is not None:
        facts.append(text(lang, "report.card.once_a_month", rate=_pct(average), months=complete))
    if total.rate is not None and before.rate is not None:
        change = (total.rate - before.rate) * 100
        points = f"{change:+.1f}" + ("ポイント" if lang == "ja" else " points")
        facts.append(text(lang, "report.card.previous", rate=_pct(before.rate), change=points))
    lines = []
    for cid, category in report.categories:
        tally = total.categories[cid]
        rate = text(lang, "report.suppressed") if tally.suppressed else _pct(tally.rate)
        lines.append(text(lang, "report.card.target_line", category=category.name(lang), rate=rate))
    facts.append(
        text(
            lang,
            "report.card.targets",
            lines="、".join(lines) if lang == "ja" else "; ".join(lines),
        )
    )
    if body.telework_week is not None:
        week = body.telework_week
        facts.append(
            text(lang, "report.card.week", met=week.sections_met, sections=len(week.sections))
        )
    elif report.request.telework_week is None:
        facts.append(text(lang, "report.card.week_not_held"))
    facts += _rules_facts(report, lang)
    blocks: list[dict[str, Any]] = [
        heading(text(lang, "report.card.title", period=period_text(body, lang))),
        paragraph(
            text(
                lang,
                "report.card.scope",
                scope=plain(scope_text(report, lang)),
                day=short_date(body.reference_day, lang),
            ),
            subtle=True,
        ),
        *(paragraph(f"・{fact}" if lang == "ja" else f"• {fact}") for fact in facts),
    ]
    if image and len(image) <= MAX_IMAGE_BYTES:
        blocks.append(
            {
                "type": "Image",
                "url": "data:image/png;base64," + base64.b64encode(image).decode("ascii"),
                "altText": text(lang, "report.card.chart_alt"),
            }
        )
    generated = report.request.generated_at or datetime.now(UTC)
    lines_of_heading = heading_lines(report, lang, generated)
    blocks.append(paragraph(f"{lines_of_heading[4]} {lines_of_heading[5]}", subtle=True))
    blocks.append(paragraph(lines_of_heading[6], subtle=True))
    return card(blocks)
