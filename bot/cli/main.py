"""The ``telework-bot`` command line: the typer app and the list of its command modules.

Each module in :data:`COMMAND_MODULES` adds its commands or its group with
``register(cli)`` (reading settings through ``bot.cli.wiring`` when a command runs). A command
module imports only typer and the standard library at the top; everything heavy is imported
inside the command that needs it, so that every command starts fast.
"""

from __future__ import annotations

from importlib import import_module

import typer

# One module per command or group; `--help` lists commands, then groups, each in this order.
# To add a command: write bot/cli/<name>.py with `register(cli)`, then add one line here.
COMMAND_MODULES = (
    "bot.cli.report",
    "bot.cli.worktime",
    "bot.cli.allowance",
    "bot.cli.rules_report",
    "bot.cli.seed_demo",
    "bot.cli.simulate",
    "bot.cli.serve",
    "bot.cli.chat",
    "bot.cli.parse",
    "bot.cli.dev",
    "bot.cli.db",
    "bot.cli.roster",
    "bot.cli.policy",
    "bot.cli.deliveries",
    "bot.cli.campaigns",
    "bot.cli.manifest",
    "bot.cli.graph",
    "bot.cli.teams",
)


def build_cli() -> typer.Typer:
    """The whole command line, every module registered (nothing heavy is imported)."""
    app = typer.Typer(
        name="telework-bot",
        help="A Microsoft Teams bot that runs a telework programme from chat.",
        no_args_is_help=True,
        add_completion=False,
    )
    for name in COMMAND_MODULES:
        import_module(name).register(app)
    return app


cli = build_cli()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
