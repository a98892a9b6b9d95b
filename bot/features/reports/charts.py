"""Report charts (matplotlib, Agg, no pyplot state): the monthly trend and the rate by org
unit, with Japanese labels in IPAex Gothic from the ``matplotlib-fontja`` package.

The font is located without importing ``matplotlib_fontja`` (its import changes matplotlib's
global settings) and used only inside ``rc_context`` while a chart is drawn.
"""

from __future__ import annotations

import importlib.util
import io
import textwrap
from datetime import datetime
from functools import cache
from pathlib import Path

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.features.reports.tables import counted_months, heading_lines, month_label
from bot.ui.texts import Lang, text
from domain.org import UnitKind
from domain.report_rows import Report, UnitRow

FONT_PACKAGE = "matplotlib_fontja"
FONT_FILE = "fonts/ipaexg.ttf"
MAX_UNITS = 30  # bars in the by-unit chart (largest units first)


@cache
def font_path() -> Path:
    """The Japanese font file (IPAexGothic, IPA Font License) shipped by matplotlib-fontja."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the Japanese font package matplotlib-fontja is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / FONT_FILE
    if not path.is_file():
        raise RuntimeError(f"the Japanese font is missing: {path}")
    return path


@cache
def font_family() -> str:
    """Register the font with matplotlib once; its family name."""
    font_manager.fontManager.addfont(str(font_path()))
    return str(font_manager.FontProperties(fname=str(font_path())).get_name())


def chart_units(report: Report) -> list[UnitRow]:
    """The bars of the by-unit chart: bureaus (局・部) when there are several, else sections,
    else every row; in the order of the by-unit table, at most MAX_UNITS."""
    rows = [r for r in report.current.units if r.tally.headcount]
    for kind in (UnitKind.BUREAU, UnitKind.SECTION):
        picked = [r for r in rows if r.unit.kind is kind and r.depth == min(x.depth for x in rows)]
        if len(picked) > 1:
            rows = picked
            break
    return rows[:MAX_UNITS]


def once_a_month_labels(report: Report) -> list[str]:
    """月1回以上実施率 of each month that has started, drawn above its bar."""
    total = report.current.overview[-1].tally
    rates = [total.once_a_month_rate(i) for i in range(counted_months(report))]
    return ["" if r is None else f"{r * 100:.0f}%" for r in rates]


def chart_texts(report: Report, lang: Lang, generated: datetime) -> list[str]:
    """Every string the chart draws (the tests check the font has each character)."""
    labels = [month_label(m.start, lang) for m in report.current.months]
    labels += [r.unit.name for r in chart_units(report)]
    labels += [text(lang, k) for k in ("report.chart.monthly", "report.chart.by_unit")]
    labels += once_a_month_labels(report)
    labels += [text(lang, f"report.col.{k}") for k in ("month_teleworkers", "person_days", "rate")]
    return labels + heading_lines(report, lang, generated)[:4] + [_footer(report, lang, generated)]


def _footer(report: Report, lang: Lang, generated: datetime) -> str:
    lines = heading_lines(report, lang, generated)
    width = 75 if lang == "ja" else 150  # a wide character takes about two
    return "\n".join([*textwrap.wrap(lines[4], width), lines[6]])


def report_png(report: Report, lang: Lang, generated: datetime, *, dpi: int = 100) -> bytes:
    """Both charts in one PNG with the report's heading and footer."""
    units = chart_units(report)
    with rc_context({"font.family": font_family(), "axes.unicode_minus": False}):
        height = 7.5 + 0.28 * len(units)
        figure = Figure(figsize=(10, height), dpi=dpi, layout="constrained")
        FigureCanvasAgg(figure)
        lines = heading_lines(report, lang, generated)
        figure.suptitle("\n".join([lines[0], lines[1], lines[3]]), fontsize=11)
        monthly, by_unit = figure.subplots(2, 1, height_ratios=[3.2, max(1.5, 0.28 * len(units))])
        _monthly(monthly, report, lang)
        _by_unit(by_unit, units, lang)
        figure.supxlabel(_footer(report, lang, generated), fontsize=7, x=0.01, ha="left")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _monthly(axes: object, report: Report, lang: Lang) -> None:
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    total = report.current.overview[-1].tally
    labels = [month_label(m.start, lang) for m in report.current.months]
    # Months after the reference day are left empty (no bar, no point), never drawn as 0.
    counted = counted_months(report)
    people = [m.implementers for m in total.months[:counted]]
    days = [m.person_days for m in total.months[:counted]]
    where = list(range(counted))
    bars = axes.bar(
        where, people, color="#4E79A7", label=text(lang, "report.col.month_teleworkers")
    )
    axes.bar_label(bars, labels=once_a_month_labels(report), fontsize=7, padding=2)
    axes.set_xticks(range(len(labels)), labels)
    axes.set_xlim(-0.6, len(labels) - 0.4)
    axes.set_ylabel(text(lang, "report.col.month_teleworkers"))
    axes.set_title(text(lang, "report.chart.monthly"), fontsize=11)
    # Counts are never negative: both axes start at 0 and, with nothing to show, still have
    # a positive range (matplotlib centres an all-zero series on 0, showing -0.05…0.05).
    axes.set_ylim(0, _top(people))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    twin = axes.twinx()
    twin.plot(where, days, color="#E15759", marker="o", label=text(lang, "report.col.person_days"))
    twin.set_ylabel(text(lang, "report.col.person_days"))
    twin.set_ylim(0, _top(days))
    handles = axes.get_legend_handles_labels()
    more = twin.get_legend_handles_labels()
    axes.legend(handles[0] + more[0], handles[1] + more[1], loc="upper left", fontsize=8)


def _top(values: list[int] | list[float]) -> float:
    """The top of a count axis: a little above the largest value, at least 1."""
    return max(1.0, float(max(values, default=0)) * 1.1)


def _by_unit(axes: object, units: list[UnitRow], lang: Lang) -> None:
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    names = [r.unit.name for r in reversed(units)]
    rates = [(r.tally.rate or 0.0) * 100 for r in reversed(units)]
    bars = axes.barh(names, rates, color="#59A14F")
    axes.bar_label(bars, labels=[f"{v:.1f}%" for v in rates], fontsize=7, padding=2)
    axes.set_xlim(0, 105)
    axes.set_xlabel(f"{text(lang, 'report.col.rate')} (%)")
    axes.set_title(text(lang, "report.chart.by_unit"), fontsize=11)
    axes.tick_params(axis="y", labelsize=8)


def monthly_figure(report: Report, lang: Lang, *, dpi: int = 60) -> Figure:
    """The monthly trend alone (drawn by :func:`monthly_png`)."""
    figure = Figure(figsize=(8, 3.6), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    _monthly(figure.subplots(), report, lang)
    return figure


def monthly_png(report: Report, lang: Lang, *, dpi: int = 60) -> bytes:
    """The monthly trend alone, small enough to travel inside a chat card."""
    with rc_context({"font.family": font_family(), "axes.unicode_minus": False}):
        figure = monthly_figure(report, lang, dpi=dpi)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
