"""The section chief's approvals (事前申請・承認): list pending requests, approve or reject.

The list groups each person's pending days: one day has 承認 / 差し戻し; several days (a
weekly plan) have 「すべて承認」, 「すべて差し戻し」 and 「1日ずつ」 (that person's days, each with
its own buttons). A button answers with the card it was pressed on, brought up to date (the
decided days lose their buttons), with what was done on top.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from pydantic import Field, StrictInt, model_validator

from bot.core.router import Payload
from bot.core.turn import Reply, Turn
from bot.features.approvals import notices as notifications
from bot.features.approvals.request_card import MAX_DAYS, request_card
from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import entry_line, join_list, plain, short_date
from bot.ui.texts import Lang, text
from domain.org import Role, StaffMember, Viewer, can_approve_for
from domain.schedule import EntryState, ScheduleEntry

LOOK_BACK_DAYS = 31
LOOK_AHEAD_DAYS = 120
MAX_SHOWN = 20  # people on the list card
View = Literal["request", "list", "person"]  # which card the button was on


def _typed_comment(data: Any, first: Any) -> Any:
    """The comment typed in the card's input ``comment_<first entry id>``."""
    if isinstance(data, dict) and "comment" not in data:
        typed = data.get(f"comment_{first}")
        if isinstance(typed, str):
            return {**data, "comment": typed.strip()[:200] or None}
    return data


class Decision(Payload):
    """An approve / reject button: the request, and the comment typed next to it (the card's
    input ``comment_<entry id>``: one card can list several requests)."""

    entry_id: StrictInt
    comment: Annotated[str, Field(max_length=200)] | None = None
    view: View = "request"

    @model_validator(mode="before")
    @classmethod
    def _comment(cls, data: Any) -> Any:
        return _typed_comment(data, data.get("entry_id") if isinstance(data, dict) else None)


class BatchDecision(Payload):
    """「すべて承認」/「すべて差し戻し」: every pending day of one person's request."""

    entry_ids: Annotated[list[StrictInt], Field(min_length=1, max_length=MAX_DAYS)]
    comment: Annotated[str, Field(max_length=200)] | None = None
    view: View = "request"

    @model_validator(mode="before")
    @classmethod
    def _comment(cls, data: Any) -> Any:
        ids = data.get("entry_ids") if isinstance(data, dict) else None
        return _typed_comment(data, ids[0] if isinstance(ids, list) and ids else None)


class RequestRef(Payload):
    """The approval request card's refresh: the days it shows."""

    entry_ids: Annotated[list[StrictInt], Field(min_length=1, max_length=MAX_DAYS)]


class PersonRef(Payload):
    """「1日ずつ」: one person's pending days, each with its own buttons."""

    employee_id: Annotated[str, Field(min_length=1, max_length=64)]


async def _pending_by_person(
    turn: Turn, viewer: Viewer
) -> list[tuple[StaffMember, list[ScheduleEntry]]]:
    chart = await turn.chart()
    staff = await turn.services.directory.staff(active_only=True)
    rule = turn.services.policy.approval.chief_requests
    # Chiefs and admins: their section. A manager above sections (局・部) decides the chiefs'
    # own requests when the policy says so: those chiefs.
    in_section = viewer.is_admin or Role.SECTION_CHIEF in viewer.roles
    people = {
        m.employee_id: m
        for m in staff.values()
        if m.employee_id != viewer.member.employee_id
        and can_approve_for(viewer, m, chart, chief_requests=rule)
        and (s := chart.section_of(m.org_unit)) is not None
        and (s.code == viewer.section or not in_section)
    }
    today = turn.services.today()
    grouped: list[tuple[StaffMember, list[ScheduleEntry]]] = []
    for employee_id, member in sorted(people.items()):
        entries = await turn.services.schedule.entries(
            employee_id,
            today - timedelta(days=LOOK_BACK_DAYS),
            today + timedelta(days=LOOK_AHEAD_DAYS),
        )
        pending = sorted(
            (e for e in entries if e.state == EntryState.PENDING and e.id is not None),
            key=lambda e: (e.day, e.part),
        )
        if pending:
            grouped.append((member, pending))
    return sorted(grouped, key=lambda p: (p[1][0].day, p[0].employee_id))


def _may_list(viewer: Viewer) -> bool:
    """Chiefs and admins of a section; managers placed above sections (局・部), who decide
    the chiefs' own requests under ``approval.chief_requests = "next_level"``."""
    if viewer.is_admin or Role.SECTION_CHIEF in viewer.roles:
        return viewer.section is not None
    return viewer.member.is_manager and viewer.section is None


async def approvals(turn: Turn, _payload: object) -> Reply:
    viewer = await turn.staff()
    if not _may_list(viewer):
        return Reply(text=text(turn.lang, "approvals.denied"))
    listed = await _list_card(turn, viewer)
    return Reply(text=text(turn.lang, "approvals.none")) if listed is None else Reply(card=listed)


async def _list_card(turn: Turn, viewer: Viewer, result: str | None = None) -> Card | None:
    lang = turn.lang
    today = turn.services.today()
    pending = await _pending_by_person(turn, viewer)
    if not pending:
        return (
            None
            if result is None
            else card([paragraph(result), paragraph(text(lang, "approvals.none"))])
        )
    chart = await turn.chart()
    own = viewer.section or viewer.member.org_unit
    unit = chart.unit(own) if own in chart else None
    body: list[dict[str, Any]] = [
        heading(text(lang, "approvals.title", section=plain(unit.name if unit else "—")))
    ]
    if result:
        body.append(paragraph(result))
    for member, entries in pending[:MAX_SHOWN]:
        name = plain(member.name)
        first = entries[0]
        items: list[dict[str, Any]] = []
        if len(entries) == 1:
            line = _listed(first, lang, today)
            items.append(paragraph(text(lang, "approvals.line", name=name, entry=line)))
            actions = [
                execute(text(lang, "approvals.approve"), "approve", entry_id=first.id, view="list"),
                execute(text(lang, "approvals.reject"), "reject", entry_id=first.id, view="list"),
            ]
        else:
            items.append(
                paragraph(text(lang, "approvals.person_title", name=name, count=len(entries)))
            )
            items.extend(
                {**paragraph(_listed(e, lang, today)), "spacing": "None"}
                for e in entries[:MAX_DAYS]
            )
            ids = [e.id for e in entries[:MAX_DAYS]]
            count = len(ids)
            actions = [
                execute(
                    text(lang, "approvals.approve_all", count=count),
                    "approve_all",
                    entry_ids=ids,
                    view="list",
                ),
                execute(
                    text(lang, "approvals.reject_all", count=count),
                    "reject_all",
                    entry_ids=ids,
                    view="list",
                ),
                execute(
                    text(lang, "approvals.one_by_one"),
                    "approvals_person",
                    employee_id=member.employee_id,
                ),
            ]
        items.append(_comment_input(lang, first.id))
        items.append({"type": "ActionSet", "actions": actions})
        body.append({"type": "Container", "separator": True, "items": items})
    return card(body)


def _listed(entry: ScheduleEntry, lang: Lang, today: date) -> str:
    """The entry's line, marked when its day is already past (issue 14 item 16)."""
    line = entry_line(entry.day, entry.part, entry.status, lang)
    return line + text(lang, "approvals.past") if entry.day < today else line


def _comment_input(lang: Any, entry_id: int | None) -> dict[str, Any]:
    return {
        "type": "Input.Text",
        "id": f"comment_{entry_id}",
        "placeholder": text(lang, "approvals.comment"),
        "maxLength": 200,
    }


async def person_days(turn: Turn, payload: PersonRef) -> Reply:
    """「1日ずつ」: the person's pending days, each with 承認 / 差し戻し."""
    viewer = await turn.staff()
    if not _may_list(viewer):
        return Reply(text=text(turn.lang, "approvals.denied"))
    built = await _person_card(turn, viewer, payload.employee_id)
    return Reply(text=text(turn.lang, "approvals.none")) if built is None else Reply(card=built)


async def _person_card(
    turn: Turn, viewer: Viewer, employee_id: str, result: str | None = None
) -> Card | None:
    lang = turn.lang
    found = [p for p in await _pending_by_person(turn, viewer) if p[0].employee_id == employee_id]
    if not found:
        return None if result is None else card([paragraph(result)])
    member, entries = found[0]
    body: list[dict[str, Any]] = [
        heading(text(lang, "approvals.person_title", name=plain(member.name), count=len(entries)))
    ]
    if result:
        body.append(paragraph(result))
    for entry in entries[:MAX_DAYS]:
        body.append(
            {
                "type": "Container",
                "separator": True,
                "items": [
                    paragraph(_listed(entry, lang, turn.services.today())),
                    _comment_input(lang, entry.id),
                    {
                        "type": "ActionSet",
                        "actions": [
                            execute(
                                text(lang, "approvals.approve"),
                                "approve",
                                entry_id=entry.id,
                                view="person",
                            ),
                            execute(
                                text(lang, "approvals.reject"),
                                "reject",
                                entry_id=entry.id,
                                view="person",
                            ),
                        ],
                    },
                ],
            }
        )
    return card(body)


async def _decide(
    turn: Turn,
    entry_ids: Sequence[int],
    comment: str | None,
    view: View,
    *,
    approve: bool,
) -> Reply:
    """Approve or reject the still-pending ``entry_ids`` of one person (only someone allowed
    to approve for that person); answer with the card the button was on, up to date."""
    lang = turn.lang
    schedule = turn.services.schedule
    found = await _request(turn, entry_ids)
    if isinstance(found, Reply):
        return found
    member, entries = found
    viewer = await turn.staff()
    pending = [e.id for e in entries if e.state == EntryState.PENDING and e.id is not None]
    decided: list[ScheduleEntry] = []
    if pending:
        chat_ids = await turn.services.directory.chat_ids([member.employee_id])
        decided = await schedule.decide_many(
            pending,
            approve=approve,
            actor=viewer.member.employee_id,
            comment=comment or None,
            notify=notifications.approval_decision(
                member, chat_ids.get(member.employee_id), comment or None
            ),
        )
    if decided:
        turn.services.doorbell.ring()
        result = _result(turn, member, decided, approve=approve)
    else:
        result = text(lang, "approvals.gone")
    if view == "list" and _may_list(viewer):
        listed = await _list_card(turn, viewer, result)
        return Reply(card=listed) if listed is not None else Reply(text=result)
    if view == "person" and _may_list(viewer):
        shown = await _person_card(turn, viewer, member.employee_id, result)
        return Reply(card=shown) if shown is not None else Reply(text=result)
    now = [e for i in entry_ids if (e := await schedule.get(i)) is not None]
    return Reply(card=request_card(lang, member, now, turn.sender.user_id, result=result))


def _result(turn: Turn, member: StaffMember, decided: list[ScheduleEntry], *, approve: bool) -> str:
    lang = turn.lang
    name = plain(member.name)
    if len(decided) == 1:
        only = decided[0]
        key = "approvals.approved" if approve else "approvals.rejected"
        return text(lang, key, name=name, entry=entry_line(only.day, only.part, only.status, lang))
    days = join_list((short_date(e.day, lang) for e in decided[:10]), lang)
    if len(decided) > 10:
        days += "…"
    key = "approvals.approved_days" if approve else "approvals.rejected_days"
    return text(lang, key, name=name, count=len(decided), days=days)


async def approve(turn: Turn, payload: Decision) -> Reply:
    return await _decide(turn, [payload.entry_id], payload.comment, payload.view, approve=True)


async def reject(turn: Turn, payload: Decision) -> Reply:
    return await _decide(turn, [payload.entry_id], payload.comment, payload.view, approve=False)


async def approve_all(turn: Turn, payload: BatchDecision) -> Reply:
    return await _decide(turn, payload.entry_ids, payload.comment, payload.view, approve=True)


async def reject_all(turn: Turn, payload: BatchDecision) -> Reply:
    return await _decide(turn, payload.entry_ids, payload.comment, payload.view, approve=False)


async def refresh(turn: Turn, payload: RequestRef) -> Reply:
    """The request card's refresh (Teams asks when the approver sees it): the current card,
    without buttons once decided. Only for someone who may decide the request."""
    found = await _request(turn, payload.entry_ids)
    if isinstance(found, Reply):
        return found
    member, entries = found
    return Reply(card=request_card(turn.lang, member, entries, turn.sender.user_id))


async def _request(
    turn: Turn, entry_ids: Sequence[int]
) -> tuple[StaffMember, list[ScheduleEntry]] | Reply:
    """The entries of one person's request and that person, when the sender may decide for
    them; otherwise the answer to give (the request is gone, or not theirs to decide)."""
    viewer = await turn.staff()
    schedule = turn.services.schedule
    entries = [e for i in dict.fromkeys(entry_ids) if (e := await schedule.get(i)) is not None]
    owners = {e.employee_id for e in entries}
    if not entries or len(owners) != 1:
        return Reply(text=text(turn.lang, "approvals.gone"))
    member = await turn.services.directory.member(owners.pop())
    rule = turn.services.policy.approval.chief_requests
    if member is None or not can_approve_for(
        viewer, member, await turn.chart(), chief_requests=rule
    ):
        return Reply(text=text(turn.lang, "approvals.denied"))
    return member, entries
