"""serviceUrl rules: the host checked is the host every HTTP client would connect to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from urllib3.util import parse_url
from yarl import URL

from bot.core.service_url import ServiceUrlRule, check_host_pattern, is_loopback_host

TEAMS = ServiceUrlRule()
LOOPBACK = ServiceUrlRule.loopback()


@pytest.mark.parametrize(
    "url",
    [
        "https://smba.trafficmanager.net/amer/",
        "https://smba.trafficmanager.net/jp/",
        "HTTPS://SMBA.TRAFFICMANAGER.NET/emea",
        "https://smba.trafficmanager.net:443/teams/",
        "https://smba.infra.gcc.teams.microsoft.com/gcc/",
        "https://smba.infra.gov.teams.microsoft.us/gcch/",
        "https://smba.infra.dod.teams.microsoft.us/dod/",
        "https://webchat.botframework.com/",
        "https://europe.directline.botframework.com/",
    ],
)
def test_teams_service_urls_are_allowed_by_default(url: str) -> None:
    assert TEAMS.refusal(url) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (None, "no serviceUrl"),
        ("", "no serviceUrl"),
        ("http://smba.trafficmanager.net/amer/", "not https"),
        ("https://botframework.com/", "TELEWORK_SERVICE_URL_HOSTS"),
        ("https://evil.trafficmanager.net/", "TELEWORK_SERVICE_URL_HOSTS"),
        ("https://smba.trafficmanager.net.evil.example/", "TELEWORK_SERVICE_URL_HOSTS"),
        ("https://evil.example/smba.trafficmanager.net/", "TELEWORK_SERVICE_URL_HOSTS"),
        ("https://smba.trafficmanager.net./amer/", "TELEWORK_SERVICE_URL_HOSTS"),
        ("https://user@smba.trafficmanager.net/amer/", "userinfo"),
        ("https://evil.example\\@smba.trafficmanager.net/", "backslash"),
        ("https://smba.trafficmanager.net\\@evil.example/", "backslash"),
        ("https://smba.trafficmanager.net /amer/", "spaces"),
        ("https://smba.trafficmanager.net\t/amer/", "spaces"),
        ("https://smbа.trafficmanager.net/", "non-ASCII"),  # Cyrillic а
        ("https://smba%2etrafficmanager.net/", "disagree"),
        ("https://smba.trafficmanager.net:99999/", "cannot be parsed"),
        ("ftp://smba.trafficmanager.net/", "not http(s)"),
        ("//smba.trafficmanager.net/amer/", "not http(s)"),
        ("https:///amer/", "no host"),
    ],
)
def test_other_service_urls_are_refused_with_a_reason(url: str | None, reason: str) -> None:
    refusal = TEAMS.refusal(url)
    assert refusal is not None and reason in refusal


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:3978/", "https://127.0.0.5/", "http://localhost:1/", "http://[::1]/"]
)
def test_loopback_rule_accepts_loopback_hosts(url: str) -> None:
    assert LOOPBACK.refusal(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://evil\\@127.0.0.1/",
        "http://evil@127.0.0.1/",
        "http://127.0.0.1:80@evil/",
        "http://127.0.0.1%2f@evil/",
        "http://127.0.0.1.evil.example/",
        "http://127.1/",
        "https://smba.trafficmanager.net/amer/",
    ],
)
def test_loopback_rule_refuses_everything_else(url: str) -> None:
    assert LOOPBACK.refusal(url) is not None


def test_a_wildcard_matches_sub_domains_only() -> None:
    rule = ServiceUrlRule.allow_list(["*.bots.example.org"])
    assert rule.allows_host("a.bots.example.org") and rule.allows_host("a.b.bots.example.org")
    assert not rule.allows_host("bots.example.org")
    assert not rule.allows_host("evilbots.example.org")


@pytest.mark.parametrize("entry", ["*.com", "*", "*.", "a..b", "https://x.org", "x.org:443", ""])
def test_bad_allow_list_entries_are_refused(entry: str) -> None:
    with pytest.raises(ValueError, match=r"host name|two labels"):
        check_host_pattern(entry)


_URL_PIECES = st.sampled_from(
    [
        *("http://", "https://", "127.0.0.1", "evil", "localhost", "[::1]", "a", "80"),
        *("@", "\\", ":", "/", "?", "#", "%2f", "%40", ".", " ", "[", "]"),
    ]
)


@given(st.lists(_URL_PIECES, min_size=1, max_size=8).map("".join))
def test_an_accepted_url_is_loopback_for_every_http_client(url: str) -> None:
    # Whatever the shape, a URL the anonymous rule accepts leads yarl (aiohttp) and urllib3
    # (requests, botbuilder's replies) to a loopback host.
    if LOOPBACK.refusal(url) is None:
        assert is_loopback_host(URL(url).host or "")
        assert is_loopback_host(parse_url(url).host or "")
