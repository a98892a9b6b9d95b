"""The command line's one wiring: settings, policy, a migrated database, the application."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import campaigns, deliveries, roster
from bot.cli.wiring import open_application, organisation, run
from bot.core.settings import Settings, load_settings
from tests.factories import seed_staff, staff


def settings_for(url: str, **values: str) -> Settings:
    return load_settings(TELEWORK_DATABASE_URL=url, _env_file=None, **values)


def app_for(url: str, **values: str) -> typer.Typer:
    app = typer.Typer()
    for module in (campaigns, deliveries, roster):
        module.register(app, lambda: settings_for(url, **values))
    return app


@pytest.mark.parametrize(
    "args",
    [["deliveries", "status"], ["campaign", "list"], ["roster", "unmatched"]],
    ids=["database", "application", "roster"],
)
def test_an_unmigrated_database_stops_every_command_with_the_fix(
    tmp_path: Path, args: list[str]
) -> None:
    result = CliRunner().invoke(app_for(f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"), args)
    assert result.exit_code == 1, result.output
    assert "run `telework-bot db upgrade` first" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_bad_policy_file_stops_the_command_with_the_setting(
    sqlite_url: str, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("[targets\n", encoding="utf-8")
    result = CliRunner().invoke(
        app_for(sqlite_url, TELEWORK_POLICY_FILE=str(policy)), ["campaign", "list"]
    )
    assert result.exit_code == 2, result.output
    assert "error: TELEWORK_POLICY_FILE:" in result.output


def test_the_application_reads_the_database_it_was_given(sqlite_url: str) -> None:
    async def count() -> int:
        async with open_application(settings_for(sqlite_url)) as application:
            await seed_staff(application.engine, staff("E1"), staff("E2"))
            return len(await organisation(application).staff())

    assert run(count()) == 2
