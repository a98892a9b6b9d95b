"""Which ``serviceUrl``s the bot talks to, and so which hosts ever see its Bot Connector token.

An activity's ``serviceUrl`` is where botbuilder posts the reply (with the bot's access token
in authenticated mode) and what is saved as the conversation's address for later proactive
messages. So a serviceUrl is only accepted when the host that an HTTP client would actually
connect to is unambiguous and allowed:

- authenticated mode: ``https`` and a host on ``TELEWORK_SERVICE_URL_HOSTS`` (exact hosts or
  ``*.suffix``), by default the Teams and Bot Framework hosts below;
- anonymous local development: a loopback host (``http`` or ``https``).

"Unambiguous" matters because the clients disagree on odd URLs: for ``http://evil\\@127.0.0.1/``
``urllib.parse`` says the host is 127.0.0.1 while urllib3 (requests, which botbuilder's
connector client uses for replies) connects to ``evil``; yarl (aiohttp, our proactive sender)
refuses it. We refuse backslashes, userinfo, whitespace, control and non-ASCII characters, and
require urllib.parse, yarl and urllib3 to name the same host.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

# Where Teams and the Bot Framework send activities from. Microsoft's SDKs name these as the
# Teams service endpoints: public cloud https://smba.trafficmanager.net/{region}/ (amer, emea,
# apac, in, jp, teams …), GCC https://smba.infra.gcc.teams.microsoft.com/…, GCC High
# https://smba.infra.gov.teams.microsoft.us/…, DoD https://smba.infra.dod.teams.microsoft.us/…
# (Microsoft 365 Agents SDK, TeamsServiceEndpoints). Other Bot Framework channels (Web Chat,
# Direct Line) live under botframework.com. Never widen this to *.trafficmanager.net: anyone
# can create a Traffic Manager profile there.
DEFAULT_SERVICE_URL_HOSTS: Final = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
    "*.botframework.com",
)

_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_HOST_PATTERN = re.compile(rf"(?:\*\.)?{_LABEL}(?:\.{_LABEL})+|{_LABEL}")
_SAFE_CHARACTERS = re.compile(r"[\x21-\x5b\x5d-\x7e]+")  # printable ASCII, no space, no "\"


class UnsafeServiceUrl(ValueError):
    """The URL is malformed or ambiguous; the message says why (never shown to users)."""


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP literals (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host_pattern(entry: str) -> str:
    """A lower-cased allow-list entry (``host.name`` or ``*.suffix.name``), or ValueError.

    A wildcard needs at least two labels after it (``*.com`` is refused)."""
    value = entry.strip().lower()
    if not _HOST_PATTERN.fullmatch(value):
        raise ValueError(f"{entry!r} is not a host name or *.suffix")
    if value.startswith("*.") and "." not in value[2:]:
        raise ValueError(f"{entry!r}: a wildcard needs a suffix of at least two labels")
    return value


def connected_host(url: str) -> tuple[str, str]:
    """The lower-cased scheme and host an HTTP client connects to for ``url``.

    Raises :class:`UnsafeServiceUrl` when the URL is not plain ``http(s)://host[:port]/…``
    or when the parsers of urllib, yarl (aiohttp) and urllib3 (requests) disagree on the host.
    """
    # The HTTP clients' own parsers, imported here: the settings import this module, and a
    # command line that never sends anything need not load them.
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url
    from yarl import URL

    if not _SAFE_CHARACTERS.fullmatch(url):
        raise UnsafeServiceUrl("serviceUrl has spaces, backslashes or non-ASCII characters")
    try:
        split = urlsplit(url)
        split.port  # noqa: B018 - raises ValueError for a port that is not a number
        hosts = {
            (split.hostname or "").lower(),
            (URL(url).host or "").lower(),
            (parse_url(url).host or "").lower().strip("[]"),
        }
    except (ValueError, LocationParseError) as exc:
        raise UnsafeServiceUrl(f"serviceUrl cannot be parsed: {type(exc).__name__}") from None
    scheme = split.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeServiceUrl("serviceUrl is not http(s)")
    if "@" in split.netloc:
        raise UnsafeServiceUrl("serviceUrl carries userinfo")
    if len(hosts) != 1:
        raise UnsafeServiceUrl("HTTP clients disagree on the serviceUrl's host")
    (host,) = hosts
    if not host:
        raise UnsafeServiceUrl("serviceUrl has no host")
    return scheme, host


@dataclass(frozen=True, slots=True)
class ServiceUrlRule:
    """Which serviceUrls are acceptable.

    ``loopback_only``: any loopback host, http or https (anonymous local development).
    Otherwise the host must match ``hosts`` (exact, or ``*.suffix`` for any sub-domain of the
    suffix) and, with ``https_only``, the scheme must be https.
    """

    hosts: frozenset[str] = field(default=frozenset(DEFAULT_SERVICE_URL_HOSTS))
    https_only: bool = True
    loopback_only: bool = False

    @classmethod
    def loopback(cls) -> ServiceUrlRule:
        return cls(hosts=frozenset(), https_only=False, loopback_only=True)

    @classmethod
    def allow_list(cls, hosts: Iterable[str]) -> ServiceUrlRule:
        return cls(hosts=frozenset(check_host_pattern(host) for host in hosts))

    def refusal(self, url: str | None) -> str | None:
        """Why ``url`` is refused (safe to log, never shown to users), or None if allowed."""
        if not url:
            return "no serviceUrl"
        try:
            scheme, host = connected_host(url)
        except UnsafeServiceUrl as exc:
            return str(exc)
        if self.loopback_only:
            return None if is_loopback_host(host) else "serviceUrl is not on loopback"
        if self.https_only and scheme != "https":
            return "serviceUrl is not https"
        if not self.allows_host(host):
            return "serviceUrl host is not on TELEWORK_SERVICE_URL_HOSTS"
        return None

    def allows_host(self, host: str) -> bool:
        host = host.lower()
        for pattern in self.hosts:
            if pattern.startswith("*."):
                if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                    return True
            elif host == pattern:
                return True
        return False
