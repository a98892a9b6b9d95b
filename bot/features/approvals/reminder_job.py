"""The weekday morning reminder to approvers who have requests waiting (事前申請の承認).

Requests for days already past are included (as far back as the chief's approvals list
looks): a pending day is never counted until it is approved, and it stops nudges, so it must
not be forgotten. The card says which of the waiting days are past.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.services import Services
from bot.features.approvals.approvals import LOOK_BACK_DAYS
from bot.ui.cards import card, execute, paragraph
from bot.ui.formatting import join_list, short_date
from bot.ui.messages import card_message, language_of
from bot.ui.texts import Lang, text
from domain.delivery import Firing, FiringHandler, NewDelivery
from domain.org import Role, Viewer, can_approve_for
from storage.engine import session_factory
from storage.ledger_fanout import fan_out_to

JOB_ID = "approvals-reminder"
DEFAULT_CRON = "30 9 * * mon-fri"
KIND = "approvals_reminder"
MAX_PAST_SHOWN = 5  # past days named in the card; more are "… and N more"


def past_days_line(lang: Lang, past: list[date]) -> str:
    """「うち3件は過去の日付です（11/20(金)、11/24(火)）…」 for the reminder card."""
    days = sorted(set(past))
    shown = join_list((short_date(d, lang) for d in days[:MAX_PAST_SHOWN]), lang)
    if len(days) > MAX_PAST_SHOWN:
        shown += text(lang, "reminder.approvals_more", count=len(days) - MAX_PAST_SHOWN)
    return text(lang, "reminder.approvals_past", count=len(past), days=shown)


def approvals_reminder(services: Services, engine: AsyncEngine) -> FiringHandler:
    """Each approver with requests waiting gets one card per firing (re-runnable)."""
    sessions = session_factory(engine)

    async def handle(firing: Firing) -> None:
        today = services.calendar.local_date(firing.scheduled_for)
        if not services.calendar.is_working_day(today):
            return
        pending = await services.schedule.pending(today - timedelta(days=LOOK_BACK_DAYS))
        if not pending:
            return
        chart = await services.directory.chart()
        staff = await services.directory.staff(active_only=True)
        waiting: Counter[str] = Counter()
        past: defaultdict[str, list[date]] = defaultdict(list)  # approver → past days waiting
        rule = services.policy.approval.chief_requests
        approvers = [
            Viewer.of(member, chart, services.admins)
            for member in staff.values()
            if member.is_section_chief
        ]
        for entry in pending:
            requester = staff.get(entry.employee_id)
            if requester is None:
                continue
            for viewer in approvers:
                if Role.SECTION_CHIEF in viewer.roles and can_approve_for(
                    viewer, requester, chart, chief_requests=rule
                ):
                    waiting[viewer.member.employee_id] += 1
                    if entry.day < today:
                        past[viewer.member.employee_id].append(entry.day)
        chat_ids = await services.directory.chat_ids(sorted(waiting))
        deliveries = []
        for employee_id, count in sorted(waiting.items()):
            if employee_id not in chat_ids:
                continue
            lang = language_of(staff[employee_id])
            lines = [paragraph(text(lang, "reminder.approvals", count=count))]
            if past[employee_id]:
                lines.append(paragraph(past_days_line(lang, past[employee_id])))
            content = card(lines, [execute(text(lang, "reminder.approvals_button"), "approvals")])
            deliveries.append(
                NewDelivery(
                    recipient=chat_ids[employee_id],
                    kind=KIND,
                    period_key=firing.period_key,
                    payload=card_message(content, text(lang, "reminder.approvals", count=count)),
                    run_id=firing.run_id,
                )
            )
        async with sessions.begin() as session:
            await fan_out_to(session, deliveries, now=services.now())
        services.doorbell.ring()

    return handle
