"""``parse``: one message → one ``Interpretation``. Pure, deterministic, no I/O.

The steps: normalise; take out, in order, weekly patterns, presence words, statuses, parts
of the day, dates, a person's name, months, loose weekday lists, durations (3日間), clock
times of side clauses (10時から会議があるので); decide the intent from what is left; build
entries, a recurrence or a query; check every date against the calendar and the
retroactive window; ask when anything is unclear.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dialogs.understanding.compiled import regex
from dialogs.understanding.date_patterns import (
    HALF_WORD,
    find_dates,
    find_frame_whole,
    find_this_part,
    find_weekday_chars,
    half_of,
    join_mentions,
    whole_week,
)
from dialogs.understanding.dates import (
    MAX_RANGE_DAYS,
    DateContext,
    DateMention,
    after_anchor,
    day_of_month,
    monday_of,
    month_bounds,
    period_of_day,
)
from dialogs.understanding.durations import apply_durations, find_durations
from dialogs.understanding.entries import StatusMention, Unit, bounded_part, expand, group
from dialogs.understanding.intents import (
    NEGATED_STATUS,
    NOT_STATUS,
    PAST,
    Features,
    classify,
)
from dialogs.understanding.interpretation import (
    Entry,
    Fragment,
    Intent,
    Interpretation,
    Recurrence,
    Replaced,
    Warning_,
)
from dialogs.understanding.months import MonthMention, find_months
from dialogs.understanding.normalise import normalise
from dialogs.understanding.parts import PartMention, drop_asides, find_parts
from dialogs.understanding.people import find_person
from dialogs.understanding.presence_times import (
    correction_kind,
    is_correction,
    split_reports,
    stated_time,
)
from dialogs.understanding.questions import render
from dialogs.understanding.recurrence import EveryMention, find_every, role_of
from dialogs.understanding.replies import short_reply
from dialogs.understanding.scanner import Scanner
from dialogs.understanding.spelling import correct_names
from dialogs.understanding.vocabulary import (
    HALF,
    PRESENCE,
    PRESENCE_STATUS,
    STATUSES,
    WEEKDAY_KEYS,
)
from dialogs.understanding.year_turn import find_year_turn
from domain.calendar import WorkCalendar

MAX_CHARS = 1000  # longer messages are not read (a pasted document is not a declaration)
MAX_YEARS_AWAY = 5  # explicit years further from today are refused as typos
_NUMBER = regex(r"\d+")
_WHOLE_MONTH = regex(r"(?:いっぱい|一杯|中|年内)$")
_EXCEPT_BEFORE = regex(
    r"(?<![a-z])(?:except(?:\s+for)?|but\s+not|excluding|other\s+than|apart\s+from"
    # "but" alone only after every day / all week: "every day next week but Friday"
    r"|(?:every\s*day|all|whole)(?:\s+(?:of\s+)?(?:this|next|the)?\s*week)?"
    r"(?:\s+(?:this|next)\s+week)?\s+but)\s*(?:on\s+)?$"
)
_EXCEPT_AFTER = regex(r"\s*(?:以外|を除いて|を除き|を除く|は除く|は除いて|を抜いて|抜き)")
_QUERIES = frozenset(
    {
        Intent.QUERY_WHO,
        Intent.QUERY_PERSON,
        Intent.QUERY_SELF,
        Intent.QUERY_STATS,
        Intent.QUERY_PROGRESS,
    }
)
_NOUN_PHRASE = frozenset({"の", "のは", "の状況", "の一覧", "者", "の者", "状況", "一覧"})
# What is left of 「予定」「今週の予定」 "schedule?": one's own schedule asked for.
_OWN_SCHEDULE = frozenset(
    {
        f"{of}{word}{topic}"
        for of in ("", "の")
        for word in ("予定", "スケジュール", "schedule")
        for topic in ("", "は", "を教えて", "を見せて", "確認")
    }
)
# one day of a week, not said which (来週どこか1日, いずれか一日): a question for one day
_ONE_DAY_OF = regex(
    r"(?:どこか|どっか|いずれか|どれか|うち)\s*(?:の)?\s*(?:1|一)\s*日(?!間)"
    r"|(?<![a-z])(?<!half\s)(?:some\s*day|a\s+day|one\s+day|one\s+of\s+the\s+days)(?![a-z])"
)
_SAME_PHRASE = regex(r"\s*(?:で|にて|から|より|の|(?<![a-z])(?:at|from)(?![a-z]))?\s*")
_RESIDUE = regex(r"[\ue000\s?？。、.!！]")
_CHANGE_SPLIT_OLD_FIRST = regex(
    r"ではなく|じゃなくて|じゃなく|でなく|の(?:代わり|替わり)に|rather than"
    r"|(?<=\ue000)\s*,?\s*but(?![a-z])"  # not Friday but Thursday
)
_CHANGE_SPLIT_NEW_FIRST = regex(r"(?<![a-z])instead of(?![a-z])")
_CHANGE_CUE = regex(
    r"変更|変え|変わ|振り替え|振替|差し替え|ずらし|ずれ|延期|前倒し|繰り[下上]げ|入れ替え|切り替え|切替"
    r"|移し|移す|移したい|移動"
    r"|(?<![a-z])(?:change[ds]?|move[ds]?|moving|switch(?:ed)?|swap(?:ped)?|reschedul(?:e|ed|ing)"
    r"|make|shifted|postponed?|pushed|push|bring|brought)(?![a-z])"
)
_EN_TO = regex(r"(?<![a-z])to(?![a-z])")
_EN_FOR = regex(r"(?<=\ue000)\s+for(?=\s+(?:the\s+)?\ue000)")  # swap Thursday's WFH for Friday
_UNTIL_AFTER = regex(r"\s*(?:まで|迄)")
# A range's end with its half of the day: 水曜の午前まで (まで after it), to Wednesday morning
_END_HALF = regex(
    r"\s*(?:の)?\s*(?P<part>" + HALF_WORD + r")(?=\s*(?:まで|迄))"
    r"|\s+(?:in\s+the\s+)?(?P<english>" + HALF_WORD + ")"
)
_UNTIL_BEFORE = regex(r"(?<![a-z])(?:until|till|til|through|thru|up\s+to)\s*(?:on\s+)?$")
_REST = regex(
    r"あとは|後は|残りは|それ以外は|その他は|他は|ほかは|(?<![a-z])(?:the\s+rest|otherwise"
    r"|other\s+days)(?![a-z])"
)
_ALL_OF = regex(r"全部|全て|すべて|(?<![a-z])all(?!\s*day)(?![a-z])")
# next week: Mon WFH…; 来週は月曜…; my day next week from Monday to Friday
_WEEK_LEADS = regex(r"\s*(?:[:,、]|は|の|も|(?<![a-z])(?:from|on)(?![a-z]))?\s*")
_OF_A_DAY = regex(r"\ue000\s*(?:の|'s)\s*$")  # 明日の(テレワーク), tomorrow's (WFH)
_JA_FROM = regex(
    r"から(?=.*(?:に|へ)(?:変更|変え|変わ|振り替え|振替|ずらし|ずれ|延期|切り替え|切替|切り替|移|替え))"
)
# 月曜の予定を水曜に…: whatever the day had moves, not only the status said
_ANY_PLAN = regex(r"予定|スケジュール|(?<![a-z])(?:plans?|schedule|whatever)(?![a-z])")
# an open start: 12/7以降, 明日からずっと, 来週以降は当面, Monday onwards, from the 7th on
_ONWARDS_AFTER = regex(
    r"\s*(?:以降|以後|(?:から|より)(?:は|も)?\s*(?:ずっと|当面|しばらく|先ずっと))"
    r"|\s*(?:on)?wards?(?![a-z])|\s+(?:and\s+after|going\s+forward|until\s+further\s+notice)"
    r"(?![a-z])"
)
_ONWARDS_AT_LEAST = 14  # days an open start covers at least (to its month's end, else the next)
_ONWARDS_BEFORE = regex(r"(?<![a-z])(?:from|starting|beginning|as\s+of)\s+(?:on\s+)?$")
_ONWARDS_ON = regex(r"\s*on(?![a-z])(?!\s+(?:leave|site|a\s|the\s))")
_REST_OF_WEEK = regex(r"rest\s+of\s+the\s+week")
_FUTURE_BACK = regex(
    r"戻ります|戻る(?!の)|戻り予定|戻り次第|戻ってきます|帰席予定"
    r"|(?<![a-z])(?:be\s+back|back\s+in\s+(?:\d|an?\s|half))"  # "back at 10:30": ambiguous, back
)
_NEAR_DAYS = 7  # a named day this close leads the bare weekdays after it (_in_order)
_BACK_FROM = regex(r"\ue000\s*(?:から|より)\s*\ue000")
_DATE_BEFORE = regex(r"\ue000(?:の)?\s*$")
_DATE_AFTER = regex(r"\s*\ue000")


def parse(
    text: str,
    *,
    today: date,
    lang: str | None = None,
    calendar: WorkCalendar,
    retroactive_days: int = 5,
    within: tuple[date, date] | None = None,
) -> Interpretation:
    """Understand one chat message, as of ``today`` (the office's local date).

    ``lang`` ("ja"/"en", the user's setting or Teams locale) only chooses the language of a
    question when the message itself has no Japanese script. ``retroactive_days`` is the
    policy's window (``Policy.declarations.retroactive_working_days``). ``within``: the
    message answers a question about that span (``Fragment.within``: 「来週のどの日ですか？」
    →「月と水」), so its bare weekdays and days of the month fall in it, and 「全部」 "all of
    them" name all of it. Never raises for any ``str``.
    """
    norm = correct_names(normalise(text))
    qlang = "ja" if norm.has_japanese else ("ja" if lang == "ja" else "en")
    if not norm.text:
        return Interpretation(Intent.UNKNOWN, lang=qlang)
    reply = short_reply(norm.text)
    if reply is not None:  # 「はい」 "OK" 「いいえ」 「やめる」: the conversation decides
        return Interpretation(reply, lang=qlang)
    if len(norm.text) > MAX_CHARS:
        return Interpretation(
            Intent.UNKNOWN,
            warnings=(Warning_.TOO_LONG,),
            question=render("too_long", qlang, {}),
            question_code="too_long",
            lang=qlang,
        )
    reading = _Reading(
        norm.text, norm.original, today, qlang, calendar, retroactive_days, within=within
    )
    reading.japanese = norm.has_japanese
    return reading.run()


def _until_noon(part: PartMention) -> PartMention:
    """「12時まで在宅」, "remote until noon": the morning (no question about its start; with a
    second status the other takes the afternoon: 12時まで在宅、その後出社). Another end time
    alone still asks when the part starts."""
    if part.problem == "time_end_only" and part.part == "12:00-":
        return replace(part, part="am", problem=None)
    return part


_FROM_AFTER = regex(r"\s*(?:から|より)")
_FROM_BEFORE = regex(r"(?<![a-z])from\s+(?:the\s+)?$")


def _from_the_morning(part: PartMention, text: str) -> PartMention:
    """「朝から在宅」「午前から在宅」, "WFH from the morning": from the morning on is the whole day
    (when the message names one status: 朝から在宅、午後から出社 splits the day)."""
    if part.part != "am" or part.problem is not None:
        return part
    if _FROM_AFTER.match(text, part.end) or _FROM_BEFORE.search(text[: part.start]):
        return replace(part, part="full")
    return part


class _Reading:
    """One parse in progress (a class only to share the pieces between the steps)."""

    def __init__(
        self,
        text: str,
        original: str,
        today: date,
        lang: str,
        calendar: WorkCalendar,
        retroactive_days: int,
        *,
        within: tuple[date, date] | None = None,
    ) -> None:
        self.text, self.original, self.today, self.lang = text, original, today, lang
        self.japanese = False  # whether the text has Japanese script (spaces separate)
        self.calendar, self.retroactive_days = calendar, retroactive_days
        self.ctx = DateContext(today, past=PAST.search(text) is not None, frame=within)
        self.problem: tuple[str, dict[str, str]] | None = None
        self.excluded: set[date] = set()  # days an exception took out (水曜以外, except Wed)
        self.fragment: Fragment | None = None  # what a declaration said, kept with a question
        self.number: int | None = None  # a bare number (「15 テレワーク」: a date or a time?)
        self.month: MonthMention | None = None  # a month named without its days (12月に)

    # -- reading --------------------------------------------------------------------------

    def run(self) -> Interpretation:
        scan = Scanner(self.text)
        whole = find_frame_whole(scan, self.ctx)  # 「全部」 answering 「来週のどの日ですか？」
        every = find_every(scan)
        turn = find_year_turn(scan, self.ctx, self.calendar)  # before 仕事始め as a report
        presence: list[str] = []
        for hit in PRESENCE.finditer(scan.rest):
            presence.append(hit.value)
            scan.mask(hit.start, hit.end)
        presence += split_reports(scan)
        statuses: list[StatusMention] = []
        for shit in STATUSES.finditer(scan.rest):
            statuses.append(StatusMention(shit.start, shit.end, *shit.value))
            scan.mask(shit.start, shit.end)
        statuses = self._one_per_phrase(statuses)
        dates = whole + turn + find_this_part(scan, self.ctx)
        parts = find_parts(scan)
        dates += find_dates(scan, self.ctx)
        person = find_person(scan, self.original)
        months = find_months(scan, self.ctx, self.calendar)
        named_weekdays = any(d.weekdays or d.week is not None for d in dates)
        dates += find_weekday_chars(scan, self.ctx, among_weekdays=named_weekdays)
        dates = apply_durations(scan, dates, find_durations(scan), self.today, self.calendar)
        weeks = [d for d in dates if d.problem == "which_days"]
        one = _ONE_DAY_OF.search(scan.text) if weeks else None
        if one is not None:  # its 1日 is no date of the month
            dates = [d for d in dates if not one.start() <= d.start < one.end()]
            scan.mask(one.start(), one.end())
            for week in weeks:
                week.problem = "which_day"
            weeks = []
        if (
            every is not None
            and every.daily
            and len(weeks) == 1
            and all(d is weeks[0] or self._excepted(d) for d in dates)
            and role_of(self.text, weeks[0].start, weeks[0].end) is None
        ):
            # 来週は毎日在宅; every day next week except Tuesday: that week, less the exception
            others = [d for d in dates if d is not weeks[0]]
            dates, every = [whole_week(self.ctx, weeks[0]), *others], None
        elif len(dates) == 1 and weeks and _ALL_OF.search(scan.rest):
            dates = [whole_week(self.ctx, weeks[0])]  # 来週の予定全部取り消して
        if statuses:
            halves = [s.start for s in statuses if s.part == HALF]
            parts = drop_asides(scan, parts, [s.start for s in statuses], halves)
        correcting = not (statuses or dates) and correction_kind(scan.text, scan.rest, parts)
        if correcting and correcting not in presence:
            presence.append(correcting)  # 開始時刻を9:00に修正: a start report, corrected
        for mention in dates:
            if any(abs(d.year - self.today.year) > MAX_YEARS_AWAY for d in mention.days):
                mention.days, mention.is_range = [], False
                mention.problem, mention.problem_args = (
                    "invalid_date",
                    {"written": self.text[mention.start : mention.end]},
                )
        residue = _RESIDUE.sub("", scan.rest)
        intent = classify(
            Features(
                rest=scan.rest,
                has_dates=bool(dates),
                statuses=tuple(s.status for s in statuses if s.status is not None),
                presence=tuple(presence),
                has_person=person is not None,
                has_every=every is not None,
                only_date_and_status=bool(
                    dates and statuses and not parts and residue in _NOUN_PHRASE
                ),
                own_schedule=not (statuses or presence or parts) and residue in _OWN_SCHEDULE,
                status_changes=self._negated(scan, statuses) is not None,
                status_negated=len({s.status for s in statuses}) == 1
                and self._said_not(scan, statuses),
            )
        )
        if intent in {Intent.DECLARE, Intent.REQUEST_APPROVAL, Intent.CANCEL}:
            dates = sorted([*dates, *self._month_spans(months)], key=lambda d: d.start)
            self.month = self._month_alone(months) if not dates else None
        dates = join_mentions(
            scan,
            dates,
            ranges=intent is not Intent.CHANGE,
            statuses=[(s.start, s.end) for s in statuses],
        )
        if intent in {Intent.DECLARE, Intent.REQUEST_APPROVAL, Intent.CANCEL, Intent.CHANGE}:
            dates = self._carry_week(scan, dates)
        if intent in {Intent.DECLARE, Intent.REQUEST_APPROVAL, Intent.CANCEL}:
            dates = self._exclude(dates)
            if len({s.status for s in statuses}) > 1:
                dates = self._week_and_its_days(dates)
            dates = self._rest_of_week(self._in_order(self._days_of_week(dates)))
            dates = [self._end_half(self._from_today(self._onwards(d))) for d in dates]
            bounds = [span for d in dates for span in d.part_spans]
            if bounds:  # halves that bound a range are not every day's part
                parts = [p for p in parts if not any(a <= p.start < b for a, b in bounds)]
        if intent is Intent.UNKNOWN and (parts or statuses):
            # 「午後だけ」: not a declaration on its own, but an answer inside a conversation.
            said = self._said([d for d in dates if d.problem is None], parts, statuses, [])
            return Interpretation(
                intent, lang=self.lang, fragment=self._context(said, dates, parts)
            )
        if intent in {Intent.HELP, Intent.UNKNOWN}:
            return Interpretation(intent, lang=self.lang)
        if intent in _QUERIES:
            return self._query(
                intent,
                dates,
                months,
                statuses,
                person.name if person and intent is Intent.QUERY_PERSON else None,
            )
        if intent in {Intent.DECLARE_RECURRING, Intent.CANCEL_RECURRING}:
            all_said = _ALL_OF.search(scan.rest) is not None  # 繰り返しを全部やめる
            return self._recurrence(intent, every, dates, months, parts, statuses, all_said)
        if intent is Intent.PRESENCE:
            kind = next(k for k in presence if k in PRESENCE_STATUS)
            if "back" in presence and _BACK_FROM.search(scan.rest):
                kind = "back"  # 昼休みから戻りました: where one was, then back
            if kind == "back" and _FUTURE_BACK.search(self.text):
                kind = "away"  # 14時に戻ります, I'll be back at 2: away now, back later
            # 離席します、14時頃戻ります / stepping out, back at 2: the time is the return's
            returns = kind == "away" and ("back" in presence or _FUTURE_BACK.search(self.text))
            day = dates[0].days[0] if len(dates) == 1 and len(dates[0].days) == 1 else self.today
            part = parts[0].part if parts and parts[0].problem is None else "full"
            return Interpretation(
                intent,
                entries=(Entry(day, part, PRESENCE_STATUS[kind]),),
                lang=self.lang,
                at=None if returns else stated_time(parts, scan.rest, text=scan.text),
            )
        if intent in {Intent.REPORT_START, Intent.REPORT_END}:
            entries = tuple(
                Entry(self.today, s.part if s.part not in (None, HALF) else "full", s.status)
                for s in statuses[:1]
            )
            corrects = bool(correcting) or is_correction(scan.rest)
            at = stated_time(parts, scan.rest, last=corrects, text=scan.text)
            return Interpretation(
                intent,
                entries=entries,
                lang=self.lang,
                at=at,
                correction=at is not None and corrects,
            )
        for m in dates:
            self._note(m.problem, m.problem_args)
        parts = [_until_noon(p) for p in parts]
        if len({s.status for s in statuses}) == 1:  # one status from the morning: all day
            parts = [_from_the_morning(p, self.text) for p in parts]
        for p in parts:
            self._note(p.problem, {"time": p.part.rstrip("-")})
        number = _NUMBER.search(scan.rest)
        if number:
            self._note("ambiguous_number", {"number": number.group(0)})
            self.number = int(number.group(0)) if len(number.group(0)) <= 2 else None
        if intent is Intent.CHANGE:
            return self._change(scan, dates, parts, statuses)
        if intent is Intent.CANCEL and not statuses:
            statuses = [StatusMention(len(self.text), len(self.text), None)]
        return self._declaration(intent, scan.rest, dates, parts, statuses)

    def _one_per_phrase(self, statuses: list[StatusMention]) -> list[StatusMention]:
        """Two words of one status in one phrase (自宅でテレワーク, remote from home) are
        one status: the halves' question counts statuses, not words."""
        if len(statuses) < 2:
            return statuses
        out: list[StatusMention] = []
        for s in statuses:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.status is not None
                and prev.status == s.status
                and (prev.part is None or s.part is None or prev.part == s.part)
                and _SAME_PHRASE.fullmatch(self.text, prev.end, s.start)
            ):
                out[-1] = StatusMention(prev.start, s.end, s.status, prev.part or s.part)
                continue
            out.append(s)
        return out

    def _days_of_week(self, dates: list[DateMention]) -> list[DateMention]:
        """A week named apart from its weekdays (「来週のテレワークウィークは月水金に在宅」, "next
        week I'm WFH Mon and Wed"): the weekdays of that week."""
        weeks = [d for d in dates if d.problem == "which_days"]
        lists = [d for d in dates if d.weekdays and not d.is_range and d.problem is None]
        if len(weeks) != 1 or len(lists) != 1:
            return dates
        week, listed = weeks[0], lists[0]
        monday = week.first
        days = [monday + timedelta(days=w) for w in sorted(set(listed.weekdays))]
        start, end = min(week.start, listed.start), max(week.end, listed.end)
        joined = DateMention(start, end, days, period=week.period)
        return sorted(
            [d for d in dates if d is not week and d is not listed] + [joined],
            key=lambda d: d.start,
        )

    def _rest_of_week(self, dates: list[DateMention]) -> list[DateMention]:
        """ "the rest of the week" / 「残りは」 after days of a later week (in the office Monday
        and Tuesday, then remote for the rest of the week): the days after them in that week."""
        out = []
        for d in dates:
            named = [
                day
                for e in dates
                if e.end <= d.start and not e.is_range and e.problem is None
                for day in e.days
            ]
            later = [day for day in named if monday_of(day) > monday_of(self.today)]
            if d.is_range and _REST_OF_WEEK.search(self.text, d.start, d.end) and later:
                first = max(later) + timedelta(days=1)
                last = monday_of(max(later)) + timedelta(days=6)
                if first <= last:
                    d = DateMention(d.start, d.end, [first, last], is_range=True)
            out.append(d)
        return out

    def _week_and_its_days(self, dates: list[DateMention]) -> list[DateMention]:
        """A week named alone with days of it under another status (来週は在宅、月曜だけ出社;
        来週は月・水が在宅、あとは出社): the whole week, the days named taking their own
        status (``entries.expand``); the week goes to the clause of 「あとは」 when said."""
        weeks = [d for d in dates if d.problem == "which_days" and d.frame]
        if len(weeks) != 1:
            return dates
        week = weeks[0]
        first, last = week.frame or (week.first, week.last)
        others = [d for d in dates if d is not week and d.days and d.problem is None]
        for d in others:  # 月曜だけ: that week's Monday
            if d.weekdays and d.week is None and not d.is_range:
                d.days = [first + timedelta(days=w) for w in sorted(set(d.weekdays))]
        if not others or not all(first <= day <= last for d in others for day in d.days):
            return dates
        whole = whole_week(self.ctx, week)
        rest = _REST.search(self.text, week.end)
        if rest is not None:
            whole = replace(whole, start=rest.start(), end=rest.start())
        return sorted([d for d in dates if d is not week] + [whole], key=lambda d: d.start)

    def _onwards(self, d: DateMention) -> DateMention:
        """A day or a week said to start something open-ended (12/7以降ずっと在宅, 来週以降は
        ずっと出社, WFH from Monday onwards): from it to the end of its month, or of the next
        month when fewer than two weeks of its own are left; its working days. Decided here
        (the issue was silent): the read-back shows the span, and a longer stretch is a weekly
        pattern or a range. A plain 「明日から」 "from Monday" with no end stays that one day."""
        if self.ctx.past or (d.is_range and d.problem != "which_days"):
            return d
        if d.problem not in (None, "which_days") or not d.days:
            return d
        after = _ONWARDS_AFTER.match(self.text, d.end)
        before = _ONWARDS_BEFORE.search(self.text[: d.start])
        if not after and not (before and _ONWARDS_ON.match(self.text, d.end)):
            return d
        first = max(d.days[0], self.today)
        later = first + timedelta(days=_ONWARDS_AT_LEAST - 1)
        last = month_bounds(later.year, later.month)[1]
        return DateMention(d.start, d.end, [first, last], is_range=True)

    def _from_today(self, d: DateMention) -> DateMention:
        """A day named only as an end (金曜まで在宅, WFH until Friday): from today (in an
        answer about a span, from its first day: 来週のどの日？ →「水曜まで」) to it."""
        if self.ctx.past or d.is_range or len(d.days) != 1 or d.problem is not None:
            return d
        day = d.days[0]
        half = _END_HALF.match(self.text, d.end)  # 水曜の午前まで
        after = half.end() if half else d.end
        ends = _UNTIL_AFTER.match(self.text, after) or _UNTIL_BEFORE.search(self.text[: d.start])
        first = max(self.ctx.frame[0], self.today) if self.ctx.frame else self.today
        if not ends or day <= first:
            return d
        span = DateMention(d.start, d.end, [first, day], is_range=True, period=d.period)
        if (day - first).days > MAX_RANGE_DAYS:
            span.problem = "range_too_long"
        return span

    def _end_half(self, d: DateMention) -> DateMention:
        """A range whose end names a half of the day (月曜から水曜の午前まで出張, WFH from
        Monday to Wednesday morning, 金曜の午前まで休暇): it ends at that half. English
        needs the range, Japanese まで after the half."""
        if not d.is_range or d.problem is not None:
            return d
        half = _END_HALF.match(self.text, d.end)
        if half is None:
            return d
        group = "part" if half.group("part") else "english"
        d.last_part = half_of(half.group(group))
        d.part_spans = (*d.part_spans, half.span(group))
        return d

    def _carry_week(self, scan: Scanner, dates: list[DateMention]) -> list[DateMention]:
        """A bare weekday after a weekday named in a week (来週火曜は出勤、水曜はテレワーク;
        来週月曜のテレワーク、火曜に振り替え), or right after a week named alone ("next week:
        Mon WFH, Tue office"), falls in that week, unless that would be past."""
        if self.ctx.past:
            return dates
        monday: date | None = None
        lead: DateMention | None = None  # a week named alone, leading its weekdays
        led = False
        ordered = sorted(dates, key=lambda d: d.start)
        for i, d in enumerate(ordered):
            bare = bool(d.weekdays) and not d.is_range and d.problem is None
            if d.week is not None:
                monday = d.week
            elif d.problem == "which_days" and d.frame and lead is None and i + 1 < len(ordered):
                after = ordered[i + 1]
                excepted = _EXCEPT_AFTER.match(self.text, after.end) is not None
                link = scan.between(d.end, after.start)
                if after.weekdays and not excepted and _WEEK_LEADS.fullmatch(link):
                    monday, lead = d.frame[0], d
            elif monday is not None and bare:
                days = [monday + timedelta(days=w) for w in sorted(set(d.weekdays))]
                if days[0] >= self.today:
                    d.days, d.week = days, monday
                    d.period = period_of_day(self.ctx, days[0]) if len(days) == 1 else None
                    led = led or lead is not None
            elif d.days:
                monday = None
        if not led or _REST.search(self.text, lead.end if lead else 0):
            return dates  # 来週は月・水が在宅、あとは出社: the week stays, for the rest
        return [d for d in dates if d is not lead]

    def _excepted(self, d: DateMention) -> bool:
        """Whether ``d`` is named as an exception (火曜以外, except Tuesday)."""
        return bool(
            _EXCEPT_BEFORE.search(self.text, 0, d.start) or _EXCEPT_AFTER.match(self.text, d.end)
        )

    def _exclude(self, dates: list[DateMention]) -> list[DateMention]:
        """Take out the days an exception names (「来週は水曜以外在宅」, "all next week except
        Wednesday"): a bare weekday there means that weekday inside the other dates' ranges."""
        kept, excepted = [], []
        for d in dates:
            if self._excepted(d):
                excepted.append(d)
            else:
                kept.append(d)
        if not excepted or not kept:
            return dates
        # 来週は水曜以外: the week is whole but for the exception
        kept = [whole_week(self.ctx, k) if k.problem == "which_days" else k for k in kept]
        for d in excepted:
            spans = [(k.first, k.last) for k in kept if k.is_range]
            if d.weekdays and spans:
                for first, last in spans:
                    day = first
                    while day <= last:
                        if day.weekday() in d.weekdays:
                            self.excluded.add(day)
                        day += timedelta(days=1)
            else:
                self.excluded.update(d.days)
        return kept

    def _in_order(self, dates: list[DateMention]) -> list[DateMention]:
        """Bare weekdays named one after another run forward: "Mon WFH, Tue office, Wed WFH"
        on a Wednesday is next Monday to Wednesday, not today and next week."""
        if self.ctx.past:
            return dates
        previous: date | None = None
        floor: date | None = None  # a bare weekday before it runs forward from previous
        for d in sorted(dates, key=lambda d: d.start):
            if not (len(d.weekdays) == 1 and len(d.days) == 1 and not d.is_range):
                # 明日は在宅で木曜は出社 on a Thursday: a day of this week or the next (明日,
                # 来週月曜) is one the bare weekdays after it run forward from; so is a range
                # they would fall before (月曜は出社、火曜から木曜は在宅、金曜は休み: one week;
                # 来週は在宅、月曜だけ出社: Monday is in it)
                near = (len(d.days) == 1 or d.is_range) and d.problem is None and bool(d.days)
                soon = near and 0 <= (d.first - self.today).days <= _NEAR_DAYS
                previous, floor = (d.last, d.first) if soon else (None, None)
                continue
            if previous is not None and floor is not None and d.days[0] < floor:
                d.days = [after_anchor(previous, d.weekdays[0])]
                d.period = period_of_day(self.ctx, d.days[0])
            previous = floor = d.days[0]
        return dates

    def _month_spans(self, months: list[MonthMention]) -> list[DateMention]:
        """Months a declaration spans: 今月末まで / until the end of the month (from today, or
        from a start joined later: 明日から今月末まで), 来月いっぱい / 12月中 (the whole month,
        from today on); a month's one day (月末は出社, 年度末) is that day."""
        spans = []
        for m in months:
            written = self.text[m.start : m.end]
            if _ONWARDS_AFTER.match(self.text, m.end) and role_of(self.text, m.start, m.end) != (
                "until"
            ):  # 4月以降ずっと: an open start, as for a day (_onwards)
                first = max(m.first, self.today)
                later = first + timedelta(days=_ONWARDS_AT_LEAST - 1)
                spans.append(
                    DateMention(
                        m.start,
                        m.end,
                        [first, month_bounds(later.year, later.month)[1]],
                        is_range=True,
                    )
                )
                continue
            if role_of(self.text, m.start, m.end) == "until":
                first = self.today
            elif _WHOLE_MONTH.search(written):
                first = max(m.first, self.today)
            elif m.first == m.last:  # 月末は出社, 年度末: that one day
                spans.append(DateMention(m.start, m.end, [m.first], period=m.period))
                continue
            else:
                continue
            if m.last < first:
                continue
            span = DateMention(m.start, m.end, [first, m.last], is_range=True)
            if (m.last - first).days > MAX_RANGE_DAYS:
                span.problem = "range_too_long"
            spans.append(span)
        return spans

    # -- building -------------------------------------------------------------------------

    def _declaration(
        self,
        intent: Intent,
        rest: str,
        dates: list[DateMention],
        parts: list[PartMention],
        statuses: list[StatusMention],
    ) -> Interpretation:
        usable = [d for d in dates if d.problem is None]
        units, problem = group(rest, usable, parts, statuses, japanese=self.japanese)
        self._note(problem, {})
        self.fragment = self._context(self._said(usable, parts, statuses, units), dates, parts)
        if not statuses:
            self._note("which_status", {})
        if not dates and self.month is not None:  # 12月にテレワーク: which days of December?
            self._note("which_days_month", {"month": str(self.month.first.month)})
        if not dates:
            self._note("which_day", {})
        if self.problem and self.problem[0] != "past_date":
            return self._ask(intent, ())
        return self._finish(intent, self._expand(units))

    def _change(
        self,
        scan: Scanner,
        dates: list[DateMention],
        parts: list[PartMention],
        statuses: list[StatusMention],
    ) -> Interpretation:
        split, old_first = self._change_split(scan, statuses)

        def side(starts: list[int], new: bool) -> list[int]:
            return [i for i, at in enumerate(starts) if (at >= split) == (new == old_first)]

        d_at, p_at, s_at = (
            [x.start for x in dates],
            [x.start for x in parts],
            [x.start for x in statuses],
        )
        old_d, new_d = side(d_at, False), side(d_at, True)
        old_p, new_p = side(p_at, False), side(p_at, True)
        old_s, new_s = side(s_at, False), side(s_at, True)
        at = len(self.text)
        if len(old_d) == 1 and dates[old_d[0]].problem is None and len(dates[old_d[0]].days) == 1:
            for i in new_d:  # 水曜から木曜に: the Thursday of that Wednesday's week
                self._same_week(dates[i], dates[old_d[0]].days[0])
        n_dates = [dates[i] for i in new_d] or [replace(dates[i], start=at, end=at) for i in old_d]
        n_parts = [parts[i] for i in new_p] or [replace(parts[i], start=at, end=at) for i in old_p]
        n_stat = [statuses[i] for i in new_s] or [
            replace(statuses[i], start=at, end=at) for i in old_s
        ]
        units, problem = group(
            scan.rest,
            [d for d in n_dates if d.problem is None],
            n_parts,
            n_stat,
            japanese=self.japanese,
        )
        self._note(problem, {})
        if not n_stat:
            self._note("which_status", {})
        if not dates:
            self._note("which_day", {})
        old_days = [
            d for i in (old_d or new_d) if dates[i].problem is None for d in self._days(dates[i])
        ]
        old_status = statuses[old_s[0]].status if old_s else None
        named = {s.status for s in statuses}
        if (
            old_status is None
            and len(named) == 1
            and _OF_A_DAY.search(scan.rest[: statuses[0].start])
        ):
            # 明日のテレワーク、午後だけに変更; 来週月曜のテレワーク、火曜に振り替え: the day's
            # telework is what changes
            old_status = statuses[0].status
        elif (
            old_status is None
            and len(named) == 1
            and old_d
            and new_d
            and new_s
            and not _ANY_PLAN.search(scan.rest)
        ):
            # 金曜じゃなくて木曜にテレワーク, move my WFH from Monday to Friday: the day moves and
            # keeps its status, so the old day's telework is what is cancelled (issue 13 §2)
            old_status = statuses[new_s[0]].status
        old_part = (
            parts[old_p[0]].part
            if old_p
            else (statuses[old_s[0]].part if old_s and statuses[old_s[0]].part != HALF else None)
        )
        replaced = tuple(Replaced(d, old_part, old_status) for d in sorted(set(old_days)))
        said = self._said([d for d in n_dates if d.problem is None], n_parts, n_stat, units)
        said = self._context(said, n_dates, n_parts)
        self.fragment = replace(said, days=said.days if new_d else (), replaces=replaced)
        if self.problem and self.problem[0] != "past_date":
            return self._ask(Intent.CHANGE, ())
        result = self._finish(Intent.CHANGE, self._expand(units))
        return replace(result, replaces=replaced)

    def _same_week(self, new: DateMention, old: date) -> None:
        """A bare weekday a day moves to falls in the old day's week (move Thursday's WFH to
        Tuesday), or the first one after it when that is past or the same day."""
        if not (len(new.weekdays) == 1 and len(new.days) == 1 and new.week is None):
            return
        if self.ctx.past:
            return
        day = monday_of(old) + timedelta(days=new.weekdays[0])
        if day < self.today or day == old:
            day = after_anchor(old + timedelta(days=1), new.weekdays[0])
        new.days, new.period = [day], period_of_day(self.ctx, day)

    @staticmethod
    def _said_not(scan: Scanner, statuses: list[StatusMention]) -> bool:
        """Whether a status word is negated ("no WFH tomorrow", 「テレワークではなく」)."""
        return any(
            s.start < m.end() and m.start() < s.end
            for m in NOT_STATUS.finditer(scan.rest)
            for s in statuses
        )

    def _negated(self, scan: Scanner, statuses: list[StatusMention]) -> StatusMention | None:
        """The status said not to hold any more when another one is said too (「明日のテレワーク
        やめて出社」, "not WFH tomorrow, I'll come in"): the old side of a change."""
        if len({s.status for s in statuses if s.status is not None}) < 2:
            return None
        for m in NEGATED_STATUS.finditer(scan.rest):
            for s in statuses:
                if s.start < m.end() and m.start() < s.end:
                    return s
        return None

    def _change_split(
        self, scan: Scanner, statuses: list[StatusMention] | None = None
    ) -> tuple[int, bool]:
        """Where the old state ends and the new begins, and whether the old comes first."""
        rest = scan.rest
        old = self._negated(scan, statuses or [])
        if old is not None:
            new = [s for s in (statuses or []) if s.status != old.status]
            if new and new[0].start > old.start:
                return old.end, True
            if new:
                return old.start, False
        if m := _CHANGE_SPLIT_OLD_FIRST.search(rest):
            return m.start(), True
        if m := _CHANGE_SPLIT_NEW_FIRST.search(rest):
            return m.start(), False
        cue = _CHANGE_CUE.search(rest)
        if cue is None:
            return 0, True
        if cue.group(0).isascii():
            # move X to Y; swap X for Y
            to = _EN_TO.search(rest, cue.end()) or _EN_FOR.search(rest, cue.end())
            return (to.start(), True) if to else (cue.end(), True)
        before = rest[: cue.start()]
        from_ = _JA_FROM.search(rest)
        if (
            from_
            and _DATE_BEFORE.search(rest[: from_.start()])
            and _DATE_AFTER.match(rest[from_.end() :])
        ):
            return from_.end(), True  # テレワークを木曜から金曜に変更: 木曜 → 金曜
        if "を" in before:
            return before.rindex("を"), True
        if "が" in before:  # 4/1の出張が4/2に変わりました
            return before.rindex("が"), True
        if "、" in before and _DATE_BEFORE.search(rest[: before.rindex("、")].rstrip("\ue000")):
            # 来週月曜のテレワーク、火曜に振り替えます: the day and what it had, then the new
            return before.rindex("、"), True
        if from_:
            return from_.end(), True
        return 0, True

    def _recurrence(
        self,
        intent: Intent,
        every: EveryMention | None,
        dates: list[DateMention],
        months: list[MonthMention],
        parts: list[PartMention],
        statuses: list[StatusMention],
        all_said: bool = False,
    ) -> Interpretation:
        """A weekly pattern declared or ended. Ending one names its weekdays (毎週水曜の在宅を
        やめる; 水曜の繰り返しを解除, a weekday said apart from 毎週/繰り返し) or all of them
        (繰り返しを全部やめる); with neither it asks which (ending one cancels many days)."""
        status = statuses[0].status if statuses else None
        part = parts[0].part if parts else (statuses[0].part if statuses else None)
        start: date | None = None
        until: date | None = None
        weekdays = every.weekdays if every else ()
        if not weekdays and intent is Intent.CANCEL_RECURRING:
            named = [d for d in dates if d.weekdays and d.week is None and not d.is_range]
            weekdays = tuple(sorted({w for d in named for w in d.weekdays}))
            dates = [d for d in dates if d not in named]
            if not weekdays and not all_said:
                self._note("which_weekday_end", {})
        spans: list[tuple[int, int, date, date]] = [
            (d.start, d.end, d.first, d.last) for d in dates if d.days
        ]
        spans += [(m.start, m.end, m.first, m.last) for m in months]
        for begin, end, first, last in sorted(spans):
            role = role_of(self.text, begin, end)
            if role == "until":
                until = last
            elif role == "from" or first == last:
                start = first
            else:
                start, until = first, last
        if every is not None and every.fortnightly:
            self._note("fortnightly", {})
        if not weekdays and intent is Intent.DECLARE_RECURRING:
            self._note("which_weekday", {})
        if status is None and intent is Intent.DECLARE_RECURRING:
            self._note("which_status", {})
        if part == HALF:
            self._note("which_half", {})
        if start and until and until < start:
            self._note("invalid_range", {})
        if self.problem:
            self.fragment = Fragment(
                part=part if part not in (None, HALF) else None,
                status=status,
                every=None if every is not None and every.fortnightly else tuple(weekdays),
                bounds=(start, until),
            )
            return self._ask(intent, ())
        if not weekdays:
            return Interpretation(intent, lang=self.lang)
        rec = Recurrence(
            tuple(WEEKDAY_KEYS[w] for w in weekdays), part or "full", status, start, until
        )
        warnings = (Warning_.CLOSED_DAY,) if any(w >= 5 for w in weekdays) else ()
        return Interpretation(intent, recurrence=rec, warnings=warnings, lang=self.lang)

    def _query(
        self,
        intent: Intent,
        dates: list[DateMention],
        months: list[MonthMention],
        statuses: list[StatusMention],
        person: str | None,
    ) -> Interpretation:
        named = sorted([(d.start, d.period) for d in dates] + [(m.start, m.period) for m in months])
        period = next((p for _, p in named if p), None)
        if period is None and intent in {Intent.QUERY_WHO, Intent.QUERY_PERSON}:
            period = "today"
        status = (
            statuses[0].status
            if statuses and intent in {Intent.QUERY_WHO, Intent.QUERY_PERSON}
            else None
        )
        return Interpretation(intent, person=person, period=period, status=status, lang=self.lang)

    # -- checking -------------------------------------------------------------------------

    def _days(self, mention: DateMention) -> list[date]:
        if mention.is_range:
            return self.calendar.working_days(mention.first, mention.last)
        return list(mention.days)

    def _expand(self, units: list[Unit]) -> list[Entry]:
        ranges = {(m.first, m.last): self._days(m) for u in units for m in u.dates if m.is_range}
        if any(not days for days in ranges.values()):
            self._note("no_working_days", {})
        return [e for e in expand(units, ranges) if e.day not in self.excluded]

    def _finish(self, intent: Intent, entries: list[Entry]) -> Interpretation:
        """Warnings for closed and past days; the past-date question."""
        if self.problem and self.problem[0] != "past_date":
            return self._ask(intent, ())
        warnings: list[Warning_] = []
        earliest = self.calendar.add_working_days(self.today, -self.retroactive_days)
        for entry in entries:
            if not self.calendar.is_working_day(entry.day):
                warnings.append(Warning_.CLOSED_DAY)
            if entry.day < self.today:
                if entry.day >= earliest:
                    warnings.append(Warning_.RETROACTIVE)
                else:
                    warnings.append(Warning_.PAST_DATE)
                    self._note(
                        "past_date",
                        {"day": entry.day.isoformat(), "window": str(self.retroactive_days)},
                    )
        return self._ask(intent, tuple(entries), tuple(warnings))

    def _said(
        self,
        dates: list[DateMention],
        parts: list[PartMention],
        statuses: list[StatusMention],
        units: list[Unit],
    ) -> Fragment:
        """What a declaration named, for a conversation to keep while it asks a question."""
        halves = self._halves(dates)
        days = tuple(sorted({d for m in dates if m.days for d in self._days(m)}))
        lone_part = (
            next((p.part for p in parts if p.problem is None and p.part != HALF), None)
            if len(parts) == 1
            else None
        )
        named = [s for s in statuses if s.status is not None]
        if len(named) > 1:
            paired = units if len(units) == len(named) else [Unit(s.status, s.part) for s in named]
            pairs = tuple(
                (u.part if u.part not in (None, HALF) else None, u.status)
                for u in paired
                if u.status is not None
            )
            return Fragment(days=days, pairs=pairs, halves=halves)
        if named:
            own = named[0].part if named[0].part not in (None, HALF) else None
            return Fragment(days=days, part=own or lone_part, status=named[0].status, halves=halves)
        return Fragment(days=days, part=lone_part, halves=halves)

    def _halves(self, dates: list[DateMention]) -> tuple[tuple[date, str], ...]:
        """The days where a range starts in the afternoon or ends in the morning."""
        bounded = (m for m in dates if m.is_range and (m.first_part or m.last_part))
        return tuple(
            (day, half) for m in bounded for day in self._days(m) if (half := bounded_part(m, day))
        )

    def _context(
        self, said: Fragment, dates: list[DateMention], parts: list[PartMention]
    ) -> Fragment:
        """What an answer is read against: the span a date with a problem still names (or
        the month named alone), a time without its role, a bare number's date and time."""
        within = next((d.frame for d in dates if d.problem and d.frame), None)
        if within is None and self.month is not None:
            within = (max(self.month.first, self.today), self.month.last)
        until = next((p.part.rstrip("-") for p in parts if p.problem == "time_end_only"), None)
        at = next((p.part.rstrip("-") for p in parts if p.problem == "time_unclear"), None)
        maybe_day = None
        if self.number is not None and until is None and at is None:
            maybe_day = day_of_month(self.ctx, self.number) if 1 <= self.number <= 31 else None
            hour = self.number + 12 if 1 <= self.number <= 6 else self.number
            at = f"{hour:02d}:00" if hour <= 24 else None
        return replace(said, within=within, until=until, at=at, maybe_day=maybe_day)

    def _month_alone(self, months: list[MonthMention]) -> MonthMention | None:
        """The one calendar month a declaration names without its days (12月に, next month),
        when some of it is still ahead."""
        if len(months) != 1:
            return None
        month = months[0]
        if month.first.day != 1 or month_bounds(month.first.year, month.first.month)[1] != (
            month.last
        ):
            return None
        return month if month.last >= self.today else None

    def _note(self, code: str | None, args: dict[str, str]) -> None:
        """Remember the first problem (the question asked is about the first one found)."""
        if code is not None and self.problem is None:
            self.problem = (code, args)

    def _ask(
        self, intent: Intent, entries: tuple[Entry, ...], warnings: tuple[Warning_, ...] = ()
    ) -> Interpretation:
        if self.problem is None:
            return Interpretation(intent, entries=entries, warnings=warnings, lang=self.lang)
        code, args = self.problem
        if code == "weekday_mismatch":
            warnings = (*warnings, Warning_.WEEKDAY_MISMATCH)
        return Interpretation(
            intent,
            entries=entries,
            warnings=warnings,
            question=render(code, self.lang, args),
            question_code=code,
            lang=self.lang,
            fragment=self.fragment,
        )
