"""Roster rows become staff records and units; every bad row has a line and a reason."""

from __future__ import annotations

from datetime import date

import pytest

from domain.org import EmploymentType, ExemptReason, Office, StaffMember, UnitKind
from domain.roster import (
    COLUMNS,
    NON_TEXT_COLUMNS,
    RosterFormatError,
    build_roster,
    map_header,
    plan_import,
)
from domain.spreadsheet_text import FORMULA_STARTS

HEADER = [
    "職員番号",
    "氏名",
    "メールアドレス",
    "本省/地方",
    "局部",
    "課室",
    "係",
    "管理職",
    "育児",
    "対象外業務",
    "採用日",
]


def row(line: int, *cells: str) -> tuple[int, list[str]]:
    return line, list(cells)


def test_rows_become_staff_and_unit_paths() -> None:
    roster = build_roster(
        HEADER,
        [
            row(
                2,
                "A1",
                "山田 太郎",
                "Taro@Example.go.jp",
                "本省",
                "大臣官房",
                "総務課",
                "文書係",
                "○",
                "0",
                "",
                "2001/4/1",
            ),
            row(
                3,
                "Ｂ２",
                "伊藤 健",
                "ken@example.go.jp",
                "地方",
                "関東局",
                "総務課",
                "",
                "いいえ",
                "はい",
                "窓口業務",
                "2020-10-01",
            ),
        ],
    )
    assert roster.errors == []
    taro, ken = roster.staff
    assert taro.email == "taro@example.go.jp"  # e-mail compared case-insensitively
    assert taro.org_unit == "大臣官房/総務課/文書係" and taro.is_manager
    assert taro.hire_date == date(2001, 4, 1)
    assert ken.employee_id == "B2"  # NFKC: full-width letters and digits
    assert ken.care_preschool and ken.exempt_reason is ExemptReason.COUNTER_SERVICE
    units = roster.units
    assert units["大臣官房"].kind is UnitKind.BUREAU
    assert units["大臣官房/総務課"].kind is UnitKind.SECTION
    assert units["大臣官房/総務課/文書係"].parent == "大臣官房/総務課"
    assert units["関東局/総務課"].office is Office.REGIONAL


def test_every_bad_row_is_reported_with_its_line() -> None:
    roster = build_roster(
        HEADER,
        [
            row(
                2, "A1", "山田", "not-an-email", "本省", "局", "課", "", "0", "0", "", "2001-04-01"
            ),
            row(
                3,
                "A2",
                "佐藤",
                "s@example.go.jp",
                "本社",
                "局",
                "課",
                "",
                "0",
                "0",
                "",
                "2001-04-01",
            ),
            row(
                4,
                "A3",
                "鈴木",
                "u@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "たぶん",
                "0",
                "",
                "2001-04-01",
            ),
            row(
                5,
                "A4",
                "高橋",
                "t@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "0",
                "0",
                "",
                "2001-02-30",
            ),
            row(
                6,
                "",
                "名無し",
                "n@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "0",
                "0",
                "",
                "2001-04-01",
            ),
            row(
                7,
                "A6",
                "伊藤",
                "i@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "0",
                "0",
                "休み",
                "2001-04-01",
            ),
            row(
                8,
                "A7",
                "渡辺",
                "w@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "0",
                "0",
                "",
                "2001-04-01",
            ),
            row(
                9,
                "A7",
                "渡辺2",
                "w2@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "0",
                "0",
                "",
                "2001-04-01",
            ),
            row(
                10,
                "A9",
                "加藤",
                "W@example.go.jp",
                "本省",
                "局",
                "課",
                "",
                "0",
                "0",
                "",
                "2001-04-01",
            ),
            row(
                11, "", "", "", "", "", "", "", "", "", "", ""
            ),  # blank line: skipped, not an error
        ],
    )
    reasons = {error.line: error.reason for error in roster.errors}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 9, 10]
    assert "email" in reasons[2]
    assert "本省 or 地方" in reasons[3]
    assert "is_manager" in reasons[4]
    assert "not a real date" in reasons[5]
    assert "employee_id is empty" in reasons[6]
    assert "exempt_reason" in reasons[7]
    assert "already on line 8" in reasons[9]
    assert "email 'w@example.go.jp' already on line 8" in reasons[10]
    assert [m.employee_id for m in roster.staff] == ["A7"]


FULL_HEADER = [aliases[0] for aliases in COLUMNS.values()]
GOOD = {
    "employee_id": "A1",
    "name": "山田 太郎",
    "reading": "やまだ たろう",
    "email": "taro@example.go.jp",
    "aad_object_id": "",
    "office": "本省",
    "bureau": "大臣官房",
    "section": "総務課",
    "subsection": "文書係",
    "is_manager": "0",
    "is_section_chief": "0",
    "care_preschool": "0",
    "care_family": "0",
    "exempt_reason": "",
    "hire_date": "2001-04-01",
    "active": "1",
    "preferred_language": "ja",
    "time_zone": "Asia/Tokyo",
    "employment": "常勤",
    "ministry_since": "",
}
TEXT_COLUMNS = [c for c in COLUMNS if c not in NON_TEXT_COLUMNS]


@pytest.mark.parametrize("column", TEXT_COLUMNS)
@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://evil.example/","x")',
        "+81-3-1234",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",  # leading blanks are dropped, the = is still first
        "\r\n=1",
        "＝１＋１",  # full width: NFKC makes it =1+1
    ],
)
def test_text_that_a_spreadsheet_would_run_is_refused_with_line_and_column(
    column: str, value: str
) -> None:
    cells = dict(GOOD, **{column: value})
    roster = build_roster(FULL_HEADER, [row(7, *(cells[c] for c in COLUMNS))])
    assert roster.staff == []
    (error,) = roster.errors
    assert error.line == 7
    assert error.reason.startswith(f"{column}: ")
    assert "formula" in error.reason
    japanese = next(a for a in COLUMNS[column] if not a.isascii())
    assert f"{japanese}: 「" in error.reason and "数式" in error.reason


def test_formula_characters_inside_a_value_and_in_flags_are_fine() -> None:
    cells = dict(GOOD, name="A=B", section="第1課-2", is_manager="-")  # "-" is "no"
    roster = build_roster(FULL_HEADER, [row(2, *(cells[c] for c in COLUMNS))])
    assert roster.errors == []
    assert roster.staff[0].name == "A=B" and not roster.staff[0].is_manager


def test_the_text_columns_are_every_column_but_flags_and_the_date() -> None:
    assert set(COLUMNS) - set(TEXT_COLUMNS) == set(NON_TEXT_COLUMNS)
    assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")  # OWASP's list


def test_header_problems_are_format_errors() -> None:
    with pytest.raises(RosterFormatError, match="missing columns: email"):
        map_header(["職員番号", "氏名", "本省/地方", "局部", "課室", "採用日"])
    with pytest.raises(RosterFormatError, match="given twice"):
        map_header([*HEADER, "email"])


def _member(employee_id: str, **changes: object) -> StaffMember:
    values: dict[str, object] = {
        "employee_id": employee_id,
        "name": "x",
        "email": f"{employee_id.lower()}@e.jp",
        "org_unit": "局/課",
        "hire_date": date(2020, 4, 1),
    }
    values.update(changes)
    return StaffMember(**values)  # type: ignore[arg-type]


def test_plan_updates_in_place_and_deactivates_only_when_asked() -> None:
    roster = build_roster(
        HEADER,
        [
            row(2, "A1", "x", "A1@e.jp", "本省", "局", "課", "", "0", "1", "", "2020-04-01"),
            row(3, "A3", "new", "A3@e.jp", "本省", "局", "課", "", "0", "0", "", "2020-04-01"),
        ],
    )
    current = {"A1": _member("A1"), "A2": _member("A2")}
    keep = plan_import(current, roster, deactivate_missing=False)
    assert [(c.kind, c.employee_id) for c in keep.changes] == [("updated", "A1"), ("created", "A3")]
    assert keep.changes[0].fields == ("care_preschool",)
    drop = plan_import(current, roster, deactivate_missing=True)
    assert ("deactivated", "A2") in [(c.kind, c.employee_id) for c in drop.changes]
    assert drop.summary() == "1 new, 1 updated, 1 deactivated, 0 unchanged"


def test_employment_type_is_an_optional_column_defaulting_to_full_time() -> None:
    """Issue 14 item 12: 常勤/非常勤."""
    header = [*HEADER, "常勤/非常勤"]
    base = ["本省", "大臣官房", "総務課", "", "", "", "", "2015-04-01"]
    roster = build_roster(
        header,
        [
            row(2, "E1", "一", "e1@example.go.jp", *base, "常勤"),
            row(3, "E2", "二", "e2@example.go.jp", *base, "非常勤"),
            row(4, "E3", "三", "e3@example.go.jp", *base, ""),
            row(5, "E4", "四", "e4@example.go.jp", *base, "アルバイト"),
        ],
    )
    assert [m.employment for m in roster.staff] == [
        EmploymentType.FULL_TIME,
        EmploymentType.NON_FULL_TIME,
        EmploymentType.FULL_TIME,
    ]
    assert [(e.line, e.reason) for e in roster.errors] == [
        (5, "employment: 'アルバイト' must be 常勤 or 非常勤")
    ]
    without = build_roster(HEADER, [row(2, "E1", "一", "e1@example.go.jp", *base)])
    assert without.staff[0].employment is EmploymentType.FULL_TIME


@pytest.mark.parametrize("header", ["ministry_since", "府省着任日", "府省間異動日"])
def test_the_day_of_a_move_from_another_ministry_is_an_optional_date(header: str) -> None:
    """Issue 18: 府省着任日 (the 在宅勤務等手当's period restarts on a move between
    ministries); blank or absent means no move recorded; not a date is a row error."""
    base = [c for c in FULL_HEADER if c != "ministry_since"]
    cells = [GOOD[c] for c in COLUMNS if c != "ministry_since"]
    moved = build_roster([*base, header], [row(2, *cells, "2026/10/1")])
    assert moved.staff[0].ministry_since == date(2026, 10, 1)
    assert build_roster(base, [row(2, *cells)]).staff[0].ministry_since is None
    blank = build_roster([*base, header], [row(2, *cells, "")])
    assert blank.staff[0].ministry_since is None
    bad = build_roster([*base, header], [row(2, *cells, "10月1日")])
    assert bad.staff == [] and bad.errors[0].reason.startswith("ministry_since: ")
