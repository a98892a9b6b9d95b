"""Who the bot cannot reach (「届かない職員」): active staff without a working 1:1 conversation.

Reaching people is the first thing broadcast tools fail at, so admins get the list with the
reason for each person, in chat and on the command line. The fix differs by reason: install
the app for them (``telework-bot teams install``), ask them to open it once, or find out why
Teams refused the last message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from domain.identity import ChatUser


class UnreachableReason(StrEnum):
    NOT_IN_TEAMS = "not_in_teams"  # no Teams account of theirs has reached the bot
    NO_CONVERSATION = "no_conversation"  # known in Teams, but no 1:1 chat with the bot
    UNINSTALLED = "uninstalled"  # they removed the app
    REFUSED = "refused"  # Teams refused the last message to them (403/404)


@dataclass(frozen=True)
class Unreachable:
    employee_id: str
    name: str
    org_unit: str
    reason: UnreachableReason
    detail: str = ""  # e.g. the refused message's HTTP status and when


@dataclass(frozen=True)
class ChatToOpen:
    """A staff member known in Teams (their Teams user id) without a 1:1 chat with the bot,
    and where the bot talks to their tenant: enough to open the chat proactively."""

    employee_id: str
    user: ChatUser
    service_url: str
    bot_id: str
    bot_name: str | None


class StaffReach(Protocol):
    """Reads who cannot be reached (admins only)."""

    async def unreachable(self) -> list[Unreachable]:
        """Active staff the bot cannot message 1:1, by org unit and employee id."""
        ...

    async def chats_to_open(self, employee_ids: Sequence[str]) -> list[ChatToOpen]:
        """Those of ``employee_ids`` known in Teams without a 1:1 chat whose tenant the bot
        has talked in (people never seen in Teams are reached by their install event)."""
        ...
