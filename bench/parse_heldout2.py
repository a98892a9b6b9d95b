"""A second held-out set for ``bench/parse_accuracy.py``, written after the parser work of
issue 13 and measured once before any change for it (the first set, ``parse_heldout.py``,
had guided that work, so it can no longer tell how well the parser generalises).

Today is 2027-02-17 (Wed): this week is 2/15-2/19, next week 2/22-2/26 with 2/23 天皇誕生日
closed; 3/1 is a Monday. Same row format as ``parse_heldout.py``.
"""

from __future__ import annotations

from typing import Any

TODAY = "2027-02-17"
TW, OF, LV, BT = "telework", "office", "leave", "business_trip"
DECLARE_OR_REQUEST = ("declare", "request_approval")
NEXT_WEEK = ("02-22", "02-24", "02-25", "02-26")  # 2/23 is a holiday


def _days(status: str, *days: str, part: str = "full") -> list[tuple[str, str, str]]:
    return [(d, part, status) for d in days]


HELDOUT2: list[tuple[str, str, dict[str, Any]]] = [
    # -- declarations -------------------------------------------------------------------------
    ("declare", "明日は在宅で仕事します", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("declare", "金曜日、テレワークにします", {"intent": "declare", "entries": _days(TW, "02-19")}),
    (
        "declare",
        "来週水曜はテレワークの予定です",
        {"intent": "declare", "entries": _days(TW, "02-24")},
    ),
    ("declare", "2/24(水)在宅勤務", {"intent": "declare", "entries": _days(TW, "02-24")}),
    ("declare", "2月25日 出社", {"intent": "declare", "entries": _days(OF, "02-25")}),
    (
        "declare",
        "明日午後から在宅",
        {"intent": "declare", "entries": _days(TW, "02-18", part="pm")},
    ),
    ("declare", "明後日は終日テレワーク", {"intent": "declare", "entries": _days(TW, "02-19")}),
    (
        "declare",
        "明日午前中だけテレワークします",
        {"intent": "declare", "entries": _days(TW, "02-18", part="am")},
    ),
    (
        "declare",
        "来週木金は在宅でお願いします",
        {"intent": DECLARE_OR_REQUEST, "entries": _days(TW, "02-25", "02-26")},
    ),
    ("declare", "金曜は年休です", {"intent": "declare", "entries": _days(LV, "02-19")}),
    (
        "declare",
        "明日は午前休です",
        {"intent": "declare", "entries": _days(LV, "02-18", part="am")},
    ),
    (
        "declare",
        "来週月曜は出張で大阪に行きます",
        {"intent": "declare", "entries": _days(BT, "02-22")},
    ),
    ("declare", "I'm WFH on Friday", {"intent": "declare", "entries": _days(TW, "02-19")}),
    (
        "declare",
        "working from home next Wednesday",
        {"intent": "declare", "entries": _days(TW, "02-24")},
    ),
    ("declare", "Taking PTO on Thursday", {"intent": "declare", "entries": _days(LV, "02-18")}),
    (
        "declare",
        "In office tomorrow morning, WFH in the afternoon",
        {"intent": "declare", "entries": [("02-18", "am", OF), ("02-18", "pm", TW)]},
    ),
    ("declare", "Remote on the 24th", {"intent": "declare", "entries": _days(TW, "02-24")}),
    ("declare", "毎週金曜日は在宅勤務します", {"intent": "declare_recurring"}),
    ("declare", "every Monday remote please", {"intent": "declare_recurring"}),
    ("declare", "明日は一日在宅です", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("declare", "木曜日（明日）はテレワーク", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("declare", "3/1 テレワーク", {"intent": "declare", "entries": _days(TW, "2027-03-01")}),
    ("declare", "来週火曜テレワーク", {"intent": "declare", "entries": _days(TW, "02-23")}),
    # -- questions ----------------------------------------------------------------------------
    (
        "question",
        "明日誰が在宅ですか",
        {"intent": "query_who", "period": "tomorrow", "status": TW},
    ),
    (
        "question",
        "今日はだれが出勤してますか？",
        {"intent": "query_who", "period": "today", "status": OF},
    ),
    (
        "question",
        "今週在宅勤務してる人って誰？",
        {"intent": "query_who", "period": "this_week", "status": TW},
    ),
    ("question", "金曜日テレワークの人何人いる？", {"intent": "query_who", "status": TW}),
    ("question", "今日休みの人いますか", {"intent": "query_who", "period": "today", "status": LV}),
    ("question", "今年度あと何回テレワークすればいい？", {"intent": "query_progress"}),
    ("question", "今月のテレワーク回数教えて", {"intent": "query_progress"}),
    ("question", "目標達成できてますか？", {"intent": "query_progress"}),
    (
        "question",
        "私、今週テレワーク何日入ってる？",
        {"intent": ("query_self", "query_progress")},
    ),
    ("question", "明日って私在宅だっけ？", {"intent": "query_self"}),
    ("question", "来週の自分の予定を確認したい", {"intent": "query_self"}),
    ("question", "金曜は出社で登録してありますか", {"intent": "query_self"}),
    (
        "question",
        "山田さんって明日出社？",
        {"intent": "query_person", "person": "山田", "period": "tomorrow"},
    ),
    (
        "question",
        "高橋課長補佐は今日テレワーク中ですか",
        {"intent": "query_person", "person": "高橋", "period": "today"},
    ),
    ("question", "課のテレワーク率はどれくらい？", {"intent": "query_stats"}),
    ("question", "who is in the office on Friday?", {"intent": "query_who", "status": OF}),
    ("question", "anyone WFH today?", {"intent": "query_who", "period": "today", "status": TW}),
    ("question", "Am I in the office tomorrow?", {"intent": "query_self"}),
    ("question", "what does my week look like", {"intent": "query_self"}),
    (
        "question",
        "how many WFH days do I still need this month?",
        {"intent": "query_progress"},
    ),
    (
        "question",
        "Is Sato remote tomorrow?",
        {"intent": "query_person", "person": "Sato", "period": "tomorrow"},
    ),
    (
        "question",
        "How many people teleworked this month?",
        {"intent": ("query_who", "query_stats")},
    ),
    ("question", "have I met my telework target?", {"intent": "query_progress"}),
    (
        "question",
        "明日の在宅者一覧",
        {"intent": "query_who", "period": "tomorrow", "status": TW},
    ),
    ("question", "課内の今週の出社状況は？", {"intent": ("query_who", "query_stats")}),
    (
        "question",
        "今日テレワークしている人を教えてください",
        {"intent": "query_who", "period": "today", "status": TW},
    ),
    # -- durations, spans, side clauses -------------------------------------------------------
    ("span", "明日から2日間在宅", {"intent": "declare", "entries": _days(TW, "02-18", "02-19")}),
    (
        "span",
        "来週いっぱい在宅勤務の予定です",
        {"intent": "declare", "entries": _days(TW, *NEXT_WEEK)},
    ),
    ("span", "来週は全日テレワーク", {"intent": "declare", "entries": _days(TW, *NEXT_WEEK)}),
    (
        "span",
        "2/24〜2/26 出張",
        {"intent": "declare", "entries": _days(BT, "02-24", "02-25", "02-26")},
    ),
    (
        "span",
        "24日から26日まで年休を取ります",
        {"intent": "declare", "entries": _days(LV, "02-24", "02-25", "02-26")},
    ),
    (
        "span",
        "来週月曜から3日間テレワーク",
        {"intent": "declare", "entries": _days(TW, "02-22", "02-24", "02-25")},
    ),
    (
        "span",
        "今日から3日間は在宅です",
        {"intent": "declare", "entries": _days(TW, "02-17", "02-18", "02-19")},
    ),
    (
        "span",
        "来週の水曜と金曜は出社します",
        {"intent": "declare", "entries": _days(OF, "02-24", "02-26")},
    ),
    (
        "span",
        "明日と明後日はテレワーク",
        {"intent": "declare", "entries": _days(TW, "02-18", "02-19")},
    ),
    (
        "span",
        "来週の月・水・金は在宅",
        {"intent": "declare", "entries": _days(TW, "02-22", "02-24", "02-26")},
    ),
    (
        "span",
        "来週の月曜から金曜まで出張",
        {"intent": "declare", "entries": _days(BT, *NEXT_WEEK)},
    ),
    (
        "span",
        "明日は13時から健康診断があるので、午前は在宅にします",
        {"intent": "declare", "entries": _days(TW, "02-18", part="am")},
    ),
    (
        "span",
        "明日は朝9時から会議なので出社します",
        {"intent": "declare", "entries": _days(OF, "02-18")},
    ),
    (
        "span",
        "明後日は病院に行くので午後休",
        {"intent": "declare", "entries": _days(LV, "02-19", part="pm")},
    ),
    (
        "span",
        "WFH Feb 24-26",
        {"intent": "declare", "entries": _days(TW, "02-24", "02-25", "02-26")},
    ),
    (
        "span",
        "WFH from Monday for 2 days",
        {"intent": "declare", "entries": _days(TW, "02-22", "02-24")},
    ),
    (
        "span",
        "I'll be out on leave the whole of next week",
        {"intent": "declare", "entries": _days(LV, *NEXT_WEEK)},
    ),
    (
        "span",
        "on a business trip 24th to 26th",
        {"intent": "declare", "entries": _days(BT, "02-24", "02-25", "02-26")},
    ),
    (
        "span",
        "WFH Wednesday and Friday next week",
        {"intent": "declare", "entries": _days(TW, "02-24", "02-26")},
    ),
    (
        "span",
        "Office tomorrow — I have a 2pm meeting with the director",
        {"intent": "declare", "entries": _days(OF, "02-18")},
    ),
    (
        "span",
        "WFH the next two days",
        {"intent": "declare", "entries": _days(TW, "02-17", "02-18")},
    ),
    (
        "span",
        "2月22日から26日までテレワーク",
        {"intent": "declare", "entries": _days(TW, *NEXT_WEEK)},
    ),
    ("span", "来週はずっと出張です", {"intent": "declare", "entries": _days(BT, *NEXT_WEEK)}),
    # -- words for telework and office --------------------------------------------------------
    ("vocabulary", "明日サテライトで勤務", {"intent": "declare", "entries": _days(TW, "02-18")}),
    (
        "vocabulary",
        "金曜はモバイルワークにします",
        {"intent": "declare", "entries": _days(TW, "02-19")},
    ),
    (
        "vocabulary",
        "明日はサテライトオフィスを利用します",
        {"intent": "declare", "entries": _days(TW, "02-18")},
    ),
    (
        "vocabulary",
        "来週水曜は自宅勤務とします",
        {"intent": "declare", "entries": _days(TW, "02-24")},
    ),
    ("vocabulary", "明日は職場で勤務します", {"intent": "declare", "entries": _days(OF, "02-18")}),
    ("vocabulary", "明日は登庁予定です", {"intent": "declare", "entries": _days(OF, "02-18")}),
    ("vocabulary", "明日出勤します", {"intent": "declare", "entries": _days(OF, "02-18")}),
    ("vocabulary", "明日はオフィスです", {"intent": "declare", "entries": _days(OF, "02-18")}),
    ("vocabulary", "金曜日は在宅型で", {"intent": "declare", "entries": _days(TW, "02-19")}),
    (
        "vocabulary",
        "明日はリモートワークで対応します",
        {"intent": "declare", "entries": _days(TW, "02-18")},
    ),
    (
        "vocabulary",
        "going into the office Thursday",
        {"intent": "declare", "entries": _days(OF, "02-18")},
    ),
    (
        "vocabulary",
        "I'll work remotely on Friday",
        {"intent": "declare", "entries": _days(TW, "02-19")},
    ),
    ("vocabulary", "Friday: home office", {"intent": "declare", "entries": _days(TW, "02-19")}),
    (
        "vocabulary",
        "I'll be at the satellite office tomorrow",
        {"intent": "declare", "entries": _days(TW, "02-18")},
    ),
    (
        "vocabulary",
        "in the office all day Friday",
        {"intent": "declare", "entries": _days(OF, "02-19")},
    ),
    # -- changes ------------------------------------------------------------------------------
    (
        "change",
        "金曜のテレワークを木曜に変更します",
        {
            "intent": "change",
            "entries": _days(TW, "02-18"),
            "replaces": [("02-19", None, TW)],
        },
    ),
    (
        "change",
        "明日の在宅やめて出勤にします",
        {
            "intent": "change",
            "entries": _days(OF, "02-18"),
            "replaces": [("02-18", None, TW)],
        },
    ),
    (
        "change",
        "2/24の出社を在宅に変えてください",
        {
            "intent": "change",
            "entries": _days(TW, "02-24"),
            "replaces": [("02-24", None, OF)],
        },
    ),
    (
        "change",
        "来週水曜は出社予定でしたが在宅に変更します",
        {
            "intent": "change",
            "entries": _days(TW, "02-24"),
            "replaces": [("02-24", None, OF)],
        },
    ),
    (
        "change",
        "明日テレワークの予定だったけど出社します",
        {
            "intent": "change",
            "entries": _days(OF, "02-18"),
            "replaces": [("02-18", None, TW)],
        },
    ),
    (
        "change",
        "switch my Thursday WFH to Friday",
        {
            "intent": "change",
            "entries": _days(TW, "02-19"),
            "replaces": [("02-18", None, TW)],
        },
    ),
    (
        "change",
        "change tomorrow from office to WFH",
        {
            "intent": "change",
            "entries": _days(TW, "02-18"),
            "replaces": [("02-18", None, OF)],
        },
    ),
    (
        "change",
        "I'm not working from home on Friday anymore, I'll be in the office",
        {
            "intent": "change",
            "entries": _days(OF, "02-19"),
            "replaces": [("02-19", None, TW)],
        },
    ),
    (
        "change",
        "can you move my remote day from Wed to Thu next week",
        {
            "intent": "change",
            "entries": _days(TW, "02-25"),
            "replaces": [("02-24", None, TW)],
        },
    ),
    # -- presence and stated times ------------------------------------------------------------
    ("presence", "8時40分に業務を開始しました", {"intent": "report_start", "at": "08:40"}),
    ("presence", "9:05 業務開始", {"intent": "report_start", "at": "09:05"}),
    ("presence", "本日17時で終業します", {"intent": "report_end", "at": "17:00"}),
    (
        "presence",
        "始業時刻を8:50に修正お願いします",
        {"intent": "report_start", "at": "08:50", "correction": True},
    ),
    (
        "presence",
        "終業時刻、18時半に訂正します",
        {"intent": "report_end", "at": "18:30", "correction": True},
    ),
    ("presence", "業務を開始します", {"intent": "report_start"}),
    ("presence", "業務終了します。お疲れ様でした", {"intent": "report_end"}),
    ("presence", "少し席を外します", {"intent": "presence", "entries": _days("away", "02-17")}),
    ("presence", "昼休憩に入ります", {"intent": "presence", "entries": _days("away", "02-17")}),
    ("presence", "ただいま戻りました", {"intent": "presence", "entries": _days("back", "02-17")}),
    ("presence", "15時から打ち合わせ中です", {"intent": "presence", "at": "15:00"}),
    ("presence", "Starting work now", {"intent": "report_start"}),
    ("presence", "started at 8:30 today", {"intent": "report_start", "at": "08:30"}),
    ("presence", "Logging off at 5:30pm", {"intent": "report_end", "at": "17:30"}),
    ("presence", "clocked out at 18:00", {"intent": "report_end", "at": "18:00"}),
    (
        "presence",
        "please change my start time to 8:45",
        {"intent": "report_start", "at": "08:45", "correction": True},
    ),
    (
        "presence",
        "stepping out for lunch",
        {"intent": "presence", "entries": _days("away", "02-17")},
    ),
    ("presence", "back from lunch", {"intent": "presence", "entries": _days("back", "02-17")}),
    ("presence", "会議に入ります", {"intent": "presence", "entries": _days("meeting", "02-17")}),
    ("presence", "離席します（15分ほど）", {"intent": "presence"}),
    # -- as typed in Teams --------------------------------------------------------------------
    ("typing", "明日てれわーくしまーす", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "明日ﾃﾚﾜｰｸ予定", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "あした在宅", {"intent": "declare", "entries": _days(TW, "02-18")}),
    (
        "typing",
        "明日、在宅勤務させていただきます。よろしくお願いいたします。",
        {"intent": DECLARE_OR_REQUEST, "entries": _days(TW, "02-18")},
    ),
    (
        "typing",
        "お疲れ様です。大変恐縮ですが、明日は在宅勤務とさせていただけますと幸いです",
        {"intent": DECLARE_OR_REQUEST, "entries": _days(TW, "02-18")},
    ),
    ("typing", "２/２４（水）テレワーク", {"intent": "declare", "entries": _days(TW, "02-24")}),
    ("typing", "明日ＴＷ", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "明日wfhです", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "明日テレワ", {"intent": "declare", "entries": _days(TW, "02-18")}),
    (
        "typing",
        "明日てれわーくで、明後日しゅっしゃ",
        {"intent": "declare", "entries": [("02-18", "full", TW), ("02-19", "full", OF)]},
    ),
    (
        "typing",
        "明日は在宅で金曜は出社で来週月曜は出張です",
        {
            "intent": "declare",
            "entries": [("02-18", "full", TW), ("02-19", "full", OF), ("02-22", "full", BT)],
        },
    ),
    ("typing", "tmrw wfh", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "wfh tommorrow", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "Working frm home tomorrow", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "remote tmr", {"intent": "declare", "entries": _days(TW, "02-18")}),
    (
        "typing",
        "Hi! Just a heads up, I'm working remotely tomorrow and Friday.",
        {"intent": "declare", "entries": _days(TW, "02-18", "02-19")},
    ),
    ("typing", "ｗｆｈ　ｔｏｍｏｒｒｏｗ", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "明日リモートです！", {"intent": "declare", "entries": _days(TW, "02-18")}),
    ("typing", "明日は、在宅です。", {"intent": "declare", "entries": _days(TW, "02-18")}),
    (
        "typing",
        "明日在宅勤務でお願いしますm(_ _)m",
        {"intent": DECLARE_OR_REQUEST, "entries": _days(TW, "02-18")},
    ),
    (
        "typing",
        "明日テレワークでよろしくお願いしますー",
        {"intent": DECLARE_OR_REQUEST, "entries": _days(TW, "02-18")},
    ),
    ("typing", "明日在宅。よろしく", {"intent": "declare", "entries": _days(TW, "02-18")}),
    (
        "typing",
        "ＷＦＨ明日午前のみ",
        {"intent": "declare", "entries": _days(TW, "02-18", part="am")},
    ),
    # -- cancelling ---------------------------------------------------------------------------
    (
        "cancel",
        "明日のテレワークはキャンセルします",
        {"intent": "cancel", "entries": _days(TW, "02-18")},
    ),
    ("cancel", "金曜の出張なくなりました", {"intent": "cancel", "entries": _days(BT, "02-19")}),
    (
        "cancel",
        "2/24の在宅勤務、取り消してください",
        {"intent": "cancel", "entries": _days(TW, "02-24")},
    ),
    ("cancel", "cancel Friday's WFH", {"intent": "cancel", "entries": _days(TW, "02-19")}),
    (
        "cancel",
        "I won't be working from home tomorrow after all",
        {"intent": "cancel", "entries": _days(TW, "02-18")},
    ),
    ("cancel", "明日の年休を取り下げます", {"intent": "cancel", "entries": _days(LV, "02-18")}),
    (
        "cancel",
        "来週水曜のテレワーク、やめます",
        {"intent": "cancel", "entries": _days(TW, "02-24")},
    ),
]
