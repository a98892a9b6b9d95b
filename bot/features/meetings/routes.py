"""Team meetings: the commands people type and every button of the meeting cards.

Meetings are the feature meant for groups: the form, the poll and its buttons work in group
chats and channels too; the lead's own lists stay in the 1:1 chat. Guests (people not on
the roster, @mentioned in a group) may vote and answer, so those buttons do not require the
roster; the handlers check that the person pressing was invited.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.jobs import Job
from bot.core.router import NoPayload, Words, route
from bot.core.services import Services
from bot.core.turn import EVERYWHERE
from bot.features.meetings import jobs, lead, poll, team_day
from bot.features.meetings.desk import MeetingDesk
from bot.features.meetings.payloads import (
    Answer,
    Change,
    Finalise,
    MeetingRef,
    ProposeDay,
    StartPoll,
    Suggest,
    Vote,
)
from domain.delivery import FiringHandler
from storage.engine import session_factory

MEETING = Words(
    words={
        "ja": ("会議を設定", "会議設定", "チーム会議"),
        "en": ("schedule a team meeting", "team meeting"),
    },
    title={"ja": "会議を設定", "en": "team meeting"},
    description={
        "ja": "参加者の予定から候補日時を提案し、日程調整・招待まで行います",
        "en": "Find a time from everyone's schedule, poll and invite",
    },
    example={
        "ja": "会議を設定（グループでは「@ボット 会議を設定 @参加者」）",
        "en": "schedule a team meeting",
    },
)
MEETINGS = Words(
    words={"ja": ("会議一覧", "私の会議"), "en": ("my meetings",)},
    title={"ja": "会議一覧", "en": "my meetings"},
    description={
        "ja": "設定した会議と招待された会議の日程調整・出欠の状況を表示します",
        "en": "Your polls and upcoming meetings, and those you are invited to",
    },
    example={"ja": "会議一覧", "en": "my meetings"},
    in_menu=False,  # reached from the meeting cards and help
)
TEAM_DAY = Words(
    words={"ja": ("チームテレワーク日",), "en": ("team telework day",)},
    title={"ja": "チームテレワーク日", "en": "team telework day"},
    description={
        "ja": "来週、課室のテレワークが最も多い日を提案します（課室長は課室に提案できます）",
        "en": "Next week's day when most of your section teleworks; chiefs can propose it",
    },
    example={"ja": "チームテレワーク日", "en": "team telework day"},
    in_menu=False,  # in help
)

ROUTES = (
    route("meeting", poll.start, NoPayload, scopes=EVERYWHERE, words=MEETING),
    route("meetings", lead.my_meetings, NoPayload, words=MEETINGS),
    route("team_day", team_day.team_day, NoPayload, words=TEAM_DAY),
    route("meeting_candidates", poll.suggest, Suggest, scopes=EVERYWHERE),
    route("meeting_poll", poll.start_poll, StartPoll, scopes=EVERYWHERE),
    route("meeting_vote", lead.vote, Vote, scopes=EVERYWHERE, roster=False),
    route("meeting_tally", lead.tally, MeetingRef, scopes=EVERYWHERE),
    route("meeting_finalise", lead.finalise, Finalise, scopes=EVERYWHERE),
    route("meeting_change", lead.change, Change, scopes=EVERYWHERE),
    route("meeting_cancel", lead.cancel_ask, MeetingRef, scopes=EVERYWHERE),
    route("meeting_cancel_confirm", lead.cancel, MeetingRef, scopes=EVERYWHERE),
    route("meeting_rsvp", lead.rsvp, Answer, scopes=EVERYWHERE, roster=False),
    route("team_day_propose", team_day.propose, ProposeDay),
)


def _meetings(services: Services, engine: AsyncEngine) -> FiringHandler:
    return jobs.meeting_job(services, services.get(MeetingDesk), session_factory(engine))


# Poll deadlines, reminders before meetings, held meetings recorded for reports.
JOBS = (Job(jobs.JOB_ID, jobs.DEFAULT_CRON, _meetings),)
