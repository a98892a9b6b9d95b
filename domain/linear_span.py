"""Which linear functionals follow from a set of published ones (for report suppression).

Vectors are sparse integer vectors (column → coefficient). The span is kept in row echelon
form over the integers modulo a large prime: every row's pivot is its smallest column, and
reducing a vector by the rows in column order either empties it (it is a combination of the
rows) or stops at a column no row starts with (it is not). Working modulo a prime keeps the
numbers small; a combination over the rationals is also one modulo the prime, so nothing that
follows over the rationals is missed (the converse error, a false "follows", is at worst an
extra suppression and, with 0/±1 coefficients and a 61-bit prime, practically impossible).

Each row remembers which published figures it was made from, so a vector found in the span
comes with one combination of published figures that gives it: hiding one of those breaks
that combination (another may remain; the caller asks again).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from heapq import heapify, heappop, heappush

PRIME = (1 << 61) - 1

Vector = dict[int, int]


class LinearSpan:
    """The span of the vectors added so far, with the sources each row was made from."""

    def __init__(self) -> None:
        self._rows: dict[int, tuple[Vector, Vector]] = {}  # pivot → (row, sources)

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, vector: Mapping[int, int], source: int | None = None) -> bool:
        """Add ``vector`` (known through the published figure ``source``, or through what
        is always known when None); whether it was new (not already in the span)."""
        rest, made_of = self._reduce(vector, {} if source is None else {source: 1})
        if not rest:
            return False
        pivot = min(rest)
        inverse = pow(rest[pivot], PRIME - 2, PRIME)
        self._rows[pivot] = (
            {c: v * inverse % PRIME for c, v in rest.items()},
            {s: v * inverse % PRIME for s, v in made_of.items()},
        )
        return True

    def sources(self, vector: Mapping[int, int]) -> frozenset[int] | None:
        """None when ``vector`` does not follow; else the sources of one combination of the
        rows that gives it (empty when it follows from what is always known)."""
        rest, made_of = self._reduce(vector, {})
        if rest:
            return None
        return frozenset(s for s, v in made_of.items() if v)

    def _reduce(self, vector: Mapping[int, int], made_of: Vector) -> tuple[Vector, Vector]:
        out = {c: v % PRIME for c, v in vector.items() if v % PRIME}
        heap = list(out)
        heapify(heap)
        while heap:
            column = heappop(heap)
            factor = out.get(column)
            if factor is None:
                continue  # cancelled since it was queued
            found = self._rows.get(column)
            if found is None:
                return out, made_of  # the smallest column left starts no row: not in the span
            row, sources = found
            for c, v in row.items():
                value = (out.get(c, 0) - factor * v) % PRIME
                if value:
                    if c not in out:
                        heappush(heap, c)
                    out[c] = value
                else:
                    out.pop(c, None)
            _subtract(made_of, sources, factor)
        return out, made_of


def _subtract(target: Vector, vector: Vector, factor: int) -> None:
    for key, v in vector.items():
        value = (target.get(key, 0) - factor * v) % PRIME
        if value:
            target[key] = value
        else:
            target.pop(key, None)


def unit_vector(columns: Iterable[int]) -> Vector:
    """The sum of the given columns (each with coefficient 1)."""
    return dict.fromkeys(columns, 1)
