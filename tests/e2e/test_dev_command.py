"""`telework-bot dev` (what `make run` runs): the bot, the demo roster and the Playground in
one command, the URL printed, everything stopped on SIGTERM; without Node.js it says so."""

from __future__ import annotations

import json
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.playground import PlaygroundInstall
from tests.e2e.conftest import START_TIMEOUT, clean_environment, free_port, stop_process

OPEN_URL = re.compile(r"open (http://127\.0\.0\.1:(\d+)) in a browser")


def start_dev(workdir: Path, environ: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "dev",
            "--no-chat",
            "--demo",
            "--playground-port",
            "0",
        ],
        cwd=workdir,
        env=environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def lines_of(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    """The process's output lines, read by a thread (None at end of output)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip())
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def wait_for_line(lines: queue.Queue[str | None], pattern: re.Pattern[str]) -> re.Match[str]:
    seen: list[str] = []
    deadline = time.monotonic() + START_TIMEOUT
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if found := pattern.search(line):
            return found
    raise AssertionError(f"no line matching {pattern.pattern!r}; output:\n" + "\n".join(seen))


def accepts_connections(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def dev_environment(workdir: Path) -> dict[str, str]:
    return clean_environment(
        TELEWORK_DATABASE_URL=f"sqlite+aiosqlite:///{workdir / 'telework.db'}",
        TELEWORK_PORT=str(free_port()),
    )


@pytest.fixture
def dev_process(
    workdir: Path, dev_environment: dict[str, str]
) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    try:
        yield started
    finally:
        for process in started:
            stop_process(process)
            if process.stdout is not None:
                process.stdout.close()


def test_dev_starts_the_playground_prints_its_url_and_stops_it(
    playground_install: PlaygroundInstall,
    workdir: Path,
    dev_environment: dict[str, str],
    dev_process: list[subprocess.Popen[str]],
) -> None:
    process = start_dev(workdir, dev_environment)
    dev_process.append(process)
    lines = lines_of(process)

    found = wait_for_line(lines, OPEN_URL)
    url, port = found.group(1), int(found.group(2))
    with urllib.request.urlopen(f"{url}/_internal/v1/config", timeout=5) as response:
        config = json.load(response)["config"]
    assert config["currentUser"]["name"] == "Alex Wilber"
    # The Playground is bound to loopback only (it would otherwise listen on every interface).
    listening = subprocess.run(
        ["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=False
    ).stdout
    if listening:  # `ss` is there (iproute2)
        assert "127.0.0.1:" in listening and "*:" not in listening, listening

    stop_process(process)

    assert process.returncode == 0
    assert not accepts_connections(port), "the Playground outlived `telework-bot dev`"


def test_dev_without_node_says_so_and_points_to_the_terminal_chat(
    workdir: Path, dev_environment: dict[str, str], dev_process: list[subprocess.Popen[str]]
) -> None:
    empty = workdir / "no-node-here"
    empty.mkdir()
    process = start_dev(workdir, {**dev_environment, "PATH": str(empty)})
    dev_process.append(process)
    lines = lines_of(process)

    wait_for_line(lines, re.compile(r"Playground not started: Node\.js is not installed"))
    wait_for_line(lines, re.compile(r"`telework-bot chat`"))
    assert process.poll() is None, "the bot itself keeps running without Node.js"
