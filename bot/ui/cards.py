"""Adaptive Card building blocks (schema 1.5) shared by every feature."""

from __future__ import annotations

from datetime import date
from typing import Any

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


def declare_button(title: str, day: date) -> dict[str, Any]:
    """The one-tap declare: the same data the declare read-back card sends."""
    entry = {"date": day.isoformat(), "part": "full", "status": "telework"}
    return execute(title, "declare_confirm", entries=[entry], replacing=[])


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
