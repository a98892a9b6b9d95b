"""Chat handlers for reminder settings and campaigns, called with a known viewer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.turn import Features, Turn
from bot.features.campaigns.chat import CampaignChat
from bot.features.nudges.nudges import ReminderServices
from bot.features.reminders.settings import ReminderSettings
from bot.ui.texts import Lang
from domain.campaigns import Campaign, CampaignKind
from domain.org import Viewer
from domain.policy import default_policy
from storage.campaigns import SqlCampaigns
from storage.engine import session_factory
from storage.ledger_admin import SqlDeliveryReports
from storage.org import SqlOrganisation
from storage.report_queries import SqlReportQueries
from storage.schedule import SqlSchedule
from tests.bot.nudge_script import CAMPAIGN_MESSAGES
from tests.factories import frozen_clock, seed_staff, staff

NOW = frozen_clock(datetime(2026, 7, 1, 10, 0))


def services(engine: AsyncEngine) -> ReminderServices:
    sessions = session_factory(engine)
    policy = default_policy()
    features = Features(
        directory=SqlOrganisation(sessions),
        schedule=SqlSchedule(sessions, clock=NOW),
        policy=policy,
        calendar=policy.work_calendar(),
        admins=frozenset({"adm"}),
        now=NOW,
        deliveries=SqlDeliveryReports(engine),
        reports=SqlReportQueries(engine, policy.calendar.time_zone),
        campaigns=SqlCampaigns(sessions),
    )
    return ReminderServices.build(engine, features)


async def turn(svc: ReminderServices, employee_id: str, lang: Lang = "ja", **data: Any) -> Turn:
    member = await svc.features.directory.member(employee_id)
    assert member is not None
    viewer = Viewer.of(member, await svc.features.directory.chart(), svc.features.admins)
    return Turn(cast(Any, None), lang, svc.features, "", data, _viewer=viewer, _looked_up=True)


async def test_pause_resume_snooze_digest(sqlite_url: str) -> None:
    from storage.engine import create_engine

    engine = create_engine(sqlite_url)
    await seed_staff(engine, staff("A1"))
    svc = services(engine)
    handlers = ReminderSettings(svc).handlers()
    reply = await handlers["reminders_pause"](await turn(svc, "A1", days=14))
    assert reply.text is not None and "7/14(火)まで" in reply.text
    assert (await svc.preferences.get("A1")).paused_until == date(2026, 7, 14)
    reply = await handlers["reminders"](await turn(svc, "A1", "en"))
    assert reply.card is not None and "paused until Tue 7/14" in str(reply.card)
    await handlers["reminders_pause"](await turn(svc, "A1"))
    assert (await svc.preferences.get("A1")).paused_indefinitely
    await handlers["reminders_resume"](await turn(svc, "A1"))
    await handlers["nudge_snooze"](await turn(svc, "A1", days=7))
    await handlers["digest_on"](await turn(svc, "A1"))
    pref = await svc.preferences.get("A1")
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
    chat = CampaignChat(svc).handlers()
    form = {
        "name": "TW週間", "kind": "telework_week", "start": "2026-07-13", "end": "2026-07-17",
        "audience": "大臣官房", "announcement_ja": "{name}さん {campaign}",
    }  # fmt: skip
    denied = await chat["campaign_preview"](await turn(svc, "B1", **form))
    assert denied.text is not None and "事務局" in denied.text
    menu = await chat["campaign"](await turn(svc, "ADM"))
    assert menu.card is not None and "campaign_preview" in str(menu.card)
    preview = await chat["campaign_preview"](await turn(svc, "ADM", **form))
    assert preview.card is not None
    shown = str(preview.card)
    assert "対象 3人" in shown and "ADMさん TW週間" in shown
    create = preview.card["actions"][0]["data"]
    await chat["campaign_create"](await turn(svc, "ADM", **create))
    [campaign] = await svc.campaigns.all()
    assert campaign.audience == ("大臣官房",) and campaign.id is not None
    # A chief of another section cannot designate this one; forged days are dropped.
    data = {"campaign_id": campaign.id, "section": "大臣官房/総務課"}
    other = await chat["campaign_designate"](await turn(svc, "CH2", days="2026-07-15", **data))
    assert other.text is not None and "課室長" in other.text
    await chat["campaign_designate"](
        await turn(svc, "CH1", days="2026-07-15,2026-07-20,garbage", **data)
    )
    days = await svc.campaigns.designated_days(date(2026, 7, 1), date(2026, 7, 31))
    assert days == {"大臣官房/総務課": [date(2026, 7, 15)]}
    bad = await chat["campaign_preview"](await turn(svc, "ADM", **{**form, "end": "2026-07-01"}))
    assert bad.text is not None and "end" in bad.text
    asked = await chat["campaign_cancel"](await turn(svc, "ADM", campaign_id=campaign.id))
    assert asked.card is not None
    done = await chat["campaign_cancel_confirm"](await turn(svc, "ADM", campaign_id=campaign.id))
    assert done.card is not None and "取り消しました" in str(done.card)
    assert (await svc.campaigns.all())[0].cancelled
    await engine.dispose()


def test_campaign_kinds_have_names() -> None:
    assert {k.value for k in CampaignKind} == {"telework_week", "telework_month", "adhoc"}
    assert Campaign("x", CampaignKind.ADHOC, date(2026, 1, 1), date(2026, 1, 2), CAMPAIGN_MESSAGES)
