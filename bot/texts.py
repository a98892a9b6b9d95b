"""Every user-facing sentence, in Japanese and English: one home per language.

Japanese uses polite です/ます. Keys are stable identifiers; :func:`text` formats them.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["ja", "en"]
LANGS: Final[tuple[Lang, ...]] = ("ja", "en")

JA: Final[dict[str, str]] = {
    "welcome.title": "テレワーク・ボットへようこそ",
    "welcome.personal": (
        "テレワークの予定登録、業務開始・終了の報告、目標の進捗確認をチャットで行えます。"
        "「ヘルプ」と入力すると使い方を表示します。"
    ),
    "welcome.team": (
        "このチームにテレワーク・ボットが追加されました。"
        "メンションして「ヘルプ」と送ると使い方を表示します。"
    ),
    "help.title": "使い方",
    "help.intro": "次のように話しかけてください。",
    "help.example": "例: {example}",
    "help.button": "ヘルプを表示",
    "unknown.text": "申し訳ありません、「{text}」は理解できませんでした。",
    "unknown.did_you_mean": "もしかして「{suggestion}」ですか？",
    "unknown.empty": "メッセージが空でした。",
    "unknown.action": "このボタンの操作には対応していません。「ヘルプ」で使い方を確認できます。",
    "language.set": "表示言語を日本語に設定しました。",
    "language.ask": "表示言語を選んでください（「言語 日本語」または「language English」）。",
    "error.incident": (
        "申し訳ありません、処理中に問題が発生しました。お手数ですが、もう一度お試しください。"
        "（問い合わせ番号: {incident}）"
    ),
    "tenant.refused": "この組織からは利用できません。",
}

EN: Final[dict[str, str]] = {
    "welcome.title": "Welcome to telework-bot",
    "welcome.personal": (
        "Declare telework days, report the start and end of work, and check your progress "
        'against your telework target, all from chat. Type "help" to see how.'
    ),
    "welcome.team": (
        'telework-bot has been added to this team. Mention it and say "help" to see how to use it.'
    ),
    "help.title": "How to use telework-bot",
    "help.intro": "You can say things like:",
    "help.example": "e.g. {example}",
    "help.button": "Show help",
    "unknown.text": 'Sorry, I did not understand "{text}".',
    "unknown.did_you_mean": 'Did you mean "{suggestion}"?',
    "unknown.empty": "Your message was empty.",
    "unknown.action": 'That button is not supported. Type "help" to see what I can do.',
    "language.set": "I will answer in English from now on.",
    "language.ask": 'Choose a language: "language English" or 「言語 日本語」.',
    "error.incident": (
        "Sorry, something went wrong on my side. Please try again. (Incident {incident})"
    ),
    "tenant.refused": "This organisation is not allowed to use this bot.",
}

CATALOGUE: Final[dict[Lang, dict[str, str]]] = {"ja": JA, "en": EN}


def text(lang: Lang, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang``, with ``values`` filled in."""
    return CATALOGUE[lang][key].format(**values)


JA.update(
    {
        "roster.unknown": (
            "申し訳ありません。職員名簿であなたを確認できませんでした。"
            "テレワークの登録には名簿への登録が必要です。"
            "お手数ですが、テレワーク推進担当（事務局）にお問い合わせください。"
        ),
        "progress.title": "テレワーク目標の進捗（{date}現在）",
        "progress.target": "{category}：{period}に{needed}回以上",
        "progress.done": "実施 {done}回（予定 {planned}回）・あと{remaining}回",
        "progress.met": "達成しました（実施 {done}回）。",
        "progress.on_track": "順調です。次の目安：{next}までにあと1回",
        "progress.behind": "目標に遅れています。期限：{deadline}",
        "progress.none.exempt": "担当業務（{reason}）のため、テレワークの目標はありません。",
        "progress.none.conditional": (
            "条件付採用期間中のため、{until}まではテレワークの対象外です。"
        ),
        "progress.none.inactive": "在職中の職員として登録されていません。",
        "progress.none.no_category": "あなたに適用されるテレワーク目標はありません。",
        "exempt.diet_work": "国会業務",
        "exempt.counter_service": "窓口業務",
        "exempt.other": "テレワークになじまない業務",
    }
)

EN.update(
    {
        "roster.unknown": (
            "Sorry, I could not find you in the staff roster, which telework declarations need. "
            "Please ask the telework secretariat to add you."
        ),
        "progress.title": "Your telework targets (as of {date})",
        "progress.target": "{category}: at least {needed} in {period}",
        "progress.done": "Done {done} (planned {planned}) · {remaining} to go",
        "progress.met": "Met ({done} done).",
        "progress.on_track": "On track. Next milestone: one more by {next}",
        "progress.behind": "Behind target. Deadline: {deadline}",
        "progress.none.exempt": "Your work ({reason}) has no telework target.",
        "progress.none.conditional": (
            "You are in your conditional appointment period; telework starts after {until}."
        ),
        "progress.none.inactive": "You are not registered as active staff.",
        "progress.none.no_category": "No telework target applies to you.",
        "exempt.diet_work": "Diet work",
        "exempt.counter_service": "counter service",
        "exempt.other": "work unsuited to telework",
    }
)
