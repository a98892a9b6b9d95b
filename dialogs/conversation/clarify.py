"""A declaration being clarified: what was said so far, merged with each answer.

「テレワーク申請したい」 leaves a :class:`~dialogs.understanding.Fragment` (status telework,
no day) and the question "which day?". The answer 「明日」 is understood on its own (a day, no
status) and merged: the days it names replace the days held, the statuses and parts it names
replace those held, anything it does not name is kept. When days and statuses are both known
the result is a whole :class:`~dialogs.understanding.Interpretation`, read back as if it had
been typed in one message. At most :data:`MAX_QUESTIONS` questions are asked; after that the
conversation offers the form, prefilled with what is known.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dialogs.understanding import Entry, Fragment, Intent, Interpretation, Replaced, Status
from dialogs.understanding.questions import render

MAX_QUESTIONS = 2
"""Clarifying questions per declaration; then the form, prefilled with what is known."""

DECLARING = frozenset({Intent.DECLARE, Intent.REQUEST_APPROVAL, Intent.CHANGE})
CLARIFIED = DECLARING | {Intent.CANCEL}
"""The meanings a clarification can complete (the intent of its first message); a
cancellation needs only its days (no status: whatever is recorded)."""

_ANSWERS = DECLARING | {Intent.UNKNOWN}  # what an answer may be understood as on its own
_PART_ORDER = {"am": 0, "full": 0, "pm": 2}

Pair = tuple[str | None, Status]


@dataclass(frozen=True, slots=True)
class Step:
    """What to do after an answer: read ``meaning`` back, ask ``question`` (and keep
    ``held``), or (``form``) offer the form prefilled from ``held``."""

    held: Clarification
    meaning: Interpretation | None = None
    question: str | None = None
    form: bool = False


@dataclass(frozen=True, slots=True)
class Clarification:
    """A declaration waiting for an answer: its intent, what was said so far, the code of the
    question asked last and how many were asked."""

    intent: Intent
    said: Fragment
    question_code: str | None = None
    asked: int = 1

    @classmethod
    def begin(cls, meaning: Interpretation) -> Clarification:
        """The exchange a message with a question opens (its question is the first one)."""
        said = meaning.fragment or Fragment()
        if not said.days and meaning.entries:  # a date to check again (past_date)
            said = replace(said, days=tuple(sorted({e.day for e in meaning.entries})))
        return cls(meaning.intent, said, meaning.question_code)

    # -- the answer ------------------------------------------------------------------------

    def answer(self, reply: Interpretation, lang: str) -> Step | None:
        """Merge ``reply`` into what is held. None when it is not an answer at all (a
        question about the board, a presence report…): the exchange ends and the message is
        handled on its own."""
        if reply.intent not in _ANSWERS:
            return None
        if reply.intent in DECLARING and reply.entries and reply.question is None:
            # A whole declaration on its own (「明日テレワーク」): it wins, the change it
            # continues is kept.
            return Step(self, meaning=self._whole(reply))
        heard = reply.fragment or Fragment()
        said = _merged(self.said, heard)
        held = replace(self, said=said)
        missing = _missing(said, self.question_code, status=self.intent is not Intent.CANCEL)
        if missing is None:
            return Step(held, meaning=self._complete(said, lang))
        if self.asked >= MAX_QUESTIONS:
            return Step(held, form=True)
        question = (
            reply.question
            if reply.question_code == missing and reply.question and reply.lang == lang
            else render(missing, lang, {})
        )
        return Step(replace(held, question_code=missing, asked=self.asked + 1), question=question)

    def retry(self, lang: str) -> Step:
        """An answer that said nothing useful (「えーと」): ask again, or offer the form."""
        if self.asked >= MAX_QUESTIONS:
            return Step(self, form=True)
        status = self.intent is not Intent.CANCEL
        code = _missing(self.said, self.question_code, status=status) or "which_day"
        question = render(code, lang, {})
        return Step(replace(self, question_code=code, asked=self.asked + 1), question=question)

    def prefill(self) -> tuple[date | None, str | None, Status | None]:
        """The first day, part and status known, for the form."""
        pairs = _pairs(self.said)
        part, status = pairs[0] if pairs else (self.said.part, None)
        return (self.said.days[0] if self.said.days else None, part, status)

    def _whole(self, reply: Interpretation) -> Interpretation:
        intent = self.intent if reply.intent is Intent.DECLARE else reply.intent
        return replace(
            reply, intent=intent, replaces=reply.replaces or self.said.replaces, fragment=None
        )

    def _complete(self, said: Fragment, lang: str) -> Interpretation:
        pairs: list[tuple[str | None, Status | None]] = [*_pairs(said)] or [(said.part, None)]
        entries = sorted(
            {
                Entry(day, part or said.part or "full", status)
                for day in said.days
                for part, status in pairs
            },
            key=lambda e: (e.day, _PART_ORDER.get(e.part, 1)),
        )
        return Interpretation(
            self.intent, entries=tuple(entries), replaces=said.replaces, lang=lang
        )

    # -- kept between two messages -----------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent.value,
            "said": self.said.to_json(),
            "question": self.question_code,
            "asked": self.asked,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Clarification:
        """The exchange kept in the database (ValueError/KeyError/TypeError if it is not
        one: the caller forgets it)."""
        said = data["said"]
        fragment = Fragment(
            days=tuple(date.fromisoformat(d) for d in said["days"]),
            part=_part(said.get("part")),
            status=_status(said.get("status")),
            replaces=tuple(
                Replaced(date.fromisoformat(r["date"]), _part(r["part"]), _status(r["status"]))
                for r in said.get("replaces", ())
            ),
            pairs=tuple((_part(p["part"]), Status(p["status"])) for p in said.get("pairs", ())),
        )
        intent = Intent(data["intent"])
        if intent not in CLARIFIED:
            raise ValueError(f"not a declaration: {intent}")
        code = data.get("question")
        return cls(intent, fragment, str(code) if code else None, int(data["asked"]))


def _part(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 11:
        raise ValueError("part")
    return value


def _status(value: Any) -> Status | None:
    return None if value is None else Status(value)


def _pairs(said: Fragment) -> list[Pair]:
    if said.pairs:
        return list(said.pairs)
    return [(said.part, said.status)] if said.status is not None else []


def _merged(held: Fragment, heard: Fragment) -> Fragment:
    """``held`` with what ``heard`` names put in its place."""
    days = heard.days or held.days
    replaces = heard.replaces or held.replaces
    if heard.pairs:
        return Fragment(days=days, replaces=replaces, pairs=heard.pairs)
    if heard.status is not None:
        part = heard.part or (held.part if not held.pairs else None)
        return Fragment(days=days, part=part, status=heard.status, replaces=replaces)
    if heard.part is not None:  # 「午後」: the part of what is held
        if len(held.pairs) > 1:
            return replace(held, days=days, replaces=replaces)
        return replace(held, days=days, part=heard.part, replaces=replaces, pairs=())
    return replace(held, days=days, replaces=replaces)


def _missing(said: Fragment, asked: str | None, *, status: bool = True) -> str | None:
    """The question still to ask, or None when the declaration is whole (``status``: whether
    it needs one; a cancellation does not)."""
    if not said.days:
        return "which_day"
    pairs = _pairs(said)
    if not pairs:
        return "which_status" if status else None
    if asked == "which_half" and all(part is None for part, _ in pairs):
        return "which_half"
    if len(pairs) > 1 and any(part in (None, "full") for part, _ in pairs):
        return "which_part"
    return None
