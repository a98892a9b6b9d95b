"""Reading roster files: CSV in UTF-8 (with or without BOM) or Shift_JIS/CP932, and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from domain.roster import RosterFormatError

ENCODINGS = ("utf-8-sig", "cp932")


def decode_csv(raw: bytes) -> str:
    """UTF-8 (a BOM is dropped) first, then CP932 (Windows Shift_JIS, what Japanese Excel
    writes); a file that is neither is refused rather than read with replacement characters."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterFormatError("the file is neither UTF-8 nor Shift_JIS (CP932) text")


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the data rows (with their line numbers in the file) of a roster."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _split(_xlsx_rows(path))
    text = decode_csv(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    for cells in reader:
        rows.append((reader.line_num, cells))
    return _split(iter(rows))


def _split(rows: Iterator[tuple[int, list[str]]]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        _line, header = next(rows)
    except StopIteration:
        raise RosterFormatError("the file is empty") from None
    return header, list(rows)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(value) for value in values]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
