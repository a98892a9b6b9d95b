"""Adaptive Cards (schema 1.5) built from the command table and the text catalogue."""

from __future__ import annotations

from typing import Any

from bot.core.commands import COMMANDS, Command
from bot.ui.texts import Lang, text

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
Card = dict[str, Any]


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> Card:
    result: Card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    if actions:
        result["actions"] = actions
    return result


def heading(value: str) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "weight": "Bolder", "size": "Medium", "wrap": True}


def paragraph(value: str, *, subtle: bool = False) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "TextBlock", "text": value, "wrap": True}
    if subtle:
        block["isSubtle"] = True
    return block


def execute(title: str, command: str, **data: Any) -> dict[str, Any]:
    """A button that runs ``command`` through the command table (Universal Action)."""
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": command,
        "data": {"command": command, **data},
    }


def welcome_card(lang: Lang, *, team: bool) -> Card:
    return card(
        [
            heading(text(lang, "welcome.title")),
            paragraph(text(lang, "welcome.team" if team else "welcome.personal")),
        ],
        [execute(text(lang, "help.button"), "help")],
    )


def _example(lang: Lang, command: Command) -> str:
    return text(lang, "help.example", example=command.example[lang])


def help_card(lang: Lang, commands: tuple[Command, ...] = COMMANDS) -> Card:
    facts = [
        {
            "title": c.words[lang][0],
            "value": f"{c.description[lang]}　{_example(lang, c)}",
        }
        for c in commands
    ]
    return card(
        [
            heading(text(lang, "help.title")),
            paragraph(text(lang, "help.intro")),
            {"type": "FactSet", "facts": facts},
        ]
    )


def card_plain_text(value: Card) -> str:
    """A readable rendering of a card for the terminal chat and logs of tests."""
    lines: list[str] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            kind = item.get("type")
            if kind == "TextBlock":
                lines.append(str(item.get("text", "")))
            elif kind == "FactSet":
                lines.extend(f"  {f['title']}: {f['value']}" for f in item.get("facts", []))
            elif kind in ("Container", "Column"):
                walk(item.get("items", []))
            elif kind == "ColumnSet":
                walk(item.get("columns", []))

    walk(value.get("body", []))
    for number, action in enumerate(value.get("actions", []), start=1):
        lines.append(f"  [{number}] {action.get('title', '')}")
    return "\n".join(lines)
