"""Finding dates in a message: full dates, 和暦, M/D(曜), 6日, relative words, weeks,
weekday names and lists, ranges. Resolution rules are in ``dates.py``.

Patterns run from the most specific to the loosest, each masking what it took, so that the
single-character weekday list (月・水, 水木金) only sees text nothing else understood.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from dialogs.understanding.compiled import regex
from dialogs.understanding.dates import (
    MAX_RANGE_DAYS,
    DateContext,
    DateMention,
    after_anchor,
    day_of_month,
    in_week,
    infer_year,
    monday_of,
    month_bounds,
    nearest_weekdays,
    period_of_day,
    safe_date,
    week_of,
)
from dialogs.understanding.scanner import DIGIT, Scanner
from dialogs.understanding.vocabulary import (
    ERAS,
    MONTH_EN,
    RELATIVE_DAYS,
    WEEKDAY_EN,
    WEEKDAY_JA,
    WEEKS_EN,
    WEEKS_JA,
    WHOLE_WEEK_EN,
    WHOLE_WEEK_JA,
)

_WD_EN = "|".join(sorted(WEEKDAY_EN, key=len, reverse=True))
_MON_EN = "|".join(sorted(MONTH_EN, key=len, reverse=True))
_WD_SUFFIX = (
    r"(?:\s*\(\s*(?P<wd>[月火水木金土日]|" + _WD_EN + r")(?:曜日?)?\.?\s*\)"
    r"|\s*(?P<wd2>[月火水木金土日])曜日?|,?\s+(?P<wd3>" + _WD_EN + r")(?![a-z]))?"
)
_ERA = regex(
    r"(?P<era>令和|平成|(?<![a-z])[rh])\s*(?P<y>\d{1,2}|元)\s*(?:年|[./-])\s*(?P<m>\d{1,2})"
    r"\s*(?:月|[./-])\s*(?P<d>\d{1,2})(?!\d)日?" + _WD_SUFFIX
)
_YMD = regex(
    r"(?<!\d)(?P<y>\d{4})\s*(?:年|[./-])\s*(?P<m>\d{1,2})\s*(?:月|[./-])\s*(?P<d>\d{1,2})"
    r"(?!\d)日?" + _WD_SUFFIX
)
_MD = regex(
    r"(?<![\d/.])(?<!\d:)(?P<m>\d{1,2})\s*(?:/|月)\s*(?P<d>\d{1,2})(?![\d/:])日?"
    + _WD_SUFFIX
    + r"(?:\s*(?:~|-|から)\s*(?P<d_end>\d{1,2})"
    + r"(?:日(?![間目前後])|(?![\d/:時月日週間年ヶかカ回人分]))(?:\s*まで)?)?"
)
_EN_SPAN = r"\s*(?:-|~|to|through|thru|until|till)\s*(?:the\s+)?"
_MD_EN = regex(
    r"(?<![a-z])(?:(?P<mon>" + _MON_EN + r")\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:" + _EN_SPAN + r"(?P<d_end>\d{1,2})(?:st|nd|rd|th)?(?![\d:]|\s*(?:am|pm|a\.m|p\.m|時)))?"
    r"|(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:"
    + _EN_SPAN
    + r"(?P<d2_end>\d{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<mon2>"
    + _MON_EN
    + r"))(?![a-z\d:])"
    + _WD_SUFFIX
)
# 12/8・9・10, 12月8日、9日、10日: a month's day followed by more days of it
_MD_LIST = regex(
    r"(?<![\d/.])(?<!\d:)(?P<m>\d{1,2})\s*(?:/|月)\s*(?P<d>\d{1,2})(?![\d/:])日?"
    r"(?P<more>(?:\s*[・、,&]\s*\d{1,2}(?![\d/:時分月])日?(?![間目前後]))+)"
)
_DAY_LIST = regex(
    r"(?<![\d/月.])(?<!\d:)(?P<list>\d{1,2}(?:\s*[,、・]\s*\d{1,2})+)\s*日(?![間目前後])"
)
_DAY = regex(
    r"(?<![\d/月.])(?<!\d:)(?P<d>\d{1,2})日(?![間目前後])"
    r"|(?<![\d/a-z])(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)(?![a-z])"
)
# A list of Japanese weekdays: 月・水, 水木金, 月曜と水曜 (also used by recurrence.py).
WEEKDAY_LIST_JA = (
    r"[月火水木金土日](?:曜日?)?"
    r"(?:\s*(?:[・、,/&~-]|と|や|及び|および)?\s*[月火水木金土日](?:曜日?)?)*"
)
_WD_LIST_JA = WEEKDAY_LIST_JA
_WEEK_JA = regex(
    r"(?P<w>" + "|".join(sorted(WEEKS_JA, key=len, reverse=True)) + r")(?:の)?\s*"
    r"(?P<list>"
    + _WD_LIST_JA
    + r")?(?:\s*(?:は|も)?\s*(?P<whole>"
    + "|".join(WHOLE_WEEK_JA)
    + r"))?"
)
_EN_WD_LIST = (
    r"(?:"
    + _WD_EN
    + r")(?:'s)?(?![a-z])(?:(?:\s*(?:,|and|&|/|or)\s*|\s+)(?:"  # mon tue wed: spaces too
    + _WD_EN
    + r")(?:'s)?(?![a-z]))*"
)
_WEEKS_EN_ALT = "|".join(sorted(WEEKS_EN, key=len, reverse=True))
_WEEKDAYS_EN = regex(
    r"(?<![a-z])(?:(?P<mod>this coming|this|next|last|coming|on)\s+)?(?P<list>"
    + _EN_WD_LIST
    + r")(?:\s+(?:of\s+)?(?P<w>"
    + _WEEKS_EN_ALT
    + r"))?"
)
# "Monday through Wednesday next week": the first weekday falls in the week named after the
# second (joined into a range later, or kept apart in a change: from Wed to Thu next week)
_WD_BEFORE_WEEK_EN = regex(
    r"(?<![a-z])(?P<list>"
    + _WD_EN
    + r")(?![a-z])(?="
    + _EN_SPAN
    + r"(?:"
    + _WD_EN
    + r")(?![a-z])\s+(?:of\s+)?(?P<w>"
    + _WEEKS_EN_ALT
    + r"))"
)
_WEEK_EN = regex(
    r"(?<![a-z])(?:(?P<whole>"
    + "|".join(WHOLE_WEEK_EN)
    + r")\s+)?(?P<w>"
    + _WEEKS_EN_ALT
    + r")(?![a-z])|(?<![a-z])(?P<allweek>all week|the whole week|the entire week"
    r"|(?:the\s+)?rest\s+of\s+the\s+week)(?![a-z])"
)
_WD_JA_YOU = regex(
    r"[月火水木金土日]曜日?(?:\s*(?:[・、,/&~-]|と|や|及び|および)?\s*"
    r"[月火水木金土日](?:曜日?)?)*"
)
_WD_JA_CHARS = regex(
    r"(?<![\u4e00-\u9fff])[月火水木金土日](?:\s*(?:[・、,/~-]|と|や)?\s*[月火水木金土日])+(?:曜日?)?"
)
_WD_JA_ONE = regex(r"[月火水木金土日]")
_WD_JA_LONE = regex(r"(?:(?<=[、,/\s])|^)[月火水木金](?=\s*(?:は|も|に|が|:|のみ|だけ))")
# the end of a week: its Friday (the end of next week, 今週の終わり, 週の終わり)
_WEEK_END = regex(
    r"(?<![a-z])(?:the\s+)?end\s+of\s+(?:the\s+week|(?P<w_en>this\s+week|next\s+week))(?![a-z])"
    r"|(?:(?P<w>今週|来週|再来週)\s*の?|週の)\s*終わり"
)
_WEEK_START = regex(
    r"(?P<w>今週|来週|再来週)\s*の?\s*(?:頭|初め|はじめ|早々|冒頭)|週明け|週頭|週初め"
    r"|(?<![a-z])(?:the\s+)?(?:start|beginning)\s+of\s+(?P<w_en>next week|this week|the week after"
    r"\s+next|the coming week)(?![a-z])"
)
# 来週の前半 / the first half of next week: Monday to Wednesday; 来週の後半 / the second
# half: Thursday and Friday (halves that do not share a day, so 「前半は在宅、後半は出社」 is
# two statuses on different days; decided here, the issue was silent). early/late next week
# are the same halves.
_WEEK_HALF = regex(
    r"(?:(?P<w>今週|来週|再来週)\s*(?:の|は)?\s*|(?P<of>週の))?(?P<half>前半|後半)"
    r"|(?<![a-z])(?:the\s+)?(?P<bare_en>first|second|latter)\s+half(?!\s+(?:of|a|an)(?![a-z]))"
    r"|(?<![a-z])(?:the\s+)?(?P<half_en>first|second|latter|early|late|later)"
    r"\s+(?:(?:half|part)\s+of\s+)?(?:the\s+)?(?P<w_en>"
    + "|".join(sorted(WEEKS_EN, key=len, reverse=True))
    + r"|week)(?![a-z])"
)
_FIRST_HALF = frozenset({"前半", "first", "early"})
_THIS_PART = regex(r"(?<![a-z])this(?=\s*(?:morning|afternoon)(?![a-z]))")
_WEEK_PERIODS = {
    -2: "week_before_last",
    -1: "last_week",
    0: "this_week",
    1: "next_week",
    2: "week_after_next",
}


def _weekday_from(word: str) -> int:
    if word[0] in WEEKDAY_JA:
        return WEEKDAY_JA.index(word[0])
    return WEEKDAY_EN[word.rstrip(".")]


_WD_JA_SPAN = regex(r"([月火水木金土日])\s*[~-]\s*([月火水木金土日])")


def weekdays_ja(text: str) -> tuple[int, ...]:
    """Weekday numbers in a Japanese list, spans included: 月・水 → (0, 2), 月~水 → (0, 1, 2)."""
    text = text.replace("曜日", "").replace("曜", "")
    text = _WD_JA_SPAN.sub(
        lambda m: "".join(
            WEEKDAY_JA[WEEKDAY_JA.index(m[1]) : WEEKDAY_JA.index(m[2]) + 1] or m[1] + m[2]
        ),
        text,
    )
    return tuple(WEEKDAY_JA.index(c) for c in _WD_JA_ONE.findall(text))


def _weekdays_in(text: str) -> tuple[int, ...]:
    """Weekday numbers named in a list such as 月・水, 月水金, 月~水, mon and wed."""
    if text and text[0] in WEEKDAY_JA:
        return weekdays_ja(text)
    found = re.findall(_WD_EN, text)
    return tuple(WEEKDAY_EN[w] for w in found)


def _single(
    m: re.Match[str], day: date | None, written: str, ctx: DateContext, **extra: int | None
) -> DateMention:
    """A one-day mention, with the written weekday checked against the date."""
    if day is None:
        return DateMention(
            m.start(), m.end(), [], problem="invalid_date", problem_args={"written": written}
        )
    mention = DateMention(m.start(), m.end(), [day], period=period_of_day(ctx, day))
    if extra.get("dom") is not None:
        mention.day_of_month = extra["dom"]
    wd_text = next(
        (m.group(g) for g in ("wd", "wd2", "wd3") if g in m.re.groupindex and m.group(g)), None
    )
    if wd_text is not None and _weekday_from(wd_text) != day.weekday():
        mention.problem = "weekday_mismatch"
        mention.problem_args = {"day": day.isoformat(), "written_wd": str(_weekday_from(wd_text))}
        mention.frame = week_of(day)
    return mention


def _no_such_day(mention: DateMention, year: int | None, month: int) -> DateMention:
    """An impossible date (2/30) still names its month: the answer is looked for in it."""
    if mention.problem == "invalid_date" and year is not None and 1 <= month <= 12:
        mention.frame = month_bounds(year, month)
    return mention


def find_dates(scan: Scanner, ctx: DateContext) -> list[DateMention]:
    """Every date mention in the text, masked in ``scan``, then joined into ranges and lists
    where a connector (〜, から…まで, to, and, ・) links two of them. Sorted by position."""
    found: list[DateMention] = []

    def keep(mention: DateMention) -> None:
        found.append(mention)
        scan.mask(mention.start, mention.end)

    for m in scan.take_if(_ERA, DIGIT):
        era = ERAS[m["era"]]
        year = era + (1 if m["y"] == "元" else int(m["y"]))
        day = safe_date(year, int(m["m"]), int(m["d"]))
        keep(_no_such_day(_single(m, day, m.group(0), ctx), year, int(m["m"])))
    for m in scan.take_if(_YMD, DIGIT):
        year = int(m["y"])
        day = safe_date(year, int(m["m"]), int(m["d"]))
        keep(_no_such_day(_single(m, day, m.group(0), ctx), year, int(m["m"])))
    for m in scan.take_if(_MD_LIST, DIGIT):
        month = int(m["m"])
        if not 1 <= month <= 12:
            continue
        numbers = [int(m["d"]), *(int(n) for n in re.findall(r"\d+", m["more"]))]
        listed = [infer_year(ctx, month, n) if 1 <= n <= 31 else None for n in numbers]
        if any(d is None for d in listed):
            continue  # 12/8・40: not a list of days
        keep(DateMention(m.start(), m.end(), sorted({d for d in listed if d is not None})))
    for m in scan.take_if(_MD, DIGIT):
        month, dom = int(m["m"]), int(m["d"])
        if not (1 <= month <= 12 and 1 <= dom <= 31):
            continue
        start_day = infer_year(ctx, month, dom)
        mention = _single(m, start_day, f"{month}/{dom}", ctx)
        _no_such_day(mention, _year_of(ctx, month), month)
        if m["d_end"] and start_day is not None:
            end = day_of_month(ctx, int(m["d_end"]), anchor=start_day)
            mention = _range(mention, mention, end) if end else mention
        keep(mention)
    for m in scan.take_if(_MD_EN, DIGIT):
        month = MONTH_EN[m["mon"] or m["mon2"]]
        dom = int(m["d"] or m["d2"])
        mention = _single(m, infer_year(ctx, month, dom), m.group(0), ctx)
        _no_such_day(mention, _year_of(ctx, month), month)
        d_end = m["d_end"] or m["d2_end"]
        if d_end and mention.days:  # Jan 12-14, the 12th to 14th of January
            end = day_of_month(ctx, int(d_end), anchor=mention.first)
            mention = _range(mention, mention, end) if end else mention
        keep(mention)
    for m in scan.take_if(_DAY_LIST, DIGIT):  # 14、15日 / 14,15,16日: each a day of the month
        listed = [
            day_of_month(ctx, int(n)) for n in re.findall(r"\d+", m["list"]) if 1 <= int(n) <= 31
        ]
        days = sorted({d for d in listed if d is not None})
        if days:
            keep(DateMention(m.start(), m.end(), days))
    for m in scan.take_if(_DAY, DIGIT):
        dom = int(m["d"] or m["d2"])
        if 1 <= dom <= 31:
            keep(_single(m, day_of_month(ctx, dom), m.group(0), ctx, dom=dom))
    for hit in RELATIVE_DAYS.finditer(scan.rest):
        day = ctx.today + timedelta(days=hit.value)
        keep(DateMention(hit.start, hit.end, [day], period=period_of_day(ctx, day)))
    said: int | None = None  # the week of the half named before: 来週前半は在宅、後半は出社
    for m in scan.take_if(_WEEK_HALF, _HALF_WORD):
        half = m["half"] or m["half_en"] or m["bare_en"]
        word = re.sub(r"\s+", " ", m["w"] or m["w_en"] or "")
        ahead = WEEKS_JA.get(word, WEEKS_EN.get(word, 0))
        if m["half_en"] and m["w_en"] == "week" and not re.search(r"half|part", m.group(0)):
            continue  # "last week", "the week" alone are no half
        if (m["half"] and not (m["w"] or m["of"])) or m["bare_en"]:
            if said is None:
                continue  # 後半 alone, no week named: not a date
            ahead = said
        said = ahead
        keep(_half_week(ctx, m.start(), m.end(), ahead, half in _FIRST_HALF))
    for m in scan.take_if(_WEEK_END, _WEEK_WORD):  # the end of the week: its Friday
        word = re.sub(r"\s+", " ", m["w"] or m["w_en"] or "")
        ahead = WEEKS_JA.get(word, WEEKS_EN.get(word, 0))
        day = in_week(ctx, ahead, (4,))[0]
        keep(DateMention(m.start(), m.end(), [day], period=period_of_day(ctx, day)))
    # 週明け, 来週頭, the start of next week: its Monday
    for m in scan.take_if(_WEEK_START, _WEEK_WORD):
        word = re.sub(r"\s+", " ", m["w"] or m["w_en"] or "")
        ahead = WEEKS_JA.get(word, WEEKS_EN.get(word, 1))
        day = in_week(ctx, ahead, (0,))[0]
        keep(DateMention(m.start(), m.end(), [day], period=period_of_day(ctx, day)))
    for m in scan.take_if(_WEEK_JA, _WEEK_WORD):
        keep(_week(ctx, m.start(), m.end(), WEEKS_JA[m["w"]], m["list"], bool(m["whole"])))
    for m in scan.take_if(_WD_BEFORE_WEEK_EN, _WEEK_WORD):
        ahead = WEEKS_EN[re.sub(r"\s+", " ", m["w"])]
        keep(_week(ctx, m.start(), m.end(), ahead, m["list"], False))
    for m in scan.take(_WEEKDAYS_EN):
        offset = {"this": 0, "next": 1, "last": -1}.get(m["mod"] or "")
        if m["w"]:
            offset = WEEKS_EN[re.sub(r"\s+", " ", m["w"])]
        keep(_week(ctx, m.start(), m.end(), offset, m["list"], False))
    all_week: list[DateMention] = []
    for m in scan.take_if(_WEEK_EN, _WEEK_WORD):
        if m["allweek"]:
            all_week.append(_week(ctx, m.start(), m.end(), 0, None, True))
            keep(all_week[-1])
        else:
            offset = WEEKS_EN[re.sub(r"\s+", " ", m["w"])]
            keep(_week(ctx, m.start(), m.end(), offset, None, bool(m["whole"])))
    for m in scan.take_if(_WD_JA_YOU, _YOU):
        keep(_week(ctx, m.start(), m.end(), None, m.group(0), False))
    found = _weekday_before_date(scan, found)
    bare = [d for d in found if d.problem == "which_days"]
    if all_week and len(bare) == 1:  # next week I'm WFH the whole week
        found = [d for d in found if d not in all_week and d is not bare[0]]
        found.append(whole_week(ctx, bare[0]))
    return found


# what every match of the week patterns contains (most messages name no week: the cheap test
# skips their scans)
_WEEK_WORD = regex(r"週|week")
_YOU = regex(r"曜")
_HALF_WORD = regex(r"前半|後半|first|second|latter|early|late")
# (the week a bare 後半 / "the second half" falls in is the one named just before)


def _half_week(ctx: DateContext, start: int, end: int, ahead: int, first: bool) -> DateMention:
    """Monday to Wednesday, or Thursday and Friday, of a week: its working days (of this
    week, from today; a half of this week that is over is all of it, in the past, as 今週の
    月曜から水曜まで is: 今週前半 on a Thursday is a late declaration of Monday to Wednesday)."""
    days = in_week(ctx, ahead, (0, 1, 2) if first else (3, 4))
    begin = max(days[0], ctx.today) if ahead == 0 and not ctx.past else days[0]
    if begin > days[-1]:
        begin = days[0]
    return DateMention(
        start, end, [begin, days[-1]], is_range=True, period=_WEEK_PERIODS.get(ahead)
    )


_WD_DATE_LINK = regex(r"\s*,?\s*(?:the\s+)?")


def _weekday_before_date(scan: Scanner, found: list[DateMention]) -> list[DateMention]:
    """A weekday written just before its date ("Monday, December 7", "Monday 7th") names
    that date, not another day: one mention (a weekday that is not the date's asks)."""
    ordered = sorted(found, key=lambda d: d.start)
    out: list[DateMention] = []
    i = 0
    while i < len(ordered):
        d = ordered[i]
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        if (
            after is not None
            and len(d.weekdays) == 1
            and d.week is None
            and len(d.days) == 1
            and not d.is_range
            and len(after.days) == 1
            and not (after.is_range or after.weekdays or after.problem)
            and after.week is None
            and DIGIT.search(scan.text, after.start, after.end) is not None  # a written date
            and _WD_DATE_LINK.fullmatch(scan.between(d.end, after.start))
        ):
            joined = replace(after, start=d.start)
            if after.days[0].weekday() != d.weekdays[0]:
                joined.problem = "weekday_mismatch"
                joined.problem_args = {
                    "day": after.days[0].isoformat(),
                    "written_wd": str(d.weekdays[0]),
                }
                joined.frame = week_of(after.days[0])
            scan.mask(joined.start, joined.end)
            out.append(joined)
            i += 2
            continue
        out.append(d)
        i += 1
    return out


def _year_of(ctx: DateContext, month: int) -> int | None:
    first = infer_year(ctx, month, 1)
    return None if first is None else first.year


_WHOLE_FRAME = regex(
    r"(?<![今来先週月年\d])(?:全部|全て|すべて|全日|毎日|ずっと|いっぱい|一杯|まるごと|丸ごと|まるまる)"
    r"|(?<![a-z])(?:every\s+day|all\s+(?:the\s+)?days|(?:the\s+)?(?:whole|entire)\s+(?:week|month|thing)"
    r"|all(?!\s+(?:day|next|this|last|of\s+(?:next|this|last|the))(?![a-z]))(?:\s+of)?"
    r"(?:\s+(?:them|it|those|these|week|month)(?:\s+long)?)?)(?![a-z])"
)


def find_frame_whole(scan: Scanner, ctx: DateContext) -> list[DateMention]:
    """Inside a frame (an answer to 「来週のどの日ですか？」), 「全部」「毎日」「ずっと」 "all
    of them" "every day": the whole frame (its working days, like 来週いっぱい)."""
    if ctx.frame is None:
        return []
    first, last = ctx.frame
    found = []
    for m in scan.take(_WHOLE_FRAME):
        found.append(DateMention(m.start(), m.end(), [first, last], is_range=True))
        scan.mask(m.start(), m.end())
    return found


def whole_week(ctx: DateContext, bare: DateMention) -> DateMention:
    """A bare week (来週, which days not said) made whole: 来週…毎日, next week … all week."""
    offset = int(bare.problem_args["week"])
    return _week(ctx, bare.start, bare.end, offset, None, True)


def find_this_part(scan: Scanner, ctx: DateContext) -> list[DateMention]:
    """ "this morning" / "this afternoon": today (the part word is left for parts.py)."""
    found = []
    for m in scan.take(_THIS_PART):
        found.append(DateMention(m.start(), m.end(), [ctx.today], period="today"))
        scan.mask(m.start(), m.end())
    return found


def find_weekday_chars(
    scan: Scanner, ctx: DateContext, *, among_weekdays: bool = False
) -> list[DateMention]:
    """The loosest form, run after names are taken: 月・水, 水木金, 土日 (two or more); with
    ``among_weekdays`` (the message names other weekdays) one working day's character alone
    too, at the start of a clause before a particle (来週の水・木は在宅、金は出社)."""
    found = []
    for m in scan.take(_WD_JA_CHARS):
        found.append(_week(ctx, m.start(), m.end(), None, m.group(0), False))
        scan.mask(m.start(), m.end())
    if among_weekdays:
        for m in scan.take(_WD_JA_LONE):
            found.append(_week(ctx, m.start(), m.end(), None, m.group(0), False))
            scan.mask(m.start(), m.end())
    return found


def _week(
    ctx: DateContext, start: int, end: int, offset: int | None, listed: str | None, whole: bool
) -> DateMention:
    """A week (whole: a range; bare: no days, period only) or weekdays in a week."""
    period = _WEEK_PERIODS.get(offset) if offset is not None else None
    if listed:
        weekdays = _weekdays_in(listed)
        if offset is None:
            mention = DateMention(start, end, nearest_weekdays(ctx, weekdays), weekdays=weekdays)
        else:
            mention = DateMention(start, end, in_week(ctx, offset, weekdays))
            mention.week = monday_of(ctx.today, offset)
        if len(mention.days) == 1:
            mention.period = period_of_day(ctx, mention.days[0])
        return mention
    assert offset is not None  # a week word without weekdays always names a week
    days = in_week(ctx, offset, tuple(range(7)))
    if offset == 0 and whole:
        days = [d for d in days if d >= ctx.today] or days
    if whole:
        return DateMention(start, end, [days[0], days[-1]], is_range=True, period=period)
    # 来週 alone: which days is not said (a query or a recurrence's start can still use it)
    return DateMention(
        start,
        end,
        [days[0], days[-1]],
        is_range=True,
        period=period,
        problem="which_days",
        problem_args={"week": str(offset)},
        frame=(days[0], days[-1]),
    )


def _range(first: DateMention, second: DateMention, end: date | None) -> DateMention:
    """Join two mentions into one range ``first.first … end``."""
    if end is None or not first.days:
        return first
    begin = first.first
    if end < begin and second.day_of_month is None and end.month < begin.month:
        end = safe_date(end.year + 1, end.month, end.day) or end  # 12/28〜1/5: into next year
    joined = DateMention(
        first.start,
        second.end,
        [begin, end],
        is_range=True,
        problem=first.problem or second.problem,
        problem_args=first.problem_args or second.problem_args,
        frame=first.frame or second.frame,
    )
    if first.week is not None and second.week in (None, first.week):
        joined.week = first.week  # 来週の水曜から金曜まで: still next week's (for 月火 after it)
    if end < begin:
        joined.problem, joined.problem_args = "invalid_range", {}
    elif (end - begin).days > MAX_RANGE_DAYS:
        joined.problem, joined.problem_args = "range_too_long", {}
    return joined


RANGE_LINK = regex(r"\s*(?:~|-|から|to|through|thru|until|till)\s*")
"""What joins a range's two ends (12/22~12/24, from Monday to Wednesday)."""
HALF_WORD = r"(?:午前中?|午後|朝|morning|afternoon|am|pm|a\.m\.|p\.m\.)(?![a-z.])"
"""A word for one half of the day (as in ``vocabulary.PARTS``)."""
_PART_LINK = regex(
    r"\s*(?:の)?\s*(?P<part>" + HALF_WORD + r")\s*(?:~|-|から|to|through|thru|until|till)\s*"
)
"""A link that names the start's half of the day (月曜の午後から水曜まで, from Monday afternoon
to Wednesday): the range starts at that half."""


def _links_range(link: str) -> bool:
    return bool(RANGE_LINK.fullmatch(link) or _PART_LINK.fullmatch(link))


def half_of(word: str) -> str:
    """The half of the day a ``HALF_WORD`` names."""
    return "am" if word.startswith(("午前", "朝", "morning")) or word in ("am", "a.m.") else "pm"


_CLAUSE_LINK = regex(r"[,、]")
_LIST_LINK = regex(r"\s*(?:,|、|・|と|や|and|&|/|or|及び|および)?\s*")


def join_mentions(
    scan: Scanner,
    mentions: list[DateMention],
    *,
    ranges: bool = True,
    statuses: Sequence[tuple[int, int]] = (),
) -> list[DateMention]:
    """Join A〜B / AからBまで / from A to B into ranges (B re-anchored on A when it is a bare
    weekday or day of the month), and A・B / A and B into lists; not A, B when each has a
    status of its own on its outer side ("office Monday, tomorrow WFH": two clauses;
    ``statuses``: where the status words are)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[DateMention] = []

    def own_statuses(i: int) -> bool:
        before = ordered[i - 2].end if i >= 2 else 0
        after = ordered[i + 1].start if i + 1 < len(ordered) else len(scan.text)
        prev, this = ordered[i - 1], ordered[i]
        return any(before <= a and b <= prev.start for a, b in statuses) and any(
            this.end <= a and b <= after for a, b in statuses
        )

    for i, mention in enumerate(ordered):
        if out and out[-1].days and mention.days:
            prev = out[-1]
            link = scan.between(prev.end, mention.start)
            bounded = _PART_LINK.fullmatch(link)
            if ranges and (RANGE_LINK.fullmatch(link) or bounded) and not prev.is_range:
                end = _reanchor(prev.last, mention)
                out[-1] = joined = _range(prev, mention, end)
                if bounded and joined.is_range:
                    joined.first_part = half_of(bounded.group("part"))
                    at = prev.end + bounded.start("part"), prev.end + bounded.end("part")
                    joined.part_spans = (at,)
                continue
            apart = _CLAUSE_LINK.search(link) is not None and own_statuses(i)
            starts_range = (  # 12/1と12/7~12/9: 12/7 begins a range of its own
                ranges
                and i + 1 < len(ordered)
                and _links_range(scan.between(mention.end, ordered[i + 1].start))
            )
            if (
                _LIST_LINK.fullmatch(link)
                and not (prev.is_range or mention.is_range)
                and not apart
                and not starts_range
            ):
                days = sorted(set(prev.days) | set(mention.days))
                out[-1] = DateMention(
                    prev.start,
                    mention.end,
                    days,
                    problem=prev.problem or mention.problem,
                    problem_args=prev.problem_args or mention.problem_args,
                    frame=prev.frame or mention.frame,
                )
                continue
        out.append(mention)
    return out


def _reanchor(anchor: date, mention: DateMention) -> date:
    """A range end that named only a weekday or a day of the month follows its start."""
    if mention.weekdays and len(mention.weekdays) == 1:
        return after_anchor(anchor, mention.weekdays[0])
    if mention.day_of_month is not None:
        ctx = DateContext(anchor)
        return day_of_month(ctx, mention.day_of_month, anchor=anchor) or mention.last
    return mention.last
