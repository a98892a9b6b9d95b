"""The suite's own settings stay strict (pyproject.toml), and the plugins they rely on load."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

SETTINGS = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))["tool"][
    "pytest"
]["ini_options"]


def test_markers_and_config_are_strict_and_xfail_too() -> None:
    options = SETTINGS["addopts"].split()
    assert "--strict-markers" in options and "--strict-config" in options
    assert SETTINGS["xfail_strict"] is True


def test_every_warning_is_an_error_and_each_exception_is_named() -> None:
    rules = SETTINGS["filterwarnings"]
    assert rules[0] == "error"
    for rule in rules[1:]:
        # action:message:category:module — an exception names a category and a module.
        action, _message, category, module, *_ = [*rule.split(":"), "", "", "", ""]
        assert action == "ignore" and category and module, rule


def test_each_test_has_a_timeout(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.hasplugin("timeout")
    assert 0 < SETTINGS["timeout"] <= 60
