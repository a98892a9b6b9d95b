"""``telework-bot serve``: the bot's HTTP server."""

from __future__ import annotations

import typer

from bot.cli.wiring import SettingsSource, check_database, policy_or_exit, settings_or_exit


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``serve``."""

    @cli.command()
    def serve() -> None:
        """Run the bot's HTTP server (POST /api/messages, /healthz, /readyz, /metrics)."""
        from aiohttp import web

        from bot.core.logs import configure_logging
        from bot.teams.server import create_app

        chosen = settings()
        configure_logging(chosen.log_format, chosen.log_level)
        policy_or_exit(chosen)
        check_database(chosen)
        web.run_app(create_app(chosen), host=chosen.host, port=chosen.port, print=None)
