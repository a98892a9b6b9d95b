"""Command line start (issue 16, goal 4): whole-process time of ``telework-bot`` commands
against a bare ``python -c pass`` in the same run.

    .venv/bin/python -m bench.cli_start                 # --repeat 15 by default

The commands: ``--help``, ``parse 明日テレワーク`` ("parse TEXT"), ``policy check`` of the
default policy file and ``deliveries status``.

Each command is a new process, started as an operator would (the ``telework-bot`` script
next to this interpreter, else ``python -m bot.cli``), in a temporary directory (no ``.env``)
with ``TELEWORK_*`` / ``MICROSOFT_*`` and ``PYTHONDONTWRITEBYTECODE`` cleared (an
installation caches byte code; without it every start compiles the project anew) and a
migrated, empty SQLite database there (``db upgrade`` is run first, not timed). After one
warm-up round (byte-code caches), every round runs each command once, in a rotating order
so that noise from other work on the machine spreads over all of them; the figures are
medians over rounds. Time is wall time from spawn to exit; CPU is the child's user + system
time, which other work on a busy machine inflates much less than wall time; peak RSS is the
child's ``ru_maxrss``. One more run of each command with ``PYTHONPROFILEIMPORTTIME`` lists
which heavy libraries it imported. The target is 0.3 s of wall time.

Two "floor" rows import, and do nothing else with, the libraries that ``parse`` and
``deliveries status`` cannot do without (typer with pydantic, which checks its parameters;
for ``deliveries status`` also the settings and the SQLite driver): a command's time minus
its floor is ours.

``--compare CHECKOUT`` measures another checkout's commands in the same rounds (both then
run as ``python -m bot.cli`` with PYTHONPATH set), for a before/after under the same load:

    git worktree add --detach /tmp/before main
    .venv/bin/python -m bench.cli_start --compare /tmp/before
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.3
# Top-level packages that make a command slow to start when it imports them.
HEAVY = (
    "botbuilder",
    "aiohttp",
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "matplotlib",
    "openpyxl",
    "holidays",
    "pydantic_settings",
    "rich",
    "bot.app",
    "bot.teams",
    "bot.features",
)


# The libraries a command cannot start without (it uses them), imported and nothing else:
# typer (whose parameters pydantic checks: typer._adapters), the settings (pydantic-settings),
# and the database's driver for ``deliveries status`` (sqlite3, read through asyncio).
FLOORS = {
    "parse": "typer, typer._adapters",  # parse reads its one setting without pydantic-settings
    "deliveries": "typer, typer._adapters, pydantic_settings, asyncio, sqlite3",
}


@dataclass
class Measured:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)  # on top of the common environment
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    heavy: list[str] = field(default_factory=list)


def entry_point(compare: bool) -> list[str]:
    """The ``telework-bot`` script; ``python -m bot.cli`` when there is none or when two
    checkouts are compared (each then found through PYTHONPATH)."""
    script = Path(sys.executable).with_name("telework-bot")
    if script.exists() and not compare:
        return [str(script)]
    return [sys.executable, "-m", "bot.cli"]


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS (KiB) and stderr of one process; exits on
    failure."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited with {process.returncode}:\n{stderr[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stderr


def heavy_imports(importtime: str) -> list[str]:
    """The HEAVY packages named in ``-X importtime`` output."""
    names = set()
    for line in importtime.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip())
    return [h for h in HEAVY if any(n == h or n.startswith(h + ".") for n in names)]


def commands_of(cli: list[str], label: str, env: dict[str, str]) -> list[Measured]:
    policy = str(ROOT / "domain" / "default_policy.toml")
    return [
        Measured(f"{label}--help", [*cli, "--help"], env),
        Measured(f"{label}parse TEXT", [*cli, "parse", "明日テレワーク"], env),
        Measured(f"{label}policy check FILE", [*cli, "policy", "check", policy], env),
        Measured(f"{label}deliveries status", [*cli, "deliveries", "status"], env),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="Timed rounds (default 15).")
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="CHECKOUT",
        help="Also measure the same commands of another checkout (e.g. a `git worktree` of "
        "main) in the same rounds; its database is migrated with its own code.",
    )
    args = parser.parse_args()
    cli = entry_point(args.compare is not None)
    with tempfile.TemporaryDirectory(prefix="telework-cli-start-") as tmp:
        cwd = Path(tmp)
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TELEWORK_", "MICROSOFT_")) and k != "PYTHONDONTWRITEBYTECODE"
        }
        ours = {"TELEWORK_DATABASE_URL": f"sqlite+aiosqlite:///{cwd / 'telework.db'}"}
        if args.compare is not None:
            ours["PYTHONPATH"] = str(ROOT)
        run_once([*cli, "db", "upgrade"], {**env, **ours}, cwd)
        commands = [Measured("python -c pass", [sys.executable, "-c", "pass"])]
        commands += commands_of(cli, "", ours)
        commands += [  # what the libraries alone cost, without a line of ours
            Measured(f"floor: {name}", [sys.executable, "-c", f"import {modules}"])
            for name, modules in FLOORS.items()
        ]
        if args.compare is not None:
            theirs = {
                "TELEWORK_DATABASE_URL": f"sqlite+aiosqlite:///{cwd / 'compared.db'}",
                "PYTHONPATH": str(args.compare.resolve()),
            }
            run_once([*cli, "db", "upgrade"], {**env, **theirs}, cwd)
            commands += commands_of(cli, "compared: ", theirs)
        for command in commands:  # warm-up, and which heavy libraries each one imports
            profiled = {**env, **command.env, "PYTHONPROFILEIMPORTTIME": "1"}
            *_measured, importtime = run_once(command.argv, profiled, cwd)
            command.heavy = heavy_imports(importtime)
        for round_ in range(args.repeat):
            order = commands[round_ % len(commands) :] + commands[: round_ % len(commands)]
            for command in order:
                seconds, cpu, rss, _err = run_once(command.argv, {**env, **command.env}, cwd)
                command.seconds.append(seconds)
                command.cpu.append(cpu)
                command.rss_kib.append(rss)
    report(commands, cli, args.repeat, args.compare)


def report(commands: list[Measured], cli: list[str], repeat: int, compare: Path | None) -> None:
    floor, cpu_floor = median(commands[0].seconds), median(commands[0].cpu)
    entry = "python -m bot.cli" if len(cli) > 1 else "telework-bot"
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; entry: {entry}; "
        f"{repeat} rounds, medians" + (f"; compared: {compare}" if compare else "")
    )
    width = max(len(c.name) for c in commands)
    print(
        f"{'command':<{width}} {'time':>7} {'× pass':>7} {'CPU':>7} {'× pass':>7} "
        f"{'peak RSS':>9}  target  heavy imports"
    )
    for command in commands:
        seconds, cpu = median(command.seconds), median(command.cpu)
        mib = median(command.rss_kib) / 1024
        timed = command is not commands[0] and not command.name.startswith("floor")
        verdict = ("ok" if seconds <= TARGET_S else "OVER") if timed else ""
        print(
            f"{command.name:<{width}} {seconds:>6.3f}s {seconds / floor:>6.1f}× {cpu:>6.3f}s "
            f"{cpu / cpu_floor:>6.1f}× {mib:>5.1f} MiB  "
            f"{verdict:<6}  {', '.join(command.heavy) or '-'}"
        )


if __name__ == "__main__":
    main()
