"""Report outputs of the hand-computed organisation: Excel read back, CSV, Markdown, the
charts (size, and no glyph missing from the Japanese font) and the chat card."""

from __future__ import annotations

import base64
import csv
import io
import logging
import warnings
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from fontTools.ttLib import TTFont
from openpyxl import load_workbook

from bot.features.reports.card import summary_card, telework_week
from bot.features.reports.charts import (
    chart_texts,
    font_path,
    monthly_png,
    once_a_month_labels,
    report_png,
)
from bot.features.reports.outputs import to_csv, to_markdown, to_xlsx
from bot.features.reports.tables import counted_months
from domain.campaigns import Campaign, CampaignKind
from domain.org import Office, OrgUnit, StaffMember, UnitKind
from domain.policy import default_policy
from domain.report_history import StaffHistory
from domain.report_model import ReportRange, ReportRequest
from domain.report_rows import Report, ReportInputs
from domain.reports import build_report
from domain.spreadsheet_text import FORMULA_STARTS
from tests.report_org import TELEWORK_WEEK, inputs

POLICY = default_policy()
CALENDAR = POLICY.work_calendar()
GENERATED = datetime(2027, 4, 5, 10, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
PNG = b"\x89PNG\r\n\x1a\n"


def report(per_person: bool = False) -> Report:
    request = ReportRequest(
        ReportRange.fiscal_year_of(2026, CALENDAR),
        telework_week=TELEWORK_WEEK,
        per_person=per_person,
    )
    return build_report(request, inputs(date(2025, 3, 25), date(2027, 4, 7)), POLICY, CALENDAR)


def test_excel_has_a_sheet_per_table_with_headings_frozen_panes_and_formats() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(report(per_person=True), "ja", GENERATED, 0.5)))
    assert book.sheetnames == [
        "概要",
        "月別",
        "組織別",
        "目標・目安の達成",
        "テレワーク・ウィーク",
        "前年度同期比較",
        "職員別",
        "集計方法",
    ]
    overview = book["概要"]
    heading = [overview.cell(row=r, column=1).value for r in range(1, 8)]
    assert heading[0] == "テレワーク実施状況報告"
    assert heading[1] == "対象期間: 令和8年度（令和8年4月1日～令和9年3月31日）"
    assert heading[2].startswith("基準日: 令和9年3月31日")
    assert heading[3] == "対象範囲: 全体（本省・地方支分部局等）"
    assert heading[4].startswith("分母: 職員数＝基準日に在職する職員")
    assert "期間中の退職者等 1名" in heading[5]
    assert heading[6] == "作成日時: 2027-04-05 10:30 JST"
    # header row 9 (7 heading lines, a blank row), frozen below it and after column A
    assert overview["A9"].value == "区分"
    assert overview.freeze_panes == "B10"
    total = [c.value for c in overview[12]]
    assert total[:5] == ["全体", 18, 17, 14, 14]
    rate = overview.cell(row=12, column=6)
    assert rate.value == pytest.approx(14 / 18)
    assert rate.number_format == "0.0%"
    assert overview.cell(row=12, column=2).number_format == "#,##0"
    # 月1回以上実施率: 30 eligible person-months of 12 × 17 (see tests/domain/test_reports.py)
    assert overview.cell(row=12, column=8).value == pytest.approx(30 / 204)
    assert overview.cell(row=12, column=9).value == 15  # 期間中の実施者数 (P12 too)
    assert overview.cell(row=12, column=11).number_format == "#,##0.0"  # 延べ人日 31.0
    assert overview.cell(row=12, column=11).value == 31.0
    assert overview.column_dimensions["A"].width >= 14  # 地方支分部局等 (7 wide characters)
    # every table sheet states period and scope in its heading
    for name in book.sheetnames:
        assert book[name]["A2"].value.startswith("対象期間: 令和8年度")
    # suppressed care cells are ＊, never a number
    targets = book["目標・目安の達成"]
    care = [row for row in targets.iter_rows(values_only=True) if row[1] == "育児・介護を行う職員"]
    assert care and all(row[3] == "＊" for row in care)
    week = book["テレワーク・ウィーク"]
    assert week["A8"].value.startswith("テレワーク・ウィーク 7/20(月)～7/24(金)：2／3課室")


def test_csv_starts_with_the_heading_and_holds_every_table() -> None:
    data = to_csv(report(), "ja", GENERATED, 0.5)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 correctly
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["対象期間: 令和8年度（令和8年4月1日～令和9年3月31日）"]
    assert ["[概要]"] in rows
    total = rows[rows.index(["[概要]"]) + 4]
    assert total[:7] == ["全体", "18", "17", "14", "14", "77.8%", "82.4%"]


def test_markdown_in_english() -> None:
    md = to_markdown(report(), "en", GENERATED, 0.5).decode()
    assert "- Period: FY2026 (1 April 2026 – 31 March 2027)" in md
    assert (
        "| All | 18 | 17 | 14 | 14 | 77.8% | 82.4% | 14.7% | 15 | 33 | 31.0 | 29 | 4 | 2.07 | 2 |"
        in md
    )


def test_the_people_sheet_is_only_there_when_asked_and_never_names_care() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(report(), "ja", GENERATED, 0.5)))
    assert "職員別" not in book.sheetnames
    people = to_csv(report(per_person=True), "ja", GENERATED, 0.5).decode("utf-8-sig")
    section = people[people.index("[職員別]") :]
    assert "育児" not in section
    assert "介護" not in section


def _drawn(draw: object) -> tuple[bytes, list[str]]:
    """Run a chart and collect every missing-glyph complaint (warning or log)."""
    complaints: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: complaints.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("matplotlib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            png = draw()  # type: ignore[operator]
    finally:
        logger.removeHandler(handler)
    complaints += [str(w.message) for w in caught]
    return png, [c for c in complaints if "glyph" in c.lower() or "missing" in c.lower()]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charts_render_every_glyph_and_stay_small(lang: str) -> None:
    r = report()
    png, missing = _drawn(lambda: report_png(r, lang, GENERATED))  # type: ignore[arg-type]
    assert missing == []
    assert png.startswith(PNG)
    assert 20_000 < len(png) < 1_000_000
    small, missing = _drawn(lambda: monthly_png(r, lang))  # type: ignore[arg-type]
    assert missing == []
    assert small.startswith(PNG) and len(small) < 100_000


def test_the_font_has_every_character_the_charts_use() -> None:
    cmap = TTFont(str(font_path()), fontNumber=0).getBestCmap()
    for lang in ("ja", "en"):
        used = {ch for label in chart_texts(report(), lang, GENERATED) for ch in label}  # type: ignore[arg-type]
        absent = sorted(ch for ch in used if ch not in "\n" and ord(ch) not in cmap)
        assert absent == [], f"{lang}: {absent}"


def test_a_missing_glyph_would_be_caught() -> None:
    """The check above can fail: a character outside IPAex Gothic (an emoji here:
    the font does not cover) is absent from the cmap the check reads."""
    cmap = TTFont(str(font_path()), fontNumber=0).getBestCmap()
    assert ord("😀") not in cmap


def test_the_chat_card_summarises_and_carries_the_chart() -> None:
    r = report()
    card = summary_card(r, "ja", monthly_png(r, "ja"))
    texts = [b.get("text", "") for b in card["body"]]
    assert texts[0] == "テレワーク実施状況（令和8年度（令和8年4月1日～令和9年3月31日））"
    assert "・実施率 77.8%（実施者 14名／職員 18名）" in texts
    assert "・前年度同期: 実施率 23.5%（+54.2ポイント）" in texts
    assert any("育児・介護を行う職員 ＊" in t for t in texts)
    assert "・テレワーク・ウィーク: 2／3課室で1名以上" in texts
    (image,) = [b for b in card["body"] if b["type"] == "Image"]
    assert image["url"].startswith("data:image/png;base64,")
    assert base64.b64decode(image["url"].split(",", 1)[1]).startswith(PNG)
    assert texts[-1].startswith("作成日時:")


LINK = '=HYPERLINK("http://evil.example/","x")'
BUREAU, SECTION, SUB = "=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0"


def _hostile_report() -> Report:
    """Roster text that starts like a formula (as a database filled before the import
    refused it could hold), in names, units, sections and employee ids; fewer people
    telework than the year before, so the comparison has negative changes."""
    units = [
        OrgUnit(BUREAU, BUREAU, UnitKind.BUREAU, Office.HEAD_OFFICE),
        OrgUnit(f"{BUREAU}/{SECTION}", SECTION, UnitKind.SECTION, Office.HEAD_OFFICE, BUREAU),
        OrgUnit(
            f"{BUREAU}/{SECTION}/係",
            SUB,
            UnitKind.SUBSECTION,
            Office.HEAD_OFFICE,
            f"{BUREAU}/{SECTION}",
        ),
    ]
    names = [LINK, "-2+3", "\t=cmd", "@A1", "普通 の名前"]
    staff = [
        StaffMember(f"-E{i}", name, f"e{i}@example.go.jp", units[1 + i % 2].code, date(2015, 4, 1))
        for i, name in enumerate(names)
    ]
    occasions = {
        m.employee_id: [(date(2025, 7, 22), "full"), (date(2025, 9, 10), "full")]
        + ([(date(2026, 7, 21), "am")] if i < 2 else [])
        for i, m in enumerate(staff)
    }
    request = ReportRequest(
        ReportRange.fiscal_year_of(2026, CALENDAR), telework_week=TELEWORK_WEEK, per_person=True
    )
    return build_report(
        request, ReportInputs(units, staff, occasions, StaffHistory([])), POLICY, CALENDAR
    )


def test_roster_text_never_becomes_a_formula_in_excel() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(_hostile_report(), "ja", GENERATED, 0.5)))
    texts: set[str] = set()
    negative = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value.strip("　"))
                    if cell.value.startswith(FORMULA_STARTS):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate)
                elif isinstance(cell.value, int | float) and cell.value < 0:
                    negative += 1  # a computed change stays a number
    # the text is kept as it is (no quote added), in the people and Telework Week sheets too
    assert {LINK, "-2+3", "\t=cmd", "@A1", BUREAU, SECTION, "-E0"} <= texts
    assert negative > 0
    people = [r for r in book["職員別"].iter_rows(values_only=True) if r[0] == "-E0"]
    assert people and people[0][1] == LINK
    assert f"{BUREAU}・{SECTION}・係" in {r[2] for r in book["職員別"].iter_rows(values_only=True)}
    week = [r for r in book["テレワーク・ウィーク"].iter_rows(values_only=True) if r[1] == SECTION]
    assert week and week[0][0] == BUREAU


def test_roster_text_is_neutralised_in_csv_and_numbers_are_not() -> None:
    data = to_csv(_hostile_report(), "ja", GENERATED, 0.5).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(data)) for cell in row]
    assert f"'{LINK}" in cells and "'-2+3" in cells and "'\t=cmd" in cells
    assert f"'{BUREAU}" in cells and f"'{SECTION}" in cells and "'-E0" in cells
    risky = [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert risky  # computed negative changes ...
    for cell in risky:  # ... and nothing else
        float(cell.rstrip("%"))


@pytest.mark.parametrize(
    ("fiscal_year", "name"),
    [(2019, "令和元年度"), (2018, "平成30年度"), (2017, "平成29年度")],
)
def test_reports_of_earlier_years_name_their_era(fiscal_year: int, name: str) -> None:
    """Issue 14 item 7: not 令和1年度, 令和0年度, 令和-1年度."""
    request = ReportRequest(ReportRange.fiscal_year_of(fiscal_year, CALENDAR))
    r = build_report(request, inputs(date(2017, 3, 25), date(2020, 4, 7)), POLICY, CALENDAR)
    csv_text = to_csv(r, "ja", GENERATED, 0.5).decode("utf-8-sig")
    assert f"対象期間: {name}（" in csv_text
    card = summary_card(r, "ja")
    assert card["body"][0]["text"].startswith(f"テレワーク実施状況（{name}（")


def test_the_comparison_says_it_is_the_same_period() -> None:
    request = ReportRequest(
        ReportRange.fiscal_year_of(2026, CALENDAR), as_of=date(2026, 12, 2), telework_week=None
    )
    r = build_report(request, inputs(date(2025, 3, 25), date(2027, 4, 7)), POLICY, CALENDAR)
    markdown = to_markdown(r, "ja", GENERATED, 0.5).decode()
    assert "## 前年度同期比較" in markdown
    assert (
        "前年度同期: 令和7年4月1日～令和7年12月2日（今年度: 令和8年4月1日～令和8年12月2日）"
        in markdown
    )


def _mid_year(week: tuple[date, date] | None = TELEWORK_WEEK) -> Report:
    request = ReportRequest(
        ReportRange.fiscal_year_of(2026, CALENDAR), as_of=date(2026, 9, 30), telework_week=week
    )
    return build_report(request, inputs(date(2025, 3, 25), date(2027, 4, 7)), POLICY, CALENDAR)


def test_months_after_the_reference_day_are_blank_not_zero() -> None:
    """Issue 14 item 8: October … March of a report made on 9/30 are empty cells."""
    rows = list(
        csv.reader(io.StringIO(to_csv(_mid_year(), "ja", GENERATED, 0.5).decode("utf-8-sig")))
    )
    start = rows.index(["[月別]"]) + 2
    total = [r for r in rows[start:] if r and r[0] == "全体"][:12]
    assert [r[1] for r in total[5:7]] == ["9月", "10月"]
    assert total[5][3] == "11.8%"  # September: P06 and P15 of 17 people
    assert all(cell == "" for r in total[6:] for cell in r[2:]), total[6:]
    md = to_markdown(_mid_year(), "ja", GENERATED, 0.5).decode()
    assert "| 全体 | 10月 |  |  |" in md and "| 全体 | 10月 | 0 | 0.0%" not in md
    assert counted_months(_mid_year()) == 6


def test_no_telework_week_held_says_so() -> None:
    """Issue 14 item 8: without a Telework Week campaign the report says 「実施なし」 instead of
    counting the default July week."""
    r = _mid_year(week=None)
    assert r.current.telework_week is None
    md = to_markdown(r, "ja", GENERATED, 0.5).decode()
    assert "## テレワーク・ウィーク" in md and "（実施なし）" in md
    texts = [b.get("text", "") for b in summary_card(r, "ja")["body"]]
    assert "・テレワーク・ウィーク: 実施なし" in texts
    assert "Telework Week: not held" in "\n".join(
        b.get("text", "") for b in summary_card(r, "en")["body"]
    )


async def test_the_report_looks_up_a_held_week_only() -> None:
    class Campaigns:
        def __init__(self, held: list[Campaign]) -> None:
            self.held = held

        async def all(self, *, include_cancelled: bool = True) -> list[Campaign]:
            return self.held

    assert await telework_week(Campaigns([]), 2026, CALENDAR) is None  # was 7/20–7/24
    held = Campaign(
        "TW", CampaignKind.TELEWORK_WEEK, date(2026, 7, 6), date(2026, 7, 10), messages={}
    )
    assert await telework_week(Campaigns([held]), 2026, CALENDAR) == (
        date(2026, 7, 6),
        date(2026, 7, 10),
    )


def test_once_a_month_rate_is_in_the_card_and_the_chart() -> None:
    r = report()
    texts = [b.get("text", "") for b in summary_card(r, "ja")["body"]]
    assert "・月1回以上実施率 14.7%（12か月の平均、実施可能職員比）" in texts
    assert once_a_month_labels(r)[:4] == ["18%", "18%", "12%", "35%"]  # 3, 3, 2, 6 of 17
    assert "18%" in chart_texts(r, "ja", GENERATED)


def test_the_weekly_aim_is_called_an_aim() -> None:
    """Issue 14 item 9: 目安, judged on average, with the working-day rule stated."""
    md = to_markdown(report(), "ja", GENERATED, 0.5).decode()
    assert "| その他の職員 | 1回程度／週（目安） |" in md
    assert "## 目標・目安の達成" in md
    assert "勤務日が3日以上ある期間" in md
    en = to_markdown(report(), "en", GENERATED, 0.5).decode()
    assert "about 1 per week (aim)" in en
