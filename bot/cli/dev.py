"""``telework-bot dev``: local development in one command.

Migrate, serve on loopback, start Microsoft 365 Agents Playground (``bot.cli.playground``)
and chat in the terminal; ``--demo`` first imports the demo roster matching the Playground's
mock users.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import (
    SettingsSource,
    open_application,
    organisation,
    policy_or_exit,
    run,
    settings_or_exit,
)

if TYPE_CHECKING:
    from bot.core.settings import Settings


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``dev``."""

    @cli.command()
    def dev(
        chat_in_terminal: Annotated[
            bool, typer.Option("--chat/--no-chat", help="Also chat with the bot in this terminal.")
        ] = True,
        playground: Annotated[
            bool,
            typer.Option(
                "--playground/--no-playground",
                help="Also start Microsoft 365 Agents Playground, a local Teams (needs Node.js).",
            ),
        ] = True,
        playground_port: Annotated[
            int, typer.Option(min=0, max=65535, help="The Playground's port (0: any free port).")
        ] = 56150,
        demo: Annotated[
            bool,
            typer.Option(
                "--demo",
                help="Import the demo roster matching the Playground's users "
                "(examples/playground-roster.csv); Alex Wilber is admin unless TELEWORK_ADMINS "
                "is set.",
            ),
        ] = False,
    ) -> None:
        """Local development: migrate, serve on loopback, start the Playground, chat in the terminal."""  # noqa: E501 - one line: it is the command's help
        import asyncio
        import sys

        from bot.cli.playground import DEMO_ADMIN
        from storage.migrate import upgrade

        chosen = settings()
        if not chosen.binds_loopback:
            typer.echo("error: `dev` only binds a loopback TELEWORK_HOST", err=True)
            raise typer.Exit(2)
        policy_or_exit(chosen)
        upgrade(chosen.database_url)
        if demo:
            # Never deactivates anyone: other staff already in the database stay as they are.
            typer.echo(f"demo roster: {run(import_demo_roster(chosen))}")
            if not chosen.admins:
                chosen = chosen.model_copy(update={"admins": frozenset({DEMO_ADMIN})})
                typer.echo(f"demo admin: Alex Wilber ({DEMO_ADMIN}); TELEWORK_ADMINS overrides it")
        elif run(count_staff(chosen)) == 0:
            typer.echo(
                "note: the roster is empty, so the bot knows nobody; `telework-bot dev --demo` "
                "imports a demo roster matching the Playground's users"
            )
        try:
            asyncio.run(
                _dev(
                    chosen,
                    chat_in_terminal and sys.stdin.isatty(),
                    playground_port=playground_port if playground else None,
                    demo=demo,
                )
            )
        except asyncio.CancelledError:  # SIGTERM
            typer.echo("stopped")


async def count_staff(settings: Settings) -> int:
    """How many staff records the database holds (active or not)."""
    async with open_application(settings) as application:
        return len(await organisation(application).staff())


async def import_demo_roster(settings: Settings, roster_file: Path | None = None) -> str:
    """Create or update the demo staff (never deactivates anyone); the import's summary."""
    from bot.cli.playground import DEMO_ROSTER
    from bot.cli.roster_files import read_rows
    from domain.roster import build_roster, plan_import

    roster_file = roster_file or DEMO_ROSTER
    header, rows = read_rows(roster_file)
    roster = build_roster(header, rows)
    if roster.errors:
        problems = "; ".join(f"line {e.line}: {e.reason}" for e in roster.errors)
        raise ValueError(f"{roster_file}: {problems}")
    async with open_application(settings) as application:
        staff = organisation(application)
        plan = plan_import(await staff.staff(), roster, deactivate_missing=False)
        await staff.apply_import(plan, actor="cli:dev-demo")
        return plan.summary()


async def _dev(
    settings: Settings, chat_in_terminal: bool, *, playground_port: int | None, demo: bool
) -> None:
    import asyncio
    import signal
    import sys

    from aiohttp import web

    from bot.cli.playground import (
        DEMO_CHIEF_AAD_OBJECT_ID,
        DEMO_CHIEF_NAME,
        DEMO_CHIEF_UPN,
        PlaygroundProcess,
        start_for_dev,
    )
    from bot.teams.server import EDGE, create_app
    from bot.teams.terminal import ChatUserProfile, run_terminal_chat

    app = create_app(settings)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    endpoint = f"http://{settings.host}:{settings.port}/api/messages"
    typer.echo(
        f"telework-bot is listening on {endpoint} (database {settings.database_for_display})"
    )
    loop = asyncio.get_running_loop()
    this_task = asyncio.current_task()
    assert this_task is not None
    # SIGTERM stops like Ctrl-C does: the finally below stops the Playground and the server.
    loop.add_signal_handler(signal.SIGTERM, this_task.cancel)
    playground: PlaygroundProcess | None = None
    try:
        if playground_port is not None:
            playground = await start_for_dev(endpoint, playground_port, typer.echo)
        if chat_in_terminal:
            profile = ChatUserProfile(user_id="29:local-user", name="Local User")
            if demo:  # the section chief, who approves what Alex asks for in the Playground
                profile = ChatUserProfile(
                    user_id="29:local-demo-chief",
                    name=DEMO_CHIEF_NAME,
                    upn=DEMO_CHIEF_UPN,
                    aad_object_id=DEMO_CHIEF_AAD_OBJECT_ID,
                )
            typer.echo(
                f"Chat with it here as {profile.name} (Ctrl-D or /quit to stop); "
                'try 「ヘルプ」 or "help".'
            )
            await run_terminal_chat(app[EDGE], profile, sys.stdin, sys.stdout)
        else:
            typer.echo("Press Ctrl-C to stop; `telework-bot chat` talks to the same database.")
            await asyncio.Event().wait()
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        if playground is not None:
            await asyncio.to_thread(playground.stop)
        await runner.cleanup()
