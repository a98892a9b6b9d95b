"""The network guard (tests/network_guard.py): loopback works, everything else fails the test.

The refused destinations are TEST-NET-3 (203.0.113.0/24, reserved for documentation, never
routed) and real Teams/Azure host names; the guard refuses them before any packet or DNS query
leaves. Each test first checks that the guard is installed, so that a missing guard fails the
test instead of sending anything.
"""

from __future__ import annotations

import asyncio
import socket
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from tests.conftest import postgres_url_or_skip
from tests.network_guard import GUARD, NetworkBlocked, NetworkGuard

REPO = Path(__file__).resolve().parents[1]
TEST_NET = "203.0.113.1"
TEAMS_HOST = "smba.trafficmanager.net"  # the Bot Connector service a real reply would go to


@pytest.fixture
def guard(network_guard: NetworkGuard) -> Iterator[NetworkGuard]:
    assert socket.socket.connect.__name__ == "guarded_connect", "the guard is not installed"
    assert socket.getaddrinfo.__name__ == "guarded_getaddrinfo", "the guard is not installed"
    yield network_guard
    # What a test provoked on purpose and checked must not fail it afterwards.
    network_guard.take_refused()


@pytest.fixture
def lookups(guard: NetworkGuard, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name that reached the real resolver during the test."""
    seen: list[str] = []
    real = guard.lookup

    def spy(host: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(guard, "lookup", spy)
    return seen


@pytest.fixture
def listener() -> Iterator[int]:
    """A TCP listener on 127.0.0.1; its port."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield int(server.getsockname()[1])


async def hello(request: web.Request) -> web.Response:
    return web.Response(text="hello")


# --- what stays allowed ---------------------------------------------------------------------


def test_loopback_by_address_and_by_name_connects(guard: NetworkGuard, listener: int) -> None:
    with socket.create_connection(("127.0.0.1", listener), timeout=5):
        pass
    with socket.create_connection(("localhost", listener), timeout=5):
        pass
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", listener)) == 0
    assert guard.take_refused() == []


def test_unix_sockets_connect(guard: NetworkGuard, tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(path)
        server.listen()
        client.connect(path)
    assert guard.take_refused() == []


async def test_aiohttp_reaches_a_server_on_loopback(guard: NetworkGuard) -> None:
    app = web.Application()
    app.router.add_get("/", hello)
    async with TestServer(app, host="127.0.0.1") as server, aiohttp.ClientSession() as http:
        for host in ("127.0.0.1", "localhost"):
            async with http.get(f"http://{host}:{server.port}/") as response:
                assert await response.text() == "hello"
    assert guard.take_refused() == []


def test_ipv6_loopback_connects(guard: NetworkGuard) -> None:
    with socket.socket(socket.AF_INET6) as server:
        try:
            server.bind(("::1", 0))
        except OSError as exc:  # pragma: no cover - a machine without IPv6
            pytest.skip(f"no IPv6 loopback here: {exc}")
        server.listen()
        port = server.getsockname()[1]
        with socket.create_connection(("::1", port), timeout=5):
            pass
    assert guard.take_refused() == []


async def test_aiohttp_over_a_unix_socket(guard: NetworkGuard, tmp_path: Path) -> None:
    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    path = str(tmp_path / "bot.sock")
    await web.UnixSite(runner, path).start()
    try:
        connector = aiohttp.UnixConnector(path)
        async with aiohttp.ClientSession(connector=connector) as http, http.get("http://bot/") as r:
            assert await r.text() == "hello"
    finally:
        await runner.cleanup()
    assert guard.take_refused() == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_postgres_by_address_and_by_name(guard: NetworkGuard, host: str) -> None:
    """asyncpg under SQLAlchemy, as the storage tests use it (skipped without PostgreSQL)."""
    url = make_url(postgres_url_or_skip()).set(host=host, database="postgres")
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
    finally:
        await engine.dispose()
    assert guard.take_refused() == []


# --- what is refused ------------------------------------------------------------------------


def test_a_blocking_connection_to_test_net_is_refused(guard: NetworkGuard) -> None:
    with pytest.raises(NetworkBlocked, match=f"a connection to {TEST_NET}:443 .not a loopback"):
        socket.create_connection((TEST_NET, 443), timeout=1)
    with socket.socket() as sock, pytest.raises(NetworkBlocked):
        sock.connect_ex((TEST_NET, 443))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(NetworkBlocked):
        sock.connect((TEST_NET, 53))
    assert len(guard.take_refused()) == 3


def test_the_refusal_is_not_an_ordinary_exception(guard: NetworkGuard) -> None:
    """``except Exception`` / ``except OSError`` around a network call cannot swallow it."""
    assert not issubclass(NetworkBlocked, Exception)
    assert issubclass(NetworkBlocked, pytest.fail.Exception)


async def test_asyncio_and_aiohttp_connections_to_test_net_are_refused(
    guard: NetworkGuard,
) -> None:
    with pytest.raises(NetworkBlocked, match=TEST_NET):
        await asyncio.wait_for(asyncio.open_connection(TEST_NET, 443), 1)
    timeout = aiohttp.ClientTimeout(total=1)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        with pytest.raises(NetworkBlocked, match=TEST_NET):
            await http.get(f"https://{TEST_NET}/v3/conversations")
    assert len(guard.take_refused()) == 2


async def test_a_public_host_name_is_refused_before_it_is_looked_up(
    guard: NetworkGuard, lookups: list[str]
) -> None:
    with pytest.raises(NetworkBlocked, match=f"a lookup of '{TEAMS_HOST}'"):
        socket.create_connection((TEAMS_HOST, 443), timeout=1)
    with socket.socket() as sock, pytest.raises(NetworkBlocked, match=TEAMS_HOST):
        sock.connect((TEAMS_HOST, 443))
    with pytest.raises(NetworkBlocked, match=TEAMS_HOST):
        await asyncio.wait_for(asyncio.open_connection(TEAMS_HOST, 443), 1)
    timeout = aiohttp.ClientTimeout(total=1)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        with pytest.raises(NetworkBlocked, match=TEAMS_HOST):
            await http.post(f"https://{TEAMS_HOST}/amer/v3/conversations", json={})
    assert len(guard.take_refused()) == 4
    assert lookups == []  # no DNS query was made


def fake_lookup(address: str) -> Callable[..., Any]:
    def lookup(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]

    return lookup


async def test_a_local_name_that_resolves_elsewhere_is_refused(
    guard: NetworkGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A hosts file that maps localhost away from loopback (the resolver is faked: no lookup).
    monkeypatch.setattr(guard, "lookup", fake_lookup(TEST_NET))
    expected = f"localhost.*, which resolves to {TEST_NET}"
    with pytest.raises(NetworkBlocked, match=expected):
        socket.create_connection(("localhost", 443), timeout=1)
    with socket.socket() as sock, pytest.raises(NetworkBlocked, match=expected):
        sock.connect(("localhost", 443))
    with pytest.raises(NetworkBlocked, match=expected):
        await asyncio.wait_for(asyncio.open_connection("localhost", 443), 1)
    assert len(guard.take_refused()) == 3


def test_the_address_rule() -> None:
    from tests.network_guard import is_local_name, is_loopback_address

    assert is_loopback_address("127.0.0.1") and is_loopback_address("127.8.9.10")
    assert is_loopback_address("::1") and is_loopback_address("::ffff:127.0.0.1")
    for elsewhere in (TEST_NET, "10.0.0.1", "192.168.1.1", "0.0.0.0", "::", "::ffff:8.8.8.8"):
        assert is_loopback_address(elsewhere) is False, elsewhere
    assert is_loopback_address("localhost") is None
    assert is_local_name("localhost") and is_local_name("bot.localhost")
    assert not is_local_name("localhost.example.com") and not is_local_name(TEAMS_HOST)


def test_a_swallowed_refusal_still_fails_the_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code under test that catches everything cannot hide a connection attempt."""
    assert GUARD is not None
    pytester.makepyfile(
        test_inner=textwrap.dedent(
            f"""
            import socket

            def test_swallows_it():
                try:
                    socket.create_connection(("{TEST_NET}", 443), timeout=1)
                except BaseException:
                    pass

            def test_loopback_is_fine():
                with socket.socket() as server:
                    server.bind(("127.0.0.1", 0))
                    server.listen()
                    socket.create_connection(server.getsockname(), timeout=5).close()
            """
        )
    )
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    result = pytester.runpytest_subprocess("-p", "tests.network_guard", "-p", "no:asyncio")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*network guard: during the test the test attempted",
            f"*a connection to {TEST_NET}:443 (not a loopback address)",
        ]
    )
