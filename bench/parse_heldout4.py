"""A fourth held-out set for ``bench/parse_accuracy.py``, written together with set 3 after
sets 1 and 2 had been used to tune the parser, without reading the parser or its tests'
utterance tables.

Today is 2027-11-01 (Mon), in a week with a public holiday: 11/3 (Wed) is 文化の日, so this
week's working days are 11/1, 11/2, 11/4 and 11/5; next week is 11/8-11/12, the week after
11/15-11/19, and 11/23 (Tue) is 勤労感謝の日. Spans skip the holidays, as in set 2. Same row
format as ``parse_heldout.py``.

Measured once on main at 96c847e before any change (parser untouched; set as committed in
995b012), ``.venv/bin/python -m bench.parse_accuracy --set 4``: 152/165 = 92.1%.
"""

from __future__ import annotations

from typing import Any

TODAY = "2027-11-01"
TW, OF, LV, BT = "telework", "office", "leave", "business_trip"
DECLARE_OR_REQUEST = ("declare", "request_approval")
NEXT_WEEK = ("11-08", "11-09", "11-10", "11-11", "11-12")


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
    return {"intent": "presence", "entries": _days(status, "11-01")}


HELDOUT4: list[tuple[str, str, dict[str, Any]]] = [
    # -- declarations -------------------------------------------------------------------------
    ("declare", "明日は終日テレワークの予定", _d(TW, "11-02")),
    ("declare", "今日は在宅です", _d(TW, "11-01")),
    ("declare", "木曜日は出勤します", _d(OF, "11-04")),
    ("declare", "11/5(金)テレワーク", _d(TW, "11-05")),
    ("declare", "来週月曜日は在宅勤務します", _d(TW, "11-08")),
    ("declare", "11月10日 出張（名古屋）", _d(BT, "11-10")),
    ("declare", "来週金曜は年休をいただく予定です", _req(LV, "11-12")),
    ("declare", "再来週の水曜テレワーク", _d(TW, "11-17")),
    ("declare", "11/24は出社です", _d(OF, "11-24")),
    ("declare", "祝日明けの木曜は出社します", _d(OF, "11-04")),
    ("declare", "I'm WFH tomorrow", _d(TW, "11-02")),
    ("declare", "remote on Thursday", _d(TW, "11-04")),
    ("declare", "I'll be in the office on Friday", _d(OF, "11-05")),
    ("declare", "on annual leave next Tuesday", _d(LV, "11-09")),
    ("declare", "business trip on the 10th", _d(BT, "11-10")),
    ("declare", "WFH 11/16", _d(TW, "11-16")),
    ("declare", "Working from home this Friday", _d(TW, "11-05")),
    ("declare", "毎週火曜日はテレワークにしたい", {"intent": "declare_recurring"}),
    ("declare", "来月から毎週水・金で在宅勤務お願いします", {"intent": "declare_recurring"}),
    ("declare", "WFH every Thursday going forward", {"intent": "declare_recurring"}),
    ("declare", "在宅勤務を申請したいです", {"question": "which_day"}),
    ("declare", "来週の水曜、お願いできますか", {"question": "which_status"}),
    ("declare", "明日は半休です", {"question": "which_half"}),
    ("declare", "Taking a half day tomorrow", {"question": "which_half"}),
    ("declare", "I'd like to work from home one day next week", {"question": "which_day"}),
    # -- half days ----------------------------------------------------------------------------
    ("half", "明日午前のみ在宅", _d(TW, "11-02", part="am")),
    ("half", "木曜午後のみテレワークします", _d(TW, "11-04", part="pm")),
    (
        "half",
        "金曜は午前休・午後テレワークで",
        _both("11-05", LV, TW),
    ),
    ("half", "明日は午前テレワーク、午後出社", _both("11-02", TW, OF)),
    ("half", "来週月曜午後休", _d(LV, "11-08", part="pm")),
    (
        "half",
        "今日は午後から在宅です",
        {"intent": ("declare", "change"), "entries": _days(TW, "11-01", part="pm")},
    ),
    ("half", "11/9 AM出社 PM在宅", _both("11-09", OF, TW)),
    ("half", "木曜の午前中は健診なので休暇、午後からテレワーク", _both("11-04", LV, TW)),
    ("half", "WFH tomorrow afternoon", _d(TW, "11-02", part="pm")),
    ("half", "morning off on Friday, working from home after lunch", _both("11-05", LV, TW)),
    ("half", "in the office Thursday morning only", _d(OF, "11-04", part="am")),
    ("half", "Leave in the afternoon next Wednesday", _d(LV, "11-10", part="pm")),
    ("half", "明日の午前だけ出張、午後は在宅", _both("11-02", BT, TW)),
    ("half", "金曜午前出社、午後年休", _both("11-05", OF, LV)),
    ("half", "half-day remote Tuesday morning next week", _d(TW, "11-09", part="am")),
    # -- durations, spans, side clauses -------------------------------------------------------
    ("span", "明日から3日間テレワーク", _d(TW, "11-02", "11-04", "11-05")),
    ("span", "今週はずっと在宅", _d(TW, "11-01", "11-02", "11-04", "11-05")),
    ("span", "来週はずっと出社です", _d(OF, *NEXT_WEEK)),
    ("span", "来週いっぱい在宅勤務", _d(TW, *NEXT_WEEK)),
    ("span", "11/8〜11/10 出張", _d(BT, "11-08", "11-09", "11-10")),
    ("span", "8日から12日まで年休", _d(LV, *NEXT_WEEK)),
    ("span", "明日と木曜はテレワーク", _d(TW, "11-02", "11-04")),
    ("span", "来週の月・火・木はテレワーク", _d(TW, "11-08", "11-09", "11-11")),
    ("span", "来週の火曜と木曜は出社", _d(OF, "11-09", "11-11")),
    ("span", "来週月曜や水曜は在宅予定", _d(TW, "11-08", "11-10")),
    ("span", "再来週の月曜から水曜まで出張", _d(BT, "11-15", "11-16", "11-17")),
    ("span", "明日から金曜までテレワーク", _d(TW, "11-02", "11-04", "11-05")),
    ("span", "来週から2日間在宅", _d(TW, "11-08", "11-09")),
    ("span", "11月22日から24日までテレワーク", _d(TW, "11-22", "11-24")),
    ("span", "来週の月曜から3日間テレワークします", _d(TW, "11-08", "11-09", "11-10")),
    ("span", "Working from home for the next 2 days", _d(TW, "11-01", "11-02")),
    ("span", "WFH Nov 8-10", _d(TW, "11-08", "11-09", "11-10")),
    ("span", "on leave from the 15th to the 17th", _d(LV, "11-15", "11-16", "11-17")),
    ("span", "remote Monday through Wednesday next week", _d(TW, "11-08", "11-09", "11-10")),
    ("span", "I'll be on a business trip all next week", _d(BT, *NEXT_WEEK)),
    ("span", "WFH tomorrow and Friday", _d(TW, "11-02", "11-05")),
    ("span", "Office Tuesday and Thursday next week", _d(OF, "11-09", "11-11")),
    ("span", "WFH from tomorrow for 3 days", _d(TW, "11-02", "11-04", "11-05")),
    ("span", "明日は14時から部内打合せがありますが在宅で参加します", _d(TW, "11-02")),
    ("span", "木曜日は窓口当番なので出勤します", _d(OF, "11-04")),
    ("span", "金曜は子どもの学校行事があるので午後休にします", _d(LV, "11-05", part="pm")),
    ("span", "WFH Friday - will join the 10am meeting on Teams", _d(TW, "11-05")),
    (
        "span",
        "In the office tomorrow because of the audit, then remote Thursday and Friday",
        {
            "intent": "declare",
            "entries": [("11-02", "full", OF), ("11-04", "full", TW), ("11-05", "full", TW)],
        },
    ),
    # -- words for telework and office --------------------------------------------------------
    ("vocabulary", "明日はサテライトオフィスで勤務します", _d(TW, "11-02")),
    ("vocabulary", "木曜日モバイルワーク", _d(TW, "11-04")),
    ("vocabulary", "金曜日はチーム型テレワークの日です", _d(TW, "11-05")),
    ("vocabulary", "来週火曜は在宅型で勤務予定", _d(TW, "11-09")),
    ("vocabulary", "明日は自宅勤務です", _d(TW, "11-02")),
    ("vocabulary", "明日は登庁します", _d(OF, "11-02")),
    ("vocabulary", "木曜は在庁予定", _d(OF, "11-04")),
    ("vocabulary", "金曜日は庁舎に出勤します", _d(OF, "11-05")),
    ("vocabulary", "明日は職場に出ます", _d(OF, "11-02")),
    ("vocabulary", "明日はオフィス出社です", _d(OF, "11-02")),
    ("vocabulary", "来週月曜はサテライト型テレワーク", _d(TW, "11-08")),
    ("vocabulary", "明日はリモートで勤務", _d(TW, "11-02")),
    ("vocabulary", "teleworking tomorrow", _d(TW, "11-02")),
    ("vocabulary", "home office on Friday", _d(TW, "11-05")),
    ("vocabulary", "working onsite Thursday", _d(OF, "11-04")),
    ("vocabulary", "I'll be at the office tomorrow", _d(OF, "11-02")),
    ("vocabulary", "Mobile working on Thursday", _d(TW, "11-04")),
    # -- changes ------------------------------------------------------------------------------
    ("change", "11/2のテレワークを11/4に変更", _move(_days(TW, "11-04"), "11-02", TW)),
    ("change", "木曜じゃなくて金曜にテレワークします", _move(_days(TW, "11-05"), "11-04", TW)),
    (
        "change",
        "明日の出社を在宅勤務に変更お願いします",
        {
            "intent": ("change", "request_approval"),
            "entries": _days(TW, "11-02"),
            "replaces": [("11-02", None, OF)],
        },
    ),
    (
        "change",
        "金曜は在宅の予定でしたが出社に変更します",
        _move(_days(OF, "11-05"), "11-05", TW),
    ),
    (
        "change",
        "来週火曜のテレワークを水曜に移したい",
        _move(_days(TW, "11-10"), "11-09", TW),
    ),
    ("change", "11/8の年休を11/12に変更します", _move(_days(LV, "11-12"), "11-08", LV)),
    (
        "change",
        "明日テレワークだったけど、やっぱり出社します",
        _move(_days(OF, "11-02"), "11-02", TW),
    ),
    ("change", "Change my WFH from Tuesday to Thursday", _move(_days(TW, "11-04"), "11-02", TW)),
    ("change", "switch Friday to office instead of remote", _move(_days(OF, "11-05"), "11-05", TW)),
    (
        "change",
        "move my remote day next week from Monday to Friday",
        _move(_days(TW, "11-12"), "11-08", TW),
    ),
    (
        "change",
        "I'm no longer WFH tomorrow, coming into the office",
        _move(_days(OF, "11-02"), "11-02", TW),
    ),
    # -- cancelling ---------------------------------------------------------------------------
    ("cancel", "明日のテレワーク、キャンセルします", _cancel(TW, "11-02")),
    ("cancel", "木曜の在宅勤務を取り消してください", _cancel(TW, "11-04")),
    ("cancel", "11/10の出張が中止になりました", _cancel(BT, "11-10")),
    ("cancel", "来週月曜の年休を取り消します", _cancel(LV, "11-08")),
    ("cancel", "金曜のテレワークやめます", _cancel(TW, "11-05")),
    ("cancel", "cancel my remote day on Thursday", _cancel(TW, "11-04")),
    ("cancel", "Not taking leave on Friday anymore", _cancel(LV, "11-05")),
    ("cancel", "毎週火曜の在宅設定を解除", {"intent": "cancel_recurring"}),
    ("cancel", "scrap my WFH tomorrow please", _cancel(TW, "11-02")),
    ("cancel", "stop my weekly Thursday WFH", {"intent": "cancel_recurring"}),
    # -- presence and stated times ------------------------------------------------------------
    ("presence", "8:40に業務開始しました", {"intent": "report_start", "at": "08:40"}),
    ("presence", "9時から業務開始", {"intent": "report_start", "at": "09:00"}),
    ("presence", "業務を開始いたします", {"intent": "report_start"}),
    ("presence", "本日の業務終了します", {"intent": "report_end"}),
    ("presence", "17時半で業務終了しました", {"intent": "report_end", "at": "17:30"}),
    (
        "presence",
        "始業時刻を8時45分に訂正します",
        {"intent": "report_start", "at": "08:45", "correction": True},
    ),
    (
        "presence",
        "終業を18:15に修正してください",
        {"intent": "report_end", "at": "18:15", "correction": True},
    ),
    ("presence", "離席します", _away("away")),
    ("presence", "昼休みに入ります", _away("away")),
    ("presence", "ただいま戻りました。", _away("back")),
    ("presence", "会議に参加します", _away("meeting")),
    ("presence", "少し外出します、15時に戻ります", {"intent": "presence"}),
    ("presence", "Starting my day now", {"intent": "report_start"}),
    ("presence", "started work at 9:10", {"intent": "report_start", "at": "09:10"}),
    ("presence", "done for today", {"intent": "report_end"}),
    ("presence", "Signed off at 17:45", {"intent": "report_end", "at": "17:45"}),
    (
        "presence",
        "fix my start time to 8:30",
        {"intent": "report_start", "at": "08:30", "correction": True},
    ),
    ("presence", "stepping away for 10 min", _away("away")),
    ("presence", "back at my desk", _away("back")),
    # -- questions ----------------------------------------------------------------------------
    (
        "question",
        "明日在宅の人を教えて",
        {"intent": "query_who", "period": "tomorrow", "status": TW},
    ),
    (
        "question",
        "今日は誰が出社していますか",
        {"intent": "query_who", "period": "today", "status": OF},
    ),
    (
        "question",
        "今週テレワークしている人は？",
        {"intent": "query_who", "period": "this_week", "status": TW},
    ),
    ("question", "今日年休の人いる？", {"intent": "query_who", "period": "today", "status": LV}),
    ("question", "木曜日に出勤する人は何人ですか", {"intent": "query_who", "status": OF}),
    ("question", "今年度のテレワーク、あと何回必要ですか", {"intent": "query_progress"}),
    ("question", "今月何回テレワークしたっけ", {"intent": "query_progress"}),
    ("question", "テレワークの目標、達成してる？", {"intent": "query_progress"}),
    ("question", "私の明日の勤務予定は？", {"intent": "query_self"}),
    ("question", "金曜ってテレワークで登録してたっけ？", {"intent": "query_self"}),
    ("question", "今週の自分の予定を見せてください", {"intent": "query_self"}),
    (
        "question",
        "中村さんは明日在宅ですか",
        {"intent": "query_person", "person": "中村", "period": "tomorrow"},
    ),
    (
        "question",
        "小林主査って今日出社してる？",
        {"intent": "query_person", "person": "小林", "period": "today"},
    ),
    ("question", "課全体のテレワーク実施率は？", {"intent": "query_stats"}),
    ("question", "先月の部署のテレワーク率を教えて", {"intent": "query_stats"}),
    (
        "question",
        "今週、課で在宅の人は何人いますか",
        {"intent": ("query_who", "query_stats")},
    ),
    (
        "question",
        "Who is WFH tomorrow?",
        {"intent": "query_who", "period": "tomorrow", "status": TW},
    ),
    (
        "question",
        "anyone in the office today?",
        {"intent": "query_who", "period": "today", "status": OF},
    ),
    (
        "question",
        "How many remote days do I have left this year?",
        {"intent": "query_progress"},
    ),
    ("question", "Did I hit my telework target this month?", {"intent": "query_progress"}),
    ("question", "Am I scheduled in the office on Thursday?", {"intent": "query_self"}),
    (
        "question",
        "Is Kato working from home today?",
        {"intent": "query_person", "person": "Kato", "period": "today"},
    ),
    ("question", "what is the telework rate for our division", {"intent": "query_stats"}),
    (
        "question",
        "Who's on leave this week?",
        {"intent": "query_who", "period": "this_week", "status": LV},
    ),
    # -- as typed in Teams --------------------------------------------------------------------
    ("typing", "あした在宅勤務でーす", _d(TW, "11-02")),
    ("typing", "明日ﾘﾓｰﾄ", _d(TW, "11-02")),
    ("typing", "１１／５（金）テレワーク", _d(TW, "11-05")),
    ("typing", "明日てれわ", _d(TW, "11-02")),
    (
        "typing",
        "お疲れ様です。恐れ入りますが、明日は在宅勤務とさせていただきたく存じます。",
        _req(TW, "11-02"),
    ),
    (
        "typing",
        "明日在宅でお願いしますー、午後の打合せはオンラインで入ります",
        _req(TW, "11-02"),
    ),
    (
        "typing",
        "明日在宅で木曜出社で金曜はまた在宅でよろしくです",
        {
            "intent": DECLARE_OR_REQUEST,
            "entries": [("11-02", "full", TW), ("11-04", "full", OF), ("11-05", "full", TW)],
        },
    ),
    ("typing", "wfh tmrw", _d(TW, "11-02")),
    ("typing", "WFH thursdy", _d(TW, "11-04")),
    ("typing", "remote tomorow pls", _req(TW, "11-02")),
    ("typing", "ＷＦＨ　ｆｒｉｄａｙ", _d(TW, "11-05")),
    ("typing", "明日ｔｗ", _d(TW, "11-02")),
    ("typing", "明日テレワークします。。。", _d(TW, "11-02")),
    ("typing", "木曜テレワ予定", _d(TW, "11-04")),
    ("typing", "11月5日(金) 在宅でおねがいします🙏", _req(TW, "11-05")),
    ("typing", "hi, fyi im wfh tmrw, ping me on teams if needed", _d(TW, "11-02")),
]
