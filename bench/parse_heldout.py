"""A held-out set of realistic chat messages for ``bench/parse_accuracy.py``.

Written for issue 13 before the parser was changed for it, and never used by the tests
(tests/dialogs/ has its own utterance table): it measures how much of what staff really
type is understood, not whether the parser fits its own table. Today is 2026-12-09 (Wed):
this week is 12/7-12/11, next week 12/14-12/18; 1/11/2027 is 成人の日.

Each row: (category, text, expected). ``expected`` lists only what must hold:

- ``intent``: one intent, or a tuple of acceptable ones;
- ``entries``: (date, part, status) triples, compared as a set ("MM-DD" means 2026-MM-DD);
- ``replaces``: the same for a change (part/status ``None`` = whatever is recorded);
- ``period``, ``status``, ``person``, ``at``, ``correction``: compared as written;
- ``question``: the question code the parser must ask; without it, asking is a failure.
"""

from __future__ import annotations

from typing import Any

TODAY = "2026-12-09"
TW, OF, LV, BT = "telework", "office", "leave", "business_trip"
DECLARE_OR_REQUEST = ("declare", "request_approval")

HELDOUT: list[tuple[str, str, dict[str, Any]]] = [
    # -- plain declarations ----------------------------------------------------------------
    ("declare", "明日テレワークします", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "declare",
        "明後日は在宅勤務の予定です",
        {"intent": "declare", "entries": [("12-11", "full", TW)]},
    ),
    ("declare", "金曜午後テレワーク", {"intent": "declare", "entries": [("12-11", "pm", TW)]}),
    ("declare", "来週月曜は出社します", {"intent": "declare", "entries": [("12-14", "full", OF)]}),
    ("declare", "12/15(火)テレワーク", {"intent": "declare", "entries": [("12-15", "full", TW)]}),
    (
        "declare",
        "12月16日は年休をいただきます",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-16", "full", LV)]},
    ),
    (
        "declare",
        "来週の火・木は在宅",
        {"intent": "declare", "entries": [("12-15", "full", TW), ("12-17", "full", TW)]},
    ),
    (
        "declare",
        "明日午前在宅、午後出社",
        {"intent": "declare", "entries": [("12-10", "am", TW), ("12-10", "pm", OF)]},
    ),
    ("declare", "14日出張です", {"intent": "declare", "entries": [("12-14", "full", BT)]}),
    ("declare", "毎週水曜は在宅勤務にします", {"intent": "declare_recurring"}),
    ("declare", "WFH tomorrow", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "declare",
        "I'll be in the office on Monday",
        {"intent": "declare", "entries": [("12-14", "full", OF)]},
    ),
    (
        "declare",
        "taking annual leave on Dec 17",
        {"intent": "declare", "entries": [("12-17", "full", LV)]},
    ),
    (
        "declare",
        "remote friday afternoon",
        {"intent": "declare", "entries": [("12-11", "pm", TW)]},
    ),
    (
        "declare",
        "business trip next Tuesday",
        {"intent": "declare", "entries": [("12-15", "full", BT)]},
    ),
    ("declare", "WFH every Thursday", {"intent": "declare_recurring"}),
    # -- questions are answered, never declared ---------------------------------------------
    (
        "question",
        "明日テレワークの人いる？",
        {"intent": "query_who", "period": "tomorrow", "status": TW},
    ),
    (
        "question",
        "今日出社してる人は誰？",
        {"intent": "query_who", "period": "today", "status": OF},
    ),
    ("question", "今日在宅の人何人？", {"intent": "query_who", "period": "today", "status": TW}),
    (
        "question",
        "明日は誰が出社しますか",
        {"intent": "query_who", "period": "tomorrow", "status": OF},
    ),
    ("question", "課のテレワーク実施率を教えて", {"intent": "query_stats"}),
    ("question", "うちの課の今月の実施状況は？", {"intent": "query_stats"}),
    ("question", "今月何回テレワークした？", {"intent": "query_progress"}),
    ("question", "あと何回テレワークすればいいですか", {"intent": "query_progress"}),
    ("question", "目標まであと何日？", {"intent": "query_progress"}),
    ("question", "私の今週の予定は？", {"intent": "query_self"}),
    ("question", "明日私テレワークになってる？", {"intent": "query_self"}),
    ("question", "金曜テレワーク登録してたっけ？", {"intent": "query_self"}),
    ("question", "明日はテレワークで登録されていますか？", {"intent": "query_self"}),
    (
        "question",
        "今週テレワークしてる人教えて",
        {"intent": "query_who", "period": "this_week", "status": TW},
    ),
    (
        "question",
        "田中さんは明日どこにいますか",
        {"intent": "query_person", "person": "田中", "period": "tomorrow"},
    ),
    (
        "question",
        "佐藤課長は今日在宅ですか？",
        {"intent": "query_person", "person": "佐藤", "period": "today", "status": TW},
    ),
    ("question", "自分の登録状況を見たい", {"intent": "query_self"}),
    ("question", "今年度のテレワーク回数を確認したい", {"intent": "query_progress"}),
    ("question", "残りのテレワーク日数は？", {"intent": "query_progress"}),
    (
        "question",
        "来週出社する人っていますか？",
        {"intent": "query_who", "period": "next_week", "status": OF},
    ),
    (
        "question",
        "今日って誰か在宅してる？",
        {"intent": "query_who", "period": "today", "status": TW},
    ),
    ("question", "私の来週のテレワークの予定を教えてください", {"intent": "query_self"}),
    (
        "question",
        "is anyone in the office tomorrow?",
        {"intent": "query_who", "period": "tomorrow", "status": OF},
    ),
    (
        "question",
        "who's working from home today",
        {"intent": "query_who", "period": "today", "status": TW},
    ),
    (
        "question",
        "how many people are in the office today?",
        {"intent": "query_who", "period": "today", "status": OF},
    ),
    ("question", "am I teleworking tomorrow?", {"intent": "query_self"}),
    ("question", "did I register telework for Friday?", {"intent": "query_self"}),
    ("question", "how many telework days have I done this month?", {"intent": "query_progress"}),
    ("question", "how many days do I have left?", {"intent": "query_progress"}),
    ("question", "what's our section's telework rate?", {"intent": "query_stats"}),
    (
        "question",
        "where is Suzuki tomorrow?",
        {"intent": "query_person", "person": "Suzuki", "period": "tomorrow"},
    ),
    ("question", "what's my schedule next week?", {"intent": "query_self"}),
    ("question", "am I on track with my telework target?", {"intent": "query_progress"}),
    ("question", "do I have any telework booked this week?", {"intent": "query_self"}),
    ("question", "how many times have I teleworked this year?", {"intent": "query_progress"}),
    (
        "question",
        "is Tanaka working from home today?",
        {"intent": "query_person", "person": "Tanaka", "period": "today", "status": TW},
    ),
    # -- durations, spans and side clauses --------------------------------------------------
    (
        "span",
        "明日から3日間テレワーク",
        {
            "intent": "declare",
            "entries": [("12-10", "full", TW), ("12-11", "full", TW), ("12-14", "full", TW)],
        },
    ),
    (
        "span",
        "来週はずっと在宅です",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in range(14, 19)]},
    ),
    (
        "span",
        "来週いっぱいテレワーク",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in range(14, 19)]},
    ),
    (
        "span",
        "12/14から16日まで出張",
        {"intent": "declare", "entries": [(f"12-{d}", "full", BT) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "12/14〜12/16 年休",
        {"intent": "declare", "entries": [(f"12-{d}", "full", LV) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "14日から18日まで在宅勤務",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in range(14, 19)]},
    ),
    (
        "span",
        "来週月曜から水曜まで在宅",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "今週いっぱい在宅勤務です",
        {"intent": "declare", "entries": [(f"12-{d:02d}", "full", TW) for d in (9, 10, 11)]},
    ),
    (
        "span",
        "月曜と水曜と金曜にテレワーク",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in (14, 16, 18)]},
    ),
    (
        "span",
        "来週の火曜や木曜に在宅します",
        {"intent": "declare", "entries": [("12-15", "full", TW), ("12-17", "full", TW)]},
    ),
    (
        "span",
        "明日から2日間お休みします",
        {"intent": "declare", "entries": [("12-10", "full", LV), ("12-11", "full", LV)]},
    ),
    (
        "span",
        "来週の月～水はテレワーク",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "1/12〜1/14テレワーク",
        {
            "intent": "declare",
            "entries": [(f"2027-01-{d}", "full", TW) for d in (12, 13, 14)],
        },
    ),
    (
        "span",
        "明日は10時から会議があるので在宅にします",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "span",
        "明日は14時の打ち合わせに出るため出社します",
        {"intent": "declare", "entries": [("12-10", "full", OF)]},
    ),
    (
        "span",
        "子どもの通院があるので明日は午前休にします",
        {"intent": "declare", "entries": [("12-10", "am", LV)]},
    ),
    (
        "span",
        "明日は在宅です。15時からのWeb会議には参加します",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "span",
        "WFH for the next 3 days",
        {"intent": "declare", "entries": [(f"12-{d:02d}", "full", TW) for d in (9, 10, 11)]},
    ),
    (
        "span",
        "I'll telework Jan 12-14",
        {
            "intent": "declare",
            "entries": [(f"2027-01-{d}", "full", TW) for d in (12, 13, 14)],
        },
    ),
    (
        "span",
        "working from home the 14th to the 16th",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "on leave from Dec 14 to Dec 16",
        {"intent": "declare", "entries": [(f"12-{d}", "full", LV) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "remote all next week",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in range(14, 19)]},
    ),
    (
        "span",
        "office Monday and Wednesday next week",
        {"intent": "declare", "entries": [("12-14", "full", OF), ("12-16", "full", OF)]},
    ),
    (
        "span",
        "WFH Mon, Wed and Fri next week",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in (14, 16, 18)]},
    ),
    (
        "span",
        "WFH tomorrow, I have a dentist appointment at 4pm",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "span",
        "I'll be working from home tomorrow because I have a call with a client at 10",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "span",
        "in the office for the next two days",
        {"intent": "declare", "entries": [("12-09", "full", OF), ("12-10", "full", OF)]},
    ),
    (
        "span",
        "business trip for 3 days from Monday",
        {"intent": "declare", "entries": [(f"12-{d}", "full", BT) for d in (14, 15, 16)]},
    ),
    (
        "span",
        "telework the 15th through the 17th",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in (15, 16, 17)]},
    ),
    (
        "span",
        "next week I'm wfh the whole week",
        {"intent": "declare", "entries": [(f"12-{d}", "full", TW) for d in range(14, 19)]},
    ),
    # -- the plan's and staff's words for telework and office work --------------------------
    (
        "vocabulary",
        "明日サテライトオフィス勤務します",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "vocabulary",
        "明日はモバイルワークです",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "vocabulary",
        "金曜はサテライトオフィスで勤務します",
        {"intent": "declare", "entries": [("12-11", "full", TW)]},
    ),
    (
        "vocabulary",
        "来週月曜モバイル勤務",
        {"intent": "declare", "entries": [("12-14", "full", TW)]},
    ),
    (
        "vocabulary",
        "明日は自宅で勤務します",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    ("vocabulary", "明日は自宅勤務", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("vocabulary", "明日リモワ", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("vocabulary", "明日は通常勤務です", {"intent": "declare", "entries": [("12-10", "full", OF)]}),
    ("vocabulary", "明日は登庁します", {"intent": "declare", "entries": [("12-10", "full", OF)]}),
    (
        "vocabulary",
        "金曜は職場に出勤します",
        {"intent": "declare", "entries": [("12-11", "full", OF)]},
    ),
    (
        "vocabulary",
        "明日はオフィス勤務です",
        {"intent": "declare", "entries": [("12-10", "full", OF)]},
    ),
    (
        "vocabulary",
        "明日在宅型テレワーク",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "vocabulary",
        "12/14はチーム型テレワークで在宅",
        {"intent": "declare", "entries": [("12-14", "full", TW)]},
    ),
    ("vocabulary", "明日は出勤日です", {"intent": "declare", "entries": [("12-10", "full", OF)]}),
    ("vocabulary", "明日は本省に出勤", {"intent": "declare", "entries": [("12-10", "full", OF)]}),
    (
        "vocabulary",
        "金曜は庁舎で勤務します",
        {"intent": "declare", "entries": [("12-11", "full", OF)]},
    ),
    (
        "vocabulary",
        "明日は在宅ワークします",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    ("vocabulary", "明日在宅作業", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "vocabulary",
        "明日テレワーク勤務を行います",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    ("vocabulary", "明日は出庁します", {"intent": "declare", "entries": [("12-10", "full", OF)]}),
    (
        "vocabulary",
        "satellite office tomorrow",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "vocabulary",
        "mobile work on Friday",
        {"intent": "declare", "entries": [("12-11", "full", TW)]},
    ),
    (
        "vocabulary",
        "working at the satellite office on Monday",
        {"intent": "declare", "entries": [("12-14", "full", TW)]},
    ),
    (
        "vocabulary",
        "I'll come in tomorrow",
        {"intent": "declare", "entries": [("12-10", "full", OF)]},
    ),
    (
        "vocabulary",
        "I'm going into the office on Friday",
        {"intent": "declare", "entries": [("12-11", "full", OF)]},
    ),
    (
        "vocabulary",
        "back in the office tomorrow",
        {"intent": "declare", "entries": [("12-10", "full", OF)]},
    ),
    (
        "vocabulary",
        "office day tomorrow",
        {"intent": "declare", "entries": [("12-10", "full", OF)]},
    ),
    (
        "vocabulary",
        "teleworking from home on Monday",
        {"intent": "declare", "entries": [("12-14", "full", TW)]},
    ),
    (
        "vocabulary",
        "remote work tomorrow",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "vocabulary",
        "coming into work tomorrow",
        {"intent": "declare", "entries": [("12-10", "full", OF)]},
    ),
    # -- changing a day, telework to office -------------------------------------------------
    (
        "change",
        "12/14のテレワークを出社に変更",
        {
            "intent": "change",
            "entries": [("12-14", "full", OF)],
            "replaces": [("12-14", None, TW)],
        },
    ),
    (
        "change",
        "明日のテレワークやめて出社します",
        {
            "intent": "change",
            "entries": [("12-10", "full", OF)],
            "replaces": [("12-10", None, TW)],
        },
    ),
    (
        "change",
        "金曜の在宅勤務を出社に変えます",
        {
            "intent": "change",
            "entries": [("12-11", "full", OF)],
            "replaces": [("12-11", None, TW)],
        },
    ),
    (
        "change",
        "明日は在宅の予定でしたが出社することにしました",
        {
            "intent": "change",
            "entries": [("12-10", "full", OF)],
            "replaces": [("12-10", None, TW)],
        },
    ),
    (
        "change",
        "来週月曜のテレワークは取りやめて出勤します",
        {
            "intent": "change",
            "entries": [("12-14", "full", OF)],
            "replaces": [("12-14", None, TW)],
        },
    ),
    (
        "change",
        "12/15のテレワークを12/17に変更",
        {
            "intent": "change",
            "entries": [("12-17", "full", TW)],
            "replaces": [("12-15", None, TW)],
        },
    ),
    (
        "change",
        "金曜じゃなくて木曜にテレワーク",
        {  # the telework moves: Friday's telework is cancelled (as in set 3; bench/README.md)
            "intent": "change",
            "entries": [("12-10", "full", TW)],
            "replaces": [("12-11", None, TW)],
        },
    ),
    (
        "change",
        "明日、テレワークではなく出社になりました",
        {
            "intent": "change",
            "entries": [("12-10", "full", OF)],
            "replaces": [("12-10", None, TW)],
        },
    ),
    (
        "change",
        "change my telework on Monday to office",
        {
            "intent": "change",
            "entries": [("12-14", "full", OF)],
            "replaces": [("12-14", None, TW)],
        },
    ),
    (
        "change",
        "switch Friday from WFH to office",
        {
            "intent": "change",
            "entries": [("12-11", "full", OF)],
            "replaces": [("12-11", None, TW)],
        },
    ),
    (
        "change",
        "I'll be in the office tomorrow instead of working from home",
        {
            "intent": "change",
            "entries": [("12-10", "full", OF)],
            "replaces": [("12-10", None, TW)],
        },
    ),
    (
        "change",
        "move my WFH day from Thursday to Friday",
        {
            "intent": "change",
            "entries": [("12-11", "full", TW)],
            "replaces": [("12-10", None, TW)],
        },
    ),
    (
        "change",
        "actually not WFH tomorrow, I'll come in",
        {
            "intent": "change",
            "entries": [("12-10", "full", OF)],
            "replaces": [("12-10", None, TW)],
        },
    ),
    # -- presence reports with stated times -------------------------------------------------
    ("presence", "9時に業務開始しました", {"intent": "report_start", "at": "09:00"}),
    (
        "presence",
        "開始時刻を9:00に修正",
        {"intent": "report_start", "at": "09:00", "correction": True},
    ),
    ("presence", "業務開始します", {"intent": "report_start"}),
    ("presence", "8時半から業務開始しています", {"intent": "report_start", "at": "08:30"}),
    ("presence", "18時に業務終了しました", {"intent": "report_end", "at": "18:00"}),
    (
        "presence",
        "終了時刻を17時半に訂正してください",
        {"intent": "report_end", "at": "17:30", "correction": True},
    ),
    ("presence", "始業9:15", {"intent": "report_start", "at": "09:15"}),
    ("presence", "本日の業務を終了します", {"intent": "report_end"}),
    ("presence", "離席します", {"intent": "presence", "entries": [("12-09", "full", "away")]}),
    ("presence", "戻りました", {"intent": "presence", "entries": [("12-09", "full", "back")]}),
    ("presence", "started work at 9", {"intent": "report_start", "at": "09:00"}),
    ("presence", "clocked in at 8:45", {"intent": "report_start", "at": "08:45"}),
    ("presence", "signing off at 6pm", {"intent": "report_end", "at": "18:00"}),
    (
        "presence",
        "correct my start time to 9:00",
        {"intent": "report_start", "at": "09:00", "correction": True},
    ),
    (
        "presence",
        "my end time should be 17:30",
        {"intent": "report_end", "at": "17:30", "correction": True},
    ),
    ("presence", "業務開始", {"intent": "report_start"}),
    (
        "presence",
        "お疲れ様です。本日は9時から業務開始しております",
        {"intent": "report_start", "at": "09:00"},
    ),
    (
        "presence",
        "開始を8:30に直してください",
        {"intent": "report_start", "at": "08:30", "correction": True},
    ),
    ("presence", "done for the day", {"intent": "report_end"}),
    (
        "presence",
        "stepping away for lunch",
        {"intent": "presence", "entries": [("12-09", "full", "away")]},
    ),
    ("presence", "in a meeting until 3pm", {"intent": "presence"}),
    # -- as typed in Teams: typos, full width, keigo, mixed scripts, run-on -----------------
    ("typing", "あしたてれわーくします", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("typing", "明日テレワークしまう", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "typing",
        "明日ﾃﾚﾜｰｸでお願いします",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "full", TW)]},
    ),
    (
        "typing",
        "１２／１４（月）テレワーク",
        {"intent": "declare", "entries": [("12-14", "full", TW)]},
    ),
    ("typing", "明日　在宅勤務　です", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "typing",
        "恐れ入りますが、明日は在宅勤務とさせていただきます",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "full", TW)]},
    ),
    (
        "typing",
        "お疲れ様です。明日ですが、私用のため午後休を頂戴したく存じます",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "pm", LV)]},
    ),
    (
        "typing",
        "明日テレワークさせていただけますでしょうか",
        {"intent": "request_approval", "entries": [("12-10", "full", TW)]},
    ),
    (
        "typing",
        "お疲れさまです明日なんですけど在宅にしようと思っててよろしくお願いします",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "full", TW)]},
    ),
    (
        "typing",
        "明日はテレワークで明後日は出社で来週月曜は休みです",
        {
            "intent": "declare",
            "entries": [("12-10", "full", TW), ("12-11", "full", OF), ("12-14", "full", LV)],
        },
    ),
    ("typing", "明日てれわ", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("typing", "明日ﾃﾚﾜ", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("typing", "明日TW(午前のみ)", {"intent": "declare", "entries": [("12-10", "am", TW)]}),
    ("typing", "ＷＦＨ　明日", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("typing", "明日在宅勤務しまーす", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "typing",
        "明日テレワーク！！よろしくです",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "full", TW)]},
    ),
    (
        "typing",
        "明日は在宅勤務を予定しております",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    ("typing", "12/14 月 テレワーク", {"intent": "declare", "entries": [("12-14", "full", TW)]}),
    ("typing", "明後日ﾘﾓｰﾄで", {"intent": "declare", "entries": [("12-11", "full", TW)]}),
    ("typing", "明日teleworkします", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("typing", "tomorrow在宅", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    ("typing", "next mon テレワーク", {"intent": "declare", "entries": [("12-14", "full", TW)]}),
    (
        "typing",
        "明日の在宅勤務の件、承認お願いします",
        {"intent": "request_approval", "entries": [("12-10", "full", TW)]},
    ),
    ("typing", "wfh tmrw pls", {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "full", TW)]}),
    ("typing", "wfh tomorow", {"intent": "declare", "entries": [("12-10", "full", TW)]}),
    (
        "typing",
        "working from home tommorow",
        {"intent": "declare", "entries": [("12-10", "full", TW)]},
    ),
    (
        "typing",
        "明日てれわーくでお願いしまs",
        {"intent": DECLARE_OR_REQUEST, "entries": [("12-10", "full", TW)]},
    ),
    # -- cancelling ---------------------------------------------------------------------------
    (
        "cancel",
        "明日のテレワーク取り消します",
        {"intent": "cancel", "entries": [("12-10", "full", TW)]},
    ),
    (
        "cancel",
        "金曜の在宅やっぱりやめます",
        {"intent": "cancel", "entries": [("12-11", "full", TW)]},
    ),
    ("cancel", "cancel my WFH tomorrow", {"intent": "cancel", "entries": [("12-10", "full", TW)]}),
    (
        "cancel",
        "12/14の年休を取り消したいです",
        {"intent": "cancel", "entries": [("12-14", "full", LV)]},
    ),
    (
        "cancel",
        "tomorrow's office day is cancelled",
        {"intent": "cancel", "entries": [("12-10", "full", OF)]},
    ),
]
