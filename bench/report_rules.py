"""The 2026 rules' cost in the fiscal-year report (issue 18 §3): ``make_report`` with and
without the rules' inputs, side by side on one database (the machine is noisy: compare the
pair, not the absolute times).

    telework-bot seed-demo --staff 5000 --seed 1 --rules-2026   # into TELEWORK_DATABASE_URL
    .venv/bin/python -m bench.report_rules sqlite+aiosqlite:////tmp/demo.db [--repeat 3]

FY2026 as of 2026-12-01; a warm-up pair, then ``--repeat`` alternating pairs; medians of
wall and CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import date
from statistics import median

from domain.policy import default_policy
from domain.report_model import ReportRange, ReportRequest
from domain.reports import make_report
from storage.engine import create_engine, session_factory
from storage.report_queries import SqlReportQueries
from storage.report_rules import SqlRulesQueries


async def measure(url: str, repeat: int) -> dict[str, list[tuple[float, float]]]:
    policy = default_policy()
    calendar = policy.work_calendar()
    engine = create_engine(url)
    request = ReportRequest(ReportRange.fiscal_year_of(2026, calendar), as_of=date(2026, 12, 1))
    source = SqlReportQueries(engine, calendar.time_zone, policy.counting.time_ranges)
    rules = SqlRulesQueries(session_factory(engine))
    times: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    try:
        for i in range(repeat + 1):
            for label, chosen in (("without", None), ("with", rules)):
                wall, cpu = time.perf_counter(), time.process_time()
                await make_report(source, request, policy, calendar, chosen)
                if i:  # the first pair warms up
                    times[label].append((time.perf_counter() - wall, time.process_time() - cpu))
    finally:
        await engine.dispose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    times = asyncio.run(measure(arguments.url, arguments.repeat))
    for label, pairs in times.items():
        wall = median(w for w, _ in pairs)
        cpu = median(c for _, c in pairs)
        print(f"{label:8} rules: {wall:.2f} s wall, {cpu:.2f} s CPU (median of {len(pairs)})")


if __name__ == "__main__":
    main()
