"""The Teams app package: schema-valid, commands from the command table, icons to spec."""

from __future__ import annotations

import json
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import build_router
from bot.core.listing import DEFAULT_NAMES
from bot.core.turn import Scope
from manifest.build import (
    Listing,
    ManifestError,
    build_manifest,
    check_listing,
    not_public,
    validate,
    write_package,
)

APP_ID = "9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11"


ROUTER = build_router()

LISTING = Listing(
    developer_name="総務省",
    website_url="https://bot.soumu.go.jp/",
    privacy_url="https://bot.soumu.go.jp/privacy",
    terms_url="https://bot.soumu.go.jp/terms",
    public_domain="bot.soumu.go.jp",
    accent_color="#1F5FAD",
    names=DEFAULT_NAMES,
)


def built(listing: Listing = LISTING, *, dev: bool = False) -> tuple[dict, dict]:  # type: ignore[type-arg]
    return build_manifest(
        app_id=APP_ID,
        version="1.2.3",
        listing=listing,
        command_lists=ROUTER.manifest_command_lists("en"),
        command_lists_ja=ROUTER.manifest_command_lists("ja"),
        dev=dev,
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
    assert manifest["validDomains"] == ["bot.soumu.go.jp"]
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team", "groupChat"}
    assert localization["name.short"] == "テレワーク"
    assert manifest["developer"] == {
        "name": "総務省",
        "websiteUrl": "https://bot.soumu.go.jp/",
        "privacyUrl": "https://bot.soumu.go.jp/privacy",
        "termsOfUseUrl": "https://bot.soumu.go.jp/terms",
    }
    assert manifest["version"] == "1.2.3"


def test_names_descriptions_and_colour_come_from_the_listing() -> None:
    names = {
        "en": {**DEFAULT_NAMES["en"], "name_short": "MIC Telework", "description_full": "Ours."},
        "ja": {**DEFAULT_NAMES["ja"], "name_short": "総務省テレワーク"},
    }
    manifest, localization = built(replace(LISTING, names=names, accent_color="#00753A"))
    assert manifest["name"]["short"] == "MIC Telework"
    assert manifest["description"]["full"] == "Ours."
    assert manifest["accentColor"] == "#00753A"
    assert localization["name.short"] == "総務省テレワーク"
    assert localization["description.full"] == DEFAULT_NAMES["ja"]["description_full"]


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST.",
        "bot.localhost",
        "127.0.0.1",
        "127.1.2.3",
        "[::1]",
        "0.0.0.0",
        "169.254.1.1",
        "example.com",
        "telework.example.org",
        "bot.test",
        "printer.local",
    ],
)
def test_local_and_placeholder_hosts_are_not_public(host: str) -> None:
    assert not_public(host)


@pytest.mark.parametrize("host", ["bot.soumu.go.jp", "telework.intra.mic.go.jp", "10.1.2.3"])
def test_real_hosts_are_public(host: str) -> None:
    assert not_public(host) is None


def test_a_catalogue_package_refuses_localhost_and_plain_http() -> None:
    local = replace(
        LISTING,
        public_domain="localhost",
        website_url="https://localhost/",
        privacy_url="http://bot.soumu.go.jp/privacy",
        terms_url="https://127.0.0.1/terms",
        developer_name="",
    )
    with pytest.raises(ManifestError) as problem:
        built(local)
    message = str(problem.value)
    for expected in (
        "TELEWORK_PUBLIC_DOMAIN: localhost is a reserved name",
        "TELEWORK_ORGANISATION_NAME: missing",
        "TELEWORK_WEBSITE_URL: localhost is a reserved name",
        "TELEWORK_PRIVACY_URL: http://bot.soumu.go.jp/privacy must use https",
        "TELEWORK_TERMS_URL: 127.0.0.1 is a loopback or local address",
    ):
        assert expected in message
    # A development package (sideloading against a tunnel or localhost) takes it.
    manifest, _ = built(
        replace(local, developer_name="dev", privacy_url=local.website_url), dev=True
    )
    assert manifest["validDomains"] == ["localhost"]


def test_a_missing_host_is_one_problem_not_four() -> None:
    empty = replace(LISTING, public_domain="", website_url="", privacy_url="", terms_url="")
    assert check_listing(empty) == ["TELEWORK_PUBLIC_DOMAIN (or --domain): missing"]


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
            version="1.0.0",
            listing=LISTING,
            command_lists=[],
            command_lists_ja=[],
        )
    for version in ("1.0", "v1.0.0", "1.0.0-dev", "01.0.0"):
        with pytest.raises(ManifestError, match=r"MAJOR\.MINOR\.PATCH"):
            build_manifest(
                app_id=APP_ID,
                version=version,
                listing=LISTING,
                command_lists=[],
                command_lists_ja=[],
            )
    manifest, localization = built()
    manifest["name"]["short"] = "x" * 31  # the schema allows 30
    manifest["accentColor"] = "blue"  # must be #RRGGBB
    with pytest.raises(ManifestError) as problem:
        validate(manifest, localization)
    assert "name/short" in str(problem.value) and "accentColor" in str(problem.value)
