"""The words staff use, in Japanese and English, mapped to meanings.

Every table is data: adding a synonym is a one-line change here and a row in the utterance
table (tests/dialogs/utterances_*.py). Japanese forms are after NFKC; English forms are
lower-case, and a space inside a phrase matches any spacing (``workfrom home``).
"""

from __future__ import annotations

from typing import Final

from dialogs.understanding.interpretation import Status
from dialogs.understanding.lexicon import Lexicon

TW, OF, LV, BT = Status.TELEWORK, Status.OFFICE, Status.LEAVE, Status.BUSINESS_TRIP
HALF: Final = "half"  # 半休: a half day, but which half is not said

# status word → (status, the part of the day the word itself implies)
STATUSES: Final = Lexicon[tuple[Status, str | None]](
    {
        # telework
        "テレワーク": (TW, None), "テレワ": (TW, None), "テレ": (TW, None), "tw": (TW, None),
        "在宅勤務": (TW, None), "在宅ワーク": (TW, None), "在宅": (TW, None),
        "リモートワーク": (TW, None), "リモート勤務": (TW, None), "リモート": (TW, None),
        "wfh": (TW, None), "remote": (TW, None), "remotely": (TW, None),
        "working from home": (TW, None), "work from home": (TW, None),
        "working remotely": (TW, None), "work remotely": (TW, None), "from home": (TW, None),
        "at home": (TW, None), "telework": (TW, None), "teleworking": (TW, None),
        "home office": (TW, None),
        # office
        "在庁": (OF, None), "登庁": (OF, None), "出庁": (OF, None), "出勤": (OF, None),
        "出社": (OF, None), "in the office": (OF, None), "in office": (OF, None),
        "at the office": (OF, None), "to the office": (OF, None), "into the office": (OF, None),
        "in-office": (OF, None), "office": (OF, None), "onsite": (OF, None),
        "on-site": (OF, None), "on site": (OF, None), "commute": (OF, None),
        # leave (休暇); the half-day words carry their part
        "年休": (LV, None), "年次休暇": (LV, None), "年次有給休暇": (LV, None), "休暇": (LV, None),
        "有給": (LV, None), "有休": (LV, None), "有給休暇": (LV, None), "休み": (LV, None),
        "お休み": (LV, None), "全休": (LV, "full"), "病休": (LV, None), "病気休暇": (LV, None),
        "特休": (LV, None), "特別休暇": (LV, None), "夏季休暇": (LV, None), "夏休み": (LV, None),
        "振休": (LV, None), "代休": (LV, None),
        "午前休": (LV, "am"), "午前休み": (LV, "am"), "午前半休": (LV, "am"),
        "午前年休": (LV, "am"), "午後休": (LV, "pm"), "午後休み": (LV, "pm"),
        "午後半休": (LV, "pm"), "午後年休": (LV, "pm"),
        "am休": (LV, "am"), "pm休": (LV, "pm"), "半休": (LV, HALF), "半日休暇": (LV, HALF),
        "annual leave": (LV, None), "leave": (LV, None), "on leave": (LV, None),
        "day off": (LV, None), "off": (LV, None), "pto": (LV, None), "vacation": (LV, None),
        "holiday": (LV, None), "sick leave": (LV, None), "sick day": (LV, None),
        "morning off": (LV, "am"), "am off": (LV, "am"), "afternoon off": (LV, "pm"),
        "pm off": (LV, "pm"), "half day off": (LV, HALF), "half-day off": (LV, HALF),
        "half day leave": (LV, HALF), "half-day leave": (LV, HALF),
        # business trip
        "出張": (BT, None), "business trip": (BT, None), "on a trip": (BT, None),
        "trip": (BT, None), "travelling for work": (BT, None), "traveling for work": (BT, None),
    }
)

# presence and start/end-of-work reports: word → kind
PRESENCE: Final = Lexicon[str](
    {
        "業務開始": "start", "業務を開始": "start", "始業": "start", "勤務開始": "start",
        "業務スタート": "start", "仕事を始め": "start",
        "start work": "start", "starting work": "start", "started work": "start",
        "start of work": "start", "starting now": "start", "logged on": "start",
        "logging on": "start", "clocking in": "start", "clocked in": "start",
        "業務終了": "end", "業務を終了": "end", "終業": "end", "勤務終了": "end",
        "お先に失礼": "end", "退勤": "end",
        "signing off": "end", "sign off": "end", "signed off": "end", "done for the day": "end",
        "finishing work": "end", "finished work": "end", "end of work": "end",
        "logging off": "end", "logged off": "end", "clocking out": "end", "end work": "end",
        "離席": "away", "中断": "away", "席を外": "away", "席外し": "away", "昼休憩": "away",
        "stepping away": "away", "step away": "away", "stepped away": "away", "brb": "away",
        "away from my desk": "away", "afk": "away", "be right back": "away", "away": "away",
        "戻りました": "back", "戻り": "back", "再開": "back", "復帰": "back", "帰席": "back",
        "i'm back": "back", "im back": "back", "back": "back", "resuming": "back",
        "会議中": "meeting", "会議": "meeting", "打ち合わせ中": "meeting", "打合せ中": "meeting",
        "mtg": "meeting", "in a meeting": "meeting", "in a call": "meeting",
        "on a call": "meeting", "meeting": "meeting",
    }
)
PRESENCE_STATUS: Final = {"away": Status.AWAY, "back": Status.BACK, "meeting": Status.MEETING}

# parts of the day (time ranges are in parts.py)
PARTS: Final = Lexicon[str](
    {
        "終日": "full", "一日中": "full", "丸一日": "full", "一日": "full", "1日中": "full",
        "全日": "full", "フル": "full", "all day": "full", "full day": "full",
        "whole day": "full", "the whole day": "full", "full-day": "full",
        "午前中": "am", "午前のみ": "am", "午前だけ": "am", "午前": "am", "朝": "am",
        "am": "am", "a.m.": "am", "morning": "am", "in the morning": "am", "mornings": "am",
        "午後のみ": "pm", "午後だけ": "pm", "午後から": "pm", "午後": "pm", "昼から": "pm",
        "昼以降": "pm", "pm": "pm", "p.m.": "pm", "afternoon": "pm", "in the afternoon": "pm",
        "after lunch": "pm", "afternoons": "pm",
    }
)

WEEKDAY_KEYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_JA: Final = "月火水木金土日"
WEEKDAY_EN: Final = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
MONTH_EN: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# single days relative to today: word → offset in days
RELATIVE_DAYS: Final = Lexicon[int](
    {
        "本日": 0, "今日": 0, "きょう": 0, "today": 0, "tonight": 0, "今朝": 0,
        "明日": 1, "あした": 1, "あす": 1, "翌日": 1, "tomorrow": 1, "tmrw": 1, "tmr": 1,
        "明後日": 2, "あさって": 2, "the day after tomorrow": 2, "day after tomorrow": 2,
        "昨日": -1, "きのう": -1, "yesterday": -1,
        "一昨日": -2, "おととい": -2, "the day before yesterday": -2,
    }
)

# weeks relative to this one (Monday to Sunday)
WEEKS_JA: Final = {"先々週": -2, "先週": -1, "今週": 0, "来週": 1, "再来週": 2}
WEEKS_EN: Final = {
    "the week before last": -2, "last week": -1, "this week": 0, "next week": 1,
    "the week after next": 2, "week after next": 2, "this coming week": 1,
    "the coming week": 1,
}
# "the whole week" markers after (ja) or before (en) a week word
WHOLE_WEEK_JA: Final = ("いっぱい", "一杯", "ずっと", "全部", "全日", "すべて", "全て")
WHOLE_WEEK_EN: Final = ("all of", "all", "the whole of", "the whole", "the entire", "for all of")

# 和暦 eras: name → the Gregorian year of its first year
ERAS: Final = {"令和": 2018, "r": 2018, "平成": 1988, "h": 1988}
