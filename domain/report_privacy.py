"""Small-group suppression for sensitive categories (育児・介護) in reports.

Primary: a group of fewer than ``k`` members (0 included: "nobody in this section has a care
situation" is itself a statement about each member) is suppressed. Secondary: when exactly
one of several sibling groups is suppressed and their parent is shown, the parent minus the
others would reveal it, so the smallest other sibling is suppressed too (本省 / 地方支分部局等
under 全体; sections under their bureau).
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.org import OrgUnit
from domain.report_model import Tally


def suppress_small_groups(
    overview: Sequence[Tally],
    units: Sequence[tuple[OrgUnit, Tally]],
    sensitive: Sequence[str],
    k: int,
) -> None:
    """Mark the sensitive categories' tallies to suppress, in place."""
    for cid in sensitive:
        for tally in (*overview, *(t for _, t in units)):
            category = tally.categories[cid]
            category.suppressed = category.members < k
        if len(overview) == 3:  # 本省, 地方支分部局等, 全体
            _protect([overview[0], overview[1]], overview[2], cid)
        by_code = {unit.code: tally for unit, tally in units}
        siblings: dict[str, list[Tally]] = {}
        for unit, tally in units:
            if unit.parent is not None and unit.parent in by_code:
                siblings.setdefault(unit.parent, []).append(tally)
        for parent, children in siblings.items():
            _protect(children, by_code[parent], cid)


def _protect(children: Sequence[Tally], parent: Tally, cid: str) -> None:
    if parent.categories[cid].suppressed or len(children) < 2:
        return
    hidden = [c for c in children if c.categories[cid].suppressed]
    if len(hidden) != 1:
        return
    shown = [c for c in children if not c.categories[cid].suppressed]
    smallest = min(shown, key=lambda c: c.categories[cid].members)
    smallest.categories[cid].suppressed = True
