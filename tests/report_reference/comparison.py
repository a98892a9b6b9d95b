"""The reference report reduced to what ``domain.reports`` now builds of the previous year:
the body for the comparison only (its overview rows without category figures, and the
exclusions; no unit rows, Telework Week or people). Every figure the comparison shows is
still compared."""

from __future__ import annotations

from dataclasses import replace

from domain.report_rows import Report


def for_comparison(report: Report) -> Report:
    """``report`` with the previous year's body as ``domain.reports`` builds it."""
    body = report.previous
    overview = tuple(replace(row, tally=replace(row.tally, categories={})) for row in body.overview)
    previous = replace(body, overview=overview, units=(), telework_week=None, people=())
    return replace(report, previous=previous)
