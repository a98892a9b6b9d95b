"""Campaigns from chat: admins create (form → preview → create), list and cancel; section
chiefs designate their section's day(s) from the card the campaign job sent them.

Card data is never trusted: every button re-checks the role and re-validates the campaign.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import ConfigDict, Field, StrictInt, model_validator

from bot.core.reminders import ReminderServices
from bot.core.router import Payload
from bot.core.turn import Reply, Turn
from bot.features.campaigns.cards import campaign_name, section_name
from bot.features.campaigns.form import (
    build_preview,
    bureaus,
    campaign_from_form,
    codes,
    form_items,
)
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.texts import text
from domain.campaigns import CampaignError, Timeline
from domain.org import can_manage_section

Typed = Annotated[str, Field(max_length=2000)]


class CampaignForm(Payload):
    """The campaign form's inputs (and the preview's Create button, which carries them on).
    Every value is text a person typed or picked; ``campaign_from_form`` checks them all and
    names each bad field. Besides the named fields the form has one text per message and
    language (``announce_ja``, …), kept as extra fields."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: Typed = ""
    kind: Typed = ""
    start: Typed = ""
    end: Typed = ""
    audience: Typed | list[Typed] = ""
    rule_units: Typed | list[Typed] = ""
    announce_days: Typed | StrictInt = ""
    mandatory: Typed = "false"

    @model_validator(mode="after")
    def _texts(self) -> CampaignForm:
        extra = self.model_extra or {}
        for key, value in extra.items():
            if key in ("command", "verb"):
                continue
            if not isinstance(value, str) or len(value) > 2000 or len(key) > 64:
                raise ValueError(f"{key[:64]}: text of at most 2000 characters")
        return self

    def values(self) -> dict[str, Any]:
        """Every field, as ``campaign_from_form`` reads them."""
        extra = {k: v for k, v in (self.model_extra or {}).items() if k not in ("command", "verb")}
        return {**self.model_dump(exclude=set(self.model_extra or ())), **extra}


class CampaignRef(Payload):
    campaign_id: StrictInt


class Designation(CampaignRef):
    """A chief's pick of the section's campaign days (dates joined by commas)."""

    section: Typed = ""
    days: Typed | list[Typed] = ""


def _repositories(turn: Turn) -> ReminderServices:
    return turn.services.get(ReminderServices)


async def menu(turn: Turn, _payload: object) -> Reply:
    """The campaign list; for admins also the creation form and cancel buttons."""
    viewer = await turn.staff()
    lang, today = turn.lang, turn.services.today()
    upcoming = [c for c in await _repositories(turn).campaigns.all() if c.end >= today]
    body = [heading(text(lang, "campaign.list.title"))]
    for c in upcoming:
        state = text(lang, "campaign.state.cancelled") if c.cancelled else ""
        start, end = short_date(c.start, lang), short_date(c.end, lang)
        line = text(
            lang,
            "campaign.list.line",
            id=c.id,
            name=plain(c.name),
            start=start,
            end=end,
            state=state,
        )
        body.append(paragraph(line))
    if not upcoming:
        body.append(paragraph(text(lang, "campaign.list.none")))
    if not viewer.is_admin:
        return Reply(card=card(body))
    staff = await turn.services.directory.staff(active_only=True)
    units = bureaus(await turn.chart(), staff)
    choices = [{"title": u.name, "value": u.code} for u in units]
    body += form_items(lang, choices)
    actions = [execute(text(lang, "campaign.form.submit"), "campaign_preview")]
    actions += [
        execute(
            f"{text(lang, 'campaign.cancel.button')} {c.id}",
            "campaign_cancel",
            campaign_id=c.id,
        )
        for c in upcoming
        if not c.cancelled
    ][:4]
    return Reply(card=card(body, actions))


async def preview(turn: Turn, payload: CampaignForm) -> Reply:
    viewer = await turn.staff()
    lang, core = turn.lang, turn.services
    try:
        campaign = campaign_from_form(payload.values(), core.today(), viewer.member.employee_id)
    except CampaignError as exc:
        return Reply(text=text(lang, "campaign.preview.invalid", problems=plain(exc)))
    staff = await core.directory.staff(active_only=True)
    shown = build_preview(campaign, staff, await turn.chart(), core.policy, core.calendar)
    body = [
        heading(text(lang, "campaign.preview.title", name=plain(campaign.name))),
        paragraph(
            text(
                lang,
                "campaign.preview.audience",
                audience=shown.audience,
                eligible=shown.eligible,
                chiefs=shown.chiefs,
                sections=shown.sections,
            )
        ),
    ]
    for (sample_lang, key), rendered in shown.samples.items():
        body.append(
            paragraph(
                text(
                    lang,
                    "campaign.preview.sample",
                    language=sample_lang,
                    message=key,
                    text=rendered,
                ),
                subtle=True,
            )
        )
    data = payload.values()
    return Reply(
        card=card(body, [execute(text(lang, "campaign.preview.create"), "campaign_create", **data)])
    )


async def create(turn: Turn, payload: CampaignForm) -> Reply:
    viewer = await turn.staff()
    lang, core = turn.lang, turn.services
    try:
        campaign = campaign_from_form(payload.values(), core.today(), viewer.member.employee_id)
    except CampaignError as exc:
        return Reply(text=text(lang, "campaign.preview.invalid", problems=plain(exc)))
    created = await _repositories(turn).campaigns.create(campaign, actor=viewer.member.employee_id)
    announce = Timeline.of(created, core.calendar).announce_on
    reply = text(
        lang,
        "campaign.created",
        name=plain(created.name),
        id=created.id,
        announce=short_date(announce, lang),
    )
    return Reply(card=card([paragraph(reply)]))


async def ask_cancel(turn: Turn, payload: CampaignRef) -> Reply:
    campaign = await _repositories(turn).campaigns.get(payload.campaign_id)
    if campaign is None or campaign.cancelled:
        return Reply(text=text(turn.lang, "campaign.cancel.gone"))
    ask = text(turn.lang, "campaign.cancel.ask", name=plain(campaign.name))
    button = execute(
        text(turn.lang, "campaign.cancel.button"),
        "campaign_cancel_confirm",
        campaign_id=campaign.id,
    )
    return Reply(card=card([paragraph(ask)], [button]))


async def cancel(turn: Turn, payload: CampaignRef) -> Reply:
    viewer = await turn.staff()
    campaign = await _repositories(turn).campaigns.get(payload.campaign_id)
    count = None
    if campaign is not None and campaign.id is not None:
        actor = viewer.member.employee_id
        count = await _repositories(turn).campaigns.cancel(
            campaign.id, actor=actor, now=turn.services.now()
        )
    if campaign is None or count is None:
        return Reply(text=text(turn.lang, "campaign.cancel.gone"))
    done = text(turn.lang, "campaign.cancel.done", name=plain(campaign.name), count=count)
    return Reply(card=card([paragraph(done)]))


async def designate(turn: Turn, payload: Designation) -> Reply:
    """A chief's designation card comes back: check the role, keep only campaign days."""
    viewer = await turn.staff()
    lang, core = turn.lang, turn.services
    section = payload.section
    if not section or not can_manage_section(viewer, section):
        return Reply(text=text(lang, "campaign.designate.denied"))
    campaign = await _repositories(turn).campaigns.get(payload.campaign_id)
    if campaign is None or campaign.id is None or campaign.cancelled or campaign.end < core.today():
        return Reply(text=text(lang, "campaign.designate.gone"))
    allowed = set(Timeline.of(campaign, core.calendar).days)
    days = sorted({d for d in (_day(v) for v in codes(payload.days)) if d in allowed})
    await _repositories(turn).campaigns.designate(
        campaign.id, section, days, actor=viewer.member.employee_id
    )
    if not days:
        return Reply(card=card([paragraph(text(lang, "campaign.designate.none"))]))
    chart = await turn.chart()
    label = section_name(chart, section, lang) if section in chart else section
    shown = "、".join(short_date(d, lang) for d in days)
    title = campaign_name(campaign, lang)
    return Reply(
        card=card(
            [
                heading(plain(title)),
                paragraph(text(lang, "campaign.designate.done", section=plain(label), days=shown)),
            ]
        )
    )


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None
