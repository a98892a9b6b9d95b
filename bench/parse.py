"""Utterances per second of ``dialogs.understanding.parse`` over the test table.

Parses every row of the Japanese and English utterance tables (today = 2026-11-26) in a
loop for about ``--seconds`` (default 2), after one warm-up pass, and prints the rate and
the latency percentiles per call.

    .venv/bin/python -m bench.parse
    git worktree add --detach /tmp/before main
    .venv/bin/python -m bench.parse --compare /tmp/before --rounds 7

``--compare CHECKOUT`` measures this checkout's parser and CHECKOUT's on the *same* texts
(this checkout's tables), each in its own fresh process, in alternating rounds of
``--seconds`` each, and prints the rates and their ratios (this / CHECKOUT; above 1 is
faster): the median wall-clock rate, the best pass's CPU-time rate (the steadiest figure on
a shared machine) and the median latency. Read the ratios: a busy machine moves the absolute
numbers of both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

# Runs inside a child process whose sys.path starts with the checkout being measured; reads
# {"texts": [...], "seconds": s} on stdin, prints {"rate": …, "p50": …, "p99": …}.
_WORKER = """
import json, statistics, sys, time
from datetime import date
from dialogs.understanding import parse
from domain.policy import default_policy
job = json.load(sys.stdin)
calendar = default_policy().work_calendar()
today = date(2026, 11, 26)
texts = job["texts"]
for text in texts:
    parse(text, today=today, calendar=calendar)
latencies, passes = [], []
started = time.perf_counter()
while time.perf_counter() - started < job["seconds"]:
    cpu = time.process_time()
    for text in texts:
        t0 = time.perf_counter()
        parse(text, today=today, calendar=calendar).to_json()
        latencies.append(time.perf_counter() - t0)
    passes.append(time.process_time() - cpu)
elapsed = time.perf_counter() - started
q = statistics.quantiles(latencies, n=100)
print(json.dumps({
    "rate": len(latencies) / elapsed, "p50": q[49], "p99": q[98],
    "cpu_rate": len(texts) / min(passes),
}))
"""


def _texts() -> list[str]:
    from tests.dialogs.utterances_en import UTTERANCES_EN
    from tests.dialogs.utterances_ja import UTTERANCES_JA

    return [t for t, _ in UTTERANCES_JA + UTTERANCES_EN]


def _measure(checkout: Path, texts: list[str], seconds: float) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(checkout)!r})\n{_WORKER}"],
        input=json.dumps({"texts": texts, "seconds": seconds}),
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
        env=env,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def _compare(other: Path, texts: list[str], seconds: float, rounds: int) -> None:
    here = Path(__file__).resolve().parent.parent
    runs: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    for i in range(rounds):
        order = [("this", here), ("other", other)]
        for name, checkout in order if i % 2 == 0 else reversed(order):
            runs[name].append(_measure(checkout, texts, seconds))
    print(f"utterances: {len(texts)} distinct (this checkout's tables), {rounds} rounds")
    rates, cpu, p50 = {}, {}, {}
    for name, label in (("this", str(here)), ("other", str(other))):
        rates[name] = statistics.median(r["rate"] for r in runs[name])
        cpu[name] = max(r["cpu_rate"] for r in runs[name])
        p50[name] = statistics.median(r["p50"] for r in runs[name]) * 1e3
        p99 = statistics.median(r["p99"] for r in runs[name]) * 1e3
        print(
            f"{label}: {rates[name]:,.0f} utterances/s (wall, median), "
            f"{cpu[name]:,.0f}/s (CPU, best pass), p50 {p50[name]:.3f} ms, p99 {p99:.3f} ms"
        )
    print(
        f"ratio this/other: wall {rates['this'] / rates['other']:.2f}, "
        f"CPU best pass {cpu['this'] / cpu['other']:.2f}, p50 {p50['other'] / p50['this']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--compare", type=Path, default=None, metavar="CHECKOUT")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = _texts()
    if args.compare is not None:
        _compare(args.compare.resolve(), texts, args.seconds, args.rounds)
        return
    from dialogs.understanding import parse
    from domain.policy import default_policy

    calendar = default_policy().work_calendar()
    today = date(2026, 11, 26)
    for text in texts:  # warm-up: regex compilation is at import, calendar years cache here
        parse(text, today=today, calendar=calendar)
    latencies: list[float] = []
    started = time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        for text in texts:
            t0 = time.perf_counter()
            parse(text, today=today, calendar=calendar).to_json()
            latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100)
    print(f"utterances: {len(texts)} distinct, {len(latencies)} parsed in {elapsed:.2f} s")
    print(f"rate: {len(latencies) / elapsed:,.0f} utterances/s")
    print(
        f"latency per call: p50 {q[49] * 1e3:.3f} ms, p99 {q[98] * 1e3:.3f} ms, "
        f"max {max(latencies) * 1e3:.3f} ms"
    )


if __name__ == "__main__":
    main()
