"""A report as labelled tables and heading lines, in Japanese or English: what every writer
(CSV, Excel, Markdown, the chat card) renders, so that all outputs say the same thing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from bot.ui.eras import era_date, era_fiscal_year, era_month
from bot.ui.formatting import short_date
from bot.ui.texts import Lang, text
from domain.report_model import CategoryTally, RangeKind, Scope, Tally
from domain.report_rows import Report, ReportBody

SUPPRESSED = object()  # a suppressed cell (＊)
BLANK = ""  # a figure that does not exist yet (a month after the reference day)


class Kind(StrEnum):
    """How a column's values are written (and formatted in Excel)."""

    TEXT = "text"
    COUNT = "count"  # 1,234
    RATE = "rate"  # 12.3%
    DAYS = "days"  # 1,234.5 person-days
    RATIO = "ratio"  # 2.50 days per person


Cell = str | int | float | None | object  # None: not applicable (—); SUPPRESSED: ＊


@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind


@dataclass(frozen=True)
class Table:
    """One table: its sheet name, columns, rows, and a line to print above it if any."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None
    row_kinds: tuple[Kind, ...] | None = None  # for TEXT columns holding each row's figure

    def kind_of(self, row: int, column: int) -> Kind:
        """How the cell at (row, column) is written."""
        kind = self.columns[column].kind
        if kind is Kind.TEXT and self.row_kinds is not None and column >= 2:
            return self.row_kinds[row]
        return kind


def wareki(day: date, lang: Lang) -> str:
    """令和8年4月1日 (平成31年4月30日, 令和元年5月1日: ``bot.ui.eras``) or 1 April 2026."""
    if lang == "en":
        return f"{day.day} {day.strftime('%B')} {day.year}"
    return era_date(day)


def period_text(body: ReportBody, lang: Lang) -> str:
    """令和8年度（令和8年4月1日～令和9年3月31日）, 令和8年7月（…）, or the dates."""
    r = body.range
    span = f"{wareki(r.start, lang)}{'～' if lang == 'ja' else ' – '}{wareki(r.end, lang)}"
    if r.kind is RangeKind.FISCAL_YEAR:
        name = era_fiscal_year(r.fiscal_year) if lang == "ja" else f"FY{r.fiscal_year}"
        return f"{name}（{span}）" if lang == "ja" else f"{name} ({span})"
    if r.kind is RangeKind.MONTH:
        name = era_month(r.start) if lang == "ja" else r.start.strftime("%B %Y")
        return f"{name}（{span}）" if lang == "ja" else f"{name} ({span})"
    return span


def counted_span(body: ReportBody, lang: Lang) -> str:
    """The days a body counts: its range's first day to its reference day."""
    dash = "～" if lang == "ja" else " – "
    return f"{wareki(body.range.start, lang)}{dash}{wareki(body.reference_day, lang)}"


def scope_text(report: Report, lang: Lang) -> str:
    first = report.current.overview[0]
    if first.unit is not None:
        return first.unit.code.replace("/", "・")
    if report.request.scope is Scope.ALL:
        return text(lang, "report.scope.all_long")
    return text(lang, f"report.scope.{report.request.scope.value}")


def heading_lines(report: Report, lang: Lang, generated: datetime) -> list[str]:
    """Title, period, reference day, scope, denominator, exclusions, time produced."""
    body = report.current
    ex = body.exclusions
    return [
        text(lang, "report.title"),
        text(lang, "report.period", period=period_text(body, lang)),
        text(lang, "report.reference_day", day=wareki(body.reference_day, lang)),
        text(lang, "report.scope", scope=scope_text(report, lang)),
        text(lang, "report.denominator"),
        text(
            lang,
            "report.exclusions",
            left=ex.left,
            exempt=ex.exempt,
            conditional=ex.conditional,
            unknown=ex.unknown_unit,
            not_covered=ex.not_covered,
        ),
        text(lang, "report.generated", at=generated.strftime("%Y-%m-%d %H:%M %Z").strip()),
    ]


def rule_lines(report: Report, lang: Lang, half_day: float) -> list[str]:
    return [
        text(lang, "report.rule.movers"),
        text(
            lang,
            "report.rule.counting",
            half=f"{half_day:g}",
            standard=_hours(report.counting.standard_working_day, lang),
        ),
        text(lang, "report.rule.closed_days"),
        text(lang, "report.rule.targets"),
        text(
            lang,
            f"report.rule.aims.{report.aims.judged}",
            days=report.aims.min_working_days,
        ),
        text(lang, "report.rule.once_a_month"),
        text(lang, "report.rule.privacy", k=report.min_group_size),
        text(lang, "report.rule.meetings"),
    ]


def _hours(value: time, lang: Lang) -> str:
    """7時間45分 / 7 h 45 min."""
    if lang == "en":
        return f"{value.hour} h {value.minute} min" if value.minute else f"{value.hour} h"
    return f"{value.hour}時間{value.minute}分" if value.minute else f"{value.hour}時間"


_FIGURES = (
    ("headcount", Kind.COUNT),
    ("eligible", Kind.COUNT),
    ("implementers", Kind.COUNT),
    ("implementers_eligible", Kind.COUNT),
    ("rate", Kind.RATE),
    ("rate_eligible", Kind.RATE),
    ("once_a_month", Kind.RATE),
    ("teleworkers", Kind.COUNT),
    ("occasions", Kind.COUNT),
    ("person_days", Kind.DAYS),
    ("full_days", Kind.COUNT),
    ("half_days", Kind.COUNT),
    ("days_per_person", Kind.RATIO),
    ("meetings", Kind.COUNT),
)


def _figures(t: Tally, complete_months: int) -> tuple[Cell, ...]:
    return (
        t.headcount,
        t.eligible,
        t.implementers,
        t.implementers_eligible,
        t.rate,
        t.rate_eligible,
        t.once_a_month_average(complete_months),
        t.teleworkers,
        t.occasions,
        t.person_days,
        t.full_days,
        t.half_days,
        t.days_per_implementer,
        t.meetings,
    )


def _columns(lang: Lang, *first: tuple[str, Kind]) -> tuple[Column, ...]:
    return tuple(Column(text(lang, f"report.col.{key}"), kind) for key, kind in first)


def group_label(report: Report, index: int, lang: Lang) -> str:
    row = report.current.overview[index]
    if row.unit is not None:
        return row.unit.name
    return text(lang, f"report.scope.{row.scope.value}")


def overview_table(report: Report, lang: Lang) -> Table:
    columns = _columns(lang, ("group", Kind.TEXT), *_FIGURES)
    rows = tuple(
        (group_label(report, i, lang), *_figures(r.tally, report.current.complete_months))
        for i, r in enumerate(report.current.overview)
    )
    return Table(text(lang, "report.table.overview"), columns, rows)


def month_label(month: date, lang: Lang) -> str:
    return f"{month.month}月" if lang == "ja" else month.strftime("%b %Y")


def counted_months(report: Report) -> int:
    """How many of the report's months have started by the reference day."""
    body = report.current
    return sum(1 for m in body.months if m.start <= body.reference_day)


def months_table(report: Report, lang: Lang) -> Table:
    columns = _columns(
        lang,
        ("group", Kind.TEXT),
        ("month", Kind.TEXT),
        ("month_teleworkers", Kind.COUNT),
        ("rate", Kind.RATE),
        ("once_a_month_month", Kind.RATE),
        ("occasions", Kind.COUNT),
        ("person_days", Kind.DAYS),
        ("full_days", Kind.COUNT),
        ("half_days", Kind.COUNT),
    )
    rows: list[tuple[Cell, ...]] = []
    reference_day = report.current.reference_day
    for i, row in enumerate(report.current.overview):
        group, headcount = group_label(report, i, lang), row.tally.headcount
        for index, (period, m) in enumerate(
            zip(report.current.months, row.tally.months, strict=True)
        ):
            if period.start > reference_day:  # not yet: blank, not 0
                rows.append((group, month_label(period.start, lang), *(BLANK,) * 7))
                continue
            rate = m.implementers / headcount if headcount else None
            rows.append(
                (
                    group,
                    month_label(period.start, lang),
                    m.implementers,
                    rate,
                    row.tally.once_a_month_rate(index),
                    m.occasions,
                    m.person_days,
                    m.full_days,
                    m.half_days,
                )
            )
    return Table(text(lang, "report.table.months"), columns, tuple(rows))


def units_table(report: Report, lang: Lang) -> Table:
    columns = _columns(lang, ("unit", Kind.TEXT), ("office", Kind.TEXT), *_FIGURES)
    rows = tuple(
        (
            "　" * r.depth + r.unit.name,
            text(lang, f"report.scope.{r.unit.office.value}"),
            *_figures(r.tally, report.current.complete_months),
        )
        for r in report.current.units
    )
    return Table(text(lang, "report.table.units"), columns, rows)


def _target(report: Report, cid: str, lang: Lang) -> str:
    category = dict(report.categories)[cid]
    period = text(lang, f"report.target.{category.target.period.value}")
    key = "report.target.aim" if category.target.strength == "aim" else "report.target"
    return text(lang, key, count=category.target.count, period=period)


def _category_cells(c: CategoryTally) -> tuple[Cell, ...]:
    if c.suppressed:
        return (SUPPRESSED,) * 6
    return (c.members, c.attained, c.rate, c.periods_judged, c.periods_met, c.period_rate)


def targets_table(report: Report, lang: Lang) -> Table:
    columns = _columns(
        lang,
        ("group", Kind.TEXT),
        ("category", Kind.TEXT),
        ("target", Kind.TEXT),
        ("members", Kind.COUNT),
        ("attained", Kind.COUNT),
        ("attained_rate", Kind.RATE),
        ("periods_judged", Kind.COUNT),
        ("periods_met", Kind.COUNT),
        ("period_rate", Kind.RATE),
    )
    groups = [
        (group_label(report, i, lang), r.tally) for i, r in enumerate(report.current.overview)
    ]
    groups += [("　" * r.depth + r.unit.name, r.tally) for r in report.current.units]
    rows = tuple(
        (
            label,
            category.name(lang),
            _target(report, cid, lang),
            *_category_cells(t.categories[cid]),
        )
        for label, t in groups
        for cid, category in report.categories
    )
    return Table(text(lang, "report.table.targets"), columns, rows)


def week_table(report: Report, lang: Lang) -> Table | None:
    """Participation by section; 「実施なし」 when no Telework Week was held this fiscal year
    (nothing when one was held outside the report's range)."""
    week = report.current.telework_week
    if week is None:
        if report.request.telework_week is not None:
            return None
        column = Column(text(lang, "report.table.week"), Kind.TEXT)
        line = text(lang, "report.week.not_held")
        return Table(text(lang, "report.table.week"), (column,), ((line,),))
    columns = (
        *_columns(
            lang,
            ("bureau", Kind.TEXT),
            ("section", Kind.TEXT),
            ("headcount", Kind.COUNT),
            ("eligible", Kind.COUNT),
            ("participants", Kind.COUNT),
            ("participation", Kind.RATE),
        ),
        *(Column(short_date(d, lang), Kind.COUNT) for d in week.days),
        *_columns(lang, ("person_days", Kind.DAYS), ("met", Kind.TEXT)),
    )
    rows = tuple(
        (
            r.bureau.name if r.bureau else "",
            r.section.name,
            r.headcount,
            r.eligible,
            r.participants,
            r.participants / r.headcount if r.headcount else None,
            *r.per_day,
            r.person_days,
            text(lang, "report.met" if r.met else "report.not_met"),
        )
        for r in week.sections
    )
    note = text(
        lang,
        "report.week.title",
        start=short_date(week.start, lang),
        end=short_date(week.end, lang),
        met=week.sections_met,
        sections=len(week.sections),
    )
    return Table(text(lang, "report.table.week"), columns, rows, note)


_Read = Callable[[Tally, int], float | None]
_COMPARED: tuple[tuple[str, Kind, _Read], ...] = (
    ("headcount", Kind.COUNT, lambda t, _: t.headcount),
    ("eligible", Kind.COUNT, lambda t, _: t.eligible),
    ("implementers", Kind.COUNT, lambda t, _: t.implementers),
    ("rate", Kind.RATE, lambda t, _: t.rate),
    ("rate_eligible", Kind.RATE, lambda t, _: t.rate_eligible),
    ("once_a_month", Kind.RATE, lambda t, n: t.once_a_month_average(n)),
    ("teleworkers", Kind.COUNT, lambda t, _: t.teleworkers),
    ("person_days", Kind.DAYS, lambda t, _: t.person_days),
    ("days_per_person", Kind.RATIO, lambda t, _: t.days_per_implementer),
    ("meetings", Kind.COUNT, lambda t, _: t.meetings),
)


def comparison_table(report: Report, lang: Lang) -> Table:
    """This year against the same range a year earlier; the change column carries the
    figure's own kind (a rate's change is in percentage points, formatted as %)."""
    columns = _columns(
        lang,
        ("group", Kind.TEXT),
        ("metric", Kind.TEXT),
        ("current", Kind.TEXT),
        ("previous", Kind.TEXT),
        ("change", Kind.TEXT),
    )
    rows: list[tuple[Cell, ...]] = []
    for i, (now, before) in enumerate(
        zip(report.current.overview, report.previous.overview, strict=True)
    ):
        for key, _kind, read in _COMPARED:
            a = read(now.tally, report.current.complete_months)
            b = read(before.tally, report.previous.complete_months)
            change = a - b if a is not None and b is not None else None
            rows.append(
                (group_label(report, i, lang), text(lang, f"report.col.{key}"), a, b, change)
            )
    kinds = tuple(kind for _ in report.current.overview for _, kind, _ in _COMPARED)
    note = text(
        lang,
        "report.comparison.note",
        previous=counted_span(report.previous, lang),
        current=counted_span(report.current, lang),
    )
    return Table(text(lang, "report.table.comparison"), columns, tuple(rows), note, kinds)


def people_table(report: Report, lang: Lang) -> Table | None:
    """Admins only (the caller decides); care situations never appear."""
    if not report.request.per_person:
        return None
    columns = _columns(
        lang,
        ("employee_id", Kind.TEXT),
        ("name", Kind.TEXT),
        ("unit", Kind.TEXT),
        ("eligible_flag", Kind.TEXT),
        ("reason", Kind.TEXT),
        ("occasions", Kind.COUNT),
        ("person_days", Kind.DAYS),
        ("full_days", Kind.COUNT),
        ("half_days", Kind.COUNT),
        ("week_days", Kind.COUNT),
    )
    rows = tuple(
        (
            p.employee_id,
            p.name,
            p.unit.replace("/", "・"),
            text(lang, "report.yes" if p.eligible else "report.no"),
            text(lang, f"report.reason.{p.not_eligible_reason}") if p.not_eligible_reason else "",
            p.occasions,
            p.person_days,
            p.full_days,
            p.half_days,
            p.telework_week_days,
        )
        for p in report.current.people
    )
    return Table(text(lang, "report.table.people"), columns, rows)


def all_tables(report: Report, lang: Lang) -> list[Table]:
    """Every table of the report, in the order outputs show them (the 2026 rules' tables
    before the per-person list)."""
    from bot.features.reports.rules_tables import rules_tables  # it builds on this module

    tables = [
        overview_table(report, lang),
        months_table(report, lang),
        units_table(report, lang),
        targets_table(report, lang),
        week_table(report, lang),
        comparison_table(report, lang),
        *rules_tables(report, lang),
        people_table(report, lang),
    ]
    return [t for t in tables if t is not None]
