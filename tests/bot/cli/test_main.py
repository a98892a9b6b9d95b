"""The command line, driven as a user would: stdin in, stdout out."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[3]


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


def test_chat_matches_the_roster_by_upn(tmp_path: Path) -> None:
    """As the README says: ``--upn`` alone finds the person (by e-mail, no Entra id on file)."""
    db = tmp_path / "chat.db"
    assert run_cli("db", "upgrade", db=db).returncode == 0
    roster = ROOT / "examples" / "roster.sample.csv"
    assert run_cli("roster", "import", str(roster), db=db).returncode == 0
    upn = "Taro.Yamada@example.go.jp"  # A0001, whose record names no Entra object id
    result = run_cli("chat", "--upn", upn, db=db, stdin="language English\n")
    assert result.returncode == 0, result.stderr
    assert "I will answer in English from now on." in result.stdout
    assert "upn=" not in run_cli("roster", "unmatched", db=db).stdout


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


def test_dev_does_not_print_the_database_password(migrated_postgres_url: str) -> None:
    # PostgreSQL on 127.0.0.1 trusts the test user, so any password connects.
    url = make_url(migrated_postgres_url).set(password="s3cr3t-pw")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_"))
    }
    environment.update(
        TELEWORK_DATABASE_URL=url.render_as_string(hide_password=False),
        TELEWORK_PORT=str(port),
        TELEWORK_SCHEDULER_ENABLED="false",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "dev", "--no-chat", "--no-playground"],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    output: list[str] = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            output.append(line)
            if "is listening on" in line:
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
        reader.join(30)  # the pipe ends with the process: then it is closed, not leaked
        assert process.stdout is not None
        process.stdout.close()
    text = "".join(output)
    assert "is listening on" in text, text
    assert "s3cr3t-pw" not in text
    assert f"database postgresql+asyncpg://{url.username}:***@" in text


def test_every_command_module_is_registered() -> None:
    """A module under bot/cli/ with a ``register`` function is in the one list in main.py."""
    import ast

    from bot.cli.main import COMMAND_MODULES

    with_register = {
        f"bot.cli.{path.stem}"
        for path in (ROOT / "bot" / "cli").glob("*.py")
        if any(
            isinstance(node, ast.FunctionDef) and node.name == "register"
            for node in ast.parse(path.read_text(encoding="utf-8")).body
        )
    }
    assert set(COMMAND_MODULES) == with_register
    assert len(COMMAND_MODULES) == len(with_register)


def test_the_readme_command_table_is_true() -> None:
    """Every command in the README's "Command line" table exists with the options it shows
    (``a / `b``` continues in a's group)."""
    import re

    import typer
    from typer.core import TyperGroup

    from bot.cli.main import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    root = typer.main.get_command(cli)
    group = root
    shown = re.findall(r"`telework-bot ([^`]*)`|/ `([^`]*)`", table)
    assert len(shown) >= 12
    for full, continued in shown:
        written = full or continued
        command = root if full else group
        for word in written.split():
            if not isinstance(command, TyperGroup):
                break
            found = command.commands.get(word)
            if found is None:
                assert not word.isalpha() or word.isupper(), f"README: no `{written}` command"
                break
            group, command = command, found
        options = {"--help"} | {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
        for option in re.findall(r"--[a-z][a-z-]*", written):
            assert option in options, f"README: `telework-bot {written}` has no {option}"
