"""Messages that follow a change (approval requests and decisions), built as ledger rows.

They are enqueued in the same transaction as the change and sent by the dispatcher, so a
turn never waits on them and a crash cannot lose them.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.services import Services
from bot.features.approvals.request_card import request_card
from bot.ui.formatting import entry_line, plain
from bot.ui.messages import card_message, language_of
from bot.ui.texts import text
from domain.delivery import NewDelivery
from domain.org import (
    OrgChart,
    Role,
    StaffMember,
    Viewer,
    can_approve_for,
    next_level_approvers,
)
from domain.ports import Notify
from domain.schedule import EntryState, ScheduleEntry

APPROVAL_REQUEST = "approval_request"
APPROVAL_DECISION = "approval_decision"


def chosen_approvers(
    member: StaffMember, services: Services, chart: OrgChart, staff: dict[str, StaffMember]
) -> list[StaffMember]:
    """Who decides ``member``'s requests: their section's chiefs; for a chief's own request,
    whoever the policy names (``approval.chief_requests``: the manager above the section, or
    the admins); the configured admins when that is nobody."""
    rule = services.policy.approval.chief_requests
    chosen: list[StaffMember] = []
    admins: list[StaffMember] = []
    if member.is_section_chief and rule == "next_level":
        chosen = next_level_approvers(member, staff.values(), chart)
    for other in staff.values():
        if other.employee_id == member.employee_id:
            continue
        viewer = Viewer.of(other, chart, services.admins)
        if not can_approve_for(viewer, member, chart, chief_requests=rule):
            continue
        if Role.ADMIN in viewer.roles:
            admins.append(other)
        elif Role.SECTION_CHIEF in viewer.roles and not member.is_section_chief:
            chosen.append(other)
    return chosen or sorted(admins, key=lambda m: m.employee_id)


async def approvers_of(
    member: StaffMember, services: Services, chart: OrgChart, staff: dict[str, StaffMember]
) -> dict[str, str]:
    """Employee id → Teams user id of whoever may approve ``member`` (``chosen_approvers``).
    People who never talked to the bot cannot be reached."""
    chosen = chosen_approvers(member, services, chart, staff)
    return await services.directory.chat_ids([m.employee_id for m in chosen])


def approval_requests(
    requester: StaffMember,
    approvers: dict[str, str],
    staff: dict[str, StaffMember],
) -> Notify:
    """A ``notify`` callback: one approval card per approver for the pending days saved
    together (one request), with 「すべて承認」 when there are several."""

    def build(entries: list[ScheduleEntry]) -> Sequence[NewDelivery]:
        pending = [e for e in entries if e.state == EntryState.PENDING and e.id is not None]
        if not pending:
            return []
        deliveries = []
        first = min(e.id or 0 for e in pending)
        for employee_id, chat_id in approvers.items():
            approver = staff.get(employee_id)
            lang = language_of(approver) if approver else "ja"
            content = request_card(lang, requester, pending, chat_id)
            deliveries.append(
                NewDelivery(
                    recipient=chat_id,
                    kind=APPROVAL_REQUEST,
                    period_key=f"entry:{first}",
                    payload=card_message(content, text(lang, "notify.request_title")),
                )
            )
        return deliveries

    return build


class ApproverNotices:
    """The approvals feature's side of :class:`bot.core.ports.ApprovalRequests`."""

    def __init__(self, services: Services) -> None:
        self._services = services

    async def notify_approvers(self, requester: StaffMember, chart: OrgChart) -> Notify:
        staff = await self._services.directory.staff(active_only=True)
        approvers = await approvers_of(requester, self._services, chart, staff)
        return approval_requests(requester, approvers, staff)

    async def approver_names(self, requester: StaffMember, chart: OrgChart) -> list[str]:
        staff = await self._services.directory.staff(active_only=True)
        return [m.name for m in chosen_approvers(requester, self._services, chart, staff)]


def approval_decision(requester: StaffMember, chat_id: str | None, comment: str | None) -> Notify:
    """A ``notify`` callback: tell the requester what was decided (one message for the days
    decided together)."""

    def build(entries: list[ScheduleEntry]) -> Sequence[NewDelivery]:
        if chat_id is None or not entries:
            return []
        lang = language_of(requester)
        approved = entries[0].state == EntryState.CONFIRMED
        if len(entries) == 1:
            only = entries[0]
            key = "notify.approved" if approved else "notify.rejected"
            lines = [text(lang, key, entry=entry_line(only.day, only.part, only.status, lang))]
        else:
            decision = text(
                lang, "notify.decision.approved" if approved else "notify.decision.rejected"
            )
            lines = [text(lang, "notify.decided_days", count=len(entries), decision=decision)]
            lines += [entry_line(e.day, e.part, e.status, lang) for e in entries]
        if comment:
            lines.append(text(lang, "notify.comment", comment=plain(comment)))
        return [
            NewDelivery(
                recipient=chat_id,
                kind=APPROVAL_DECISION,
                period_key=f"entry:{min(e.id or 0 for e in entries)}",
                payload={"type": "message", "text": "\n\n".join(lines)},
            )
        ]

    return build
