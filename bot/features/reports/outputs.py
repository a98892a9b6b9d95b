"""Report writers: CSV (UTF-8 with BOM, for Excel), Excel (one sheet per table, Japanese
headings, frozen header rows, number formats, fitted widths) and Markdown. Each output
starts with the heading lines: period, reference day, scope, denominator, exclusions and the
time it was produced, followed by the counting rules.

Text in CSV and Excel never becomes a formula (``domain.spreadsheet_text``): a CSV text cell
that starts like one gets a leading ', and every Excel text cell is stored as a string (and
marked as text for Excel's own editing when it starts like a formula). Computed figures are
numbers, not text, and are written as they are."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.features.reports.tables import (
    SUPPRESSED,
    Cell,
    Kind,
    Table,
    all_tables,
    heading_lines,
    rule_lines,
)
from bot.ui.texts import Lang, text
from domain.report_rows import Report
from domain.spreadsheet_text import csv_text, runs_as_formula

EXCEL_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.RATE: "0.0%",
    Kind.DAYS: "#,##0.0",
    Kind.RATIO: "0.00",
}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def display(value: Cell, kind: Kind, lang: Lang, *, grouping: bool = True) -> str:
    """A cell as text: 1,234 / 12.3% / 1,234.5 / 2.50; ＊ suppressed; — not applicable."""
    if value is SUPPRESSED:
        return text(lang, "report.suppressed")
    if value is None:
        return text(lang, "report.none")
    if isinstance(value, str):
        return value
    number = float(value)  # type: ignore[arg-type]
    comma = "," if grouping else ""
    if kind is Kind.RATE:
        return f"{number * 100:.1f}%"
    if kind is Kind.DAYS:
        return f"{number:{comma}.1f}"
    if kind is Kind.RATIO:
        return f"{number:.2f}"
    return f"{int(number):{comma}d}"


def to_csv(report: Report, lang: Lang, generated: datetime, half_day: float) -> bytes:
    """Every table in one CSV file, each preceded by its name; UTF-8 with a BOM."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    for line in (*heading_lines(report, lang, generated), *rule_lines(report, lang, half_day)):
        out.writerow([csv_text(line)])
    for table in all_tables(report, lang):
        out.writerow([])
        out.writerow(
            csv_text(t) for t in [f"[{table.name}]", *([table.note] if table.note else [])]
        )
        out.writerow(csv_text(c.label) for c in table.columns)
        for r, row in enumerate(table.rows):
            out.writerow(_csv_cell(v, table.kind_of(r, c), lang) for c, v in enumerate(row))
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell, kind: Kind, lang: Lang) -> str:
    shown = display(value, kind, lang, grouping=False)
    return csv_text(shown) if isinstance(value, str) else shown  # numbers stay numbers


def to_markdown(report: Report, lang: Lang, generated: datetime, half_day: float) -> bytes:
    lines = [f"# {heading_lines(report, lang, generated)[0]}", ""]
    lines += [f"- {line}" for line in heading_lines(report, lang, generated)[1:]]
    lines += ["", *(f"> {line}" for line in rule_lines(report, lang, half_day))]
    for table in all_tables(report, lang):
        lines += ["", f"## {table.name}", ""]
        if table.note:
            lines += [table.note, ""]
        lines.append("| " + " | ".join(c.label for c in table.columns) + " |")
        aligns = [
            "---" if c.kind is Kind.TEXT and table.row_kinds is None else "---:"
            for c in table.columns
        ]
        aligns[0] = "---"
        lines.append("| " + " | ".join(aligns) + " |")
        for r, row in enumerate(table.rows):
            cells = (display(v, table.kind_of(r, c), lang) for c, v in enumerate(row))
            lines.append("| " + " | ".join(cells) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_xlsx(report: Report, lang: Lang, generated: datetime, half_day: float) -> bytes:
    """One sheet per table, then the counting rules; see the module docstring."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    heading = heading_lines(report, lang, generated)
    for table in all_tables(report, lang):
        _sheet(book, table, heading, lang)
    rules = book.create_sheet("集計方法" if lang == "ja" else "Method")
    for i, line in enumerate([*heading, "", *rule_lines(report, lang, half_day)], start=1):
        _text(rules, i, 1, line).font = Font(bold=i == 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: Workbook, table: Table, heading: Sequence[str], lang: Lang) -> None:
    sheet = book.create_sheet(_sheet_name(table.name))
    lines = [heading[0], *heading[1:]]
    if table.note:
        lines.append(table.note)
    for i, line in enumerate(lines, start=1):
        _text(sheet, i, 1, line).font = Font(bold=i == 1, size=14 if i == 1 else 11)
    header_row = len(lines) + 2
    widths = [_width(c.label) for c in table.columns]
    for c, column in enumerate(table.columns, start=1):
        cell = _text(sheet, header_row, c, column.label)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            kind = table.kind_of(r, c)
            if value is SUPPRESSED or value is None or isinstance(value, str):
                cell = _text(sheet, header_row + 1 + r, c + 1, display(value, kind, lang))
                if not isinstance(value, str):
                    cell.alignment = Alignment(horizontal="right")
            else:
                cell = sheet.cell(row=header_row + 1 + r, column=c + 1, value=value)
                cell.number_format = EXCEL_FORMATS.get(kind, "General")
            widths[c] = max(widths[c], _width(display(value, kind, lang)))
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(60, width + 2)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    sheet.print_title_rows = f"{header_row}:{header_row}"


def _text(sheet: Worksheet, row: int, column: int, value: str) -> SheetCell | MergedCell:
    """Write ``value`` as a string cell: never a formula, whatever it starts with."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    cell.data_type = "s"  # openpyxl makes "=…" a formula; a string cell is shown as is
    if runs_as_formula(value):
        cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
    return cell


def _sheet_name(name: str) -> str:
    return "".join(ch for ch in name if ch not in "[]:*?/\\")[:31]


def _width(value: str) -> int:
    """Display width: East Asian wide and full-width characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)
