"""The exchange open in a conversation: one small, channel-neutral mechanism for every
multi-turn exchange (a declaration being clarified, a read-back waiting for a yes, a comment
asked for), kept in our database per person and conversation for a few minutes.

A feature opens an exchange by holding a topic and a JSON document on the turn
(``turn.exchange.hold("declare.clarify", {...})``) and declares, in its ``routes.py``, the
handler that reads the next message of that topic (:func:`bot.core.router.on_answer`). The
router reads the exchange once per turn, gives the message to that handler, and writes what
the turn left once, at its end. 「やめる」「中止」「キャンセル」"never mind" end any exchange
(nothing is saved); a command typed by name or a card button ends it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from domain.ports import ConversationMemory


@dataclass(frozen=True, slots=True)
class Exchange:
    """An open exchange: which feature's (``topic``) and what it keeps (``document``)."""

    topic: str
    document: dict[str, Any]


class ConversationState:
    """One turn's view of its conversation's exchange: read at most once, changed in memory,
    written at most once (:meth:`save`, called by the router when the turn is answered)."""

    def __init__(
        self,
        memory: ConversationMemory,
        user_id: str,
        conversation_id: str,
        *,
        now: datetime,
        timeout: timedelta,
    ) -> None:
        self._memory = memory
        self._key = (user_id, conversation_id)
        self._now, self._timeout = now, timeout
        self._read = False
        self._found: Exchange | None = None
        self._next: Exchange | None = None
        self._changed = False

    async def open(self) -> Exchange | None:
        """The exchange this turn found open (None: none, or it expired)."""
        if not self._read:
            self._read = True
            kept = await self._memory.recall(*self._key, now=self._now)
            self._found = Exchange(*kept) if kept is not None else None
            self._next = self._found
        return self._found

    @property
    def pending(self) -> Exchange | None:
        """What the conversation will keep after this turn, as changed so far."""
        return self._next

    def hold(self, topic: str, document: dict[str, Any]) -> None:
        """Keep ``document`` for the next message (replacing any exchange open now)."""
        self._next = Exchange(topic, document)
        self._changed = True

    def close(self) -> None:
        """End the exchange: the next message is read on its own."""
        self._next = None
        self._changed = True

    async def save(self) -> None:
        """Write what this turn changed (nothing when it changed nothing)."""
        if not self._changed:
            return
        self._changed = False
        if self._next is None:
            if self._found is not None or not self._read:
                await self._memory.forget(*self._key)
            return
        await self._memory.keep(
            *self._key,
            self._next.topic,
            self._next.document,
            now=self._now,
            until=self._now + self._timeout,
        )
