"""Typed settings, read once from the environment and an optional `.env` file.

Nothing else in the project reads ``os.environ`` (but ``bot.core.quick_settings``, which
reads one key the same way for a command that must start at once): the composition root builds
one :class:`Settings` and passes what each part needs. A missing or malformed value stops the
program with the key's name (see :func:`load_settings`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from bot.core.graph_settings import GraphSettings
from bot.core.listing import AppListing
from bot.core.service_url import DEFAULT_SERVICE_URL_HOSTS, check_host_pattern, is_loopback_host


class AppType(StrEnum):
    """How the Azure Bot registration authenticates (MICROSOFT_APP_TYPE)."""

    SINGLE_TENANT = "SingleTenant"
    MULTI_TENANT = "MultiTenant"
    USER_ASSIGNED_MSI = "UserAssignedMSI"


class LogFormat(StrEnum):
    """``json`` for production log shippers, ``console`` for people."""

    JSON = "json"
    CONSOLE = "console"


class SettingsError(Exception):
    """Raised when the configuration cannot be used; the message names the key."""


class Settings(GraphSettings, AppListing):
    """Every setting of the bot. Field aliases are the environment variable names.

    The organisation's name, the app's names and its public URLs are inherited from
    :class:`bot.core.listing.AppListing` (with ``MICROSOFT_APP_ID`` and
    ``TELEWORK_PUBLIC_DOMAIN``), the optional Microsoft Graph integration's from
    :class:`bot.core.graph_settings.GraphSettings`."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        frozen=True,
    )

    database_url: str = Field(
        default="sqlite+aiosqlite:///./telework.db", alias="TELEWORK_DATABASE_URL", repr=False
    )
    app_password: str = Field(default="", alias="MICROSOFT_APP_PASSWORD", repr=False)
    app_type: AppType = Field(default=AppType.SINGLE_TENANT, alias="MICROSOFT_APP_TYPE")
    app_tenant_id: str = Field(default="", alias="MICROSOFT_APP_TENANT_ID")
    allowed_tenants: Annotated[frozenset[str], NoDecode] = Field(
        default=frozenset(), alias="TELEWORK_ALLOWED_TENANTS"
    )
    service_url_hosts: Annotated[frozenset[str], NoDecode] = Field(
        default=frozenset(DEFAULT_SERVICE_URL_HOSTS), alias="TELEWORK_SERVICE_URL_HOSTS"
    )
    host: str = Field(default="127.0.0.1", alias="TELEWORK_HOST")
    port: int = Field(default=3978, ge=1, le=65535, alias="TELEWORK_PORT")
    timezone: str = Field(default="Asia/Tokyo", alias="TELEWORK_TIMEZONE")
    log_format: LogFormat = Field(default=LogFormat.CONSOLE, alias="TELEWORK_LOG_FORMAT")
    log_level: str = Field(default="INFO", alias="TELEWORK_LOG_LEVEL")
    max_body_bytes: int = Field(default=256 * 1024, ge=1024, alias="TELEWORK_MAX_BODY_BYTES")
    admins: Annotated[frozenset[str], NoDecode] = Field(
        default=frozenset(), alias="TELEWORK_ADMINS"
    )
    openid_metadata_url: str = Field(
        default="https://login.botframework.com/v1/.well-known/openidconfiguration",
        alias="TELEWORK_OPENID_METADATA_URL",
    )
    # Empty: the tenant's own (login.microsoftonline.com/<tenant>/v2.0/…); set only in tests.
    entra_metadata_url: str = Field(default="", alias="TELEWORK_ENTRA_METADATA_URL")
    policy_file: Path | None = Field(default=None, alias="TELEWORK_POLICY_FILE")
    # The ceiling of the adaptive pace (scheduler.rate_limit.AdaptiveRate), not the pace itself.
    delivery_rate: float = Field(default=50.0, gt=0, le=100, alias="TELEWORK_DELIVERY_RATE")
    # 5xx, timeouts and lost connections are retried (capped exponential back-off with jitter)
    # for this long after the message was queued, never past the message's own deadline.
    delivery_retry_hours: float = Field(
        default=3.0, gt=0, le=72, alias="TELEWORK_DELIVERY_RETRY_HOURS"
    )
    # The sender lease: a replica takes over from a dead leader within ttl + renew seconds.
    delivery_leader_ttl_seconds: float = Field(
        default=3.0, ge=1, le=300, alias="TELEWORK_DELIVERY_LEADER_TTL_SECONDS"
    )
    delivery_leader_renew_seconds: float = Field(
        default=1.0, gt=0, le=100, alias="TELEWORK_DELIVERY_LEADER_RENEW_SECONDS"
    )
    # Who this replica is across restarts (empty: host name and port). A restarted replica
    # takes its dead incarnation's sender lease and claims at once; give each replica its own.
    replica_id: str = Field(default="", max_length=100, alias="TELEWORK_REPLICA_ID")
    delivery_at_most_once_kinds: Annotated[frozenset[str], NoDecode] = Field(
        default=frozenset(), alias="TELEWORK_DELIVERY_AT_MOST_ONCE_KINDS"
    )
    job_schedules: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict, alias="TELEWORK_JOB_SCHEDULES"
    )
    scheduler_enabled: bool = Field(default=True, alias="TELEWORK_SCHEDULER_ENABLED")
    turn_rate_per_minute: int = Field(default=30, ge=0, alias="TELEWORK_TURN_RATE_PER_MINUTE")
    # How long the bot waits for the answer to its question or for a yes to its read-back.
    conversation_timeout_minutes: int = Field(
        default=10, ge=1, le=24 * 60, alias="TELEWORK_CONVERSATION_TIMEOUT_MINUTES"
    )
    # /metrics is served only behind a guard: its own listener (loopback unless said
    # otherwise; 0 = any free port, for tests) and/or a bearer token (bot.teams.metrics_http).
    metrics_port: int | None = Field(default=None, ge=0, le=65535, alias="TELEWORK_METRICS_PORT")
    metrics_host: str = Field(default="127.0.0.1", alias="TELEWORK_METRICS_HOST")
    metrics_token: str = Field(default="", alias="TELEWORK_METRICS_TOKEN", repr=False)

    @field_validator("allowed_tenants", "admins", "delivery_at_most_once_kinds", mode="before")
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(part.strip().lower() for part in value.split(",") if part.strip())
        return value

    @field_validator("service_url_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: Any) -> Any:
        """Comma-separated hosts or ``*.suffix``; empty means the default Teams hosts."""
        if isinstance(value, str):
            value = [part for part in value.split(",") if part.strip()]
            if not value:
                return frozenset(DEFAULT_SERVICE_URL_HOSTS)
        if isinstance(value, list | tuple | set | frozenset):
            return frozenset(check_host_pattern(str(part)) for part in value)
        return value

    @field_validator("policy_file", "metrics_port", mode="before")
    @classmethod
    def _empty_is_default(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _renew_within_ttl(self) -> Settings:
        if self.delivery_leader_renew_seconds * 2 > self.delivery_leader_ttl_seconds:
            raise ValueError(
                "TELEWORK_DELIVERY_LEADER_RENEW_SECONDS must be at most half of "
                "TELEWORK_DELIVERY_LEADER_TTL_SECONDS"
            )
        return self

    @field_validator("metrics_token")
    @classmethod
    def _strong_token(cls, value: str) -> str:
        # Visible ASCII only (it travels in a header); long enough not to be guessed.
        if value and not re.fullmatch(r"[\x21-\x7e]{32,}", value):
            raise ValueError("use at least 32 visible ASCII characters (no spaces)")
        return value

    @field_validator("job_schedules", mode="before")
    @classmethod
    def _split_schedules(cls, value: Any) -> Any:
        """``job-id=MIN HOUR DOM MON DOW; other-job=…`` (crontab, weekday names)."""
        if not isinstance(value, str):
            return value
        schedules = {}
        for part in value.split(";"):
            if not part.strip():
                continue
            job, separator, cron = part.partition("=")
            if not separator or len(cron.split()) != 5:
                raise ValueError(f"expected job-id=<5-field crontab>, got {part.strip()!r}")
            schedules[job.strip()] = " ".join(cron.split())
        return schedules

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("use sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER@HOST/DB")
        return value

    @model_validator(mode="after")
    def _anonymous_only_on_loopback(self) -> Settings:
        if self.app_id and not self.app_password and self.app_type != AppType.USER_ASSIGNED_MSI:
            raise ValueError("MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set")
        if self.app_id and self.app_type == AppType.SINGLE_TENANT and not self.app_tenant_id:
            raise ValueError("MICROSOFT_APP_TENANT_ID is required for a SingleTenant bot")
        if not self.app_id and not self.binds_loopback:
            raise ValueError(
                "TELEWORK_HOST must be a loopback address when MICROSOFT_APP_ID is empty "
                "(anonymous mode is for local development only)"
            )
        if not self.app_id and not is_loopback_host(self.metrics_host):
            raise ValueError(
                "TELEWORK_METRICS_HOST must be a loopback address when MICROSOFT_APP_ID is empty"
            )
        return self

    @property
    def anonymous(self) -> bool:
        """True when no app id is configured: local development without Azure."""
        return not self.app_id

    @property
    def binds_loopback(self) -> bool:
        return is_loopback_host(self.host)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def database_for_display(self) -> str:
        """The database URL with its password hidden: the only form ever printed or logged."""
        return displayable_database_url(self.database_url)


def displayable_database_url(url: str) -> str:
    """``url`` with the password (and any ``password``/``secret`` query value) as ``***``."""
    # Imported here: SQLAlchemy takes longer to import than most commands take to run, and
    # only the commands that print or open the database need it.
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # sqlalchemy raises ArgumentError, ValueError …; never echo the input
        return "<unreadable database URL>"
    hidden = {
        key: "***" if any(word in key.lower() for word in ("password", "secret")) else value
        for key, value in parsed.query.items()
    }
    return parsed.set(query=hidden).render_as_string(hide_password=True)


_ALIASES = {name: field.alias for name, field in Settings.model_fields.items()}


def _explained(exc: ValidationError) -> SettingsError:
    problems = []
    for error in exc.errors():
        location = [str(part) for part in error["loc"]]
        keys = [_ALIASES.get(part) or part for part in location] or ["configuration"]
        problems.append(f"{'.'.join(keys)}: {error['msg']}")
    return SettingsError("invalid configuration: " + "; ".join(problems))


def load_settings(**overrides: Any) -> Settings:
    """Build the settings once; raise :class:`SettingsError` naming every bad key."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise _explained(exc) from None


def load_listing(**overrides: Any) -> AppListing:
    """Only what the app package is made of (no secret needed); errors as load_settings."""
    try:
        return AppListing(**overrides)
    except ValidationError as exc:
        raise _explained(exc) from None
