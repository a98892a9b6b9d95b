"""The command line, driven as a user would: stdin in, stdout out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, db: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_"))
    }
    environment.update(TELEWORK_DATABASE_URL=f"sqlite+aiosqlite:///{db}", **env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment,
        check=False,
    )


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = run_cli("--help", db=tmp_path / "x.db")
    assert result.returncode == 0
    for command in ("serve", "chat", "db", "dev"):
        assert command in result.stdout


def test_chat_refuses_an_unmigrated_database_and_names_the_fix(tmp_path: Path) -> None:
    result = run_cli("chat", db=tmp_path / "new.db", stdin="help\n")
    assert result.returncode == 1
    assert "telework-bot db upgrade" in result.stderr


def test_serve_refuses_an_unmigrated_database(tmp_path: Path) -> None:
    result = run_cli("serve", db=tmp_path / "new.db", TELEWORK_PORT="3999")
    assert result.returncode == 1
    assert "telework-bot db upgrade" in result.stderr


def test_bad_setting_stops_with_the_key_name(tmp_path: Path) -> None:
    result = run_cli("serve", db=tmp_path / "x.db", TELEWORK_PORT="eighty")
    assert result.returncode == 2
    assert "TELEWORK_PORT" in result.stderr


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("ヘルプ\n", ["テレワーク・ボットへようこそ", "使い方", "言語"]),
        (
            "language English\nhelp\nhlep\n",
            [
                "I will answer in English from now on.",
                "How to use telework-bot",
                'Did you mean "help"?',
            ],
        ),
    ],
)
def test_chat_talks_to_the_same_bot(tmp_path: Path, stdin: str, expected: list[str]) -> None:
    db = tmp_path / "chat.db"
    assert run_cli("db", "upgrade", db=db).returncode == 0
    roster = ROOT / "examples" / "playground-roster.csv"
    assert run_cli("roster", "import", str(roster), db=db).returncode == 0
    alex = "00000000-0000-0000-0000-0000000000020"  # on the demo roster: may set a language
    result = run_cli("chat", "--name", "Alex", "--aad-object-id", alex, db=db, stdin=stdin)
    assert result.returncode == 0, result.stderr
    position = 0
    for fragment in expected:
        found = result.stdout.find(fragment, position)
        assert found >= 0, f"{fragment!r} missing after position {position}:\n{result.stdout}"
        position = found


def test_chat_button_press_runs_the_card_action(tmp_path: Path) -> None:
    db = tmp_path / "chat.db"
    run_cli("db", "upgrade", db=db)
    # The welcome card's first button is "show help".
    result = run_cli("chat", "--locale", "en-US", db=db, stdin="#1\n")
    assert result.returncode == 0, result.stderr
    welcome, after = result.stdout.split("you>", 1)
    assert "[1] Show help" in welcome
    assert "How to use telework-bot" in after


def test_parse_prints_one_json_object(tmp_path: Path) -> None:
    import json

    result = run_cli("parse", "来週の月・水 在宅", "--today", "2026-11-26", db=tmp_path / "x.db")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "intent": "declare",
        "entries": [
            {"date": "2026-11-30", "part": "full", "status": "telework"},
            {"date": "2026-12-02", "part": "full", "status": "telework"},
        ],
        "recurrence": None,
        "person": None,
        "period": None,
        "status": None,
        "replaces": None,
        "warnings": [],
        "question": None,
    }
    assert not (tmp_path / "x.db").exists()  # no side effects


def test_parse_rejects_a_bad_date(tmp_path: Path) -> None:
    result = run_cli("parse", "明日", "--today", "26/11/2026", db=tmp_path / "x.db")
    assert result.returncode == 2 and "--today" in result.stderr
