"""Adaptive Card building blocks (schema 1.5) shared by every feature.

Every card goes through :func:`card`, which makes it fit every Teams client:

- ``fallbackText``: what a client that cannot render the card shows instead (the card's
  texts and facts, in the card's language, shortened);
- buttons in rows of at most :data:`MAX_BUTTONS_IN_ROW`: on a phone Teams lays a card's
  actions side by side, and a fourth button no longer fits a 320-px-wide screen (its title is
  cut off). Longer lists become several rows (``ActionSet``s at the end of the body, the last
  row as the card's own actions), in the same order;
- every ``Action.Execute`` (a Universal Action, Adaptive Cards 1.4) carries an
  ``Action.Submit`` with the same data as its ``fallback``, as Microsoft advises for Teams
  clients that do not render Universal Actions; the bot answers both the same way (an
  ``Action.Submit`` arrives as a message whose ``value`` names the command).

Nothing else the cards use needs more than Adaptive Cards 1.3 (input ``label``s,
``isRequired``; a 1.2 client shows the inputs without their labels).
"""

from __future__ import annotations

from datetime import date
from typing import Any

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
Card = dict[str, Any]
MAX_BUTTONS_IN_ROW = 3
FALLBACK_TEXT_MAX = 600
"""Characters of ``fallbackText`` (it travels with the card and counts in Teams' size limit)."""


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> Card:
    """A card of ``body`` elements and ``actions`` (buttons), ready for every client."""
    body = [_rows_of_buttons(element) for element in body]
    rows = _rows(actions or [])
    body += [{"type": "ActionSet", "actions": row} for row in rows[:-1]]
    result: Card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    if rows:
        result["actions"] = rows[-1]
    result["fallbackText"] = fallback_text(result)
    return result


def _rows(actions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    size = MAX_BUTTONS_IN_ROW
    return [actions[start : start + size] for start in range(0, len(actions), size)]


def _rows_of_buttons(element: dict[str, Any]) -> dict[str, Any]:
    """An ``ActionSet`` of more than three buttons becomes a Container of rows."""
    if element.get("type") != "ActionSet" or len(element["actions"]) <= MAX_BUTTONS_IN_ROW:
        return element
    rows = [{"type": "ActionSet", "actions": row} for row in _rows(element["actions"])]
    return {"type": "Container", "items": rows}


def heading(value: str) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "weight": "Bolder", "size": "Medium", "wrap": True}


def paragraph(value: str, *, subtle: bool = False) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "TextBlock", "text": value, "wrap": True}
    if subtle:
        block["isSubtle"] = True
    return block


def execute(title: str, command: str, **data: Any) -> dict[str, Any]:
    """A button that runs ``command`` through the command table (Universal Action), with an
    ``Action.Submit`` of the same data for clients without Universal Actions."""
    payload = {"command": command, **data}
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": command,
        "data": payload,
        "fallback": {"type": "Action.Submit", "title": title, "data": payload},
    }


def declare_button(title: str, day: date) -> dict[str, Any]:
    """The one-tap declare: the same data the declare read-back card sends."""
    entry = {"date": day.isoformat(), "part": "full", "status": "telework"}
    return execute(title, "declare_confirm", entries=[entry], replacing=[])


def card_actions(value: Card) -> list[dict[str, Any]]:
    """Every button of a card, in the order a reader sees them (rows in the body, then the
    card's own actions)."""
    found: list[dict[str, Any]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            kind = item.get("type")
            if kind == "ActionSet":
                found.extend(item.get("actions", []))
            elif kind in ("Container", "Column"):
                walk(item.get("items", []))
            elif kind == "ColumnSet":
                walk(item.get("columns", []))

    walk(value.get("body", []))
    return found + list(value.get("actions", []))


def _texts(value: Card) -> list[str]:
    lines: list[str] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            kind = item.get("type")
            if kind == "TextBlock":
                lines.append(str(item.get("text", "")))
            elif kind == "FactSet":
                lines.extend(f"  {f['title']}: {f['value']}" for f in item.get("facts", []))
            elif kind == "Image" and item.get("altText"):
                lines.append(str(item["altText"]))
            elif kind in ("Container", "Column"):
                walk(item.get("items", []))
            elif kind == "ColumnSet":
                walk(item.get("columns", []))

    walk(value.get("body", []))
    return lines


def fallback_text(value: Card) -> str:
    """The card's texts and facts as one plain text, at most FALLBACK_TEXT_MAX characters;
    the button titles when it has no text at all."""
    lines = [line for line in _texts(value) if line.strip()]
    if not lines:
        lines = [str(a.get("title", "")) for a in card_actions(value)] or ["…"]
    joined = "\n".join(lines)
    if len(joined) > FALLBACK_TEXT_MAX:
        joined = joined[: FALLBACK_TEXT_MAX - 1].rstrip() + "…"
    return joined


def card_plain_text(value: Card) -> str:
    """A readable rendering of a card for the terminal chat and logs of tests."""
    lines = _texts(value)
    for number, action in enumerate(card_actions(value), start=1):
        lines.append(f"  [{number}] {action.get('title', '')}")
    return "\n".join(lines)
