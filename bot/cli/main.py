"""The ``telework-bot`` command line: the typer app and the list of its command modules.

Each module in :data:`COMMAND_MODULES` adds its commands or its group with
``register(cli)`` (reading settings through ``bot.cli.wiring`` when a command runs). A command
module imports only typer and the standard library at the top; everything heavy is imported
inside the command that needs it, so that every command starts fast.
"""

from __future__ import annotations

import gc
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
        # Plain help and errors: typer's rich formatting imports rich and markdown-it, which
        # would cost every command's start a tenth of a second (issue 16: ≤ 0.3 s).
        rich_markup_mode=None,
    )
    for name in COMMAND_MODULES:
        import_module(name).register(app)
    return app


cli = build_cli()


def main() -> None:
    try:
        cli()
    finally:
        # The interpreter's last garbage collection walks every object the imports made
        # (pydantic's schemas, the parser's patterns): a tenth of a second of CPU for nothing
        # at exit. Frozen objects are left out of it; they are still freed and finalised.
        gc.freeze()


if __name__ == "__main__":
    main()
