"""``telework-bot deliveries …``: a run's progress, resend its failures, cancel what is left.

Mount with ``app.add_typer(build_deliveries_app(lambda: settings.database_url))``.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.delivery import DeliveryStatus, SystemClock
from storage.engine import create_engine
from storage.ledger_admin import cancel_run, recent_runs, resend_failed, run_progress

T = TypeVar("T")


def build_deliveries_app(get_database_url: Callable[[], str]) -> typer.Typer:
    """The ``deliveries`` sub-app; the URL is read only when a command runs."""
    app = typer.Typer(name="deliveries", help="Proactive deliveries: progress and repairs.")

    def run(action: Callable[[AsyncEngine], Awaitable[T]]) -> T:
        async def go() -> T:
            engine = create_engine(get_database_url())
            try:
                return await action(engine)
            finally:
                await engine.dispose()

        return asyncio.run(go())

    @app.command()
    def status(
        run_id: Annotated[int | None, typer.Option("--run", help="One run's id.")] = None,
    ) -> None:
        """Deliveries by status (sent / pending / sending / failed / unknown / cancelled)."""

        async def show(engine: AsyncEngine) -> None:
            progress = await run_progress(engine, run_id)
            scope = f"run {run_id}" if run_id is not None else "all runs"
            counts = ", ".join(f"{s.value} {progress.count(s)}" for s in DeliveryStatus)
            typer.echo(f"{scope}: {progress.total} deliveries: {counts}")
            if run_id is None:
                for summary in await recent_runs(engine):
                    done = "done" if summary.completed_at else "fanning out"
                    typer.echo(
                        f"  run {summary.run_id}  {summary.job}  {summary.period_key}  {done}"
                    )

        run(show)

    @app.command("resend-failed")
    def resend(
        run_id: Annotated[int, typer.Option("--run", help="The run whose failures to resend.")],
    ) -> None:
        """Queue a run's failed and unknown deliveries again, with fresh attempts."""
        count = run(
            lambda engine: resend_failed(
                engine, run_id, now=SystemClock().now(), actor=f"cli:{getpass.getuser()}"
            )
        )
        typer.echo(f"run {run_id}: {count} deliveries queued again")

    @app.command()
    def cancel(
        run_id: Annotated[int, typer.Option("--run", help="The run to cancel.")],
    ) -> None:
        """Cancel a run's pending deliveries (those being sent right now finish)."""
        count = run(
            lambda engine: cancel_run(
                engine, run_id, now=SystemClock().now(), actor=f"cli:{getpass.getuser()}"
            )
        )
        typer.echo(f"run {run_id}: {count} deliveries cancelled")

    return app
