"""The questions the parser asks, in Japanese (polite です/ます) and English.

Kept here, next to the codes that select them, so the parse output is self-contained; the
bot may render its own text from ``Interpretation.question_code`` instead.
"""

from __future__ import annotations

from datetime import date

from dialogs.understanding.vocabulary import WEEKDAY_JA

_EN_WD = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EN_WD_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

TEXTS: dict[str, tuple[str, str]] = {
    "which_day": (
        "いつですか？（例: 明日、12/3(木)、来週の月・水）",
        "Which day? (e.g. tomorrow, 12/3, Mon and Wed next week)",
    ),
    "which_days": (
        "{week}のどの日ですか？（例: {week}の月・水、{week}いっぱい）",
        "Which days {week}? (e.g. Mon and Wed {week}, all of {week})",
    ),
    "which_days_month": (
        "{month}のどの日ですか？（例: 8日と10日、{month}いっぱい）",
        "Which days in {month}? (e.g. the 8th and 10th, all of {month})",
    ),
    "which_status": (
        "どの勤務形態ですか？（テレワーク・出社・休暇・出張）",
        "Telework, office, leave or business trip?",
    ),
    "which_part": (
        "午前と午後、それぞれどの勤務形態ですか？（例: 午前テレワーク・午後出社）",
        "Which applies in the morning and which in the afternoon? "
        "(e.g. WFH in the morning, office after lunch)",
    ),
    "which_half": ("午前と午後のどちらですか？", "Morning or afternoon?"),
    "which_weekday": ("何曜日ですか？（例: 毎週水曜）", "Which weekday? (e.g. every Wednesday)"),
    "which_weekday_end": (
        "どの曜日の繰り返しを終了しますか？（例: 水曜、全部）",
        "Which weekday's pattern should end? (e.g. Wednesday, all of them)",
    ),
    "fortnightly": (
        "隔週の登録には対応していません。日付を指定してください。",
        "Fortnightly patterns are not supported. Please give the dates.",
    ),
    "weekday_mismatch": (
        "{md_plain}は{actual}曜日です（{written}曜日ではありません）。日付と曜日をご確認ください。",
        "{md_plain} is a {actual_en}, not a {written_en}. Which date do you mean?",
    ),
    "past_date": (
        "{md}は遡って登録できる期間（{window}勤務日）を過ぎています。日付をご確認ください。",
        "{md} is more than {window} working days ago. Please check the date.",
    ),
    "invalid_date": (
        "「{written}」という日付はありません。日付をご確認ください。",
        'There is no such date as "{written}". Please check the date.',
    ),
    "invalid_range": (
        "期間の終わりが始まりより前です。期間をご確認ください。",
        "The end of the period is before its start. Please check the dates.",
    ),
    "range_too_long": (
        "期間が長すぎます（3か月まで）。期間をご確認ください。",
        "That period is too long (3 months at most). Please check the dates.",
    ),
    "no_working_days": (
        "その期間に勤務日がありません。日付をご確認ください。",
        "There are no working days in that period. Please check the dates.",
    ),
    "ambiguous_number": (
        "「{number}」は日付ですか、時刻ですか？（例: {number}日、{number}時）",
        'Does "{number}" mean a date or a time? (e.g. the {number}th, {number}pm)',
    ),
    "time_end_only": (
        "何時からですか？（例: 13時から15時まで）",
        "From what time? (e.g. 1pm to 3pm)",
    ),
    "time_unclear": ("{time}からですか、{time}までですか？", "From {time} or until {time}?"),
    "time_order": (
        "終わりの時刻が始まりより前です。時刻をご確認ください。",
        "The end time is before the start time. Please check the times.",
    ),
    "too_long": (
        "メッセージが長すぎます。短くしてお送りください。",
        "That message is too long. Please send a shorter one.",
    ),
}


def md_label(day: date, lang: str) -> str:
    """A date as chat shows it: 10/6(火) or 10/6 (Tue)."""
    if lang == "ja":
        return f"{day.month}/{day.day}({WEEKDAY_JA[day.weekday()]})"
    return f"{day.month}/{day.day} ({_EN_WD[day.weekday()]})"


def render(code: str, lang: str, args: dict[str, str]) -> str:
    """The question ``code`` in ``lang`` ("ja" or anything else for English)."""
    ja, en = TEXTS[code]
    values = dict(args)
    if "day" in values:
        day = date.fromisoformat(values["day"])
        values["md"] = md_label(day, lang)
        values["md_plain"] = f"{day.month}/{day.day}"
        values["actual"] = WEEKDAY_JA[day.weekday()]
        values["actual_en"] = _EN_WD_LONG[day.weekday()]
    if "written_wd" in values:
        wd = int(values["written_wd"])
        values["written"], values["written_en"] = WEEKDAY_JA[wd], _EN_WD_LONG[wd]
    if "month" in values:
        number = int(values["month"])
        values["month"] = f"{number}月" if lang == "ja" else _EN_MONTHS[number - 1]
    if "week" in values:
        offset = int(values["week"])
        names = {
            -2: ("先々週", "the week before last"),
            -1: ("先週", "last week"),
            0: ("今週", "this week"),
            1: ("来週", "next week"),
            2: ("再来週", "the week after next"),
        }
        values["week"] = names.get(offset, names[1])[0 if lang == "ja" else 1]
    return (ja if lang == "ja" else en).format(**values)
