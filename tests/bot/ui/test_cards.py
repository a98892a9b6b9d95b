"""The cards the bot builds are valid Adaptive Cards 1.5 and fit Teams' message budget.

Cards built by calling their builders directly (both languages, and with the most content a
builder will put on one card) are checked here. The cards of whole conversations (declare
read-back, board, approvals, progress, meetings, reports, reminders) are checked wherever the
HTTP tests run: the recording connector (tests/bot/conftest.py) checks every card the bot
sends, and ``Chat.press`` every card an Action.Execute answers with; a last test here walks a
conversation through them so that they are covered even if other tests change.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, get_args

import pytest

from bot.app import build_router
from bot.core.turn import Conversation, Scope, Turn
from bot.features.campaigns.cards import (
    MAX_RESULT_LINES,
    designation_card,
    midweek_card,
    results_card,
    staff_card,
)
from bot.features.declare.declare import form_card
from bot.features.declare.payloads import Prefill
from bot.features.meetings.cards import Audience, invitation_card, poll_card
from bot.features.nudges.digest import digest_card
from bot.features.nudges.nudges import nudge_card
from bot.features.reports.card import summary_card
from bot.features.reports.charts import monthly_png
from bot.ui.cards import (
    FALLBACK_TEXT_MAX,
    card_actions,
    card_plain_text,
    execute,
    heading,
    paragraph,
)
from bot.ui.cards import card as ui_card
from bot.ui.texts import Lang
from domain.campaigns import Campaign, CampaignKind, SectionResult, Timeline
from domain.identity import ChatUser
from domain.meetings import Meeting, MeetingSettings, MeetingState, Participant, Slot
from domain.nudges import NudgeDecision
from domain.org import Office, OrgChart, OrgUnit, UnitKind
from domain.periods import Period, PeriodKind
from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.reports import build_report
from tests.bot.chat import button, card
from tests.cards import (
    TEAMS_BUDGET,
    as_message,
    assert_valid_card,
    assert_within_budget,
    card_errors,
    card_payload_size,
    cards_in,
    message_size,
    utf16_size,
)
from tests.fakes.conversations import services_for_router
from tests.report_org import TELEWORK_WEEK, inputs

LANGS: tuple[Lang, ...] = get_args(Lang)
POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
NOW = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)


def check(value: dict[str, Any]) -> None:
    """A card, or a message that carries cards: valid and within the budget."""
    found = cards_in(value) if value.get("type") != "AdaptiveCard" else [value]
    assert found, f"no card in {value}"
    for content in found:
        assert_valid_card(content)
        assert_within_budget(content)


# --- the checks themselves ------------------------------------------------------------------


def test_a_valid_card_passes_and_each_kind_of_mistake_is_named() -> None:
    good = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "x"}],
        "fallbackText": "x",
    }
    assert card_errors(good) == []
    bad = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [
            {"type": "TextBlock", "text": "x", "size": "Big"},
            {"type": "FactSet", "facts": [{"title": "only a title"}]},
            {"type": "Carousel"},
        ],
        "actions": [{"type": "Action.Execute", "title": "t", "verbs": "oops"}],
        "msteams": {"width": "Full"},
    }
    problems = "\n".join(card_errors(bad))
    assert "body/0/size: 'Big' is not one of" in problems
    assert "body/1/facts/0: 'value' is a required property" in problems
    assert "body/2: unknown type 'Carousel'" in problems
    assert "actions/0: Additional properties are not allowed ('verbs' was unexpected)" in problems
    assert "(card): Additional properties are not allowed ('msteams' was unexpected)" in problems
    assert "(card): no fallbackText for clients that cannot render the card" in problems
    assert "actions/0: Action.Execute without an Action.Submit fallback" in problems
    with pytest.raises(AssertionError, match="invalid Adaptive Card"):
        assert_valid_card(bad)


def test_what_older_and_narrow_clients_need_is_checked() -> None:
    def button(n: int, **extra: Any) -> dict[str, Any]:
        data = {"command": "help", "n": n}
        submit = {"type": "Action.Submit", "title": f"b{n}", "data": data}
        return {"type": "Action.Execute", "title": f"b{n}", "verb": "help", "data": data} | (
            extra if extra else {"fallback": submit}
        )

    base = {"type": "AdaptiveCard", "version": "1.5", "fallbackText": "x"}
    four = {**base, "body": [{"type": "ActionSet", "actions": [button(n) for n in range(4)]}]}
    assert card_errors(four) == ["body/0/actions: 4 buttons in a row (at most 3)"]
    assert card_errors({**base, "body": [], "actions": [button(n) for n in range(4)]}) == [
        "actions: 4 buttons in a row (at most 3)"
    ]
    other_data = button(0, fallback={"type": "Action.Submit", "title": "b0", "data": {}})
    dropped = button(1, fallback="drop")
    problems = card_errors({**base, "body": [], "actions": [other_data, dropped, button(2)]})
    assert problems == [
        "actions/0: Action.Execute without an Action.Submit fallback",
        "actions/1: Action.Execute without an Action.Submit fallback",
    ]
    assert card_errors({**base, "fallbackText": " ", "body": []}) == [
        "(card): no fallbackText for clients that cannot render the card"
    ]


def test_the_card_builder_makes_rows_of_three_and_a_fallback_text() -> None:
    buttons = [execute(f"b{n}", "help", n=n) for n in range(5)]
    built = ui_card([heading("見出し"), paragraph("本文")], buttons)
    assert built["actions"] == buttons[3:]
    assert built["body"][-1] == {"type": "ActionSet", "actions": buttons[:3]}
    assert card_actions(built) == buttons  # the order a reader sees
    assert card_plain_text(built).splitlines()[2:] == [f"  [{n + 1}] b{n}" for n in range(5)]
    assert built["fallbackText"] == "見出し\n本文"
    check(built)
    inline = ui_card([{"type": "ActionSet", "actions": buttons + buttons[:2]}])
    [rows] = inline["body"]
    assert [len(r["actions"]) for r in rows["items"]] == [3, 3, 1]
    assert card_actions(inline) == buttons + buttons[:2]
    assert inline["fallbackText"] == "\n".join(f"b{n}" for n in [0, 1, 2, 3, 4, 0, 1])
    check(inline)
    long = ui_card([paragraph("あ" * 2000)])
    assert len(long["fallbackText"]) == FALLBACK_TEXT_MAX and long["fallbackText"].endswith("…")
    assert ui_card([paragraph("x")], buttons[:3])["actions"] == buttons[:3]


def test_every_card_is_built_by_the_card_builder() -> None:
    """fallbackText, the Action.Submit twins and the rows of three come from bot.ui.cards.card:
    no other code may write a card of its own."""
    root = Path(__file__).resolve().parents[3]
    own = [
        str(path.relative_to(root))
        for path in (root / "bot").rglob("*.py")
        if '"AdaptiveCard"' in path.read_text(encoding="utf-8")
    ]
    assert own == ["bot/ui/cards.py"]


def test_every_universal_action_has_a_submit_twin() -> None:
    action = execute("登録する", "declare_confirm", entries=[{"date": "2026-12-01"}])
    assert action["fallback"] == {
        "type": "Action.Submit",
        "title": "登録する",
        "data": {"command": "declare_confirm", "entries": [{"date": "2026-12-01"}]},
    }


@pytest.mark.parametrize("version", [None, "1.6", 1.5])
def test_the_card_needs_a_version_teams_renders(version: object) -> None:
    problems = card_errors({"type": "AdaptiveCard", "version": version, "body": []})
    assert any("not one Teams renders" in p for p in problems)


def test_sizes_are_counted_in_utf16_as_teams_counts_them() -> None:
    assert utf16_size("a") == utf16_size("あ") == utf16_size("漢") == 2
    assert utf16_size("😀") == 4  # outside the BMP: a surrogate pair
    one_japanese = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "あ" * 1000}],
    }
    one_english = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "a" * 1000}],
    }
    # A thousand characters of text cost 2,000 bytes in either language …
    assert card_payload_size(one_japanese) == card_payload_size(one_english)
    assert (
        card_payload_size(one_english)
        - card_payload_size(
            {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": ""}]}
        )
        == 2000
    )
    # … and the whole message is counted, not only the card.
    assert message_size(as_message(one_english, "summary")) > card_payload_size(one_english)


def test_inline_images_are_not_counted_unless_asked() -> None:
    image = {"type": "Image", "url": "data:image/png;base64," + "A" * 50_000}
    with_image = {"type": "AdaptiveCard", "version": "1.5", "body": [image]}
    without = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{**image, "url": "data:image/png;base64,"}],
    }
    assert card_payload_size(with_image) == card_payload_size(without)
    assert (
        card_payload_size(with_image, count_inline_images=True)
        == card_payload_size(without) + 100_000
    )


def test_the_budget_fails_a_card_that_is_too_big() -> None:
    big = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "あ" * 15_000}],
    }
    with pytest.raises(AssertionError, match="over the budget of 28,672"):
        assert_within_budget(big)
    assert_within_budget(big, budget=40 * 1024)


# --- cards built directly -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
async def test_welcome_and_help_cards(lang: Lang) -> None:
    router = build_router()
    for scope in Scope:
        turn = Turn(
            sender=ChatUser("tenant", "29:someone", locale="ja-JP" if lang == "ja" else "en-US"),
            conversation=Conversation("c", scope),
            lang=lang,
            services=services_for_router(),  # help and welcome read no other service
        )
        for verb, data in (("welcome", {"team": False}), ("welcome", {"team": True}), ("help", {})):
            reply = await router.on_action(turn, verb, data)
            assert reply.card is not None, (verb, scope)
            check(reply.card)


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_card_with_its_chart(lang: Lang) -> None:
    request = ReportRequest(ReportRange.fiscal_year_of(2026, CALENDAR), telework_week=TELEWORK_WEEK)
    report = build_report(request, inputs(date(2025, 3, 25), date(2027, 4, 7)), POLICY, CALENDAR)
    content = summary_card(report, lang, monthly_png(report, lang))
    assert [b for b in content["body"] if b["type"] == "Image"], "the chart is on the card"
    check(content)


@pytest.mark.parametrize("lang", LANGS)
def test_the_declare_form(lang: Lang) -> None:
    check(form_card(lang, Prefill(), date(2026, 11, 26)))
    check(
        form_card(
            lang,
            Prefill.model_validate({"date": "2026-12-01", "part": "am", "status": "leave"}),
            date(2026, 11, 26),
        )
    )


@pytest.mark.parametrize("lang", LANGS)
def test_nudge_and_digest_cards(lang: Lang) -> None:
    period = Period(PeriodKind.MONTH, "FY2026-11", date(2026, 11, 1), date(2026, 11, 30))
    for category in ("manager", "care", "general", "custom"):
        decision = NudgeDecision("S1", category, period, 1, needed=2, done=0, planned=0)
        check(
            nudge_card(lang, decision, "育児・介護を行う職員", date(2026, 11, 27), designated=True)
        )
    days = CALENDAR.working_days(date(2026, 11, 30), date(2026, 12, 4))
    check(digest_card(lang, days, {days[0]}, {days[1]}, {days[2]}))
    check(digest_card(lang, days, set(days), set(), set()))  # nothing free: no buttons


def campaign() -> Campaign:
    messages = {
        lang: {"announcement": "{name}さん、{campaign}は{start}〜{end}です。{designated}"}
        for lang in LANGS
    }
    return Campaign(
        "テレワーク・ウィーク2026",
        CampaignKind.TELEWORK_WEEK,
        date(2026, 7, 20),
        date(2026, 7, 24),
        messages,
        id=7,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_campaign_cards_with_the_most_sections_a_results_card_lists(lang: Lang) -> None:
    week = campaign()
    timeline = Timeline.of(week, CALENDAR)
    values = {
        "name": "メーガン",
        "campaign": week.name,
        "start": "7/21",
        "end": "7/24",
        "days": "4",
        "section": "総務課",
        "designated": "",
    }
    template = week.messages[lang]["announcement"]
    check(staff_card(week, lang, template, values, date(2026, 7, 21)))
    check(designation_card(week, timeline, lang, "局/課0", "大臣官房総務課"))
    check(midweek_card(week, lang, "大臣官房総務課"))
    sections = [f"局/課{n}" for n in range(MAX_RESULT_LINES + 10)]
    chart = OrgChart(
        [OrgUnit("局", "大臣官房", UnitKind.BUREAU, Office.HEAD_OFFICE)]
        + [
            OrgUnit(
                code,
                f"第{n}情報通信政策企画調整課室",
                UnitKind.SECTION,
                Office.HEAD_OFFICE,
                "局",
                name_en=f"Information and Communications Policy Planning Division No. {n}",
            )
            for n, code in enumerate(sections)
        ]
    )
    results = [
        SectionResult(code, 40, n % 40, rule_applies=n % 2 == 0) for n, code in enumerate(sections)
    ]
    check(results_card(week, chart, lang, results, total=True))


def meeting(state: MeetingState, people: int) -> Meeting:
    settings = MeetingSettings()
    participants = tuple(
        Participant(f"S{n:03d}", f"参加者 {n:03d} 長い名前の職員", chat_id=f"29:u{n}")
        for n in range(people)
    )
    candidates = tuple(
        Slot(date(2026, 12, 1 + n % 4), 9 * 60 + 30 + 60 * (n // 4), 10 * 60 + 30 + 60 * (n // 4))
        for n in range(settings.max_candidates)
    )
    return Meeting(
        uid="uid-1",
        title="課内打合せ（テレワーク推進計画の進捗確認と来期の目標設定について）",
        organiser="S000",
        duration=60,
        participants=participants,
        candidates=candidates,
        state=state,
        poll_deadline=datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
        slot=candidates[0] if state == MeetingState.SCHEDULED else None,
        join_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0",
        id=3,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_meeting_poll_and_invitation_with_the_most_candidates_and_people(lang: Lang) -> None:
    most = MeetingSettings().max_participants
    audience = Audience(CALENDAR, Participant("S000", "課長 一郎"), {}, lang, NOW)
    check(
        poll_card(meeting(MeetingState.POLLING, most), audience, lang, note="日程を再調整します。")
    )
    scheduled = meeting(MeetingState.SCHEDULED, most)
    check(invitation_card(scheduled, audience, lang, update=False))
    check(invitation_card(scheduled, audience, lang, update=True))


# --- cards of a conversation ----------------------------------------------------------------


async def test_declare_board_approvals_and_progress_cards(office: Any) -> None:
    megan, chief, _url = office
    read_back = await megan.say("来週の月・水・金 在宅")
    check(read_back)
    saved = await megan.press(button(card(read_back), "declare_confirm"))
    check(saved)
    check(await megan.say("私の予定"))
    check(await chief.say("来週月曜日誰がテレワーク？"))
    pending = await chief.say("承認待ち")
    check(pending)
    check(await megan.say("進捗"))
    check(await megan.say("ヘルプ"))
    # Every card above, and every other one this conversation sent, as JSON for the record.
    sent = [c for a in megan.connector.activities() for c in cards_in(a)]
    assert len(sent) >= 5
    assert all(card_payload_size(c) <= TEAMS_BUDGET for c in sent), json.dumps(
        [card_payload_size(c) for c in sent]
    )


async def test_a_client_without_universal_actions_presses_the_submit_twin(office: Any) -> None:
    """Teams clients that do not render Action.Execute show its Action.Submit fallback, which
    arrives as a message whose value is the button's data: the bot does the same."""
    megan, _chief, _url = office
    read_back = await megan.say("12/1 テレワーク")
    confirm = button(card(read_back), "declare_confirm")["fallback"]
    assert confirm["type"] == "Action.Submit"
    activity = megan._activity(value=confirm["data"])
    activity.pop("text")
    assert (await megan.client.post("/api/messages", json=activity)).status == 201
    [reply] = [
        r["body"]
        for r in megan.connector.requests
        if r["method"] == "POST" and r["path"].endswith(f"/activities/{activity['id']}")
    ]
    check(reply)
    assert "登録しました" in json.dumps(reply, ensure_ascii=False)
    schedule = await megan.say("私の予定")
    assert "12/1" in json.dumps(schedule, ensure_ascii=False)
