"""An attacker on published reports, written apart from ``domain.report_privacy``: it reads
what an output shows, sets up every linear relation the counting makes true, and solves
for the hidden cells with exact fractions.

Unknowns: ``x[leaf, belongs, counted]``, the number of eligible people in a leaf (the set of
report groups they are counted in) who belong to the categories ``belongs`` (by the roster)
and are counted in the members of ``counted``. The kinds are every set of categories the
roster flags allow (counted where they belong) and the kinds the organisation has. What a
reader knows:

* the eligible headcount of every leaf (a unit's, less its rows');
* every shown members cell = the sum of its ``x`` (checked against the truth first, so a
  wrong model fails loudly instead of passing quietly);
* a shown 0 makes every ``x`` under it 0.

A hidden value is *recovered* when its vector lies in the span of what is known — which
includes "a relation with exactly one unknown gives it away", applied over and over, and
any combination of subtractions. Recovered must stay empty for: every hidden members cell;
every hidden figure (attained, periods judged, periods met) of a sensitive category, from
the same figure of the shown cells over the same leaves; and, per group and per leaf that
is not a row, the number of people belonging to a sensitive category (for each set of
categories, and each kind) when it is under k and not settled by a shown 0 alone (E − managers
− others is "carers who are not managers": a sensitive count of its own).
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from itertools import product

from openpyxl import load_workbook

from domain.calendar import WorkCalendar
from domain.org import ExemptReason, Office, OrgUnit, StaffMember, UnitKind
from domain.policy import Policy, Reports
from domain.report_history import StaffHistory
from domain.report_model import ReportRange, ReportRequest, Scope
from domain.report_rows import Report, ReportInputs
from domain.reports import build_report

HIDDEN = None
FIGURE_NAMES = ("members", "attained", "periods_judged", "periods_met")
Cells = dict[tuple[int, str], tuple[int, int, int, int] | None]


@dataclass(frozen=True)
class Published:
    """What an output shows about categories: the eligible headcount per group (in table
    order: scope rows, then unit rows) and the four summed figures per group and category
    (None: ＊)."""

    eligible: list[int]
    cells: Cells


# -- an organisation ----------------------------------------------------------------------


def random_org(
    seed: int,
    *,
    bureaus: tuple[int, int] = (2, 2),
    sections: tuple[int, int] = (1, 4),
    people: tuple[int, int] = (0, 10),
    direct: float = 0.3,
    subsections: float = 0.3,
) -> tuple[list[OrgUnit], list[StaffMember]]:
    """Bureaus per office (head, regional), sections per bureau, people per section; some
    people directly under a bureau, some in a 係; managers, carers (some both), exempt."""
    rng = random.Random(seed)
    units: list[OrgUnit] = []
    staff: list[StaffMember] = []

    def hire(unit: str) -> None:
        n = len(staff) + 1
        staff.append(
            StaffMember(
                employee_id=f"E{n:04d}",
                name=f"職員{n}",
                email=f"e{n}@example.go.jp",
                org_unit=unit,
                hire_date=date(2015, 4, 1),
                is_manager=rng.random() < 0.2,
                care_preschool=rng.random() < 0.15,
                care_family=rng.random() < 0.1,
                exempt_reason=ExemptReason.DIET_WORK if rng.random() < 0.05 else None,
            )
        )

    for office, count in zip((Office.HEAD_OFFICE, Office.REGIONAL), bureaus, strict=True):
        for b in range(count):
            bureau = f"{office.value[0].upper()}局{b}"
            units.append(OrgUnit(bureau, bureau, UnitKind.BUREAU, office))
            if rng.random() < direct:
                for _ in range(rng.randint(1, 3)):
                    hire(bureau)
            for s in range(rng.randint(*sections)):
                section = f"{bureau}/課{s}"
                units.append(OrgUnit(section, f"課{s}", UnitKind.SECTION, office, bureau))
                sub = f"{section}/係"
                if rng.random() < subsections:
                    units.append(OrgUnit(sub, "係", UnitKind.SUBSECTION, office, section))
                for _ in range(rng.randint(*people)):
                    hire(sub if sub in {u.code for u in units} and rng.random() < 0.5 else section)
    return units, staff


def telework(
    staff: Sequence[StaffMember], calendar: WorkCalendar, seed: int, start: date, end: date
) -> dict[str, list[tuple[date, str]]]:
    """Random telework: some people every month (care targets met), others now and then."""
    rng = random.Random(seed)
    days = list(calendar.working_days(start, end))
    out: dict[str, list[tuple[date, str]]] = {}
    for member in staff:
        habit = rng.random()
        picked = [d for d in days if rng.random() < habit * 0.15]
        out[member.employee_id] = [(d, rng.choice(("full", "full", "am", "pm"))) for d in picked]
    return out


def report_inputs(
    units: Sequence[OrgUnit],
    staff: Sequence[StaffMember],
    occasions: dict[str, list[tuple[date, str]]],
) -> ReportInputs:
    return ReportInputs(units, staff, occasions, StaffHistory([]))


# -- reading the outputs ------------------------------------------------------------------


def _number(text: str) -> int | None:
    text = str(text).strip()
    if text in ("＊", "*"):
        return HIDDEN
    return int(float(text.replace(",", "")))


def _cells(rows: Sequence[Sequence[object]], categories: Sequence[str]) -> Cells:
    """Rows of the target table (group, category, target, members, attained, rate, periods
    judged, periods met, period rate) in order: group-major, categories in policy order."""
    out: Cells = {}
    for i, row in enumerate(rows):
        group, cid = divmod(i, len(categories))
        values = [_number(str(row[j])) for j in (3, 4, 6, 7)]
        hidden = [v is None for v in values]
        rates = [str(row[5]).strip(), str(row[8]).strip()]
        if any(hidden):
            assert all(hidden), f"row {i}: partly hidden {row}"
            assert all(r in ("＊", "*") for r in rates), f"row {i}: a rate of a hidden cell"
            out[group, categories[cid]] = None
        else:
            out[group, categories[cid]] = tuple(values)  # type: ignore[assignment]
    return out


def _eligible(overview: Sequence[Sequence[object]], units: Sequence[Sequence[object]]) -> list[int]:
    return [int(str(r[2]).replace(",", "")) for r in overview] + [
        int(str(r[3]).replace(",", "")) for r in units
    ]


def from_csv(data: bytes, categories: Sequence[str]) -> Published:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))

    def table(name: str) -> list[list[str]]:
        start = next(i for i, r in enumerate(rows) if r and r[0] == f"[{name}]") + 2
        end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
        return rows[start:end]

    return Published(
        _eligible(table("概要"), table("組織別")), _cells(table("目標・目安の達成"), categories)
    )


def from_xlsx(data: bytes, categories: Sequence[str]) -> Published:
    book = load_workbook(io.BytesIO(data))

    def table(name: str) -> list[tuple[object, ...]]:
        rows = list(book[name].iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r[0] in ("区分", "組織"))
        return [r for r in rows[header + 1 :] if r[0] is not None]

    return Published(
        _eligible(table("概要"), table("組織別")), _cells(table("目標・目安の達成"), categories)
    )


def from_markdown(data: bytes, categories: Sequence[str]) -> Published:
    lines = data.decode().splitlines()

    def table(name: str) -> list[list[str]]:
        start = lines.index(f"## {name}") + 2
        while not lines[start].startswith("|"):
            start += 1
        out: list[list[str]] = []
        for line in lines[start + 2 :]:
            if not line.startswith("|"):
                break
            out.append([c.strip() for c in line.strip("|").split("|")])
        return out

    return Published(
        _eligible(table("概要"), table("組織別")), _cells(table("目標・目安の達成"), categories)
    )


def from_report(report: Report, *, everything: bool = False) -> Published:
    """What the report object says it shows (to compare the outputs with); with
    ``everything``, the hidden figures too (the truth the attacker is checked against)."""
    groups = [r.tally for r in report.current.overview] + [r.tally for r in report.current.units]
    cells: Cells = {}
    for g, tally in enumerate(groups):
        for cid, c in tally.categories.items():
            figures = (c.members, c.attained, c.periods_judged, c.periods_met)
            cells[g, cid] = None if c.suppressed and not everything else figures
    return Published([t.eligible for t in groups], cells)


# -- the attack ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    leaf: frozenset[int]
    belongs: frozenset[str]
    counted: frozenset[str]


def people_of(
    report: Report,
    staff: Sequence[StaffMember],
    units: Sequence[OrgUnit],
    policy: Policy,
    counted: Callable[[frozenset[str]], frozenset[str]],
) -> list[Person]:
    """The eligible population with the groups (table order) each person is counted in;
    ``counted`` says which of a person's categories judge them in this report."""
    parent = {u.code: u.parent for u in units}
    office = {u.code: u.office for u in units}

    def chain(code: str) -> set[str]:
        out: set[str] = set()
        current: str | None = code
        while current is not None:
            out.add(current)
            current = parent[current]
        return out

    groups: list[Callable[[str], bool]] = []
    for row in report.current.overview:
        if row.unit is not None:
            groups.append(lambda code, u=row.unit.code: u in chain(code))  # type: ignore[misc]
        else:
            groups.append(
                lambda code, s=row.scope: s is Scope.ALL or s.value == office[code].value  # type: ignore[misc]
            )
    for unit_row in report.current.units:
        groups.append(lambda code, u=unit_row.unit.code: u in chain(code))  # type: ignore[misc]
    out: list[Person] = []
    for member in staff:
        if policy.is_exempt(member) or not member.active:
            continue
        leaf = frozenset(g for g, holds in enumerate(groups) if holds(member.org_unit))
        if not leaf:
            continue  # outside the report
        belongs = frozenset(cid for cid, c in policy.categories.items() if c.when.holds_for(member))
        # A category that exempts the person's work (国会業務: no weekly aim) never judges them.
        judged = frozenset(cid for cid in belongs if not policy.categories[cid].exempts(member))
        out.append(Person(leaf, belongs, counted(judged)))
    return out


def possible_kinds(policy: Policy) -> set[tuple[frozenset[str], frozenset[str]]]:
    kinds = set()
    for manager, chief, preschool, family in product((False, True), repeat=4):
        member = StaffMember(
            "x",
            "x",
            "x@example.go.jp",
            "x",
            date(2000, 1, 1),
            is_manager=manager,
            is_section_chief=chief,
            care_preschool=preschool,
            care_family=family,
        )
        cats = frozenset(cid for cid, c in policy.categories.items() if c.when.holds_for(member))
        kinds.add((cats, cats))
    return kinds


class _Rows:
    """Row space over the rationals (reduced row echelon form)."""

    def __init__(self) -> None:
        self.rows: dict[int, dict[int, Fraction]] = {}

    def reduce(self, vector: dict[int, Fraction]) -> dict[int, Fraction]:
        v = {c: x for c, x in vector.items() if x}
        for pivot, row in self.rows.items():
            factor = v.get(pivot)
            if factor:
                for c, x in row.items():
                    value = v.get(c, Fraction(0)) - factor * x
                    if value:
                        v[c] = value
                    else:
                        v.pop(c, None)
        return v

    def add(self, vector: dict[int, Fraction]) -> None:
        v = self.reduce(vector)
        if not v:
            return
        pivot = min(v)
        scale = v[pivot]
        v = {c: x / scale for c, x in v.items()}
        for other in self.rows.values():  # keep every pivot column clear in the other rows
            factor = other.get(pivot)
            if factor:
                for c, x in v.items():
                    value = other.get(c, Fraction(0)) - factor * x
                    if value:
                        other[c] = value
                    else:
                        other.pop(c, None)
        self.rows[pivot] = v

    def follows(self, vector: dict[int, Fraction]) -> bool:
        return not self.reduce(vector)


def recovered(
    published: Published,
    people: Sequence[Person],
    policy: Policy,
    k: int,
    truth: Published,
) -> list[str]:
    """Every protected value the attacker can work out from ``published`` (empty: the
    output is safe); ``truth`` (``from_report(…, everything=True)``) names the values."""
    sensitive = [cid for cid, c in policy.categories.items() if c.sensitive]
    leaves = sorted({p.leaf for p in people}, key=sorted)
    kinds = sorted(
        possible_kinds(policy) | {(p.belongs, p.counted) for p in people},
        key=lambda k_: (sorted(k_[0]), sorted(k_[1])),
    )
    count = {(leaf, kind): 0 for leaf in leaves for kind in kinds}
    for p in people:
        count[p.leaf, (p.belongs, p.counted)] += 1
    column = {key: i for i, key in enumerate(count)}
    n_groups = len(published.eligible)
    in_group = [[leaf for leaf in leaves if g in leaf] for g in range(n_groups)]
    found: list[str] = []

    def vec(
        keys: Iterable[tuple[frozenset[int], tuple[frozenset[str], frozenset[str]]]],
    ) -> dict[int, Fraction]:
        return {column[key]: Fraction(1) for key in keys}

    def members_keys(
        g: int, cid: str
    ) -> list[tuple[frozenset[int], tuple[frozenset[str], frozenset[str]]]]:
        return [(leaf, kind) for leaf in in_group[g] for kind in kinds if cid in kind[1]]

    # The model must give every shown figure (else the relations below would be made up).
    for (g, cid), values in published.cells.items():
        expected = sum(count[key] for key in members_keys(g, cid))
        if values is not None:
            assert values[0] == expected, f"group {g} {cid}: shown {values[0]}, model {expected}"
    for g, e in enumerate(published.eligible):
        assert e == sum(count[leaf, kind] for leaf in in_group[g] for kind in kinds), g

    # Members, all categories at once.
    known = _Rows()
    zero: set[int] = set()
    for leaf in leaves:
        known.add(vec((leaf, kind) for kind in kinds))
    for (g, cid), values in published.cells.items():
        if values is None:
            continue
        keys = members_keys(g, cid)
        known.add(vec(keys))
        if values[0] == 0:
            for key in keys:
                known.add(vec([key]))
                zero.add(column[key])
    for (g, cid), values in published.cells.items():
        keys = members_keys(g, cid)
        if values is None and keys and known.follows(vec(keys)):
            found.append(f"members of {cid} in group {g} = {truth.cells[g, cid]}")
    rows = {tuple(sorted(in_group[g], key=sorted)) for g in range(n_groups)}
    areas = [in_group[g] for g in range(n_groups) if in_group[g]]
    areas += [[leaf] for leaf in leaves if (leaf,) not in rows]
    for area in areas:
        for cid in sensitive:
            belonging = [kind for kind in kinds if cid in kind[0]]
            pieces = [[kind] for kind in belonging]
            pieces += [[k_ for k_ in belonging if k_[0] == b] for b in {k_[0] for k_ in belonging}]
            if tuple(sorted(area, key=sorted)) not in rows:
                pieces.append(belonging)
            for piece in pieces:
                keys = [(leaf, kind) for leaf in area for kind in piece]
                value = sum(count[key] for key in keys)
                if value >= k or {column[key] for key in keys} <= zero:
                    continue
                if known.follows(vec(keys)):
                    found.append(f"{value} {cid} people of kinds {piece} in leaves {area}")

    # Attained and the periods of sensitive categories, one category at a time.
    for cid in sensitive:
        for f in (1, 2, 3):
            rows_f = _Rows()
            for (g, c), values in published.cells.items():
                if c != cid or values is None:
                    continue
                v = {i: Fraction(1) for i, leaf in enumerate(leaves) if leaf in in_group[g]}
                rows_f.add(v)
                if values[f] == 0:
                    for i in v:
                        rows_f.add({i: Fraction(1)})
            for (g, c), values in published.cells.items():
                if c != cid or values is not None or not in_group[g]:
                    continue
                v = {i: Fraction(1) for i, leaf in enumerate(leaves) if leaf in in_group[g]}
                if rows_f.follows(v):
                    value = truth.cells[g, c]
                    found.append(f"{FIGURE_NAMES[f]} of {cid} in group {g} (cell {value})")
    return found


# -- the reports attacked -----------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """One report on one generated organisation."""

    name: str
    units: list[OrgUnit]
    staff: list[StaffMember]
    request: ReportRequest
    k: int
    counted: Callable[[frozenset[str]], frozenset[str]]

    def build(self, policy: Policy) -> tuple[Report, Policy]:
        policy = policy.model_copy(update={"reports": Reports(care_min_group_size=self.k)})
        calendar = policy.work_calendar()
        start, end = date(2025, 3, 24), date(2027, 4, 7)
        occasions = telework(self.staff, calendar, len(self.staff), start, end)
        report = build_report(
            self.request, report_inputs(self.units, self.staff, occasions), policy, calendar
        )
        return report, policy


SHAPES: dict[str, dict[str, tuple[int, int] | float]] = {
    "one section": {"bureaus": (1, 0), "sections": (1, 1), "people": (1, 6), "direct": 0.0},
    "one regional section": {"bureaus": (0, 1), "sections": (1, 1), "people": (2, 9)},
    "people under bureaus": {
        "bureaus": (1, 1),
        "sections": (2, 3),
        "people": (1, 7),
        "direct": 1.0,
    },
    "only children": {"bureaus": (1, 1), "sections": (1, 1), "people": (3, 14)},
    "small": {"bureaus": (2, 1), "sections": (1, 3), "people": (0, 6)},
    "medium": {"bureaus": (2, 2), "sections": (1, 4), "people": (0, 12)},
    "wide": {"bureaus": (3, 2), "sections": (2, 5), "people": (2, 15), "subsections": 0.6},
}


def scenarios(calendar: WorkCalendar, seeds: Iterable[int] = (1, 2)) -> list[Scenario]:
    """Every shape × seed, as a fiscal-year report at the year end (everyone judged), a
    July report on 7/15 (no month judged yet: carers are not counted as carers), one office,
    a bureau's and a section's own report, with k = 2, 3 and 5 in turn."""
    year = ReportRange.fiscal_year_of(2026, calendar)
    july = ReportRange.month_of(2026, 7, calendar)
    everyone: Callable[[frozenset[str]], frozenset[str]] = lambda belongs: belongs  # noqa: E731
    no_month: Callable[[frozenset[str]], frozenset[str]] = lambda belongs: belongs - {"care"}  # noqa: E731
    out: list[Scenario] = []
    ks = (2, 3, 5)
    for seed in seeds:
        for i, (shape, options) in enumerate(SHAPES.items()):
            units, staff = random_org(seed * 100 + i, **options)  # type: ignore[arg-type]
            if not staff:
                continue
            k = ks[(seed + i) % len(ks)]
            name = f"{shape} #{seed}"
            out.append(Scenario(f"{name} year", units, staff, ReportRequest(year), k, everyone))
            out.append(
                Scenario(
                    f"{name} July on 7/15",
                    units,
                    staff,
                    ReportRequest(july, as_of=date(2026, 7, 15)),
                    ks[(seed + i + 1) % len(ks)],
                    no_month,
                )
            )
            office = Scope.HEAD_OFFICE if seed % 2 else Scope.REGIONAL
            if any(u.office.value == office.value for u in units):
                out.append(
                    Scenario(
                        f"{name} {office.value}",
                        units,
                        staff,
                        ReportRequest(year, office),
                        k,
                        everyone,
                    )
                )
            bureau = next(u for u in units if u.kind is UnitKind.BUREAU)
            out.append(
                Scenario(
                    f"{name} {bureau.code}",
                    units,
                    staff,
                    ReportRequest(year, unit=bureau.code),
                    k,
                    everyone,
                )
            )
            with_sub = [u.parent for u in units if u.kind is UnitKind.SUBSECTION and u.parent]
            if with_sub:
                out.append(
                    Scenario(
                        f"{name} {with_sub[0]}",
                        units,
                        staff,
                        ReportRequest(year, unit=with_sub[0]),
                        2,
                        everyone,
                    )
                )
    return out
