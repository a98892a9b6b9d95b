"""Test-side checks for Adaptive Cards: the 1.5 schema and the size Teams counts.

``assert_valid_card(card)`` validates against the official Adaptive Card 1.5 JSON schema
(tests/fixtures/adaptive-cards/, with its source note) and checks what the schema leaves open
but Teams needs: a top-level ``"type": "AdaptiveCard"`` and a ``version`` Teams renders (≤ 1.5).
It also holds every card to what makes it work on every client (bot/ui/cards.py): a
``fallbackText``, at most three buttons in a row (a 320-px-wide phone fits no more), and an
``Action.Submit`` with the same data as the ``fallback`` of every ``Action.Execute``.

``card_payload_size(card)`` and ``message_size(activity)`` measure a message the way Teams'
documentation says it is counted, and ``assert_within_budget`` holds a card to a budget.

What Microsoft documents (Teams platform docs, "Format your bot messages",
https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages):
the bot message size limit is approximate and covers "the message itself (text, image links,
etc.), @-mentions, and reactions encoded as UTF-16", not base64-encoded images; past it the
connector answers 413 ``MessageSizeTooBig``. The limit is 100 KB with 80 KB recommended in the
current page, 40 KB in its earlier versions, and about 28 KB for a message posted through the
Teams connector of Power Automate / Logic Apps. ``TEAMS_BUDGET`` takes the strictest of these,
28 KB, so a card that passes here passes on every path and in older clients too.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft6Validator, ValidationError

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA_PATH = (
    Path(__file__).parent / "fixtures" / "adaptive-cards" / "adaptive-card-1.5.schema.json"
)
TEAMS_VERSIONS = ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5")
MAX_BUTTONS_IN_ROW = 3
TEAMS_BUDGET = 28 * 1024
"""Bytes of UTF-16 (see the module docstring for why 28 KB)."""

# The base64 part of a data: URL (an inline image); Teams does not count it.
_INLINE_IMAGE = re.compile(r"(data:image/[\w.+-]+;base64,)[A-Za-z0-9+/=]+")

Card = dict[str, Any]


@cache
def validator() -> Draft6Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft6Validator.check_schema(schema)
    return Draft6Validator(schema, format_checker=Draft6Validator.FORMAT_CHECKER)


def _where(error: ValidationError) -> str:
    return "/".join(str(p) for p in error.absolute_path) or "(card)"


def _wrong_kind(error: ValidationError) -> bool:
    """An ``anyOf`` alternative rejected for being another kind of thing altogether: another
    element or action ``type``, or another JSON type."""
    relative = list(error.relative_path)
    return (error.validator == "enum" and relative == ["type"]) or (
        error.validator == "type" and relative == []
    )


def _explain(error: ValidationError) -> list[str]:
    """The reasons behind an error. The schema's ``anyOf`` lists every element (and action)
    type as an alternative; follow only the alternatives of the right kind, so that a bad
    ``size`` on a TextBlock reads as that and not as "not a Container, not an Image, …"."""
    if not error.context:
        return [f"{_where(error)}: {error.message}"]
    alternatives: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        alternatives.setdefault(sub.relative_schema_path[0], []).append(sub)
    right_kind = [errs for errs in alternatives.values() if not any(map(_wrong_kind, errs))]
    if not right_kind:
        kind = error.instance.get("type") if isinstance(error.instance, dict) else None
        if kind is not None:
            return [f"{_where(error)}: unknown type {kind!r}"]
        return [f"{_where(error)}: {error.message}"]
    return sorted({line for errs in right_kind for sub in errs for line in _explain(sub)})


def _rows_and_actions(node: Any, where: str = "") -> list[tuple[str, list[Any], Any]]:
    """Every row of buttons (a card's ``actions``, an ActionSet's) and every action, with
    where it is: ``(path, row, None)`` for a row, ``(path, [], action)`` for an action."""
    found: list[tuple[str, list[Any], Any]] = []
    if isinstance(node, dict):
        if isinstance(node.get("actions"), list):
            found.append((f"{where}/actions" if where else "actions", node["actions"], None))
        if str(node.get("type", "")).startswith("Action."):
            found.append((where, [], node))
        for key, value in node.items():
            if key != "fallback":  # an action's fallback is not another button
                found += _rows_and_actions(value, f"{where}/{key}" if where else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _rows_and_actions(value, f"{where}/{i}")
    return found


def client_problems(card: Card) -> list[str]:
    """What keeps ``card`` from working on every Teams client (empty: none): no
    ``fallbackText``, more than three buttons in a row, an ``Action.Execute`` without an
    ``Action.Submit`` fallback carrying the same data."""
    problems = []
    fallback = card.get("fallbackText")
    if not isinstance(fallback, str) or not fallback.strip():
        problems.append("(card): no fallbackText for clients that cannot render the card")
    for where, row, action in _rows_and_actions(card):
        if action is None and len(row) > MAX_BUTTONS_IN_ROW:
            problems.append(f"{where}: {len(row)} buttons in a row (at most {MAX_BUTTONS_IN_ROW})")
        if action is not None and action.get("type") == "Action.Execute":
            backup = action.get("fallback")
            if not (
                isinstance(backup, dict)
                and backup.get("type") == "Action.Submit"
                and backup.get("data") == action.get("data")
                and backup.get("title") == action.get("title")
            ):
                problems.append(f"{where}: Action.Execute without an Action.Submit fallback")
    return problems


def card_errors(card: Card) -> list[str]:
    """Every way ``card`` breaks the 1.5 schema, Teams' top-level needs or what older and
    narrow clients need (:func:`client_problems`); empty: valid."""
    problems = [line for error in validator().iter_errors(card) for line in _explain(error)]
    if card.get("type") != "AdaptiveCard":
        problems.append(f'(card): type is {card.get("type")!r}, not "AdaptiveCard"')
    if card.get("version") not in TEAMS_VERSIONS:
        problems.append(f"(card): version {card.get('version')!r} is not one Teams renders (≤ 1.5)")
    return problems + client_problems(card)


def assert_valid_card(card: Card) -> None:
    """Fail with every schema error (and the card) unless ``card`` is a valid 1.5 card."""
    problems = card_errors(card)
    assert not problems, (
        "invalid Adaptive Card:\n  "
        + "\n  ".join(problems)
        + ("\n" + json.dumps(card, ensure_ascii=False, indent=1)[:4000])
    )


def cards_in(activity: dict[str, Any]) -> list[Card]:
    """The Adaptive Cards an outgoing activity (or an invoke response body) carries."""
    found: list[Card] = [
        attachment["content"]
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == CARD_CONTENT_TYPE
    ]
    # An Action.Execute invoke response: {"statusCode": 200, "type": "...card.adaptive", "value": card}
    if activity.get("type") == CARD_CONTENT_TYPE and isinstance(activity.get("value"), dict):
        found.append(activity["value"])
    return found


def utf16_size(value: str) -> int:
    """Bytes of ``value`` in UTF-16: 2 per code unit, so 2 per character of the Basic
    Multilingual Plane (ASCII, kana, kanji alike) and 4 for one beyond it (most emoji)."""
    return len(value.encode("utf-16-le"))


def message_size(activity: dict[str, Any], *, count_inline_images: bool = False) -> int:
    """The size Teams counts for an outgoing message activity, in bytes.

    How it is measured: the activity is serialised as compact JSON with its characters as
    they are (``ensure_ascii=False``: what Teams stores, not the ``\\uXXXX`` escapes a client may
    put on the wire), and the result is counted in UTF-16, 2 bytes per code unit. Against the
    UTF-8 bytes one would get from ``len(json.dumps(card).encode())``, English text weighs double
    and Japanese two thirds; against a count of characters, every character weighs double (a
    Japanese sentence of 1,000 characters costs 2,000 bytes). The base64 data of inline images
    (``data:image/...;base64,``) is left out, as Teams leaves it out, unless
    ``count_inline_images``; the ``data:`` prefix itself is counted.
    """
    serialised = json.dumps(activity, ensure_ascii=False, separators=(",", ":"))
    if not count_inline_images:
        serialised = _INLINE_IMAGE.sub(r"\1", serialised)
    return utf16_size(serialised)


def as_message(card: Card, summary: str | None = None) -> dict[str, Any]:
    """The message activity that carries ``card``, as the bot sends it."""
    message: dict[str, Any] = {"type": "message"}
    if summary is not None:
        message["summary"] = summary
    message["attachments"] = [{"contentType": CARD_CONTENT_TYPE, "content": card}]
    return message


def card_payload_size(card: Card, *, count_inline_images: bool = False) -> int:
    """``message_size`` of the message that carries ``card`` alone (see there for how)."""
    return message_size(as_message(card), count_inline_images=count_inline_images)


def assert_within_budget(card: Card, budget: int = TEAMS_BUDGET) -> None:
    """Fail unless the message carrying ``card`` fits ``budget`` bytes as Teams counts them."""
    size = card_payload_size(card)
    assert size <= budget, (
        f"the card's message is {size:,} bytes in UTF-16 (inline images not counted), "
        f"over the budget of {budget:,}"
    )
