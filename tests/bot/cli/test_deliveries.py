"""``telework-bot deliveries`` against a migrated SQLite database."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import typer
from typer.testing import CliRunner

from bot.cli.deliveries import register
from bot.core.settings import load_settings
from domain.delivery import SystemClock
from storage.engine import create_engine
from storage.ledger import SqlDeliveryLedger
from storage.ledger_fanout import SqlFiringLedger
from tests.fakes.ledger_data import add_deliveries, add_refs


def seed(url: str) -> int:
    async def go() -> int:
        engine = create_engine(url)
        clock = SystemClock()
        try:
            firings = SqlFiringLedger(engine, clock)
            run_id = await firings.claim_firing("nudge", "p", clock.now(), "r")
            assert run_id is not None
            await add_refs(engine, range(4), "http://127.0.0.1:9")
            await add_deliveries(engine, range(4), now=clock.now(), run_id=run_id)
            ledger = SqlDeliveryLedger(engine, clock)
            [d] = await ledger.claim("me", 1, timedelta(seconds=30))
            await ledger.start_attempt(d.id, "me", d.target)
            await ledger.mark_failed(d.id, "me", 403, "blocked")
            return run_id
        finally:
            await engine.dispose()

    return asyncio.run(go())


def app_for(url: str) -> typer.Typer:
    app = typer.Typer()
    register(app, lambda: load_settings(TELEWORK_DATABASE_URL=url, _env_file=None))
    return app


def test_status_cancel_and_resend(sqlite_url: str) -> None:
    run_id = seed(sqlite_url)
    app, cli = app_for(sqlite_url), CliRunner()
    result = cli.invoke(app, ["deliveries", "status", "--run", str(run_id)])
    assert result.exit_code == 0, result.output
    assert "4 deliveries" in result.output and "pending 3" in result.output
    assert "failed 1" in result.output
    result = cli.invoke(app, ["deliveries", "cancel", "--run", str(run_id)])
    assert result.exit_code == 0 and "3 deliveries cancelled" in result.output
    result = cli.invoke(app, ["deliveries", "resend-failed", "--run", str(run_id)])
    assert result.exit_code == 0 and "1 deliveries queued again" in result.output
    result = cli.invoke(app, ["deliveries", "status"])
    assert "pending 1" in result.output and "cancelled 3" in result.output
    assert f"run {run_id}  nudge  p" in result.output
