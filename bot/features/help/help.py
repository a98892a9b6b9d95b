"""Help, the welcome card, the language setting, and the answer to what was not understood."""

from __future__ import annotations

from pydantic import Field

from bot.core.router import Payload, Route
from bot.core.turn import Reply, Scope, Turn
from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import plain
from bot.ui.texts import Lang, text
from dialogs.understanding import Interpretation, suggest
from dialogs.understanding.commands import normalise

MAX_TEXT_ECHO = 40
SHORT_REPLY_CHARS = 6  # 「うーん」, "hmm", "thx": answered in a line, not with the help card
FREE_TEXT = ("declare", "cancel", "presence", "people")


def help_card(turn: Turn) -> Card:
    """Every command of the router that this conversation allows, with an example.

    One command after another, its words above its description: a two-column FactSet leaves
    the descriptions a column too narrow for English words on a phone."""
    lang = turn.lang
    commands = turn.router.commands(turn.conversation.scope) if turn.router else []
    body = [heading(text(lang, "help.title")), paragraph(text(lang, "help.intro"))]
    for route in commands:
        if (words := route.words) is None:
            continue
        body.append(
            {
                "type": "TextBlock",
                "text": words.words[lang][0],
                "weight": "Bolder",
                "wrap": True,
                "spacing": "Medium",
            }
        )
        described = f"{words.description[lang]}　" + text(
            lang, "help.example", example=words.example[lang]
        )
        body.append({**paragraph(described), "spacing": "None"})
    # What free text does beyond the commands (features that answer meanings, not words:
    # in 1:1 chats only, like those meanings).
    if turn.conversation.scope is not Scope.PERSONAL:
        return card(body)
    body.append({**heading(text(lang, "help.free_text")), "spacing": "Large"})
    for topic in FREE_TEXT:
        body.append(
            {
                "type": "TextBlock",
                "text": text(lang, f"help.free.{topic}.title"),
                "weight": "Bolder",
                "wrap": True,
                "spacing": "Medium",
            }
        )
        body.append({**paragraph(text(lang, f"help.free.{topic}")), "spacing": "None"})
    return card(body)


async def show_help(turn: Turn, _payload: object) -> Reply:
    return Reply(card=help_card(turn))


async def help_asked(turn: Turn, _meaning: Interpretation) -> Reply:
    return Reply(card=help_card(turn))


class Welcome(Payload):
    team: bool = False


async def welcome(turn: Turn, payload: Welcome) -> Reply:
    """The first card after an install (1:1 or in a team), in the person's language; in both
    when nothing tells it yet (an install often comes without a locale, and the messages
    that follow may carry en-US)."""
    langs: tuple[Lang, ...] = (turn.lang,) if await _language_known(turn) else ("ja", "en")
    key = "welcome.team" if payload.team else "welcome.personal"
    body = [heading(" / ".join(text(lang, "welcome.title") for lang in langs))]
    body += [paragraph(text(lang, key)) for lang in langs]
    # Both languages on one button must still fit a phone (at most ~12 characters each).
    key = "help.button" if len(langs) == 1 else "help.button.short"
    title = " / ".join(text(lang, key) for lang in langs)
    return Reply(card=card(body, [execute(title, "help")]))


async def _language_known(turn: Turn) -> bool:
    if turn.sender.locale:
        return True
    viewer = None if turn.conversation.scope != Scope.PERSONAL else await turn.viewer()
    member = viewer.member if viewer else None
    return member is not None and member.language_known


async def not_understood(turn: Turn, _meaning: Interpretation) -> Reply:
    """What was written, why it was not understood, a "did you mean", and help (for a short
    reply, a one-line hint instead of the whole help card)."""
    lang = turn.lang
    written = turn.text
    if not written.strip():
        return Reply(text=text(lang, "unknown.empty"), card=help_card(turn))
    shown = written if len(written) <= MAX_TEXT_ECHO else written[:MAX_TEXT_ECHO] + "…"
    lines = [text(lang, "unknown.text", text=plain(shown))]
    close = suggest(written, turn.router.vocabulary) if turn.router else None
    route: Route[Payload] | None = turn.router.routes.get(close) if turn.router and close else None
    if route is not None and route.words is not None:
        suggestion = route.words.words[lang][0]
        lines.append(text(lang, "unknown.did_you_mean", suggestion=suggestion))
    if len(written.strip()) <= SHORT_REPLY_CHARS:
        lines.append(text(lang, "unknown.short_hint"))
        return Reply(text="\n\n".join(lines))
    return Reply(text="\n\n".join(lines), card=help_card(turn))


async def short_reply(turn: Turn, _meaning: Interpretation) -> Reply:
    """「はい」「いいえ」「やめる」 with nothing waiting for an answer: one sentence, never the
    whole help card."""
    return Reply(text=text(turn.lang, "reply.nothing_open"))


class LanguageChoice(Payload):
    language: str = Field(default="", max_length=20)


_JAPANESE = ("ja", "japanese", "日本語", "にほんご")
_ENGLISH = ("en", "english", "英語", "えいご")


async def language(turn: Turn, payload: LanguageChoice) -> Reply:
    """「言語 English」/"language 日本語": the language for everything the bot says to this
    person, in chat and in every message it sends them."""
    wanted = normalise(turn.argument or payload.language)
    choice: Lang | None = "ja" if wanted in _JAPANESE else "en" if wanted in _ENGLISH else None
    if choice is None:
        return Reply(text=text(turn.lang, "language.ask"))
    viewer = await turn.staff()
    employee_id = viewer.member.employee_id
    await turn.services.languages.set_language(employee_id, choice, actor=employee_id)
    turn.lang = choice
    return Reply(text=text(choice, "language.set"))
