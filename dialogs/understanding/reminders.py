"""Phrases that steer reminders: pause (「通知を停止」, 「2週間止めて」, "pause reminders for two
weeks"), resume, and the Friday digest on or off. Read before the free-text parser, which does
not know them.
"""

from __future__ import annotations

import unicodedata

from dialogs.understanding.compiled import regex
from dialogs.understanding.interpretation import Intent, Interpretation

MAX_PAUSE_DAYS = 365
_NUMBER = r"(\d{1,3}|[一二三四五六七八九十]|one|two|three|four|five|six|a|an)"
_UNIT_JA = r"(日間|日|週間|週|か月|ヶ月|カ月|ケ月|ヵ月)"
_UNIT_EN = r"(days?|weeks?|months?)"
_NOUN_JA = r"(通知|リマインド|リマインダー|お知らせ|案内)"
_NOUN_EN = r"(reminders?|notifications?|nudges?)"
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
_PAUSE_FOR_JA = regex(
    rf"^(?:{_NOUN_JA}を?)?{_NUMBER}{_UNIT_JA}(?:ほど|くらい|ぐらい)?"
    rf"(?:{_NOUN_JA}を?)?(止めて|とめて|停止|止める|休み|オフ|ミュート)"
)
_PAUSE_FOR_EN = regex(
    rf"^(?:please )?(?:pause|stop|mute|snooze) (?:the |my )?{_NOUN_EN} for {_NUMBER} {_UNIT_EN}"
)
_PAUSE_JA = regex(rf"^{_NOUN_JA}を?(停止|止めて|とめて|止める|オフ|ミュート|不要)")
_PAUSE_EN = regex(rf"^(?:please )?(?:pause|stop|mute|turn off) (?:the |my |all )?{_NOUN_EN}")
_RESUME_JA = regex(rf"^{_NOUN_JA}を?(再開|オン|戻して)")
_RESUME_EN = regex(rf"^(?:please )?(?:resume|unpause|restart|turn on) (?:the |my )?{_NOUN_EN}")
_DIGEST_ON = regex(r"^(週次まとめ|週間まとめ|weekly digest|weekly summary)(を受け取る| on$|$)")
_DIGEST_OFF = regex(r"^(週次まとめ|週間まとめ|weekly digest|weekly summary)(を止める| off$)")


def _days(number: str, unit: str) -> int:
    count = int(number) if number.isdigit() else _WORDS[number]
    if unit.startswith(("週", "week")):
        count *= 7
    elif unit.startswith(("か", "ヶ", "カ", "ケ", "ヵ", "month")):
        count *= 30  # a month of pause: 30 days (said roughly, read roughly)
    return max(1, min(count, MAX_PAUSE_DAYS))


def reminder_phrase(written: str, lang: str = "ja") -> Interpretation | None:
    """「通知を停止」→ pause until resumed; 「2週間止めて」/"pause reminders for two weeks" →
    pause 14 days; 「通知を再開」/"resume reminders" → resume; 「週次まとめを受け取る」/"weekly
    digest on|off". None for anything else (the normal parser handles it)."""
    value = " ".join(unicodedata.normalize("NFKC", written).lower().split())
    value = value.rstrip("。.!！ ")
    compact = value.replace(" ", "")
    if m := _PAUSE_FOR_JA.match(compact):
        return Interpretation(Intent.PAUSE_REMINDERS, days=_days(m[2], m[3]), lang=lang)
    if m := _PAUSE_FOR_EN.match(value):
        return Interpretation(Intent.PAUSE_REMINDERS, days=_days(m[2], m[3]), lang=lang)
    if _PAUSE_JA.match(compact) or _PAUSE_EN.match(value):
        return Interpretation(Intent.PAUSE_REMINDERS, lang=lang)
    if _RESUME_JA.match(compact) or _RESUME_EN.match(value):
        return Interpretation(Intent.RESUME_REMINDERS, lang=lang)
    if _DIGEST_OFF.match(value):
        return Interpretation(Intent.DIGEST_OFF, lang=lang)
    if _DIGEST_ON.match(value):
        return Interpretation(Intent.DIGEST_ON, lang=lang)
    return None
