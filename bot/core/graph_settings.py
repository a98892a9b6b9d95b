"""Settings of the optional Microsoft 365 integration (Microsoft Graph, issue 17).

Part of :class:`bot.core.settings.Settings`, which inherits them. Everything is off until
``TELEWORK_GRAPH_FEATURES`` names at least one feature; then the Entra app's tenant, client
id and one credential (a client secret or a certificate) are required, and ``install`` also
needs the app's id in the organisation's Teams catalogue.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode

from bot.core.service_url import is_loopback_host

GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0"
ENTRA_AUTHORITY = "https://login.microsoftonline.com"


class GraphFeature(StrEnum):
    """One switch of ``TELEWORK_GRAPH_FEATURES``."""

    MEETINGS = "meetings"  # Outlook events with a Teams link for team meetings
    FREEBUSY = "freebusy"  # participants' Outlook free/busy in slot ranking
    INSTALL = "install"  # `telework-bot teams install`
    STATUS = "status"  # 「本日テレワーク」 status notes (per person, opt-in)


def _web_address(value: str, key: str) -> str:
    """https, or http on a loopback host (a local fake Graph in tests)."""
    parts = urlsplit(value)
    loopback = parts.hostname is not None and is_loopback_host(parts.hostname)
    if not parts.hostname or parts.scheme not in ("https", "http"):
        raise ValueError(f"{key} must be an https URL")
    if parts.scheme == "http" and not loopback:
        raise ValueError(f"{key} must be https (http only on a loopback host)")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"{key} must be a plain URL (no user, query or fragment)")
    return value.rstrip("/")


class GraphSettings(BaseSettings):
    """The Entra app the bot calls Microsoft Graph as, and which Graph features are on."""

    graph_tenant_id: str = Field(default="", alias="TELEWORK_GRAPH_TENANT_ID")
    graph_client_id: str = Field(default="", alias="TELEWORK_GRAPH_CLIENT_ID")
    graph_client_secret: str = Field(default="", alias="TELEWORK_GRAPH_CLIENT_SECRET", repr=False)
    graph_certificate_file: Path | None = Field(
        default=None, alias="TELEWORK_GRAPH_CERTIFICATE_FILE"
    )
    graph_certificate_password: str = Field(
        default="", alias="TELEWORK_GRAPH_CERTIFICATE_PASSWORD", repr=False
    )
    graph_teams_app_id: str = Field(default="", alias="TELEWORK_GRAPH_TEAMS_APP_ID")
    graph_base_url: str = Field(default=GRAPH_BASE_URL, alias="TELEWORK_GRAPH_BASE_URL")
    # Empty: the tenant's Entra ID token endpoint (see graph_token_endpoint).
    graph_token_url: str = Field(default="", alias="TELEWORK_GRAPH_TOKEN_URL")
    graph_features: Annotated[frozenset[GraphFeature], NoDecode] = Field(
        default=frozenset(), alias="TELEWORK_GRAPH_FEATURES"
    )

    @field_validator("graph_features", mode="before")
    @classmethod
    def _split_features(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        names = [part.strip().lower() for part in value.split(",") if part.strip()]
        known = {feature.value for feature in GraphFeature}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise ValueError(f"unknown features {unknown}; use {', '.join(sorted(known))}")
        return frozenset(GraphFeature(name) for name in names)

    @field_validator("graph_certificate_file", mode="before")
    @classmethod
    def _empty_path(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("graph_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        return _web_address(value.strip() or GRAPH_BASE_URL, "TELEWORK_GRAPH_BASE_URL")

    @field_validator("graph_token_url")
    @classmethod
    def _token_url(cls, value: str) -> str:
        return _web_address(value.strip(), "TELEWORK_GRAPH_TOKEN_URL") if value.strip() else ""

    @model_validator(mode="after")
    def _complete_when_on(self) -> GraphSettings:
        if not self.graph_features:
            return self
        if not self.graph_tenant_id or not self.graph_client_id:
            raise ValueError(
                "TELEWORK_GRAPH_TENANT_ID and TELEWORK_GRAPH_CLIENT_ID are required when "
                "TELEWORK_GRAPH_FEATURES is set"
            )
        if bool(self.graph_client_secret) == (self.graph_certificate_file is not None):
            raise ValueError(
                "set exactly one of TELEWORK_GRAPH_CLIENT_SECRET and "
                "TELEWORK_GRAPH_CERTIFICATE_FILE when TELEWORK_GRAPH_FEATURES is set"
            )
        if GraphFeature.INSTALL in self.graph_features and not self.graph_teams_app_id:
            raise ValueError("TELEWORK_GRAPH_TEAMS_APP_ID is required for the install feature")
        return self

    @property
    def graph_enabled(self) -> bool:
        return bool(self.graph_features)

    @property
    def graph_token_endpoint(self) -> str:
        """Where tokens come from: the setting, else the tenant's Entra ID v2 endpoint."""
        return self.graph_token_url or f"{ENTRA_AUTHORITY}/{self.graph_tenant_id}/oauth2/v2.0/token"
