"""Help, the welcome card, the language setting and "not understood": every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "welcome.title": (
            "テレワーク・ボットへようこそ",
            "Welcome to telework-bot",
        ),
        "welcome.personal": (
            "テレワークの予定登録、業務開始・終了の報告、目標の進捗確認をチャットで行えます。「ヘルプ」と入力すると使い方を表示します。",
            'Declare telework days, report the start and end of work, and check your progress against your telework target, all from chat. Type "help" to see how.',
        ),
        "welcome.team": (
            "このチームにテレワーク・ボットが追加されました。メンションして「ヘルプ」と送ると使い方を表示します。",
            'telework-bot has been added to this team. Mention it and say "help" to see how to use it.',
        ),
        "help.title": (
            "使い方",
            "How to use telework-bot",
        ),
        "help.intro": (
            "次のように話しかけてください。",
            "You can say things like:",
        ),
        "help.example": (
            "例: {example}",
            "e.g. {example}",
        ),
        "help.button": (
            "ヘルプを表示",
            "Show help",
        ),
        "unknown.text": (
            "申し訳ありません、「{text}」は理解できませんでした。",
            'Sorry, I did not understand "{text}".',
        ),
        "unknown.did_you_mean": (
            "もしかして「{suggestion}」ですか？",
            'Did you mean "{suggestion}"?',
        ),
        "unknown.short_hint": (
            "「明日テレワーク」のように、日付と勤務形態を送ってください。「ヘルプ」で使い方を表示します。",
            'Tell me a day and what you will do, e.g. "WFH tomorrow". Type "help" to see what I can do.',
        ),
        "reply.nothing_open": (
            "いま確認をお待ちしているものはありません。ご用件をどうぞ（例：明日テレワーク）。「ヘルプ」で使い方を表示します。",
            'There is nothing waiting for your answer. What would you like to do? (e.g. "WFH tomorrow") Type "help" to see what I can do.',
        ),
        "unknown.empty": (
            "メッセージが空でした。",
            "Your message was empty.",
        ),
        "unknown.action": (
            "このボタンの操作には対応していません。「ヘルプ」で使い方を確認できます。",
            'That button is not supported. Type "help" to see what I can do.',
        ),
        "language.set": (
            "表示言語を日本語に設定しました。",
            "I will answer in English from now on.",
        ),
        "language.ask": (
            "表示言語を選んでください（「言語 日本語」または「language English」）。",
            'Choose a language: "language English" or 「言語 日本語」.',
        ),
    }
)
