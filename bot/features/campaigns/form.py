"""The campaign form (chat card and CLI share it): parsing, validation, the preview with
audience sizes and rendered samples in both languages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.features.campaigns.cards import section_name, template_values
from bot.features.campaigns.jobs import audience_of
from bot.ui.cards import heading, paragraph
from bot.ui.texts import LANGS, Lang, template, text
from domain.calendar import WorkCalendar
from domain.campaigns import (
    MESSAGE_KEYS,
    PLACEHOLDERS,
    Campaign,
    CampaignError,
    CampaignKind,
    Timeline,
    render,
    validate,
)
from domain.org import OrgChart, OrgUnit, StaffMember, UnitKind
from domain.policy import Policy

DEFAULTS = {
    "ja": {k: template("ja", f"campaign.default.{k}") for k in MESSAGE_KEYS},
    "en": {k: template("en", f"campaign.default.{k}") for k in MESSAGE_KEYS},
}
FORM_FIELDS = ("name", "kind", "start", "end", "audience", "rule_units", "announce_days")


def codes(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value if str(v).strip())
    return tuple(p for p in str(value or "").split(",") if p.strip())


def campaign_from_form(data: Mapping[str, Any], today: date, actor: str) -> Campaign:
    """A validated campaign from the form's (or the CLI's) values; ``CampaignError`` lists
    every problem."""
    problems = []
    start = end = today
    kind = CampaignKind.ADHOC
    announce = 7
    try:
        start = date.fromisoformat(str(data.get("start", "")))
    except ValueError:
        problems.append("start: not a date (YYYY-MM-DD)")
    try:
        end = date.fromisoformat(str(data.get("end", "")))
    except ValueError:
        problems.append("end: not a date (YYYY-MM-DD)")
    try:
        kind = CampaignKind(str(data.get("kind") or CampaignKind.ADHOC.value))
    except ValueError:
        problems.append(f"kind: one of {', '.join(k.value for k in CampaignKind)}")
    try:
        announce = int(str(data.get("announce_days") or 7))
    except ValueError:
        problems.append("announce_days: a whole number of days")
    if problems:  # the messages name the field, never a Python exception's text
        raise CampaignError("; ".join(problems))
    messages: dict[str, dict[str, str]] = {
        key: {lang: str(data.get(f"{key}_{lang}") or DEFAULTS[lang][key]) for lang in LANGS}
        for key in MESSAGE_KEYS
    }
    weekdays = ("mon",) if kind is CampaignKind.TELEWORK_MONTH else Campaign.reminder_weekdays
    campaign = Campaign(
        name=str(data.get("name", "")).strip()[:255],
        kind=kind,
        start=start,
        end=end,
        messages=messages,
        audience=codes(data.get("audience")),
        rule_units=codes(data.get("rule_units")),
        announce_days_before=announce,
        reminder_weekdays=codes(data.get("reminder_weekdays")) or weekdays,
        mandatory=str(data.get("mandatory", "false")).lower() == "true",
        created_by=actor,
    )
    return validate(campaign, today)


@dataclass(frozen=True)
class Preview:
    """What an admin checks before creating: sizes and rendered samples in both languages."""

    audience: int
    eligible: int
    chiefs: int
    sections: int
    samples: dict[tuple[Lang, str], str]


def build_preview(
    campaign: Campaign,
    staff: Mapping[str, StaffMember],
    chart: OrgChart,
    policy: Policy,
    calendar: WorkCalendar,
) -> Preview:
    audience = audience_of(campaign, staff, chart, policy, campaign.start)
    timeline = Timeline.of(campaign, calendar)
    sample = next(iter(audience.eligible.values()), None)
    samples: dict[tuple[Lang, str], str] = {}
    for lang in LANGS:
        section = audience.section_of.get(sample.employee_id) if sample else None
        values = template_values(
            campaign,
            timeline,
            lang,
            name=sample.name if sample else "—",
            section=section_name(chart, section, lang) if section else "",
            designated=list(timeline.days[2:3]),
        )
        for key in MESSAGE_KEYS:
            samples[(lang, key)] = render(campaign.messages[key][lang], values)
    return Preview(
        audience=len(audience.members),
        eligible=len(audience.eligible),
        chiefs=sum(len(c) for c in audience.chiefs.values()),
        sections=len(audience.sections),
        samples=samples,
    )


def bureaus(chart: OrgChart, staff: Mapping[str, StaffMember]) -> list[OrgUnit]:
    """The 局・部 above the units people belong to (the audience choices)."""
    found: dict[str, OrgUnit] = {}
    for unit_code in {m.org_unit for m in staff.values() if m.org_unit in chart}:
        unit = chart.unit(unit_code)
        while unit.parent is not None and unit.kind is not UnitKind.BUREAU:
            unit = chart.unit(unit.parent)
        if unit.kind is UnitKind.BUREAU:
            found[unit.code] = unit
    return [found[c] for c in sorted(found)]


def form_items(lang: Lang, bureaus: list[dict[str, str]]) -> list[dict[str, Any]]:
    def field(kind: str, id_: str, label: str, **extra: Any) -> dict[str, Any]:
        return {"type": kind, "id": id_, "label": text(lang, label), **extra}

    kinds = [
        {"title": text(lang, f"campaign.kind.{k.value}"), "value": k.value} for k in CampaignKind
    ]
    items = [
        heading(text(lang, "campaign.form.title")),
        field("Input.Text", "name", "campaign.form.name", maxLength=100, isRequired=True),
        field(
            "Input.ChoiceSet", "kind", "campaign.form.kind", choices=kinds, value="telework_week"
        ),
        field("Input.Date", "start", "campaign.form.start", isRequired=True),
        field("Input.Date", "end", "campaign.form.end", isRequired=True),
        field(
            "Input.ChoiceSet",
            "audience",
            "campaign.form.audience",
            choices=bureaus,
            isMultiSelect=True,
        ),
        field(
            "Input.ChoiceSet",
            "rule_units",
            "campaign.form.rule_units",
            choices=bureaus,
            isMultiSelect=True,
        ),
        field(
            "Input.Number", "announce_days", "campaign.form.announce_days", value=7, min=0, max=60
        ),
        {
            "type": "Input.Toggle",
            "id": "mandatory",
            "title": text(lang, "campaign.form.mandatory"),
            "valueOn": "true",
            "valueOff": "false",
            "value": "false",
        },
    ]
    for key in MESSAGE_KEYS:
        for message_lang in LANGS:
            items.append(
                {
                    "type": "Input.Text",
                    "id": f"{key}_{message_lang}",
                    "isMultiline": True,
                    "label": text(
                        lang,
                        "campaign.form.template",
                        message=text(lang, f"campaign.form.message.{key}"),
                        language=text(lang, f"campaign.form.language.{message_lang}"),
                    ),
                    "value": DEFAULTS[message_lang][key],
                    "maxLength": 2000,
                }
            )
    placeholders = " ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS))
    items.append(
        paragraph(text(lang, "campaign.form.placeholders", placeholders=placeholders), subtle=True)
    )
    return items
