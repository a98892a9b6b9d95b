"""``telework-bot policy check``: validate a policy file and summarise it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(cli: typer.Typer) -> None:
    """Add the ``policy`` group (it reads no settings: the file is the argument)."""
    app = typer.Typer(help="The telework policy file.", no_args_is_help=True)
    cli.add_typer(app, name="policy")

    @app.command("check")
    def check(
        file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
        lang: Annotated[str, typer.Option(help="Summary language: ja or en.")] = "ja",
    ) -> None:
        """Validate a policy file and print a human summary."""
        from bot.cli.policy_summary import check_policy_file
        from domain.errors import PolicyError

        try:
            typer.echo(check_policy_file(file, lang))
        except PolicyError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
