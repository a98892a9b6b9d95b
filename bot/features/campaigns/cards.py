"""The cards of a campaign: the announcement and reminder (admin templates, rendered safely),
the chiefs' designation request and mid-week nudge, and the results."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.ui.cards import card, declare_button, execute, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.messages import card_message
from bot.ui.texts import Lang, text
from domain.campaigns import Campaign, SectionResult, Timeline, render
from domain.org import OrgChart

MAX_RESULT_LINES = 40


def section_name(chart: OrgChart, code: str, lang: Lang) -> str:
    unit = chart.unit(code)
    return unit.name_en if lang == "en" and unit.name_en else unit.name


def campaign_name(campaign: Campaign, lang: Lang) -> str:
    return campaign.name or text(lang, f"campaign.kind.{campaign.kind.value}")


def template_values(
    campaign: Campaign,
    timeline: Timeline,
    lang: Lang,
    *,
    name: str,
    section: str,
    designated: list[date],
) -> dict[str, str]:
    """The values placeholders may use: plain strings only (see ``domain.campaigns.render``),
    names made inert (the template is the admin's own Markdown, the names are not)."""
    days = "、".join(short_date(d, lang) for d in designated)
    return {
        "name": plain(name),
        "campaign": plain(campaign_name(campaign, lang)),
        "start": short_date(campaign.start, lang),
        "end": short_date(campaign.end, lang),
        "days": str(len(timeline.days)),
        "section": plain(section),
        "designated": text(lang, "campaign.designated_line", days=days) if designated else "",
    }


def staff_card(
    campaign: Campaign, lang: Lang, template: str, values: dict[str, str], day: date
) -> dict[str, Any]:
    """An announcement or a reminder: the admin's text and a one-tap declare for ``day``."""
    title = campaign_name(campaign, lang)
    button = text(lang, "campaign.declare_button", day=short_date(day, lang))
    content = card(
        [heading(plain(title)), paragraph(render(template, values))], [declare_button(button, day)]
    )
    return card_message(content, title)


def designation_card(
    campaign: Campaign, timeline: Timeline, lang: Lang, section: str, section_label: str
) -> dict[str, Any]:
    """A chief picks the section's telework day(s) among the campaign's working days."""
    name = campaign_name(campaign, lang)
    choices = [{"title": short_date(d, lang), "value": d.isoformat()} for d in timeline.days]
    content = card(
        [
            heading(text(lang, "campaign.designate.title", campaign=plain(name))),
            paragraph(text(lang, "campaign.designate.body", section=plain(section_label))),
            {
                "type": "Input.ChoiceSet",
                "id": "days",
                "isMultiSelect": True,
                "style": "expanded",
                "choices": choices,
            },
        ],
        [
            execute(
                text(lang, "campaign.designate.submit"),
                "campaign_designate",
                campaign_id=campaign.id,
                section=section,
            )
        ],
    )
    return card_message(content, name)


def midweek_card(campaign: Campaign, lang: Lang, section_label: str) -> dict[str, Any]:
    name = campaign_name(campaign, lang)
    body = text(
        lang,
        "campaign.midweek.body",
        section=plain(section_label),
        campaign=plain(name),
        end=short_date(campaign.end, lang),
    )
    title = text(lang, "campaign.midweek.title", campaign=plain(name))
    summary = text(lang, "campaign.midweek.title", campaign=name)
    return card_message(card([heading(title), paragraph(body)]), summary)


def results_card(
    campaign: Campaign, chart: OrgChart, lang: Lang, results: list[SectionResult], *, total: bool
) -> dict[str, Any]:
    """Participants, rate and the one-teleworker rule per section; ``total`` adds the whole."""
    name = campaign_name(campaign, lang)
    start, end = short_date(campaign.start, lang), short_date(campaign.end, lang)
    title = text(lang, "campaign.results.title", campaign=plain(name), start=start, end=end)
    lines = [heading(title)]
    if total:
        heads = sum(r.headcount for r in results)
        participants = sum(r.participants for r in results)
        missed = sum(1 for r in results if r.rule_met is False)
        summary = text(
            lang,
            "campaign.results.total",
            participants=participants,
            headcount=heads,
            rate=f"{participants / heads:.0%}" if heads else "-",
            missed=missed,
        )
        lines.append(paragraph(summary))
    rule_text = {True: "campaign.results.rule_met", False: "campaign.results.rule_missed"}
    for result in results[:MAX_RESULT_LINES]:
        met = result.rule_met
        line = text(
            lang,
            "campaign.results.line",
            section=plain(section_name(chart, result.section, lang)),
            participants=result.participants,
            headcount=result.headcount,
            rate=f"{result.rate:.0%}",
            rule=text(lang, rule_text[met]) if met is not None else "",
        )
        lines.append(paragraph(line))
    if len(results) > MAX_RESULT_LINES:
        more = len(results) - MAX_RESULT_LINES
        lines.append(paragraph(text(lang, "campaign.results.more", count=more), subtle=True))
    return card_message(card(lines), name)
