"""Which intent a message carries, from cue words left after dates, parts, statuses and
names were taken out, and from what was found.

The order of the checks is the precedence (first match wins): help, statistics, own
progress, own schedule, a person, who, a question about a day (asked, so about one's own
record: never a declaration), recurring cancel/declare, cancel, change, start/end-of-work
reports, presence, approval request, declaration.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.understanding.compiled import regex
from dialogs.understanding.interpretation import Intent, Status
from dialogs.understanding.lexicon import Lexicon


def _cues(*words: str) -> Lexicon[bool]:
    return Lexicon(dict.fromkeys(words, True))


HELP = _cues(
    "ヘルプ",
    "使い方",
    "使いかた",
    "何ができ",
    "できること",
    "コマンド",
    "メニュー",
    "help",
    "how to use",
    "how do i use",
    "what can you do",
    "commands",
    "menu",
    "/help",
)
STATS = _cues(
    "課の状況",
    "課の実施率",
    "実施率",
    "実施状況",
    "課室の状況",
    "課全体",
    "うちの課",
    "率",
    "私たちの課",
    "課内の",
    "課室全体",
    "係の状況",
    "部署",
    "統計",
    "集計",
    "課の実績",
    "課のテレワーク状況",
    "section stats",
    "section statistics",
    "team stats",
    "stats",
    "statistics",
    "rate",
    "section's",
    "our section",
    "the section",
    "how is the section",
    "section report",
)
SELF = _cues(
    "私の予定",
    "自分の予定",
    "予定確認",
    "予定を確認",
    "予定を教えて",
    "予定を見",
    "私の登録",
    "自分の登録",
    "登録状況",
    "登録内容",
    "登録済",
    "私の状況",
    "自分の状況",
    "私のテレワーク",
    "自分のテレワーク",
    "my schedule",
    "my plan",
    "my plans",
    "my declarations",
    "my entries",
    "what have i",
    "my telework",
    "my week",
    "my days",
)
# one's own targets and counts: answered by the progress card
PROGRESS = _cues(
    "目標",
    "進捗",
    "達成状況",
    "達成",
    "ノルマ",
    "実施回数",
    "あと何回",
    "残り何回",
    "あと何日",
    "残り何日",
    "何回",
    "回数",
    "日数",
    "残りの",
    "my progress",
    "my status",
    "my target",
    "my targets",
    "my goal",
    "my quota",
    "how many days",
    "how many times",
    "how often",
    "days have i",
    "days did i",
    "times have i",
    "times did i",
    "have i done",
    "still need",
    "do i need",
    "do i still",
    "need to do",
    "do i have to",
    "あと何",
    "残り何",
    "実績",
    "実施状況",
    "days left",
    "times left",
    "have left",
    "remaining",
    "am i on track",
    "on track",
    "target",
    "quota",
)
# a question rather than a statement: asked about a day, never declared
QUESTION = _cues(
    "ですか",
    "ますか",
    "でしょうか",
    "ましたか",
    "ませんか",
    "っけ",
    "なってる",
    "なっている",
    "なってます",
    "入ってる",
    "入っている",
    "入ってます",
    "登録され",
    "登録して",
    "登録した",
    "教えて",
    "確認したい",
    "確認させて",
    "見たい",
    "知りたい",
    "たかな",
    "am i",
    "do i",
    "did i",
    "have i",
    "is my",
    "are my",
    "is it my",
)
# an English question word opening the message (mid-sentence "when" is a statement's:
# "WFH tomorrow when the plumber comes")
_ASKS_FIRST = regex(r"^[\W\ue000]*(?:what|which|when|how|where)(?![a-z])")
# people, politely (「在宅の方はいらっしゃいますか」): only in a question (「午前の方は在宅」)
POLITE_WHO = _cues("方は", "方を", "方い", "方って", "いらっしゃ", "おられ")
# the speaker: with a question, the question is about one's own record
FIRST_PERSON = _cues(
    "私",
    "わたし",
    "自分",
    "僕",
    "俺",
    "i",
    "i'm",
    "im",
    "my",
    "me",
)
WHO = _cues(
    "誰",
    "だれ",
    "どなた",
    "何人",
    "一覧",
    "在宅者",
    "テレワーク者",
    "出社者",
    "実施者",
    "メンバー",
    "の人",
    "いる人",
    "人は",
    "人って",
    "人を",
    "人教え",
    "人いる",
    "人数",
    "人何人",
    "る人",
    "た人",
    "予定者",
    "者は",
    "者一覧",
    "ボード",
    "board",
    "誰か",
    "who",
    "who's",
    "whos",
    "anyone",
    "anybody",
    "how many people",
    "how many of us",
    "how many are",
    "how many will",
    "how many colleagues",
    "count for",
    "headcount",
    "list",
    "everyone",
    "people",
)
WHERE = _cues(
    "どこ",
    "いますか",
    "いる?",
    "いる",
    "予定",
    "ですか",
    "ますか",
    "でしょうか",
    "?",
    "where",
    "schedule",
    "plan",
    "status",
    "whereabouts",
)
CANCEL = _cues(
    "取り消し",
    "取消",
    "取り消す",
    "取りやめ",
    "取り止め",
    "とりやめ",
    "取り下げ",
    "キャンセル",
    "やめます",
    "止めます",
    "やめる",
    "やめて",
    "やめに",
    "やめたい",
    "止めたい",
    "やめよう",
    "終わりにし",
    "終了したい",
    "中止",
    "削除",
    "撤回",
    "解除",
    "消す",
    "外す",
    "外して",
    "外したい",
    "消して",
    "消したい",
    "なしで",
    "なしに",
    "無しで",
    "無しに",
    "なくなりました",
    "無くなりました",
    "不要になり",
    "しません",
    "しないことに",
    "しないです",
    "しない予定",
    "cancel",
    "cancelled",
    "canceled",
    "cancelling",
    "scrap",
    "delete",
    "remove",
    "withdraw",
    "unregister",
    "scratch",
    "undo",
    "no longer",
    "not going to",
    "won't",
    "will not",
    "stop",
    "call off",
    "discontinue",
    "end my",
    "drop my",
    "anymore",
    "any more",
    "not anymore",
)
CHANGE = _cues(
    "変更",
    "変えて",
    "変えます",
    "変えたい",
    "変わり",
    "移し",
    "移す",
    "移動",
    "振替",
    "差し替え",
    "代わりに",
    "替わりに",
    "変わった",
    "変わる",
    "ずれ",
    "延期",
    "前倒し",
    "繰り下げ",
    "繰り上げ",
    "入れ替え",
    "振り替え",
    "ずらし",
    "切り替え",
    "切替",
    "ではなく",
    "じゃなくて",
    "じゃなく",
    "でなく",
    "change",
    "changed",
    "switch",
    "move",
    "moved",
    "moving",
    "shifted",
    "postpone",
    "postponed",
    "push",
    "pushed",
    "bring forward",
    "brought forward",
    "instead",
    "swap",
    "reschedule",
    "make it",
)
REQUEST = _cues(
    "させていただいてもよろしいでしょうか",
    "させて頂いてもよろしいでしょうか",
    "させていただけますか",
    "させていただけないでしょうか",
    "させてください",
    "してもよろしいでしょうか",
    "してもよろしいですか",
    "してもいいですか",
    "してもよいですか",
    "でもよろしいでしょうか",
    "よろしいでしょうか",
    "よろしいですか",
    "可能でしょうか",
    "でいいですか",
    "していい",
    "てもいい",
    "いいですか",
    "okですか",
    "ok?",
    "オッケーですか",
    "でもいいですか",
    "いいでしょうか",
    "大丈夫ですか",
    "大丈夫でしょうか",
    "できますか",
    "できますでしょうか",
    "いただけますでしょうか",
    "頂けますでしょうか",
    "いただけますか",
    "頂けますか",
    "可能ですか",
    "申請します",
    "申請いたします",
    "申請したい",
    "申請です",
    "申請を",
    "承認",
    "許可",
    "希望します",
    "希望です",
    "希望いたします",
    "頂戴したく",
    "いただきたく",
    "頂きたく",
    "したいです",
    "したいのですが",
    "may i",
    "can i",
    "could i",
    "is it ok",
    "is it okay",
    "would it be ok",
    "would it be possible",
    "request",
    "requesting",
    "approval",
    "permission",
    "i'd like to",
    "i would like to",
)
PLEASE = _cues("お願いします", "お願いいたします", "お願い致します", "お願いできますか")
RECURRING_WORDS = _cues("繰り返し", "定期", "定例", "毎週の", "recurring", "regular", "repeating")
PAST = regex(  # 「在宅の予定でしたが出社」 is a change, not the past
    r"でした(?!が|けど)|(?<!ことに)しました|してました|していました|だった(?!が|けど)|漏れ|忘れ|"
    r"(?<![a-z])(?:worked|was|were|forgot|did|had)(?![a-z])"
)
# "not taking leave", "no longer going to be in the office": a verb between not and a status
_EN_VERB = (
    r"(?:(?:be|being|taking|take|going|doing|having|working|planning)\s+(?:to\s+)?"
    r"(?:(?:be|take|do|have|work)\s+)?)?(?:(?:a|an|my|the)\s+)?"
)
# "can't come in", "unable to make it to the office"; 出社できない, 出社は無理
_EN_CANNOT = (
    r"|(?<![a-z])(?:can't|cannot|can\s+not|unable\s+to|not\s+able\s+to)\s+"
    r"(?:make\s+it\s+(?:(?:to|in(?:to)?)\s+)?)?" + _EN_VERB + r"\ue000"
)
_JA_CANNOT = (  # not できないか(な)/できませんか: asking whether one may
    r"|\ue000\s*(?:は|が)?\s*(?:(?:できない|できません|出来ない|出来ません)(?!\s*(?:か|でしょうか))"
    r"|できず|出来ず|無理|難しい)"
)
# a status said not to hold (alone: "no WFH tomorrow" cancels it)
NOT_STATUS = regex(
    r"(?<![a-z])(?:not|no|no\s+longer|no\s+more)\s+"
    + _EN_VERB
    + r"\ue000|\ue000\s*(?:ではなく|じゃなくて|じゃなく"
    r"|でなく)" + _EN_CANNOT + _JA_CANNOT
)
# a status said not to hold any more: with another status, the message changes the day
NEGATED_STATUS = regex(
    r"(?<![a-z])(?:not|no|no\s+longer|no\s+more)\s+"
    + _EN_VERB
    + r"\ue000|\ue000\s*(?:ではなく|じゃなくて|じゃなく"
    r"|でなく|せずに|せず(?![a-z])|しないで(?!す)|の予定でしたが|の予定だったが|の予定だったけど|予定でしたが"
    r"|でしたが|だったが|だったけど"
    r"|→|->|=>|[をは]?(?:やっぱり?|やはり)?\s*(?:やめて|止めて|取りやめて|取り止めて|キャンセルして"
    r"|取り消して|取消して|中止して|中止で|なしで|無しで|なしにして|やめにして))"
    + _EN_CANNOT
    + _JA_CANNOT
)


# "not Friday but Thursday for WFH": the day named first is the old one
NOT_BUT = regex(r"(?<![a-z])not\s+(?:on\s+)?\ue000+\s*,?\s*but(?![a-z])")


@dataclass(frozen=True, slots=True)
class Features:
    """What the message contained, for the intent decision."""

    rest: str  # the text with understood spans masked
    has_dates: bool
    statuses: tuple[Status, ...]
    presence: tuple[str, ...]  # start, end, away, back, meeting
    has_person: bool
    has_every: bool
    only_date_and_status: bool  # 今日のテレワーク: a noun phrase, i.e. a question
    status_changes: bool = False  # two statuses, one of them negated or cancelled
    status_negated: bool = False  # one status, negated: "no WFH tomorrow"
    own_schedule: bool = False  # 「予定」「今週の予定は？」: only the schedule is named


def _has(lexicon: Lexicon[bool], text: str) -> bool:
    return lexicon.found_in(text)


# asking for advice (「明日は出社した方がいいですか」 "should I come in"): a question, though
# 「いいですか」 also asks permission
ADVICE = _cues(
    "方がいい", "方が良い", "ほうがいい", "ほうが良い", "方がよろしい",
    "べきですか", "べきでしょうか", "必要がありますか", "必要ですか", "必要でしょうか",
    "should i", "do i need to", "do i have to",
)  # fmt: skip


def is_question(rest: str, request: bool | None = None) -> bool:
    """Whether what is left of a message asks rather than tells (「明日はテレワークですか？」)."""
    if _has(ADVICE, rest):
        return True
    if request is None:
        request = _has(REQUEST, rest)
    asked = "?" in rest or _has(QUESTION, rest) or _ASKS_FIRST.match(rest) is not None
    return asked and not request


def classify(f: Features) -> Intent:
    """The intent of a message (see the module docstring for the precedence)."""
    rest = f.rest
    declarable = bool(f.statuses)
    question = is_question(rest)
    request = _has(REQUEST, rest) and not question
    cancel = _has(CANCEL, rest) or f.status_negated
    if _has(HELP, rest) and not declarable and not f.has_dates:
        return Intent.HELP
    progress = _has(PROGRESS, rest) and (question or not (declarable and f.has_dates))
    own = _has(SELF, rest)
    if _has(STATS, rest) and not own and not (progress and _has(FIRST_PERSON, rest)):
        return Intent.QUERY_STATS  # 課の実績 is the section's, 私の実績 one's own
    if progress and not cancel:
        return Intent.QUERY_PROGRESS
    if f.has_person and _has(WHERE, rest) and not (request and declarable and not question):
        return Intent.QUERY_PERSON  # 鈴木さんの来週の予定を教えて: not one's own
    if (own or f.own_schedule) and not cancel:
        return Intent.QUERY_SELF
    if f.only_date_and_status or _has(WHO, rest) or (question and _has(POLITE_WHO, rest)):
        return Intent.QUERY_WHO
    change = _has(CHANGE, rest) or NOT_BUT.search(rest) is not None
    if question:
        about_a_day = (declarable or f.has_dates) and not f.presence
        first_person = _has(FIRST_PERSON, rest)
        # 「取り消せますか」 asks to act, not about the record
        if about_a_day and (not (cancel or change) or first_person):
            return Intent.QUERY_SELF
        if first_person and "予定" in rest:
            return Intent.QUERY_SELF
        if f.presence:
            return Intent.QUERY_SELF  # 今日は何時から業務開始しましたっけ, is lunch at 12?
    if f.status_changes and not f.has_every:
        return Intent.CHANGE  # 明日のテレワークやめて出社します, not WFH tomorrow, I'll come in
    if f.has_every or (cancel and _has(RECURRING_WORDS, rest)):
        return Intent.CANCEL_RECURRING if cancel else Intent.DECLARE_RECURRING
    if cancel:
        return Intent.CANCEL
    if change and (declarable or f.has_dates):
        return Intent.CHANGE
    if "start" in f.presence:
        return Intent.REPORT_START
    if "end" in f.presence:
        return Intent.REPORT_END
    if f.presence and not declarable:
        return Intent.PRESENCE
    if declarable and (
        request or (_has(PLEASE, rest) and f.has_dates and Status.TELEWORK in f.statuses)
    ):
        return Intent.REQUEST_APPROVAL
    if declarable or f.has_dates:
        return Intent.DECLARE
    return Intent.UNKNOWN
