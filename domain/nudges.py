"""Quota nudges: who is behind which target on a day, whether to nudge them, and which day to
suggest. Pure planning; the bot turns decisions into ledger rows.

Rules (the policy file's ``[categories.*.nudge]`` and ``[nudges]`` drive them):

* Nothing on a closed day (weekend, holiday, 12/29–1/3, organisation closure) or when
  ``[nudges] enabled = false``; the job also checks working hours (``Nudges.may_send_at``).
* Never nudged: inactive, exempt (国会業務・窓口業務), in the conditional appointment period
  (条件付採用期間), on leave today (a live leave entry), paused or snoozed people, and anyone
  whose telework done plus planned (confirmed or awaiting approval) already covers the target
  of the period: having declared is enough.
* Slots: a rule's window is the period's working days it ``allows`` (from October, from the
  16th, on Wednesdays, …). Its ``max_per_period`` nudges are spread evenly over the window
  (slot ``i`` is window day ``i × len / N``). A person is due when fewer nudges were issued to
  them in the period than slots have been reached by today, so a slot missed while on leave
  or snoozed is caught up on the next allowed day, and the cap is never exceeded.
* At most one nudge per person per day: the first due category in policy order wins; the
  next one is caught up on a following day.
* Nudge fatigue (``[fatigue]``, ``FatigueGuard``): at most 2 bot-initiated prompts a person a
  week (3 in a Telework Week), never two on one day, a month's pause after three ignored
  nudges in a row, and no weekly-aim nudge to someone with telework done or planned that week.
* The ledger key is ``(recipient, "nudge", "<category>:<period key>:<n>")`` where ``n`` is the
  nudge's ordinal in the period: re-running a day adds nothing, and a second replica racing
  the first computes the same key.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from domain.calendar import WorkCalendar
from domain.org import StaffMember
from domain.periods import Period, PeriodKind, period_for
from domain.policy import Fatigue, NudgeRule, Policy
from domain.quota import OccasionInput, PeriodTelework, QuotaFrame, QuotaStatus

NUDGE_KIND = "nudge"
SUGGESTION_HORIZON = 10  # working days looked ahead for a suggested day


@dataclass(frozen=True, slots=True)
class Hold:
    """Why someone must not be nudged today, from their preferences."""

    paused: bool = False  # 通知を停止: paused (until a date or indefinitely)
    snoozed: bool = False  # the nudge card's snooze button (quota nudges only)


# Message kinds a pause suppresses. Duties (a chief asked to designate days, the mid-week
# nudge about a section with no teleworker, results) are not suppressible, and a campaign
# created as ``mandatory`` is not either: the policy owner decides, not the recipient.
SUPPRESSIBLE_KINDS = frozenset({NUDGE_KIND, "digest", "campaign_announcement", "campaign_reminder"})


@dataclass(frozen=True, slots=True)
class ReminderPreference:
    """A person's choices about proactive messages. Dates are local and inclusive."""

    employee_id: str
    paused_until: date | None = None
    paused_indefinitely: bool = False
    snoozed_until: date | None = None
    digest: bool = False
    teams_status: bool = False  # 「Teams にも表示」: telework days as a Teams status note

    def paused_on(self, day: date) -> bool:
        return self.paused_indefinitely or (
            self.paused_until is not None and day <= self.paused_until
        )

    def hold_on(self, day: date) -> Hold:
        snoozed = self.snoozed_until is not None and day <= self.snoozed_until
        return Hold(paused=self.paused_on(day), snoozed=snoozed)

    def suppresses(self, kind: str, day: date, *, mandatory: bool = False) -> bool:
        """Whether a message of ``kind`` must not reach the person on ``day``."""
        if mandatory or kind not in SUPPRESSIBLE_KINDS:
            return False
        if kind == NUDGE_KIND and self.hold_on(day).snoozed:
            return True
        return self.paused_on(day)


@dataclass(frozen=True, slots=True)
class NudgeDecision:
    """One nudge to send today: the category, its period and the nudge's ordinal in it."""

    employee_id: str
    category: str
    period: Period
    ordinal: int
    needed: int
    done: int
    planned: int

    @property
    def period_key(self) -> str:
        """The ledger's period key: ``manager:FY2026:1``."""
        return nudge_key(self.category, self.period.key, self.ordinal)

    @property
    def remaining(self) -> int:
        return max(0, self.needed - self.done - self.planned)


def nudge_key(category: str, period_key: str, ordinal: int) -> str:
    return f"{category}:{period_key}:{ordinal}"


def parse_nudge_key(key: str) -> tuple[str, str, int] | None:
    """``manager:FY2026:1`` → ("manager", "FY2026", 1); None for a malformed key."""
    parts = key.split(":")
    if len(parts) != 3 or not parts[2].isdigit():
        return None
    return parts[0], parts[1], int(parts[2])


def nudge_slots(rule: NudgeRule, period: Period, calendar: WorkCalendar) -> list[date]:
    """The days of ``period`` on which a nudge becomes due (at most ``max_per_period``)."""
    window = [d for d in calendar.working_days(period.start, period.end) if rule.allows(d, period)]
    count = min(rule.max_per_period, len(window))
    if count <= 0:
        return []
    return sorted({window[i * len(window) // count] for i in range(count)})


@dataclass(frozen=True, slots=True)
class _Rule:
    category: str
    rule: NudgeRule
    period: Period
    reached: int  # slots on or before today


class NudgePlanner:
    """Everything about nudges on one day, computed once and applied to many people.

    Build one per (policy, calendar, day); call :meth:`decide` for each person. Periods,
    windows and slots are computed here, not per person.
    """

    def __init__(self, policy: Policy, calendar: WorkCalendar, today: date) -> None:
        self.policy = policy
        self.calendar = calendar
        self.today = today
        self.open = policy.nudges.enabled and calendar.is_working_day(today)
        self._frame = QuotaFrame(policy, calendar, today)
        self._rules: dict[str, _Rule] = {}
        for cid, category in policy.categories.items():
            rule = category.nudge
            if rule is None or rule.max_per_period <= 0:
                continue
            period = period_for(category.target.period, today, calendar)
            if not rule.allows(today, period):
                continue
            reached = sum(1 for d in nudge_slots(rule, period, calendar) if d <= today)
            if reached:
                self._rules[cid] = _Rule(cid, rule, period, reached)

    @property
    def frame(self) -> QuotaFrame:
        """The quota frame of the day, whose statuses ``decide_status`` weighs."""
        return self._frame

    @property
    def periods(self) -> dict[str, Period]:
        """Category id → its period today, for the categories that may nudge today."""
        return {cid: r.period for cid, r in self._rules.items()}

    @property
    def any_due(self) -> bool:
        """Whether anyone at all can be nudged today (skip all reads when not)."""
        return self.open and bool(self._rules)

    def decide(
        self,
        member: StaffMember,
        occasions: Iterable[OccasionInput],
        *,
        issued: Mapping[str, int],
        on_leave: bool = False,
        hold: Hold | None = None,
    ) -> NudgeDecision | None:
        """Today's nudge for ``member``, or None.

        ``occasions``: live telework (done and planned) covering every period in play.
        ``issued``: category id → nudges already issued to the person in today's period.
        """
        if not self._may_nudge(on_leave, hold):
            return None
        return self._decision(member.employee_id, self._frame.status(member, occasions), issued)

    def decide_counted(
        self,
        member: StaffMember,
        counts: Mapping[tuple[date, date], PeriodTelework],
        *,
        issued: Mapping[str, int],
        on_leave: bool = False,
        hold: Hold | None = None,
    ) -> NudgeDecision | None:
        """``decide`` from live telework counted per period of ``periods`` (keyed by
        (start, end), as ``storage.telework_counts`` reads them): the same decision."""
        if not self._may_nudge(on_leave, hold):
            return None
        status = self._frame.status_counted(member, counts)
        return self._decision(member.employee_id, status, issued)

    def decide_status(
        self,
        status: QuotaStatus,
        *,
        issued: Mapping[str, int],
        on_leave: bool = False,
        hold: Hold | None = None,
    ) -> NudgeDecision | None:
        """``decide`` from the person's quota status by ``frame`` on live telework (e.g. read
        for everyone at once by ``storage.telework_counts``): the same decision."""
        if not self._may_nudge(on_leave, hold):
            return None
        return self._decision(status.employee_id, status, issued)

    def _may_nudge(self, on_leave: bool, hold: Hold | None) -> bool:
        return (
            self.any_due
            and not on_leave
            and not (hold is not None and (hold.paused or hold.snoozed))
        )

    def _decision(
        self, employee_id: str, status: QuotaStatus, issued: Mapping[str, int]
    ) -> NudgeDecision | None:
        if not status.may_be_nudged:
            return None
        for progress in status.targets:
            due = self._rules.get(progress.category)
            if due is None or progress.needed <= 0:
                continue
            if progress.done + progress.planned >= progress.needed:
                continue  # met, or declared for the period: never nudged
            if due.period.kind is PeriodKind.WEEK and progress.done + progress.planned > 0:
                continue  # the weekly aim: anything done or planned this week is enough
            already = issued.get(progress.category, 0)
            if already >= min(due.rule.max_per_period, due.reached):
                continue
            return NudgeDecision(
                employee_id,
                progress.category,
                due.period,
                already + 1,
                progress.needed,
                progress.done,
                progress.planned,
            )
        return None

    def occasion_window(self) -> tuple[date, date]:
        """The dates whose telework the planner needs: the periods of the categories that
        may nudge today (other targets' counts do not matter to today's decisions)."""
        periods = [r.period for r in self._rules.values()] or [
            Period(PeriodKind.DAY, self.today.isoformat(), self.today, self.today)
        ]
        return min(p.start for p in periods), max(p.end for p in periods)


def suggest_day(
    today: date,
    period: Period,
    calendar: WorkCalendar,
    *,
    designated: Sequence[date] = (),
    section_days: Mapping[date, int] | None = None,
    busy: Collection[date] = (),
    horizon: int = SUGGESTION_HORIZON,
    ahead: Sequence[date] | None = None,
) -> date:
    """The day a nudge's one-tap button proposes, after ``today``:

    1. the earliest of the section's designated telework days (a campaign's) still ahead;
    2. else the working day on which most of the section already teleworks (earliest on ties);
    3. else the next working day.

    Candidates are the next ``horizon`` working days (``ahead``), kept inside ``period`` when
    any is (the nudge is about that period), minus days the person already has an entry on.
    """
    if ahead is None:  # many nudges of one day: compute once with ``days_ahead``
        ahead = days_ahead(today, calendar, horizon)
    inside = [d for d in ahead if period.contains(d)]
    candidates = [d for d in (inside or ahead) if d not in busy] or [ahead[0]]
    chosen = sorted(d for d in designated if d in candidates)
    if chosen:
        return chosen[0]
    counts = section_days or {}
    best = max(candidates, key=lambda d: (counts.get(d, 0), -d.toordinal()))
    if counts.get(best, 0) > 0:
        return best
    return candidates[0]


def days_ahead(
    today: date, calendar: WorkCalendar, horizon: int = SUGGESTION_HORIZON
) -> list[date]:
    """The next ``horizon`` working days after ``today``."""
    ahead = []
    day = today
    for _ in range(horizon):
        day = calendar.add_working_days(day, 1)
        ahead.append(day)
    return ahead


# -- the weekly digest ------------------------------------------------------------------------


def is_digest_day(today: date, calendar: WorkCalendar) -> bool:
    """The digest goes out on the last working day of the ISO week (Friday, or Thursday
    when Friday is a holiday); never on a closed day."""
    if not calendar.is_working_day(today):
        return False
    sunday = today + timedelta(days=6 - today.weekday())
    return calendar.count_working_days(today + timedelta(days=1), sunday) == 0


def next_week(today: date, calendar: WorkCalendar) -> tuple[Period, list[date]]:
    """The ISO week after ``today``'s and its working days (possibly none: 12/29–1/3)."""
    monday = today + timedelta(days=7 - today.weekday())
    week = period_for("week", monday, calendar)
    return week, calendar.working_days(week.start, week.end)


# -- nudge fatigue (issue 14 item 15) -----------------------------------------------------------

# Bot-initiated prompts about the person's own telework. Duties (a chief's designation request,
# mid-week note, results, approvals) and the digest the person asked for are not prompts.
PROMPT_KINDS = frozenset({NUDGE_KIND, "campaign_announcement", "campaign_reminder"})


@dataclass(frozen=True, slots=True)
class PromptHistory:
    """One recipient's recent prompts, read from the delivery ledger, and when they last
    responded (declared something or wrote to the bot)."""

    this_week: int = 0  # prompts created in the current ISO week
    today: int = 0  # … and today
    recent_nudges: tuple[datetime, ...] = ()  # the latest quota nudges, newest first
    last_response: datetime | None = None


@dataclass
class FatigueGuard:
    """Who may still be prompted today. One per job run; :meth:`record` what the run adds,
    so two campaigns (or a campaign and a nudge) never reach one person twice in a day."""

    rule: Fatigue
    histories: Mapping[str, PromptHistory]
    now: datetime
    telework_week: bool = False
    _added_today: dict[str, int] = field(default_factory=dict)

    def backed_off(self, recipient: str) -> bool:
        """Whether the last ``back_off_after_ignored`` nudges all went unanswered and the
        newest is less than ``back_off_days`` old."""
        n = self.rule.back_off_after_ignored
        history = self.histories.get(recipient)
        if n <= 0 or history is None or len(history.recent_nudges) < n:
            return False
        oldest = history.recent_nudges[n - 1]
        answered = history.last_response is not None and history.last_response > oldest
        if answered:
            return False
        return self.now < history.recent_nudges[0] + timedelta(days=self.rule.back_off_days)

    def allows(self, recipient: str, *, nudge: bool = False) -> bool:
        """Whether one more prompt may go to ``recipient`` today (``nudge``: a quota nudge,
        which the back-off also holds)."""
        history = self.histories.get(recipient, PromptHistory())
        added = self._added_today.get(recipient, 0)
        if self.rule.one_per_day and history.today + added > 0:
            return False
        if history.this_week + added >= self.rule.cap(self.telework_week):
            return False
        return not (nudge and self.backed_off(recipient))

    def record(self, recipient: str) -> None:
        """One prompt added for ``recipient`` by this run."""
        self._added_today[recipient] = self._added_today.get(recipient, 0) + 1


def iso_week(day: date) -> tuple[date, date]:
    """Monday and Sunday of ``day``'s ISO week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
