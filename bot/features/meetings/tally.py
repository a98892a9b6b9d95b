"""The lead's cards: the live poll tally while polling, the answers (RSVP) and the change
form once scheduled."""

from __future__ import annotations

from typing import Any

from bot.core.services import Services
from bot.features.meetings.cards import instant, names, when
from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import plain
from bot.ui.texts import Lang, text
from domain import meeting_poll
from domain.meeting_poll import quorum_needed, rsvp_tally, voters
from domain.meetings import Meeting, MeetingState, Rsvp


def deadline_label(meeting: Meeting, services: Services, lang: Lang) -> str:
    return instant(meeting.poll_deadline or services.now(), services.calendar, lang)


def tally_card(
    meeting: Meeting, services: Services, lang: Lang, quorum: float, note: str | None = None
) -> Card:
    """The lead's view: poll results while polling, answers once scheduled."""
    if meeting.state == MeetingState.SCHEDULED:
        return status_card(meeting, lang, note)
    body: list[dict[str, Any]] = [paragraph(note)] if note else []
    body.append(heading(text(lang, "meetings.tally_title", title=plain(meeting.title))))
    counts = meeting_poll.tally(meeting)
    buttons = []
    for index, slot in enumerate(meeting.candidates):
        chose = [p.name for p in meeting.participants if index in (p.votes or ())]
        line = text(
            lang,
            "meetings.tally_line",
            when=when(slot, lang),
            votes=counts[index],
            names=f"（{names(chose, lang)}）" if chose else "",
        )
        body.append(paragraph(line))
        buttons.append(
            execute(
                text(lang, "meetings.finalise", when=when(slot, lang)),
                "meeting_finalise",
                meeting_id=meeting.id,
                index=index,
            )
        )
    body.append(
        paragraph(
            text(
                lang,
                "meetings.tally_voters",
                voted=len(voters(meeting)),
                total=len(meeting.participants),
                quorum=quorum_needed(meeting, quorum),
                deadline=deadline_label(meeting, services, lang),
            ),
            subtle=True,
        )
    )
    waiting = [p.name for p in meeting.participants if p.votes is None]
    if waiting:
        body.append(paragraph(text(lang, "meetings.tally_waiting", names=names(waiting, lang))))
    body.append(
        {
            "type": "Input.Text",
            "id": "join_url",
            "maxLength": 1000,
            "label": text(lang, "meetings.join_url_field"),
        }
    )
    body.append({"type": "ActionSet", "actions": buttons})
    return card(body, _lead_actions(meeting, lang))


def status_card(meeting: Meeting, lang: Lang, note: str | None = None) -> Card:
    assert meeting.slot is not None
    body: list[dict[str, Any]] = [paragraph(note)] if note else []
    body += [
        heading(text(lang, "meetings.status_title", title=plain(meeting.title))),
        paragraph(text(lang, "meetings.when", when=when(meeting.slot, lang))),
        paragraph(
            text(lang, "meetings.link", url=plain(meeting.join_url))
            if meeting.join_url
            else text(lang, "meetings.no_link")
        ),
    ]
    grouped = rsvp_tally(meeting)
    body.append(
        paragraph(
            text(
                lang,
                "meetings.rsvp_summary",
                accepted=len(grouped[Rsvp.ACCEPTED]),
                tentative=len(grouped[Rsvp.TENTATIVE]),
                declined=len(grouped[Rsvp.DECLINED]),
                waiting=len(grouped[None]),
            )
        )
    )
    for response, people in grouped.items():
        if people:
            label = text(lang, f"meetings.{response.value}" if response else "meetings.no_answer")
            line = text(
                lang,
                "meetings.rsvp_names",
                label=label,
                names=names([p.name for p in people], lang),
            )
            body.append(paragraph(line, subtle=True))
    slot = meeting.slot
    body += [
        {
            "type": "Input.Date",
            "id": "day",
            "label": text(lang, "meetings.change_day"),
            "value": slot.day.isoformat(),
        },
        {
            "type": "Input.Time",
            "id": "time",
            "label": text(lang, "meetings.change_time"),
            "value": f"{slot.start // 60:02d}:{slot.start % 60:02d}",
        },
        {
            "type": "Input.Text",
            "id": "join_url",
            "maxLength": 1000,
            "label": text(lang, "meetings.join_url_field"),
            "value": meeting.join_url or "",
        },
    ]
    change = execute(
        text(lang, "meetings.change"),
        "meeting_change",
        meeting_id=meeting.id,
        sequence=meeting.sequence,
    )
    return card(body, [change, *_lead_actions(meeting, lang)])


def _lead_actions(meeting: Meeting, lang: Lang) -> list[dict[str, Any]]:
    return [
        execute(text(lang, "meetings.refresh"), "meeting_tally", meeting_id=meeting.id),
        execute(text(lang, "meetings.cancel_button"), "meeting_cancel", meeting_id=meeting.id),
    ]
