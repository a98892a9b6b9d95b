"""Turns per second and latency of our bot next to a bare botbuilder echo bot, in one run.

Three kinds of process on loopback: this one (the load generator), a fake Bot Framework
connector (``--serve-connector``) and the two bots (``telework-bot serve`` and the echo bot,
``--serve-echo``). The connector gets its own process so that answering the bots' reply calls,
which happen inside each turn, never waits behind the load generator's event loop; on a 2-core
machine the three busy processes still share the cores, and ``--pin`` puts the bots (one is
loaded at a time) on CPU 1 and the load generator and connector on CPU 0. Targets alternate by
round (ours, echo, echo, ours, ...) and each figure is the median over rounds.

    .venv/bin/python -m bench.turns --requests 2000
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import itertools
import json
import math
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "teams" / "01_personal_message.json"
TARGETS = ("ours", "echo")
STARTUP_SECONDS = 60.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# -- child processes: the fake connector and the bare echo bot ------------------------------------


def connector_app() -> web.Application:
    """Answers every call with 200; counts replies per target (the replyToId's prefix) and kind."""
    counts: dict[str, dict[str, int]] = {}

    async def answer(request: web.Request) -> web.Response:
        if request.path == "/_bench/counts":
            return web.json_response(counts)
        body = await request.read()
        parts = request.path.split("/")  # /v3/conversations/{id}/activities/{replyToId}
        if request.method == "POST" and len(parts) == 6 and parts[4] == "activities":
            reply = json.loads(body)
            cards = [a["contentType"].rsplit(".", 1)[-1] for a in reply.get("attachments") or []]
            kind = "+".join(cards) + " card" if cards else repr(reply.get("text", ""))[:40]
            mine = counts.setdefault(parts[5].split("-", 1)[0], {})
            mine[kind] = mine.get(kind, 0) + 1
        return web.json_response({"id": f"reply-{len(counts)}"})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    return app


def echo_app() -> web.Application:
    """The botbuilder sample shape: CloudAdapter + ActivityHandler + adapter.process."""
    from types import SimpleNamespace

    from botbuilder.core import ActivityHandler, TurnContext
    from botbuilder.integration.aiohttp import (
        CloudAdapter,
        ConfigurationBotFrameworkAuthentication,
    )

    class EchoBot(ActivityHandler):  # type: ignore[misc]
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(f"Echo: {turn_context.activity.text}")

    config = SimpleNamespace(APP_ID="", APP_PASSWORD="", APP_TYPE="MultiTenant", APP_TENANTID="")
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        response: web.Response = await adapter.process(request, bot)
        return response

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


async def serve_child(app: web.Application, port: int) -> None:
    """Serve on 127.0.0.1, print ``PORT n``, and exit if the benchmark disappears."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print(f"PORT {runner.addresses[0][1]}", flush=True)
    parent = os.getppid()
    try:
        while os.getppid() == parent:  # noqa: ASYNC110 (polling the parent is the point)
            await asyncio.sleep(1)
    finally:
        await runner.cleanup()


# -- process management ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def spawn(
    stack: contextlib.ExitStack, cmd: list[str], env: dict[str, str], log: IO[str], cwd: Path
) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True
    )  # Ctrl-C reaches only us

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)

    stack.callback(stop)
    return proc


def read_port(proc: subprocess.Popen[str]) -> int:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], STARTUP_SECONDS)
    line = proc.stdout.readline() if ready else ""
    if not line.startswith("PORT "):
        raise RuntimeError(f"child {proc.args!r} did not report a port (got {line!r})")
    return int(line.split()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def pin(pid: int, cpu: int) -> None:
    with contextlib.suppress(OSError):
        os.sched_setaffinity(pid, {cpu})


# -- load generation ---------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    url: str
    pid: int
    templates: list[dict[str, Any]]  # one per client: its own user and 1:1 conversation
    sent_ok: int = 0

    def body(self, client: int, seq: int) -> bytes:
        activity = self.templates[client]
        activity["id"] = f"{self.name}-{seq}"
        return json.dumps(activity).encode()


@dataclass
class Round:
    target: str
    seconds: float
    cpu: float
    latencies: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)] * 1000 if ordered else math.nan


def client_aad(client: int) -> str:
    """Each load client is a staff member of the demo roster (Entra object id)."""
    return f"00000000-0000-4000-8000-{client:012d}"


def templates(service_url: str, clients: int, text: str) -> list[dict[str, Any]]:
    base = json.loads(FIXTURE.read_text(encoding="utf-8"))
    base.update(serviceUrl=service_url, text=text)
    out = []
    for client in range(clients):
        activity = json.loads(json.dumps(base))
        activity["from"]["id"] += f"-{client}"
        activity["from"]["aadObjectId"] = client_aad(client)
        activity["conversation"]["id"] += f"-{client}"
        out.append(activity)
    return out


def roster_csv(path: Path, clients: int) -> None:
    """A roster in which every load client is an eligible member of one section."""
    lines = ["職員番号,氏名,メールアドレス,EntraオブジェクトID,本省/地方,局部,課室,採用日"]
    lines += [
        f"B{client:05d},職員{client},bench{client}@example.go.jp,{client_aad(client)},"
        "本省,大臣官房,総務課,2015-04-01"
        for client in range(clients)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def load(
    session: aiohttp.ClientSession,
    target: Target,
    requests: int,
    clients: int,
    seq: itertools.count[int],
    deadline: float,
) -> Round:
    latencies: list[float] = []
    errors = 0
    issued = itertools.count()
    headers = {"Content-Type": "application/json"}

    async def client(index: int) -> None:
        nonlocal errors
        while next(issued) < requests and time.monotonic() < deadline:
            data = target.body(index, next(seq))
            started = time.perf_counter()
            try:
                async with session.post(target.url, data=data, headers=headers) as response:
                    await response.read()
                    ok = 200 <= response.status < 300
            except (aiohttp.ClientError, TimeoutError):
                ok = False
            if ok:
                latencies.append(time.perf_counter() - started)
                target.sent_ok += 1
            else:
                errors += 1

    cpu_before, started = cpu_seconds(target.pid), time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    seconds = time.perf_counter() - started
    return Round(target.name, seconds, cpu_seconds(target.pid) - cpu_before, latencies, errors)


async def wait_healthy(
    session: aiohttp.ClientSession, url: str, proc: subprocess.Popen[str]
) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(aiohttp.ClientError):
            async with session.get(url) as response:
                if response.status == 200:
                    return
        await asyncio.sleep(0.2)
    raise RuntimeError(f"{url} did not become healthy (exit code {proc.poll()})")


async def bench(
    args: argparse.Namespace,
    targets: dict[str, Target],
    procs: dict[str, subprocess.Popen[str]],
    connector: str,
) -> None:
    timeout = aiohttp.ClientTimeout(total=30)
    connector_pool = aiohttp.TCPConnector(limit=args.clients)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector_pool) as session:
        for name, proc in procs.items():
            await wait_healthy(
                session, targets[name].url.replace("/api/messages", "/healthz"), proc
            )
        await asyncio.sleep(2)  # started, nothing asked yet
        idle = {name: memory_mib(proc.pid) for name, proc in procs.items()}
        deadline = time.monotonic() + args.max_seconds
        seqs = {name: itertools.count() for name in targets}
        for name, target in targets.items():
            await load(session, target, args.warmup, args.clients, seqs[name], deadline)
        per_round = max(1, args.requests // args.rounds)
        rounds: list[Round] = []
        for index in range(args.rounds):
            names = list(targets)
            order = names if index % 2 == 0 else names[::-1]
            for name in order:
                rounds.append(
                    await load(
                        session, targets[name], per_round, args.clients, seqs[name], deadline
                    )
                )
        async with session.get(connector + "_bench/counts") as response:
            recorded = await response.json()
        loaded = {name: memory_mib(proc.pid) for name, proc in procs.items()}
    report(args, targets, rounds, recorded)
    for name in procs:
        (idle_rss, _), (rss, peak) = idle[name], loaded[name]
        print(
            f"{name} memory: idle {idle_rss:.0f} MiB RSS; after the load {rss:.0f} MiB, "
            f"peak {peak:.0f} MiB"
        )


def memory_mib(pid: int) -> tuple[float, float]:
    """(RSS, peak RSS) of a process in MiB, from /proc (Linux)."""
    fields: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = float(value.split()[0]) / 1024
    except OSError:
        return (math.nan, math.nan)
    return (fields.get("VmRSS", math.nan), fields.get("VmHWM", math.nan))


def ratio(a: float, b: float) -> float:
    return a / b if b else math.nan


def report(
    args: argparse.Namespace,
    targets: dict[str, Target],
    rounds: list[Round],
    recorded: dict[str, dict[str, int]],
) -> None:
    print(
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; {args.clients} "
        f"clients; {args.rounds} rounds of {args.requests // args.rounds} requests per target "
        f"after {args.warmup} warm-up; pinned: {args.pin}; Python {sys.version.split()[0]}"
    )
    print(
        f"{'target':<6} {'turns/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/turn':>12} "
        f"{'errors':>7} {'replies/2xx':>13}  turns/s per round"
    )
    medians: dict[str, tuple[float, float, float]] = {}
    for name, target in targets.items():
        mine = [r for r in rounds if r.target == name]
        rate = statistics.median(r.rate for r in mine)
        p50 = statistics.median(r.percentile(0.50) for r in mine)
        p99 = statistics.median(r.percentile(0.99) for r in mine)
        cpu = statistics.median(r.cpu * 1000 / max(1, len(r.latencies)) for r in mine)
        medians[name] = (rate, p50, p99)
        replies = sum(recorded.get(name, {}).values())
        print(
            f"{name:<6} {rate:>8.1f} {p50:>8.1f} {p99:>8.1f} {cpu:>12.2f} "
            f"{sum(r.errors for r in mine):>7} {f'{replies}/{target.sent_ok}':>13}  "
            + " ".join(f"{r.rate:.0f}" for r in mine)
        )
    for mine, theirs in (("ours", "echo"), ("declare", "echo"), ("declare", "ours")):
        if mine not in medians or theirs not in medians:
            continue
        (a_rate, a_p50, a_p99), (b_rate, b_p50, b_p99) = medians[mine], medians[theirs]
        print(
            f"{mine}/{theirs}: throughput x{ratio(a_rate, b_rate):.2f}, "
            f"p50 x{ratio(a_p50, b_p50):.2f}, p99 x{ratio(a_p99, b_p99):.2f}"
        )
    for name in targets:
        kinds = ", ".join(f"{n} x {kind}" for kind, n in recorded.get(name, {}).items())
        print(f"{name} replies at the connector: {kinds}")


# -- entry point -------------------------------------------------------------------------------


def our_bot_command() -> list[str]:
    script = Path(sys.executable).with_name("telework-bot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def summarise_log(path: Path, keep: Path | None) -> None:
    """The exceptions the bots logged, by count (the full log is copied to ``keep``)."""
    lines = path.read_text(errors="replace").splitlines()
    if keep is not None:
        shutil.copyfile(path, keep)
    exceptions = collections.Counter(
        line[:120] for line in lines if re.match(r"[\w.]+(Error|Exception|Timeout)\b", line)
    )
    if lines:
        print(f"the bots' stderr: {len(lines)} lines; exceptions:", file=sys.stderr)
    for line, count in exceptions.most_common(5):
        print(f"  {count} x {line}", file=sys.stderr)


def run(args: argparse.Namespace) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory(prefix="bench-turns-") as tmp, contextlib.ExitStack() as stack:
        workdir = Path(tmp)  # the bots' cwd: no stray .env is read
        log = stack.enter_context(open(workdir / "children.log", "w"))
        me = [sys.executable, str(Path(__file__).resolve())]
        connector_proc = spawn(stack, [*me, "--serve-connector", "0"], env, log, workdir)
        connector = f"http://127.0.0.1:{read_port(connector_proc)}/"
        port = free_port()
        ours_env = env | {
            "TELEWORK_DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'bench.db'}",
            "TELEWORK_PORT": str(port),
            "TELEWORK_HOST": "127.0.0.1",
            "MICROSOFT_APP_ID": "",
            "TELEWORK_LOG_LEVEL": "WARNING",
            "TELEWORK_TURN_RATE_PER_MINUTE": "0",  # measure turns, not the rate limit
        }
        subprocess.run(
            [*our_bot_command(), "db", "upgrade"],
            env=ours_env,
            cwd=workdir,
            check=True,
            timeout=120,
            stdout=subprocess.DEVNULL,
        )
        roster_csv(workdir / "roster.csv", args.clients)
        subprocess.run(
            [*our_bot_command(), "roster", "import", str(workdir / "roster.csv")],
            env=ours_env,
            cwd=workdir,
            check=True,
            timeout=120,
            stdout=subprocess.DEVNULL,
        )
        procs = {
            "ours": spawn(stack, [*our_bot_command(), "serve"], ours_env, log, workdir),
            "echo": spawn(stack, [*me, "--serve-echo", "0"], env, log, workdir),
        }
        urls = {
            "ours": f"http://127.0.0.1:{port}/api/messages",
            "echo": f"http://127.0.0.1:{read_port(procs['echo'])}/api/messages",
        }
        if args.pin:  # the bots on CPU 1 (only one is loaded at a time), the rest on CPU 0
            for pid, cpu in (
                (os.getpid(), 0),
                (connector_proc.pid, 0),
                (procs["ours"].pid, 1),
                (procs["echo"].pid, 1),
            ):
                pin(pid, cpu)
        targets = {
            name: Target(
                name, urls[name], procs[name].pid, templates(connector, args.clients, args.text)
            )
            for name in TARGETS
        }
        if args.declare_text:
            # The same bot, a declaration turn: parse, read the schedule, read back a card.
            targets["declare"] = Target(
                "declare",
                urls["ours"],
                procs["ours"].pid,
                templates(connector, args.clients, args.declare_text),
            )
        try:
            asyncio.run(bench(args, targets, procs, connector))
        finally:
            log.flush()
            summarise_log(workdir / "children.log", args.keep_log)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000, help="measured requests per target")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds per target")
    parser.add_argument("--warmup", type=int, default=200, help="warm-up requests per target")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--text", default="help", help="the message text (ours: the help card)")
    parser.add_argument(
        "--declare-text",
        default="明日テレワーク",
        help="also measure our declaration turn with this text ('' to skip)",
    )
    parser.add_argument(
        "--pin", action="store_true", help="bots on CPU 1; load generator, connector on CPU 0"
    )
    parser.add_argument("--keep-log", type=Path, help="copy the bots' stderr to this file")
    parser.add_argument("--max-seconds", type=float, default=900, help="bound on the load phase")
    parser.add_argument("--serve-connector", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument(
        "--serve-echo",
        type=int,
        metavar="PORT",
        help="only serve the bare echo bot on PORT (0: any)",
    )
    args = parser.parse_args(argv)
    if args.serve_connector is not None:
        asyncio.run(serve_child(connector_app(), args.serve_connector))
    elif args.serve_echo is not None:
        asyncio.run(serve_child(echo_app(), args.serve_echo))
    else:
        run(args)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up as on Ctrl-C
    try:
        main()
    except KeyboardInterrupt:
        print("interrupted; the children and the temporary directory are gone", file=sys.stderr)
        sys.exit(130)
