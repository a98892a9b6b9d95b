"""Which intent a message carries, from cue words left after dates, parts, statuses and
names were taken out, and from what was found.

The order of the checks is the precedence (first match wins): help, statistics, own
schedule, a person, who, recurring cancel/declare, cancel, change, start/end-of-work
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
    "目標",
    "進捗",
    "達成状況",
    "達成",
    "私の予定",
    "自分の予定",
    "予定確認",
    "予定を確認",
    "予定を教えて",
    "私の登録",
    "自分の登録",
    "登録状況",
    "登録内容",
    "私の状況",
    "自分の状況",
    "実施回数",
    "あと何回",
    "残り何回",
    "何回",
    "私のテレワーク",
    "自分のテレワーク",
    "my schedule",
    "my plan",
    "my plans",
    "my progress",
    "my status",
    "my target",
    "my targets",
    "my goal",
    "my quota",
    "how many days",
    "how many times",
    "my declarations",
    "my entries",
    "what have i",
    "my telework",
    "am i on track",
    "my week",
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


def classify(f: Features) -> Intent:
    """The intent of a message (see the module docstring for the precedence)."""
    rest = f.rest
    declarable = bool(f.statuses)
    if _has(HELP, rest) and not declarable and not f.has_dates:
        return Intent.HELP
    if _has(STATS, rest) and not _has(SELF, rest):
        return Intent.QUERY_STATS
    if _has(SELF, rest) and not _has(CANCEL, rest):
        return Intent.QUERY_SELF
    if f.has_person and _has(WHERE, rest):
        return Intent.QUERY_PERSON
    if _has(WHO, rest) or f.only_date_and_status:
        return Intent.QUERY_WHO
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
