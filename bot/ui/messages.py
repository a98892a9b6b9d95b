"""Proactive messages: the activity that carries a card, and the language a person reads."""

from __future__ import annotations

from typing import Any

from bot.ui.cards import CARD_CONTENT_TYPE, Card
from bot.ui.texts import Lang
from domain.org import StaffMember


def card_message(content: Card, summary: str) -> dict[str, Any]:
    """A Bot Framework message activity carrying one Adaptive Card."""
    return {
        "type": "message",
        "summary": summary,
        "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": content}],
    }


def language_of(member: StaffMember) -> Lang:
    """The language everything sent to ``member`` is written in (``StaffMember.language``:
    their choice in chat, else the roster's, else the language they write in)."""
    return "en" if member.language == "en" else "ja"
