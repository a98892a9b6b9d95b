"""``telework-bot rules-report --fiscal-year 2026 --format csv|xlsx --out FILE``: the 2026
rules' figures for a fiscal year, per month and 課室 — how many people were eligible for the
在宅勤務等手当 (yes or borderline) and how many 業務開始 came sooner than the 勤務間インターバル.

Counts only (no names), each placed in the 課室 the person was in at the time (the roster's
history: an interval case on its day, an eligible person on the month's last day, or
``--as-of`` in the current month); months after ``--as-of`` are left blank. An admin's
tool, like ``report``. CSV writes FILE (the allowance table) and FILE's name with
``.interval`` before the suffix; XLSX one workbook with two sheets.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import (
    SettingsSource,
    fail,
    open_database,
    policy_or_exit,
    run,
    settings_or_exit,
)

if TYPE_CHECKING:
    from datetime import date

    from bot.core.settings import Settings
    from domain.org import OrgChart, StaffMember
    from domain.policy import Policy

Table = list[list[str]]


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``rules-report``."""

    @cli.command("rules-report")
    def rules_report_command(
        fiscal_year: Annotated[int, typer.Option(help="Fiscal year (2026 = 令和8年度).")],
        out: Annotated[Path, typer.Option("--out", help="File to write.")],
        fmt: Annotated[str, typer.Option("--format", help="csv or xlsx.")] = "csv",
        as_of: Annotated[
            str | None, typer.Option(help="Count up to this day (default: today).")
        ] = None,
        lang: Annotated[str, typer.Option(help="Headings: ja or en.")] = "ja",
    ) -> None:
        """Allowance-eligible headcount and interval warnings by month and 課室."""
        from datetime import UTC, date, datetime

        from bot.cli.allowance import _csv, _xlsx

        if fmt not in ("csv", "xlsx"):
            fail("--format must be csv or xlsx")
        if lang not in ("ja", "en"):
            fail("--lang must be ja or en")
        chosen = settings()
        policy = policy_or_exit(chosen)
        calendar = policy.work_calendar()
        try:
            day = (
                date.fromisoformat(as_of)
                if as_of
                else datetime.now(UTC).astimezone(calendar.tz).date()
            )
        except ValueError:
            fail("--as-of must be YYYY-MM-DD")
        allowance, intervals = run(_tables(chosen, policy, fiscal_year, day, lang))
        if fmt == "csv":
            second = out.with_name(f"{out.stem}.interval{out.suffix or '.csv'}")
            out.write_bytes(_csv(allowance[0], allowance[1:]))
            second.write_bytes(_csv(intervals[0], intervals[1:]))
            typer.echo(f"{out}, {second}: {len(allowance) - 2} sections")
        else:
            names = ("在宅勤務等手当", "勤務間インターバル")
            sheets = ((allowance[0], allowance[1:]), (intervals[0], intervals[1:]))
            out.write_bytes(_xlsx(sheets, lang, names if lang == "ja" else None))
            typer.echo(f"{out}: {len(allowance) - 2} sections")


async def _tables(
    settings: Settings, policy: Policy, fiscal_year: int, as_of: date, lang: str
) -> tuple[Table, Table]:
    from domain.report_rules import read_rules_inputs, rules_figures, section_placer
    from domain.spreadsheet_text import csv_text
    from storage.engine import session_factory
    from storage.org import SqlOrganisation
    from storage.report_queries import SqlReportQueries
    from storage.report_rules import SqlRulesQueries

    calendar = policy.work_calendar()
    first, last = calendar.fiscal_year_range(fiscal_year)
    async with open_database(settings) as engine:
        sessions = session_factory(engine)
        directory = SqlOrganisation(sessions)
        staff = await directory.staff()
        chart = await directory.chart()
        inputs = await read_rules_inputs(SqlRulesQueries(sessions), first, last, as_of, policy)
        history = (
            await SqlReportQueries(engine, calendar.time_zone).report_inputs(as_of, as_of)
        ).history
    # The same counting as the fiscal-year report's tables (domain.report_rules), over
    # every 課室 anyone on the roster belongs to.
    figures = rules_figures(
        first,
        last,
        as_of,
        [chart.unit(code) for code in _sections(chart, staff)],
        section_placer(staff.values(), history, chart),
        inputs,
        policy,
        calendar,
    )
    head = ["課室コード", "課室"] if lang == "ja" else ["section_code", "section"]
    head += [f"{m:%Y-%m}" for m in figures.months]
    total = "合計" if lang == "ja" else "total"

    def table(column: str) -> Table:
        rows = [head]
        for row in figures.sections:
            cells = ["" if v is None else str(v) for v in getattr(row, column)]
            rows.append([csv_text(row.section.code), csv_text(row.section.name), *cells])
        totals = [figures.total(column, i) for i in range(len(figures.months))]
        rows.append(["", total] + ["" if v is None else str(v) for v in totals])
        return rows

    return table("eligible"), table("warnings")


def _sections(chart: OrgChart, staff: dict[str, StaffMember]) -> list[str]:
    """Every 課室 anyone on the roster belongs to (current records), sorted."""
    from domain.org import sections_of

    return sorted(set(sections_of(staff, chart).values()))
