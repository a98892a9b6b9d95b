"""Cards and ledger messages of team meetings: the poll, the lead's tally, the invitation with
its .ics and RSVP buttons, change and cancellation notices, reminders.

Messages are built as :class:`NewDelivery` values (``MeetingNotify`` callbacks) so the
repository enqueues them in the transaction that changes the meeting. Idempotency keys:
poll ``meeting:<id>``; invitation and start reminder ``meeting:<id>:<sequence>`` (each change
is a new message); cancellation, poll reminder and notes to the lead ``meeting:<id>``.
In a group chat or channel, the poll and notices go to that conversation once; reminders
before the start go 1:1 to those who accepted or answered tentative.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.features.meetings.ics import ics_attachment, meeting_ics, outlook_link
from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.messages import card_message
from bot.ui.texts import Lang, text
from domain.calendar import WorkCalendar
from domain.delivery import NewDelivery
from domain.meeting_ports import MeetingNotify
from domain.meetings import Meeting, MeetingState, Participant, Rsvp, Slot, clock_label

POLL = "meeting_poll"
POLL_REMINDER = "meeting_poll_reminder"
INVITATION = "meeting_invitation"
CANCELLATION = "meeting_cancellation"
START_REMINDER = "meeting_start_reminder"
LEAD_NOTE = "meeting_lead_note"
TEAM_DAY = "team_day_proposal"
NAMES_SHOWN = 15


def when(slot: Slot, lang: Lang) -> str:
    """12/8(火) 14:00–15:00 (Tue 12/8 14:00–15:00)."""
    return f"{short_date(slot.day, lang)} {clock_label(slot.start)}–{clock_label(slot.end)}"


def instant(moment: datetime, calendar: WorkCalendar, lang: Lang) -> str:
    local = moment.astimezone(calendar.tz)
    return f"{short_date(local.date(), lang)} {local:%H:%M}"


def names(people: Sequence[str], lang: Lang) -> str:
    """People's names for a TextBlock (made inert: guests name themselves in Teams)."""
    first = [plain(p) for p in people[:NAMES_SHOWN]]
    shown = "、".join(first) if lang == "ja" else ", ".join(first)
    more = len(people) - NAMES_SHOWN
    if more > 0:
        shown += f" ほか{more}名" if lang == "ja" else f" and {more} more"
    return shown or "—"


@dataclass(frozen=True)
class Audience:
    """What message builders need besides the meeting: languages, the organiser, the clock."""

    calendar: WorkCalendar
    organiser: Participant
    langs: Mapping[str, Lang]  # participant key → language (guests: the lead's language)
    default: Lang
    now: datetime
    attach_ics: bool = True

    def lang(self, person: Participant | None) -> Lang:
        return self.langs.get(person.key, self.default) if person else self.default


def _deliver(
    meeting: Meeting,
    audience: Audience,
    kind: str,
    key: str,
    build: Callable[[Lang, Participant | None], dict[str, Any]],
    people: Sequence[Participant] | None = None,
) -> list[NewDelivery]:
    """One message to the group conversation, or one per reachable participant 1:1."""
    if meeting.conversation_id is not None and people is None:
        payload = build(audience.default, None)
        return [NewDelivery(meeting.conversation_id, kind, key, payload, meeting.conversation_id)]
    targets = meeting.participants if people is None else people
    return [
        NewDelivery(p.chat_id, kind, key, build(audience.lang(p), p))
        for p in targets
        if p.chat_id and p.is_staff
    ]


# -- the poll -----------------------------------------------------------------------------------


def poll_card(meeting: Meeting, audience: Audience, lang: Lang, note: str | None = None) -> Card:
    deadline = instant(meeting.poll_deadline or audience.now, audience.calendar, lang)
    choices = [
        {"title": when(slot, lang), "value": str(i)} for i, slot in enumerate(meeting.candidates)
    ]
    organiser = plain(audience.organiser.name)
    intro = text(lang, "meetings.poll_intro", organiser=organiser, deadline=deadline)
    top = [paragraph(note)] if note else []
    return card(
        [
            *top,
            heading(text(lang, "meetings.poll_title", title=plain(meeting.title))),
            paragraph(intro),
            {
                "type": "Input.ChoiceSet",
                "id": "choices",
                "isMultiSelect": True,
                "style": "expanded",
                "choices": choices,
            },
        ],
        [execute(text(lang, "meetings.vote"), "meeting_vote", meeting_id=meeting.id)],
    )


def poll_notices(audience: Audience) -> MeetingNotify:
    def build(meeting: Meeting) -> Sequence[NewDelivery]:
        def payload(lang: Lang, _person: Participant | None) -> dict[str, Any]:
            summary = text(lang, "meetings.poll_title", title=meeting.title)
            return card_message(poll_card(meeting, audience, lang), summary)

        return _deliver(meeting, audience, POLL, f"meeting:{meeting.id}", payload)

    return build


def poll_reminders(audience: Audience) -> MeetingNotify:
    """The one reminder to those who have not voted (in a group: one line naming them)."""

    def build(meeting: Meeting) -> Sequence[NewDelivery]:
        waiting = [p for p in meeting.participants if p.votes is None]
        deadline = meeting.poll_deadline or audience.now

        def payload(lang: Lang, person: Participant | None) -> dict[str, Any]:
            shown = instant(deadline, audience.calendar, lang)
            title = plain(meeting.title)
            if person is None:
                line = text(
                    lang,
                    "meetings.poll_reminder_group",
                    title=title,
                    deadline=shown,
                    names=names([p.name for p in waiting], lang),
                )
            else:
                line = text(lang, "meetings.poll_reminder", title=title, deadline=shown)
            summary = text(lang, "meetings.poll_title", title=meeting.title)
            return card_message(poll_card(meeting, audience, lang, note=line), summary)

        key = f"meeting:{meeting.id}"
        people = None if meeting.in_group else waiting
        return _deliver(meeting, audience, POLL_REMINDER, key, payload, people)

    return build


# -- the invitation -----------------------------------------------------------------------------


def rsvp_buttons(meeting: Meeting, lang: Lang) -> list[dict[str, Any]]:
    return [
        execute(
            text(lang, f"meetings.{r.value}"),
            "meeting_rsvp",
            meeting_id=meeting.id,
            response=r.value,
            sequence=meeting.sequence,
        )
        for r in Rsvp
    ]


def invitation_card(meeting: Meeting, audience: Audience, lang: Lang, *, update: bool) -> Card:
    assert meeting.slot is not None
    title_key = "meetings.update_title" if update else "meetings.invite_title"
    body = [
        heading(text(lang, title_key, title=plain(meeting.title))),
        paragraph(text(lang, "meetings.invite_body", organiser=plain(audience.organiser.name))),
        paragraph(text(lang, "meetings.when", when=when(meeting.slot, lang))),
        paragraph(
            text(lang, "meetings.link", url=plain(meeting.join_url))
            if meeting.join_url
            else text(lang, "meetings.no_link")
        ),
    ]
    if meeting.calendar_event_id is not None:
        body.append(paragraph(text(lang, "meetings.in_outlook"), subtle=True))
    actions = rsvp_buttons(meeting, lang)
    if meeting.join_url:
        actions.append(
            {
                "type": "Action.OpenUrl",
                "title": text(lang, "meetings.join"),
                "url": meeting.join_url,
            }
        )
    # With an Outlook event (Microsoft 365), Outlook has invited everyone already.
    link = outlook_link(meeting, audience.calendar) if meeting.calendar_event_id is None else None
    if link:
        actions.append(
            {"type": "Action.OpenUrl", "title": text(lang, "meetings.add_calendar"), "url": link}
        )
    return card(body, actions)


def _with_ics(
    message: dict[str, Any], meeting: Meeting, audience: Audience, person: Participant | None
) -> dict[str, Any]:
    # The .ics is the fallback: with an Outlook event, Outlook sends the invitations.
    if audience.attach_ics and meeting.slot is not None and meeting.calendar_event_id is None:
        content = meeting_ics(
            meeting,
            calendar=audience.calendar,
            organiser=audience.organiser,
            attendee=person,
            stamp=audience.now,
        )
        message["attachments"].append(ics_attachment(content))
    return message


def invitations(audience: Audience, *, update: bool) -> MeetingNotify:
    def build(meeting: Meeting) -> Sequence[NewDelivery]:
        def payload(lang: Lang, person: Participant | None) -> dict[str, Any]:
            content = invitation_card(meeting, audience, lang, update=update)
            summary = text(lang, "meetings.invite_title", title=meeting.title)
            return _with_ics(card_message(content, summary), meeting, audience, person)

        key = f"meeting:{meeting.id}:{meeting.sequence}"
        return _deliver(meeting, audience, INVITATION, key, payload)

    return build


def cancellations(audience: Audience) -> MeetingNotify:
    def build(meeting: Meeting) -> Sequence[NewDelivery]:
        def payload(lang: Lang, person: Participant | None) -> dict[str, Any]:
            organiser = plain(audience.organiser.name)
            if meeting.slot is not None:
                line = text(
                    lang, "meetings.cancel_body", organiser=organiser, when=when(meeting.slot, lang)
                )
            else:
                line = text(lang, "meetings.cancel_poll_body", organiser=organiser)
            title = text(lang, "meetings.cancel_title", title=plain(meeting.title))
            summary = text(lang, "meetings.cancel_title", title=meeting.title)
            message = card_message(card([heading(title), paragraph(line)]), summary)
            return _with_ics(message, meeting, audience, person)

        return _deliver(meeting, audience, CANCELLATION, f"meeting:{meeting.id}", payload)

    return build


def start_reminders(
    meeting: Meeting, audience: Audience, people: Sequence[Participant]
) -> list[NewDelivery]:
    assert meeting.slot is not None
    slot = meeting.slot

    def payload(lang: Lang, _person: Participant | None) -> dict[str, Any]:
        line = text(
            lang, "meetings.start_reminder", title=plain(meeting.title), when=when(slot, lang)
        )
        summary = text(lang, "meetings.start_reminder", title=meeting.title, when=when(slot, lang))
        actions = []
        if meeting.join_url:
            actions.append(
                {
                    "type": "Action.OpenUrl",
                    "title": text(lang, "meetings.join"),
                    "url": meeting.join_url,
                }
            )
        return card_message(card([paragraph(line)], actions), summary)

    key = f"meeting:{meeting.id}:{meeting.sequence}"
    return _deliver(meeting, audience, START_REMINDER, key, payload, people)


def lead_note(
    meeting: Meeting, audience: Audience, what: str, line_of: Callable[[Lang], str]
) -> MeetingNotify:
    """A note to the organiser (``what``: ``finalised`` by the deadline job, or ``expired``
    without a quorum), once per meeting and kind of note."""

    def build(_meeting: Meeting) -> Sequence[NewDelivery]:
        organiser = meeting.participant(meeting.organiser) or audience.organiser

        def payload(lang: Lang, _person: Participant | None) -> dict[str, Any]:
            line = line_of(lang)
            button = execute(text(lang, "meetings.refresh"), "meeting_tally", meeting_id=meeting.id)
            return card_message(card([paragraph(line)], [button]), line)

        key = f"meeting:{meeting.id}:{what}"
        return _deliver(meeting, audience, LEAD_NOTE, key, payload, [organiser])

    return build


def both(*notices: MeetingNotify) -> MeetingNotify:
    def build(meeting: Meeting) -> Sequence[NewDelivery]:
        return [d for notice in notices for d in notice(meeting)]

    return build


def is_open(meeting: Meeting) -> bool:
    return meeting.state != MeetingState.CANCELLED
