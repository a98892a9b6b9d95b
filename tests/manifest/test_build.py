"""The Teams app package: schema-valid, commands from the command table, icons to spec."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import pytest

from bot.app import build_router
from bot.core.turn import Scope
from manifest.build import ManifestError, build_manifest, validate, write_package

APP_ID = "9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11"


ROUTER = build_router()


def built() -> tuple[dict, dict]:  # type: ignore[type-arg]
    return build_manifest(
        app_id=APP_ID,
        public_domain="bot.example.go.jp",
        version="1.2.3",
        command_lists=ROUTER.manifest_command_lists("en"),
        command_lists_ja=ROUTER.manifest_command_lists("ja"),
    )


def png_size(data: bytes) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, colour_type = struct.unpack(">IIBB", data[16:26])
    return width, height, colour_type


def test_manifest_and_localisation_validate_against_the_official_schema() -> None:
    manifest, localization = built()
    validate(manifest, localization)  # raises on any violation
    assert manifest["manifestVersion"] == "1.24"
    assert manifest["id"] == manifest["bots"][0]["botId"] == APP_ID
    assert manifest["validDomains"] == ["bot.example.go.jp"]
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team", "groupChat"}
    assert localization["name.short"] == "テレワーク"


def test_command_lists_are_the_command_table() -> None:
    manifest, localization = built()
    lists = manifest["bots"][0]["commandLists"]
    for command_list in lists:
        [scope] = command_list["scopes"]
        expected = [
            r.words.title["en"]
            for r in ROUTER.commands(Scope(scope))
            if r.words and r.words.in_menu
        ]
        assert [c["title"] for c in command_list["commands"]] == expected
    personal = next(i for i, c in enumerate(lists) if c["scopes"] == ["personal"])
    titles_ja = [
        value
        for key, value in localization.items()
        if key.startswith(f"bots[0].commandLists[{personal}]") and key.endswith(".title")
    ]
    assert titles_ja == [
        r.words.title["ja"] for r in ROUTER.commands(Scope.PERSONAL) if r.words and r.words.in_menu
    ]


def test_package_has_the_files_and_icons_teams_requires(tmp_path: Path) -> None:
    manifest, localization = built()
    out = tmp_path / "pkg" / "telework-bot.zip"
    names = write_package(out, manifest, localization)
    assert sorted(names) == ["color.png", "ja.json", "manifest.json", "outline.png"]
    with zipfile.ZipFile(out) as package:
        assert json.loads(package.read("manifest.json"))["id"] == APP_ID
        assert png_size(package.read("color.png"))[:2] == (192, 192)
        width, height, colour_type = png_size(package.read("outline.png"))
        assert (width, height) == (32, 32) and colour_type == 6  # RGBA: transparent outline


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ManifestError, match="GUID"):
        build_manifest(
            app_id="not-a-guid",
            public_domain="x.jp",
            version="1.0.0",
            command_lists=[],
            command_lists_ja=[],
        )
    manifest, localization = built()
    manifest["name"]["short"] = "x" * 31  # the schema allows 30
    manifest["accentColor"] = "blue"  # must be #RRGGBB
    with pytest.raises(ManifestError) as problem:
        validate(manifest, localization)
    assert "name/short" in str(problem.value) and "accentColor" in str(problem.value)
