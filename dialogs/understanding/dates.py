"""Resolving the dates people write to calendar dates, relative to ``today``.

Rules (where the issue was silent, these are the decisions):

- Weeks run Monday to Sunday. 今週/this week is the week containing today; 来週/next week
  the one after; 再来週/the week after next the one after that; 先週/last week the one before.
- A bare weekday (金曜, Friday, on Friday) is the nearest such day, today or later. A bare
  list (水木金, 月・水) is taken in one week: the earliest week (this or next) in which every
  named day is today or later. ``this Friday`` is Friday of this week (今週の金曜),
  ``next Friday`` Friday of next week (来週の金曜), ``last Friday`` of last week.
- A bare day of the month (6日, the 14th) is in this month if not yet past, else next month.
- M/D without a year is the next occurrence if it is at most 183 days ahead, else the last
  one (which is then in the past: retroactive or too old, the caller decides).
- In the past tense (〜でした, 登録漏れ, worked, forgot …) bare weekdays, days of the month and
  M/D resolve to the most recent occurrence, today included.
- Slash dates are month/day (the Japanese order) in English too.
- Inside a frame (the answer to a question about a span: 「来週のどの日ですか？」→「月と水」,
  「12月のどの日ですか？」→「8日」) bare weekdays and days of the month are looked for from
  the frame's first day on, not from today; relative words (明日, next week) keep today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

FAR_AHEAD_DAYS = 183
MAX_RANGE_DAYS = 93


@dataclass(frozen=True, slots=True)
class DateContext:
    """What resolution needs: today and whether the message speaks of the past."""

    today: date
    past: bool = False
    frame: tuple[date, date] | None = None
    """The span a question asked about: bare weekdays and days of the month fall in it."""


@dataclass(slots=True)
class DateMention:
    """Dates found at ``start:end`` of the text.

    ``days`` are the dates (one, or several for a list); a range has ``is_range`` and
    ``days == [first, last]``. ``weekdays``/``day_of_month`` remember a bare weekday or day
    so a range end (来週月曜から水曜まで, 10/6から8日まで) can be re-anchored on its start.
    ``period`` names the mention for queries (today, next_week …). ``problem`` is a question
    code with its arguments when the mention cannot be trusted (e.g. weekday_mismatch).
    """

    start: int
    end: int
    days: list[date]
    is_range: bool = False
    period: str | None = None
    weekdays: tuple[int, ...] = ()
    day_of_month: int | None = None
    problem: str | None = None
    problem_args: dict[str, str] = field(default_factory=dict)
    week: date | None = None
    """The Monday of the week the mention named with its weekdays (来週火曜, 来週の水・木):
    a bare weekday after it in the same message falls in that week."""
    frame: tuple[date, date] | None = None
    """With a problem: the span the mention still names (来週: Monday to Sunday; 10/6(月)
    when 10/6 is a Tuesday: that week; 2/30: February), where the answer is looked for."""
    first_part: str | None = None
    """A range's half of the day at its start (月曜の午後から…, from Monday afternoon to …:
    "pm"; 午前から: "am", the whole day)."""
    last_part: str | None = None
    """A range's half of the day at its end (…水曜の午前まで, … to Wednesday morning: "am";
    午後まで: "pm", the whole day)."""
    part_spans: tuple[tuple[int, int], ...] = ()
    """Where those halves were said: they bound the range, not every day of it."""

    @property
    def first(self) -> date:
        """The earliest date."""
        return min(self.days)

    @property
    def last(self) -> date:
        """The latest date."""
        return max(self.days)


def monday_of(day: date, week_offset: int = 0) -> date:
    """The Monday of ``day``'s week, moved by ``week_offset`` weeks."""
    return day - timedelta(days=day.weekday()) + timedelta(weeks=week_offset)


def in_week(ctx: DateContext, week_offset: int, weekdays: tuple[int, ...]) -> list[date]:
    """The named weekdays of an explicit week (0 = this week)."""
    monday = monday_of(ctx.today, week_offset)
    return [monday + timedelta(days=w) for w in sorted(set(weekdays))]


def nearest_weekdays(ctx: DateContext, weekdays: tuple[int, ...]) -> list[date]:
    """Bare weekdays: the earliest week in which all are today or later (in the past tense:
    the latest week in which all are today or earlier)."""
    if ctx.frame is not None:  # the earliest week from the frame's first day on
        ctx = DateContext(ctx.frame[0])
    today_wd = ctx.today.weekday()
    if ctx.past:
        offset = 0 if max(weekdays) <= today_wd else -1
    else:
        offset = 0 if min(weekdays) >= today_wd else 1
    return in_week(ctx, offset, weekdays)


def after_anchor(anchor: date, weekday: int) -> date:
    """The first ``weekday`` on or after ``anchor`` (a range end such as 〜水曜まで)."""
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or ``None`` when there is no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(ctx: DateContext, month: int, day: int) -> date | None:
    """M/D without a year (see the module rules); ``None`` if no nearby year has that day."""
    candidates = [
        d
        for y in (ctx.today.year - 1, ctx.today.year, ctx.today.year + 1)
        if (d := safe_date(y, month, day)) is not None
    ]
    ahead = [d for d in candidates if d >= ctx.today]
    behind = [d for d in candidates if d <= ctx.today]
    if ctx.past and behind:
        return max(behind)
    if ahead and (min(ahead) - ctx.today).days <= FAR_AHEAD_DAYS:
        return min(ahead)
    if behind:
        return max(behind)
    return min(ahead) if ahead else None


def day_of_month(ctx: DateContext, day: int, anchor: date | None = None) -> date | None:
    """A bare day of the month: this month if not past (or on/after ``anchor``), else the
    next month that has that day; in the past tense the latest one not after today. In a
    frame: the first one from the frame's first day on."""
    if anchor is None and ctx.frame is not None:
        anchor = ctx.frame[0]
    base = anchor or ctx.today
    year, month = base.year, base.month
    step = -1 if ctx.past and anchor is None else 1
    for _ in range(3):
        found = safe_date(year, month, day)
        if found is not None and (found <= base if step < 0 else found >= base):
            return found
        month += step
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    return None


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of ``day``'s week."""
    monday = monday_of(day)
    return monday, monday + timedelta(days=6)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a calendar month."""
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def month_ahead(ctx: DateContext, month: int) -> int:
    """The year of the next (or current) ``month``: 3月 in November is next year's March."""
    return ctx.today.year if month >= ctx.today.month else ctx.today.year + 1


def period_of_day(ctx: DateContext, day: date) -> str:
    """A single day as a query period: today, tomorrow, yesterday or the ISO date."""
    offset = (day - ctx.today).days
    return {0: "today", 1: "tomorrow", -1: "yesterday"}.get(offset, day.isoformat())
