"""A single setting read the way :class:`bot.core.settings.Settings` reads it, without building
the whole object: for the commands that must start at once (``parse``; issue 16, CLI start
≤ 0.3 s), where importing pydantic-settings alone takes a fifth of the budget.

The same sources in the same order: the environment (names compared case-insensitively, as
pydantic-settings does), then ``.env`` in the working directory (parsed by python-dotenv, the
parser pydantic-settings uses; imported only when the file exists). An empty value is unset.
Only the keys asked for are read, so a malformed *other* key does not stop these commands;
every command that builds :class:`Settings` still fails fast on it.
``tests/bot/core/test_quick_settings.py`` holds this to ``Settings``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_FILE = Path(".env")


def read_setting(
    name: str, *, environ: Mapping[str, str] | None = None, env_file: Path = ENV_FILE
) -> str | None:
    """The value of the environment variable ``name`` (or its line in ``env_file``); None
    when unset or blank."""
    wanted = name.casefold()
    source = os.environ if environ is None else environ
    for key, value in source.items():
        if key.casefold() == wanted:
            return value if value.strip() else None
    if env_file.is_file():
        from dotenv import dotenv_values

        for key, found in dotenv_values(env_file, encoding="utf-8").items():
            if key.casefold() == wanted:
                return found if found and found.strip() else None
    return None


def policy_file(
    *, environ: Mapping[str, str] | None = None, env_file: Path = ENV_FILE
) -> Path | None:
    """``TELEWORK_POLICY_FILE`` (None: the packaged default policy)."""
    value = read_setting("TELEWORK_POLICY_FILE", environ=environ, env_file=env_file)
    return Path(value) if value is not None else None
