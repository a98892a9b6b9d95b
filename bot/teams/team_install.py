"""When the bot is added to a team, open a 1:1 conversation with every member.

Proactive messages (reminders, nudges, campaign notices) go to 1:1 conversations. Creating
them during a broadcast would spend the send budget and stall it, so they are created here,
in the background, right after the install: the team's members are read page by page and each
member's conversation reference is recorded like a first contact.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.teams.connector import TeamsConnector
from domain.identity import ChatUser, ConversationAddress, TurnRecorder

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TeamInstall:
    """Where the bot was installed."""

    service_url: str
    team_id: str
    tenant_id: str
    bot_id: str
    bot_name: str | None


class TeamConversations:
    """Opens members' 1:1 conversations in background tasks it keeps and closes."""

    def __init__(self, turns: TurnRecorder, *, concurrency: int = 4) -> None:
        self._turns = turns
        self._connector: TeamsConnector | None = None
        self._slots = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[int]] = set()

    def attach(self, connector: TeamsConnector) -> None:
        """The connector exists once the HTTP session does (see bot.teams.server)."""
        self._connector = connector

    def open_for(self, install: TeamInstall) -> bool:
        """Start opening the team's conversations; False when no connector is attached
        (the terminal chat), in which case members are reached at their first contact."""
        if self._connector is None:
            return False
        task = asyncio.create_task(self._open(self._connector, install))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    async def wait(self) -> None:
        """Until every started team is done (tests)."""
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _open(self, connector: TeamsConnector, install: TeamInstall) -> int:
        opened = failed = 0
        pending: set[asyncio.Task[bool]] = set()
        try:
            async for member in connector.team_members(install.service_url, install.team_id):
                await self._slots.acquire()
                task = asyncio.create_task(self._one(connector, install, member))
                task.add_done_callback(lambda _t: self._slots.release())
                pending.add(task)
            for ok in await asyncio.gather(*pending, return_exceptions=True):
                if ok is True:
                    opened += 1
                else:
                    failed += 1
        except Exception:
            log.exception("could not list the members of team %s", install.team_id)
        log.info(
            "team install: 1:1 conversations opened",
            extra={"team_id": install.team_id, "opened": opened, "failed": failed},
        )
        return opened

    async def _one(
        self, connector: TeamsConnector, install: TeamInstall, member: dict[str, object]
    ) -> bool:
        user_id = str(member.get("id") or "")
        if not user_id or user_id == install.bot_id:
            return False
        principal = member.get("userPrincipalName") or member.get("email")
        user = ChatUser(
            tenant_id=install.tenant_id,
            user_id=user_id,
            aad_object_id=str(member["aadObjectId"]) if member.get("aadObjectId") else None,
            user_principal_name=str(principal) if principal else None,
            display_name=str(member["name"]) if member.get("name") else None,
        )
        return await open_personal_chat(
            connector,
            self._turns,
            user,
            service_url=install.service_url,
            bot_id=install.bot_id,
            bot_name=install.bot_name,
        )


async def open_personal_chat(
    connector: TeamsConnector,
    turns: TurnRecorder,
    user: ChatUser,
    *,
    service_url: str,
    bot_id: str,
    bot_name: str | None,
) -> bool:
    """Open (or find: Teams answers the same id again) ``user``'s 1:1 conversation with the
    bot and record it like a first contact; False when Teams refused or failed."""
    try:
        conversation_id = await connector.create_personal_conversation(
            service_url, bot_id=bot_id, user_id=user.user_id, tenant_id=user.tenant_id
        )
    except Exception as exc:  # one person's failure must not stop the others
        log.warning("could not open a 1:1 conversation: %s", type(exc).__name__)
        return False
    await turns.record_turn(
        user,
        ConversationAddress(
            conversation_id=conversation_id,
            conversation_type="personal",
            service_url=service_url,
            channel_id="msteams",
            bot_id=bot_id,
            bot_name=bot_name,
            tenant_id=user.tenant_id,
            team_id=None,
            user_key=user.user_id,
        ),
    )
    return True
