"""``telework-bot worktime --month 2026-12 --format csv``: each person's working days for the
勤務管理システム — start, end, breaks (離席 … 戻りました), the declared status, and whether
the rest before the start was shorter than the policy's 勤務間インターバル.

An admin's tool (whoever runs the command line can read the database): it lists people by
name. Chat never shows another person's times.
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
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from bot.core.settings import Settings
    from domain.policy import Policy
    from domain.worktime import WorkDay

# Column headings (ja, en): one row per person and day with a work period or a declaration.
COLUMNS = (
    ("職員番号", "employee_id"),
    ("氏名", "name"),
    ("課室", "section"),
    ("日付", "date"),
    ("勤務状況", "status"),
    ("業務開始", "start"),
    ("業務終了", "end"),
    ("離席", "breaks"),
    ("離席時間（分）", "break_minutes"),
    ("勤務時間（分）", "worked_minutes"),
    ("勤務間インターバル不足（分）", "short_rest_minutes"),
)


def parse_month(value: str) -> tuple[date, date]:
    """``2026-12`` → (2026-12-01, 2026-12-31); ValueError with a message otherwise."""
    import calendar as month_calendar
    from datetime import date

    year, _, month = value.partition("-")
    try:
        first = date(int(year), int(month), 1)
    except ValueError:
        raise ValueError(f"--month must look like 2026-12, not {value!r}") from None
    return first, first.replace(day=month_calendar.monthrange(first.year, first.month)[1])


def _clock(instant: datetime | None, day: date, tz: ZoneInfo) -> str:
    """HH:MM local; a time on a later day than the row's is written +1 (e.g. 24:30 → +1 00:30)."""
    if instant is None:
        return ""
    local = instant.astimezone(tz)
    shift = (local.date() - day).days
    return f"{local:%H:%M}" if shift == 0 else f"+{shift} {local:%H:%M}"


def rows(days: list[WorkDay], names: dict[str, tuple[str, str]], tz: ZoneInfo) -> list[list[str]]:
    """The export's rows (``names``: employee id → (name, section name))."""
    out = []
    for day in days:
        name, section = names.get(day.employee_id, ("", ""))
        breaks = ";".join(
            f"{_clock(b.start, day.day, tz)}-{_clock(b.end, day.day, tz)}" for b in day.breaks
        )
        worked = day.worked_minutes
        short = "" if day.short_rest is None else str(int(day.short_rest.total_seconds() // 60))
        out.append(
            [
                day.employee_id,
                name,
                section,
                day.day.isoformat(),
                day.status,
                _clock(day.start, day.day, tz),
                _clock(day.end, day.day, tz),
                breaks,
                str(day.break_minutes),
                "" if worked is None else str(worked),
                short,
            ]
        )
    return out


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``worktime``."""

    @cli.command("worktime")
    def worktime_command(
        month: Annotated[str, typer.Option(help="The month, e.g. 2026-12.")],
        fmt: Annotated[str, typer.Option("--format", help="csv (the only format).")] = "csv",
        out: Annotated[
            Path | None, typer.Option("--out", help="File to write (default: standard output).")
        ] = None,
        lang: Annotated[str, typer.Option(help="Column headings: ja or en.")] = "ja",
    ) -> None:
        """Start, end, breaks and status of every working day in a month (admins)."""
        if fmt != "csv":
            fail("--format must be csv")
        if lang not in ("ja", "en"):
            fail("--lang must be ja or en")
        try:
            first, last = parse_month(month)
        except ValueError as exc:
            fail(str(exc))
        chosen = settings()
        policy = policy_or_exit(chosen)
        table = run(_table(chosen, policy, first, last))
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c[0] if lang == "ja" else c[1] for c in COLUMNS])
        writer.writerows(table)
        data = buffer.getvalue()
        if out is None:
            typer.echo(data, nl=False)
        else:
            out.write_bytes(data.encode("utf-8-sig"))  # Excel opens UTF-8 with a BOM
            typer.echo(f"{out}: {len(table)} days")


async def _table(settings: Settings, policy: Policy, first: date, last: date) -> list[list[str]]:
    from datetime import time, timedelta

    from domain.org import sections_of
    from domain.spreadsheet_text import csv_text
    from domain.worktime import work_days
    from storage.engine import session_factory
    from storage.org import SqlOrganisation
    from storage.worktime import SqlPresenceHistory

    calendar = policy.work_calendar()
    async with open_database(settings) as engine:
        sessions = session_factory(engine)
        history = SqlPresenceHistory(sessions)
        directory = SqlOrganisation(sessions)
        reports = await history.presence_reports(
            calendar.at(first - timedelta(days=1), time(0, 0)),
            calendar.at(last + timedelta(days=2), time(0, 0)),
        )
        entries = await history.live_entries(first, last)
        staff = await directory.staff()
        chart = await directory.chart()
    section_of = sections_of(staff, chart)
    names = {
        e: (csv_text(m.name), csv_text(chart.unit(section_of[e]).name) if e in section_of else "")
        for e, m in staff.items()
    }
    days = work_days(reports, entries, policy.worktime, calendar.tz, first, last)
    return rows(days, names, calendar.tz)
