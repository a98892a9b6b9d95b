"""``telework-bot deliveries status|resend-failed|cancel``: a run's progress, resend its
failures, cancel what is left.

``status`` must start at once (issue 16): it reads through the database's driver
(``storage.ledger_status``), without SQLAlchemy; the repairs open only the database
(``open_database``), not the whole application.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from bot.cli.wiring import SettingsSource, open_database, run, settings_or_exit

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.core.settings import Settings

T = TypeVar("T")


def _actor() -> str:
    import getpass

    return f"cli:{getpass.getuser()}"


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``deliveries`` group."""
    app = typer.Typer(name="deliveries", help="Proactive deliveries: progress and repairs.")
    cli.add_typer(app, name="deliveries")

    @app.command()
    def status(
        run_id: Annotated[int | None, typer.Option("--run", help="One run's id.")] = None,
    ) -> None:
        """Deliveries by status (sent / pending / sending / failed / unknown / cancelled)."""
        from domain.delivery import DeliveryStatus
        from storage.ledger_status import LedgerStatus, read_status

        async def through_sqlalchemy(engine: AsyncEngine) -> LedgerStatus:
            from storage.ledger_admin import recent_runs, run_progress

            return LedgerStatus(await run_progress(engine, run_id), await recent_runs(engine))

        async def read(config: Settings) -> LedgerStatus:
            # The driver's own read first: SQLAlchemy alone would take longer to import
            # than the whole command may (storage.ledger_status).
            status = await read_status(config.database_url, run_id)
            if status is None:
                status = await _on_database(config, through_sqlalchemy)
            return status

        status = run(read(settings()))
        scope = f"run {run_id}" if run_id is not None else "all runs"
        counts = ", ".join(f"{s.value} {status.progress.count(s)}" for s in DeliveryStatus)
        typer.echo(f"{scope}: {status.progress.total} deliveries: {counts}")
        if run_id is None:
            for summary in status.runs:
                done = "done" if summary.completed_at else "fanning out"
                typer.echo(f"  run {summary.run_id}  {summary.job}  {summary.period_key}  {done}")

    @app.command("resend-failed")
    def resend(
        run_id: Annotated[int, typer.Option("--run", help="The run whose failures to resend.")],
    ) -> None:
        """Queue a run's failed and unknown deliveries again, with fresh attempts."""
        from domain.delivery import SystemClock
        from storage.ledger_admin import resend_failed

        async def repair(engine: AsyncEngine) -> int:
            return await resend_failed(engine, run_id, now=SystemClock().now(), actor=_actor())

        count = run(_on_database(settings(), repair))
        typer.echo(f"run {run_id}: {count} deliveries queued again")

    @app.command()
    def cancel(
        run_id: Annotated[int, typer.Option("--run", help="The run to cancel.")],
    ) -> None:
        """Cancel a run's pending deliveries (those being sent right now finish)."""
        from domain.delivery import SystemClock
        from storage.ledger_admin import cancel_run

        async def stop(engine: AsyncEngine) -> int:
            return await cancel_run(engine, run_id, now=SystemClock().now(), actor=_actor())

        count = run(_on_database(settings(), stop))
        typer.echo(f"run {run_id}: {count} deliveries cancelled")


async def _on_database(settings: Settings, action: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    async with open_database(settings) as engine:
        return await action(engine)
