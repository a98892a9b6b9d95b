"""``telework-bot report`` and ``telework-bot seed-demo``.

The command line is an operator's tool (whoever runs it can read the database), so it may
include the per-person list (``--people``); care situations never appear in any output.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from bot.core.settings import Settings
from bot.ui.texts import Lang
from domain.calendar import WorkCalendar
from domain.policy import Policy, load_policy
from domain.report_model import ReportRange, ReportRequest, Scope
from domain.report_rows import Report
from domain.reports import make_report


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    PNG = "png"
    MD = "md"


def render(report: Report, fmt: Format, lang: Lang, generated: datetime, policy: Policy) -> bytes:
    """The report in ``fmt`` (charts are imported only when asked for: matplotlib is slow
    to import)."""
    half = policy.counting.half_day_person_days
    if fmt is Format.PNG:
        from bot.features.reports.charts import report_png

        return report_png(report, lang, generated)
    from bot.features.reports.outputs import to_csv, to_markdown, to_xlsx

    writer = {Format.CSV: to_csv, Format.XLSX: to_xlsx, Format.MD: to_markdown}[fmt]
    return writer(report, lang, generated, half)


def report_range(
    calendar: WorkCalendar,
    fiscal_year: int | None,
    month: str | None,
    start: str | None,
    end: str | None,
    today: date,
) -> ReportRange:
    """The range from the options (ValueError with a message fit for the operator)."""
    if month is not None:
        month_year, _, number = month.partition("-")
        return ReportRange.month_of(int(month_year), int(number), calendar)
    if start is not None or end is not None:
        if start is None or end is None:
            raise ValueError("--from and --to go together")
        return ReportRange.dates(date.fromisoformat(start), date.fromisoformat(end), calendar)
    year = fiscal_year if fiscal_year is not None else calendar.fiscal_year(today)
    return ReportRange.fiscal_year_of(year, calendar)


def parse_week(value: str | None, fiscal_year: int) -> tuple[date, date] | None:
    """``2026-07-20:2026-07-24``; None: the fiscal year's Telework Week campaign, else the
    default July week (looked up when the report is made)."""
    if not value:
        return None
    first, _, last = value.partition(":")
    start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    if start > end:
        raise ValueError("--telework-week starts after it ends")
    return start, end


def register(cli: typer.Typer, get_settings: Callable[[], Settings]) -> None:
    """Add ``report`` and ``seed-demo`` to the command line."""

    @cli.command("report")
    def report_command(
        out: Annotated[Path, typer.Option("--out", help="File to write.")],
        fmt: Annotated[Format, typer.Option("--format", help="csv, xlsx, png or md.")],
        fiscal_year: Annotated[
            int | None, typer.Option(help="Fiscal year (2026 = 令和8年度); default: current.")
        ] = None,
        scope: Annotated[Scope, typer.Option(help="head_office, regional or all.")] = Scope.ALL,
        unit: Annotated[str | None, typer.Option(help="Org unit code (and all below).")] = None,
        month: Annotated[str | None, typer.Option(help="One month, e.g. 2026-07.")] = None,
        start: Annotated[str | None, typer.Option("--from", help="First day.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day.")] = None,
        telework_week: Annotated[
            str | None, typer.Option(help="START:END, e.g. 2026-07-20:2026-07-24.")
        ] = None,
        as_of: Annotated[
            str | None, typer.Option(help="Count up to this day (default: today).")
        ] = None,
        people: Annotated[bool, typer.Option(help="Add the per-person list.")] = False,
        lang: Annotated[str, typer.Option(help="ja or en.")] = "ja",
    ) -> None:
        """Write a telework report (per fiscal year, month or dates; scope or unit)."""
        settings = get_settings()
        policy = load_policy(settings.policy_file)
        calendar = policy.work_calendar()
        now = datetime.now(UTC).astimezone(calendar.tz)
        if lang not in ("ja", "en"):
            _fail("--lang must be ja or en")
        try:
            chosen = report_range(calendar, fiscal_year, month, start, end, now.date())
            week = parse_week(telework_week, chosen.fiscal_year)
            day = date.fromisoformat(as_of) if as_of else now.date()
        except ValueError as exc:
            _fail(str(exc))
        request = ReportRequest(chosen, scope, unit, day, week, generated_at=now, per_person=people)
        try:
            report = asyncio.run(_report(settings.database_url, request, policy, calendar))
        except KeyError as exc:
            _fail(f"--unit: {exc.args[0]}")
        out.write_bytes(render(report, fmt, "en" if lang == "en" else "ja", now, policy))
        total = report.total
        typer.echo(
            f"{out}: {total.headcount} staff, {total.implementers} teleworked "
            f"({(total.rate or 0) * 100:.1f}%), {total.person_days:g} person-days"
        )

    @cli.command("seed-demo")
    def seed_demo_command(
        staff: Annotated[int, typer.Option(min=10, max=200_000, help="People.")] = 5000,
        fiscal_year: Annotated[int, typer.Option(help="Fiscal year of the data.")] = 2026,
        seed: Annotated[int, typer.Option(help="Random seed (same seed, same data).")] = 1,
        replace: Annotated[
            bool, typer.Option(help="Delete the roster, schedule and their events first.")
        ] = False,
    ) -> None:
        """Fill the database with a synthetic ministry and two years of telework."""
        from storage.demo import DemoRefused, seed_demo
        from storage.engine import create_engine

        settings = get_settings()
        policy = load_policy(settings.policy_file)

        async def run() -> str:
            engine = create_engine(settings.database_url)
            try:
                summary = await seed_demo(
                    engine,
                    policy,
                    staff=staff,
                    fiscal_year=fiscal_year,
                    seed=seed,
                    replace=replace,
                )
            finally:
                await engine.dispose()
            week = f"{summary.telework_week[0]}:{summary.telework_week[1]}"
            return (
                f"{summary.units} units, {summary.staff} staff, {summary.entries} entries, "
                f"{summary.events} events (Telework Week {week})"
            )

        try:
            typer.echo(asyncio.run(run()))
        except DemoRefused as exc:
            _fail(str(exc), code=1)


async def _report(
    url: str, request: ReportRequest, policy: Policy, calendar: WorkCalendar
) -> Report:
    from dataclasses import replace

    from bot.features.reports.card import telework_week
    from storage.campaigns import SqlCampaigns
    from storage.engine import create_engine, session_factory
    from storage.report_queries import SqlReportQueries

    engine = create_engine(url)
    try:
        if request.telework_week is None:
            week = await telework_week(
                SqlCampaigns(session_factory(engine)), request.range.fiscal_year, calendar
            )
            request = replace(request, telework_week=week)
        return await make_report(
            SqlReportQueries(engine, calendar.time_zone), request, policy, calendar
        )
    finally:
        await engine.dispose()


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
