"""``telework-bot manifest build``: a catalogue package from production settings, no secret
needed; localhost refused unless --dev."""

from __future__ import annotations

import json
import os
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.main import cli
from manifest.build import validate

APP_ID = "9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11"
PRODUCTION = {
    "MICROSOFT_APP_ID": APP_ID,  # and no MICROSOFT_APP_PASSWORD: packaging needs no secret
    "MICROSOFT_APP_TYPE": "SingleTenant",
    "TELEWORK_PUBLIC_DOMAIN": "telework.soumu.go.jp",
    "TELEWORK_ORGANISATION_NAME": "総務省",
    "TELEWORK_ACCENT_COLOR": "#00753a",
    "TELEWORK_APP_NAME_SHORT": "MIC Telework",
    "TELEWORK_APP_NAME_SHORT_JA": "総務省テレワーク",
}


@pytest.fixture(autouse=True)
def clean_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No TELEWORK_/MICROSOFT_ variable from the machine, and no .env file in the directory."""
    for key in list(os.environ):
        if key.startswith(("TELEWORK_", "MICROSOFT_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


def build(tmp_path: Path, *args: str, **env: str) -> tuple[int, str, Path]:
    out = tmp_path / "out" / "telework-bot.zip"
    result = CliRunner().invoke(cli, ["manifest", "build", "--out", str(out), *args], env=env)
    return result.exit_code, result.output, out


def read(out: Path) -> tuple[dict, dict]:  # type: ignore[type-arg]
    with zipfile.ZipFile(out) as package:
        return json.loads(package.read("manifest.json")), json.loads(package.read("ja.json"))


def test_a_production_package_from_the_settings(tmp_path: Path) -> None:
    code, output, out = build(tmp_path, **PRODUCTION)
    assert code == 0, output
    manifest, localization = read(out)
    validate(manifest, localization)
    assert manifest["id"] == manifest["bots"][0]["botId"] == APP_ID
    assert manifest["version"] == version("telework-bot")
    assert manifest["validDomains"] == ["telework.soumu.go.jp"]
    assert manifest["developer"] == {
        "name": "総務省",
        "websiteUrl": "https://telework.soumu.go.jp/",
        "privacyUrl": "https://telework.soumu.go.jp/privacy",
        "termsOfUseUrl": "https://telework.soumu.go.jp/terms",
    }
    assert manifest["accentColor"] == "#00753A"
    assert manifest["name"]["short"] == "MIC Telework"
    assert localization["name.short"] == "総務省テレワーク"
    assert "localhost" not in json.dumps(manifest)


def test_explicit_page_urls_and_options_win(tmp_path: Path) -> None:
    other_id = "0c7a5e36-6bb1-4a55-9a4e-8d2f4d0f7d11"
    code, output, out = build(
        tmp_path,
        "--app-id",
        other_id,
        "--domain",
        "bot.mic.go.jp",
        "--version",
        "2.0.1",
        **PRODUCTION,
        TELEWORK_PRIVACY_URL="https://www.soumu.go.jp/privacy/telework.html",
    )
    assert code == 0, output
    manifest, _ = read(out)
    assert manifest["id"] == other_id and manifest["version"] == "2.0.1"
    assert manifest["validDomains"] == ["bot.mic.go.jp"]
    assert manifest["developer"]["privacyUrl"] == "https://www.soumu.go.jp/privacy/telework.html"
    assert manifest["developer"]["termsOfUseUrl"] == "https://bot.mic.go.jp/terms"


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--domain", "localhost"], {}, "TELEWORK_PUBLIC_DOMAIN: localhost is a reserved name"),
        (["--domain", "127.0.0.1"], {}, "127.0.0.1 is a loopback or local address"),
        ([], {"TELEWORK_PUBLIC_DOMAIN": ""}, "TELEWORK_PUBLIC_DOMAIN (or --domain): missing"),
        ([], {"TELEWORK_TERMS_URL": "https://localhost:8443/terms"}, "TELEWORK_TERMS_URL"),
        ([], {"TELEWORK_PRIVACY_URL": "http://intra.soumu.go.jp/p"}, "must use https"),
        ([], {"TELEWORK_ORGANISATION_NAME": ""}, "TELEWORK_ORGANISATION_NAME: missing"),
        ([], {"MICROSOFT_APP_ID": ""}, "the app id must be a GUID"),
    ],
)
def test_a_package_that_points_at_no_real_page_is_refused(
    tmp_path: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    code, output, out = build(tmp_path, *args, **{**PRODUCTION, **env})
    assert code == 1
    assert expected in output
    assert not out.exists()


def test_bad_settings_name_the_key(tmp_path: Path) -> None:
    code, output, _ = build(tmp_path, "--domain", "https://bot.soumu.go.jp/", **PRODUCTION)
    assert code == 2 and "TELEWORK_PUBLIC_DOMAIN" in output
    code, output, _ = build(tmp_path, **{**PRODUCTION, "TELEWORK_ACCENT_COLOR": "blue"})
    assert code == 2 and "TELEWORK_ACCENT_COLOR" in output


def test_a_development_package_stays_easy(tmp_path: Path) -> None:
    # Only an app id: localhost links and the project as developer, for sideloading.
    code, output, out = build(tmp_path, "--dev", "--app-id", APP_ID)
    assert code == 0, output
    manifest, localization = read(out)
    validate(manifest, localization)
    assert manifest["developer"]["privacyUrl"] == "https://localhost/privacy"
    assert manifest["developer"]["name"] == "telework-bot contributors"
    # Against a tunnel: its host, without --dev too.
    code, output, out = build(
        tmp_path,
        "--dev",
        "--app-id",
        APP_ID,
        "--domain",
        "x7k2p9-3978.asse.devtunnels.ms",
    )
    assert code == 0, output
    assert read(out)[0]["validDomains"] == ["x7k2p9-3978.asse.devtunnels.ms"]


def test_the_graph_path_needs_web_application_info(tmp_path: Path) -> None:
    code, output, out = build(tmp_path, **PRODUCTION)
    assert "webApplicationInfo" not in read(out)[0]
    code, output, out = build(tmp_path, "--graph-app-id", APP_ID, **PRODUCTION)
    assert code == 0, output
    manifest, localization = read(out)
    validate(manifest, localization)
    assert manifest["webApplicationInfo"] == {
        "id": APP_ID,
        "resource": f"api://telework.soumu.go.jp/{APP_ID}",
    }
    code, output, _ = build(tmp_path, "--graph-app-id", "graph", **PRODUCTION)
    assert code == 1 and "--graph-app-id must be a GUID" in output
