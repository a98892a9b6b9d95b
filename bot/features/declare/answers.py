"""The next message of a declaring exchange: the answer to a clarifying question, or the
reply to a read-back card (「はい」 saves it, 「いいえ」 drops it, 「やっぱり午後だけ」
changes it). The exchanges themselves are kept by ``bot.core.conversation``."""

from __future__ import annotations

from datetime import time

from pydantic import ValidationError

from bot.core.conversation import Exchange
from bot.core.turn import Reply, Turn
from bot.features.declare.declare import (
    CLARIFY,
    _moves,
    _proposal,
    cancel,
    confirm,
    declare,
    form_card,
    read_back,
)
from bot.features.declare.payloads import Confirm, Prefill
from bot.features.declare.recurring import cancel_recurring, declare_recurring
from bot.ui.texts import text
from dialogs.conversation import Clarification, adjust, says_also
from dialogs.understanding import Entry, Intent, Interpretation, Status
from dialogs.understanding.replies import affirms_in_context
from domain.declarations import Requested
from domain.schedule import EntryStatus

_FORM_PARTS = frozenset({"full", "am", "pm"})
_ENTRY_STATUSES = frozenset(s.value for s in EntryStatus)


async def clarified(turn: Turn, meaning: Interpretation, exchange: Exchange) -> Reply | None:
    """Merge the answer into what the declaration said so far: read it back when whole, ask
    the next question, or (after two questions) offer the form prefilled with what is known."""
    lang = turn.lang
    try:
        held = Clarification.from_json(exchange.document)
    except (KeyError, TypeError, ValueError):
        return None  # not ours to read: the message is handled on its own
    if meaning.intent is Intent.NEGATE:
        return Reply(text=text(lang, "conversation.stopped"))
    if held.within is not None and meaning.intent is not Intent.AFFIRM and turn.router:
        # 「来週のどの日ですか？」→「月と水」: the weekdays of the week asked about
        meaning = turn.router.understand(turn, within=held.within)
    step = (
        held.retry(lang)
        if meaning.intent is Intent.AFFIRM
        else held.answer(meaning, lang, turn.text)
    )
    if step is None:
        return None
    if step.meaning is not None:
        if step.meaning.intent is Intent.CANCEL:
            return await cancel(turn, step.meaning)
        if step.meaning.intent is Intent.DECLARE_RECURRING:
            return await declare_recurring(turn, step.meaning)
        if step.meaning.intent is Intent.CANCEL_RECURRING:
            return await cancel_recurring(turn, step.meaning)
        return await declare(turn, step.meaning)
    if step.form and held.intent is Intent.CANCEL_RECURRING:
        return Reply(text=text(lang, "recurring.cancel_gave_up"))
    if step.form and held.intent is Intent.CANCEL:
        return Reply(text=text(lang, "cancel.gave_up"))
    if step.form:
        day, part, status = step.held.prefill()
        kind = status.value if status is not None else None
        start, end = _times(part)
        prefill = Prefill(
            date=day,
            part=part if part in _FORM_PARTS else ("time" if start and end else None),
            start=start,
            end=end,
            status=EntryStatus(kind) if kind in _ENTRY_STATUSES else None,
        )
        await turn.staff()  # the form is for people on the roster
        return Reply(
            text=text(lang, "declare.form_instead"),
            card=form_card(lang, prefill, turn.services.today()),
        )
    turn.exchange.hold(CLARIFY, step.held.to_json())
    return Reply(text=step.question)


def _times(part: str | None) -> tuple[time | None, time | None]:
    """A time range's start and end (the form's time fields), else None, None."""
    if part is None or part.count(":") != 2:
        return None, None
    start, _, end = part.partition("-")
    try:
        return time.fromisoformat(start), time.fromisoformat(end)
    except ValueError:  # 24:00
        return None, None


async def read_back_answered(
    turn: Turn, meaning: Interpretation, exchange: Exchange
) -> Reply | None:
    """「はい」/"yes"/"OK" saves what the card shows (checked again, as its button is);
    「いいえ」/"no" drops it; 「やっぱり午後だけ」 reads back the changed days."""
    try:
        shown = Confirm.model_validate(exchange.document)
    except ValidationError:
        return None
    if meaning.intent is Intent.AFFIRM or affirms_in_context(turn.text):
        return await confirm(turn, shown)
    if meaning.intent is Intent.NEGATE:
        return Reply(text=text(turn.lang, "declare.dismissed"))
    entries = adjust(
        [Entry(d.date, d.part, Status(d.status.value)) for d in shown.entries],
        meaning,
        also=says_also(turn.text),
    )
    if entries is None:
        return None
    viewer = await turn.staff()
    requested = [
        Requested(e.day.isoformat(), e.part, e.status.value if e.status else "telework")
        for e in entries
    ]
    proposal = await _proposal(turn, viewer, requested, _moves(shown.moves))
    return read_back(turn, proposal, memo=shown.note)
