"""Help, language, the welcome card and the fallback for what was not understood: they work
everywhere and for everyone (help is how a person not yet on the roster learns what to do)."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, on_intents, route
from bot.core.turn import EVERYWHERE
from bot.features.help.help import (
    LanguageChoice,
    Welcome,
    help_asked,
    language,
    not_understood,
    short_reply,
    show_help,
    welcome,
)
from dialogs.understanding import Intent

HELP = Words(
    words={"ja": ("ヘルプ", "使い方", "つかいかた", "help"), "en": ("help", "?", "commands")},
    title={"ja": "ヘルプ", "en": "help"},
    description={"ja": "使い方とコマンドの一覧を表示します", "en": "Show what I can do"},
    example={"ja": "ヘルプ", "en": "help"},
)
LANGUAGE = Words(
    words={"ja": ("言語", "げんご"), "en": ("language", "lang")},
    title={"ja": "言語", "en": "language"},
    description={
        "ja": "表示言語を切り替えます（日本語 / English）",
        "en": "Switch the language I answer in (English / 日本語)",
    },
    example={"ja": "言語 English", "en": "language 日本語"},
    in_menu=False,  # in help; the menu holds ten
)

ROUTES = (
    route("help", show_help, NoPayload, scopes=EVERYWHERE, roster=False, words=HELP),
    route("language", language, LanguageChoice, scopes=EVERYWHERE, words=LANGUAGE),
    route("welcome", welcome, Welcome, scopes=EVERYWHERE, roster=False),
)

INTENTS = (
    on_intents((Intent.HELP,), help_asked, scopes=EVERYWHERE, roster=False),
    on_intents((Intent.UNKNOWN,), not_understood, scopes=EVERYWHERE, roster=False),
    on_intents(
        (Intent.AFFIRM, Intent.NEGATE, Intent.ABORT), short_reply, scopes=EVERYWHERE, roster=False
    ),
)
