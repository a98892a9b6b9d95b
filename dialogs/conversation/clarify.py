"""A declaration being clarified: what was said so far, merged with each answer.

「テレワーク申請したい」 leaves a :class:`~dialogs.understanding.Fragment` (status telework,
no day) and the question "which day?". The answer 「明日」 is understood and merged: the days
it names replace the days held, the statuses and parts it names replace those held, anything
it does not name is kept. When days and statuses are both known the result is a whole
:class:`~dialogs.understanding.Interpretation`, read back as if it had been typed in one
message. At most :data:`MAX_QUESTIONS` questions are asked; after that the conversation
offers the form, prefilled with what is known.

An answer is read against what its question was about (:attr:`Clarification.within`, given
to the understanding when it reads the answer, and the fragment's times and numbers):

- ``which_days`` (来週のどの日ですか？) and ``which_days_month`` (12月のどの日ですか？):
  bare weekdays and days of the month fall in that week or month; 「全部」"all of them" is
  all of it; ``weekday_mismatch`` (10/6(月) when 10/6 is a Tuesday): 「火曜」 is in that
  week; ``invalid_date`` (2/30): 「28日」 is in that month.
- ``which_half``/``which_part``: a part of the day goes to the days already known; with two
  statuses, the one it names (or the first) takes that half and the other the other half.
- ``time_end_only`` (15時まで → 何時からですか？): a time answered is the start.
  ``time_unclear`` (15時 → からですか、までですか？): 「から」「まで」"from" "until" say which.
  ``ambiguous_number`` (「15」は日付ですか、時刻ですか？): 「日付」 is the 15th, 「時刻」 15:00.
- ``which_status``, ``which_day``, ``past_date``, ``invalid_range``…: the answer's status,
  days or part replace what was held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dialogs.understanding import (
    Entry,
    Fragment,
    Intent,
    Interpretation,
    Recurrence,
    Replaced,
    Status,
)
from dialogs.understanding.normalise import normalise
from dialogs.understanding.questions import render
from dialogs.understanding.vocabulary import WEEKDAY_KEYS

MAX_QUESTIONS = 2
"""Clarifying questions per declaration; then the form, prefilled with what is known."""

DECLARING = frozenset({Intent.DECLARE, Intent.REQUEST_APPROVAL, Intent.CHANGE})
CLARIFIED = DECLARING | {Intent.CANCEL, Intent.DECLARE_RECURRING, Intent.CANCEL_RECURRING}
"""The meanings a clarification can complete (the intent of its first message); a
cancellation needs only its days (no status: whatever is recorded); a weekly pattern its
weekdays and status (or, instead, the dates: 隔週 is not supported); ending weekly patterns
its weekdays (「水曜」) or all of them (「全部」)."""
_NO_STATUS = frozenset({Intent.CANCEL, Intent.CANCEL_RECURRING})  # need no status
_ALL = re.compile(
    r"^(?:全部|全て|すべて|両方|どれも|全曜日|(?:all|both|every ?one|everything)(?: of them)?)$"
)

_ANSWERS = DECLARING | {Intent.UNKNOWN, Intent.DECLARE_RECURRING}  # what an answer may be
_PART_ORDER = {"am": 0, "full": 0, "pm": 2}
_OTHER_HALF = {"am": "pm", "pm": "am"}
_FRAMED = frozenset({"which_days", "which_days_month"})  # asked again in their own words
_POLITE = re.compile(
    r"^(?:はい|ええ|yes|yeah)?[\s、,]*|(?:です|でお願いします|でお願い|(?<!ま)で|の方|のほう|にします"
    r"|please|thanks)?[\s。.!！]*$"
)
_CHOICES = {
    "date": re.compile(r"日付|日にち|日|(?:a |the )?(?:date|day)"),
    "time": re.compile(r"時刻|時間|時|(?:a |the )?(?:time|hour|clock time)"),
    "from": re.compile(
        r"から|より|以降|開始|始まり|(?:from|starting|start|onwards|after)(?: then)?"
    ),
    "until": re.compile(r"まで|迄|終わり|終了|(?:until|till|to|ending|end|up to)(?: then)?"),
}

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
    question: str | None = None
    """The last question's text (asked again in the same words when it is still open)."""

    @classmethod
    def begin(cls, meaning: Interpretation, question: str | None = None) -> Clarification:
        """The exchange a message with a question opens (its question, ``question`` as
        shown, is the first one)."""
        said = meaning.fragment or Fragment()
        if not said.days and meaning.entries:  # a date to check again (past_date)
            said = replace(said, days=tuple(sorted({e.day for e in meaning.entries})))
        return cls(meaning.intent, said, meaning.question_code, question=question)

    @property
    def within(self) -> tuple[date, date] | None:
        """The span the answer's bare weekdays and days of the month fall in (give it to the
        understanding reading the answer), while the days are still to be said."""
        return self.said.within if not self.said.days else None

    # -- the answer ------------------------------------------------------------------------

    def answer(self, reply: Interpretation, lang: str, written: str = "") -> Step | None:
        """Merge ``reply`` (the answer, read ``within`` the span asked about; ``written``:
        its text, for the one-word choices 「日付」「から」 "until") into what is held. None
        when it is not an answer at all (a question about the board, a presence report…):
        the exchange ends and the message is handled on its own."""
        choice = _choice(written) if self.said.at or self.said.maybe_day else None
        if self.intent is Intent.CANCEL_RECURRING and _says_all(written):
            # どの曜日の繰り返しを終了しますか？ →「全部」: every weekly pattern
            return Step(self, meaning=Interpretation(Intent.CANCEL_RECURRING, lang=lang))
        if reply.intent not in _ANSWERS and choice is None:
            return None
        weekday_asked = self.said.every == ()
        if weekday_asked and reply.intent is Intent.DECLARE and reply.entries:
            # 何曜日ですか？ →「水曜テレワーク」: the weekday (and status) of the pattern
            first = reply.entries[0]
            part = first.part if first.part != "full" else None
            days = tuple(sorted({e.day for e in reply.entries}))
            reply = replace(reply, fragment=Fragment(days=days, part=part, status=first.status))
        elif reply.question is None and (
            (reply.intent in DECLARING and reply.entries)
            or (reply.intent is Intent.DECLARE_RECURRING and reply.recurrence)
        ):
            # A whole declaration on its own (「明日テレワーク」): it wins, the change it
            # continues is kept.
            return Step(self, meaning=self._whole(reply))
        heard = (reply.fragment if reply.intent in _ANSWERS else None) or Fragment()
        said = _merged(_chosen(self.said, choice), heard)
        if self.question_code == "ambiguous_number" and heard.days and said.at == self.said.at:
            said = replace(said, at=None)  # other days said instead: the number is dropped
        intent = self.intent
        if self.said.every is not None or heard.every:
            said = _weekly(self.said, heard, said, self.question_code)
        if intent is Intent.DECLARE_RECURRING and said.every is None:
            intent = Intent.DECLARE  # dates instead of a pattern
        elif said.every is not None and intent in DECLARING:
            intent = Intent.DECLARE_RECURRING  # いつですか？ → 毎週水曜
        held = replace(self, intent=intent, said=said)
        missing = _missing(said, self.question_code, status=intent not in _NO_STATUS)
        if missing == "which_weekday" and intent is Intent.CANCEL_RECURRING:
            missing = "which_weekday_end"
        if missing is None:
            return Step(held, meaning=held._complete(said, lang))
        if self.asked >= MAX_QUESTIONS:
            return Step(held, form=True)
        question = (
            reply.question
            if reply.question_code == missing and reply.question and reply.lang == lang
            else self._render(missing, said, lang)
        )
        return Step(
            replace(held, question_code=missing, asked=self.asked + 1, question=question),
            question=question,
        )

    def retry(self, lang: str) -> Step:
        """An answer that said nothing useful (「えーと」): ask again, or offer the form."""
        if self.asked >= MAX_QUESTIONS:
            return Step(self, form=True)
        status = self.intent not in _NO_STATUS
        code = _missing(self.said, self.question_code, status=status) or "which_day"
        if code == "which_weekday" and self.intent is Intent.CANCEL_RECURRING:
            code = "which_weekday_end"
        question = self._render(code, self.said, lang)
        return Step(
            replace(self, question_code=code, asked=self.asked + 1, question=question),
            question=question,
        )

    def _render(self, code: str, said: Fragment, lang: str) -> str:
        """The question ``code`` about what is held (the last one in its own words)."""
        if code == self.question_code and code in _FRAMED and self.question:
            return self.question
        if code == "time_unclear" and said.at:
            return render(code, lang, {"time": said.at})
        if code == "ambiguous_number" and said.maybe_day:
            return render(code, lang, {"number": str(said.maybe_day.day)})
        if code == "which_days_month" and said.within:
            return render(code, lang, {"month": str(said.within[0].month)})
        return render("which_day" if code in _FRAMED else code, lang, {})

    def prefill(self) -> tuple[date | None, str | None, Status | None]:
        """The first day, part and status known, for the form."""
        pairs = _pairs(self.said)
        part, status = pairs[0] if pairs else (self.said.part, None)
        return (self.said.days[0] if self.said.days else None, part, status)

    def _whole(self, reply: Interpretation) -> Interpretation:
        keeps = reply.intent is Intent.DECLARE and self.intent in DECLARING
        intent = self.intent if keeps else reply.intent
        return replace(
            reply, intent=intent, replaces=reply.replaces or self.said.replaces, fragment=None
        )

    def _complete(self, said: Fragment, lang: str) -> Interpretation:
        pairs: list[tuple[str | None, Status | None]] = [*_pairs(said)] or [(said.part, None)]
        if self.intent in {Intent.DECLARE_RECURRING, Intent.CANCEL_RECURRING} and said.every:
            part, status = pairs[0]
            weekly = Recurrence(
                tuple(WEEKDAY_KEYS[w] for w in said.every),
                part or said.part or "full",
                status,
                *said.bounds,
            )
            return Interpretation(self.intent, recurrence=weekly, lang=lang)
        halves = dict(said.halves)  # a range's first afternoon or last morning
        entries = sorted(
            {
                Entry(day, part or halves.get(day) or said.part or "full", status)
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
            **({"text": self.question} if self.question else {}),
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
            within=_span(said.get("within")),
            until=_part(said.get("until")),
            at=_part(said.get("at")),
            maybe_day=date.fromisoformat(said["maybe_day"]) if said.get("maybe_day") else None,
            every=None if said.get("every") is None else tuple(int(w) % 7 for w in said["every"]),
            bounds=_bounds(said.get("bounds")),
            halves=tuple(
                (date.fromisoformat(h["date"]), _half(h["part"])) for h in said.get("halves", ())
            ),
        )
        intent = Intent(data["intent"])
        if intent not in CLARIFIED:
            raise ValueError(f"not a declaration: {intent}")
        code, text = data.get("question"), data.get("text")
        return cls(
            intent,
            fragment,
            str(code) if code else None,
            int(data["asked"]),
            str(text)[:300] if text else None,
        )


def _says_all(written: str) -> bool:
    """Whether an answer is 「全部」 "all of them" (politeness around it allowed)."""
    return _ALL.match(_POLITE.sub("", normalise(written).text)) is not None


def _part(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 11:
        raise ValueError("part")
    return value


def _span(value: Any) -> tuple[date, date] | None:
    if value is None:
        return None
    first, last = (date.fromisoformat(v) for v in value)
    return first, last


def _bounds(value: Any) -> tuple[date | None, date | None]:
    if value is None:
        return (None, None)
    first, last = (None if v is None else date.fromisoformat(v) for v in value)
    return first, last


def _half(value: Any) -> str:
    if value not in ("am", "pm"):
        raise ValueError("half")
    return str(value)


def _status(value: Any) -> Status | None:
    return None if value is None else Status(value)


def _pairs(said: Fragment) -> list[Pair]:
    if said.pairs:
        return list(said.pairs)
    return [(said.part, said.status)] if said.status is not None else []


def _choice(written: str) -> str | None:
    """A one-word answer to a question offering a choice (「日付」「時刻」「から」「まで」,
    "date", "from"), else None."""
    bare = _POLITE.sub("", normalise(written).text)
    if not bare or len(bare) > 20:
        return None
    return next((name for name, word in _CHOICES.items() if word.fullmatch(bare)), None)


def _chosen(held: Fragment, choice: str | None) -> Fragment:
    """What is held once a choice is made: a bare number is a date (its day) or a time (a
    time whose role is still to say); a time starts (``HH:MM-``) or ends the part."""
    if choice == "date" and held.maybe_day is not None:
        return replace(held, days=held.days or (held.maybe_day,), maybe_day=None, at=None)
    if choice == "time" and held.at is not None:
        return replace(held, maybe_day=None)
    if choice == "from" and held.at is not None and held.maybe_day is None:
        return replace(held, part=f"{held.at}-", at=None)
    if choice == "until" and held.at is not None and held.maybe_day is None:
        return replace(held, until=held.at, at=None)
    return held


def _merged(held: Fragment, heard: Fragment) -> Fragment:
    """``held`` with what ``heard`` names put in its place (times answering a time question
    joined to the time held)."""
    until, at, maybe_day = held.until, held.at, held.maybe_day
    part = heard.part
    if maybe_day is not None and maybe_day in heard.days:
        at = None  # 「15」は日付ですか？ →「15日」: the number was the date
    if heard.days or part or heard.at or heard.until:
        maybe_day = None  # the number is answered
    start = heard.at or (
        part[:-1] if part and part.endswith("-") and part.count(":") == 1 else None
    )
    if until is not None and start is not None and start < until:  # 何時から → 13時
        part, until, at = f"{start}-{until}", None, None
    else:
        if part is not None:  # a part of the day answers a time held
            until, at = None, None
        if heard.until is not None:
            until, at = heard.until, None
        elif heard.at is not None:
            at = heard.at
    base = _base_merge(held, replace(heard, part=part))
    halves = heard.halves if heard.days else held.halves  # new days: their own halves
    return replace(base, within=held.within, until=until, at=at, maybe_day=maybe_day, halves=halves)


def _base_merge(held: Fragment, heard: Fragment) -> Fragment:
    days = heard.days or held.days
    replaces = heard.replaces or held.replaces
    if heard.pairs:
        return Fragment(days=days, replaces=replaces, pairs=heard.pairs)
    if len(held.pairs) > 1 and (heard.part in _OTHER_HALF or heard.status is not None):
        halves = _halves(held.pairs, heard.part, heard.status)
        if halves is not None:  # 「テレワークと出社」→ which part? →「午前テレワーク」
            return Fragment(days=days, replaces=replaces, pairs=halves)
    if heard.status is not None:
        part = heard.part or (held.part if not held.pairs else None)
        return Fragment(days=days, part=part, status=heard.status, replaces=replaces)
    if heard.part is not None:  # 「午後」: the part of what is held
        if len(held.pairs) > 1:
            return replace(held, days=days, replaces=replaces)
        return replace(held, days=days, part=heard.part, replaces=replaces, pairs=())
    return replace(held, days=days, replaces=replaces)


def _halves(
    pairs: tuple[tuple[str | None, Status], ...], part: str | None, status: Status | None
) -> tuple[tuple[str | None, Status], ...] | None:
    """Two statuses held without their halves, and an answer naming one half (「午前」: the
    first status's) or one status with its half (「午前テレワーク」): each gets a half."""
    if len(pairs) != 2 or part not in _OTHER_HALF:
        return None
    statuses = [s for _, s in pairs]
    if status is not None and status not in statuses:
        return None
    first = statuses.index(status) if status is not None else 0
    other = statuses[1 - first]
    assert part is not None
    return ((part, statuses[first]), (_OTHER_HALF[part], other))


def _weekly(held: Fragment, heard: Fragment, said: Fragment, asked: str | None) -> Fragment:
    """A weekly pattern answered: 「毎週水曜」 (its weekdays), 「水曜」 to 何曜日ですか？ (the
    weekday of the days named), or dates instead (隔週 is not supported: 「12/2と12/16」)."""
    if heard.every:
        bounds = heard.bounds if any(heard.bounds) else held.bounds
        return replace(said, days=(), every=heard.every, bounds=bounds)
    if heard.days and asked in {"which_weekday", "which_weekday_end"}:
        weekdays = tuple(sorted({d.weekday() for d in heard.days}))
        return replace(said, days=(), every=weekdays, bounds=held.bounds)
    if heard.days or held.every is None:
        return replace(said, every=None, bounds=(None, None))
    return replace(said, every=held.every, bounds=held.bounds)


def _missing(said: Fragment, asked: str | None, *, status: bool = True) -> str | None:
    """The question still to ask, or None when the declaration is whole (``status``: whether
    it needs one; a cancellation does not)."""
    if said.every is not None:
        if not said.every:
            return "which_weekday"
        if not _pairs(said) and status:
            return "which_status"
        return "which_half" if asked == "which_half" and said.part is None else None
    if said.maybe_day is not None and (said.at is not None or not said.days):
        return "ambiguous_number"
    if said.at is not None:
        return "time_unclear"
    if said.until is not None:
        return "time_end_only"
    if not said.days:
        return asked if asked in _FRAMED and said.within else "which_day"
    pairs = _pairs(said)
    if not pairs:
        return "which_status" if status else None
    if asked == "which_half" and all(part is None for part, _ in pairs):
        return "which_half"
    if len(pairs) > 1 and any(part in (None, "full") for part, _ in pairs):
        return "which_part"
    return None
