"""How every command gets its settings, policy, database and wired application.

This is the command line's one piece of wiring: commands never build engines, repositories
or services themselves. They read the settings with :func:`settings_or_exit`, and reach the
database through :func:`open_application` (the application of ``bot.app``, the same one the
Teams edge runs, checked to be migrated and closed afterwards) or, for the few commands that
must start at once, :func:`open_database` (only the engine, same check). :func:`run` runs a
command's coroutine and turns "not migrated" into the usual one-line error.

Everything heavy (SQLAlchemy, Alembic, the application and its features) is imported inside
the functions, so a command that needs none of it (``--help``, ``parse``, ``policy check``)
starts at once. Keep it that way: ``tests/bot/cli/test_start.py`` checks it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.app import Application
    from bot.core.settings import Settings
    from domain.policy import Policy
    from storage.campaigns import SqlCampaigns
    from storage.org import SqlOrganisation

T = TypeVar("T")

SettingsSource = Callable[[], "Settings"]
"""Where a command module reads the settings when one of its commands runs (tests pass
their own)."""


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop the command with ``error: message`` on stderr (2: bad input, 1: the state of
    things, such as an unmigrated database)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def settings_or_exit() -> Settings:
    """The settings from the environment (and ``.env``); a bad value stops the command with
    the key's name."""
    from bot.core.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc))


def policy_or_exit(settings: Settings) -> Policy:
    """The policy named by ``TELEWORK_POLICY_FILE`` (the packaged default when unset)."""
    return policy_file_or_exit(settings.policy_file)


def policy_file_or_exit(path: Path | None) -> Policy:
    """The policy in ``path`` (the packaged default when None); a bad one stops the command
    with the setting's name."""
    from domain.errors import PolicyError
    from domain.policy import load_policy

    try:
        return load_policy(path)
    except PolicyError as exc:
        fail(f"TELEWORK_POLICY_FILE: {exc}")


def policy_file_setting() -> Path | None:
    """``TELEWORK_POLICY_FILE`` alone, without building the settings (``parse`` starts at
    once: bot.core.quick_settings)."""
    from bot.core.quick_settings import policy_file

    return policy_file()


@asynccontextmanager
async def open_database(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """The engine of the configured database, checked to be migrated, disposed on exit.

    For the commands that only read or repair storage and must start fast (``deliveries``);
    everything else uses :func:`open_application`."""
    from storage.engine import create_engine
    from storage.migrate import ensure_migrated

    engine = create_engine(settings.database_url)
    try:
        await ensure_migrated(engine)
        yield engine
    finally:
        await engine.dispose()


@asynccontextmanager
async def open_application(settings: Settings) -> AsyncIterator[Application]:
    """The wired application (``bot.app.build_application``: storage, policy, services,
    router) on a database checked to be migrated; closed on exit. A bad policy file stops
    the command as :func:`policy_or_exit` does."""
    from bot.app import build_application
    from domain.errors import PolicyError
    from storage.migrate import ensure_migrated

    try:
        application = build_application(settings)
    except PolicyError as exc:
        fail(f"TELEWORK_POLICY_FILE: {exc}")
    try:
        await ensure_migrated(application.engine)
        yield application
    finally:
        await application.close()


def organisation(application: Application) -> SqlOrganisation:
    """The roster repository on the application's database: the roster commands need its
    import and ``unmatched`` queries, which the chat's ``Directory`` port does not offer."""
    from storage.engine import session_factory
    from storage.org import SqlOrganisation

    return SqlOrganisation(session_factory(application.engine))


def campaigns(application: Application) -> SqlCampaigns:
    """The campaign repository the application's reminder services use (create, cancel)."""
    return application.reminders.campaigns


def run(command: Coroutine[Any, Any, T]) -> T:
    """Run a command's coroutine; an unmigrated database stops it with the command that
    fixes it (exit code 1)."""
    import asyncio

    from storage.revisions import DatabaseNotMigrated

    try:
        return asyncio.run(command)
    except DatabaseNotMigrated as exc:
        fail(str(exc), code=1)


def check_database(settings: Settings) -> None:
    """Stop unless the database is migrated (before a server or a chat starts)."""

    async def check() -> None:
        async with open_database(settings):
            pass

    run(check())
