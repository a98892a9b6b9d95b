"""``telework-bot db``: the database schema (Alembic migrations)."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.wiring import SettingsSource, settings_or_exit


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``db`` group."""
    db = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
    cli.add_typer(db, name="db")

    @db.command("upgrade")
    def db_upgrade(
        revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    ) -> None:
        """Apply database migrations (creates the SQLite file if needed)."""
        from storage.migrate import upgrade

        upgrade(settings().database_url, revision)
        typer.echo(f"database at {revision}")
