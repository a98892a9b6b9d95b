"""The section chief's approvals (事前申請・承認): list pending requests, approve or reject."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot import notifications
from bot.cards import card, execute, heading, paragraph
from bot.context import Reply, Turn
from bot.formatting import entry_line, plain
from bot.texts import text
from domain.org import Role, StaffMember, can_approve_for
from domain.schedule import EntryState, ScheduleEntry

LOOK_BACK_DAYS = 31
LOOK_AHEAD_DAYS = 120
MAX_SHOWN = 20


async def approvals(turn: Turn) -> Reply:
    viewer = await turn.staff()
    lang = turn.lang
    if not (viewer.is_admin or Role.SECTION_CHIEF in viewer.roles) or viewer.section is None:
        return Reply(text=text(lang, "approvals.denied"))
    chart = await turn.chart()
    staff = await turn.features.directory.staff(active_only=True)
    people = {
        m.employee_id: m
        for m in staff.values()
        if m.employee_id != viewer.member.employee_id
        and can_approve_for(viewer, m, chart)
        and (s := chart.section_of(m.org_unit)) is not None
        and s.code == viewer.section
    }
    today = turn.features.today()
    pending: list[tuple[StaffMember, ScheduleEntry]] = []
    for employee_id, member in sorted(people.items()):
        entries = await turn.features.schedule.entries(
            employee_id,
            today - timedelta(days=LOOK_BACK_DAYS),
            today + timedelta(days=LOOK_AHEAD_DAYS),
        )
        pending.extend((member, e) for e in entries if e.state == EntryState.PENDING)
    if not pending:
        return Reply(text=text(lang, "approvals.none"))
    body: list[dict[str, Any]] = [
        heading(text(lang, "approvals.title", section=plain(chart.unit(viewer.section).name)))
    ]
    for member, entry in sorted(pending, key=lambda p: (p[1].day, p[0].employee_id))[:MAX_SHOWN]:
        line = text(
            lang,
            "approvals.line",
            name=plain(member.name),
            entry=entry_line(entry.day, entry.part, entry.status, lang),
        )
        body.append(
            {
                "type": "Container",
                "separator": True,
                "items": [
                    paragraph(line),
                    {
                        "type": "Input.Text",
                        "id": f"comment_{entry.id}",
                        "placeholder": text(lang, "approvals.comment"),
                        "maxLength": 200,
                    },
                    {
                        "type": "ActionSet",
                        "actions": [
                            execute(text(lang, "approvals.approve"), "approve", entry_id=entry.id),
                            execute(text(lang, "approvals.reject"), "reject", entry_id=entry.id),
                        ],
                    },
                ],
            }
        )
    return Reply(card=card(body))


async def decide(turn: Turn, *, approve: bool) -> Reply:
    """Approve or reject one request; only someone allowed to approve for that person."""
    viewer = await turn.staff()
    lang = turn.lang
    entry_id = turn.data.get("entry_id")
    entry = await turn.features.schedule.get(entry_id) if isinstance(entry_id, int) else None
    if entry is None or entry.state != EntryState.PENDING:
        return Reply(text=text(lang, "approvals.gone"))
    member = await turn.features.directory.member(entry.employee_id)
    if member is None or not can_approve_for(viewer, member, await turn.chart()):
        return Reply(text=text(lang, "approvals.denied"))
    raw_comment = turn.data.get(f"comment_{entry.id}")
    comment = str(raw_comment).strip()[:200] if raw_comment else None
    chat_ids = await turn.features.directory.chat_ids([member.employee_id])
    decided = await turn.features.schedule.decide(
        entry.id or 0,
        approve=approve,
        actor=viewer.member.employee_id,
        comment=comment or None,
        notify=notifications.approval_decision(
            member, chat_ids.get(member.employee_id), comment or None
        ),
    )
    if decided is None:
        return Reply(text=text(lang, "approvals.gone"))
    turn.features.doorbell.ring()
    key = "approvals.approved" if approve else "approvals.rejected"
    shown = entry_line(entry.day, entry.part, entry.status, lang)
    return Reply(text=text(lang, key, name=plain(member.name), entry=shown))


async def approve(turn: Turn) -> Reply:
    return await decide(turn, approve=True)


async def reject(turn: Turn) -> Reply:
    return await decide(turn, approve=False)
