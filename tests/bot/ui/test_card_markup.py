"""Every card the bot sends to others, built with Markdown in every user-supplied value
(meeting titles, guests' and staff names, comments, section names, campaign names, links):
no TextBlock or Fact renders a live link, emphasis, mention or autolink."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from bot.features.approvals.notices import approval_decision, approval_requests
from bot.features.campaigns.cards import (
    designation_card,
    midweek_card,
    results_card,
    staff_card,
    template_values,
)
from bot.features.campaigns.form import DEFAULTS
from bot.features.meetings.cards import (
    Audience,
    cancellations,
    invitation_card,
    invitations,
    poll_card,
    poll_notices,
    poll_reminders,
    start_reminders,
)
from bot.features.meetings.forms import Candidates, MeetingForm, candidates_card
from bot.features.meetings.tally import status_card, tally_card
from bot.ui.texts import LANGS, Lang
from domain.calendar import WorkCalendar
from domain.campaigns import Campaign, CampaignKind, SectionResult, Timeline
from domain.meeting_slots import BusySource, RankedSlot
from domain.meetings import Meeting, MeetingState, Participant, Rsvp, Slot
from domain.org import Office, OrgChart, OrgUnit, UnitKind
from domain.roster import ImportPlan, StaffChange
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import create_engine, session_factory
from storage.org import SqlOrganisation
from storage.schedule import SqlSchedule
from tests.bot.chat import Chat, button, card
from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.bot.markup import EVIL, EVIL_BLOCK, assert_inert, card_texts
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, staff

CAL = WorkCalendar()
NOW = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
SLOTS = (Slot(date(2026, 12, 2), 13 * 60, 14 * 60), Slot(date(2026, 12, 3), 15 * 60, 16 * 60))
LEAD = Participant("C1", EVIL, chat_id="29:lead", votes=(0,))
STAFF = Participant("S1", EVIL_BLOCK, chat_id="29:s1", votes=None, rsvp=Rsvp.ACCEPTED)
GUEST = Participant("29:guest", EVIL, chat_id="29:guest", is_staff=False, votes=(0, 1))
POLL = Meeting(
    uid="u1",
    title=EVIL,
    organiser="C1",
    duration=60,
    participants=(LEAD, STAFF, GUEST),
    candidates=SLOTS,
    poll_deadline=NOW + timedelta(days=4),
    id=7,
)
SCHEDULED = Meeting(
    uid="u1",
    title=EVIL_BLOCK,
    organiser="C1",
    duration=60,
    participants=(LEAD, STAFF, GUEST),
    candidates=SLOTS,
    state=MeetingState.SCHEDULED,
    slot=SLOTS[0],
    join_url="https://evil.example/[x](https://evil.example/2)",
    id=7,
)
CHIEF_AAD = "0c1a2b3c-0000-4000-8000-00000000c41e"
UNITS = [
    OrgUnit("局", "局", UnitKind.BUREAU, Office.HEAD_OFFICE),
    OrgUnit("局/課", EVIL, UnitKind.SECTION, Office.HEAD_OFFICE, parent="局", name_en=EVIL),
]
CHART = OrgChart(UNITS)


def buttons(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "Action.Execute":
            found.append(node)
        for value in node.values():
            found += buttons(value)
    elif isinstance(node, list):
        for value in node:
            found += buttons(value)
    return found


def audience(lang: Lang) -> Audience:
    return Audience(calendar=CAL, organiser=LEAD, langs={}, default=lang, now=NOW)


def campaign() -> Campaign:
    messages = {key: {lang: DEFAULTS[lang][key] for lang in LANGS} for key in DEFAULTS["ja"]}
    return Campaign(
        name=EVIL,
        kind=CampaignKind.TELEWORK_WEEK,
        start=date(2026, 7, 6),
        end=date(2026, 7, 10),
        messages=messages,
        id=3,
    )


def payloads(deliveries: Any) -> list[dict[str, Any]]:
    return [d.payload for d in deliveries]


def meeting_cards(lang: Lang) -> list[Any]:
    group = Meeting(**{**POLL.__dict__, "conversation_id": "19:group@thread.v2"})
    people = list(POLL.participants)
    ranked = [
        RankedSlot(SLOTS[0], ("C1",), ("29:guest",), ("S1",)),
        RankedSlot(SLOTS[0], ("C1",), (), ("S1", "29:guest"), (BusySource.OUTLOOK,) * 2),
    ]
    form = MeetingForm(EVIL, 60, [SLOTS[0].day], "mentioned", False, "", "", [], {})
    features = SimpleNamespace(calendar=CAL, now=lambda: NOW)
    return [
        poll_card(POLL, audience(lang), lang),
        *payloads(poll_notices(audience(lang))(POLL)),
        *payloads(poll_notices(audience(lang))(group)),
        *payloads(poll_reminders(audience(lang))(POLL)),
        *payloads(poll_reminders(audience(lang))(group)),
        invitation_card(SCHEDULED, audience(lang), lang, update=True),
        *payloads(invitations(audience(lang), update=False)(SCHEDULED)),
        *payloads(cancellations(audience(lang))(SCHEDULED)),
        *payloads(cancellations(audience(lang))(POLL)),
        *payloads(start_reminders(SCHEDULED, audience(lang), [STAFF])),
        tally_card(POLL, features, lang, 0.5),  # type: ignore[arg-type]
        status_card(SCHEDULED, lang),
        candidates_card(lang, form, people, Candidates(ranked, ranked, [SLOTS[0].day], True)),
    ]


def campaign_cards(lang: Lang) -> list[Any]:
    chosen = campaign()
    timeline = Timeline.of(chosen, CAL)
    values = template_values(
        chosen, timeline, lang, name=EVIL, section=EVIL_BLOCK, designated=[timeline.days[0]]
    )
    results = [SectionResult("局/課", 10, 3, True)]
    return [
        staff_card(chosen, lang, chosen.messages["announcement"][lang], values, timeline.days[0]),
        staff_card(chosen, lang, "{name} {section} {campaign}", values, timeline.days[0]),
        designation_card(chosen, timeline, lang, "局/課", EVIL),
        midweek_card(chosen, lang, EVIL_BLOCK),
        results_card(chosen, CHART, lang, results, total=True),
    ]


def approval_messages(lang: Lang) -> list[Any]:
    requester = staff("S1", name=EVIL, preferred_language=lang)
    chief = staff("C1", name="課長", preferred_language=lang, is_section_chief=True)
    entry = ScheduleEntry(
        "S1", date(2026, 12, 1), "full", EntryStatus.TELEWORK, EntryState.PENDING, id=5
    )
    decided = ScheduleEntry(
        "S1", date(2026, 12, 1), "full", EntryStatus.TELEWORK, EntryState.REJECTED, id=5
    )
    return [
        *payloads(approval_requests(requester, {"C1": "29:c1"}, {"C1": chief})([entry])),
        *payloads(approval_decision(requester, "29:s1", EVIL)([decided])),
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("build", [meeting_cards, campaign_cards, approval_messages])
def test_user_text_stays_inert_in_every_card(build: Any, lang: Lang) -> None:
    built = build(lang)
    texts = card_texts(built)
    # Message payloads carry text outside a card too (Teams renders it as Markdown).
    texts += [m["text"] for m in built if isinstance(m, dict) and isinstance(m.get("text"), str)]
    assert texts
    for value in texts:
        assert_inert(value)
    # The values were really there (escaped), not dropped.
    assert any("\\[click\\]" in value for value in texts)


# -- over HTTP: the cards handlers build from the roster (names, section names) ---------------


async def test_roster_text_stays_inert_in_chat_cards(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    engine = create_engine(sqlite_url)
    organisation = SqlOrganisation(session_factory(engine))
    people = [
        staff("S1", name=EVIL, org_unit="局/課", aad_object_id=MEGAN_AAD),
        staff(
            "C1", name=EVIL_BLOCK, org_unit="局/課", aad_object_id=CHIEF_AAD, is_section_chief=True
        ),
    ]
    changes = [StaffChange(p.employee_id, "created", ("name",), p) for p in people]
    await organisation.apply_import(ImportPlan(units=UNITS, changes=changes), actor="test")
    await SqlSchedule(session_factory(engine)).save(
        [ScheduleEntry("S1", date(2026, 11, 27), "full", EntryStatus.TELEWORK, EntryState.PENDING)],
        actor="test",
    )
    await engine.dispose()
    client = await bot_client(clock=frozen_clock(datetime(2026, 11, 26, 10, 0)))
    chief = teams_fixture("01_personal_message")
    chief.update(serviceUrl=connector.url, locale="ja-JP")
    chief["from"].update(id="29:chief", aadObjectId=CHIEF_AAD)
    replies: list[Any] = []
    for n, said in enumerate(
        ["ボード", "明日誰がテレワーク？", "承認待ち", "課の実施率", "チームテレワーク日", EVIL]
    ):
        await client.post("/api/messages", json={**chief, "id": f"c{n}", "text": said})
    replies += connector.activities()
    [approve] = [b for b in buttons(replies) if b.get("verb") == "approve"]
    press = {**chief, "id": "press", "type": "invoke", "name": "adaptiveCard/action"}
    press.pop("text", None)
    press["value"] = {
        "action": {"type": "Action.Execute", "verb": "approve", "data": approve["data"]}
    }
    decided = await (await client.post("/api/messages", json=press)).json()
    # (the answer to a decision is the list card brought up to date: its texts count too)
    texts = card_texts(replies) + [str(r.get("text") or "") for r in replies]
    texts += card_texts(decided["value"])
    assert sum("\\[click\\]" in value for value in texts) >= 6  # every reply showed the names
    for value in texts:
        assert_inert(value)


async def test_typed_text_stays_inert_in_the_lead_and_admin_cards(
    bot_client: Any, connector: RecordingConnector, sqlite_url: str
) -> None:
    """A meeting title, a slot and a campaign name typed with Markdown, then every card the
    lead and the admin get back: the list, the cancel question, refusals, the preview."""
    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff("C1", name="課長", aad_object_id=CHIEF_AAD, is_section_chief=True),
    )
    await engine.dispose()
    client = await bot_client(
        clock=frozen_clock(datetime(2026, 11, 26, 10, 0)), TELEWORK_ADMINS="c1@example.go.jp"
    )
    chief = Chat(client, connector, CHIEF_AAD, "29:chief")
    await Chat(client, connector, MEGAN_AAD, "29:megan").say("ヘルプ")
    shown: list[Any] = []
    form = {
        "title": EVIL,
        "duration": "60",
        "window_start": "2026-11-30",
        "window_end": "2026-12-04",
        "who": "section",
        "team_day": "false",
        "typed": "",
        "save_as": "",
    }
    shown.append(await chief.say("会議を設定"))
    shown.append(found := await chief.press(button(card(shown[-1]), "meeting_candidates"), **form))
    poll = button(found["value"], "meeting_poll")
    shown.append(await chief.press(poll, slots="[x](https://evil.example)"))  # a refusal
    shown.append(tally := await chief.press(poll, slots="2026-12-01T13:00"))
    shown.append(await chief.say("会議一覧"))
    shown.append(ask := await chief.press(button(tally["value"], "meeting_cancel")))
    shown.append(await chief.press(button(ask["value"], "meeting_cancel_confirm")))
    campaign = {
        "name": EVIL,
        "kind": "telework_week",
        "start": "2027-07-05",
        "end": "2027-07-09",
        "announce_days": "7",
    }
    shown.append(menu := await chief.say("キャンペーン"))
    shown.append(preview := await chief.press(button(card(menu), "campaign_preview"), **campaign))
    shown.append(await chief.press(button(preview["value"], "campaign_create")))
    shown.append(listed := await chief.say("キャンペーン"))
    shown.append(cancel := await chief.press(button(card(listed), "campaign_cancel")))
    shown.append(await chief.press(button(cancel["value"], "campaign_cancel_confirm")))
    texts = card_texts(shown) + [
        r.get("text") or r.get("value")
        for r in shown
        if isinstance(r.get("text") or r.get("value"), str)
    ]
    assert sum("\\[click\\]" in value for value in texts) >= 10
    assert any("\\[x\\]\\(https:/" in value for value in texts)  # the refused slot, echoed
    for value in texts:
        assert_inert(value, our_lists=True)  # the campaign list: 「3. {name}（…）」
