"""Declaring and cancelling telework from chat: read back, confirm, then save.

Card buttons carry the requested days, never who is asking: the person is always the one
talking, and every field is validated again when the button comes back.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bot import notifications
from bot.cards import Card, card, execute, heading, paragraph
from bot.context import Reply, Turn
from bot.formatting import entry_line, join_list, part_label, plain, short_date, status_label
from bot.texts import Lang, text
from domain.declarations import (
    Proposal,
    ProposedDay,
    Refusal,
    Requested,
    entries_to_save,
    propose,
    replaced_ids,
)
from domain.org import Viewer
from domain.schedule import EntryState, EntryStatus, ScheduleEntry

CARD_DAYS_MAX = 31


def _requested(items: Any) -> list[Requested]:
    """Card or parser entries → requests; anything malformed becomes an invalid request."""
    if not isinstance(items, list):
        return []
    requested = []
    for item in items[:CARD_DAYS_MAX]:
        if isinstance(item, dict):
            requested.append(
                Requested(
                    str(item.get("date", "")),
                    str(item.get("part", "full")),
                    str(item.get("status") or "telework"),
                )
            )
    return requested


async def _proposal(turn: Turn, viewer: Viewer, requested: list[Requested]) -> Proposal:
    features = turn.features
    days = [d for d in (_as_date(r.day) for r in requested) if d is not None]
    existing: list[ScheduleEntry] = []
    if days:
        existing = await features.schedule.entries(viewer.member.employee_id, min(days), max(days))
    return propose(
        viewer.member,
        requested,
        existing,
        policy=features.policy,
        calendar=features.calendar,
        now=features.now(),
    )


def _as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


async def declare(turn: Turn, entries: list[dict[str, Any]]) -> Reply:
    """Read back what was understood, with Confirm / Change / Cancel."""
    viewer = await turn.staff()
    proposal = await _proposal(turn, viewer, _requested(entries))
    return _read_back(turn, proposal)


def _read_back(turn: Turn, proposal: Proposal, *, note: str | None = None) -> Reply:
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
    body.extend(_day_block(day, lang) for day in proposal.days)
    body.extend(paragraph(r) for r in refusals)
    data = {
        "entries": [
            {"date": d.day.isoformat(), "part": d.part, "status": d.status.value}
            for d in proposal.to_save
        ],
        "replacing": replaced_ids(proposal),
    }
    first = proposal.to_save[0]
    actions = [
        execute(text(lang, "declare.button.confirm"), "declare_confirm", **data),
        execute(
            text(lang, "declare.button.change"),
            "declare_form",
            prefill={
                "date": first.day.isoformat(),
                "part": first.part,
                "status": first.status.value,
            },
        ),
        execute(text(lang, "declare.button.dismiss"), "declare_dismiss"),
    ]
    return Reply(card=card(body, actions))


def _day_block(day: ProposedDay, lang: Lang) -> dict[str, Any]:
    badges = []
    if day.already:
        badges.append(text(lang, "declare.badge.already"))
    if day.closure:
        badges.append(text(lang, "declare.badge.closed", closure=day.closure))
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
    if why == Refusal.TOO_FAR_BACK:
        return text(
            lang,
            "refusal.too_far_back",
            day=shown,
            days=turn.features.policy.declarations.retroactive_working_days,
        )
    return text(lang, f"refusal.{why.value}", day=shown)


def _eligible_since(turn: Turn, lang: Lang) -> str:
    viewer = turn.cached_viewer
    if viewer is None:
        return "-"
    since = turn.features.policy.eligibility.eligible_from(viewer.member.hire_date)
    return short_date(since, lang)


async def confirm(turn: Turn) -> Reply:
    """The Confirm button: validate again, then save (or show what changed meanwhile)."""
    viewer = await turn.staff()
    proposal = await _proposal(turn, viewer, _requested(turn.data.get("entries")))
    shown = turn.data.get("replacing")
    shown_ids = (
        sorted(int(i) for i in shown if isinstance(i, int)) if isinstance(shown, list) else []
    )
    if proposal.to_save and replaced_ids(proposal) != shown_ids:
        return _read_back(turn, proposal, note=text(turn.lang, "declare.changed"))
    if not proposal.to_save:
        return _read_back(turn, proposal)
    to_save = entries_to_save(proposal)
    notify = None
    if any(e.state == EntryState.PENDING for e in to_save):
        staff = await turn.features.directory.staff(active_only=True)
        approvers = await notifications.approvers_of(
            viewer.member, turn.features, await turn.chart(), staff
        )
        notify = notifications.approval_requests(viewer.member, approvers, staff)
    saved = await turn.features.schedule.save(
        to_save,
        actor=viewer.member.employee_id,
        replacing=replaced_ids(proposal),
        notify=notify,
    )
    if notify is not None:
        turn.features.doorbell.ring()
    lang = turn.lang
    body = [heading(text(lang, "declare.saved_title"))]
    body.extend(paragraph(entry_line(e.day, e.part, e.status, lang)) for e in saved)
    if any(e.state == "pending" for e in saved):
        body.append(paragraph(text(lang, "declare.pending_note"), subtle=True))
    body.extend(paragraph(_refusal_text(d, why, turn)) for d, why in proposal.refused)
    return Reply(card=card(body))


async def dismiss(turn: Turn) -> Reply:
    return Reply(card=card([paragraph(text(turn.lang, "declare.dismissed"))]))


# -- the form -------------------------------------------------------------------------------


def form_card(lang: Lang, prefill: dict[str, Any], today: date) -> Card:
    def choice(value: str, label: str) -> dict[str, str]:
        return {"title": label, "value": value}

    return card(
        [
            heading(text(lang, "form.title")),
            {
                "type": "Input.Date",
                "id": "date",
                "label": text(lang, "form.date"),
                "value": str(prefill.get("date") or (today + timedelta(days=1)).isoformat()),
                "isRequired": True,
            },
            {
                "type": "Input.ChoiceSet",
                "id": "part",
                "label": text(lang, "form.part"),
                "value": str(prefill.get("part") or "full"),
                "style": "expanded",
                "choices": [choice(p, part_label(p, lang)) for p in ("full", "am", "pm")],
            },
            {
                "type": "Input.ChoiceSet",
                "id": "status",
                "label": text(lang, "form.status"),
                "value": str(prefill.get("status") or "telework"),
                "choices": [choice(s.value, status_label(s.value, lang)) for s in EntryStatus],
            },
            {
                "type": "Input.Text",
                "id": "note",
                "label": text(lang, "form.note"),
                "maxLength": 200,
            },
        ],
        [execute(text(lang, "form.submit"), "declare_form_submit")],
    )


async def form(turn: Turn) -> Reply:
    prefill = turn.data.get("prefill")
    return Reply(
        card=form_card(
            turn.lang, prefill if isinstance(prefill, dict) else {}, turn.features.today()
        )
    )


async def form_submit(turn: Turn) -> Reply:
    entry = {key: turn.data.get(key) for key in ("date", "part", "status")}
    return await declare(turn, [entry])


# -- cancelling -----------------------------------------------------------------------------


async def cancel(turn: Turn, entries: list[dict[str, Any]]) -> Reply:
    """Find the live entries the person means and ask before cancelling them."""
    viewer = await turn.staff()
    days = sorted({d for d in (_as_date(str(e.get("date", ""))) for e in entries) if d})
    found: list[ScheduleEntry] = []
    if days:
        existing = await turn.features.schedule.entries(
            viewer.member.employee_id, days[0], days[-1]
        )
        for entry in existing:
            for wanted in entries:
                if (
                    wanted.get("date") == entry.day.isoformat()
                    and wanted.get("status") in (None, entry.status.value)
                    and wanted.get("part") in (None, "full", entry.part)
                ):
                    found.append(entry)
                    break
    lang = turn.lang
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


async def cancel_confirm(turn: Turn) -> Reply:
    viewer = await turn.staff()
    raw = turn.data.get("entry_ids")
    ids = [i for i in raw if isinstance(i, int)] if isinstance(raw, list) else []
    mine = []
    for entry_id in ids[:CARD_DAYS_MAX]:
        entry = await turn.features.schedule.get(entry_id)
        # Only the person's own, still-live entries: card data may have been forged.
        if entry and entry.employee_id == viewer.member.employee_id and entry.state.is_live:
            mine.append(entry)
    if not mine:
        return Reply(card=card([paragraph(text(turn.lang, "cancel.none"))]))
    await turn.features.schedule.cancel(
        [e.id for e in mine if e.id is not None], actor=viewer.member.employee_id
    )
    lines = join_list((entry_line(e.day, e.part, e.status, turn.lang) for e in mine), turn.lang)
    return Reply(card=card([paragraph(text(turn.lang, "cancel.done", lines=lines))]))


async def cancel_keep(turn: Turn) -> Reply:
    return Reply(card=card([paragraph(text(turn.lang, "cancel.kept"))]))
