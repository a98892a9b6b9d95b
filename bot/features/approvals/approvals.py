"""The section chief's approvals (事前申請・承認): list pending requests, approve or reject."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from pydantic import Field, StrictInt, model_validator

from bot.core.router import Payload
from bot.core.turn import Reply, Turn
from bot.features.approvals import notices as notifications
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import entry_line, plain
from bot.ui.texts import text
from domain.org import Role, StaffMember, can_approve_for
from domain.schedule import EntryState, ScheduleEntry

LOOK_BACK_DAYS = 31
LOOK_AHEAD_DAYS = 120
MAX_SHOWN = 20


class Decision(Payload):
    """An approve / reject button: the request, and the comment typed next to it (the card's
    input ``comment_<entry id>``: one card can list several requests)."""

    entry_id: StrictInt
    comment: Annotated[str, Field(max_length=200)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _typed_comment(cls, data: Any) -> Any:
        if isinstance(data, dict) and "comment" not in data:
            typed = data.get(f"comment_{data.get('entry_id')}")
            if isinstance(typed, str):
                return {**data, "comment": typed.strip()[:200] or None}
        return data


async def approvals(turn: Turn, _payload: object) -> Reply:
    viewer = await turn.staff()
    lang = turn.lang
    if not (viewer.is_admin or Role.SECTION_CHIEF in viewer.roles) or viewer.section is None:
        return Reply(text=text(lang, "approvals.denied"))
    chart = await turn.chart()
    staff = await turn.services.directory.staff(active_only=True)
    rule = turn.services.policy.approval.chief_requests
    people = {
        m.employee_id: m
        for m in staff.values()
        if m.employee_id != viewer.member.employee_id
        and can_approve_for(viewer, m, chart, chief_requests=rule)
        and (s := chart.section_of(m.org_unit)) is not None
        and s.code == viewer.section
    }
    today = turn.services.today()
    pending: list[tuple[StaffMember, ScheduleEntry]] = []
    for employee_id, member in sorted(people.items()):
        entries = await turn.services.schedule.entries(
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


async def decide(turn: Turn, payload: Decision, *, approve: bool) -> Reply:
    """Approve or reject one request; only someone allowed to approve for that person."""
    viewer = await turn.staff()
    lang = turn.lang
    entry = await turn.services.schedule.get(payload.entry_id)
    if entry is None or entry.state != EntryState.PENDING:
        return Reply(text=text(lang, "approvals.gone"))
    member = await turn.services.directory.member(entry.employee_id)
    rule = turn.services.policy.approval.chief_requests
    if member is None or not can_approve_for(
        viewer, member, await turn.chart(), chief_requests=rule
    ):
        return Reply(text=text(lang, "approvals.denied"))
    comment = payload.comment
    chat_ids = await turn.services.directory.chat_ids([member.employee_id])
    decided = await turn.services.schedule.decide(
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
    turn.services.doorbell.ring()
    key = "approvals.approved" if approve else "approvals.rejected"
    shown = entry_line(entry.day, entry.part, entry.status, lang)
    return Reply(text=text(lang, key, name=plain(member.name), entry=shown))


async def approve(turn: Turn, payload: Decision) -> Reply:
    return await decide(turn, payload, approve=True)


async def reject(turn: Turn, payload: Decision) -> Reply:
    return await decide(turn, payload, approve=False)
