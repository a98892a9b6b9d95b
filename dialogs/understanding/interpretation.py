"""What a message was understood to mean: the ``telework-bot parse`` output.

``Interpretation.to_json()`` is the contract of issue 4, plus two keys the contract needed:

- ``status``: the status a query asks about (``query_who``: "who is *in the office*"),
  otherwise ``null``;
- ``replaces``: for ``change``, what the new entries replace (``date`` plus ``part`` and
  ``status`` where the message said them, ``null`` meaning "whatever is recorded").

Keys added later appear only when set: ``at`` (a stated time, "HH:MM") and ``correction``
(``true``: the message corrects a reported time) for reports and presence; ``command``,
``argument``, ``days``, ``fragment``. ``query_progress`` asks about one's targets and counts.

In ``cancel`` entries (and ``cancel_recurring``'s recurrence) ``status`` may be ``null``:
"cancel whatever is recorded on that day". Everywhere else entries are complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any


class Intent(StrEnum):
    """What the user wants."""

    DECLARE = "declare"
    DECLARE_RECURRING = "declare_recurring"
    CANCEL = "cancel"
    CANCEL_RECURRING = "cancel_recurring"
    CHANGE = "change"
    REQUEST_APPROVAL = "request_approval"
    REPORT_START = "report_start"
    REPORT_END = "report_end"
    PRESENCE = "presence"
    QUERY_WHO = "query_who"
    QUERY_PERSON = "query_person"
    QUERY_SELF = "query_self"
    QUERY_STATS = "query_stats"
    QUERY_PROGRESS = "query_progress"  # 「あと何回？」"how many days left?": one's targets
    HELP = "help"
    UNKNOWN = "unknown"
    # Short replies inside a conversation (the conversation decides what they answer):
    AFFIRM = "affirm"  # 「はい」「お願いします」"yes" "OK"
    NEGATE = "negate"  # 「いいえ」"no"
    ABORT = "abort"  # 「やめる」「中止」"never mind" (a bare 「キャンセル」 names no day: CANCEL)
    # Understood before the free-text parser (``dialogs.understanding.pipeline``):
    COMMAND = "command"  # a command typed by name: ``command`` and ``argument``
    PAUSE_REMINDERS = "pause_reminders"  # ``days``: how long (None: until resumed)
    RESUME_REMINDERS = "resume_reminders"
    DIGEST_ON = "digest_on"
    DIGEST_OFF = "digest_off"


class Status(StrEnum):
    """A declared status (the first five) or a presence status (the last three)."""

    TELEWORK = "telework"
    OFFICE = "office"
    LEAVE = "leave"
    BUSINESS_TRIP = "business_trip"
    NO_HOURS = "no_hours"  # 週休日（割振り0）: 選択的週休3日, フレックスタイム
    MEETING = "meeting"
    AWAY = "away"
    BACK = "back"


class Warning_(StrEnum):
    """Something the conversation must point out before saving (order = output order)."""

    CLOSED_DAY = "closed_day"  # weekend, holiday, 年末年始, organisation closure
    RETROACTIVE = "retroactive"  # in the past, inside the retroactive window
    PAST_DATE = "past_date"  # in the past, outside the window
    WEEKDAY_MISMATCH = "weekday_mismatch"  # 10/6(月) when 10/6 is a Tuesday
    TOO_LONG = "too_long"  # the message was not read at all


_WARNING_ORDER = {w: i for i, w in enumerate(Warning_)}


@dataclass(frozen=True, slots=True)
class Entry:
    """One day (or part of one) with a status. ``part``: full, am, pm, "HH:MM-HH:MM" or
    "HH:MM-". ``status`` is ``None`` only in cancellations ("whatever is recorded")."""

    day: date
    part: str
    status: Status | None

    def to_json(self) -> dict[str, Any]:
        """The contract's entry object."""
        return {
            "date": self.day.isoformat(),
            "part": self.part,
            "status": None if self.status is None else self.status.value,
        }


@dataclass(frozen=True, slots=True)
class Replaced:
    """What a change replaces: a day, and the part and status if the message said them."""

    day: date
    part: str | None
    status: Status | None

    def to_json(self) -> dict[str, Any]:
        """``{"date", "part", "status"}`` with ``null`` for "whatever is recorded"."""
        return {
            "date": self.day.isoformat(),
            "part": self.part,
            "status": None if self.status is None else self.status.value,
        }


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A weekly pattern: weekdays ("mon".."sun"), part, status, optional first/last day."""

    weekdays: tuple[str, ...]
    part: str
    status: Status | None
    start: date | None = None
    until: date | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's recurrence object."""
        return {
            "weekdays": list(self.weekdays),
            "part": self.part,
            "status": None if self.status is None else self.status.value,
            "from": None if self.start is None else self.start.isoformat(),
            "until": None if self.until is None else self.until.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Fragment:
    """What a message did say when it was not enough on its own (the understanding asks a
    question): the days, the part of the day and the status it named, each empty/None when
    it named none. A conversation keeps it and merges the answer to its question into it."""

    days: tuple[date, ...] = ()
    part: str | None = None
    status: Status | None = None
    replaces: tuple[Replaced, ...] = ()
    pairs: tuple[tuple[str | None, Status], ...] = ()
    """Each status with its part of the day when the message named more than one status
    (「午前休・午後テレワーク」: ``(("am", leave), ("pm", telework))``); then ``status`` and
    ``part`` are None."""
    within: tuple[date, date] | None = None
    """The span the message named without saying which days (来週: its Monday to Sunday;
    12月: the rest of December; 10/6(月) when 10/6 is a Tuesday: that week; 2/30: February):
    the days of the answer are looked for in it."""
    until: str | None = None
    """An end time named without a start (15時まで: "15:00"); the question asks the start."""
    at: str | None = None
    """A clock time named without saying whether it starts or ends the part of the day (15時:
    "15:00"), or the time a bare number may mean (「15 テレワーク」)."""
    maybe_day: date | None = None
    """The day a bare number may mean (「15 テレワーク」: the 15th); the question asks which."""
    every: tuple[int, ...] | None = None
    """A weekly pattern (毎週): its weekdays (0 = Monday; empty when not said); None when the
    message named none."""
    bounds: tuple[date | None, date | None] = (None, None)
    """A weekly pattern's first and last day, where the message named them (来月から)."""
    halves: tuple[tuple[date, str], ...] = ()
    """Days of a range that start in the afternoon or end in the morning (月曜の午後から水曜の
    午前まで: ``((Monday, "pm"), (Wednesday, "am"))``): that half, whatever part the answer
    names for the other days."""

    def to_json(self) -> dict[str, Any]:
        return {
            "days": [d.isoformat() for d in self.days],
            "part": self.part,
            "status": None if self.status is None else self.status.value,
            "replaces": [r.to_json() for r in self.replaces],
            **(
                {"pairs": [{"part": p, "status": s.value} for p, s in self.pairs]}
                if self.pairs
                else {}
            ),
            **(
                {"within": [self.within[0].isoformat(), self.within[1].isoformat()]}
                if self.within
                else {}
            ),
            **{
                key: value
                for key, value in (
                    ("until", self.until),
                    ("at", self.at),
                    ("maybe_day", self.maybe_day and self.maybe_day.isoformat()),
                )
                if value
            },
            **({"every": list(self.every)} if self.every is not None else {}),
            **({"bounds": [d and d.isoformat() for d in self.bounds]} if any(self.bounds) else {}),
            **(
                {"halves": [{"date": d.isoformat(), "part": p} for d, p in self.halves]}
                if self.halves
                else {}
            ),
        }


@dataclass(frozen=True, slots=True)
class Interpretation:
    """The understood meaning of one message; see the module docstring for the JSON.

    When ``question`` is set the conversation must ask it and save nothing yet;
    ``question_code`` names the question (``which_day``, ``past_date``, …) so the bot can
    render its own text. Entries hold what was understood so far (empty when the question is
    about *what* was meant, filled when it asks to confirm, e.g. ``past_date``).
    """

    intent: Intent
    entries: tuple[Entry, ...] = ()
    recurrence: Recurrence | None = None
    person: str | None = None
    period: str | None = None
    status: Status | None = None
    replaces: tuple[Replaced, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    question: str | None = None
    question_code: str | None = None
    lang: str = "en"  # the language the question is written in
    command: str | None = None  # Intent.COMMAND: the command's id
    argument: str | None = None  # Intent.COMMAND: what followed its name
    days: int | None = None  # Intent.PAUSE_REMINDERS: for how many days
    at: time | None = None  # REPORT_START/END, PRESENCE: a stated time (「9時に業務開始」)
    correction: bool = False  # REPORT_START/END: correct today's report (「開始時刻を9:00に修正」)
    fragment: Fragment | None = None  # with a question (or unknown): what the message said

    def to_json(self) -> dict[str, Any]:
        """The ``telework-bot parse`` object (print with ``ensure_ascii=False``)."""
        warnings = sorted(set(self.warnings), key=_WARNING_ORDER.__getitem__)
        return {
            "intent": self.intent.value,
            "entries": [e.to_json() for e in self.entries],
            "recurrence": None if self.recurrence is None else self.recurrence.to_json(),
            "person": self.person,
            "period": self.period,
            "status": None if self.status is None else self.status.value,
            "replaces": [r.to_json() for r in self.replaces] if self.replaces else None,
            "warnings": [w.value for w in warnings],
            "question": self.question,
            **{
                key: value
                for key, value in (
                    ("command", self.command),
                    ("argument", self.argument),
                    ("days", self.days),
                    ("at", None if self.at is None else self.at.strftime("%H:%M")),
                    ("fragment", None if self.fragment is None else self.fragment.to_json()),
                    ("correction", True if self.correction else None),
                )
                if value is not None
            },
        }
