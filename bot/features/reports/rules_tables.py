"""The 2026 rules' tables of the report (issue 18 §3): the 在宅勤務等手当 eligible headcount
and the 勤務間インターバル warnings, per 課室 and month. Counts only, never who."""

from __future__ import annotations

from bot.features.reports.tables import BLANK, Cell, Column, Kind, Table, month_label
from bot.ui.texts import Lang, text
from domain.report_rows import Report
from domain.report_rules import RulesFigures

ELIGIBLE, WARNINGS = "eligible", "warnings"


def rules_tables(report: Report, lang: Lang) -> list[Table]:
    """The tables the policy turns on; none when the report was made without the rules'
    inputs."""
    figures = report.rules
    if figures is None:
        return []
    tables = []
    if figures.allowance:
        tables.append(_table(figures, ELIGIBLE, lang))
    if figures.interval:
        tables.append(_table(figures, WARNINGS, lang))
    return tables


def _table(figures: RulesFigures, column: str, lang: Lang) -> Table:
    """One row per 課室 and a total; one column per month (blank after the reference day);
    interval warnings also add up over the year (a headcount does not)."""
    name = "allowance" if column == ELIGIBLE else "interval"
    yearly = column == WARNINGS
    columns = (
        Column(text(lang, "report.col.section"), Kind.TEXT),
        *(Column(month_label(m, lang), Kind.COUNT) for m in figures.months),
        *((Column(text(lang, "report.col.year_total"), Kind.COUNT),) if yearly else ()),
    )
    rows: list[tuple[Cell, ...]] = []
    for row in figures.sections:
        values = getattr(row, column)
        cells: list[Cell] = [BLANK if v is None else v for v in values]
        if yearly:
            cells.append(sum(v or 0 for v in values))
        rows.append((row.section.code.replace("/", "・"), *cells))
    totals = [figures.total(column, i) for i in range(len(figures.months))]
    total_cells: list[Cell] = [BLANK if v is None else v for v in totals]
    if yearly:
        total_cells.append(sum(v or 0 for v in totals))
    rows.append((text(lang, "report.rules.total"), *total_cells))
    note = text(lang, f"report.rules.{name}_note")
    return Table(text(lang, f"report.table.{name}"), columns, tuple(rows), note)
