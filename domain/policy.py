"""The telework policy as configuration: categories and targets, eligibility, exemptions,
counting, approval, nudge rules, calendar and report settings.

A policy is a TOML file validated here; ``default_policy.toml`` reproduces the Ministry of
Internal Affairs and Communications' Telework Promotion Plan of 5 June 2015. Another ministry
or the next plan changes the file, not the code. Every error names its key path, e.g.
``categories.manager.target.count: must be greater than 0``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    field_validator,
    model_validator,
)

from domain.allowance import AllowanceRules
from domain.calendar import WorkCalendar
from domain.conditions import RosterCondition
from domain.delivery import Hold
from domain.errors import PolicyError
from domain.occasions import DayPart
from domain.org import ExemptReason, StaffMember
from domain.periods import Period, PeriodKind
from domain.schedule import TimeRangeRule
from domain.worktime import WorkTimeRules

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_CATEGORY_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _condition(value: object) -> RosterCondition:
    if isinstance(value, RosterCondition):
        return value
    if not isinstance(value, str):
        raise ValueError('must be a string such as "is_manager or has_care"')
    return RosterCondition.parse(value)


Condition = Annotated[RosterCondition, PlainValidator(_condition)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class OrgClosureDay(_Section):
    """An organisation-specific closure day."""

    date: date
    name: str = "組織の休業日"


class CalendarRules(_Section):
    """Time zone, fiscal year start and organisation closure days."""

    time_zone: str = "Asia/Tokyo"
    fiscal_year_start_month: int = Field(4, ge=1, le=12)
    year_end_closure: bool = True  # 年末年始 12/29–1/3
    closures: tuple[OrgClosureDay, ...] = ()

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. Asia/Tokyo)") from None
        return value


class Target(_Section):
    """How many telework occasions per period a category needs (``aim``: a goal, 目安)."""

    count: int = Field(gt=0)
    period: PeriodKind
    strength: Literal["minimum", "aim"] = "minimum"

    @field_validator("period")
    @classmethod
    def _not_daily(cls, value: PeriodKind) -> PeriodKind:
        if value is PeriodKind.DAY:
            raise ValueError("a target period must be fiscal_year, month or week")
        return value


class NudgeRule(_Section):
    """When a category's members may be nudged within a period (used by the nudge feature).

    ``from_month`` (fiscal-year targets): from the 1st of that calendar month of the fiscal
    year. ``from_day`` (monthly targets): from that day of the month. ``weekdays``: only on
    these days. At most ``max_per_period`` nudges per period; none once the target is met
    when ``stop_when_met``.
    """

    from_month: int | None = Field(None, ge=1, le=12)
    from_day: int | None = Field(None, ge=1, le=31)
    weekdays: tuple[Weekday, ...] = ()
    max_per_period: int = Field(1, ge=0, le=100)
    stop_when_met: bool = True

    def opens_on(self, period: Period) -> date:
        """The first day of ``period`` on which a nudge may be sent."""
        if self.from_month is not None and period.kind is PeriodKind.FISCAL_YEAR:
            year = period.start.year if self.from_month >= period.start.month else period.end.year
            return max(period.start, date(year, self.from_month, 1))
        if self.from_day is not None and period.kind is PeriodKind.MONTH:
            return period.start.replace(day=min(self.from_day, period.end.day))
        return period.start

    def allows(self, day: date, period: Period) -> bool:
        """Whether ``day`` lies in the nudge window of ``period`` (weekday included)."""
        if not period.contains(day) or day < self.opens_on(period):
            return False
        return not self.weekdays or WEEKDAYS[day.weekday()] in self.weekdays


class Category(_Section):
    """A group of staff with a target; ``when`` says who belongs, from roster attributes.

    ``sensitive`` categories (育児・介護) are aggregated and small groups suppressed in reports.
    """

    name_ja: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    when: Condition
    target: Target
    sensitive: bool = False
    nudge: NudgeRule | None = None
    # -- issue 14 item 10 (nudges): exemptions per category ---------------------------------
    # Work reasons (国会業務・窓口業務 …) that remove this category's target, and its nudges,
    # from a member. The person stays eligible (実施可能職員数) and keeps every other
    # category's target: plan §1(2) and §4 exempt Diet and counter work from the weekly aim
    # only; managers' 2 a year and carers' once a month apply to them too (原則として).
    exempt: tuple[ExemptReason, ...] = ()

    def exempts(self, member: StaffMember) -> bool:
        """Whether the member's work reason removes this category's target from them."""
        return member.exempt_reason is not None and member.exempt_reason in self.exempt

    @model_validator(mode="after")
    def _nudge_fits_period(self) -> Category:
        if self.nudge is None:
            return self
        if self.nudge.from_month is not None and self.target.period is not PeriodKind.FISCAL_YEAR:
            raise ValueError("nudge.from_month needs a fiscal_year target")
        if self.nudge.from_day is not None and self.target.period is not PeriodKind.MONTH:
            raise ValueError("nudge.from_day needs a month target")
        return self

    def name(self, lang: str) -> str:
        """The category's name in ``lang`` ("en", else Japanese)."""
        return self.name_en if lang == "en" else self.name_ja


class Eligibility(_Section):
    """Who may telework at all: not during the conditional appointment (条件付採用期間)."""

    conditional_appointment_months: int = Field(6, ge=0, le=24)
    prorate_first_period: bool = True

    def eligible_from(self, hire_date: date) -> date:
        """The first eligible day: the day after the conditional appointment period ends.

        The period is reckoned as 民法 §143 reckons months, with the hire day counted (the
        appointment takes effect from the start of that day): it ends on the day before the
        corresponding day (応当日) of the last month, or at the end of that month when it has
        no corresponding day. So hired 2026-04-01 → eligible 2026-10-01, hired 2026-03-31
        (no 9/31) → period ends 9/30 → eligible 2026-10-01, hired 2026-08-31 → eligible
        2027-03-01, hired 2027-08-29 → eligible 2028-02-29 (a leap year).
        """
        months = hire_date.month - 1 + self.conditional_appointment_months
        year, month = hire_date.year + months // 12, months % 12 + 1
        try:
            return date(year, month, hire_date.day)  # the corresponding day (応当日)
        except ValueError:  # no such day: the period ends at the month's end
            return date(year + month // 12, month % 12 + 1, 1)


class Exemptions(_Section):
    """Work reasons that take a person out of the plan altogether: no target in any
    category, never nudged, not in 実施可能職員数. None by default: the plan exempts Diet and
    counter work from the weekly aim only, which each category's ``exempt`` says."""

    reasons: tuple[ExemptReason, ...] = ()


class Counting(_Section):
    """How telework is counted: a full day is 1 occasion and 1 person-day."""

    half_day_occasions: int = Field(1, ge=0, le=1)
    half_day_person_days: float = Field(0.5, ge=0, le=1)
    # -- issue 14 (reports): time ranges, 月1回以上, the weekly aim, employment type --------
    # A time range counts as a half day when it covers at most half of this (7時間45分).
    standard_working_day: time = time(7, 45)
    # An open range (「15時から」) runs to this time (終業時刻).
    working_day_end: time = time(17, 15)

    @field_validator("standard_working_day")
    @classmethod
    def _some_hours(cls, value: time) -> time:
        if value < time(1, 0):
            raise ValueError("must be at least 01:00 (hours and minutes of a working day)")
        return value

    @property
    def time_ranges(self) -> TimeRangeRule:
        """How declared time ranges count (``domain.schedule.TimeRangeRule``)."""
        day, end = self.standard_working_day, self.working_day_end
        return TimeRangeRule(day.hour * 60 + day.minute, end.hour * 60 + end.minute)

    def occasions(self, part: DayPart) -> int:
        """Occasions (回) for a day part."""
        return self.half_day_occasions if part.is_half else 1

    def person_days(self, part: DayPart) -> float:
        """Person-days (人日) for a day part."""
        return self.half_day_person_days if part.is_half else 1.0


class Approval(_Section):
    """Whether the section chief's approval is needed, and by when (事前申請・承認)."""

    required: bool = True
    deadline: Literal["previous_working_day", "same_day", "none"] = "previous_working_day"
    deadline_time: time = time(17, 0)
    # Who approves a section chief's own request: a manager of the unit above the section
    # (局・部; the admins when there is none), or always the admins.
    chief_requests: Literal["next_level", "admins"] = "next_level"

    def deadline_for(self, day: date, calendar: WorkCalendar) -> datetime | None:
        """The latest moment to request telework on ``day`` (None: no deadline)."""
        if not self.required or self.deadline == "none":
            return None
        if self.deadline == "same_day":
            return calendar.at(day, self.deadline_time)
        return calendar.at(calendar.add_working_days(day, -1), self.deadline_time)


class Declarations(_Section):
    """How far back telework may be declared after the fact, and on closed days."""

    retroactive_working_days: int = Field(5, ge=0, le=60)
    # -- issue 14 item 11 (nudges): telework on a closed day ---------------------------------
    # Telework is a way of working on working days (plan §1(1): 勤務形態の一つ), so it never
    # counts on a weekend, holiday or closure day. By default declaring it there is refused
    # with the holiday's name; ``true`` records it (e.g. 休日出勤 at home) without counting it.
    allow_telework_on_closed_days: bool = False

    def earliest_retroactive_day(self, today: date, calendar: WorkCalendar) -> date:
        """The earliest day that may still be declared on ``today``."""
        return calendar.add_working_days(today, -self.retroactive_working_days)


class Nudges(_Section):
    """When nudges may be sent at all: inside working hours, on working days."""

    enabled: bool = True
    working_hours_start: time = time(9, 0)
    working_hours_end: time = time(18, 0)
    working_days_only: bool = True

    @model_validator(mode="after")
    def _hours_in_order(self) -> Nudges:
        if self.working_hours_start >= self.working_hours_end:
            raise ValueError("working_hours_start must be before working_hours_end")
        return self

    def may_send_at(self, instant: datetime, calendar: WorkCalendar) -> bool:
        """Whether a nudge may go out at an aware instant (outside quiet hours)."""
        return self.enabled and self.within_hours(instant, calendar)

    def within_hours(self, instant: datetime, calendar: WorkCalendar) -> bool:
        """Inside working hours on a working day (when ``working_days_only``)."""
        local = instant.astimezone(calendar.tz)
        if self.working_days_only and not calendar.is_working_day(local.date()):
            return False
        return (
            self.working_hours_start <= local.time().replace(tzinfo=None) < self.working_hours_end
        )

    def next_within_hours(self, instant: datetime, calendar: WorkCalendar) -> datetime:
        """The first instant at or after ``instant`` inside working hours."""
        if self.within_hours(instant, calendar):
            return instant
        day = calendar.local_date(instant)
        if instant.astimezone(calendar.tz).time().replace(tzinfo=None) >= self.working_hours_start:
            day += timedelta(days=1)
        if self.working_days_only:
            day = calendar.next_working_day(day, inclusive=True)
        return calendar.at(day, self.working_hours_start)


OutsideHours = Literal["send", "wait", "drop"]
"""What a kind of message does outside working hours: go anyway, wait for them, or be dropped."""


class Sending(_Section):
    """Quiet hours checked at the moment of sending (the hours are ``[nudges]``'s): a message
    queued late (a start-up catch-up at night, a long outage) waits for the next allowed time or
    is dropped, by kind. Kinds not listed go at any time."""

    outside_hours: dict[str, OutsideHours] = {
        "digest": "drop",  # last week's figures: next week's digest replaces it
        "nudge": "drop",
        "campaign_reminder": "drop",
        "campaign_midweek": "drop",
        "approvals_reminder": "drop",  # the next morning's reminder covers it
        "approval_request": "wait",
        "approval_decision": "wait",
        "campaign_announcement": "wait",
        "campaign_designate": "wait",
        "campaign_results": "wait",
    }


class QuietHours:
    """:class:`domain.delivery.SendWindow` from a policy: ``[sending]`` with ``[nudges]`` hours."""

    def __init__(self, policy: Policy, calendar: WorkCalendar) -> None:
        self._hours = policy.nudges
        self._kinds = policy.sending.outside_hours
        self._calendar = calendar

    def hold(self, kind: str, now: datetime) -> Hold | None:
        action = self._kinds.get(kind, "send")
        if action == "send" or self._hours.within_hours(now, self._calendar):
            return None
        if action == "drop":
            return Hold(None, "dropped: outside the hours it may be sent (quiet hours)")
        until = self._hours.next_within_hours(now, self._calendar)
        return Hold(until, "waits for working hours")


# -- issue 14 item 9 (reports): how an aim (目安) is judged ---------------------------------


class Aims(_Section):
    """How a category whose target is an aim (``strength = "aim"``, 目安) is judged: on
    average (the occasions reach the count times the periods that count: 週1回程度 means
    as many occasions as working weeks), or in every period. A period counts when it has at
    least ``min_working_days`` working days (from the person's eligibility): a week of one
    or two working days (年末年始, 大型連休) is not a week of the aim."""

    judged: Literal["on_average", "every_period"] = "on_average"
    min_working_days: int = Field(3, ge=1, le=31)

    @property
    def on_average(self) -> bool:
        return self.judged == "on_average"


# -- issue 14 item 15 (nudges): nudge fatigue -------------------------------------------------
class Fatigue(_Section):
    """How often the bot may start a conversation with one person (nudge fatigue).

    The plan promotes telework by encouragement (積極的なテレワーク利用を促す, §3(1)), not by
    pressure: a person gets at most ``max_per_week`` bot-initiated prompts (quota nudges,
    campaign announcements and reminders; ``max_per_week_telework_week`` in a Telework Week),
    never two on one day, and after ``back_off_after_ignored`` nudges in a row with no
    response (nothing declared, no word to the bot) the next nudge waits
    ``back_off_days``. The weekly aim's nudge is never sent to someone with telework done or
    planned that week. Mandatory campaign messages count but are never held back.
    """

    max_per_week: int = Field(2, ge=0, le=20)
    max_per_week_telework_week: int = Field(3, ge=0, le=20)
    one_per_day: bool = True
    back_off_after_ignored: int = Field(3, ge=0, le=20)  # 0: never back off
    back_off_days: int = Field(30, ge=1, le=366)  # 「次は1か月後」

    def cap(self, telework_week: bool) -> int:
        """Prompts allowed in the ISO week (``telework_week``: a Telework Week is in it)."""
        return self.max_per_week_telework_week if telework_week else self.max_per_week


class Reports(_Section):
    """Report settings: groups of sensitive categories smaller than this are suppressed."""

    care_min_group_size: int = Field(5, ge=1)


class Policy(_Section):
    """A whole telework policy. Build it with ``load_policy``; never mutate it."""

    name: str = Field(min_length=1)
    categories: dict[str, Category] = Field(min_length=1)
    calendar: CalendarRules = CalendarRules()
    eligibility: Eligibility = Eligibility()
    exemptions: Exemptions = Exemptions()
    counting: Counting = Counting()
    approval: Approval = Approval()
    declarations: Declarations = Declarations()
    nudges: Nudges = Nudges()
    sending: Sending = Sending()
    fatigue: Fatigue = Fatigue()  # issue 14 item 15
    reports: Reports = Reports()
    aims: Aims = Aims()  # issue 14 item 9
    # The 2026 rules (issue 18), each in its own module with its source cited there.
    worktime: WorkTimeRules = WorkTimeRules()
    allowance: AllowanceRules = AllowanceRules()

    @field_validator("categories", mode="before")
    @classmethod
    def _category_ids(cls, value: object) -> object:
        if isinstance(value, Mapping):
            for key in value:
                if not isinstance(key, str) or not _CATEGORY_ID.fullmatch(key):
                    raise ValueError(
                        f"category id {key!r} must be 1–40 lower-case ASCII letters, digits "
                        "or _ starting with a letter (e.g. care)"
                    )
        return value

    def work_calendar(self) -> WorkCalendar:
        """A new ``WorkCalendar`` for this policy (build once and share it: it caches)."""
        rules = self.calendar
        return WorkCalendar(
            rules.time_zone,
            org_closures={c.date: c.name for c in rules.closures},
            fiscal_year_start_month=rules.fiscal_year_start_month,
            year_end_closure=rules.year_end_closure,
        )

    def categories_of(self, member: StaffMember) -> list[tuple[str, Category]]:
        """Every category the member falls into, in policy order (ignores eligibility)."""
        return [(cid, c) for cid, c in self.categories.items() if c.when.holds_for(member)]

    def is_exempt(self, member: StaffMember) -> bool:
        """Whether the member's work reason takes them out of the plan altogether
        (``[exemptions] reasons``: no target at all, never nudged, not eligible)."""
        return member.exempt_reason is not None and member.exempt_reason in self.exemptions.reasons

    def targets_of(self, member: StaffMember) -> list[tuple[str, Category]]:
        """The categories whose target applies to the member: those they fall into, less
        those their work reason exempts them from (ignores eligibility)."""
        return [(cid, c) for cid, c in self.categories_of(member) if not c.exempts(member)]


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    """Validate a policy given as TOML text; ``PolicyError`` lists every problem by key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: TOML syntax error: {exc}") from None
    return policy_from_mapping(data, source)


def policy_from_mapping(data: Mapping[str, Any], source: str = "<policy>") -> Policy:
    """Validate an already-parsed policy document."""
    try:
        return Policy.model_validate(dict(data))
    except ValidationError as exc:
        lines = [f"{_key_path(e['loc'])}: {_message(e)}" for e in exc.errors()]
        raise PolicyError(f"{source} is not a valid policy:\n  " + "\n  ".join(lines)) from None


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate a policy file; ``None`` loads the packaged default (2015 plan)."""
    if path is None:
        return default_policy()
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyError(f"policy file not found: {file}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy file {file}: {exc}") from None
    return parse_policy(text, str(file))


@cache
def default_policy() -> Policy:
    """The packaged default policy (read and validated once)."""
    text = resources.files("domain").joinpath("default_policy.toml").read_text(encoding="utf-8")
    return parse_policy(text, "default_policy.toml")


def _key_path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item == "[key]":
            parts.append(" (the key itself)")
        else:
            parts.append(f".{item}" if parts else item)
    return "".join(parts) or "(top level)"


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type")
    if kind == "extra_forbidden":
        return "unknown key (check its spelling)"
    if kind == "missing":
        return "required key is missing"
    msg = str(error.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")
