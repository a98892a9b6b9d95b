"""``telework-bot graph check`` against the fake Graph (on a loop of its own)."""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner

from bot.cli.graph import register
from bot.core.settings import load_settings
from tests.fakes.fake_graph import FakeGraph, served_in_thread


def app_for(**values: Any) -> typer.Typer:
    app = typer.Typer()
    register(app, lambda: load_settings(**values, _env_file=None))
    return app


def test_check_reports_each_feature() -> None:
    fake = FakeGraph()
    fake.permissions.discard("Presence.ReadWrite.All")
    with served_in_thread(fake):
        fake.add_user("admin@example.go.jp")
        values = fake.settings("meetings,status", TELEWORK_ADMINS="E9,admin@example.go.jp")
        result = CliRunner().invoke(app_for(**values), ["graph", "check"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["token", "ok"]
    assert lines[1].split()[:2] == ["meetings", "ok"]
    assert lines[2].split()[:2] == ["status", "FAILED"]
    assert "Presence.ReadWrite.All" in lines[2]


def test_check_when_off() -> None:
    result = CliRunner().invoke(app_for(), ["graph", "check"])
    assert result.exit_code == 0 and "off" in result.output
