"""Durations: 明日から3日間, 月曜から2週間, 今後3日間, for the next 3 days, 3 days from Monday,
for two weeks starting next Monday.

Decisions (the issue was silent):

- N days (日間, 営業日, days, working days) are N *working* days from the start, the start
  included when it is one: nobody teleworks on a closed day, and "3日間テレワーク" from a Friday
  means Friday, Monday and Tuesday.
- N weeks (週間, weeks) are the calendar span of 7×N days from the start (its working days).
- The start is a single day written just before (明日から3日間, from Monday for 3 days) or just
  after (3 days from Monday, for 2 weeks starting the 7th); with 今後/これから/next and no day
  it is today. A duration with no start at all (「3日間テレワーク」) asks which day.
- A duration just after a written range (12/22～12/24の3日間, from Dec 22 to Dec 24 (3 days))
  restates the range: the range's own dates are kept and the count only confirms them. When
  the two disagree (12/22～12/24の5日間) the explicit dates win: they are what the person
  looked up on a calendar, a count is the easier slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dialogs.understanding.compiled import regex
from dialogs.understanding.date_patterns import RANGE_LINK
from dialogs.understanding.dates import MAX_RANGE_DAYS, DateMention, month_bounds, safe_date
from dialogs.understanding.scanner import Scanner
from domain.calendar import WorkCalendar

MAX_DAYS = 31  # working days in one duration; longer asks to check the dates
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_DURATION = regex(
    r"(?:(?P<next>今後|これから|向こう|(?<![a-z])(?:for\s+)?(?:the\s+)?(?:next|coming|following))"
    r"\s*)?(?:(?<![a-z])for\s+)?"
    r"(?P<n>\d{1,2}|[一二三四五六七八九十]|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten)(?![a-z])|(?<![a-z])a(?=\s+weeks?(?![a-z])))"
    r"\s*(?P<unit>日間|営業日|勤務日|週間|(?:か|ヶ|カ|ヵ|ケ)月(?:間|(?![前後]|ぶり|以内|毎))"
    r"|(?:working\s+|business\s+|work\s+)?days?(?![a-z])|weeks?(?![a-z])|months?(?![a-z]))"
)
_UNIT = regex(r"日間|営業日|勤務日|週間|月|day|week|month")  # what every duration contains
_FROM_BEFORE = regex(r"\s*(?:から|より|以降|~|-|,|from|starting)?\s*(?:の)?\s*")
_FROM_AFTER = regex(  # read on the masked text: "3 days of leave from Monday"
    r"\s*(?:(?:of|in|on|の)?\s*\ue000+\s*)?,?\s*(?:from|starting|beginning|as\s+of|after|から)"
    r"\s*(?:on\s+|with\s+)?"
)


_RESTATES = regex(r"\s*(?:まで|迄)?\s*(?:の|,|、|\(|for)?\s*")  # 12/22~12/24の3日間
_STARTS_HERE = regex(r"\s*(?:から|より|以降)")
_FROM_WEEK = regex(r"(?<![a-z])(?:from|starting|beginning)\s+$")  # from next week, 3 days
_WEEK_FROM = regex(r"\s*(?:は|の)?\s*(?:から|より|以降|starting|from)\s*(?:の)?\s*")


@dataclass(frozen=True, slots=True)
class DurationMention:
    """``count`` days or weeks at ``start:end``; ``from_today`` for 今後/next."""

    start: int
    end: int
    count: int
    weeks: bool
    from_today: bool
    months: bool = False


def find_durations(scan: Scanner) -> list[DurationMention]:
    """Every duration in the text, masked in ``scan``."""
    found = []
    for m in scan.take_if(_DURATION, _UNIT):
        number = m["n"]
        count = int(number) if number.isdigit() else _WORDS[number]
        if count < 1:
            continue
        weeks = m["unit"].startswith(("週", "week"))
        months = "月" in m["unit"] or m["unit"].startswith("month")
        found.append(
            DurationMention(m.start(), m.end(), count, weeks, m["next"] is not None, months)
        )
        scan.mask(m.start(), m.end())
    return found


def _working_days(calendar: WorkCalendar, first: date, count: int) -> list[date]:
    days: list[date] = []
    day = first
    for _ in range(count * 3 + 21):  # bounded: closures are never that long
        if len(days) == count:
            break
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _span(
    duration: DurationMention, anchor: DateMention | None, first: date, calendar: WorkCalendar
) -> DateMention:
    start = duration.start if anchor is None else min(anchor.start, duration.start)
    end = duration.end if anchor is None else max(anchor.end, duration.end)
    if duration.weeks or duration.months:
        last = first + timedelta(days=7 * duration.count - 1)
        if duration.months:  # 2か月: to the day before the same date two months on
            month = first.month - 1 + duration.count
            year, month = first.year + month // 12, month % 12 + 1
            last = (safe_date(year, month, first.day) or month_bounds(year, month)[1]) - timedelta(
                days=1
            )
        mention = DateMention(start, end, [first, last], is_range=True)
        if (last - first).days > MAX_RANGE_DAYS:
            mention.problem = "range_too_long"
        return mention
    if duration.count > MAX_DAYS:
        return DateMention(start, end, [first], problem="range_too_long")
    return DateMention(start, end, _working_days(calendar, first, duration.count))


def _restates_range(
    scan: Scanner, dates: list[DateMention], duration: DurationMention
) -> int | None:
    """Where the link starts when ``duration`` follows the end of a written range (A~B の
    N日間), else ``None``."""
    ends = sorted((d for d in dates if d.end <= duration.start), key=lambda d: d.end)
    if not ends or not _RESTATES.fullmatch(scan.between(ends[-1].end, duration.start)):
        return None
    if ends[-1].is_range and ends[-1].problem != "which_days":  # Dec 1-3 for 3 days
        return ends[-1].end
    if len(ends) >= 2 and RANGE_LINK.fullmatch(scan.between(ends[-2].end, ends[-1].start)):
        return ends[-1].end
    return None


def apply_durations(
    scan: Scanner,
    dates: list[DateMention],
    durations: list[DurationMention],
    today: date,
    calendar: WorkCalendar,
) -> list[DateMention]:
    """``dates`` with each duration joined to its start (see the module rules)."""
    out = list(dates)
    for duration in durations:
        link = _restates_range(scan, out, duration)
        if link is not None:
            scan.mask(link, duration.start)  # 「の」 here is no noun phrase (明日の在宅: a query)
            continue

        def single(d: DateMention) -> bool:
            return len(d.days) == 1 and not d.is_range and d.problem is None

        def week_start(d: DateMention, at: int = duration.start) -> bool:
            # 来週から3日間: from the week's first working day
            if d.problem != "which_days":
                return False
            link = scan.between(d.end, at)
            if _WEEK_FROM.fullmatch(link):
                return True
            return bool(_FROM_WEEK.search(scan.text, 0, d.start) and _FROM_BEFORE.fullmatch(link))

        anchor = next(
            (
                d
                for d in sorted(out, key=lambda d: -d.end)
                if (single(d) or week_start(d))
                and d.end <= duration.start
                and _FROM_BEFORE.fullmatch(scan.between(d.end, duration.start))
            ),
            None,
        ) or next(
            (
                d
                for d in sorted(out, key=lambda d: d.start)
                if single(d)
                and d.start >= duration.end
                and _FROM_AFTER.fullmatch(scan.rest[duration.end : d.start])
            ),
            None,
        )
        if anchor is None:  # 三日間テレワーク（明日から）: the one day said to be the start
            starts = [
                d for d in out if single(d) and _STARTS_HERE.match(scan.text, d.end) is not None
            ]
            anchor = starts[0] if len(starts) == 1 else None
        if anchor is not None:
            out.remove(anchor)
            first = anchor.days[0] if anchor.problem is None else max(anchor.days[0], today)
            out.append(_span(duration, anchor, first, calendar))
        elif duration.from_today:
            out.append(_span(duration, None, today, calendar))
        else:
            out.append(DateMention(duration.start, duration.end, [], problem="which_day"))
    return sorted(out, key=lambda d: d.start)
