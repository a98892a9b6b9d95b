"""``telework-bot chat``: talk to the bot in this terminal, as a chosen user."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.wiring import SettingsSource, check_database, policy_or_exit, settings_or_exit


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``chat``."""

    @cli.command()
    def chat(
        user_id: Annotated[
            str, typer.Option(help="The Teams user id to chat as.")
        ] = "29:local-user",
        name: Annotated[str, typer.Option(help="Display name.")] = "Local User",
        upn: Annotated[
            str | None, typer.Option(help="UPN/e-mail, for matching the roster.")
        ] = None,
        aad_object_id: Annotated[str | None, typer.Option(help="Entra object id.")] = None,
        locale: Annotated[str, typer.Option(help="Teams locale, e.g. ja-JP or en-US.")] = "ja-JP",
    ) -> None:
        """Talk to the bot in this terminal, as a chosen user (no Teams or Node needed)."""
        import asyncio
        import sys

        from bot.core.metrics import BotMetrics
        from bot.teams.server import build_edge
        from bot.teams.terminal import ChatUserProfile, run_terminal_chat

        chosen = settings()
        policy_or_exit(chosen)
        check_database(chosen)
        profile = ChatUserProfile(
            user_id=user_id, name=name, upn=upn, aad_object_id=aad_object_id, locale=locale
        )

        async def talk() -> None:
            edge = build_edge(chosen, BotMetrics())
            try:
                await run_terminal_chat(edge, profile, sys.stdin, sys.stdout)
            finally:
                await edge.close()

        asyncio.run(talk())
