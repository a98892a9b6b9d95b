"""A rejection's reason, asked in chat when the card's comment box was left empty (the
terminal chat and phones have no box to type in): 「差し戻し」 → 「理由を送ってください」 →
the next message is the comment sent to the requester. 「なし」 rejects without one;
「やめる」 leaves the request as it was. The exchange is kept by ``bot.core.conversation``."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.conversation import Exchange
from bot.core.turn import Reply, Turn
from bot.features.approvals.approvals import BatchDecision, Decision, View, reject, reject_all
from bot.ui.formatting import entry_line, join_list, plain, short_date
from bot.ui.texts import text
from dialogs.understanding import Interpretation
from domain.org import can_approve_for
from domain.schedule import EntryState, ScheduleEntry

REASON = "approvals.reason"  # a rejection waiting for its reason
NO_REASON = frozenset({"なし", "無し", "ない", "特になし", "none", "no comment", "skip", "-"})
MAX_COMMENT = 200
_VIEWS: frozenset[str] = frozenset({"request", "list", "person"})


async def reject_with_reason(turn: Turn, payload: Decision) -> Reply:
    """The Reject button: with a comment typed on the card, reject now; without one, ask for
    the reason first (the request stays pending until it comes)."""
    asked = None if payload.comment else await _ask(turn, [payload.entry_id], payload.view)
    return asked or await reject(turn, payload)


async def reject_all_with_reason(turn: Turn, payload: BatchDecision) -> Reply:
    """「すべて差し戻し」: the same, for every pending day of one person's request."""
    asked = None if payload.comment else await _ask(turn, payload.entry_ids, payload.view, True)
    return asked or await reject_all(turn, payload)


async def _ask(
    turn: Turn, entry_ids: Sequence[int], view: View, batch: bool = False
) -> Reply | None:
    """Ask for the reason; None when there is nothing to ask about (already decided, not
    this chief's to decide): the rejection answers that, with the card up to date."""
    viewer = await turn.staff()
    lang = turn.lang
    schedule = turn.services.schedule
    entries: list[ScheduleEntry] = [
        e
        for i in dict.fromkeys(entry_ids)
        if (e := await schedule.get(i)) is not None and e.state == EntryState.PENDING
    ]
    if not entries or len({e.employee_id for e in entries}) != 1:
        return None
    member = await turn.services.directory.member(entries[0].employee_id)
    rule = turn.services.policy.approval.chief_requests
    if member is None or not can_approve_for(
        viewer, member, await turn.chart(), chief_requests=rule
    ):
        return None
    turn.exchange.hold(REASON, {"entry_ids": [e.id for e in entries], "view": view, "batch": batch})
    if len(entries) == 1:
        only = entries[0]
        shown = entry_line(only.day, only.part, only.status, lang)
    else:
        shown = join_list((short_date(e.day, lang) for e in entries[:10]), lang)
    return Reply(text=text(lang, "approvals.ask_reason", name=plain(member.name), entry=shown))


async def reason_given(turn: Turn, _meaning: Interpretation, exchange: Exchange) -> Reply | None:
    """Whatever the chief writes next is the reason (read as written, not as a command to
    the bot: 「明日は出社してください」 is a reason, not a declaration)."""
    document = exchange.document
    ids = document.get("entry_ids")
    view = document.get("view")
    if (
        not isinstance(ids, list)
        or not ids
        or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids)
        or view not in _VIEWS
    ):
        return None
    written = " ".join(turn.text.split())
    comment = None if written.casefold() in NO_REASON else written[:MAX_COMMENT]
    if document.get("batch"):
        batch = BatchDecision(entry_ids=ids, comment=comment, view=view)
        return await reject_all(turn, batch)
    return await reject(turn, Decision(entry_id=ids[0], comment=comment, view=view))
