"""Approvals: the chief's list of pending requests and the approve / reject buttons."""

from __future__ import annotations

from bot.core.jobs import Job
from bot.core.router import NoPayload, Words, on_answer, route
from bot.features.approvals import reminder_job
from bot.features.approvals.approvals import (
    BatchDecision,
    Decision,
    PersonRef,
    RequestRef,
    approvals,
    approve,
    approve_all,
    person_days,
    refresh,
    reject_all,
)
from bot.features.approvals.comments import REASON, reason_given, reject_with_reason
from bot.features.approvals.request_card import REFRESH_VERB
from domain.org import Role

APPROVALS = Words(
    words={"ja": ("承認待ち", "承認一覧", "申請一覧"), "en": ("approvals", "pending requests")},
    title={"ja": "承認待ち", "en": "approvals"},
    description={
        "ja": "課室長：課室の承認待ちの申請を表示し、承認・差し戻しします",
        "en": "Section chiefs: review and approve your section's requests",
    },
    example={"ja": "承認待ち", "en": "approvals"},
)
APPROVERS = (Role.SECTION_CHIEF, Role.ADMIN)
DENIED = "approvals.denied"

ROUTES = (
    route("approvals", approvals, NoPayload, roles=APPROVERS, denied=DENIED, words=APPROVALS),
    route("approve", approve, Decision),
    route("reject", reject_with_reason, Decision),
    route("approve_all", approve_all, BatchDecision),
    route("reject_all", reject_all, BatchDecision),
    route("approvals_person", person_days, PersonRef, roles=APPROVERS, denied=DENIED),
    route(REFRESH_VERB, refresh, RequestRef),
)
INTENTS = ()
ANSWERS = (on_answer(REASON, reason_given),)

JOBS = (Job(reminder_job.JOB_ID, reminder_job.DEFAULT_CRON, reminder_job.approvals_reminder),)
