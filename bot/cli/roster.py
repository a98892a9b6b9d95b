"""``telework-bot roster import|unmatched``: the staff roster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import SettingsSource, open_application, organisation, run, settings_or_exit

if TYPE_CHECKING:
    from bot.core.settings import Settings
    from domain.roster import Roster
    from storage.tables import TeamsIdentity

PROGRESS_FROM_ROWS = 2000


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``roster`` group."""
    app = typer.Typer(help="Import and inspect the staff roster.", no_args_is_help=True)
    cli.add_typer(app, name="roster")

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
        from bot.cli.roster_files import read_rows
        from domain.roster import RosterFormatError

        chosen = settings()
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
        run(_apply(chosen, roster, dry_run=dry_run, deactivate_missing=deactivate_missing))

    @app.command("unmatched")
    def unmatched() -> None:
        """Teams users who talked to the bot but match no staff record."""
        people = run(_unmatched(settings()))
        if not people:
            typer.echo("every Teams user who talked to the bot is matched to a staff record")
            return
        for person in people:
            typer.echo(
                f"{person.last_seen_at:%Y-%m-%d %H:%M}Z  {person.display_name or '-'}  "
                f"upn={person.user_principal_name or '-'}  aad={person.aad_object_id or '-'}  "
                f"teams={person.teams_user_id}"
            )


def _validate(header: list[str], rows: list[tuple[int, list[str]]]) -> Roster:
    from rich.progress import Progress

    from domain.roster import build_roster

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
    from domain.roster import plan_import

    async with open_application(settings) as application:
        staff = organisation(application)
        plan = plan_import(await staff.staff(), roster, deactivate_missing=deactivate_missing)
        for change in plan.changes:
            fields = "" if change.kind == "created" else f" ({', '.join(change.fields)})"
            typer.echo(f"  {change.kind:<11} {change.employee_id}{fields}")
        if dry_run:
            typer.echo(f"dry run: {plan.summary()}; nothing written")
            return
        await staff.apply_import(plan, actor="cli:roster-import")
        typer.echo(f"imported: {plan.summary()}")


async def _unmatched(settings: Settings) -> list[TeamsIdentity]:
    async with open_application(settings) as application:
        return await organisation(application).unmatched()
