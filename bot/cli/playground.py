"""Microsoft 365 Agents Playground, Microsoft's local Teams emulator, for ``telework-bot dev``.

The Playground is an npm package pinned in ``tools/playground`` (``npm ci --prefix
tools/playground`` installs it). It posts Teams-shaped activities to the bot, mocks the
connector the bot replies to, and serves a Teams-like web UI. This module finds the pinned
copy, runs it as a child process and stops it again; it also holds the demo roster that
matches the Playground's mock users (``--demo``).

Two things the Playground does on its own that we correct:

* it listens on every interface, and its HTTP API lets anyone who can reach it talk to the
  bot as the mock user: a small ``--require`` preload binds it to 127.0.0.1;
* when the requested port is taken it silently picks another one: we read the port it
  announces ("Listening on N") instead of assuming.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

REPO_ROOT = Path(__file__).resolve().parents[2]
PLAYGROUND_DIR = REPO_ROOT / "tools" / "playground"
PACKAGE = "@microsoft/m365agentsplayground"
DEFAULT_PORT = 56150
MIN_NODE_MAJOR = 18
NPM_INSTALL_HINT = "npm ci --prefix tools/playground"

# The demo roster (examples/playground-roster.csv) matches these mock users by Entra object id
# and UPN. In the Playground you are Alex Wilber (the demo's admin); `dev --demo` chats in the
# terminal as Megan Bowen, the section chief who approves Alex's requests.
DEMO_ROSTER = REPO_ROOT / "examples" / "playground-roster.csv"
DEMO_ADMIN = "alexw@example.com"
DEMO_CHIEF_NAME = "Megan Bowen"
DEMO_CHIEF_UPN = "meganb@example.com"
DEMO_CHIEF_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000000021"

_LISTENING = re.compile(r"Listening on (\d+)")

# Node preload: bind servers that were given only a port to the loopback interface.
_LOOPBACK_PRELOAD = """\
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
"""


class PlaygroundUnavailable(Exception):
    """Node.js or the pinned Playground package is missing; the message says what to do."""


class PlaygroundFailed(Exception):
    """The Playground process exited or did not start listening in time."""


@dataclass(frozen=True)
class PlaygroundInstall:
    """A usable Node.js and the pinned Playground's entry point."""

    node: str
    cli: Path
    version: str


def pinned_version(root: Path = PLAYGROUND_DIR) -> str:
    """The version ``tools/playground/package.json`` pins."""
    manifest = json.loads((root / "package.json").read_text(encoding="utf-8"))
    return str(manifest["dependencies"][PACKAGE])


def find_playground(
    root: Path = PLAYGROUND_DIR,
    *,
    which: Callable[[str], str | None] = shutil.which,
    node_version: Callable[[str], str] | None = None,
) -> PlaygroundInstall:
    """The pinned Playground and a Node.js to run it, or :class:`PlaygroundUnavailable`."""
    node = which("node")
    if node is None:
        raise PlaygroundUnavailable(
            "Node.js is not installed (no `node` on PATH), so Microsoft 365 Agents Playground "
            f"cannot start. Install Node.js {MIN_NODE_MAJOR}+ and run `{NPM_INSTALL_HINT}`."
        )
    version_text = (node_version or _node_version)(node)
    major = re.match(r"v?(\d+)", version_text)
    if major is None or int(major.group(1)) < MIN_NODE_MAJOR:
        raise PlaygroundUnavailable(
            f"Node.js {version_text.strip() or '(unknown version)'} is too old for "
            f"Microsoft 365 Agents Playground; it needs {MIN_NODE_MAJOR} or later."
        )
    if not (root / "package.json").is_file():
        raise PlaygroundUnavailable(f"{root / 'package.json'} is missing (not a source checkout?)")
    wanted = pinned_version(root)
    package_dir = root / "node_modules" / PACKAGE
    installed = package_dir / "package.json"
    if not installed.is_file():
        raise PlaygroundUnavailable(
            f"Microsoft 365 Agents Playground {wanted} is not installed; run `{NPM_INSTALL_HINT}`."
        )
    version = str(json.loads(installed.read_text(encoding="utf-8")).get("version", "?"))
    if version != wanted:
        raise PlaygroundUnavailable(
            f"Microsoft 365 Agents Playground {version} is installed but {wanted} is pinned; "
            f"run `{NPM_INSTALL_HINT}`."
        )
    return PlaygroundInstall(node=node, cli=package_dir / "cli.js", version=version)


def _node_version(node: str) -> str:
    try:
        done = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            [node, "--version"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


def playground_url(port: int) -> str:
    """Where a person opens the Playground's web UI."""
    return f"http://127.0.0.1:{port}"


class PlaygroundProcess:
    """The Playground as a child process, pointed at the bot's ``/api/messages``.

    ``start`` waits (bounded) until it listens and returns the port; ``stop`` ends it with
    SIGTERM, then SIGKILL. The child runs in its own session so a Ctrl-C in the terminal
    reaches only us, and we stop it in order.
    """

    def __init__(
        self,
        install: PlaygroundInstall,
        *,
        endpoint: str,
        port: int = DEFAULT_PORT,
        environ: Mapping[str, str] | None = None,
        keep_lines: int = 200,
    ) -> None:
        self.install = install
        self.endpoint = endpoint
        self.requested_port = port
        self.port: int | None = None
        self._environ = dict(os.environ if environ is None else environ)
        self._lines: deque[str] = deque(maxlen=keep_lines)
        self._listening = threading.Event()
        self._process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self._preload_dir: str | None = None

    @property
    def url(self) -> str:
        if self.port is None:
            raise PlaygroundFailed("the Playground has not started")
        return playground_url(self.port)

    def output(self) -> str:
        """The last lines the Playground printed (for error messages)."""
        return "\n".join(self._lines)

    def command(self, preload: Path) -> list[str]:
        return [
            self.install.node,
            "--require",
            str(preload),
            str(self.install.cli),
            "--app-endpoint",
            self.endpoint,
            "--channel-id",
            "msteams",
            "--disable-telemetry",
            "--port",
            str(self.requested_port),
        ]

    def start(self, timeout: float = 30.0) -> int:
        """Start and wait until it listens; the port it listens on."""
        if self._process is not None:
            raise PlaygroundFailed("the Playground is already running")
        self._preload_dir = tempfile.mkdtemp(prefix="telework-playground-")
        preload = Path(self._preload_dir) / "loopback.js"
        preload.write_text(_LOOPBACK_PRELOAD, encoding="utf-8")
        # It otherwise tries to open a browser and crashes where there is none.
        environ = {**self._environ, "TEAMSAPPTESTER_BROWSER": "none"}
        self._process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
            self.command(preload),
            cwd=self._preload_dir,
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        self._reader = threading.Thread(
            target=self._read, args=(self._process,), name="playground-output", daemon=True
        )
        self._reader.start()
        try:
            self._wait_listening(timeout)
        except BaseException:
            self.stop()
            raise
        assert self.port is not None
        return self.port

    def _wait_listening(self, timeout: float) -> None:
        process = self._process
        assert process is not None
        waited = 0.0
        step = 0.1
        while not self._listening.wait(step):
            waited += step
            if process.poll() is not None:
                self._reader_done()
                raise PlaygroundFailed(
                    f"the Playground exited with code {process.returncode}:\n{self.output()}"
                )
            if waited >= timeout:
                raise PlaygroundFailed(
                    f"the Playground did not listen within {timeout:.0f} s:\n{self.output()}"
                )

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.rstrip()
            self._lines.append(line)
            found = _LISTENING.search(line)
            if found and self.port is None:
                self.port = int(found.group(1))
                self._listening.set()

    def _reader_done(self) -> None:
        if self._reader is not None:
            self._reader.join(timeout=2)

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM, wait, then SIGKILL; safe to call twice."""
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                self._signal(process, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    self._signal(process, signal.SIGKILL)
                    process.wait(timeout)
            if process.stdout is not None:
                process.stdout.close()
            self._reader_done()
        if self._preload_dir is not None:
            shutil.rmtree(self._preload_dir, ignore_errors=True)
            self._preload_dir = None

    @staticmethod
    def _signal(process: subprocess.Popen[str], signum: signal.Signals) -> None:
        # The child leads its own process group (start_new_session): signal that group only.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)

    def __enter__(self) -> PlaygroundProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


async def start_for_dev(
    endpoint: str, port: int, echo: Callable[[str], None]
) -> PlaygroundProcess | None:
    """Start the Playground for ``telework-bot dev`` and say where to open it; when Node.js
    or the package is missing, say so and point to the terminal chat instead."""
    import asyncio

    try:
        install = find_playground()
    except PlaygroundUnavailable as exc:
        echo(f"Playground not started: {exc}")
        echo("Meanwhile `telework-bot chat` talks to the same bot in a terminal.")
        return None
    playground = PlaygroundProcess(install, endpoint=endpoint, port=port)
    try:
        await asyncio.to_thread(playground.start)
    except PlaygroundFailed as exc:
        echo(f"Playground not started: {exc}")
        echo("`telework-bot chat` talks to the same bot in a terminal.")
        return None
    echo(
        f"Microsoft 365 Agents Playground {install.version} (a local Teams): open "
        f"{playground.url} in a browser. You are Alex Wilber there; try 「明日テレワーク」."
    )
    return playground
