"""Team-type telework meetings (チーム型テレワーク) in chat: the lead's form, candidate times,
the poll (the other steps are in ``lead.py``; every verb is declared in ``routes.py``).

Flow: 「会議を設定」 → form → ranked candidates → poll to the participants (1:1 through the
delivery ledger, or in the group chat / channel it was started in) → votes → the lead fixes a
time (or the deadline job does, once a quorum voted) → invitations with .ics and RSVP buttons →
changes / cancellation reach everyone → reminders → ``meeting.held`` events for reports.
"""

from __future__ import annotations

import uuid
from datetime import date, time

from bot.core.turn import Reply, Turn
from bot.features.meetings import tally as meeting_tally
from bot.features.meetings.cards import poll_notices
from bot.features.meetings.desk import MeetingDesk, audience_for, desk_of
from bot.features.meetings.forms import (
    candidates,
    candidates_card,
    form_card,
    mentioned_people,
    participants,
    read_form,
)
from bot.features.meetings.payloads import StartPoll, Suggest
from bot.ui.formatting import plain
from bot.ui.texts import text
from domain.meeting_ports import SubTeam
from domain.meetings import (
    Meeting,
    MeetingRefused,
    Slot,
    check_slot,
    poll_deadline,
)


async def start(turn: Turn, _payload: object) -> Reply:
    """「会議を設定」: the form, with the participant choices this conversation allows."""
    viewer = await turn.staff()
    desk = desk_of(turn)
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


async def suggest(turn: Turn, payload: Suggest) -> Reply:
    """The form's button: validate, resolve participants (capacity), rank candidate times."""
    viewer = await turn.staff()
    desk = desk_of(turn)
    form = read_form(turn, desk, payload, payload.mentioned)
    people = await participants(turn, desk, viewer, form)
    found = await candidates(turn, desk, form, people)
    return Reply(card=candidates_card(turn.lang, form, people, found))


def chosen_slots(turn: Turn, desk: MeetingDesk, duration: int, ticked: str) -> tuple[Slot, ...]:
    """The times ticked on the candidates card, each checked again."""
    values = ticked.split(",")
    slots: list[Slot] = []
    for value in (v.strip() for v in values if v.strip()):
        try:
            day, clock = value.split("T")
            slot = Slot.at(date.fromisoformat(day), time.fromisoformat(clock), duration)
        except ValueError:
            raise MeetingRefused("slot_unreadable", written=value[:40]) from None
        services = turn.services
        if slot not in slots:
            slots.append(check_slot(slot, services.now(), services.calendar, desk.settings))
    if not slots:
        raise MeetingRefused("no_choice")
    if len(slots) > desk.settings.max_candidates:
        raise MeetingRefused("candidates_many", limit=desk.settings.max_candidates)
    return tuple(sorted(slots))


async def start_poll(turn: Turn, payload: StartPoll) -> Reply:
    """「参加者に投票を依頼」: everything is validated again, then the meeting and its poll
    messages are saved in one transaction."""
    viewer = await turn.staff()
    lang, desk = turn.lang, desk_of(turn)
    form = read_form(turn, desk, payload.form, payload.mentioned)
    people = await participants(turn, desk, viewer, form)
    slots = chosen_slots(turn, desk, form.duration, payload.slots)
    services = turn.services
    in_group = not turn.conversation.personal
    draft = Meeting(
        uid=uuid.uuid4().hex,
        title=form.title,
        organiser=viewer.member.employee_id,
        duration=form.duration,
        participants=tuple(people),
        candidates=slots,
        section=viewer.section,
        poll_deadline=poll_deadline(slots, services.now(), services.calendar),
        conversation_id=turn.conversation.id if in_group else None,
    )
    if form.save_as:
        team = SubTeam(0, viewer.member.employee_id, form.save_as, tuple(people[1:]))
        await desk.teams.save_team(team)
    audience = await audience_for(services, desk, draft, lang)
    meeting = await desk.meetings.create(
        draft, actor=viewer.member.employee_id, notify=poll_notices(audience)
    )
    services.doorbell.ring()
    deadline = meeting_tally.deadline_label(meeting, services, lang)
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
        card=meeting_tally.tally_card(meeting, services, lang, desk.settings.quorum, note=note)
    )
