"""Chat handlers for reminder settings and campaigns, called with a known viewer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_router, build_services
from bot.core.reminders import ReminderServices
from bot.core.services import Services
from bot.core.turn import Reply
from bot.ui.texts import Lang
from domain.campaigns import Campaign, CampaignKind
from domain.policy import default_policy
from tests.bot.features.nudges.nudge_script import CAMPAIGN_MESSAGES
from tests.factories import frozen_clock, seed_staff, staff, turn_as

NOW = frozen_clock(datetime(2026, 7, 1, 10, 0))
ROUTER = build_router()


def services(engine: AsyncEngine) -> Services:
    return build_services(engine, default_policy(), admins=frozenset({"adm"}), clock=NOW)


async def press(
    svc: Services, employee_id: str, verb: str, lang: Lang = "ja", **data: Any
) -> Reply:
    """A card button pressed by ``employee_id``, through the router (payload and roles
    checked as in Teams)."""
    return await ROUTER.on_action(await turn_as(svc, employee_id, lang), verb, data)


async def test_pause_resume_snooze_digest(sqlite_url: str) -> None:
    from storage.engine import create_engine

    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("A1"))
    svc = services(engine)
    preferences = svc.get(ReminderServices).preferences
    reply = await press(svc, "A1", "reminders_pause", days=14)
    assert reply.text is not None and "7/14(火)まで" in reply.text
    assert (await preferences.get("A1")).paused_until == date(2026, 7, 14)
    reply = await press(svc, "A1", "reminders", "en")
    assert reply.card is not None and "paused until Tue 7/14" in str(reply.card)
    await press(svc, "A1", "reminders_pause")
    assert (await preferences.get("A1")).paused_indefinitely
    await press(svc, "A1", "reminders_resume")
    await press(svc, "A1", "nudge_snooze", days=7)
    await press(svc, "A1", "digest_on")
    forged = await press(svc, "A1", "nudge_snooze", days="7; DROP")
    assert forged.text is not None and "読み取れません" in forged.text
    pref = await preferences.get("A1")
    assert not pref.paused_on(date(2026, 7, 2)) and pref.digest
    assert pref.snoozed_until == date(2026, 7, 7)
    await engine.dispose()


async def test_campaign_admin_flow_and_designation(sqlite_url: str) -> None:
    from storage.engine import create_engine

    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("ADM"),
        staff("CH1", is_section_chief=True, is_manager=True),
        staff("CH2", is_section_chief=True, org_unit="関東局/総務課"),
        staff("B1"),
    )
    svc = services(engine)
    campaigns = svc.get(ReminderServices).campaigns
    form = {
        "name": "TW週間", "kind": "telework_week", "start": "2026-07-13", "end": "2026-07-17",
        "audience": "大臣官房", "announcement_ja": "{name}さん {campaign}",
    }  # fmt: skip
    denied = await press(svc, "B1", "campaign_preview", **form)
    assert denied.text is not None and "事務局" in denied.text
    menu = await press(svc, "ADM", "campaign")
    assert menu.card is not None and "campaign_preview" in str(menu.card)
    preview = await press(svc, "ADM", "campaign_preview", **form)
    assert preview.card is not None
    shown = str(preview.card)
    assert "対象 3人" in shown and "ADMさん TW週間" in shown
    create = preview.card["actions"][0]["data"]
    await press(svc, "ADM", "campaign_create", **create)
    [campaign] = await campaigns.all()
    assert campaign.audience == ("大臣官房",) and campaign.id is not None
    # A chief of another section cannot designate this one; forged days are dropped.
    data = {"campaign_id": campaign.id, "section": "大臣官房/総務課"}
    other = await press(svc, "CH2", "campaign_designate", days="2026-07-15", **data)
    assert other.text is not None and "課室長" in other.text
    await press(svc, "CH1", "campaign_designate", days="2026-07-15,2026-07-20,garbage", **data)
    days = await campaigns.designated_days(date(2026, 7, 1), date(2026, 7, 31))
    assert days == {"大臣官房/総務課": [date(2026, 7, 15)]}
    bad = await press(svc, "ADM", "campaign_preview", **{**form, "end": "2026-07-01"})
    assert bad.text is not None and "end" in bad.text
    asked = await press(svc, "ADM", "campaign_cancel", campaign_id=campaign.id)
    assert asked.card is not None
    done = await press(svc, "ADM", "campaign_cancel_confirm", campaign_id=campaign.id)
    assert done.card is not None and "取り消しました" in str(done.card)
    assert (await campaigns.all())[0].cancelled
    await engine.dispose()


def test_campaign_kinds_have_names() -> None:
    assert {k.value for k in CampaignKind} == {"telework_week", "telework_month", "adhoc"}
    assert Campaign("x", CampaignKind.ADHOC, date(2026, 1, 1), date(2026, 1, 2), CAMPAIGN_MESSAGES)
