"""Quota status: where a person stands against each of their telework targets on a date.

Rules (pure functions, no I/O):

* No target, in this order: inactive; work the policy takes out of the plan altogether
  (``[exemptions] reasons``, none by default); inside the conditional appointment period
  (条件付採用期間, ``eligible_from`` says when it ends); no category of the policy applies; or
  every category that applies exempts the person's work (``exempt``: 国会業務・窓口業務 have no
  weekly aim), which is ``EXEMPT`` too.
* Otherwise every category the person falls into and is not exempted from gives one
  ``TargetProgress`` for the period of that category that contains the date (a manager who
  is also a carer gets both; a manager in Diet work keeps the manager's target).
* ``done`` counts the occasions on or before the date, ``planned`` those after it in the same
  period. Occasions on closed days never count (telework is a way of working on working
  days; a declaration there is refused, or recorded uncounted where the policy allows it).
* Pace is measured in working days of the period: after ``e`` completed working days (days
  before the date) a person needs ``floor(needed × e / W)`` occasions to be on track, where
  ``W`` is the period's working days. Fewer is ``behind``; ``needed`` or more is ``met``.
* ``deadline`` is the period's last working day. ``next_deadline`` is, when on track, the last
  working day by which one more occasion keeps the pace (for a monthly target with none done:
  the month's last working day; for a manager's 2 per year with none done: about the middle
  of the year); when behind, the period's deadline; when met, ``None``.
* Eligibility starting inside a period (hired mid-year + 6 months): with
  ``prorate_first_period`` the target covers only the working days from ``eligible_from`` and
  is scaled to them, rounded up (2 a year from mid-October → 1). A period without working days
  has no target (``needed == 0``, met).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from domain.calendar import WorkCalendar
from domain.conditions import roster_key
from domain.occasions import DayPart, Occasion, merge_by_day
from domain.org import EmploymentType, ExemptReason, StaffMember
from domain.periods import Period, period_for
from domain.policy import Category, Policy

OccasionInput = Occasion | tuple[date, DayPart | str]


class Standing(StrEnum):
    """How a person stands against one target."""

    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"


class NoTargetReason(StrEnum):
    """Why a person has no target at all."""

    INACTIVE = "inactive"
    EXEMPT = "exempt"  # work unsuited to telework: never nudged
    CONDITIONAL_APPOINTMENT = "conditional_appointment"  # 条件付採用期間
    NO_CATEGORY = "no_category"
    NOT_COVERED = "not_covered"  # 非常勤: outside the plan (policy [employment] covered)


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """One target of one person in one period."""

    category: str
    period: Period
    needed: int
    done: int
    planned: int
    person_days: float
    standing: Standing
    deadline: date
    next_deadline: date | None

    @property
    def remaining(self) -> int:
        """Occasions still needed (never negative)."""
        return max(0, self.needed - self.done)


@dataclass(frozen=True, slots=True)
class QuotaStatus:
    """A person's targets at a date, or the reason they have none."""

    employee_id: str
    on: date
    targets: tuple[TargetProgress, ...]
    no_target: NoTargetReason | None
    eligible_from: date

    @property
    def conditional_until(self) -> date | None:
        """The last day of the conditional appointment period, while the person is in it."""
        if self.no_target is NoTargetReason.CONDITIONAL_APPOINTMENT:
            return self.eligible_from - timedelta(days=1)
        return None

    @property
    def may_be_nudged(self) -> bool:
        """Whether nudges may reach the person at all (not exempt, active, with a target)."""
        return self.no_target is None


@dataclass(frozen=True, slots=True)
class PeriodTelework:
    """One person's counted telework in one period (days merged, closed days left out):
    full and half days on or before the status date (done) and after it (planned)."""

    done_full: int = 0
    done_half: int = 0
    planned_full: int = 0
    planned_half: int = 0


NO_TELEWORK = PeriodTelework()
_FLAG_NAMES = frozenset(
    {"is_manager", "is_section_chief", "has_care_preschool", "has_care_family", "has_care"}
)


class QuotaProfile(NamedTuple):
    """What the quota rules read of a staff record, stored values as they are (enum values as
    strings): two people with the same profile and the same counts have the same status, so
    a frame computes it once for them (``QuotaFrame.status_of``)."""

    hire_date: date
    active: bool
    employment: str
    exempt_reason: str | None
    is_manager: bool
    is_section_chief: bool
    care_preschool: bool
    care_family: bool

    @classmethod
    def of(cls, member: StaffMember) -> QuotaProfile:
        """A staff record's profile."""
        reason = member.exempt_reason
        return cls(
            member.hire_date,
            member.active,
            member.employment.value,
            reason.value if reason is not None else None,
            member.is_manager,
            member.is_section_chief,
            member.care_preschool,
            member.care_family,
        )


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a profile's status needs besides its counts: no target (and why), or its frames
    with where each one's period sits in the flat counts and what its proration depends on."""

    eligible_from: date
    no_target: NoTargetReason | None
    frames: tuple[tuple[int, int, date | None], ...]  # (frame number, counts offset, key)


@dataclass(frozen=True, slots=True)
class _Frame:
    """One category's period on the frame's date, with its working days precomputed."""

    category_id: str
    category: Category
    period: Period
    working: tuple[int, ...]  # ordinals of the period's working days
    open_days: frozenset[int]  # the same, to look up: only telework on them counts


class QuotaFrame:
    """Everything about periods on one date, computed once and shared by many people.

    Build one per (policy, calendar, date) and call ``status`` for each person: period
    boundaries, working days and category membership (by roster flags) are not recomputed.
    """

    def __init__(self, policy: Policy, calendar: WorkCalendar, on: date) -> None:
        self.policy = policy
        self.calendar = calendar
        self.on = on
        self._frames: dict[str, _Frame] = {}
        for cid, category in policy.categories.items():
            period = period_for(category.target.period, on, calendar)
            working = tuple(calendar.working_ordinals(period.start, period.end))
            self._frames[cid] = _Frame(cid, category, period, working, frozenset(working))
        self._membership: dict[tuple[object, ...], tuple[_Frame, ...]] = {}
        self._half_occasions = policy.counting.half_day_occasions
        self._half_person_days = policy.counting.half_day_person_days
        windows = {(p.start, p.end): n for n, p in enumerate(self.windows)}
        self._frame_list = tuple(self._frames.values())
        self._offsets = tuple(4 * windows[(f.period.start, f.period.end)] for f in self._frame_list)
        self._plans: dict[tuple[object, ...], _Plan] = {}
        self._eligible: dict[date, date] = {}
        self._rules: dict[
            tuple[object, ...],
            tuple[NoTargetReason | None, tuple[int, ...], NoTargetReason | None],
        ] = {}
        self._progress_memo: dict[tuple[object, ...], tuple[TargetProgress]] = {}

    def status(self, member: StaffMember, occasions: Iterable[OccasionInput]) -> QuotaStatus:
        """The member's quota status on the frame's date."""
        eligible_from = self.policy.eligibility.eligible_from(member.hire_date)
        reason = self._no_target_reason(member, eligible_from)
        if reason is not None:
            return QuotaStatus(member.employee_id, self.on, (), reason, eligible_from)
        frames = self._frames_of(member)
        if not frames:
            return self._without_frames(member, eligible_from)
        merged = merge_by_day(occasions)
        progress = tuple(self._progress(f, merged, eligible_from) for f in frames)
        return QuotaStatus(member.employee_id, self.on, progress, None, eligible_from)

    def _no_target_reason(self, member: StaffMember, eligible_from: date) -> NoTargetReason | None:
        if not member.active:
            return NoTargetReason.INACTIVE
        if not self.policy.covers(member):
            return NoTargetReason.NOT_COVERED
        if self.policy.is_exempt(member):
            return NoTargetReason.EXEMPT
        if self.on < eligible_from:
            return NoTargetReason.CONDITIONAL_APPOINTMENT
        return None

    def _frames_of(self, member: StaffMember) -> tuple[_Frame, ...]:
        # Membership depends only on the allow-listed roster attributes and the work reason
        # (a category's ``exempt``): evaluate each combination once (a handful of them).
        key = (roster_key(member), member.exempt_reason)
        frames = self._membership.get(key)
        if frames is None:
            frames = tuple(
                f
                for f in self._frames.values()
                if f.category.when.holds_for(member) and not f.category.exempts(member)
            )
            self._membership[key] = frames
        return frames

    @property
    def windows(self) -> tuple[Period, ...]:
        """The distinct periods of the frame's categories: the telework a status needs, as
        ``PeriodTelework`` per person and period (``status_counted``)."""
        seen: dict[tuple[date, date], Period] = {}
        for frame in self._frames.values():
            seen.setdefault((frame.period.start, frame.period.end), frame.period)
        return tuple(seen.values())

    def audience(self, window: Period) -> list[tuple[list[tuple[bool, ...]], frozenset[str]]]:
        """Who a status ever reads ``window``'s counts for, per category with that period: the
        roster flags (``roster_key``: manager, section chief, preschool care, family care)
        that put a person in it, and the work reasons (``exempt_reason`` values) that take
        them out again. Everyone else's counts in the window are never read, so a reader may
        leave them out (inactive people too: they have no target)."""
        combos: list[tuple[bool, ...]] = [
            (manager, chief, preschool, family)
            for manager in (False, True)
            for chief in (False, True)
            for preschool in (False, True)
            for family in (False, True)
        ]
        out = []
        for frame in self._frames.values():
            if (frame.period.start, frame.period.end) != (window.start, window.end):
                continue
            when = frame.category.when
            if not when.attributes <= _FLAG_NAMES:
                raise ValueError(f"audience: {when} reads more than the roster flags")
            flags = [
                c
                for c in combos
                if when.holds_given(
                    {
                        "is_manager": c[0],
                        "is_section_chief": c[1],
                        "has_care_preschool": c[2],
                        "has_care_family": c[3],
                        "has_care": c[2] or c[3],
                    }
                )
            ]
            out.append((flags, frozenset(r.value for r in frame.category.exempt)))
        return out

    def status_counted(
        self, member: StaffMember, counts: Mapping[tuple[date, date], PeriodTelework]
    ) -> QuotaStatus:
        """The member's quota status from their telework counted per period (``windows``,
        keyed by (start, end); a period without telework may be missing): the same status
        as ``status`` with every occasion, when the counts follow the same rules (days
        merged, closed days left out)."""
        eligible_from = self.policy.eligibility.eligible_from(member.hire_date)
        reason = self._no_target_reason(member, eligible_from)
        if reason is not None:
            return QuotaStatus(member.employee_id, self.on, (), reason, eligible_from)
        frames = self._frames_of(member)
        if not frames:
            return self._without_frames(member, eligible_from)
        progress = tuple(
            self._progress_counted(
                f, counts.get((f.period.start, f.period.end), NO_TELEWORK), eligible_from
            )
            for f in frames
        )
        return QuotaStatus(member.employee_id, self.on, progress, None, eligible_from)

    def status_of(
        self, employee_id: str, profile: tuple[object, ...], counts: Sequence[int]
    ) -> QuotaStatus:
        """``status_counted`` for many people at a time: ``profile`` is a ``QuotaProfile`` (or
        a plain tuple of its fields), ``counts`` the person's telework flat, four numbers per
        period of ``windows`` in order (done full, done half, planned full, planned half;
        empty: none). Statuses, targets and eligibility are computed once per distinct
        profile and counts, so 100,000 people cost little more than reading them."""
        plan = self._plans.get(profile)
        if plan is None:
            plan = self._plans[profile] = self._plan(QuotaProfile._make(profile))
        if not plan.frames:
            return QuotaStatus(employee_id, self.on, (), plan.no_target, plan.eligible_from)
        memo = self._progress_memo
        progress: tuple[TargetProgress, ...] = ()
        for number, offset, key in plan.frames:
            window = tuple(counts[offset : offset + 4]) or (0, 0, 0, 0)
            found = memo.get((number, window, key))
            if found is None:
                frame = self._frame_list[number]
                target = self._progress_counted(frame, PeriodTelework(*window), plan.eligible_from)
                found = memo[(number, window, key)] = (target,)
            progress = found if not progress else progress + found
        return QuotaStatus(employee_id, self.on, progress, None, plan.eligible_from)

    def _plan(self, profile: QuotaProfile) -> _Plan:
        hire_date = profile.hire_date
        eligible_from = self._eligible.get(hire_date)
        if eligible_from is None:
            eligible_from = self.policy.eligibility.eligible_from(hire_date)
            self._eligible[hire_date] = eligible_from
        rest = profile[1:]  # everything but the hire date: a handful of combinations
        rules = self._rules.get(rest)
        if rules is None:
            rules = self._rules[rest] = self._rules_of(profile, eligible_from)
        before, numbers, without = rules
        if before is not None:
            return _Plan(eligible_from, before, ())
        if self.on < eligible_from:
            return _Plan(eligible_from, NoTargetReason.CONDITIONAL_APPOINTMENT, ())
        if without is not None:
            return _Plan(eligible_from, without, ())
        prorate = self.policy.eligibility.prorate_first_period
        frames = self._frame_list
        return _Plan(
            eligible_from,
            None,
            tuple(
                # proration reads the eligibility date only when it falls inside the period
                (
                    n,
                    self._offsets[n],
                    eligible_from if prorate and eligible_from > frames[n].period.start else None,
                )
                for n in numbers
            ),
        )

    def _rules_of(
        self, profile: QuotaProfile, eligible_from: date
    ) -> tuple[NoTargetReason | None, tuple[int, ...], NoTargetReason | None]:
        """What does not depend on the hire date: no target before eligibility is checked
        (inactive, not covered, exempt), the frames, and no target for want of any."""
        # The rules read a StaffMember: one carrying only the profile's fields stands in.
        member = StaffMember(
            employee_id="(profile)",
            name="",
            email="",
            org_unit="",
            hire_date=profile.hire_date,
            is_manager=profile.is_manager,
            is_section_chief=profile.is_section_chief,
            care_preschool=profile.care_preschool,
            care_family=profile.care_family,
            exempt_reason=ExemptReason(profile.exempt_reason) if profile.exempt_reason else None,
            active=profile.active,
            employment=EmploymentType(profile.employment),
        )
        before = self._no_target_reason(member, date.min)  # date.min: eligible whatever
        frames = self._frames_of(member)
        without = None if frames else self._without_frames(member, eligible_from).no_target
        return before, tuple(self._frame_list.index(f) for f in frames), without

    def _without_frames(self, member: StaffMember, eligible_from: date) -> QuotaStatus:
        none = (
            NoTargetReason.EXEMPT
            if member.exempt_reason is not None and self.policy.categories_of(member)
            else NoTargetReason.NO_CATEGORY
        )
        return QuotaStatus(member.employee_id, self.on, (), none, eligible_from)

    def _progress(
        self, frame: _Frame, merged: Mapping[date, DayPart], eligible_from: date
    ) -> TargetProgress:
        period, on = frame.period, self.on
        done_full = done_half = planned_full = planned_half = 0
        full_day = DayPart.FULL
        open_days = frame.open_days
        for day, part in merged.items():
            if period.start <= day <= period.end and day.toordinal() in open_days:
                full = part is full_day
                if day <= on:
                    done_full += full
                    done_half += not full
                else:
                    planned_full += full
                    planned_half += not full
        counted = PeriodTelework(done_full, done_half, planned_full, planned_half)
        return self._progress_counted(frame, counted, eligible_from)

    def _progress_counted(
        self, frame: _Frame, counted: PeriodTelework, eligible_from: date
    ) -> TargetProgress:
        half = self._half_occasions
        done = counted.done_full + counted.done_half * half
        planned = counted.planned_full + counted.planned_half * half
        person_days = counted.done_full + counted.done_half * self._half_person_days
        period = frame.period
        working = frame.working
        count = frame.category.target.count
        needed = count
        if self.policy.eligibility.prorate_first_period and eligible_from > period.start:
            whole = len(working)
            working = working[bisect_left(working, eligible_from.toordinal()) :]
            needed = -(-count * len(working) // whole) if whole else 0  # ceiling
        return _pace(
            frame.category_id, period, working, needed, done, planned, person_days, self.on
        )


def _pace(
    category_id: str,
    period: Period,
    working: tuple[int, ...],
    needed: int,
    done: int,
    planned: int,
    person_days: float,
    on: date,
) -> TargetProgress:
    total = len(working)
    if total == 0:
        return TargetProgress(
            category_id, period, 0, done, planned, person_days, Standing.MET, period.end, None
        )
    deadline = date.fromordinal(working[-1])
    if done >= needed:
        standing, next_deadline = Standing.MET, None
    else:
        elapsed = bisect_left(working, on.toordinal())  # working days completed before `on`
        if done < needed * elapsed // total:
            standing, next_deadline = Standing.BEHIND, deadline
        else:
            # the last working day on which one more occasion still keeps the pace
            due_index = -(-(done + 1) * total // needed)  # ceiling, 1-based
            standing, next_deadline = Standing.ON_TRACK, date.fromordinal(working[due_index - 1])
    return TargetProgress(
        category_id, period, needed, done, planned, person_days, standing, deadline, next_deadline
    )


def quota_status(
    member: StaffMember,
    policy: Policy,
    calendar: WorkCalendar,
    on: date,
    occasions: Iterable[OccasionInput],
) -> QuotaStatus:
    """One person's quota status on ``on`` (for many people, use ``quota_statuses``)."""
    return QuotaFrame(policy, calendar, on).status(member, occasions)


def quota_statuses(
    members: Iterable[StaffMember],
    occasions_by_employee: Mapping[str, Iterable[OccasionInput]],
    policy: Policy,
    calendar: WorkCalendar,
    on: date,
) -> Iterator[QuotaStatus]:
    """Quota status of many people on one date in one pass (periods computed once)."""
    frame = QuotaFrame(policy, calendar, on)
    empty: tuple[OccasionInput, ...] = ()
    for member in members:
        yield frame.status(member, occasions_by_employee.get(member.employee_id, empty))


def quota_statuses_counted(
    members: Iterable[StaffMember],
    counts_by_employee: Mapping[str, Mapping[tuple[date, date], PeriodTelework]],
    frame: QuotaFrame,
) -> Iterator[QuotaStatus]:
    """Quota status of many people from their telework counted per period of
    ``frame.windows`` (e.g. by ``storage.quota_counts``): the same as ``quota_statuses``."""
    empty: Mapping[tuple[date, date], PeriodTelework] = {}
    for member in members:
        yield frame.status_counted(member, counts_by_employee.get(member.employee_id, empty))
