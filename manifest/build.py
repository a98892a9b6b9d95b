"""Build the Teams app package: manifest.json, ja.json and the two icons, validated against
the official v1.24 schema (see SOURCE.md).

A package for the organisation's catalogue must point at real public pages: :func:`build_manifest`
refuses loopback hosts, reserved example names and plain ``http`` unless it is asked for a
development package (``dev=True``: sideloading against a tunnel or a local test).
"""

from __future__ import annotations

import ipaddress
import json
import re
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft4Validator

APP_ID_PATTERN = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE
)
VERSION_PATTERN = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
HERE = resources.files("manifest")
LOCALIZATION_SCHEMA = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/v1.24/"
    "MicrosoftTeams.Localization.schema.json"
)
# RFC 2606 / RFC 6761: names that never belong to a real deployment (documentation examples,
# tests, loopback). A package pointing at one of them was built from a placeholder.
_RESERVED_SUFFIXES = ("localhost", "example", "test", "invalid", "local")
_RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
NAME_KEYS = ("name_short", "name_full", "description_short", "description_full")


class ManifestError(ValueError):
    """The manifest or its localisation does not validate; the message lists every problem."""


@dataclass(frozen=True)
class Listing:
    """What the package says about the app and who publishes it.

    ``names`` maps a language (``en``, ``ja``) to its ``name_short``, ``name_full``,
    ``description_short`` and ``description_full``; English is the manifest's default language
    and Japanese its localisation.
    """

    developer_name: str
    website_url: str
    privacy_url: str
    terms_url: str
    public_domain: str
    accent_color: str
    names: Mapping[str, Mapping[str, str]]


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / name).read_text(encoding="utf-8"))
    return data


def not_public(host: str) -> str | None:
    """Why ``host`` cannot be a deployment's public host, or None when it can be."""
    name = host.strip("[]").lower().rstrip(".")
    if not name:
        return "no host"
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        last = name.rsplit(".", 1)[-1]
        if last in _RESERVED_SUFFIXES or name.endswith(_RESERVED_DOMAINS):
            return f"{name} is a reserved name (localhost or an example), not a public host"
        return None
    if address.is_loopback or address.is_unspecified or address.is_link_local:
        return f"{name} is a loopback or local address"
    return None


def check_public_url(key: str, url: str) -> list[str]:
    """The problems of ``url`` as one of the package's public links (empty: none)."""
    if not url:
        return [f"{key}: missing"]
    parts = urlsplit(url)
    problems = []
    if parts.scheme != "https":
        problems.append(f"{key}: {url} must use https")
    reason = not_public(parts.hostname or "")
    if reason:
        problems.append(f"{key}: {reason}")
    return problems


def check_listing(listing: Listing) -> list[str]:
    """Every reason ``listing`` is not fit for the organisation's catalogue (empty: fit)."""
    problems = []
    if not listing.public_domain:
        problems.append("TELEWORK_PUBLIC_DOMAIN (or --domain): missing")
    elif reason := not_public(listing.public_domain):
        problems.append(f"TELEWORK_PUBLIC_DOMAIN: {reason}")
    if not listing.developer_name:
        problems.append("TELEWORK_ORGANISATION_NAME: missing (Teams shows it as the developer)")
    for key, url in (
        ("TELEWORK_WEBSITE_URL", listing.website_url),
        ("TELEWORK_PRIVACY_URL", listing.privacy_url),
        ("TELEWORK_TERMS_URL", listing.terms_url),
    ):
        if url or listing.public_domain:  # else they are missing because the host is
            problems += check_public_url(key, url)
    return problems


def build_manifest(
    *,
    app_id: str,
    version: str,
    listing: Listing,
    command_lists: Sequence[dict[str, Any]],
    command_lists_ja: Sequence[dict[str, Any]],
    dev: bool = False,
    graph_app_id: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest and its Japanese localisation, with the bot id, the listing and commands.

    ``graph_app_id``: the Entra app that installs the app for people through Microsoft Graph
    with ``TeamsAppInstallation.ReadWriteSelfForUser.All``; that permission lets an app
    install only itself, which Teams recognises by the manifest's ``webApplicationInfo``.

    Raises :class:`ManifestError` naming every problem: an app id that is not a GUID, a version
    that is not ``MAJOR.MINOR.PATCH``, and (unless ``dev``) links that are not public https
    URLs; then anything the official schema refuses.
    """
    problems = []
    if not APP_ID_PATTERN.match(app_id):
        problems.append(f"the app id must be a GUID (--app-id or MICROSOFT_APP_ID), not {app_id!r}")
    if graph_app_id is not None and not APP_ID_PATTERN.match(graph_app_id):
        problems.append(f"--graph-app-id must be a GUID, not {graph_app_id!r}")
    if not VERSION_PATTERN.match(version):
        problems.append(f"the version must be MAJOR.MINOR.PATCH, not {version!r}")
    if not dev:
        problems += check_listing(listing)
    if problems:
        raise ManifestError("; ".join(problems))
    uuid.UUID(app_id)
    english, japanese = listing.names["en"], listing.names["ja"]
    manifest = _load("manifest.template.json")
    manifest["id"] = manifest["bots"][0]["botId"] = app_id
    manifest["version"] = version
    manifest["developer"].update(
        name=listing.developer_name,
        websiteUrl=listing.website_url,
        privacyUrl=listing.privacy_url,
        termsOfUseUrl=listing.terms_url,
    )
    manifest["name"] = {"short": english["name_short"], "full": english["name_full"]}
    manifest["description"] = {
        "short": english["description_short"],
        "full": english["description_full"],
    }
    manifest["accentColor"] = listing.accent_color
    manifest["validDomains"] = [listing.public_domain] if listing.public_domain else []
    manifest["bots"][0]["commandLists"] = list(command_lists)
    if graph_app_id is not None:
        # No sign-in uses it: the resource is only required to be a URI under our control.
        resource = f"api://{listing.public_domain or 'localhost'}/{graph_app_id}"
        manifest["webApplicationInfo"] = {"id": graph_app_id, "resource": resource}
    localization: dict[str, Any] = {
        "$schema": LOCALIZATION_SCHEMA,
        "name.short": japanese["name_short"],
        "name.full": japanese["name_full"],
        "description.short": japanese["description_short"],
        "description.full": japanese["description_full"],
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
