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
    from datetime import time, timedelta

    from domain.allowance import assess_ledger, data_range, eligible_by_unit, ledger_days
    from domain.spreadsheet_text import csv_text
    from domain.worktime import interval_cases
    from storage.allowance import SqlAllowance
    from storage.engine import session_factory
    from storage.org import SqlOrganisation
    from storage.report_queries import SqlReportQueries
    from storage.worktime import SqlPresenceHistory

    calendar = policy.work_calendar()
    rules = policy.allowance
    first, last = calendar.fiscal_year_range(fiscal_year)
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    counted = [m for m in months if m <= as_of]
    async with open_database(settings) as engine:
        sessions = session_factory(engine)
        store = SqlAllowance(sessions)
        directory = SqlOrganisation(sessions)
        staff = await directory.staff()
        chart = await directory.chart()
        orders = await store.orders()
        places = await store.places()
        start, _ = data_range(first, rules)
        _, end = data_range(last, rules)
        days = await store.telework_days(start, end)
        reports = await SqlPresenceHistory(sessions).presence_reports(
            calendar.at(first - timedelta(days=1), time(0)),
            calendar.at(min(last, as_of) + timedelta(days=1), time(0)),
        )
        history = (
            await SqlReportQueries(engine, calendar.time_zone).report_inputs(as_of, as_of)
        ).history

    def section_on(employee_id: str, day: date) -> str | None:
        """The 課室 the person was in on ``day`` (from the roster's history)."""
        member = staff.get(employee_id)
        if member is None:
            return None
        unit = history.unit_on(member, day)
        section = chart.section_of(unit) if unit in chart else None
        return section.code if section else None

    people = {o.employee_id for o in orders}
    ledger = ledger_days(days, orders, places, rules, calendar)
    eligible: dict[date, dict[str, int]] = {}
    for m in counted:
        month_end = min(
            as_of, (m.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(1)
        )
        placed = {e: s for e in people if (s := section_on(e, month_end)) is not None}
        eligible[m] = eligible_by_unit(
            assess_ledger(m, people, ledger, orders, rules, calendar), placed
        )
    warnings: dict[date, dict[str, int]] = {m: {} for m in counted}
    for case in interval_cases(reports, policy.worktime, calendar.tz):
        month = case.day.replace(day=1)
        section = section_on(case.employee_id, case.day)
        if month in warnings and section is not None:
            warnings[month][section] = warnings[month].get(section, 0) + 1
    sections = _sections(chart, staff)
    head = ["課室コード", "課室"] if lang == "ja" else ["section_code", "section"]
    head += [f"{m:%Y-%m}" for m in months]
    total = "合計" if lang == "ja" else "total"

    def table(figures: dict[date, dict[str, int]]) -> Table:
        rows = [head]
        for code in sections:
            row = [csv_text(code), csv_text(chart.unit(code).name)]
            row += [str(figures[m].get(code, 0)) if m in figures else "" for m in months]
            rows.append(row)
        rows.append(
            ["", total] + [str(sum(figures[m].values())) if m in figures else "" for m in months]
        )
        return rows

    return table(eligible), table(warnings)


def _sections(chart: OrgChart, staff: dict[str, StaffMember]) -> list[str]:
    """Every 課室 anyone on the roster belongs to (current records), sorted."""
    from domain.org import sections_of

    return sorted(set(sections_of(staff, chart).values()))
