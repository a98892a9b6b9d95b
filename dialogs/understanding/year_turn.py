"""The turn of the year as the work calendar has it: 仕事納め/御用納め (the last working day
before the year-end closure), 仕事始め/御用始め (the first working day of January) and the
first week after New Year (年明け最初の週: the week holding 仕事始め).

Decisions (the issue was silent):

- The days come from the policy's calendar, never fixed dates: a weekend, a holiday or an
  organisation closure moves them (仕事納め is the last working day before 12/31, 仕事始め
  the first working day from 1/1).
- The next such day to come (today included) is meant; in the first days of January 仕事納め
  is this December's, and the first week after New Year is this January's until it is over.
- The first week after New Year is named without its days, like 来週: alone it asks which
  days of it (its frame kept for the answer); 全部 / 毎日 / all of it make it whole.
- 仕事始め is a date only before what a date takes (の日, は, から, …): 「仕事始めます」 is a
  start-of-work report.
"""

from __future__ import annotations

from datetime import date, timedelta

from dialogs.understanding.compiled import regex
from dialogs.understanding.dates import DateContext, DateMention, monday_of
from dialogs.understanding.scanner import Scanner
from domain.calendar import WorkCalendar

_AS_DATE = r"(?=\s*(?:の日|日|は|に|から|まで|も|の(?![0-9０-９])|、|,|\s|$))"
_FIRST_WEEK = regex(
    r"(?:年明け|新年|年始)\s*(?:の)?\s*(?:最初|初め|はじめ|1週目|一週目)\s*(?:の)?\s*週"
    r"|(?:仕事|御用)始めの週"
    r"|(?<![a-z])(?:the\s+)?first\s+(?:full\s+)?week\s+(?:of|after|in)\s+(?:the\s+)?"
    r"(?:new\s+year|january|jan)(?![a-z])"
)
_LAST_DAY = regex(
    r"(?:仕事|御用)納め(?:の日|日)?"
    + _AS_DATE
    + r"|(?<![a-z])(?:the\s+)?last\s+(?:working\s+|work\s+|business\s+)?day\s+"
    r"(?:of|before)\s+(?:the\s+)?(?:year|new\s+year|holidays|year[-\s]end(?:\s+break)?)"
    r"(?![a-z])"
)
_FIRST_DAY = regex(
    r"(?:仕事|御用)始め(?:の日|日)?"
    + _AS_DATE
    + r"|(?<![a-z])(?:the\s+)?first\s+(?:working\s+|work\s+|business\s+)?day\s+"
    r"(?:of|after|in)\s+(?:the\s+)?(?:new\s+year|year|january|jan|holidays)(?![a-z])"
)
# what every match contains: the cheap test
_NEEDS = regex(r"納め|始め|年[明始]|新年|year|jan|holiday")


def first_working_day(calendar: WorkCalendar, year: int) -> date:
    """仕事始め: the first working day of ``year``."""
    return calendar.next_working_day(date(year, 1, 1), inclusive=True)


def last_working_day(calendar: WorkCalendar, year: int) -> date:
    """仕事納め: the last working day of ``year``."""
    return calendar.previous_working_day(date(year, 12, 31), inclusive=True)


def find_year_turn(scan: Scanner, ctx: DateContext, calendar: WorkCalendar) -> list[DateMention]:
    """仕事納め, 仕事始め and the first week after New Year; masked in ``scan``."""
    if _NEEDS.search(scan.rest) is None:
        return []
    today = ctx.today
    found: list[DateMention] = []
    for m in scan.take(_FIRST_WEEK):
        first = first_working_day(calendar, today.year)
        if monday_of(first) + timedelta(days=6) < today:
            first = first_working_day(calendar, today.year + 1)
        monday = monday_of(first)
        offset = (monday - monday_of(today)).days // 7
        found.append(
            DateMention(
                m.start(),
                m.end(),
                [monday, monday + timedelta(days=6)],
                is_range=True,
                problem="which_days",
                problem_args={"week": str(offset), "week_of": first.isoformat()},
                frame=(monday, monday + timedelta(days=6)),
            )
        )
        scan.mask(m.start(), m.end())
    for pattern, pick in ((_LAST_DAY, last_working_day), (_FIRST_DAY, first_working_day)):
        for m in scan.take(pattern):
            day = pick(calendar, today.year)
            if day < today:
                day = pick(calendar, today.year + 1)
            found.append(DateMention(m.start(), m.end(), [day]))
            scan.mask(m.start(), m.end())
    return found
