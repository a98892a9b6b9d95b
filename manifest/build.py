"""Build the Teams app package: manifest.json, ja.json and the two icons, validated against
the official v1.24 schema (see SOURCE.md)."""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator

APP_ID_PATTERN = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE
)
HERE = resources.files("manifest")

JA_NAMES = {
    "name.short": "テレワーク",
    "name.full": "テレワーク推進アシスタント",
    "description.short": "テレワークの予定登録、課室の状況、目標の進捗をチャットで。",
    "description.full": (
        "テレワーク（終日・半日）の予定を日本語または英語で登録し、業務開始・終了を報告し、"
        "課室のメンバーの状況やテレワーク目標の進捗を確認できます。課室長は申請を承認し、"
        "チーム型テレワークの会議を調整できます。"
    ),
}


class ManifestError(ValueError):
    """The manifest or its localisation does not validate; the message lists every problem."""


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / name).read_text(encoding="utf-8"))
    return data


def build_manifest(
    *,
    app_id: str,
    public_domain: str,
    version: str,
    command_lists: Sequence[dict[str, Any]],
    command_lists_ja: Sequence[dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest and its Japanese localisation, with the bot id, domain and commands."""
    if not APP_ID_PATTERN.match(app_id):
        raise ManifestError(f"the app id must be a GUID (MICROSOFT_APP_ID), not {app_id!r}")
    uuid.UUID(app_id)
    text = (HERE / "manifest.template.json").read_text(encoding="utf-8")
    text = text.replace("{{APP_ID}}", app_id).replace("{{VERSION}}", version)
    text = text.replace("{{PUBLIC_DOMAIN}}", public_domain)
    manifest: dict[str, Any] = json.loads(text)
    manifest["bots"][0]["commandLists"] = list(command_lists)
    localization: dict[str, Any] = {
        "$schema": "https://developer.microsoft.com/en-us/json-schemas/teams/v1.24/"
        "MicrosoftTeams.Localization.schema.json",
        **JA_NAMES,
    }
    for i, command_list in enumerate(command_lists_ja):
        for j, command in enumerate(command_list["commands"]):
            localization[f"bots[0].commandLists[{i}].commands[{j}].title"] = command["title"]
            localization[f"bots[0].commandLists[{i}].commands[{j}].description"] = command[
                "description"
            ]
    validate(manifest, localization)
    return manifest, localization


def validate(manifest: dict[str, Any], localization: dict[str, Any]) -> None:
    """Raise ManifestError listing every schema violation of either file."""
    problems = []
    for name, document, schema in (
        ("manifest.json", manifest, "schema/MicrosoftTeams.schema.json"),
        ("ja.json", localization, "schema/MicrosoftTeams.Localization.schema.json"),
    ):
        validator = Draft4Validator(_load(schema))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in error.path) or "(root)"
            problems.append(f"{name}: {where}: {error.message}")
    if problems:
        raise ManifestError("; ".join(problems))


def write_package(out: Path, manifest: dict[str, Any], localization: dict[str, Any]) -> list[str]:
    """Write the zip Teams accepts (files at the root); returns the file names."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        package.writestr("ja.json", json.dumps(localization, ensure_ascii=False, indent=2))
        for icon in ("color.png", "outline.png"):
            package.writestr(icon, (HERE / "icons" / icon).read_bytes())
        return package.namelist()
