"""What every team-meeting handler shares: the feature's services, refusals as replies, who is
talking, and the audience messages are written for."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.services import Services
from bot.core.turn import Reply, Turn
from bot.features.meetings.cards import Audience
from bot.ui.messages import language_of
from bot.ui.texts import Lang, text
from domain.m365 import FreeBusy, MeetingCalendar
from domain.meeting_ports import Meetings, SubTeams
from domain.meetings import Meeting, MeetingSettings, Participant
from domain.org import Viewer


@dataclass(frozen=True)
class MeetingDesk:
    """The meetings feature's services, wired once by the composition root.

    ``calendar`` puts the meeting in the organiser's Outlook calendar with a Teams link and
    invites the participants there (Microsoft 365; None: the lead pastes a link, never a
    made-up one). ``attach_ics`` adds the .ics file to invitations as a ``data:`` URL
    attachment when the meeting has no Outlook event. ``free_busy`` reads participants'
    Outlook calendars when candidate times are ranked (None: declared schedules only).
    """

    meetings: Meetings
    teams: SubTeams
    settings: MeetingSettings = field(default_factory=MeetingSettings)
    calendar: MeetingCalendar | None = None
    free_busy: FreeBusy | None = None
    attach_ics: bool = True


def desk_of(turn: Turn) -> MeetingDesk:
    return turn.services.get(MeetingDesk)


def who(turn: Turn, meeting: Meeting, viewer: Viewer | None) -> Participant | None:
    """The participant talking: by employee id, else by Teams user id (guests in a group)."""
    key = viewer.member.employee_id if viewer else None
    return meeting.participant(key=key) or meeting.participant(chat_id=turn.sender.user_id)


async def audience_for(
    services: Services, desk: MeetingDesk, meeting: Meeting, lang: Lang
) -> Audience:
    """Languages of the participants (their roster preference), the organiser, the clock."""
    staff = await services.directory.staff()
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
        calendar=services.calendar,
        organiser=organiser,
        langs=langs,
        default=lang,
        now=services.now(),
        attach_ics=desk.attach_ics,
    )


async def lead_meeting(turn: Turn, meeting_id: int) -> tuple[Meeting, Viewer] | Reply:
    """The meeting named by the card, if the person pressing is its organiser."""
    viewer = await turn.staff()
    meeting = await desk_of(turn).meetings.get(meeting_id)
    if meeting is None:
        return Reply(text=text(turn.lang, "meetings.gone"))
    if meeting.organiser != viewer.member.employee_id:
        return Reply(text=text(turn.lang, "meetings.not_lead"))
    return meeting, viewer
