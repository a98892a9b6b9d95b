"""Messages that follow a change (approval requests and decisions), built as ledger rows.

They are enqueued in the same transaction as the change and sent by the dispatcher, so a
turn never waits on them and a crash cannot lose them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.cards import CARD_CONTENT_TYPE, Card, card, execute, heading, paragraph
from bot.context import Features
from bot.formatting import entry_line, plain
from bot.texts import Lang, text
from domain.delivery import NewDelivery
from domain.org import OrgChart, Role, StaffMember, Viewer, can_approve_for
from domain.ports import Notify
from domain.schedule import EntryState, ScheduleEntry

APPROVAL_REQUEST = "approval_request"
APPROVAL_DECISION = "approval_decision"


def card_message(content: Card, summary: str) -> dict[str, Any]:
    """A Bot Framework message activity carrying one Adaptive Card."""
    return {
        "type": "message",
        "summary": summary,
        "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": content}],
    }


def language_of(member: StaffMember) -> Lang:
    return "en" if member.preferred_language == "en" else "ja"


async def approvers_of(
    member: StaffMember, features: Features, chart: OrgChart, staff: dict[str, StaffMember]
) -> dict[str, str]:
    """Employee id → Teams user id of whoever may approve ``member``: their section's chiefs,
    else the configured admins. People who never talked to the bot cannot be reached."""
    chiefs: list[str] = []
    admins: list[str] = []
    for other in staff.values():
        if other.employee_id == member.employee_id:
            continue
        viewer = Viewer.of(other, chart, features.admins)
        if not can_approve_for(viewer, member, chart):
            continue
        (chiefs if Role.SECTION_CHIEF in viewer.roles else admins).append(other.employee_id)
    chosen = chiefs or admins
    return await features.directory.chat_ids(chosen)


def approval_requests(
    requester: StaffMember,
    approvers: dict[str, str],
    staff: dict[str, StaffMember],
) -> Notify:
    """A ``notify`` callback: one approval card per pending entry and approver."""

    def build(entries: list[ScheduleEntry]) -> Sequence[NewDelivery]:
        deliveries = []
        for entry in entries:
            if entry.state != EntryState.PENDING or entry.id is None:
                continue
            for employee_id, chat_id in approvers.items():
                approver = staff.get(employee_id)
                lang = language_of(approver) if approver else "ja"
                shown = entry_line(entry.day, entry.part, entry.status, lang)
                content = card(
                    [
                        heading(text(lang, "notify.request_title")),
                        paragraph(
                            text(
                                lang, "notify.request_body", name=plain(requester.name), entry=shown
                            )
                        ),
                        {
                            "type": "Input.Text",
                            "id": f"comment_{entry.id}",
                            "placeholder": text(lang, "approvals.comment"),
                            "maxLength": 200,
                        },
                    ],
                    [
                        execute(text(lang, "approvals.approve"), "approve", entry_id=entry.id),
                        execute(text(lang, "approvals.reject"), "reject", entry_id=entry.id),
                    ],
                )
                deliveries.append(
                    NewDelivery(
                        recipient=chat_id,
                        kind=APPROVAL_REQUEST,
                        period_key=f"entry:{entry.id}",
                        payload=card_message(content, text(lang, "notify.request_title")),
                    )
                )
        return deliveries

    return build


def approval_decision(requester: StaffMember, chat_id: str | None, comment: str | None) -> Notify:
    """A ``notify`` callback: tell the requester what was decided."""

    def build(entries: list[ScheduleEntry]) -> Sequence[NewDelivery]:
        if chat_id is None:
            return []
        lang = language_of(requester)
        deliveries = []
        for entry in entries:
            key = "notify.approved" if entry.state == EntryState.CONFIRMED else "notify.rejected"
            lines = [text(lang, key, entry=entry_line(entry.day, entry.part, entry.status, lang))]
            if comment:
                lines.append(text(lang, "notify.comment", comment=plain(comment)))
            deliveries.append(
                NewDelivery(
                    recipient=chat_id,
                    kind=APPROVAL_DECISION,
                    period_key=f"entry:{entry.id}",
                    payload={"type": "message", "text": "\n\n".join(lines)},
                )
            )
        return deliveries

    return build
