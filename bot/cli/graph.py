"""``telework-bot graph check``: can the bot reach Microsoft 365 with the permissions its
enabled Graph features need (issue 17)? A token, then one harmless read per feature."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.wiring import SettingsSource, fail, settings_or_exit


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``graph`` group."""
    app = typer.Typer(name="graph", help="Microsoft 365 through Microsoft Graph (optional).")
    cli.add_typer(app, name="graph")

    @app.command("check")
    def check_command(
        user: Annotated[
            str | None,
            typer.Option(
                "--user",
                help="The mailbox (UPN or object id) to probe; default: the first e-mail "
                "in TELEWORK_ADMINS.",
            ),
        ] = None,
    ) -> None:
        """Get a token and probe each feature of TELEWORK_GRAPH_FEATURES; exit 1 if any fails."""
        import asyncio

        from bot.graph import connect
        from bot.graph.check import check

        configured = settings()
        graph = connect(configured)
        if graph is None:
            typer.echo("Microsoft Graph is off (TELEWORK_GRAPH_FEATURES is empty).")
            return
        mailbox = user or next((a for a in sorted(configured.admins) if "@" in a), None)
        if mailbox is None:
            fail("name a mailbox to probe with --user (or put an e-mail in TELEWORK_ADMINS)")

        async def probe() -> list[tuple[str, bool, str]]:
            try:
                found = await check(graph, mailbox, configured.graph_teams_app_id)
            finally:
                await graph.close()
            return [(p.name, p.ok, p.detail) for p in found]

        results = asyncio.run(probe())
        for name, ok, detail in results:
            typer.echo(f"{name:<9} {'ok' if ok else 'FAILED':<7} {detail}")
        if not all(ok for _name, ok, _detail in results):
            raise typer.Exit(1)
