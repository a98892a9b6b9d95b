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
        "help.free_text": (
            "ほかにも、ふだんの言葉で伝わります",
            "Plain sentences work too",
        ),
        "help.free.declare.title": ("予定の登録・変更", "Declare or change a day"),
        "help.free.declare": (
            "「明日テレワーク」「来週の月・水 在宅」「12/8のテレワークを12/10に変更」",
            '"telework tomorrow", "WFH Mon and Wed next week", "move Dec 8 telework to Dec 10"',
        ),
        "help.free.cancel.title": ("取り消し", "Cancel"),
        "help.free.cancel": (
            "「明日のテレワークを取り消し」「毎週水曜のテレワークをやめる」",
            '"cancel tomorrow\'s telework", "stop my Wednesday telework"',
        ),
        "help.free.presence.title": (
            "勤務の報告（時刻を書けばその時刻で記録）",
            "Report your day (with a time, at that time)",
        ),
        "help.free.presence": (
            "「業務開始」「9時に業務開始しました」「離席」「戻りました」「業務終了」"
            "「開始時刻を9:00に修正」",
            '"starting work", "started work at 9", "stepping away", "I\'m back", "signing off", '
            '"correct my start time to 9:00"',
        ),
        "help.free.people.title": ("人・課の予定を見る", "Find people"),
        "help.free.people": (
            "「田中さんはどこ？」「明日誰がテレワーク？」",
            '"where is Tanaka?", "who is teleworking tomorrow?"',
        ),
        "help.button": (
            "ヘルプを表示",
            "Show help",
        ),
        "help.button.short": ("ヘルプ", "Help"),
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
