"""A rejection's reason, asked in chat when the card's comment box was left empty (the
terminal chat and phones have no box to type in): 「差し戻し」 → 「理由を送ってください」 →
the next message is the comment sent to the requester. 「なし」 rejects without one;
「やめる」 leaves the request as it was. The exchange is kept by ``bot.core.conversation``."""

from __future__ import annotations

from bot.core.conversation import Exchange
from bot.core.turn import Reply, Turn
from bot.features.approvals.approvals import Decision, reject
from bot.ui.formatting import entry_line, plain
from bot.ui.texts import text
from dialogs.understanding import Interpretation
from domain.org import can_approve_for
from domain.schedule import EntryState

REASON = "approvals.reason"  # a rejection waiting for its reason
NO_REASON = frozenset({"なし", "無し", "ない", "特になし", "none", "no comment", "skip", "-"})
MAX_COMMENT = 200


async def reject_with_reason(turn: Turn, payload: Decision) -> Reply:
    """The Reject button: with a comment typed on the card, reject now; without one, ask for
    the reason first (the request stays pending until it comes)."""
    if payload.comment:
        return await reject(turn, payload)
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
    turn.exchange.hold(REASON, {"entry_id": payload.entry_id})
    shown = entry_line(entry.day, entry.part, entry.status, lang)
    return Reply(text=text(lang, "approvals.ask_reason", name=plain(member.name), entry=shown))


async def reason_given(turn: Turn, _meaning: Interpretation, exchange: Exchange) -> Reply | None:
    """Whatever the chief writes next is the reason (read as written, not as a command to
    the bot: 「明日は出社してください」 is a reason, not a declaration)."""
    entry_id = exchange.document.get("entry_id")
    if not isinstance(entry_id, int) or isinstance(entry_id, bool):
        return None
    written = " ".join(turn.text.split())
    comment = None if written.casefold() in NO_REASON else written[:MAX_COMMENT]
    return await reject(turn, Decision(entry_id=entry_id, comment=comment))
