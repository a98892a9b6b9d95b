"""Text that a spreadsheet would run as a formula (CSV/formula injection, OWASP).

Excel and LibreOffice read a cell starting with = + - @, a tab or a carriage return as a
formula (=HYPERLINK(…) becomes a live link, DDE payloads run commands). Roster text (names,
unit names) reaches the CSV and Excel reports, so the roster import refuses such values and
the report writers store any that exist as text. Numbers a report computes are written as
numbers and are not text: a negative change is not neutralised.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def runs_as_formula(value: str) -> bool:
    """Whether a spreadsheet would take ``value`` for a formula."""
    return value.startswith(FORMULA_STARTS)


def csv_text(value: str) -> str:
    """``value`` for a CSV cell: with a leading ' when it would run as a formula (OWASP's
    advice; the quote tells the spreadsheet the cell is text)."""
    return "'" + value if runs_as_formula(value) else value
