"""Declaring and cancelling telework from chat: read back, confirm, then save.

Card buttons carry the requested days, never who is asking: the person is always the one
talking, and every day is checked against the rules again when the button comes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import Any

from bot.core.ports import ApprovalRequests
from bot.core.turn import Reply, Turn
from bot.features.declare.payloads import (
    Confirm,
    Day,
    EntryIds,
    FormSubmit,
    MovedDay,
    OpenForm,
    Prefill,
)
from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import entry_line, join_list, part_label, plain, short_date, status_label
from bot.ui.texts import Lang, text
from dialogs.conversation import Clarification
from dialogs.understanding import Interpretation
from dialogs.understanding.questions import render
from domain.allowance import OrderedDays, may_replace_ordered
from domain.declarations import (
    MoveFrom,
    Proposal,
    ProposedDay,
    Refusal,
    Requested,
    entries_to_save,
    moved_from,
    propose,
    replaced_ids,
)
from domain.org import StaffMember, Viewer
from domain.schedule import EntryState, EntryStatus, ScheduleEntry

_ENTRY_STATUSES = frozenset(s.value for s in EntryStatus)


async def _proposal(
    turn: Turn,
    viewer: Viewer,
    requested: Sequence[Requested],
    moves: Sequence[MoveFrom] = (),
) -> Proposal:
    services = turn.services
    days = [d for d in (_as_date(r.day) for r in requested) if d is not None]
    days += [m.day for m in moves]
    existing: list[ScheduleEntry] = []
    if days:
        existing = await services.schedule.entries(viewer.member.employee_id, min(days), max(days))
    proposal = propose(
        viewer.member,
        requested,
        existing,
        policy=services.policy,
        calendar=services.calendar,
        now=services.now(),
    )
    proposal.moved_from = moved_from(moves, existing, proposal)
    return proposal


def _as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _requested(days: Iterable[Day]) -> list[Requested]:
    return [Requested(d.date.isoformat(), d.part, d.status.value) for d in days]


def _moves(days: Iterable[MovedDay]) -> list[MoveFrom]:
    return [MoveFrom(d.date, d.part, d.status) for d in days]


CLARIFY = "declare.clarify"  # a declaration being clarified (dialogs.conversation.clarify)
READ_BACK = "declare.read_back"  # a read-back card waiting for yes / no / an adjustment


async def declare(turn: Turn, meaning: Interpretation) -> Reply:
    """Read back what was understood, with Confirm / Change / Cancel. A change
    (``meaning.replaces``) also shows, and on confirmation cancels, the day it moves from.
    When the message left a question (which day? which status?) ask it, and keep what it
    did say for the answer (``answers.clarified``)."""
    viewer = await turn.staff()
    if meaning.question:
        question = question_text(meaning, turn.lang)
        turn.exchange.hold(CLARIFY, Clarification.begin(meaning, question).to_json())
        return Reply(text=question)
    requested = [
        Requested(e.day.isoformat(), e.part, e.status.value if e.status else "telework")
        for e in meaning.entries
    ]
    moves = [
        MoveFrom(r.day, r.part, EntryStatus(r.status.value) if r.status else None)
        for r in meaning.replaces
        if r.status is None or r.status.value in _ENTRY_STATUSES
    ]
    proposal = await _proposal(turn, viewer, requested, moves)
    return read_back(turn, proposal)


_WITHOUT_VALUES = frozenset(
    {
        "which_day", "which_status", "which_part", "which_half", "invalid_range",
        "range_too_long", "no_working_days", "time_end_only", "time_order", "too_long",
        "which_weekday", "which_weekday_end",
    }
)  # fmt: skip


def question_text(meaning: Interpretation, lang: Lang) -> str:
    """The understanding's question, in the person's language where it names no values."""
    code = meaning.question_code
    if code in _WITHOUT_VALUES and meaning.lang != lang:
        return render(code, lang, {})
    return meaning.question or render("which_day", lang, {})


def read_back(
    turn: Turn, proposal: Proposal, *, note: str | None = None, memo: str | None = None
) -> Reply:
    """The read-back card (or, when nothing is left to save, a sentence saying why)."""
    lang = turn.lang
    refusals = [_refusal_text(day, why, turn) for day, why in proposal.refused]
    if not proposal.to_save:
        lines = (
            [
                text(
                    lang,
                    "declare.already",
                    lines=join_list(
                        (entry_line(d.day, d.part, d.status, lang) for d in proposal.days), lang
                    ),
                )
            ]
            if proposal.days
            else []
        )
        return Reply(text="\n\n".join([*lines, *refusals]) or text(lang, "declare.nothing"))
    body: list[dict[str, Any]] = [heading(text(lang, "declare.confirm_title"))]
    if note:
        body.append(paragraph(note, subtle=True))
    if proposal.moved_from:
        old = _lines(proposal.moved_from, lang)
        new = join_list((short_date(d.day, lang) for d in proposal.to_save), lang)
        body.append(paragraph(text(lang, "declare.moves", old=old, new=new)))
    body.extend(_day_block(day, lang) for day in proposal.days)
    if memo:
        body.append(paragraph(text(lang, "declare.memo", memo=plain(memo)), subtle=True))
    body.extend(paragraph(r) for r in refusals)
    data: dict[str, Any] = {
        "entries": [
            {"date": d.day.isoformat(), "part": d.part, "status": d.status.value}
            for d in proposal.to_save
        ],
        "replacing": replaced_ids(proposal),
    }
    if proposal.moved_from:
        data["moves"] = [
            {"date": e.day.isoformat(), "part": e.part, "status": e.status.value}
            for e in proposal.moved_from
        ]
    if memo:
        data["note"] = memo
    prefill = _prefill_of(turn, proposal.to_save, memo)
    body.append(paragraph(text(lang, "declare.reply_hint"), subtle=True))
    turn.exchange.hold(READ_BACK, data)
    actions = [
        execute(text(lang, "declare.button.confirm"), "declare_confirm", **data),
        execute(text(lang, "declare.button.change"), "declare_form", prefill=prefill),
        execute(text(lang, "declare.button.dismiss"), "declare_dismiss"),
    ]
    return Reply(card=card(body, actions))


def _prefill_of(turn: Turn, days: Sequence[Any], memo: str | None) -> dict[str, str]:
    """The form's values for the read-back's change button: the day (or the range, when the
    days are every working day between the first and the last), the part (a time range as
    start and end) and the note."""
    first, last = days[0], days[-1]
    prefill = {"date": first.day.isoformat(), "part": first.part, "status": first.status.value}
    same = all(d.part == first.part and d.status == first.status for d in days)
    if same and len(days) > 1:
        span = turn.services.calendar.working_days(first.day, last.day)
        if span == [d.day for d in days]:
            prefill["until"] = last.day.isoformat()
    if "-" in first.part and first.part.count(":") == 2:
        start, end = first.part.split("-")
        prefill |= {"part": "time", "start": start, "end": end}
    if memo:
        prefill["note"] = memo
    return prefill


def _lines(entries: Iterable[ScheduleEntry], lang: Lang) -> str:
    return join_list((entry_line(e.day, e.part, e.status, lang) for e in entries), lang)


def _day_block(day: ProposedDay, lang: Lang) -> dict[str, Any]:
    badges = []
    if day.already:
        badges.append(text(lang, "declare.badge.already"))
    if day.closure:
        key = "declare.badge.closed"
        if day.status == EntryStatus.TELEWORK:
            key = "declare.badge.closed_telework"  # allowed by the policy, never counted
        badges.append(text(lang, key, closure=day.closure))
    for old in day.replaces:
        badges.append(
            text(
                lang,
                "declare.badge.replaces",
                old=f"{part_label(old.part, lang)} {status_label(old.status, lang)}",
            )
        )
    if day.needs_approval:
        badges.append(text(lang, "declare.badge.approval"))
    if day.late:
        badges.append(text(lang, "declare.badge.late"))
    if day.retroactive:
        badges.append(text(lang, "declare.badge.retroactive"))
    line = entry_line(day.day, day.part, day.status, lang)
    suffix = f"（{'・'.join(badges)}）" if lang == "ja" else f" ({'; '.join(badges)})"
    return {
        "type": "TextBlock",
        "wrap": True,
        "weight": "Bolder",
        "text": line + (suffix if badges else ""),
    }


def _refusal_text(day_text: str, why: Refusal, turn: Turn) -> str:
    lang = turn.lang
    day = _as_date(day_text)
    shown = short_date(day, lang) if day else plain(day_text[:20])  # card data may be forged
    if why == Refusal.NOT_ELIGIBLE:
        return text(lang, "refusal.not_eligible", day=shown, since=_eligible_since(turn, lang))
    if why == Refusal.CLOSED_DAY and day is not None:
        closure = turn.services.calendar.closure_reason(day)
        name = closure.name(lang) if closure else "-"
        return text(lang, "refusal.closed_day", day=shown, closure=name)
    if why == Refusal.TOO_FAR_BACK:
        return text(
            lang,
            "refusal.too_far_back",
            day=shown,
            days=turn.services.policy.declarations.retroactive_working_days,
        )
    return text(lang, f"refusal.{why.value}", day=shown)


def _eligible_since(turn: Turn, lang: Lang) -> str:
    viewer = turn.cached_viewer
    if viewer is None:
        return "-"
    since = turn.services.policy.eligibility.eligible_from(viewer.member.hire_date)
    return short_date(since, lang)


async def confirm(turn: Turn, payload: Confirm) -> Reply:
    """The Confirm button: validate again, then save (or show what changed meanwhile)."""
    viewer = await turn.staff()
    services = turn.services
    proposal = await _proposal(turn, viewer, _requested(payload.entries), _moves(payload.moves))
    memo = payload.note
    if proposal.to_save and replaced_ids(proposal) != sorted(payload.replacing):
        return read_back(turn, proposal, note=text(turn.lang, "declare.changed"), memo=memo)
    if not proposal.to_save:
        return read_back(turn, proposal, memo=memo)
    if not await _keeps_orders(turn, proposal):
        return Reply(text=text(turn.lang, "declare.ordered_kept"))
    to_save = entries_to_save(proposal, memo)
    notify = None
    if any(e.state == EntryState.PENDING for e in to_save):
        approvals = services.get(ApprovalRequests)  # type: ignore[type-abstract]
        notify = await approvals.notify_approvers(viewer.member, await turn.chart())
    saved = await services.schedule.save(
        to_save,
        actor=viewer.member.employee_id,
        replacing=replaced_ids(proposal),
        notify=notify,
    )
    if notify is not None:
        services.doorbell.ring()
    lang = turn.lang
    body = [heading(text(lang, "declare.saved_title"))]
    if proposal.moved_from:
        old = _lines(proposal.moved_from, lang)
        body.append(paragraph(text(lang, "declare.moved", old=old)))
    body.extend(paragraph(entry_line(e.day, e.part, e.status, lang)) for e in saved)
    if any(e.state == EntryState.PENDING for e in saved):
        body.append(paragraph(await _pending_note(turn, viewer.member), subtle=True))
    body.extend(paragraph(_refusal_text(d, why, turn)) for d, why in proposal.refused)
    return Reply(card=card(body))


async def _pending_note(turn: Turn, requester: StaffMember) -> str:
    """Whose approval the saved days wait for, by name (a chief's own request goes to whoever
    the policy names, so say who)."""
    approvals = turn.services.get(ApprovalRequests)  # type: ignore[type-abstract]
    names = await approvals.approver_names(requester, await turn.chart())
    lang = turn.lang
    if not names:
        return text(lang, "declare.pending_note.nobody")
    shown = join_list((plain(n) for n in names[:3]), lang)
    if len(names) > 3:
        shown += text(lang, "declare.pending_note.more", more=len(names) - 3)
    return text(lang, "declare.pending_note", approvers=shown)


async def dismiss(turn: Turn, _payload: object) -> Reply:
    return Reply(card=card([paragraph(text(turn.lang, "declare.dismissed"))]))


# -- the form -------------------------------------------------------------------------------


MAX_FORM_DAYS = 31


def form_card(lang: Lang, prefill: Prefill, today: date, problem: str | None = None) -> Card:
    """The form: a day or a range of days, the whole day, a half or a time range, the status
    and a note. ``problem``: why the last submission was not accepted (the form comes back
    with everything that was typed, the note included)."""

    def choice(value: str, label: str) -> dict[str, str]:
        return {"title": label, "value": value}

    def optional(kind: str, id_: str, label: str, value: object) -> dict[str, Any]:
        field: dict[str, Any] = {"type": kind, "id": id_, "label": text(lang, label)}
        if value is not None:
            field["value"] = value.strftime("%H:%M") if isinstance(value, time) else str(value)
        return field

    note: dict[str, Any] = {
        "type": "Input.Text",
        "id": "note",
        "label": text(lang, "form.note"),
        "maxLength": 200,
    }
    if prefill.note:
        note["value"] = prefill.note
    body: list[dict[str, Any]] = [heading(text(lang, "form.title"))]
    if problem:
        body.append({**paragraph(problem), "color": "Attention"})
    body += [
        {
            "type": "Input.Date",
            "id": "date",
            "label": text(lang, "form.date"),
            "value": (prefill.date or today + timedelta(days=1)).isoformat(),
            "isRequired": True,
            "errorMessage": text(lang, "form.date_required"),
        },
        optional("Input.Date", "until", "form.until", prefill.until),
        {
            "type": "Input.ChoiceSet",
            "id": "part",
            "label": text(lang, "form.part"),
            "value": prefill.part if prefill.part in ("full", "am", "pm", "time") else "full",
            "style": "expanded",
            "choices": [choice(p, part_label(p, lang)) for p in ("full", "am", "pm")]
            + [choice("time", text(lang, "form.part_time"))],
        },
        optional("Input.Time", "start", "form.start", prefill.start),
        optional("Input.Time", "end", "form.end", prefill.end),
        {
            "type": "Input.ChoiceSet",
            "id": "status",
            "label": text(lang, "form.status"),
            "value": (prefill.status or EntryStatus.TELEWORK).value,
            "choices": [choice(s.value, status_label(s.value, lang)) for s in EntryStatus],
        },
        note,
    ]
    return card(body, [execute(text(lang, "form.submit"), "declare_form_submit")])


async def form(turn: Turn, payload: OpenForm) -> Reply:
    return Reply(card=form_card(turn.lang, payload.prefill, turn.services.today()))


async def form_submit(turn: Turn, payload: FormSubmit) -> Reply:
    """The form's days (one, or the working days of a range) read back before saving; a
    wrong range or time comes back as the form, with what was typed (the note too)."""
    viewer = await turn.staff()
    lang = turn.lang
    memo = (payload.note or "").strip() or None
    part = payload.part
    last = payload.until or payload.date
    problem = None
    if part == "time":
        if payload.start is None or payload.end is None or payload.start >= payload.end:
            problem = text(lang, "form.problem.time")
        else:
            part = f"{payload.start:%H:%M}-{payload.end:%H:%M}"
    if last < payload.date:
        problem = text(lang, "form.problem.order")
    elif (last - payload.date).days >= MAX_FORM_DAYS:
        problem = text(lang, "form.problem.too_long", days=MAX_FORM_DAYS)
    if problem is not None:
        typed = Prefill(
            date=payload.date,
            until=payload.until,
            part=payload.part,
            start=payload.start,
            end=payload.end,
            status=payload.status,
            note=payload.note,
        )
        return Reply(card=form_card(lang, typed, turn.services.today(), problem))
    days = [payload.date]
    if last > payload.date:  # a range: its working days (a closed day alone is refused by name)
        days = turn.services.calendar.working_days(payload.date, last) or days
    requested = [Requested(d.isoformat(), part, payload.status.value) for d in days]
    proposal = await _proposal(turn, viewer, requested)
    return read_back(turn, proposal, memo=memo)


# -- cancelling -----------------------------------------------------------------------------


async def cancel(turn: Turn, meaning: Interpretation) -> Reply:
    """Find the live entries the person means and ask before cancelling them (when the
    message named no day, ask which, and keep the exchange for the answer)."""
    viewer = await turn.staff()
    if meaning.question:
        question = question_text(meaning, turn.lang)
        turn.exchange.hold(CLARIFY, Clarification.begin(meaning, question).to_json())
        return Reply(text=question)
    days = sorted({e.day for e in meaning.entries})
    found: list[ScheduleEntry] = []
    if days:
        existing = await turn.services.schedule.entries(
            viewer.member.employee_id, days[0], days[-1]
        )
        for entry in existing:
            for wanted in meaning.entries:
                if (
                    wanted.day == entry.day
                    and (wanted.status is None or wanted.status.value == entry.status.value)
                    and wanted.part in ("full", entry.part)
                ):
                    found.append(entry)
                    break
    lang = turn.lang
    ordered = await _ordered(turn, found)
    if ordered and len(ordered) == len(found):
        return Reply(text=text(lang, "declare.ordered_kept"))
    found = [e for e in found if e.id not in ordered]
    if not found:
        return Reply(text=text(lang, "cancel.none"))
    body = [heading(text(lang, "cancel.confirm_title"))]
    body.extend(paragraph(entry_line(e.day, e.part, e.status, lang)) for e in found)
    ids = [e.id for e in found if e.id is not None]
    return Reply(
        card=card(
            body,
            [
                execute(text(lang, "cancel.button.confirm"), "cancel_confirm", entry_ids=ids),
                execute(text(lang, "cancel.button.keep"), "cancel_keep"),
            ],
        )
    )


async def cancel_confirm(turn: Turn, payload: EntryIds) -> Reply:
    viewer = await turn.staff()
    schedule = turn.services.schedule
    mine = []
    for entry_id in payload.entry_ids:
        entry = await schedule.get(entry_id)
        # Only the person's own, still-live entries: card data may have been forged.
        if entry and entry.employee_id == viewer.member.employee_id and entry.state.is_live:
            mine.append(entry)
    ordered = await _ordered(turn, mine)  # the chief's orders stay (card data may be forged)
    mine = [e for e in mine if e.id not in ordered]
    if not mine:
        return Reply(card=card([paragraph(text(turn.lang, "cancel.none"))]))
    await schedule.cancel([e.id for e in mine if e.id is not None], actor=viewer.member.employee_id)
    lines = join_list((entry_line(e.day, e.part, e.status, turn.lang) for e in mine), turn.lang)
    return Reply(card=card([paragraph(text(turn.lang, "cancel.done", lines=lines))]))


async def cancel_keep(turn: Turn, _payload: object) -> Reply:
    return Reply(card=card([paragraph(text(turn.lang, "cancel.kept"))]))


# -- days a chief ordered (在宅勤務命令, issue 18) -------------------------------------------


async def _ordered(turn: Turn, entries: Iterable[ScheduleEntry]) -> set[int]:
    """Ids of the entries a chief's order made: the person cannot drop them."""
    ids = [e.id for e in entries if e.id is not None]
    if not ids:
        return set()
    orders = turn.services.get(OrderedDays)  # type: ignore[type-abstract]
    return await orders.ordered_entry_ids(ids)


async def _keeps_orders(turn: Turn, proposal: Proposal) -> bool:
    """Whether the proposal leaves ordered days alone (leave or a day without hours may
    replace one; anything else, or moving it away, needs the chief)."""
    ordered = await _ordered(
        turn, [e for d in proposal.to_save for e in d.replaces] + list(proposal.moved_from)
    )
    if not ordered:
        return True
    if any(e.id in ordered for e in proposal.moved_from):
        return False
    return all(
        may_replace_ordered(d.status)
        for d in proposal.to_save
        if any(e.id in ordered for e in d.replaces)
    )
