"""No network in tests: a connection to anything but loopback fails the test that made it.

A pytest plugin (registered by ``tests/conftest.py``) that, for the whole session, wraps

* ``socket.socket.connect`` and ``connect_ex`` — every TCP/UDP connection Python makes goes
  through them: blocking sockets, ``ssl``, ``requests``/``urllib3`` (botbuilder's connector
  client), and asyncio's ``sock_connect`` behind ``loop.create_connection`` (aiohttp, asyncpg);
* ``socket.getaddrinfo`` — the name lookup behind asyncio's ``loop.getaddrinfo`` and so behind
  every connection by host name.

Allowed: IPv4 127.0.0.0/8, IPv6 ::1 (also as ::ffff:127.x), Unix sockets and other non-IP
families, and the names ``localhost``, ``*.localhost``, ``ip6-localhost``, ``ip6-loopback`` when
every address they resolve to is loopback. Any other name is refused *before* it is looked up: a
DNS query is network traffic too, and a test must not pass or fail with the machine's resolver.
Binding and listening are not touched (servers in tests bind to 127.0.0.1 themselves).

A refused call raises :class:`NetworkBlocked`. It derives from pytest's ``Failed`` (a
``BaseException``), so the usual ``except Exception`` / ``except OSError`` around a network call
does not swallow it; and in case something does (a bare ``except``, a worker thread that logs
and carries on), each refusal is also recorded and the test phase during which it happened fails
afterwards with the list of refused destinations.

Only this process is guarded: child processes (the e2e tests' bot, the Playground, Chromium) run
unchanged.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Generator, Iterator
from typing import Any

import pytest

LOCAL_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost", "ip6-loopback"})
IP_FAMILIES = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(pytest.fail.Exception):  # type: ignore[name-defined,misc]
    """A test tried to reach a non-loopback address (or to look up a non-local name)."""


def is_loopback_address(host: str) -> bool | None:
    """True/False for an IP literal (loopback or not), None when ``host`` is not one."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 scope id
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def is_local_name(host: str) -> bool:
    name = host.lower()
    return name in LOCAL_NAMES or name.rstrip(".").endswith(".localhost")


class NetworkGuard:
    """Patches the socket module while installed; records what it refused."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._refused: list[str] = []
        self._originals: dict[str, Any] = {}
        self.lookup: Callable[..., Any] = socket.getaddrinfo
        """The real resolver, consulted for local names only (tests may swap it)."""

    # --- the rule ---------------------------------------------------------------------------

    def check_name(self, host: str) -> None:
        """Refuse a name that is neither an IP literal nor one of the local names."""
        if is_loopback_address(host) is None and not is_local_name(host):
            self._refuse(
                f"a lookup of {host!r} (tests may not use DNS; connect to 127.0.0.1 or a fake)"
            )

    def check_destination(self, host: str, port: object) -> None:
        """Refuse a connection unless every address ``host`` stands for is loopback."""
        loopback = is_loopback_address(host)
        if loopback is True:
            return
        if loopback is False:
            self._refuse(f"a connection to {host}:{port} (not a loopback address)")
        self.check_name(host)
        resolved = self._resolve(host, port)
        elsewhere = sorted({a for a in resolved if not is_loopback_address(a)})
        if elsewhere:
            self._refuse(f"a connection to {host}:{port}, which resolves to {', '.join(elsewhere)}")

    def _resolve(self, host: str, port: object) -> list[str]:
        infos = self.lookup(host, port if isinstance(port, int) else None)
        return [str(info[4][0]) for info in infos]

    def _refuse(self, what: str) -> None:
        with self._lock:
            self._refused.append(what)
        raise NetworkBlocked(f"network guard: the test attempted {what}", pytrace=True)

    # --- bookkeeping ------------------------------------------------------------------------

    def take_refused(self) -> list[str]:
        """What was refused since the last call (and forget it)."""
        with self._lock:
            refused, self._refused = self._refused, []
        return refused

    # --- patching ---------------------------------------------------------------------------

    def install(self) -> None:
        if self._originals:
            raise RuntimeError("the network guard is already installed")
        connect = socket.socket.connect
        connect_ex = socket.socket.connect_ex
        getaddrinfo = socket.getaddrinfo
        self._originals = {
            "connect": connect,
            "connect_ex": connect_ex,
            "getaddrinfo": getaddrinfo,
        }
        self.lookup = getaddrinfo
        guard = self

        def guarded_connect(sock: socket.socket, address: Any) -> None:
            guard._check_socket(sock, address)
            connect(sock, address)

        def guarded_connect_ex(sock: socket.socket, address: Any) -> int:
            guard._check_socket(sock, address)
            return connect_ex(sock, address)

        def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            name = None if host is None else _text(host)
            if name is not None:
                guard.check_name(name)  # before the lookup: no query leaves the machine
            results = guard.lookup(host, *args, **kwargs)
            if name is not None and is_local_name(name):
                addresses = {str(info[4][0]) for info in results}
                elsewhere = sorted(a for a in addresses if not is_loopback_address(a))
                if elsewhere:
                    guard._refuse(f"a lookup of {name!r}, which resolves to {', '.join(elsewhere)}")
            return results

        socket.socket.connect = guarded_connect  # type: ignore[method-assign,assignment]
        socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign,assignment]
        socket.getaddrinfo = guarded_getaddrinfo

    def uninstall(self) -> None:
        if not self._originals:
            return
        socket.socket.connect = self._originals["connect"]  # type: ignore[method-assign]
        socket.socket.connect_ex = self._originals["connect_ex"]  # type: ignore[method-assign]
        socket.getaddrinfo = self._originals["getaddrinfo"]
        self._originals = {}

    def _check_socket(self, sock: socket.socket, address: Any) -> None:
        if sock.family in IP_FAMILIES and isinstance(address, tuple) and address:
            port = address[1] if len(address) > 1 else None
            try:
                self.check_destination(_text(address[0]), port)
            except NetworkBlocked:
                # Callers clean up after OSError only (socket.create_connection among them):
                # close the refused socket here, or it leaks and warns at garbage collection.
                sock.close()
                raise


def _text(host: object) -> str:
    return host.decode("idna") if isinstance(host, bytes) else str(host)


GUARD = NetworkGuard()


def pytest_configure(config: pytest.Config) -> None:
    GUARD.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    GUARD.uninstall()


def _fail_if_refused(when: str) -> None:
    refused = GUARD.take_refused()
    if refused:
        listed = "\n  ".join(refused)
        pytest.fail(f"network guard: during {when} the test attempted\n  {listed}", pytrace=False)


def _guarded_phase(when: str) -> Callable[..., Generator[None, object, object]]:
    @pytest.hookimpl(wrapper=True)
    def phase(item: pytest.Item) -> Generator[None, object, object]:
        try:
            return (yield)
        finally:
            _fail_if_refused(when)

    return phase


pytest_runtest_setup = _guarded_phase("setup")
pytest_runtest_call = _guarded_phase("the test")
pytest_runtest_teardown = _guarded_phase("teardown")


@pytest.fixture
def network_guard() -> Iterator[NetworkGuard]:
    """The session's guard, for tests of the guard itself (they take what it refused, so the
    refusal they provoked on purpose does not fail them)."""
    yield GUARD
