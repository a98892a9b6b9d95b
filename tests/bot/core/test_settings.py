"""Settings are typed, read once, and fail fast naming the key."""

from __future__ import annotations

import pytest

from bot.core.settings import AppType, SettingsError, load_listing, load_settings


def test_defaults() -> None:
    settings = load_settings(_env_file=None)
    assert settings.database_url == "sqlite+aiosqlite:///./telework.db"
    assert (settings.host, settings.port) == ("127.0.0.1", 3978)
    assert settings.app_type == AppType.SINGLE_TENANT
    assert settings.timezone == "Asia/Tokyo"
    assert settings.anonymous


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEWORK_ALLOWED_TENANTS", " AAA , bbb,")
    monkeypatch.setenv("TELEWORK_PORT", "4000")
    settings = load_settings(_env_file=None)
    assert settings.allowed_tenants == frozenset({"aaa", "bbb"})
    assert settings.port == 4000


def test_dotenv_file_is_read(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = tmp_path / ".env"  # type: ignore[operator]
    env.write_text("TELEWORK_PORT=4100\nTELEWORK_TIMEZONE=UTC\n", encoding="utf-8")
    settings = load_settings(_env_file=env)
    assert (settings.port, settings.timezone) == (4100, "UTC")


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"TELEWORK_PORT": "0"}, "TELEWORK_PORT"),
        ({"TELEWORK_TIMEZONE": "Mars/Olympus"}, "TELEWORK_TIMEZONE"),
        ({"TELEWORK_DATABASE_URL": "mysql://x"}, "TELEWORK_DATABASE_URL"),
        ({"MICROSOFT_APP_TYPE": "Sometimes"}, "MICROSOFT_APP_TYPE"),
        ({"TELEWORK_LOG_FORMAT": "xml"}, "TELEWORK_LOG_FORMAT"),
        ({"MICROSOFT_APP_ID": "abc"}, "MICROSOFT_APP_PASSWORD"),
        ({"MICROSOFT_APP_ID": "abc", "MICROSOFT_APP_PASSWORD": "p"}, "MICROSOFT_APP_TENANT_ID"),
    ],
)
def test_bad_values_name_the_key(overrides: dict[str, str], key: str) -> None:
    with pytest.raises(SettingsError, match=key):
        load_settings(_env_file=None, **overrides)


def test_anonymous_mode_only_on_loopback() -> None:
    with pytest.raises(SettingsError, match="TELEWORK_HOST must be a loopback"):
        load_settings(_env_file=None, TELEWORK_HOST="0.0.0.0")
    assert load_settings(_env_file=None, TELEWORK_HOST="::1").binds_loopback
    secured = load_settings(
        _env_file=None,
        TELEWORK_HOST="0.0.0.0",
        MICROSOFT_APP_ID="a",
        MICROSOFT_APP_PASSWORD="p",
        MICROSOFT_APP_TENANT_ID="t",
    )
    assert not secured.anonymous


def test_the_example_env_file_loads_as_is() -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parents[3] / ".env.example"
    settings = load_settings(_env_file=example)
    assert settings.policy_file is None and settings.job_schedules == {}
    assert settings.delivery_rate == 50


def test_job_schedules_are_parsed_and_checked() -> None:
    settings = load_settings(
        _env_file=None, TELEWORK_JOB_SCHEDULES="approvals-reminder=30 9 * * mon-fri; x=0 8 * * *"
    )
    assert settings.job_schedules == {"approvals-reminder": "30 9 * * mon-fri", "x": "0 8 * * *"}
    with pytest.raises(SettingsError, match="TELEWORK_JOB_SCHEDULES"):
        load_settings(_env_file=None, TELEWORK_JOB_SCHEDULES="approvals-reminder=every day")


def test_service_url_hosts_default_to_the_teams_hosts() -> None:
    default = load_settings(_env_file=None).service_url_hosts
    assert default == frozenset(
        {
            "smba.trafficmanager.net",
            "smba.infra.gcc.teams.microsoft.com",
            "smba.infra.gov.teams.microsoft.us",
            "smba.infra.dod.teams.microsoft.us",
            "*.botframework.com",
        }
    )
    assert load_settings(_env_file=None, TELEWORK_SERVICE_URL_HOSTS=" ").service_url_hosts == (
        default
    )
    custom = load_settings(_env_file=None, TELEWORK_SERVICE_URL_HOSTS="Teams.Example.org, *.x.jp")
    assert custom.service_url_hosts == frozenset({"teams.example.org", "*.x.jp"})


@pytest.mark.parametrize(
    "value", ["*.com", "*", "https://smba.trafficmanager.net", "smba.trafficmanager.net:443", "a b"]
)
def test_bad_service_url_hosts_name_the_key(value: str) -> None:
    with pytest.raises(SettingsError, match="TELEWORK_SERVICE_URL_HOSTS"):
        load_settings(_env_file=None, TELEWORK_SERVICE_URL_HOSTS=value)


def test_the_database_password_is_never_displayed() -> None:
    settings = load_settings(
        _env_file=None,
        TELEWORK_DATABASE_URL="postgresql+asyncpg://telework:s3cr3t-pw@db.internal:5432/telework",
    )
    assert (
        settings.database_for_display
        == "postgresql+asyncpg://telework:***@db.internal:5432/telework"
    )
    assert "s3cr3t-pw" not in repr(settings) and "s3cr3t-pw" not in str(settings)


def test_the_listing_defaults_and_public_urls() -> None:
    empty = load_settings(_env_file=None, TELEWORK_APP_NAME_SHORT=" ", TELEWORK_ACCENT_COLOR="")
    assert empty.name_short == "Telework" and empty.accent_color == "#1F5FAD"
    settings = load_settings(_env_file=None)
    assert settings.public_privacy_url == "" and settings.accent_color == "#1F5FAD"
    assert settings.names("ja")["name_short"] == "テレワーク"
    assert settings.names("en")["name_short"] == "Telework"
    public = load_settings(
        _env_file=None,
        TELEWORK_PUBLIC_DOMAIN="Telework.Soumu.go.jp.",
        TELEWORK_TERMS_URL="https://www.soumu.go.jp/terms.html",
        TELEWORK_ORGANISATION_NAME=" 総務省 ",
        TELEWORK_ORGANISATION_NAME_EN="Ministry of Internal Affairs and Communications",
    )
    assert public.public_domain == "telework.soumu.go.jp"
    assert public.public_website_url == "https://telework.soumu.go.jp/"
    assert public.public_privacy_url == "https://telework.soumu.go.jp/privacy"
    assert public.public_terms_url == "https://www.soumu.go.jp/terms.html"
    assert public.organisation("ja") == "総務省"
    assert public.organisation("en") == "Ministry of Internal Affairs and Communications"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("TELEWORK_PUBLIC_DOMAIN", "https://bot.example.go.jp"),
        ("TELEWORK_PUBLIC_DOMAIN", "bot.example.go.jp/telework"),
        ("TELEWORK_PUBLIC_DOMAIN", "*.example.go.jp"),
        ("TELEWORK_PRIVACY_URL", "/privacy"),
        ("TELEWORK_PRIVACY_URL", "ftp://x.jp/p"),
        ("TELEWORK_ACCENT_COLOR", "blue"),
        ("TELEWORK_ACCENT_COLOR", "#12345"),
        ("TELEWORK_ORGANISATION_NAME", "Ministry of Internal Affairs and Communications"),
        ("TELEWORK_APP_NAME_SHORT", "x" * 31),
        ("TELEWORK_APP_DESCRIPTION_SHORT_JA", "あ" * 81),
        ("TELEWORK_METRICS_PORT", "70000"),
        ("TELEWORK_METRICS_TOKEN", "short"),
        ("TELEWORK_METRICS_TOKEN", "a b" * 20),
        ("TELEWORK_METRICS_HOST", "0.0.0.0"),  # anonymous mode: loopback only
    ],
)
def test_bad_listing_and_metrics_values_name_the_key(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=key):
        load_settings(_env_file=None, **{key: value})


def test_metrics_settings() -> None:
    default = load_settings(_env_file=None, TELEWORK_METRICS_PORT="")
    assert default.metrics_port is None and default.metrics_token == ""
    token = "t" * 40
    settings = load_settings(
        _env_file=None, TELEWORK_METRICS_PORT="9464", TELEWORK_METRICS_TOKEN=token
    )
    assert settings.metrics_port == 9464 and settings.metrics_host == "127.0.0.1"
    assert token not in repr(settings)
    secured = load_settings(
        _env_file=None,
        MICROSOFT_APP_ID="a",
        MICROSOFT_APP_PASSWORD="p",
        MICROSOFT_APP_TENANT_ID="t",
        TELEWORK_METRICS_HOST="0.0.0.0",
    )
    assert secured.metrics_host == "0.0.0.0"


def test_the_listing_alone_needs_no_secret() -> None:
    with pytest.raises(SettingsError, match="MICROSOFT_APP_PASSWORD"):
        load_settings(_env_file=None, MICROSOFT_APP_ID="a")
    listing = load_listing(_env_file=None, MICROSOFT_APP_ID="a", MICROSOFT_APP_PASSWORD="")
    assert listing.app_id == "a"
    with pytest.raises(SettingsError, match="TELEWORK_ACCENT_COLOR"):
        load_listing(_env_file=None, TELEWORK_ACCENT_COLOR="red")


def test_graph_is_off_by_default_and_complete_when_on() -> None:
    assert not load_settings(_env_file=None).graph_enabled
    with pytest.raises(SettingsError, match="TELEWORK_GRAPH_FEATURES"):
        load_settings(_env_file=None, TELEWORK_GRAPH_FEATURES="meetings,calendar")
    with pytest.raises(SettingsError, match="TELEWORK_GRAPH_CLIENT_ID"):
        load_settings(_env_file=None, TELEWORK_GRAPH_FEATURES="meetings")
    base = {
        "TELEWORK_GRAPH_FEATURES": " Meetings, install ",
        "TELEWORK_GRAPH_TENANT_ID": "t",
        "TELEWORK_GRAPH_CLIENT_ID": "c",
        "TELEWORK_GRAPH_CLIENT_SECRET": "s",
    }
    with pytest.raises(SettingsError, match="TELEWORK_GRAPH_TEAMS_APP_ID"):
        load_settings(_env_file=None, **base)
    with pytest.raises(SettingsError, match="exactly one"):
        load_settings(
            _env_file=None,
            **base,
            TELEWORK_GRAPH_CERTIFICATE_FILE="/x.pem",
            TELEWORK_GRAPH_TEAMS_APP_ID="a",
        )
    with pytest.raises(SettingsError, match="TELEWORK_GRAPH_BASE_URL"):
        load_settings(_env_file=None, TELEWORK_GRAPH_BASE_URL="http://graph.example.com/v1.0")
    settings = load_settings(_env_file=None, **base, TELEWORK_GRAPH_TEAMS_APP_ID="a")
    assert {f.value for f in settings.graph_features} == {"meetings", "install"}
    assert settings.graph_token_endpoint == "https://login.microsoftonline.com/t/oauth2/v2.0/token"
    assert "graph_client_secret" not in repr(settings)
