"""``telework-bot report``: a telework report as CSV, XLSX, PNG or Markdown, with the 2026
rules' counts (在宅勤務等手当 eligible headcount, 勤務間インターバル warnings) by month and 課室.

The command line is an operator's tool (whoever runs it can read the database), so it may
include the per-person list (``--people``); care situations never appear in any output.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import (
    SettingsSource,
    fail,
    open_application,
    policy_or_exit,
    run,
    settings_or_exit,
)
from domain.report_scope import Scope

if TYPE_CHECKING:
    from bot.core.settings import Settings
    from bot.ui.texts import Lang
    from domain.calendar import WorkCalendar
    from domain.policy import Policy
    from domain.report_model import ReportRange, ReportRequest
    from domain.report_rows import Report


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
    from domain.report_model import ReportRange

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


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``report``."""

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
        from datetime import UTC

        chosen = settings()
        policy = policy_or_exit(chosen)
        calendar = policy.work_calendar()
        now = datetime.now(UTC).astimezone(calendar.tz)
        if lang not in ("ja", "en"):
            fail("--lang must be ja or en")
        try:
            chosen_range = report_range(calendar, fiscal_year, month, start, end, now.date())
            week = parse_week(telework_week, chosen_range.fiscal_year)
            day = date.fromisoformat(as_of) if as_of else now.date()
        except ValueError as exc:
            fail(str(exc))
        from domain.report_model import ReportRequest

        request = ReportRequest(
            chosen_range, scope, unit, day, week, generated_at=now, per_person=people
        )
        try:
            report = run(_report(chosen, request))
        except KeyError as exc:
            fail(f"--unit: {exc.args[0]}")
        out.write_bytes(render(report, fmt, "en" if lang == "en" else "ja", now, policy))
        total = report.total
        typer.echo(
            f"{out}: {total.headcount} staff, {total.implementers} teleworked "
            f"({(total.rate or 0) * 100:.1f}%), {total.person_days:g} person-days"
        )


async def _report(settings: Settings, request: ReportRequest) -> Report:
    """The report from the application's report queries; the fiscal year's Telework Week
    campaign unless ``--telework-week`` named one."""
    from dataclasses import replace

    from bot.features.reports.card import telework_week
    from domain.report_rules import RulesSource
    from domain.reports import make_report

    async with open_application(settings) as application:
        services = application.services
        if request.telework_week is None:
            week = await telework_week(
                services.campaigns, request.range.fiscal_year, services.calendar
            )
            request = replace(request, telework_week=week)
        return await make_report(
            services.reports,
            request,
            services.policy,
            services.calendar,
            services.find(RulesSource),  # type: ignore[type-abstract]
        )
