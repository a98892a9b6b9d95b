"""``telework-bot campaign …`` against a migrated SQLite database."""

from __future__ import annotations

import asyncio

import typer
from typer.testing import CliRunner

from bot.cli.campaigns import register
from bot.core.settings import load_settings
from storage.engine import create_engine
from tests.factories import seed_staff, staff


def app_for(url: str) -> typer.Typer:
    cli = typer.Typer()

    @cli.callback()
    def main() -> None:
        """telework-bot"""

    register(cli, lambda: load_settings(TELEWORK_DATABASE_URL=url, _env_file=None))
    return cli


def test_create_preview_list_cancel(sqlite_url: str) -> None:
    async def seed() -> None:
        engine = create_engine(sqlite_url)
        try:
            await seed_staff(engine, staff("A1"), staff("B2", org_unit="関東局/総務課"))
        finally:
            await engine.dispose()

    asyncio.run(seed())
    app, cli = app_for(sqlite_url), CliRunner()
    args = ["campaign", "create", "--name", "TW週間", "--start", "2099-07-13", "--end",
            "2099-07-17", "--kind", "telework_week", "--audience", "大臣官房"]  # fmt: skip
    result = cli.invoke(app, [*args, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "audience 1 (reminded: 1)" in result.output and "dry run" in result.output
    assert "[en announcement] A1, TW週間 runs from" in result.output
    assert cli.invoke(app, ["campaign", "list"]).output == ""
    result = cli.invoke(app, args)
    assert result.exit_code == 0 and "campaign 1 created" in result.output
    assert "TW週間" in cli.invoke(app, ["campaign", "list"]).output
    assert "audience 1" in cli.invoke(app, ["campaign", "preview", "--id", "1"]).output
    result = cli.invoke(app, ["campaign", "cancel", "--id", "1", "--dry-run"])
    assert "0 pending messages would be cancelled" in result.output
    result = cli.invoke(app, ["campaign", "cancel", "--id", "1"])
    assert result.exit_code == 0 and "cancelled" in result.output
    assert cli.invoke(app, ["campaign", "cancel", "--id", "1"]).exit_code == 1
    bad = cli.invoke(app, ["campaign", "create", "--name", "x", "--start", "2099-07-17",
                           "--end", "2099-07-13", "--announcement-ja", "{name.__class__}"])  # fmt: skip
    assert bad.exit_code == 2 and "end: before the start" in bad.output


def test_form_problems_name_the_field_not_a_python_error() -> None:
    from datetime import date

    import pytest

    from bot.features.campaigns.form import campaign_from_form
    from domain.campaigns import CampaignError

    with pytest.raises(CampaignError) as problem:
        campaign_from_form(
            {"start": "7月6日", "end": "", "kind": "party", "announce_days": "seven"},
            date(2026, 6, 1),
            "admin",
        )
    message = str(problem.value)
    assert "start: not a date" in message and "end: not a date" in message
    assert "kind: one of telework_week" in message and "announce_days" in message
    assert "isoformat" not in message and "invalid literal" not in message
