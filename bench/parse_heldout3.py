"""A third held-out set for ``bench/parse_accuracy.py``, written after sets 1 and 2 had been
used to tune the parser (so they no longer tell how well it generalises), without reading
the parser or its tests' utterance tables.

Today is 2027-03-23 (Tue), near the end of the fiscal year: 3/22 (Mon) is 春分の日's
振替休日, so this week's working days are 3/23-3/26 and 3/27-28 is the weekend; next week
3/29-4/2 runs across the fiscal-year change (3/31 Wed is the last day of 令和8年度, 4/1 Thu
the first of the next); the week after is 4/5-4/9. Same row format as ``parse_heldout.py``.

Measured once on main at 96c847e before any change (parser untouched; set as committed in
995b012), ``.venv/bin/python -m bench.parse_accuracy --set 3``: 148/161 = 91.9%.
"""

from __future__ import annotations

from typing import Any

TODAY = "2027-03-23"
TW, OF, LV, BT = "telework", "office", "leave", "business_trip"
DECLARE_OR_REQUEST = ("declare", "request_approval")
NEXT_WEEK = ("03-29", "03-30", "03-31", "04-01", "04-02")


def _days(status: str, *days: str, part: str = "full") -> list[tuple[str, str, str]]:
    return [(d, part, status) for d in days]


def _split(day: str, am: str, pm: str) -> list[tuple[str, str, str]]:
    return [(day, "am", am), (day, "pm", pm)]


def _both(day: str, am: str, pm: str) -> dict[str, Any]:
    return {"intent": "declare", "entries": _split(day, am, pm)}


def _d(status: str, *days: str, part: str = "full") -> dict[str, Any]:
    return {"intent": "declare", "entries": _days(status, *days, part=part)}


def _req(status: str, *days: str, part: str = "full") -> dict[str, Any]:
    return {"intent": DECLARE_OR_REQUEST, "entries": _days(status, *days, part=part)}


def _move(new: list[tuple[str, str, str]], old_day: str, old_status: str) -> dict[str, Any]:
    return {"intent": "change", "entries": new, "replaces": [(old_day, None, old_status)]}


def _cancel(status: str, day: str) -> dict[str, Any]:
    return {"intent": "cancel", "entries": _days(status, day)}


def _away(status: str) -> dict[str, Any]:
    return {"intent": "presence", "entries": _days(status, "03-23")}


HELDOUT3: list[tuple[str, str, dict[str, Any]]] = [
    # -- declarations -------------------------------------------------------------------------
    ("declare", "明日はテレワークします", _d(TW, "03-24")),
    ("declare", "3/25(木) 在宅勤務", _d(TW, "03-25")),
    ("declare", "金曜日は出社します", _d(OF, "03-26")),
    ("declare", "来週火曜日テレワーク予定です", _d(TW, "03-30")),
    ("declare", "年度末の3/31は出勤します", _d(OF, "03-31")),
    ("declare", "4月1日は出社（辞令交付のため）", _d(OF, "04-01")),
    ("declare", "4/2 テレワークでお願いします", _req(TW, "04-02")),
    ("declare", "本日は在宅勤務です", _d(TW, "03-23")),
    ("declare", "明後日、年休取ります", _d(LV, "03-25")),
    ("declare", "来週水曜日は出張です（福岡）", _d(BT, "03-31")),
    ("declare", "再来週の月曜テレワークします", _d(TW, "04-05")),
    ("declare", "I'll be WFH tomorrow", _d(TW, "03-24")),
    ("declare", "Working remotely on Friday", _d(TW, "03-26")),
    ("declare", "I'm taking annual leave next Monday", _d(LV, "03-29")),
    ("declare", "Business trip to Osaka on Thursday", _d(BT, "03-25")),
    ("declare", "In the office on March 31", _d(OF, "03-31")),
    ("declare", "remote on 4/1", _d(TW, "04-01")),
    ("declare", "明日在宅で仕事します、よろしくお願いします", _req(TW, "03-24")),
    ("declare", "毎週木曜日をテレワーク日にしたいです", {"intent": "declare_recurring"}),
    ("declare", "4月から毎週月曜と金曜は在宅勤務にします", {"intent": "declare_recurring"}),
    ("declare", "Every Tuesday WFH from April", {"intent": "declare_recurring"}),
    ("declare", "テレワークします", {"question": "which_day"}),
    ("declare", "明日お願いします", {"question": "which_status"}),
    ("declare", "明日半休取ります", {"question": "which_half"}),
    ("declare", "I want to book a WFH day", {"question": "which_day"}),
    # -- half days ----------------------------------------------------------------------------
    ("half", "明日は午前のみテレワーク", _d(TW, "03-24", part="am")),
    ("half", "金曜午後のみ在宅勤務します", _d(TW, "03-26", part="pm")),
    (
        "half",
        "明後日は午前休・午後テレワークでお願いします",
        {"intent": DECLARE_OR_REQUEST, "entries": _split("03-25", LV, TW)},
    ),
    ("half", "明日午前在宅、午後から出社します", _both("03-24", TW, OF)),
    ("half", "来週月曜は午前中出社して午後は在宅", _both("03-29", OF, TW)),
    ("half", "3/30 午後休", _d(LV, "03-30", part="pm")),
    (
        "half",
        "本日午後から在宅に切り替えます",
        {"intent": ("declare", "change"), "entries": _days(TW, "03-23", part="pm")},
    ),
    ("half", "明日は午前年休、午後テレワーク", _both("03-24", LV, TW)),
    ("half", "AM off tomorrow, WFH in the afternoon", _both("03-24", LV, TW)),
    ("half", "WFH Friday morning only", _d(TW, "03-26", part="am")),
    ("half", "half day WFH on Thursday afternoon", _d(TW, "03-25", part="pm")),
    ("half", "明日の午後だけテレワークします", _d(TW, "03-24", part="pm")),
    ("half", "4/1は午前出張、午後は出勤", _both("04-01", BT, OF)),
    ("half", "Out on leave Wednesday morning", _d(LV, "03-24", part="am")),
    (
        "half",
        "金曜日の午前はテレワーク、午後は病院のため休暇",
        _both("03-26", TW, LV),
    ),
    # -- durations, spans, side clauses -------------------------------------------------------
    ("span", "明日から3日間テレワーク", _d(TW, "03-24", "03-25", "03-26")),
    ("span", "来週はずっと在宅です", _d(TW, *NEXT_WEEK)),
    ("span", "来週いっぱい出張になります", _d(BT, *NEXT_WEEK)),
    ("span", "3/29〜3/31 テレワーク", _d(TW, "03-29", "03-30", "03-31")),
    ("span", "29日から31日まで年休", _d(LV, "03-29", "03-30", "03-31")),
    ("span", "明日と明後日は在宅", _d(TW, "03-24", "03-25")),
    ("span", "来週の月曜と水曜と金曜はテレワーク", _d(TW, "03-29", "03-31", "04-02")),
    ("span", "来週の火や木は出社します", _d(OF, "03-30", "04-01")),
    ("span", "明日から金曜まで在宅", _d(TW, "03-24", "03-25", "03-26")),
    ("span", "4/1から4/2まで出張", _d(BT, "04-01", "04-02")),
    ("span", "WFH for the next 3 days", _d(TW, "03-23", "03-24", "03-25")),
    ("span", "WFH Mar 29-31", _d(TW, "03-29", "03-30", "03-31")),
    ("span", "Remote from the 30th to the 1st", _d(TW, "03-30", "03-31", "04-01")),
    ("span", "on leave the 29th to the 31st", _d(LV, "03-29", "03-30", "03-31")),
    ("span", "WFH Monday to Wednesday next week", _d(TW, "03-29", "03-30", "03-31")),
    ("span", "Out on a business trip all next week", _d(BT, *NEXT_WEEK)),
    ("span", "Working from home tomorrow and Thursday", _d(TW, "03-24", "03-25")),
    ("span", "明日は10時から課内会議があるので出社します", _d(OF, "03-24")),
    ("span", "金曜は引継ぎ資料の作成があるため在宅にします", _d(TW, "03-26")),
    (
        "span",
        "来週火曜は内示があるかもしれないので出勤、水曜はテレワーク",
        {"intent": "declare", "entries": [("03-30", "full", OF), ("03-31", "full", TW)]},
    ),
    ("span", "WFH on Friday, I have a dentist appointment at 5", _d(TW, "03-26")),
    ("span", "明日から2日間、在宅勤務とさせていただきます", _req(TW, "03-24", "03-25")),
    (
        "span",
        "来週の水・木は在宅、金は出社",
        {
            "intent": "declare",
            "entries": [("03-31", "full", TW), ("04-01", "full", TW), ("04-02", "full", OF)],
        },
    ),
    ("span", "3月29日～4月2日 テレワーク", _d(TW, *NEXT_WEEK)),
    ("span", "来週から3日間出張", _d(BT, "03-29", "03-30", "03-31")),
    # -- words for telework and office --------------------------------------------------------
    ("vocabulary", "明日はサテライトオフィス勤務です", _d(TW, "03-24")),
    ("vocabulary", "金曜はモバイルワークで外出先から対応します", _d(TW, "03-26")),
    ("vocabulary", "来週月曜、チーム型テレワークで参加します", _d(TW, "03-29")),
    ("vocabulary", "明日は在宅型テレワーク", _d(TW, "03-24")),
    ("vocabulary", "明後日はモバイル型で", _d(TW, "03-25")),
    ("vocabulary", "明日は庁舎で勤務します", _d(OF, "03-24")),
    ("vocabulary", "金曜日は登庁します", _d(OF, "03-26")),
    ("vocabulary", "明日は在庁しています", _d(OF, "03-24")),
    ("vocabulary", "来週月曜は本庁に出勤", _d(OF, "03-29")),
    ("vocabulary", "明日は自宅から勤務します", _d(TW, "03-24")),
    ("vocabulary", "明日はリモート勤務", _d(TW, "03-24")),
    ("vocabulary", "明日サテライト型で勤務予定", _d(TW, "03-24")),
    (
        "vocabulary",
        "I'll be working from the satellite office on Thursday",
        _d(TW, "03-25"),
    ),
    ("vocabulary", "Mobile work tomorrow", _d(TW, "03-24")),
    ("vocabulary", "Tomorrow I'll be onsite", _d(OF, "03-24")),
    ("vocabulary", "telecommuting on Friday", _d(TW, "03-26")),
    # -- changes ------------------------------------------------------------------------------
    ("change", "3/24のテレワークを3/25に変更", _move(_days(TW, "03-25"), "03-24", TW)),
    ("change", "金曜じゃなくて木曜にテレワーク", _move(_days(TW, "03-25"), "03-26", TW)),
    ("change", "明日の出社を在宅に変更したいです", _move(_days(TW, "03-24"), "03-24", OF)),
    (
        "change",
        "来週月曜のテレワーク、火曜に振り替えます",
        _move(_days(TW, "03-30"), "03-29", TW),
    ),
    (
        "change",
        "明後日は在宅の予定でしたが、急遽出勤になりました",
        _move(_days(OF, "03-25"), "03-25", TW),
    ),
    (
        "change",
        "3/31のテレワークを出社に変更してください",
        _move(_days(OF, "03-31"), "03-31", TW),
    ),
    ("change", "Move my WFH day from Wednesday to Friday", _move(_days(TW, "03-26"), "03-24", TW)),
    ("change", "change Friday from WFH to office", _move(_days(OF, "03-26"), "03-26", TW)),
    (
        "change",
        "can I switch tomorrow to remote instead of office",
        _move(_days(TW, "03-24"), "03-24", OF),
    ),
    (
        "change",
        "明日のテレワーク、午後だけに変更します",
        _move(_days(TW, "03-24", part="pm"), "03-24", TW),
    ),
    ("change", "4/1の出張が4/2に変わりました", _move(_days(BT, "04-02"), "04-01", BT)),
    # -- cancelling ---------------------------------------------------------------------------
    ("cancel", "明日のテレワーク取り消します", _cancel(TW, "03-24")),
    ("cancel", "金曜の在宅勤務はキャンセルでお願いします", _cancel(TW, "03-26")),
    ("cancel", "3/30の年休やめます", _cancel(LV, "03-30")),
    ("cancel", "来週水曜の出張、中止になりました", _cancel(BT, "03-31")),
    ("cancel", "cancel my WFH tomorrow", _cancel(TW, "03-24")),
    ("cancel", "Please delete Thursday's remote day", _cancel(TW, "03-25")),
    ("cancel", "明後日のテレワークはなしでお願いします", _cancel(TW, "03-25")),
    ("cancel", "毎週木曜のテレワーク登録を解除したい", {"intent": "cancel_recurring"}),
    ("cancel", "I no longer need leave on the 29th", _cancel(LV, "03-29")),
    # -- presence and stated times ------------------------------------------------------------
    ("presence", "8時30分から業務開始しています", {"intent": "report_start", "at": "08:30"}),
    ("presence", "9時に業務開始しました", {"intent": "report_start", "at": "09:00"}),
    ("presence", "業務開始します！", {"intent": "report_start"}),
    (
        "presence",
        "おはようございます。本日テレワーク、業務開始します",
        {"intent": "report_start"},
    ),
    ("presence", "17時15分に業務終了しました", {"intent": "report_end", "at": "17:15"}),
    ("presence", "本日の業務を終了します。お疲れさまでした", {"intent": "report_end"}),
    (
        "presence",
        "開始時刻を9:00に修正",
        {"intent": "report_start", "at": "09:00", "correction": True},
    ),
    (
        "presence",
        "終了時間を17:45に直してください",
        {"intent": "report_end", "at": "17:45", "correction": True},
    ),
    ("presence", "ちょっと離席します", _away("away")),
    ("presence", "離席します、14時頃戻ります", _away("away")),
    ("presence", "戻りました", _away("back")),
    ("presence", "会議のため30分ほど外します", {"intent": "presence"}),
    ("presence", "starting work at 8:45", {"intent": "report_start", "at": "08:45"}),
    ("presence", "Signing off for the day", {"intent": "report_end"}),
    ("presence", "finished at 5:15pm", {"intent": "report_end", "at": "17:15"}),
    (
        "presence",
        "correct my end time to 18:00 please",
        {"intent": "report_end", "at": "18:00", "correction": True},
    ),
    ("presence", "brb", _away("away")),
    ("presence", "I'm back", _away("back")),
    ("presence", "在宅ですが業務開始しました（8:50）", {"intent": "report_start", "at": "08:50"}),
    # -- questions ----------------------------------------------------------------------------
    (
        "question",
        "明日テレワークの人は誰ですか",
        {"intent": "query_who", "period": "tomorrow", "status": TW},
    ),
    (
        "question",
        "今日出社している人を教えて",
        {"intent": "query_who", "period": "today", "status": OF},
    ),
    (
        "question",
        "今週在宅の人いる？",
        {"intent": "query_who", "period": "this_week", "status": TW},
    ),
    ("question", "年度内にあと何日テレワークすればいいですか", {"intent": "query_progress"}),
    ("question", "今年度のテレワーク実施回数は？", {"intent": "query_progress"}),
    ("question", "目標まであと何回？", {"intent": "query_progress"}),
    ("question", "私の来週の予定どうなってる？", {"intent": "query_self"}),
    ("question", "明日は在宅で登録されてますか？", {"intent": "query_self"}),
    (
        "question",
        "鈴木さんは今日テレワークですか",
        {"intent": "query_person", "person": "鈴木", "period": "today"},
    ),
    (
        "question",
        "伊藤係長、明日出勤？",
        {"intent": "query_person", "person": "伊藤", "period": "tomorrow"},
    ),
    ("question", "課のテレワーク実施率教えてください", {"intent": "query_stats"}),
    ("question", "今月の課内のテレワーク率は何％ですか", {"intent": "query_stats"}),
    ("question", "金曜日に出社する人何人？", {"intent": "query_who", "status": OF}),
    ("question", "今日休んでる人は？", {"intent": "query_who", "period": "today", "status": LV}),
    (
        "question",
        "明日の出社予定者を見せて",
        {"intent": "query_who", "period": "tomorrow", "status": OF},
    ),
    ("question", "テレワークの残り日数を確認したい", {"intent": "query_progress"}),
    (
        "question",
        "今週の自分のテレワーク状況を見たい",
        {"intent": ("query_self", "query_progress")},
    ),
    (
        "question",
        "Who's working from home today?",
        {"intent": "query_who", "period": "today", "status": TW},
    ),
    (
        "question",
        "who is in the office tomorrow",
        {"intent": "query_who", "period": "tomorrow", "status": OF},
    ),
    (
        "question",
        "How many telework days have I done this fiscal year?",
        {"intent": "query_progress"},
    ),
    ("question", "Am I WFH on Friday?", {"intent": "query_self"}),
    (
        "question",
        "Is Tanaka in the office today?",
        {"intent": "query_person", "person": "Tanaka", "period": "today"},
    ),
    ("question", "what's our section's telework rate this month", {"intent": "query_stats"}),
    (
        "question",
        "How many days do I have left to reach the target?",
        {"intent": "query_progress"},
    ),
    ("question", "show me my schedule for next week", {"intent": "query_self"}),
    # -- as typed in Teams --------------------------------------------------------------------
    ("typing", "あしたてれわーくです", _d(TW, "03-24")),
    ("typing", "明日ﾃﾚﾜｰｸでお願いしまーす", _req(TW, "03-24")),
    ("typing", "３／２５（木）在宅", _d(TW, "03-25")),
    ("typing", "明日ざいたく", _d(TW, "03-24")),
    ("typing", "明日在宅勤務させて頂きたく、よろしくお願い申し上げます", _req(TW, "03-24")),
    (
        "typing",
        "お疲れ様です、明日なんですがテレワークにさせてください、会議はTeamsで参加します",
        _req(TW, "03-24"),
    ),
    (
        "typing",
        "明日TWで明後日は出社で金曜はまたTWです",
        {
            "intent": "declare",
            "entries": [("03-24", "full", TW), ("03-25", "full", OF), ("03-26", "full", TW)],
        },
    ),
    ("typing", "wfh tmr", _d(TW, "03-24")),
    ("typing", "WFH on Firday", _d(TW, "03-26")),
    ("typing", "workign from home tomorow", _d(TW, "03-24")),
    ("typing", "Tmrw remote, thx", _d(TW, "03-24")),
    ("typing", "明日　テレワーク　します", _d(TW, "03-24")),
    ("typing", "明日リモでーす", _d(TW, "03-24")),
    ("typing", "明日在宅ﾃﾞｽ", _d(TW, "03-24")),
    ("typing", "3月２６日テレワーク", _d(TW, "03-26")),
    (
        "typing",
        "明日テレワーク（午前は家族の通院付き添いのため遅めに開始します）",
        _d(TW, "03-24"),
    ),
]
