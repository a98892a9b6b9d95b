"""After the poll is out: votes, the lead's live tally, fixing a time, answers (RSVP), changes
and cancellation. Every button re-reads the meeting and checks who is pressing."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, time, timedelta

from bot.core.services import Services
from bot.core.turn import Reply, Turn
from bot.features.meetings.cards import (
    cancellations,
    invitation_card,
    invitations,
    poll_card,
    when,
)
from bot.features.meetings.desk import MeetingDesk, audience_for, desk_of, lead_meeting, who
from bot.features.meetings.payloads import Answer, Change, Finalise, MeetingRef, Vote
from bot.features.meetings.tally import status_card, tally_card
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import plain
from bot.ui.texts import Lang, text
from domain.m365 import CalendarEvent, M365Error, M365Failure, mailbox_of
from domain.meeting_poll import voters
from domain.meeting_ports import MeetingNotify
from domain.meetings import (
    Meeting,
    MeetingRefused,
    MeetingState,
    Slot,
    check_join_url,
    check_slot,
)

log = logging.getLogger(__name__)
LIST_DAYS = 60


def _pasted_link(pasted: str) -> str | None:
    pasted = pasted.strip()
    return check_join_url(pasted) if pasted else None


async def organiser_mailbox(services: Services, meeting: Meeting) -> str | None:
    member = await services.directory.member(meeting.organiser)
    return mailbox_of(member) if member is not None else None


async def book_event(
    desk: MeetingDesk, meeting: Meeting, slot: Slot, services: Services
) -> CalendarEvent | None:
    """The meeting's event in the organiser's Outlook calendar, with a Teams link, when
    Microsoft 365 is connected (None otherwise, or when it failed: the meeting then goes
    ahead as without it, with the .ics file; a link is never invented)."""
    if desk.calendar is None:
        return None
    mailbox = await organiser_mailbox(services, meeting)
    if mailbox is None:
        return None
    calendar = services.calendar
    try:
        return await desk.calendar.create(
            mailbox, meeting, slot.starts_at(calendar), slot.ends_at(calendar)
        )
    except M365Error as exc:  # a remote service: the meeting goes ahead without the event
        log.warning(
            "outlook event not created: %s", exc.failure.value, extra={"meeting_id": meeting.id}
        )
        return None


async def _update_event(
    desk: MeetingDesk, services: Services, meeting: Meeting, slot: Slot
) -> CalendarEvent | None:
    """Move the meeting's Outlook event (None when it has none, or it is gone from Outlook).
    Any other failure refuses the change, so that chat and Outlook never disagree."""
    mailbox = await organiser_mailbox(services, meeting)
    if desk.calendar is None or meeting.calendar_event_id is None or mailbox is None:
        return None
    calendar = services.calendar
    try:
        return await desk.calendar.update(
            mailbox,
            meeting.calendar_event_id,
            meeting,
            slot.starts_at(calendar),
            slot.ends_at(calendar),
        )
    except M365Error as exc:
        if exc.failure == M365Failure.UNKNOWN_USER:
            return None
        log.warning("outlook event not moved: %s", exc, extra={"meeting_id": meeting.id})
        raise MeetingRefused("calendar_failed") from None


async def _cancel_event(
    desk: MeetingDesk, services: Services, meeting: Meeting, lang: Lang
) -> None:
    """Cancel the meeting's Outlook event (Outlook tells the attendees); a failure other than
    "already gone" refuses the cancellation, to be tried again."""
    mailbox = await organiser_mailbox(services, meeting)
    if desk.calendar is None or meeting.calendar_event_id is None or mailbox is None:
        return
    comment = text(lang, "meetings.calendar_cancel_comment", title=meeting.title)
    try:
        await desk.calendar.cancel(mailbox, meeting.calendar_event_id, comment)
    except M365Error as exc:
        if exc.failure != M365Failure.UNKNOWN_USER:
            log.warning("outlook event not cancelled: %s", exc, extra={"meeting_id": meeting.id})
            raise MeetingRefused("calendar_failed") from None


async def _drop_unused_event(
    desk: MeetingDesk, services: Services, meeting: Meeting, event: CalendarEvent, lang: Lang
) -> None:
    """The poll closed meanwhile (another finalise, a cancellation): cancel the event made
    here unless the meeting now holds it (the same UID makes Graph answer the same event)."""
    now = await desk.meetings.get(meeting.id or 0)
    if now is not None and now.calendar_event_id == event.event_id:
        return
    try:
        await _cancel_event(
            desk, services, replace(meeting, calendar_event_id=event.event_id), lang
        )
    except MeetingRefused:
        log.warning("an unused outlook event was left", extra={"meeting_id": meeting.id})


async def finalise_meeting(
    desk: MeetingDesk,
    services: Services,
    meeting: Meeting,
    slot: Slot,
    link: str | None,
    *,
    actor: str,
    lang: Lang,
    extra: MeetingNotify | None = None,
) -> Meeting | None:
    """Fix ``slot`` (shared by the lead's button and the deadline job)."""
    event = await book_event(desk, meeting, slot, services)
    link = link or (event.join_url if event else None)
    audience = await audience_for(services, desk, meeting, lang)
    notify = invitations(audience, update=False)
    if extra is not None:
        first, second = notify, extra
        notify = lambda m: [*first(m), *second(m)]  # noqa: E731
    assert meeting.id is not None
    done = await desk.meetings.finalise(
        meeting.id,
        slot,
        link,
        actor=actor,
        notify=notify,
        calendar_event_id=event.event_id if event else None,
    )
    if done is None and event is not None:
        await _drop_unused_event(desk, services, meeting, event, lang)
    services.doorbell.ring()
    return done


# -- handlers -----------------------------------------------------------------------------------


async def tally(turn: Turn, payload: MeetingRef) -> Reply:
    desk = desk_of(turn)
    found = await lead_meeting(turn, payload.meeting_id)
    if isinstance(found, Reply):
        return found
    meeting, _viewer = found
    if meeting.state == MeetingState.CANCELLED:
        return Reply(text=text(turn.lang, "meetings.already_cancelled"))
    return Reply(card=tally_card(meeting, turn.services, turn.lang, desk.settings.quorum))


async def finalise(turn: Turn, payload: Finalise) -> Reply:
    desk = desk_of(turn)
    found = await lead_meeting(turn, payload.meeting_id)
    if isinstance(found, Reply):
        return found
    meeting, viewer = found
    lang = turn.lang
    if meeting.state != MeetingState.POLLING:
        return Reply(text=text(lang, "meetings.poll_closed"))
    if not 0 <= payload.index < len(meeting.candidates):
        return Reply(text=text(lang, "meetings.stale"))
    slot = meeting.candidates[payload.index]
    check_slot(slot, turn.services.now(), turn.services.calendar, desk.settings)
    link = _pasted_link(payload.join_url)
    done = await finalise_meeting(
        desk, turn.services, meeting, slot, link, actor=viewer.member.employee_id, lang=lang
    )
    if done is None:
        return Reply(text=text(lang, "meetings.poll_closed"))
    note = text(lang, "meetings.finalised", title=plain(done.title), when=when(slot, lang))
    return Reply(card=status_card(done, lang, note))


async def change(turn: Turn, payload: Change) -> Reply:
    """Move the meeting and/or set its link: SEQUENCE grows, everyone gets the update. An
    empty link field keeps the current link (a link can be replaced, not removed)."""
    desk = desk_of(turn)
    found = await lead_meeting(turn, payload.meeting_id)
    if isinstance(found, Reply):
        return found
    meeting, viewer = found
    lang, services = turn.lang, turn.services
    if meeting.state != MeetingState.SCHEDULED or meeting.slot is None:
        return Reply(text=text(lang, "meetings.answer_closed"))
    if payload.sequence != meeting.sequence:
        return Reply(text=text(lang, "meetings.stale"))
    try:
        day = date.fromisoformat(payload.day.strip())
        slot = Slot.at(day, time.fromisoformat(payload.time.strip()[:5]), meeting.duration)
    except ValueError:
        raise MeetingRefused("date") from None
    link = _pasted_link(payload.join_url) or meeting.join_url
    if slot != meeting.slot:
        check_slot(slot, services.now(), services.calendar, desk.settings)
    if slot == meeting.slot and link == meeting.join_url:
        return Reply(card=status_card(meeting, lang, text(lang, "meetings.unchanged")))
    if slot != meeting.slot:
        event = await _update_event(desk, services, meeting, slot)
        if event is not None and event.join_url and not payload.join_url.strip():
            link = event.join_url
    audience = await audience_for(services, desk, meeting, lang)
    done = await desk.meetings.change(
        meeting.id or 0,
        slot,
        link,
        sequence=meeting.sequence,
        actor=viewer.member.employee_id,
        notify=invitations(audience, update=True),
    )
    if done is None:
        return Reply(text=text(lang, "meetings.stale"))
    services.doorbell.ring()
    note = text(lang, "meetings.changed", title=plain(done.title), when=when(slot, lang))
    return Reply(card=status_card(done, lang, note))


async def cancel_ask(turn: Turn, payload: MeetingRef) -> Reply:
    found = await lead_meeting(turn, payload.meeting_id)
    if isinstance(found, Reply):
        return found
    meeting, _viewer = found
    lang = turn.lang
    if meeting.state == MeetingState.CANCELLED:
        return Reply(text=text(lang, "meetings.already_cancelled"))
    return Reply(
        card=card(
            [paragraph(text(lang, "meetings.cancel_ask", title=plain(meeting.title)))],
            [
                execute(
                    text(lang, "meetings.cancel_confirm"),
                    "meeting_cancel_confirm",
                    meeting_id=meeting.id,
                ),
                execute(text(lang, "meetings.cancel_back"), "meeting_tally", meeting_id=meeting.id),
            ],
        )
    )


async def cancel(turn: Turn, payload: MeetingRef) -> Reply:
    desk = desk_of(turn)
    found = await lead_meeting(turn, payload.meeting_id)
    if isinstance(found, Reply):
        return found
    meeting, viewer = found
    if meeting.state == MeetingState.CANCELLED:
        return Reply(text=text(turn.lang, "meetings.already_cancelled"))
    await _cancel_event(desk, turn.services, meeting, turn.lang)
    audience = await audience_for(turn.services, desk, meeting, turn.lang)
    done = await desk.meetings.cancel(
        meeting.id or 0, actor=viewer.member.employee_id, notify=cancellations(audience)
    )
    if done is None:
        return Reply(text=text(turn.lang, "meetings.already_cancelled"))
    turn.services.doorbell.ring()
    return Reply(text=text(turn.lang, "meetings.cancelled", title=plain(done.title)))


async def vote(turn: Turn, payload: Vote) -> Reply:
    """A participant's votes (any subset of the candidates, none included)."""
    lang, desk = turn.lang, desk_of(turn)
    meeting = await desk.meetings.get(payload.meeting_id)
    if meeting is None:
        return Reply(text=text(lang, "meetings.gone"))
    if meeting.state != MeetingState.POLLING:
        return Reply(text=text(lang, "meetings.poll_closed"))
    person = who(turn, meeting, await turn.viewer())
    if person is None:
        return Reply(text=text(lang, "meetings.not_invited"))
    picked = [v.strip() for v in payload.choices.split(",")]
    choices = sorted({int(v) for v in picked if v.isdigit() and int(v) < len(meeting.candidates)})
    done = await desk.meetings.vote(meeting.id or 0, person.key, choices)
    if done is None:
        return Reply(text=text(lang, "meetings.poll_closed"))
    shown = ", ".join(when(meeting.candidates[i], lang) for i in choices)
    note = (
        text(lang, "meetings.voted", choices=shown)
        if choices
        else text(lang, "meetings.voted_none")
    )
    audience = await audience_for(turn.services, desk, done, lang)
    voted = poll_card(done, audience, lang, note=note)
    voted["body"][-1]["value"] = ",".join(map(str, choices))
    return Reply(card=voted)


async def rsvp(turn: Turn, payload: Answer) -> Reply:
    lang, desk = turn.lang, desk_of(turn)
    meeting = await desk.meetings.get(payload.meeting_id)
    if meeting is None or meeting.state != MeetingState.SCHEDULED:
        return Reply(text=text(lang, "meetings.answer_closed"))
    person = who(turn, meeting, await turn.viewer())
    if person is None:
        return Reply(text=text(lang, "meetings.not_invited"))
    audience = await audience_for(turn.services, desk, meeting, lang)
    if payload.sequence != meeting.sequence:  # answering an outdated invitation
        current = invitation_card(meeting, audience, lang, update=True)
        return Reply(
            card={**current, "body": [paragraph(text(lang, "meetings.stale")), *current["body"]]}
        )
    response = payload.response
    done = await desk.meetings.answer(meeting.id or 0, person.key, response)
    if done is None:
        return Reply(text=text(lang, "meetings.answer_closed"))
    current = invitation_card(done, audience, lang, update=done.sequence > 0)
    line = text(
        lang,
        "meetings.answered",
        title=plain(done.title),
        response=text(lang, f"meetings.{response.value}"),
    )
    return Reply(card={**current, "body": [paragraph(line), *current["body"]]})


async def my_meetings(turn: Turn, _payload: object) -> Reply:
    """The lead's open polls and coming meetings, each with a button to its tally; then the
    open polls and coming meetings the person is invited to, with their own answer."""
    viewer = await turn.staff()
    desk = desk_of(turn)
    lang = turn.lang
    now = turn.services.now()
    since = now - timedelta(days=LIST_DAYS)
    me = viewer.member.employee_id

    def current(m: Meeting) -> bool:
        return m.state == MeetingState.POLLING or (
            m.state == MeetingState.SCHEDULED
            and m.slot is not None
            and m.slot.ends_at(turn.services.calendar) > now
        )

    mine = [m for m in await desk.meetings.organised_by(me, since=since) if current(m)]
    invited = [m for m in await desk.meetings.invited_to(me, since=since) if current(m)]
    if not mine and not invited:
        return Reply(text=text(lang, "meetings.list_empty"))
    body: list[dict[str, object]] = []
    actions = []
    if mine:
        body.append(heading(text(lang, "meetings.list_title")))
    for m in mine[:10]:
        if m.slot is not None:
            line = text(
                lang, "meetings.state_scheduled", title=plain(m.title), when=when(m.slot, lang)
            )
        else:
            line = text(
                lang,
                "meetings.state_polling",
                title=plain(m.title),
                voted=len(voters(m)),
                total=len(m.participants),
            )
        body.append(paragraph(line))
        actions.append(
            execute(
                text(lang, "meetings.open", title=m.title[:20]), "meeting_tally", meeting_id=m.id
            )
        )
    if invited:
        body.append(heading(text(lang, "meetings.invited_title")))
    for m in invited[:10]:
        body.append(paragraph(await _invited_line(turn, m, me)))
    return Reply(card=card(body, actions))


async def _invited_line(turn: Turn, meeting: Meeting, me: str) -> str:
    lang = turn.lang
    lead = await turn.services.directory.member(meeting.organiser)
    lead_name = plain(lead.name) if lead is not None else "—"
    mine = next((p for p in meeting.participants if p.key == me), None)
    if meeting.slot is None:
        voted = mine is not None and mine.votes is not None
        return text(
            lang,
            "meetings.invited_polling",
            title=plain(meeting.title),
            lead=lead_name,
            answer=text(lang, "meetings.invited_voted" if voted else "meetings.invited_not_voted"),
        )
    answer = mine.rsvp.value if mine is not None and mine.rsvp is not None else "none"
    return text(
        lang,
        "meetings.invited_scheduled",
        title=plain(meeting.title),
        lead=lead_name,
        when=when(meeting.slot, lang),
        answer=text(lang, f"meetings.rsvp_answer.{answer}"),
    )
