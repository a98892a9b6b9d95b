"""The quick commands start without the heavy libraries (issue 16: CLI start ≤ 0.3 s).

Not a timed test: it checks what each command imports (``python -X importtime``), which is
what makes a start slow; ``bench/cli_start.py`` measures the time itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
POLICY = str(ROOT / "domain" / "default_policy.toml")

# Never needed to start any of these commands.
EVERYWHERE = (
    "botbuilder",
    "aiohttp",
    "matplotlib",
    "openpyxl",
    "alembic",
    "rich",  # typer's rich help (the CLI's help is plain: bot/cli/main.py)
    "holidays",  # the calendar reads domain/national_holidays.json
    "bot.app",
    "bot.teams",
    "bot.features",
    "storage.migrations",
)
SQLALCHEMY = ("sqlalchemy", "sqlmodel", "aiosqlite", "asyncpg")
WITHOUT_A_DATABASE = (*EVERYWHERE, *SQLALCHEMY, "storage")
# parse reads its one setting alone (bot.core.quick_settings) and needs no report model.
NOT_FOR_PARSE = ("pydantic_settings", "bot.core.settings", "domain.report_model", "dotenv")


def imported(*args: str, database_url: str) -> set[str]:
    """Every module a ``telework-bot`` command imported (it must succeed)."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_"))
    }
    environment["TELEWORK_DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


def heavy(modules: set[str], packages: tuple[str, ...]) -> set[str]:
    return {p for p in packages if any(m == p or m.startswith(p + ".") for m in modules)}


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (("--help",), (*WITHOUT_A_DATABASE, *NOT_FOR_PARSE, "domain.policy", "dialogs")),
        (
            ("parse", "明日テレワーク", "--today", "2026-11-26"),
            (*WITHOUT_A_DATABASE, *NOT_FOR_PARSE),
        ),
        (("parse", "明日テレワーク"), (*WITHOUT_A_DATABASE, *NOT_FOR_PARSE)),
        (("policy", "check", POLICY), (*WITHOUT_A_DATABASE, "pydantic_settings")),
        # SQLite is read through the standard library's sqlite3 (storage.ledger_status)
        (("deliveries", "status"), (*EVERYWHERE, *SQLALCHEMY, "storage.migrate")),
        (("deliveries", "status", "--run", "1"), (*EVERYWHERE, *SQLALCHEMY, "storage.migrate")),
    ],
    ids=["help", "parse", "parse-today", "policy-check", "deliveries-status", "one-run"],
)
def test_quick_commands_leave_heavy_libraries_alone(
    args: tuple[str, ...], forbidden: tuple[str, ...], sqlite_url: str
) -> None:
    modules = imported(*args, database_url=sqlite_url)
    assert "bot.cli.main" in modules  # the measurement saw the command line itself
    assert heavy(modules, forbidden) == set()


def test_the_measurement_sees_heavy_imports(sqlite_url: str) -> None:
    """The check above can fail: the command that needs the application imports it."""
    modules = imported("manifest", "build", "--help", database_url=sqlite_url)
    assert heavy(modules, ("bot.app",)) == set()  # --help alone runs no command
    modules = imported("roster", "unmatched", database_url=sqlite_url)
    assert heavy(modules, ("bot.app", "sqlalchemy")) == {"bot.app", "sqlalchemy"}
