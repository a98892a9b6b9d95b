"""Suppression of sensitive categories (育児・介護) in reports: small groups, and every other
cell from which a suppressed one could be worked out.

What the reports show about categories (``bot.report_tables``; the chat card shows a part of
it, the charts none): for every group — the scope rows 本省 / 地方支分部局等 / 全体 (or the one
unit asked for) and every unit row — the eligible headcount E, and per category the members,
attained, periods judged, periods met and two rates, the six hidden together (＊). Months,
the previous year and Telework Week carry no category figure.

The model behind the relations. Groups nest, so each eligible person falls in one *leaf*
(the set of groups they are counted in: a unit row's own people outside every row under it,
or a scope's people outside every unit row) and has one *signature*: the categories they
belong to by the roster, and those whose members they are counted in (a category with no
judged period for them — a month not over yet — does not count them). With
``x[leaf, signature]`` the number of such people:

    E(g)          = Σ x[l, s]  over the leaves l of g and every signature s
    members(c, g) = Σ x[l, s]  over the leaves l of g and the signatures s counted in c

Every relation a reader can use follows from these, and only those do: 本省 + 地方 = 全体, a
unit = its rows + its own people, and the categories against E. Categories overlap (a manager
may also be a carer), so E − managers − others is not "carers" but "carers who are not
managers" (or, before a month is over, the carers not yet counted) — still a sensitive count,
which is why the parts of a sensitive category are protected too. The E of every leaf is
known (a unit's E less its rows'), and a published 0 says that every ``x`` under it is 0.
Attained and the periods are sums over the same leaves, one category at a time.

Protected (must not follow linearly from what is shown):
  * every hidden members cell, and the attained and periods of every hidden sensitive cell
    (the rates go with them; an "other staff" cell hidden for care's sake gives nothing
    about care through its attained);
  * for each group, and each leaf that is not a row of its own, the people belonging to a
    sensitive category (in such a leaf), those with each set of categories, and those of
    each signature, when fewer than ``k`` (0 included: "no carer here" is a statement about
    each person) — unless published zeros alone settle it (no managers → no manager-carers).

Primary suppression hides sensitive cells with fewer than ``k`` members. Then, until nothing
protected follows: find a protected value that follows (``domain.linear_span``), hide one of
the shown cells it was worked out from — preferring cells of categories that depend on the
sensitive attributes (the complement "other staff"), then cells that are not 0, then the
smallest — and ask again. Bounds (a count is ≥ 0 and ≤ its group) are not reasoned with,
apart from published zeros.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import product

from domain.linear_span import LinearSpan, Vector, unit_vector
from domain.org import StaffMember
from domain.policy import Category
from domain.report_model import CategoryTally, Tally

Categories = frozenset[str]
Leaf = tuple[int, ...]  # indices of the groups a person is counted in


@dataclass(frozen=True, order=True)
class Signature:
    """The categories a person belongs to (by the roster) and those whose members they are
    counted in (the ones with a judged period: a joiner may be in a category but not yet
    judged there). What is sensitive is belonging; what is published is being counted."""

    belongs: tuple[str, ...]
    counted: tuple[str, ...]
    # Categories the person's work exempts them from (国会業務: no weekly aim): never counted
    # there. A reader may well know who does such work, so these people's numbers are
    # treated as known (E − managers − others is then still exactly the carers who are not
    # managers, as without them).
    exempted: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, belongs: Categories, counted: Categories, exempted: Categories = frozenset()
    ) -> Signature:
        return cls(tuple(sorted(belongs)), tuple(sorted(counted)), tuple(sorted(exempted)))


# The roster flags that membership conditions read (domain.conditions.ROSTER_ATTRIBUTES).
ROSTER_FLAGS = ("is_manager", "is_section_chief", "care_preschool", "care_family")
FIGURES: tuple[Callable[[CategoryTally], int], ...] = (
    lambda c: c.attained,
    lambda c: c.periods_judged,
    lambda c: c.periods_met,
)


@dataclass
class Population:
    """Eligible people of a report by leaf and signature (filled while the report counts)."""

    counts: dict[Leaf, dict[Signature, int]] = field(default_factory=dict)
    # One Signature per combination (a handful), not one per person
    _signatures: dict[tuple[Categories, Categories, Categories], Signature] = field(
        default_factory=dict, compare=False, repr=False
    )

    def add(
        self,
        leaf: Leaf,
        belongs: Categories,
        counted: Categories,
        exempted: Categories = frozenset(),
    ) -> None:
        cell = self.counts.setdefault(leaf, {})
        key = (belongs, counted, exempted)
        signature = self._signatures.get(key)
        if signature is None:
            signature = self._signatures[key] = Signature.of(belongs, counted, exempted)
        cell[signature] = cell.get(signature, 0) + 1


def _variant(bits: Sequence[bool]) -> StaffMember:
    manager, chief, preschool, family = bits
    return StaffMember(
        "-",
        "-",
        "-",
        "-",
        date.min,
        is_manager=manager,
        is_section_chief=chief,
        care_preschool=preschool,
        care_family=family,
    )


def roster_variants() -> Iterator[StaffMember]:
    """One staff record per combination of the roster flags."""
    for bits in product((False, True), repeat=len(ROSTER_FLAGS)):
        yield _variant(bits)


def possible_memberships(categories: Mapping[str, Category]) -> set[Categories]:
    """Every set of categories one person can be in, by the policy's conditions."""
    return {
        frozenset(cid for cid, c in categories.items() if c.when.holds_for(member))
        for member in roster_variants()
    }


def care_dependent(categories: Mapping[str, Category]) -> set[str]:
    """The sensitive categories and those whose membership changes with a flag that changes
    a sensitive one's (「その他の職員」 = not a manager and no care situation)."""
    sensitive = {cid for cid, c in categories.items() if c.sensitive}
    out = set(sensitive)
    for bits in product((False, True), repeat=len(ROSTER_FLAGS)):
        member = _variant(bits)
        for flag in range(len(ROSTER_FLAGS)):
            other = _variant([b != (i == flag) for i, b in enumerate(bits)])
            changed = {
                cid
                for cid, c in categories.items()
                if c.when.holds_for(member) != c.when.holds_for(other)
            }
            if changed & sensitive:
                out |= changed
    return out


def suppress_small_groups(
    groups: Sequence[Tally],
    population: Population,
    categories: Mapping[str, Category],
    k: int,
) -> None:
    """Mark the category cells of ``groups`` (indexed as in ``population``) to hide, in
    place: primary and secondary suppression, as the module docstring says."""
    _Suppression(groups, population, categories, k).run()


@dataclass(frozen=True)
class _Protected:
    vector: Vector
    trivial_if_zero: bool  # a never-published count that published zeros alone settle


class _Suppression:
    """The cells of every group × category, numbered group-major (label = g × n + c)."""

    def __init__(
        self,
        groups: Sequence[Tally],
        population: Population,
        categories: Mapping[str, Category],
        k: int,
    ) -> None:
        self.groups, self.k, self.counts = groups, k, population.counts
        self.cids = list(categories)
        self.sensitive = [cid for cid, c in categories.items() if c.sensitive]
        self.dependent = care_dependent(categories)
        self.leaves = sorted(population.counts)
        # Everyone the roster allows, counted where they belong (nobody unjudged), and what
        # the report actually has: a reader cannot tell that a possible kind is absent.
        possible = {Signature.of(m, m) for m in possible_memberships(categories)}
        observed = {s for counts in population.counts.values() for s in counts}
        self.signatures = sorted(possible | observed)
        self.leaf_index = {leaf: i for i, leaf in enumerate(self.leaves)}
        self.signature_index = {s: j for j, s in enumerate(self.signatures)}
        self.support: list[list[Leaf]] = [[] for _ in groups]
        for leaf in self.leaves:
            for g in leaf:
                self.support[g].append(leaf)
        self.labels = range(len(groups) * len(self.cids))

    def run(self) -> None:
        for label in self.labels:
            cell = self._cell(label)
            cell.suppressed = self._cid(label) in self.sensitive and cell.members < self.k
        counted_in = {cid: [s for s in self.signatures if cid in s.counted] for cid in self.cids}
        members = {
            label: self._vector(self.support[self._group(label)], counted_in[self._cid(label)])
            for label in self.labels
        }
        everyone = [self._vector([leaf], self.signatures) for leaf in self.leaves]
        exempted = [s for s in self.signatures if s.exempted]
        everyone += [self._vector([leaf], [s]) for leaf in self.leaves for s in exempted]
        parts = self._parts()
        by_category = [
            {
                label: unit_vector(
                    self.leaf_index[leaf] for leaf in self.support[self._group(label)]
                )
                for label in self.labels
                if label % len(self.cids) == index
            }
            for index, cid in enumerate(self.cids)
            if cid in self.sensitive
        ]
        while True:
            hid = self._round(members, lambda c: c.members, everyone, parts)
            for figure in FIGURES:
                for vectors in by_category:
                    hid = self._round(vectors, figure, [], []) or hid
            if not hid:
                return

    def _round(
        self,
        vectors: Mapping[int, Vector],
        figure: Callable[[CategoryTally], int],
        known: Sequence[Vector],
        parts: Sequence[_Protected],
    ) -> bool:
        """One round over one figure: every protected value that follows gets one more cell
        hidden (a value whose working used a cell hidden in this round waits for the next).
        Whether anything was hidden."""
        span = LinearSpan()
        for vector in known:
            span.add(vector)
        shown = [label for label in vectors if not self._cell(label).suppressed]
        zero: set[int] = set()
        for label in shown:
            if figure(self._cell(label)) == 0:  # a published 0: every part of it is 0
                for column in vectors[label]:
                    span.add({column: 1}, label)
                    zero.add(column)
        for label in sorted(shown, key=lambda x: len(vectors[x])):
            span.add(vectors[label], label)
        hidden = [
            _Protected(vector, False)
            for label, vector in vectors.items()
            if self._cell(label).suppressed
        ]
        hid: set[int] = set()
        for item in (*hidden, *parts):
            if not item.vector or (item.trivial_if_zero and zero.issuperset(item.vector)):
                continue  # nobody there, or settled by what may be shown (no managers here)
            sources = span.sources(item.vector)
            if not sources or sources & hid:
                continue  # safe; or only E could tell (nothing to hide); or wait a round
            choice = min(sources, key=self._cost)
            self._cell(choice).suppressed = True
            hid.add(choice)
        return bool(hid)

    def _cost(self, label: int) -> tuple[bool, bool, int, int]:
        """Hide first what depends on care (the complement), then cells that are not 0
        (two hidden zeros would add up to a shown 0), then the smallest."""
        members = self._cell(label).members
        return (self._cid(label) not in self.dependent, members == 0, members, label)

    def _parts(self) -> list[_Protected]:
        """Sensitive counts under k that are never published, in every group and in each
        leaf that is not a row of its own: the people belonging to a sensitive category
        (in a leaf), those of each membership, and those of each signature."""
        rows = {tuple(leaves) for leaves in self.support}
        areas = list(dict.fromkeys(tuple(leaves) for leaves in self.support if leaves))
        areas += [(leaf,) for leaf in self.leaves if (leaf,) not in rows]
        out: list[_Protected] = []
        for area in areas:
            for cid in self.sensitive:
                belonging = [s for s in self.signatures if cid in s.belongs]
                pieces = [[s] for s in belonging]
                pieces += [
                    [s for s in belonging if s.belongs == b]
                    for b in dict.fromkeys(s.belongs for s in belonging)
                ]
                if area not in rows:
                    pieces.append(belonging)
                for piece in pieces:
                    if self._count(area, piece) < self.k:
                        out.append(_Protected(self._vector(area, piece), True))
        return out

    # -- helpers ------------------------------------------------------------------------

    def _group(self, label: int) -> int:
        return label // len(self.cids)

    def _cid(self, label: int) -> str:
        return self.cids[label % len(self.cids)]

    def _cell(self, label: int) -> CategoryTally:
        return self.groups[self._group(label)].categories[self._cid(label)]

    def _count(self, area: Sequence[Leaf], signatures: Sequence[Signature]) -> int:
        return sum(self.counts[leaf].get(s, 0) for leaf in area for s in signatures)

    def _vector(self, area: Sequence[Leaf], signatures: Sequence[Signature]) -> Vector:
        n, index, leaf_index = len(self.signatures), self.signature_index, self.leaf_index
        columns = [index[s] for s in signatures]  # looked up once, not once per leaf
        return unit_vector([leaf_index[leaf] * n + c for leaf in area for c in columns])
