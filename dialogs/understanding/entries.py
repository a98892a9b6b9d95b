"""From mentions to entries: which status goes with which days and which part of the day.

A message is cut into clauses at separators (、 , ・ / ; 。 and, then, but …; in Japanese
text also spaces) that lie
outside anything understood. Each status takes the dates of its clause — or, if its clause
names none, the dates of the clauses before it that had no status (明日、テレワークします),
else those of the previous status (明日午前在宅、午後出社), else any date left at the end. It
takes the part of the day of its clause: with two statuses and two parts in one clause they
pair in order (午前は在宅で午後は出社). Two statuses on the same day with no parts is a
question; with one half day given, the other status takes the other half (明日は在宅、午後から
出社 → am telework, pm office).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dialogs.understanding.compiled import regex
from dialogs.understanding.dates import DateMention
from dialogs.understanding.interpretation import Entry, Status
from dialogs.understanding.parts import PartMention
from dialogs.understanding.vocabulary import HALF

_SEPARATOR = regex(
    r"[、,;。!！?？・/]|(?<![a-z])(?:and|but|then|while|so|also|plus)(?![a-z])|その後|そのあと"
    r"|それ以外|残りは|\s-\s"
    # run-on Japanese: 明日はテレワークで明後日は出社で…, 明日はテレワークですが午後は出社
    r"|(?<=\ue000)\s*(?:ですが|だが|ですけど|だけど|けど|で|にして|とし)(?=\s*\ue000)"
)
_SPACE = regex(r"\s+")  # also a separator in Japanese text: 明日在宅 明後日出社
_COMPLEMENT = {"am": "pm", "pm": "am"}
# what may follow dates that add to the last status: nothing but more dates and links
_ONLY_DATES = regex(
    r"(?:[\ue000\s、,。.!！・/&~-]|も|と|から|まで|"
    r"(?<![a-z])(?:and|then|also|too|as\s+well|to|through|thru|until)(?![a-z]))*"
)


@dataclass(frozen=True, slots=True)
class StatusMention:
    """A status word at ``start:end`` and the part of the day the word implies (午前休)."""

    start: int
    end: int
    status: Status | None
    part: str | None = None


@dataclass(slots=True)
class Unit:
    """One status with its dates and part, before expansion to entries."""

    status: Status | None
    part: str | None
    dates: list[DateMention] = field(default_factory=list)


@dataclass(slots=True)
class _Clause:
    dates: list[DateMention] = field(default_factory=list)
    parts: list[PartMention] = field(default_factory=list)
    statuses: list[StatusMention] = field(default_factory=list)


def _clauses(
    rest: str,
    dates: list[DateMention],
    parts: list[PartMention],
    statuses: list[StatusMention],
    japanese: bool,
) -> list[_Clause]:
    cuts = [m.start() for m in _SEPARATOR.finditer(rest)]
    if japanese:
        cuts += [m.start() for m in _SPACE.finditer(rest)]
        # 明日在宅明後日出社: a date right after a status starts the next clause
        ends = {s.end for s in statuses}
        cuts += [d.start for d in dates if d.start in ends]
    cuts = [*sorted(cuts), len(rest) + 1]
    clauses = [_Clause() for _ in cuts]

    def index(pos: int) -> int:
        return next(i for i, cut in enumerate(cuts) if pos < cut)

    for d in dates:
        clauses[index(d.start)].dates.append(d)
    for p in parts:
        clauses[index(p.start)].parts.append(p)
    for s in statuses:
        clauses[index(s.start)].statuses.append(s)
    return [c for c in clauses if c.dates or c.parts or c.statuses]


def _pair(statuses: list[StatusMention], parts: list[PartMention]) -> list[Unit] | None:
    """Statuses and parts of one clause; ``None`` when it is not clear which goes with which."""
    units = [Unit(s.status, s.part) for s in statuses]
    free = [u for u in units if u.part is None or u.part == HALF]
    free_parts = [p.part for p in parts]
    if HALF in free_parts and any(p != HALF for p in free_parts):
        free_parts = [p for p in free_parts if p != HALF]  # half day … in the afternoon
    if not free_parts:
        return units
    if len(free) == len(free_parts):
        for unit, part in zip(free, free_parts, strict=True):
            unit.part = part
        return units
    if len(free) == 1:
        free[0].part = "full" if {"am", "pm"} <= set(free_parts) else free_parts[0]
        return units
    halves = [u for u in free if u.part == HALF]
    if len(halves) == 1 and len(free_parts) == 1 and free_parts[0] in _COMPLEMENT:
        halves[0].part = free_parts[0]  # 在宅勤務（午後は通院のため半休）: the half day's half
        return units
    if not free:
        return units
    return None


def group(
    rest: str,
    dates: list[DateMention],
    parts: list[PartMention],
    statuses: list[StatusMention],
    *,
    japanese: bool = False,
) -> tuple[list[Unit], str | None]:
    """Units (status + part + dates) and a question code when the pairing is unclear.
    In Japanese text a space separates clauses too (明日在宅 明後日出社); in English it
    cannot (WFH in the morning)."""
    units: list[Unit] = []
    pending_dates: list[DateMention] = []
    pending_parts: list[PartMention] = []
    previous: list[DateMention] = []
    last: list[Unit] = []
    for clause in _clauses(rest, dates, parts, statuses, japanese):
        if not clause.statuses:
            pending_dates += clause.dates
            pending_parts += clause.parts
            continue
        paired = _pair(clause.statuses, clause.parts or pending_parts)
        if paired is None:
            return [], "which_part"
        own = clause.dates + pending_dates
        for unit in paired:
            unit.dates = own or previous
        units += paired
        last = paired
        previous = own or previous
        pending_dates, pending_parts = [], []
    if (
        pending_dates
        and not pending_parts
        and last
        and all(u.dates for u in last)
        and _ONLY_DATES.fullmatch(rest, min(d.start for d in pending_dates))
    ):
        # remote the 28th and then Jan 4-6: more days for the last status said
        for unit in last:
            unit.dates = [*unit.dates, *pending_dates]
        pending_dates = []
    for unit in units:
        if not unit.dates:
            unit.dates = pending_dates
        if unit.part is None and pending_parts and len(units) == 1:
            unit.part = pending_parts[0].part
    return units, _settle_parts(units)


def _settle_parts(units: list[Unit]) -> str | None:
    """Fill missing parts by complement; a question code if two statuses share a day."""
    by_days: dict[tuple[date, ...], list[Unit]] = {}
    for unit in units:
        key = tuple(sorted({d for m in unit.dates for d in m.days}))
        by_days.setdefault(key, []).append(unit)
    for same in by_days.values():
        distinct = {u.status for u in same}
        if len(same) > 1 and len(distinct) == 1 and all(u.part is None for u in same):
            del same[1:]
            continue
        if len(same) == 2:
            a, b = same
            if a.part is None and b.part in _COMPLEMENT:
                a.part = _COMPLEMENT[b.part]
            elif b.part is None and a.part in _COMPLEMENT:
                b.part = _COMPLEMENT[a.part]
        if len(same) > 1 and any(u.part in (None, "full") for u in same):
            return "which_part"
    for unit in units:
        if unit.part == HALF:
            return "which_half"
        if unit.part is None:
            unit.part = "full"
    return None


def _part_key(part: str) -> int:
    if part == "pm":
        return 12 * 60
    if part[:2].isdigit():
        return int(part[:2]) * 60 + int(part[3:5])
    return 0


def expand(units: list[Unit], working_days: dict[tuple[date, date], list[date]]) -> list[Entry]:
    """Entries for every unit and day (ranges as their working days), sorted by date, part."""
    out: list[Entry] = []
    seen: set[tuple[date, str, Status | None]] = set()
    # a day named on its own under another status wins over a range's (来週は在宅、月曜だけ
    # 出社): the range keeps only the other half when the day named a half
    named: dict[date, set[str]] = {}
    for unit in units:
        for mention in unit.dates:
            if not mention.is_range:
                for day in mention.days:
                    named.setdefault(day, set()).add(unit.part or "full")
    for unit in units:
        for mention in unit.dates:
            days = working_days[(mention.first, mention.last)] if mention.is_range else mention.days
            for day in days:
                part = bounded_part(mention, day) or unit.part or "full"
                taken = named.get(day) if mention.is_range else None
                if taken:
                    halves = [h for h in ("am", "pm") if h not in taken]
                    if "full" in taken or part not in ("full", *halves) or not halves:
                        continue
                    part = halves[0] if part == "full" and len(halves) == 1 else part
                key = (day, part, unit.status)
                if key not in seen:
                    seen.add(key)
                    out.append(Entry(day, part, unit.status))
    return sorted(out, key=lambda e: (e.day, _part_key(e.part)))


def bounded_part(mention: DateMention, day: date) -> str | None:
    """The half ``day`` has as a bound of the range ``mention``: its first day from the
    afternoon (月曜の午後から), its last day until the morning (水曜の午前まで); None
    otherwise (a start in the morning or an end in the afternoon is the whole day)."""
    if day == mention.first and mention.first_part == "pm":
        return "pm"
    if day == mention.last and mention.last_part == "am" and mention.last != mention.first:
        return "am"
    return None
