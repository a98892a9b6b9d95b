"""What every team-meeting handler shares: the feature's services, refusals as replies, who is
talking, and the audience messages are written for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import bot.texts_meetings  # noqa: F401  (registers the meeting sentences)
from bot.context import Features, Reply, Turn
from bot.formatting import plain, short_date
from bot.meeting_cards import Audience
from bot.notifications import language_of
from bot.texts import Lang, text
from domain.meeting_ports import Meetings, OnlineMeetingProvider, SubTeams
from domain.meetings import Meeting, MeetingRefused, MeetingSettings, Participant
from domain.org import Viewer


@dataclass(frozen=True)
class MeetingDesk:
    """The meetings feature's services, wired once by the composition root.

    ``provider`` creates online meetings (None: the lead pastes a link; never a made-up one).
    ``attach_ics`` adds the .ics file to invitations as a ``data:`` URL attachment.
    """

    meetings: Meetings
    teams: SubTeams
    settings: MeetingSettings = field(default_factory=MeetingSettings)
    provider: OnlineMeetingProvider | None = None
    attach_ics: bool = True


MeetingHandler = Callable[[Turn, MeetingDesk], Awaitable[Reply]]


def refusal(lang: Lang, refused: MeetingRefused) -> Reply:
    """A domain refusal as the user reads it (dates shown as 12/8(火); text, which may echo
    what was typed or sent as card data, made inert)."""
    values = {
        k: short_date(v, lang) if isinstance(v, date) else plain(v) if isinstance(v, str) else v
        for k, v in refused.values.items()
    }
    return Reply(text=text(lang, f"meetings.refused.{refused.reason}", **values))


def sender_id(turn: Turn) -> str | None:
    sender = turn.context.activity.from_property
    return str(sender.id) if sender is not None and sender.id else None


def who(turn: Turn, meeting: Meeting, viewer: Viewer | None) -> Participant | None:
    """The participant talking: by employee id, else by Teams user id (guests in a group)."""
    key = viewer.member.employee_id if viewer else None
    return meeting.participant(key=key) or meeting.participant(chat_id=sender_id(turn))


def meeting_id(turn: Turn) -> int | None:
    value = turn.data.get("meeting_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


async def audience_for(
    features: Features, desk: MeetingDesk, meeting: Meeting, lang: Lang
) -> Audience:
    """Languages of the participants (their roster preference), the organiser, the clock."""
    staff = await features.directory.staff()
    langs: dict[str, Lang] = {
        p.key: language_of(staff[p.key]) for p in meeting.participants if p.key in staff
    }
    organiser = meeting.participant(meeting.organiser)
    if organiser is None:
        member = staff.get(meeting.organiser)
        organiser = Participant(
            meeting.organiser,
            member.name if member else meeting.organiser,
            email=member.email if member else None,
        )
    return Audience(
        calendar=features.calendar,
        organiser=organiser,
        langs=langs,
        default=lang,
        now=features.now(),
        attach_ics=desk.attach_ics,
    )


async def lead_meeting(turn: Turn, desk: MeetingDesk) -> tuple[Meeting, Viewer] | Reply:
    """The meeting named by the card, if the person pressing is its organiser."""
    viewer = await turn.staff()
    found = meeting_id(turn)
    meeting = await desk.meetings.get(found) if found is not None else None
    if meeting is None:
        return Reply(text=text(turn.lang, "meetings.gone"))
    if meeting.organiser != viewer.member.employee_id:
        return Reply(text=text(turn.lang, "meetings.not_lead"))
    return meeting, viewer


def field_text(data: dict[str, Any], key: str, limit: int = 200) -> str:
    """A text input from card data, stripped and cut to ``limit`` (absent: empty)."""
    value = data.get(key)
    return str(value).strip()[:limit] if isinstance(value, str | int) else ""
