"""Team-type telework meetings (チーム型テレワーク) in chat: the lead's form, candidate times,
the poll; :func:`register_meetings` adds every meeting command and card verb to the bot.

Flow: 「会議を設定」 → form → ranked candidates → poll to the participants (1:1 through the
delivery ledger, or in the group chat / channel it was started in) → votes → the lead fixes a
time (or the deadline job does, once a quorum voted) → invitations with .ics and RSVP buttons →
changes / cancellation reach everyone → reminders → ``meeting.held`` events for reports.
"""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

from bot import meeting_lead, meeting_tally, meeting_team_day
from bot.context import Handler, Reply, Turn
from bot.formatting import plain
from bot.meeting_cards import poll_notices
from bot.meeting_desk import MeetingDesk, MeetingHandler, audience_for, refusal
from bot.meeting_forms import (
    candidates,
    candidates_card,
    form_card,
    mentioned_people,
    participants,
    read_form,
)
from bot.texts import text
from bot.turn import conversation_type
from domain.meeting_ports import SubTeam
from domain.meetings import (
    Meeting,
    MeetingRefused,
    Slot,
    check_slot,
    poll_deadline,
)


async def start(turn: Turn, desk: MeetingDesk) -> Reply:
    """「会議を設定」: the form, with the participant choices this conversation allows."""
    viewer = await turn.staff()
    lang = turn.lang
    mentioned = mentioned_people(turn, desk.settings.max_participants + 1)
    choices: list[tuple[str, str]] = []
    if mentioned:
        choices.append(("mentioned", text(lang, "meetings.choice_mentioned", count=len(mentioned))))
    if viewer.section is not None:
        section = (await turn.chart()).unit(viewer.section).name
        choices.append(("section", text(lang, "meetings.choice_section", section=section)))
    for team in await desk.teams.teams_of(viewer.member.employee_id):
        label = text(lang, "meetings.choice_team", name=team.name, count=len(team.members) + 1)
        choices.append((f"team:{team.id}", label))
    return Reply(card=form_card(turn, desk, choices, mentioned))


async def suggest(turn: Turn, desk: MeetingDesk) -> Reply:
    """The form's button: validate, resolve participants (capacity), rank candidate times."""
    viewer = await turn.staff()
    try:
        form = read_form(turn, desk, turn.data)
        people = await participants(turn, desk, viewer, form)
        found = await candidates(turn, desk, form, people)
    except MeetingRefused as refused:
        return refusal(turn.lang, refused)
    return Reply(card=candidates_card(turn.lang, form, people, found))


def chosen_slots(turn: Turn, desk: MeetingDesk, duration: int) -> tuple[Slot, ...]:
    """The times ticked on the candidates card, each checked again."""
    raw = turn.data.get("slots")
    values = raw.split(",") if isinstance(raw, str) else []
    slots: list[Slot] = []
    for value in (v.strip() for v in values if v.strip()):
        try:
            day, clock = value.split("T")
            slot = Slot.at(date.fromisoformat(day), time.fromisoformat(clock), duration)
        except ValueError:
            raise MeetingRefused("slot_unreadable", written=value[:40]) from None
        features = turn.features
        if slot not in slots:
            slots.append(check_slot(slot, features.now(), features.calendar, desk.settings))
    if not slots:
        raise MeetingRefused("no_choice")
    if len(slots) > desk.settings.max_candidates:
        raise MeetingRefused("candidates_many", limit=desk.settings.max_candidates)
    return tuple(sorted(slots))


async def start_poll(turn: Turn, desk: MeetingDesk) -> Reply:
    """「参加者に投票を依頼」: everything is validated again, then the meeting and its poll
    messages are saved in one transaction."""
    viewer = await turn.staff()
    lang = turn.lang
    given = turn.data.get("form")
    data: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
    try:
        form = read_form(turn, desk, data)
        people = await participants(turn, desk, viewer, form)
        slots = chosen_slots(turn, desk, form.duration)
    except MeetingRefused as refused:
        return refusal(lang, refused)
    features = turn.features
    in_group = conversation_type(turn.context.activity) != "personal"
    conversation = turn.context.activity.conversation
    draft = Meeting(
        uid=uuid.uuid4().hex,
        title=form.title,
        organiser=viewer.member.employee_id,
        duration=form.duration,
        participants=tuple(people),
        candidates=slots,
        section=viewer.section,
        poll_deadline=poll_deadline(slots, features.now(), features.calendar),
        conversation_id=conversation.id if in_group and conversation else None,
    )
    if form.save_as:
        team = SubTeam(0, viewer.member.employee_id, form.save_as, tuple(people[1:]))
        await desk.teams.save_team(team)
    audience = await audience_for(features, desk, draft, lang)
    meeting = await desk.meetings.create(
        draft, actor=viewer.member.employee_id, notify=poll_notices(audience)
    )
    features.doorbell.ring()
    deadline = meeting_tally.deadline_label(meeting, features, lang)
    if meeting.in_group:
        title = plain(meeting.title)
        note = text(lang, "meetings.poll_sent_group", title=title, deadline=deadline)
    else:
        reached = [p for p in meeting.participants if p.chat_id and p.is_staff]
        note = text(
            lang,
            "meetings.poll_sent",
            title=plain(meeting.title),
            count=len(reached),
            deadline=deadline,
        )
        unreachable = [plain(p.name) for p in meeting.participants if not p.chat_id]
        if unreachable:
            note += "\n\n" + text(lang, "meetings.unreachable", names="、".join(unreachable))
    return Reply(
        card=meeting_tally.tally_card(meeting, features, lang, desk.settings.quorum, note=note)
    )


MEETING_HANDLERS: dict[str, MeetingHandler] = {
    "meeting": start,
    "meetings": meeting_lead.my_meetings,
    "team_day": meeting_team_day.team_day,
    "meeting_candidates": suggest,
    "meeting_poll": start_poll,
    "meeting_vote": meeting_lead.vote,
    "meeting_tally": meeting_lead.tally,
    "meeting_finalise": meeting_lead.finalise,
    "meeting_change": meeting_lead.change,
    "meeting_cancel": meeting_lead.cancel_ask,
    "meeting_cancel_confirm": meeting_lead.cancel,
    "meeting_rsvp": meeting_lead.rsvp,
    "team_day_propose": meeting_team_day.propose,
}
MEETING_COMMAND_IDS = frozenset({"meeting", "meetings", "team_day"})
MEETING_ACTIONS = frozenset(MEETING_HANDLERS) - MEETING_COMMAND_IDS


def register_meetings(handlers: dict[str, Handler], desk: MeetingDesk) -> None:
    """Add every meeting command and card verb to the bot's handler table."""
    for verb, handler in MEETING_HANDLERS.items():
        handlers[verb] = _bound(handler, desk)


def _bound(handler: MeetingHandler, desk: MeetingDesk) -> Handler:
    async def run(turn: Turn) -> Reply:
        return await handler(turn, desk)

    return run
