"""The text catalogue: every user-facing sentence, Japanese and English side by side.

Each feature keeps its sentences in its own ``texts.py`` and registers them with
:func:`add_texts` when its package is imported; this module holds the machinery and the
sentences every feature shares. Japanese uses polite です/ます. Keys are stable identifiers
(``<feature>.<what>``); :func:`text` formats them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

Lang = Literal["ja", "en"]
LANGS: Final[tuple[Lang, ...]] = ("ja", "en")

CATALOGUE: Final[dict[Lang, dict[str, str]]] = {"ja": {}, "en": {}}


def add_texts(sentences: Mapping[str, tuple[str, str]]) -> None:
    """Register ``{key: (Japanese, English)}``; a key may be defined once only."""
    clash = set(sentences) & set(CATALOGUE["ja"])
    if clash:
        raise ValueError(f"text keys defined twice: {sorted(clash)}")
    for key, (ja, en) in sentences.items():
        CATALOGUE["ja"][key] = ja
        CATALOGUE["en"][key] = en


def text(lang: Lang, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` with its placeholders filled."""
    return CATALOGUE[lang][key].format(**values)


def template(lang: Lang, key: str) -> str:
    """The sentence ``key`` in ``lang`` unformatted (a template someone may edit)."""
    return CATALOGUE[lang][key]


# Sentences every feature may use.
add_texts(
    {
        "error.incident": (
            "申し訳ありません、処理中に問題が発生しました。お手数ですが、もう一度お試しください。（問い合わせ番号: {incident}）",
            "Sorry, something went wrong on my side. Please try again. (Incident {incident})",
        ),
        "scope.personal_only": (
            "この内容には個人の予定や目標などの情報が含まれるため、ボットとの1対1のチャットでのみお答えしています。お手数ですが、ボットとの個人チャットでもう一度お試しください。",
            "I answer that only in a one-to-one chat with me, because it can include personal information such as schedules and targets. Please open a chat with me and ask there.",
        ),
        "message.too_long": (
            "メッセージが長すぎるため読み取れませんでした（{limit}文字まで）。短くしてもう一度お送りください。",
            "Your message is too long for me to read (up to {limit} characters). Please send a shorter one.",
        ),
        "turn.rate_limited": (
            "短い間に多くのメッセージを受け取ったため、しばらく応答を控えています。1分ほどおいてから、もう一度お試しください。",
            "I received many messages from you in a short time, so I am pausing for a moment. Please wait a minute and try again.",
        ),
        "tenant.refused": (
            "この組織からは利用できません。",
            "This organisation cannot use this bot.",
        ),
        "access.denied": (
            "この操作を行う権限がありません。",
            "You are not allowed to do that.",
        ),
        "action.invalid": (
            "このボタンの内容を読み取れませんでした。カードが古い可能性があります。もう一度操作を始めてください。",
            "I could not read this button's data; the card may be out of date. Please start again.",
        ),
        "roster.unknown": (
            "申し訳ありません。職員名簿であなたを確認できませんでした。テレワークの登録には名簿への登録が必要です。お手数ですが、テレワーク推進担当（事務局）にお問い合わせください。",
            "Sorry, I could not find you in the staff roster, which telework declarations need. Please ask the telework secretariat to add you.",
        ),
        "exempt.diet_work": (
            "国会業務",
            "Diet work",
        ),
        "exempt.counter_service": (
            "窓口業務",
            "counter service",
        ),
        "exempt.other": (
            "テレワークになじまない業務",
            "work unsuited to telework",
        ),
        "conversation.stopped": (
            "わかりました、中止します。何も保存していません。",
            "All right, I stopped there. Nothing was saved.",
        ),
        "question.which_day": (
            "いつですか？（例：明日、12/3、来週の月・水）",
            "Which day? (e.g. tomorrow, 12/3, Mon and Wed next week)",
        ),
        "presence.label.start": (
            "業務中",
            "working",
        ),
        "presence.label.end": (
            "業務終了",
            "signed off",
        ),
        "presence.label.away": (
            "離席中",
            "away",
        ),
        "presence.label.back": (
            "業務中",
            "working",
        ),
        "presence.label.meeting": (
            "会議中",
            "in a meeting",
        ),
        "pending.state": (
            "承認待ち",
            "awaiting approval",
        ),
    }
)
