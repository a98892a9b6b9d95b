"""``telework-bot roster …`` and ``telework-bot policy check``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from bot.cli.policy_summary import check_policy_file
from bot.cli.roster_files import read_rows
from bot.core.settings import Settings
from domain.errors import PolicyError
from domain.roster import Roster, RosterFormatError, build_roster, plan_import
from storage.engine import create_engine, session_factory
from storage.org import SqlOrganisation
from storage.tables import TeamsIdentity

PROGRESS_FROM_ROWS = 2000


def build_roster_app(get_settings: Callable[[], Settings]) -> typer.Typer:
    """The ``roster`` sub-commands, reading the database URL from the settings."""
    app = typer.Typer(help="Import and inspect the staff roster.", no_args_is_help=True)

    @app.command("import")
    def import_roster(
        file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
        dry_run: Annotated[
            bool, typer.Option(help="Check and show changes; write nothing.")
        ] = False,
        skip_invalid: Annotated[
            bool, typer.Option(help="Import the valid rows even if some rows are bad.")
        ] = False,
        deactivate_missing: Annotated[
            bool, typer.Option(help="Deactivate active staff who are not in the file.")
        ] = False,
    ) -> None:
        """Import a roster CSV (UTF-8 or Shift_JIS) or XLSX; see examples/roster.sample.csv."""
        settings = get_settings()
        try:
            header, rows = read_rows(file)
            roster = _validate(header, rows)
        except RosterFormatError as exc:
            typer.echo(f"error: {file}: {exc}", err=True)
            raise typer.Exit(2) from None
        for error in roster.errors:
            typer.echo(f"{file}:{error.line}: {error.reason}", err=True)
        if roster.errors and not skip_invalid:
            typer.echo(
                f"{len(roster.errors)} bad row(s); nothing written "
                "(fix them, or use --skip-invalid to import the valid rows)",
                err=True,
            )
            raise typer.Exit(1)
        asyncio.run(
            _apply(settings, roster, dry_run=dry_run, deactivate_missing=deactivate_missing)
        )

    @app.command("unmatched")
    def unmatched() -> None:
        """Teams users who talked to the bot but match no staff record."""
        people = asyncio.run(_unmatched(get_settings()))
        if not people:
            typer.echo("every Teams user who talked to the bot is matched to a staff record")
            return
        for person in people:
            typer.echo(
                f"{person.last_seen_at:%Y-%m-%d %H:%M}Z  {person.display_name or '-'}  "
                f"upn={person.user_principal_name or '-'}  aad={person.aad_object_id or '-'}  "
                f"teams={person.teams_user_id}"
            )

    return app


def build_policy_app() -> typer.Typer:
    app = typer.Typer(help="The telework policy file.", no_args_is_help=True)

    @app.command("check")
    def check(
        file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
        lang: Annotated[str, typer.Option(help="Summary language: ja or en.")] = "ja",
    ) -> None:
        """Validate a policy file and print a human summary."""
        try:
            typer.echo(check_policy_file(file, lang))
        except PolicyError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None

    return app


def _validate(header: list[str], rows: list[tuple[int, list[str]]]) -> Roster:
    if len(rows) < PROGRESS_FROM_ROWS:
        return build_roster(header, rows)
    with Progress(transient=True) as progress:
        task = progress.add_task("validating", total=len(rows))

        def counted() -> Iterator[tuple[int, list[str]]]:
            for row in rows:
                progress.advance(task)
                yield row

        return build_roster(header, counted())


async def _apply(
    settings: Settings, roster: Roster, *, dry_run: bool, deactivate_missing: bool
) -> None:
    engine = create_engine(settings.database_url)
    try:
        organisation = SqlOrganisation(session_factory(engine))
        plan = plan_import(
            await organisation.staff(), roster, deactivate_missing=deactivate_missing
        )
        for change in plan.changes:
            fields = "" if change.kind == "created" else f" ({', '.join(change.fields)})"
            typer.echo(f"  {change.kind:<11} {change.employee_id}{fields}")
        if dry_run:
            typer.echo(f"dry run: {plan.summary()}; nothing written")
            return
        await organisation.apply_import(plan, actor="cli:roster-import")
        typer.echo(f"imported: {plan.summary()}")
    finally:
        await engine.dispose()


async def _unmatched(settings: Settings) -> list[TeamsIdentity]:
    engine = create_engine(settings.database_url)
    try:
        return await SqlOrganisation(session_factory(engine)).unmatched()
    finally:
        await engine.dispose()
