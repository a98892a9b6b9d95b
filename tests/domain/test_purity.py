"""The domain core imports nothing of the project outside itself and no framework."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import domain

ALLOWED_THIRD_PARTY = {"pydantic", "holidays"}
DOMAIN_DIR = Path(domain.__file__).parent


def imported_top_levels(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_domain_imports_only_itself_the_stdlib_pydantic_and_holidays() -> None:
    files = sorted(DOMAIN_DIR.glob("*.py"))
    assert len(files) >= 8
    for path in files:
        foreign = {
            name
            for name in imported_top_levels(path)
            if name not in sys.stdlib_module_names
            and name != "domain"
            and name not in ALLOWED_THIRD_PARTY
        }
        assert not foreign, f"{path.name} imports {sorted(foreign)}"


def test_the_check_itself_catches_a_framework_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from aiohttp import web\nimport storage.models\n", encoding="utf-8")
    assert imported_top_levels(bad) == {"aiohttp", "storage"}
