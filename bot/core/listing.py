"""What the organisation publishes about the bot: who runs it, its names, its public pages.

:class:`AppListing` holds the settings the Teams app package and the bot's public pages
(``/``, ``/privacy``, ``/terms``) are made from. They are part of :class:`bot.core.settings.
Settings`, which inherits them, and can also be read on their own: ``telework-bot manifest
build`` reads only these, so packaging the app never needs the bot's secret.

The defaults are the app's own names; a deployment sets at least the organisation's name and
its public host (``TELEWORK_PUBLIC_DOMAIN``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_core import PydanticUseDefault
from pydantic_settings import BaseSettings, SettingsConfigDict

# The limits of the Teams app manifest schema v1.24 (manifest/schema): names and descriptions
# longer than these would only fail later, when the package is built.
DEVELOPER_NAME_MAX = 32
NAME_SHORT_MAX = 30
NAME_FULL_MAX = 100
DESCRIPTION_SHORT_MAX = 80
DESCRIPTION_FULL_MAX = 4000

_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")

DEFAULT_NAMES = {
    "en": {
        "name_short": "Telework",
        "name_full": "Telework programme assistant",
        "description_short": "Declare telework, see your section and your targets.",
        "description_full": (
            "Declare telework days (full or half days) in Japanese or English, report the start "
            "and end of work, see who in your section teleworks, follow your telework targets, "
            "approve requests as a section chief, and organise team-type telework meetings."
        ),
    },
    "ja": {
        "name_short": "テレワーク",
        "name_full": "テレワーク推進アシスタント",
        "description_short": "テレワークの予定登録、課室の状況、目標の進捗をチャットで。",
        "description_full": (
            "テレワーク（終日・半日）の予定を日本語または英語で登録し、業務開始・終了を報告し、"
            "課室のメンバーの状況やテレワーク目標の進捗を確認できます。課室長は申請を承認し、"
            "チーム型テレワークの会議を調整できます。"
        ),
    },
}


def _text(default: str, alias: str, max_length: int) -> Any:
    return Field(default=default, alias=alias, min_length=1, max_length=max_length)


class AppListing(BaseSettings):
    """The organisation's name and contact, the app's names, colour and public URLs."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        frozen=True,
    )

    app_id: str = Field(default="", alias="MICROSOFT_APP_ID")
    public_domain: str = Field(default="", alias="TELEWORK_PUBLIC_DOMAIN")
    # Shown in Teams as the app's developer (at most 32 characters: the manifest's limit) and
    # on the Japanese pages; the English pages use organisation_name_en when it is set.
    organisation_name: str = Field(
        default="", alias="TELEWORK_ORGANISATION_NAME", max_length=DEVELOPER_NAME_MAX
    )
    organisation_name_en: str = Field(default="", alias="TELEWORK_ORGANISATION_NAME_EN")
    contact: str = Field(default="", alias="TELEWORK_CONTACT", max_length=500)
    website_url: str = Field(default="", alias="TELEWORK_WEBSITE_URL")
    privacy_url: str = Field(default="", alias="TELEWORK_PRIVACY_URL")
    terms_url: str = Field(default="", alias="TELEWORK_TERMS_URL")
    accent_color: str = Field(default="#1F5FAD", alias="TELEWORK_ACCENT_COLOR")
    name_short: str = _text(
        DEFAULT_NAMES["en"]["name_short"], "TELEWORK_APP_NAME_SHORT", NAME_SHORT_MAX
    )
    name_full: str = _text(
        DEFAULT_NAMES["en"]["name_full"], "TELEWORK_APP_NAME_FULL", NAME_FULL_MAX
    )
    description_short: str = _text(
        DEFAULT_NAMES["en"]["description_short"],
        "TELEWORK_APP_DESCRIPTION_SHORT",
        DESCRIPTION_SHORT_MAX,
    )
    description_full: str = _text(
        DEFAULT_NAMES["en"]["description_full"],
        "TELEWORK_APP_DESCRIPTION_FULL",
        DESCRIPTION_FULL_MAX,
    )
    name_short_ja: str = _text(
        DEFAULT_NAMES["ja"]["name_short"], "TELEWORK_APP_NAME_SHORT_JA", NAME_SHORT_MAX
    )
    name_full_ja: str = _text(
        DEFAULT_NAMES["ja"]["name_full"], "TELEWORK_APP_NAME_FULL_JA", NAME_FULL_MAX
    )
    description_short_ja: str = _text(
        DEFAULT_NAMES["ja"]["description_short"],
        "TELEWORK_APP_DESCRIPTION_SHORT_JA",
        DESCRIPTION_SHORT_MAX,
    )
    description_full_ja: str = _text(
        DEFAULT_NAMES["ja"]["description_full"],
        "TELEWORK_APP_DESCRIPTION_FULL_JA",
        DESCRIPTION_FULL_MAX,
    )

    @field_validator(
        "accent_color",
        "name_short",
        "name_full",
        "description_short",
        "description_full",
        "name_short_ja",
        "name_full_ja",
        "description_short_ja",
        "description_full_ja",
        mode="before",
    )
    @classmethod
    def _blank_means_default(cls, value: Any) -> Any:
        # Named apart from Settings' own validators: a subclass's method of the same name
        # would replace this one.
        if isinstance(value, str) and not value.strip():
            raise PydanticUseDefault
        return value

    @field_validator("public_domain")
    @classmethod
    def _host_name(cls, value: str) -> str:
        """A bare host name: no scheme, port, path or wildcard (validDomains and the URLs)."""
        value = value.strip().lower().rstrip(".")
        if value and not _DOMAIN.fullmatch(value):
            raise ValueError(
                f"{value!r} is not a host name (write telework.example.go.jp, without https:// "
                "or a path)"
            )
        return value

    @field_validator("website_url", "privacy_url", "terms_url")
    @classmethod
    def _absolute_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{value!r} is not an absolute http(s) URL")
        return value

    @field_validator("accent_color")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not _COLOUR.fullmatch(value.strip()):
            raise ValueError(f"{value!r} is not a colour written #RRGGBB")
        return value.strip().upper()

    @field_validator("organisation_name", "organisation_name_en", "contact")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return " ".join(value.split())

    def _on_public_domain(self, path: str) -> str:
        return f"https://{self.public_domain}{path}" if self.public_domain else ""

    @property
    def public_website_url(self) -> str:
        """The landing page: TELEWORK_WEBSITE_URL, else ``https://<public domain>/``."""
        return self.website_url or self._on_public_domain("/")

    @property
    def public_privacy_url(self) -> str:
        """TELEWORK_PRIVACY_URL, else the bot's own ``https://<public domain>/privacy``."""
        return self.privacy_url or self._on_public_domain("/privacy")

    @property
    def public_terms_url(self) -> str:
        """TELEWORK_TERMS_URL, else the bot's own ``https://<public domain>/terms``."""
        return self.terms_url or self._on_public_domain("/terms")

    def organisation(self, lang: str) -> str:
        """The organisation's name for pages in ``lang`` (empty when none is configured)."""
        if lang == "en" and self.organisation_name_en:
            return self.organisation_name_en
        return self.organisation_name or self.organisation_name_en

    def names(self, lang: str) -> dict[str, str]:
        """The app's names and descriptions in ``lang`` (``ja`` or ``en``)."""
        suffix = "_ja" if lang == "ja" else ""
        return {
            key: str(getattr(self, key + suffix))
            for key in ("name_short", "name_full", "description_short", "description_full")
        }
