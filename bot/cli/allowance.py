"""``telework-bot allowance --month 2026-12 --format csv|xlsx --out FILE``: the 在宅勤務等手当
list for payroll — one row per eligible person with the figures that justify it — and the
audit trail: every change to a day of that month (or to an order or a place) recorded after
the month closed, with who made it.

An admin's tool: it names people. In chat, a person sees only their own status.
CSV writes two files (FILE and FILE's name with ``.audit`` before the suffix); XLSX writes
one workbook with two sheets.
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
    from domain.policy import Policy

ELIGIBLE_COLUMNS = (
    ("職員番号", "employee_id"),
    ("氏名", "name"),
    ("課室", "section"),
    ("対象月", "month"),
    ("判定", "eligibility"),
    ("当月の終日在宅勤務日数", "whole_days"),
    ("対象期間の開始月", "period_start"),
    ("平均の対象月と日数", "window"),
    ("月平均", "average"),
    ("基準（月平均がこれを超える）", "threshold"),
    ("見込みを含む", "includes_planned"),
    ("場所の区分", "place"),
)
AUDIT_COLUMNS = (
    ("記録日時", "recorded_at"),
    ("変更者", "actor"),
    ("種別", "kind"),
    ("職員番号", "employee_id"),
    ("対象日", "day"),
)


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``allowance``."""

    @cli.command("allowance")
    def allowance_command(
        month: Annotated[str, typer.Option(help="The month, e.g. 2026-12.")],
        out: Annotated[Path, typer.Option("--out", help="File to write.")],
        fmt: Annotated[str, typer.Option("--format", help="csv or xlsx.")] = "csv",
        lang: Annotated[str, typer.Option(help="Column headings: ja or en.")] = "ja",
    ) -> None:
        """The telework allowance (在宅勤務等手当) list for a month, with its audit trail."""
        from bot.cli.worktime import parse_month

        if fmt not in ("csv", "xlsx"):
            fail("--format must be csv or xlsx")
        if lang not in ("ja", "en"):
            fail("--lang must be ja or en")
        try:
            first, _last = parse_month(month)
        except ValueError as exc:
            fail(str(exc))
        chosen = settings()
        policy = policy_or_exit(chosen)
        eligible, audit = run(_tables(chosen, policy, first, lang))
        heads = 0 if lang == "ja" else 1
        sheets = (
            ([c[heads] for c in ELIGIBLE_COLUMNS], eligible),
            ([c[heads] for c in AUDIT_COLUMNS], audit),
        )
        if fmt == "csv":
            audit_path = out.with_name(f"{out.stem}.audit{out.suffix or '.csv'}")
            for path, (header, rows) in zip((out, audit_path), sheets, strict=True):
                path.write_bytes(_csv(header, rows))
            typer.echo(f"{out}: {len(eligible)} eligible; {audit_path}: {len(audit)} changes")
        else:
            out.write_bytes(_xlsx(sheets, lang))
            typer.echo(f"{out}: {len(eligible)} eligible, {len(audit)} changes")


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM


def _xlsx(
    sheets: tuple[tuple[list[str], list[list[str]]], ...],
    lang: str,
    titles: tuple[str, str] | None = None,
) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    names = titles or (("対象者", "変更履歴") if lang == "ja" else ("Eligible", "Changes"))
    first = book.active
    assert first is not None
    for index, (name, (header, rows)) in enumerate(zip(names, sheets, strict=True)):
        sheet = first if index == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def _tables(
    settings: Settings, policy: Policy, month: date, lang: str = "ja"
) -> tuple[list[list[str]], list[list[str]]]:
    """The eligible list and the audit trail; in Japanese the 判定, 見込み and 場所 columns are
    words (payroll reads them), in English the codes."""
    from datetime import UTC, date, datetime, time

    from bot.cli.rule_words import ELIGIBILITY_WORDS, PLACE_WORDS
    from domain.allowance import Eligibility, assess_month, data_range, month_index, place_on
    from domain.org import sections_of
    from domain.spreadsheet_text import csv_text
    from storage.allowance import SqlAllowance
    from storage.engine import session_factory
    from storage.org import SqlOrganisation

    calendar = policy.work_calendar()
    rules = policy.allowance
    today = datetime.now(UTC).astimezone(calendar.tz).date()
    first, last = data_range(month, rules)
    async with open_database(settings) as engine:
        sessions = session_factory(engine)
        store = SqlAllowance(sessions)
        directory = SqlOrganisation(sessions)
        orders = await store.orders()
        places = await store.places()
        days = await store.telework_days(first, last)
        staff = await directory.staff()
        chart = await directory.chart()
        next_month = date_after(month)
        closed_at = calendar.at(next_month, time(0, 0))
        month_end = date.fromordinal(next_month.toordinal() - 1)
        changes = await store.changes_after(month, month_end, closed_at)
    section_of = sections_of(staff, chart)
    people = {o.employee_id for o in orders}
    moves = {e: m.ministry_since for e, m in staff.items() if m.ministry_since is not None}
    results = assess_month(month, people, days, orders, places, rules, calendar, moves)
    ja = lang == "ja"
    eligible = []
    for result in results:
        if result.eligibility is Eligibility.NO or result.average is None:
            continue
        member = staff.get(result.employee_id)
        section = section_of.get(result.employee_id)
        place = place_on(places.get(result.employee_id, []), month_end)
        planned = any(month_index(m) > month_index(today) for m, _ in result.window)
        eligible.append(
            [
                result.employee_id,
                csv_text(member.name) if member else "",
                csv_text(chart.unit(section).name) if section else "",
                f"{month:%Y-%m}",
                ELIGIBILITY_WORDS[result.eligibility] if ja else result.eligibility.value,
                str(result.whole_days),
                f"{result.period_start:%Y-%m}" if result.period_start else "",
                ";".join(f"{m:%Y-%m}:{d}" for m, d in result.window),
                f"{result.average:g}",
                f"{rules.threshold_days:g}",
                ("はい" if planned else "いいえ") if ja else ("yes" if planned else "no"),
                (PLACE_WORDS[place][0] if ja else place.value) if place else "",
            ]
        )
    audit = [
        [
            at.astimezone(calendar.tz).strftime("%Y-%m-%d %H:%M"),
            actor,
            kind,
            subject,
            day.isoformat() if day else "",
        ]
        for at, actor, kind, subject, day in changes
    ]
    return eligible, audit


def date_after(month: date) -> date:
    """The first day of the next month."""
    from datetime import timedelta

    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)
