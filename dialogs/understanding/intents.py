"""Which intent a message carries, from cue words left after dates, parts, statuses and
names were taken out, and from what was found.

The order of the checks is the precedence (first match wins): help, statistics, own
progress, own schedule, a person, who, a question about a day (asked, so about one's own
record: never a declaration), recurring cancel/declare, cancel, change, start/end-of-work
reports, presence, approval request, declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    "かな",
    "am i",
    "do i",
    "did i",
    "have i",
    "is my",
    "are my",
    "is it my",
    "what",
    "which",
    "when",
    "how",
)
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
    "誰か",
    "who",
    "who's",
    "whos",
    "anyone",
    "anybody",
    "how many people",
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
    "中止",
    "削除",
    "撤回",
    "なしで",
    "なしに",
    "無しで",
    "無しに",
    "なくなりました",
    "無くなりました",
    "不要になり",
    "しません",
    "しないことに",
    "cancel",
    "cancelled",
    "canceled",
    "cancelling",
    "scrap",
    "delete",
    "remove",
    "withdraw",
    "no longer",
    "not going to",
    "won't",
    "will not",
    "stop",
    "call off",
)
CHANGE = _cues(
    "変更",
    "変えて",
    "変えます",
    "変えたい",
    "入れ替え",
    "振り替え",
    "ずらし",
    "ではなく",
    "じゃなくて",
    "じゃなく",
    "でなく",
    "change",
    "changed",
    "switch",
    "move",
    "moved",
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
PAST = re.compile(
    r"でした|しました|してました|していました|だった|漏れ|忘れ|(?<![a-z])(?:worked|was|were|"
    r"forgot|did|had)(?![a-z])"
)


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


def _has(lexicon: Lexicon[bool], text: str) -> bool:
    return lexicon.search(text) is not None


def is_question(rest: str) -> bool:
    """Whether what is left of a message asks rather than tells (「明日はテレワークですか？」)."""
    return ("?" in rest or _has(QUESTION, rest)) and not _has(REQUEST, rest)


def classify(f: Features) -> Intent:
    """The intent of a message (see the module docstring for the precedence)."""
    rest = f.rest
    declarable = bool(f.statuses)
    question = is_question(rest)
    if _has(HELP, rest) and not declarable and not f.has_dates:
        return Intent.HELP
    progress = _has(PROGRESS, rest) and (question or not (declarable and f.has_dates))
    if _has(STATS, rest) and not progress and not _has(SELF, rest):
        return Intent.QUERY_STATS
    if progress and not _has(CANCEL, rest):
        return Intent.QUERY_PROGRESS
    if _has(SELF, rest) and not _has(CANCEL, rest):
        return Intent.QUERY_SELF
    if f.has_person and _has(WHERE, rest):
        return Intent.QUERY_PERSON
    if _has(WHO, rest) or f.only_date_and_status:
        return Intent.QUERY_WHO
    about_a_day = (declarable or f.has_dates) and not f.presence
    acting = _has(CANCEL, rest) or _has(CHANGE, rest)  # 「取り消せますか」 is a request
    if question and about_a_day and (not acting or _has(FIRST_PERSON, rest)):
        return Intent.QUERY_SELF
    if question and _has(FIRST_PERSON, rest) and "予定" in rest:
        return Intent.QUERY_SELF
    cancel = _has(CANCEL, rest)
    if f.has_every or (cancel and _has(RECURRING_WORDS, rest)):
        return Intent.CANCEL_RECURRING if cancel else Intent.DECLARE_RECURRING
    if cancel:
        return Intent.CANCEL
    if _has(CHANGE, rest) and (declarable or f.has_dates):
        return Intent.CHANGE
    if "start" in f.presence:
        return Intent.REPORT_START
    if "end" in f.presence:
        return Intent.REPORT_END
    if f.presence and not declarable:
        return Intent.PRESENCE
    if declarable and (
        _has(REQUEST, rest)
        or (_has(PLEASE, rest) and f.has_dates and Status.TELEWORK in f.statuses)
    ):
        return Intent.REQUEST_APPROVAL
    if declarable or f.has_dates:
        return Intent.DECLARE
    return Intent.UNKNOWN
