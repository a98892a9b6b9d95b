"""Declaring telework: turning what a person asked for into a proposal they confirm.

Nothing is saved from a guess. A proposal lists each day with what would change, what it
would replace, and anything to warn about; it is read back and saved only on confirmation.
Card data coming back on confirmation is re-validated here (it may have been forged).
Telework on a closed day (weekend, holiday, 12/29–1/3, closure) is refused, never shifted;
where ``[declarations] allow_telework_on_closed_days`` is set it is recorded with a warning
that it does not count. Other statuses there (office, leave, trip) are only warned about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from domain.calendar import WorkCalendar
from domain.org import StaffMember
from domain.policy import Policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry, is_valid_part

MAX_DAYS_AHEAD = 400
MAX_LINES = 31


class Refusal(StrEnum):
    """Why a requested day cannot be declared at all."""

    NOT_ELIGIBLE = "not_eligible"  # 条件付採用期間
    TOO_FAR_BACK = "too_far_back"  # before the retroactive window
    TOO_FAR_AHEAD = "too_far_ahead"
    INVALID = "invalid"  # not a date / part / status (forged or broken card data)
    INACTIVE = "inactive"
    TOO_MANY = "too_many"  # more days than one read-back holds: from this day on
    CLOSED_DAY = "closed_day"  # telework on a weekend, holiday or closure day (never counted)


@dataclass(frozen=True, slots=True)
class ProposedDay:
    """One line of a proposal: the entry it would create and what it meets on that day."""

    day: date
    part: str
    status: EntryStatus
    closure: str | None = None  # the name of the closure when the day is not a working day
    # (telework there is recorded only where the policy allows it, and never counted)
    already: bool = False  # an identical live entry exists: nothing to do
    replaces: tuple[ScheduleEntry, ...] = ()  # live entries of another status it overlaps
    needs_approval: bool = False
    late: bool = False  # requested after the policy's deadline
    retroactive: bool = False


@dataclass
class Proposal:
    """What would be saved, with every warning, or why it cannot be."""

    employee_id: str
    days: list[ProposedDay] = field(default_factory=list)
    refused: list[tuple[str, Refusal]] = field(default_factory=list)  # (day text, why)
    # A change (「12/8のテレワークを12/10に変更」): live entries on the days it moves away
    # from, cancelled in the same transaction that saves the new days.
    moved_from: list[ScheduleEntry] = field(default_factory=list)

    @property
    def to_save(self) -> list[ProposedDay]:
        return [d for d in self.days if not d.already]

    @property
    def has_conflicts(self) -> bool:
        return any(d.replaces for d in self.days)

    @property
    def has_closed_days(self) -> bool:
        return any(d.closure for d in self.to_save)


@dataclass(frozen=True, slots=True)
class Requested:
    """A day as asked for (from the parser or a card), still unchecked text."""

    day: str
    part: str
    status: str


@dataclass(frozen=True, slots=True)
class MoveFrom:
    """A day a change moves away from; ``part``/``status`` None: whatever is recorded."""

    day: date
    part: str | None = None
    status: EntryStatus | None = None

    def matches(self, entry: ScheduleEntry) -> bool:
        return (
            entry.day == self.day
            and entry.state.is_live
            and (self.status is None or entry.status == self.status)
            and (self.part in (None, "full") or entry.part == self.part)
        )


def moved_from(
    moves: Iterable[MoveFrom], existing: Sequence[ScheduleEntry], proposal: Proposal
) -> list[ScheduleEntry]:
    """The live entries a change moves away from (none on a day the proposal itself
    declares: those are already shown as replaced there)."""
    new_days = {d.day for d in proposal.days}
    wanted = [m for m in moves if m.day not in new_days]
    return sorted(
        (e for e in existing if any(m.matches(e) for m in wanted)),
        key=lambda e: (e.day, e.part),
    )


def propose(
    member: StaffMember,
    requested: Iterable[Requested],
    existing: Sequence[ScheduleEntry],
    *,
    policy: Policy,
    calendar: WorkCalendar,
    now: datetime,
) -> Proposal:
    """Check each requested day against the rules and the person's live entries."""
    today = calendar.local_date(now)
    proposal = Proposal(member.employee_id)
    earliest = policy.declarations.earliest_retroactive_day(today, calendar)
    eligible_from = policy.eligibility.eligible_from(member.hire_date)
    seen: set[tuple[date, str]] = set()
    items = list(requested)
    if len(items) > MAX_LINES:
        proposal.refused.append((items[MAX_LINES].day, Refusal.TOO_MANY))
    for item in items[:MAX_LINES]:
        try:
            day = date.fromisoformat(item.day)
            status = EntryStatus(item.status)
        except ValueError:
            proposal.refused.append((item.day, Refusal.INVALID))
            continue
        if not is_valid_part(item.part):
            proposal.refused.append((item.day, Refusal.INVALID))
            continue
        if (day, item.part) in seen:
            continue
        seen.add((day, item.part))
        refusal = _refusal(member, day, status, today, earliest, eligible_from)
        closure = calendar.closure_reason(day)
        if (
            refusal is None
            and closure is not None
            and status == EntryStatus.TELEWORK
            and not policy.declarations.allow_telework_on_closed_days
        ):
            refusal = Refusal.CLOSED_DAY
        if refusal is not None:
            proposal.refused.append((day.isoformat(), refusal))
            continue
        candidate = ScheduleEntry(member.employee_id, day, item.part, status)
        overlapping = [e for e in existing if candidate.conflicts_with(e)]
        already = any(e.status == status and e.part == item.part for e in overlapping)
        deadline = (
            policy.approval.deadline_for(day, calendar) if status == EntryStatus.TELEWORK else None
        )
        needs_approval = policy.approval.required and status == EntryStatus.TELEWORK
        proposal.days.append(
            ProposedDay(
                day=day,
                part=item.part,
                status=status,
                closure=closure.name_ja if closure else None,
                already=already,
                replaces=() if already else tuple(overlapping),
                needs_approval=needs_approval and not already,
                late=bool(needs_approval and deadline is not None and now > deadline),
                retroactive=day < today,
            )
        )
    proposal.days.sort(key=lambda d: (d.day, d.part))
    return proposal


def _refusal(
    member: StaffMember,
    day: date,
    status: EntryStatus,
    today: date,
    earliest: date,
    eligible_from: date,
) -> Refusal | None:
    if not member.active:
        return Refusal.INACTIVE
    if day < earliest:
        return Refusal.TOO_FAR_BACK
    if (day - today).days > MAX_DAYS_AHEAD:
        return Refusal.TOO_FAR_AHEAD
    if status == EntryStatus.TELEWORK and day < eligible_from:
        return Refusal.NOT_ELIGIBLE
    return None


def entries_to_save(proposal: Proposal, note: str | None = None) -> list[ScheduleEntry]:
    """The entries a confirmed proposal writes: telework awaiting approval where required."""
    return [
        ScheduleEntry(
            proposal.employee_id,
            d.day,
            d.part,
            d.status,
            EntryState.PENDING if d.needs_approval else EntryState.CONFIRMED,
            note=note or None,
        )
        for d in proposal.to_save
    ]


def replaced_ids(proposal: Proposal) -> list[int]:
    """Ids of the live entries a confirmation cancels: those the new days overlap and, for a
    change, those on the days it moves away from."""
    replaced = [e for d in proposal.to_save for e in d.replaces]
    if proposal.to_save:
        replaced += proposal.moved_from
    return sorted({e.id for e in replaced if e.id is not None})
