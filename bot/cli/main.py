"""The ``telework-bot`` command line."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from typing import Annotated

import typer
from aiohttp import web

from bot.cli.campaigns import register as register_campaigns
from bot.cli.deliveries import build_deliveries_app
from bot.cli.manifest import register as register_manifest
from bot.cli.report import register as register_report_commands
from bot.cli.roster import build_policy_app, build_roster_app
from bot.core.settings import Settings, SettingsError, load_settings

cli = typer.Typer(
    name="telework-bot",
    help="A Microsoft Teams bot that runs a telework programme from chat.",
    no_args_is_help=True,
    add_completion=False,
)
db_cli = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
cli.add_typer(db_cli, name="db")


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


cli.add_typer(build_roster_app(settings_or_exit), name="roster")
cli.add_typer(build_policy_app(), name="policy")
cli.add_typer(build_deliveries_app(lambda: settings_or_exit().database_url), name="deliveries")
register_report_commands(cli, settings_or_exit)
register_campaigns(cli, settings_or_exit)
register_manifest(cli)


def _configure_logging(settings: Settings) -> None:
    from bot.core.logs import configure_logging

    configure_logging(settings.log_format, settings.log_level)


@db_cli.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Apply database migrations (creates the SQLite file if needed)."""
    from storage.migrate import upgrade

    settings = settings_or_exit()
    upgrade(settings.database_url, revision)
    typer.echo(f"database at {revision}")


def _check_policy(settings: Settings) -> None:
    from domain.errors import PolicyError
    from domain.policy import load_policy

    try:
        load_policy(settings.policy_file)
    except PolicyError as exc:
        typer.echo(f"error: TELEWORK_POLICY_FILE: {exc}", err=True)
        raise typer.Exit(2) from None


def _check_database(settings: Settings) -> None:
    from storage.engine import create_engine
    from storage.migrate import DatabaseNotMigrated, ensure_migrated

    async def check() -> None:
        engine = create_engine(settings.database_url)
        try:
            await ensure_migrated(engine)
        finally:
            await engine.dispose()

    try:
        asyncio.run(check())
    except DatabaseNotMigrated as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@cli.command()
def serve() -> None:
    """Run the bot's HTTP server (POST /api/messages, /healthz, /readyz, /metrics)."""
    from bot.teams.server import create_app

    settings = settings_or_exit()
    _configure_logging(settings)
    _check_policy(settings)
    _check_database(settings)
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)


@cli.command()
def chat(
    user_id: Annotated[str, typer.Option(help="The Teams user id to chat as.")] = "29:local-user",
    name: Annotated[str, typer.Option(help="Display name.")] = "Local User",
    upn: Annotated[str | None, typer.Option(help="UPN/e-mail, for matching the roster.")] = None,
    aad_object_id: Annotated[str | None, typer.Option(help="Entra object id.")] = None,
    locale: Annotated[str, typer.Option(help="Teams locale, e.g. ja-JP or en-US.")] = "ja-JP",
) -> None:
    """Talk to the bot in this terminal, as a chosen user (no Teams or Node needed)."""
    from bot.core.metrics import BotMetrics
    from bot.teams.server import build_edge
    from bot.teams.terminal import ChatUserProfile, run_terminal_chat

    settings = settings_or_exit()
    _check_policy(settings)
    _check_database(settings)
    profile = ChatUserProfile(
        user_id=user_id, name=name, upn=upn, aad_object_id=aad_object_id, locale=locale
    )

    async def run() -> None:
        edge = build_edge(settings, BotMetrics())
        try:
            await run_terminal_chat(edge, profile, sys.stdin, sys.stdout)
        finally:
            await edge.close()

    asyncio.run(run())


@cli.command("parse")
def parse_command(
    text: Annotated[str, typer.Argument(help="The message, as a user would type it.")],
    today: Annotated[
        str | None, typer.Option(help="The date to interpret against (YYYY-MM-DD).")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="ja or en (the user's language).")] = None,
) -> None:
    """Print how the bot understands a message, as one JSON object (no side effects)."""
    import json
    from datetime import date

    from dialogs.understanding import parse
    from domain.policy import load_policy

    settings = settings_or_exit()
    _check_policy(settings)
    policy = load_policy(settings.policy_file)
    calendar = policy.work_calendar()
    try:
        day = date.fromisoformat(today) if today else calendar.local_date(datetime.now(UTC))
    except ValueError:
        typer.echo(f"error: --today {today!r} is not YYYY-MM-DD", err=True)
        raise typer.Exit(2) from None
    if lang not in (None, "ja", "en"):
        typer.echo("error: --lang must be ja or en", err=True)
        raise typer.Exit(2)
    meaning = parse(
        text,
        today=day,
        lang=lang,
        calendar=calendar,
        retroactive_days=policy.declarations.retroactive_working_days,
    )
    typer.echo(json.dumps(meaning.to_json(), ensure_ascii=False))


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
            "(examples/playground-roster.csv); Alex Wilber is admin unless TELEWORK_ADMINS is set.",
        ),
    ] = False,
) -> None:
    """Local development: migrate, serve on loopback, start the Playground, chat in the terminal."""
    from bot.cli.playground import DEMO_ADMIN, count_staff, import_demo_roster
    from storage.migrate import upgrade

    settings = settings_or_exit()
    if not settings.binds_loopback:
        typer.echo("error: `dev` only binds a loopback TELEWORK_HOST", err=True)
        raise typer.Exit(2)
    _check_policy(settings)
    upgrade(settings.database_url)
    if demo:
        # Never deactivates anyone: other staff already in the database stay as they are.
        typer.echo(f"demo roster: {asyncio.run(import_demo_roster(settings.database_url))}")
        if not settings.admins:
            settings = settings.model_copy(update={"admins": frozenset({DEMO_ADMIN})})
            typer.echo(f"demo admin: Alex Wilber ({DEMO_ADMIN}); TELEWORK_ADMINS overrides it")
    elif asyncio.run(count_staff(settings.database_url)) == 0:
        typer.echo(
            "note: the roster is empty, so the bot knows nobody; `telework-bot dev --demo` "
            "imports a demo roster matching the Playground's users"
        )
    try:
        asyncio.run(
            _dev(
                settings,
                chat_in_terminal and sys.stdin.isatty(),
                playground_port=playground_port if playground else None,
                demo=demo,
            )
        )
    except asyncio.CancelledError:  # SIGTERM
        typer.echo("stopped")


async def _dev(
    settings: Settings, chat_in_terminal: bool, *, playground_port: int | None, demo: bool
) -> None:
    import signal

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


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
