"""``bot.core.quick_settings`` reads a setting as :class:`Settings` does (issue 16: ``parse``
starts without pydantic-settings)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.core.quick_settings import policy_file, read_setting
from bot.core.settings import Settings


def both(
    monkeypatch: pytest.MonkeyPatch, folder: Path, environ: dict[str, str]
) -> tuple[object, object]:
    """(Settings().policy_file, quick policy_file) in ``folder`` with exactly ``environ``."""
    monkeypatch.chdir(folder)
    for key in list(os.environ):
        if key.upper().startswith(("TELEWORK_", "MICROSOFT_")):
            monkeypatch.delenv(key)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    return Settings().policy_file, policy_file()


@pytest.mark.parametrize(
    ("environ", "env_file", "expected"),
    [
        ({}, None, None),
        ({"TELEWORK_POLICY_FILE": "/etc/a.toml"}, None, Path("/etc/a.toml")),
        ({"telework_policy_file": "/etc/lower.toml"}, None, Path("/etc/lower.toml")),
        ({"TELEWORK_POLICY_FILE": "  "}, None, None),
        ({}, "TELEWORK_POLICY_FILE=/srv/env.toml\n", Path("/srv/env.toml")),
        (
            {},
            'export TELEWORK_POLICY_FILE="/srv/quoted.toml" # comment\n',
            Path("/srv/quoted.toml"),
        ),
        ({}, "TELEWORK_POLICY_FILE=\n", None),
        (
            {"TELEWORK_POLICY_FILE": "/etc/wins.toml"},
            "TELEWORK_POLICY_FILE=/srv/loses.toml\n",
            Path("/etc/wins.toml"),
        ),
    ],
    ids=[
        "unset",
        "environment",
        "lower-case",
        "blank",
        "dotenv",
        "dotenv-quoted",
        "dotenv-empty",
        "environment-first",
    ],
)
def test_the_same_value_as_the_settings(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    environ: dict[str, str],
    env_file: str | None,
    expected: Path | None,
) -> None:
    if env_file is not None:
        (tmp_path / ".env").write_text(env_file, encoding="utf-8")
    settings, quick = both(monkeypatch, tmp_path, environ)
    assert settings == quick == expected


def test_only_the_key_asked_for_is_read(tmp_path: Path) -> None:
    environ = {"TELEWORK_PORT": "eighty", "TELEWORK_POLICY_FILE": "/etc/p.toml"}
    assert (
        read_setting("TELEWORK_POLICY_FILE", environ=environ, env_file=tmp_path / "none")
        == "/etc/p.toml"
    )
    assert read_setting("TELEWORK_ADMINS", environ=environ, env_file=tmp_path / "none") is None
