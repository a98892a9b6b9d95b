"""Utterances per second of ``dialogs.understanding.parse`` over the test table.

Parses every row of the Japanese and English utterance tables (today = 2026-11-26) in a
loop for about ``--seconds`` (default 2), after one warm-up pass, and prints the rate and
the latency percentiles per call.

    .venv/bin/python -m bench.parse
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from dialogs.understanding import parse
from domain.policy import default_policy
from tests.dialogs.utterances_en import UTTERANCES_EN
from tests.dialogs.utterances_ja import UTTERANCES_JA


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    calendar = default_policy().work_calendar()
    today = date(2026, 11, 26)
    texts = [t for t, _ in UTTERANCES_JA + UTTERANCES_EN]
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
