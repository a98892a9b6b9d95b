"""Campaigns in chat: the list (and, for admins, the form), creating and cancelling, and the
section chief's designation of days."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.jobs import Job
from bot.core.reminders import ReminderServices
from bot.core.router import NoPayload, Words, route
from bot.core.services import Services
from bot.features.campaigns.chat import (
    CampaignForm,
    CampaignRef,
    Designation,
    ask_cancel,
    cancel,
    create,
    designate,
    menu,
    preview,
)
from bot.features.campaigns.jobs import run_campaigns
from domain.delivery import Firing, FiringHandler
from domain.org import Role

CAMPAIGN = Words(
    words={"ja": ("キャンペーン", "テレワークウィーク"), "en": ("campaign", "campaigns")},
    title={"ja": "キャンペーン", "en": "campaign"},
    description={
        "ja": "テレワーク・ウィーク等の確認（事務局：作成・取消）",
        "en": "Campaigns such as Telework Week (admins: create, cancel)",
    },
    example={"ja": "キャンペーン", "en": "campaign"},
)
ADMINS = (Role.ADMIN,)
DENIED = "campaign.denied"

ROUTES = (
    route("campaign", menu, NoPayload, words=CAMPAIGN),
    route("campaign_preview", preview, CampaignForm, roles=ADMINS, denied=DENIED),
    route("campaign_create", create, CampaignForm, roles=ADMINS, denied=DENIED),
    route("campaign_cancel", ask_cancel, CampaignRef, roles=ADMINS, denied=DENIED),
    route("campaign_cancel_confirm", cancel, CampaignRef, roles=ADMINS, denied=DENIED),
    route("campaign_designate", designate, Designation),
)


def _daily(services: Services, _engine: AsyncEngine) -> FiringHandler:
    reminders = services.get(ReminderServices)

    async def handle(firing: Firing) -> None:
        await run_campaigns(reminders, firing)

    return handle


# Announcements, reminders, chiefs' designation cards and results, each on its day.
JOBS = (Job("campaigns-daily", "45 9 * * mon-fri", _daily),)
