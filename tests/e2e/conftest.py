"""End-to-end fixtures: the bot and Microsoft 365 Agents Playground as real processes.

The bot runs as ``telework-bot dev --no-chat --no-playground --demo`` (a temporary SQLite file,
a free port, the demo roster that matches the Playground's mock users); the Playground runs
from the pinned npm package (``bot.cli.playground``) on a port it chooses, pointed at the bot.
Both are stopped (SIGTERM, then SIGKILL) however the tests end.

Outside CI these tests skip, saying why, when Node.js, the Playground package, Chromium or
Playwright is missing; with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

from bot.cli.playground import (
    PlaygroundInstall,
    PlaygroundProcess,
    PlaygroundUnavailable,
    find_playground,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
E2E_TIMEOUT = 300  # per test (pytest-timeout): real processes start, plus two minutes of waiting
CALL_FAILED = pytest.StashKey[bool]()
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXPECTED_EXTERNAL = ("res-1.cdn.office.net",)  # the Playground page's web fonts
LOOPBACK = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/")
WAIT_MS = 20_000


def unavailable(reason: str) -> NoReturn:
    """Skip with the reason on a developer's machine; fail in CI, where everything must run."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the end-to-end tests must run; see .ci/run)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_environment(**settings: str) -> dict[str, str]:
    """The environment minus the developer's bot settings, plus ``settings``."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEWORK_", "MICROSOFT_APP_"))
    }
    return {**kept, **settings}


def stop_process(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> int:
    """SIGTERM to the child's process group, then SIGKILL; its exit code."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            return process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return process.wait(STOP_TIMEOUT)


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass
class BotServer:
    """A running ``telework-bot dev`` and where to reach it."""

    port: int
    database_url: str
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/messages"

    def log_tail(self) -> str:
        return tail(self.log)


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Poll ``url`` until it answers 200 (bounded), failing early if the process exits."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the bot exited with {process.returncode}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"the bot was not ready within {START_TIMEOUT:.0f} s:\n{tail(log)}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The end-to-end tests get a longer timeout than the suite's default (pyproject.toml)."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.timeout(E2E_TIMEOUT))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


def report_logs_on_failure(
    request: pytest.FixtureRequest, bot: BotServer, playground: PlaygroundProcess | None
) -> None:
    """Print the bot's and the Playground's last lines when the test failed (pytest shows a
    failed test's teardown output)."""
    if request.node.stash.get(CALL_FAILED, False):
        print(f"--- bot log (last lines) ---\n{bot.log_tail()}")
        if playground is not None:
            print(f"--- Playground output (last lines) ---\n{playground.output()}")


@pytest.fixture(scope="module")
def playground_install() -> PlaygroundInstall:
    try:
        return find_playground()
    except PlaygroundUnavailable as exc:
        unavailable(str(exc))


@pytest.fixture(scope="module")
def bot_server(
    playground_install: PlaygroundInstall, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    workdir = tmp_path_factory.mktemp("bot")
    port = free_port()
    database_url = f"sqlite+aiosqlite:///{workdir / 'telework.db'}"
    environ = clean_environment(
        TELEWORK_DATABASE_URL=database_url,
        TELEWORK_HOST="127.0.0.1",
        TELEWORK_PORT=str(port),
        TELEWORK_LOG_FORMAT="json",
        TELEWORK_TURN_RATE_PER_MINUTE="0",  # the scripted user is faster than a person
    )
    log = workdir / "bot.log"
    with log.open("wb") as sink:
        # cwd=workdir: a developer's .env in the repository must not leak into the test.
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "dev", "--no-chat", "--no-playground", "--demo"],
            cwd=workdir,
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = BotServer(port=port, database_url=database_url, log=log, process=process)
    try:
        wait_ready(f"http://127.0.0.1:{port}/readyz", process, log)
        yield server
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def playground(
    playground_install: PlaygroundInstall, bot_server: BotServer
) -> Iterator[PlaygroundProcess]:
    # Port 0: the Playground picks a free port and announces it.
    process = PlaygroundProcess(playground_install, endpoint=bot_server.endpoint, port=0)
    process.start(timeout=START_TIMEOUT)
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (its own browser download is not used)."""
    if importlib.util.find_spec("playwright") is None:
        unavailable("the `playwright` Python package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
