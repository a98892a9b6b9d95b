"""Campaigns from chat: admins create (form → preview → create), list and cancel; section
chiefs designate their section's day(s) from the card the campaign job sent them.

Card data is never trusted: every button re-checks the role and re-validates the campaign.
"""

from __future__ import annotations

from datetime import date

from bot.campaign_cards import campaign_name, section_name
from bot.campaign_form import build_preview, bureaus, campaign_from_form, codes, form_items
from bot.cards import card, execute, heading, paragraph
from bot.context import Handler, Reply, Turn
from bot.formatting import plain, short_date
from bot.nudges import ReminderServices
from bot.texts import text
from domain.campaigns import Campaign, CampaignError, Timeline
from domain.org import can_manage_section


class CampaignChat:
    """Chat handlers for campaigns (closures over the repositories)."""

    def __init__(self, services: ReminderServices) -> None:
        self._services = services

    def handlers(self) -> dict[str, Handler]:
        return {
            "campaign": self.menu,
            "campaign_preview": self.preview,
            "campaign_create": self.create,
            "campaign_cancel": self.ask_cancel,
            "campaign_cancel_confirm": self.cancel,
            "campaign_designate": self.designate,
        }

    async def menu(self, turn: Turn) -> Reply:
        """The campaign list; for admins also the creation form and cancel buttons."""
        viewer = await turn.staff()
        lang, today = turn.lang, turn.features.today()
        upcoming = [c for c in await self._services.campaigns.all() if c.end >= today]
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
        staff = await turn.features.directory.staff(active_only=True)
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

    async def preview(self, turn: Turn) -> Reply:
        viewer = await turn.viewer()
        if viewer is None or not viewer.is_admin:
            return Reply(text=text(turn.lang, "campaign.denied"))
        lang, features = turn.lang, turn.features
        try:
            campaign = campaign_from_form(turn.data, features.today(), viewer.member.employee_id)
        except CampaignError as exc:
            return Reply(text=text(lang, "campaign.preview.invalid", problems=plain(exc)))
        staff = await features.directory.staff(active_only=True)
        shown = build_preview(
            campaign, staff, await turn.chart(), features.policy, features.calendar
        )
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
        data = {k: turn.data.get(k) for k in turn.data if k != "command"}
        return Reply(
            card=card(
                body, [execute(text(lang, "campaign.preview.create"), "campaign_create", **data)]
            )
        )

    async def create(self, turn: Turn) -> Reply:
        viewer = await turn.viewer()
        if viewer is None or not viewer.is_admin:
            return Reply(text=text(turn.lang, "campaign.denied"))
        lang, features = turn.lang, turn.features
        try:
            campaign = campaign_from_form(turn.data, features.today(), viewer.member.employee_id)
        except CampaignError as exc:
            return Reply(text=text(lang, "campaign.preview.invalid", problems=plain(exc)))
        created = await self._services.campaigns.create(campaign, actor=viewer.member.employee_id)
        announce = Timeline.of(created, features.calendar).announce_on
        reply = text(
            lang,
            "campaign.created",
            name=plain(created.name),
            id=created.id,
            announce=short_date(announce, lang),
        )
        return Reply(card=card([paragraph(reply)]))

    async def ask_cancel(self, turn: Turn) -> Reply:
        viewer = await turn.viewer()
        if viewer is None or not viewer.is_admin:
            return Reply(text=text(turn.lang, "campaign.denied"))
        campaign = await self._campaign(turn)
        if campaign is None or campaign.cancelled:
            return Reply(text=text(turn.lang, "campaign.cancel.gone"))
        ask = text(turn.lang, "campaign.cancel.ask", name=plain(campaign.name))
        button = execute(
            text(turn.lang, "campaign.cancel.button"),
            "campaign_cancel_confirm",
            campaign_id=campaign.id,
        )
        return Reply(card=card([paragraph(ask)], [button]))

    async def cancel(self, turn: Turn) -> Reply:
        viewer = await turn.viewer()
        if viewer is None or not viewer.is_admin:
            return Reply(text=text(turn.lang, "campaign.denied"))
        campaign = await self._campaign(turn)
        count = None
        if campaign is not None and campaign.id is not None:
            actor = viewer.member.employee_id
            count = await self._services.campaigns.cancel(
                campaign.id, actor=actor, now=turn.features.now()
            )
        if campaign is None or count is None:
            return Reply(text=text(turn.lang, "campaign.cancel.gone"))
        done = text(turn.lang, "campaign.cancel.done", name=plain(campaign.name), count=count)
        return Reply(card=card([paragraph(done)]))

    async def designate(self, turn: Turn) -> Reply:
        """A chief's designation card comes back: check the role, keep only campaign days."""
        viewer = await turn.staff()
        lang, features = turn.lang, turn.features
        section = str(turn.data.get("section", ""))
        if not section or not can_manage_section(viewer, section):
            return Reply(text=text(lang, "campaign.designate.denied"))
        campaign = await self._campaign(turn)
        if (
            campaign is None
            or campaign.id is None
            or campaign.cancelled
            or campaign.end < features.today()
        ):
            return Reply(text=text(lang, "campaign.designate.gone"))
        allowed = set(Timeline.of(campaign, features.calendar).days)
        days = sorted({d for d in (_day(v) for v in codes(turn.data.get("days"))) if d in allowed})
        await self._services.campaigns.designate(
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
                    paragraph(
                        text(lang, "campaign.designate.done", section=plain(label), days=shown)
                    ),
                ]
            )
        )

    async def _campaign(self, turn: Turn) -> Campaign | None:
        raw = turn.data.get("campaign_id")
        if not isinstance(raw, int) or isinstance(raw, bool):
            return None
        return await self._services.campaigns.get(raw)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None
