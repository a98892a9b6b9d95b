"""Fiscal-year telework reports (PDCA follow-up): one pass over the staff, tallied per scope
(本省 / 地方支分部局等 / 全体), per org unit (局・部 and 課・室), per month and per target
category, plus Telework Week participation by section and the previous year's figures.

Pure: the caller reads ``ReportInputs`` from storage. The counting rules are in
``domain.report_model`` and are printed in every output.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, timedelta
from itertools import accumulate

from domain.bulk import collector_paused
from domain.calendar import WorkCalendar
from domain.conditions import roster_key
from domain.occasions import on_working_days
from domain.org import Office, OrgChart, OrgUnit, StaffMember, UnitKind
from domain.periods import Period, PeriodKind, period_for
from domain.policy import Policy
from domain.report_model import (
    CategoryTally,
    Exclusions,
    MonthTally,
    ReportRange,
    ReportRequest,
    Scope,
    Tally,
    year_before,
)
from domain.report_privacy import Population, suppress_small_groups
from domain.report_rows import (
    OverviewRow,
    PersonRow,
    Report,
    ReportBody,
    ReportInputs,
    ReportSource,
    TeleworkWeek,
    UnitRow,
)
from domain.report_rules import (
    RulesInputs,
    RulesSource,
    read_rules_inputs,
    rules_figures,
    section_placer,
)
from domain.report_targets import JudgedPeriods, TeleworkDays, judged_periods, telework_days
from domain.report_usage import Usage, UsageSum, exact_sums
from domain.report_week import WeekCounter

ROW_KINDS = (UnitKind.BUREAU, UnitKind.SECTION)

_Totals = tuple[int, float, int, int, Collection[int]]
"""One person's telework in a range: occasions, person-days, full days, half days, and the
indexes of the months with any."""
_NO_TELEWORK: _Totals = (0, 0.0, 0, 0, ())
FULL_BITS = 3  # ReportInputs.days: a morning 1, an afternoon 2, a full day 3


def build_report(
    request: ReportRequest,
    inputs: ReportInputs,
    policy: Policy,
    calendar: WorkCalendar,
    rules: RulesInputs | None = None,
) -> Report:
    """The report for ``request`` and the same period one year earlier (前年度同期): the
    previous range counted up to the same month and day as this report's reference day, for
    the comparison (the overview rows without category figures: ``Report.previous``);
    with ``rules``, the 2026 rules' counts per month and 課室 (``domain.report_rules``)."""
    with collector_paused():
        return _build_report(request, inputs, policy, calendar, rules)


def _build_report(
    request: ReportRequest,
    inputs: ReportInputs,
    policy: Policy,
    calendar: WorkCalendar,
    rules: RulesInputs | None,
) -> Report:
    chart = OrgChart(inputs.units)
    if request.unit is not None:
        chart.unit(request.unit)  # KeyError naming the code if unknown
    working = calendar.is_working_day  # telework on a closed day never counts
    if inputs.days is not None:
        days = _working_days(inputs.days, working)
    else:
        days = {
            eid: telework_days(on_working_days(pairs, working))
            for eid, pairs in inputs.occasions.items()
        }
    # 週休日（割振り0）on working days: the person's own working days are fewer (aims)
    off = {
        eid: sorted(d.toordinal() for d in set(dates) if working(d))
        for eid, dates in inputs.no_hours.items()
    }
    counted = {  # each person's day ordinals and running count of full days
        eid: ([o for o, _ in pairs], list(accumulate((f for _, f in pairs), initial=0)))
        for eid, pairs in days.items()
    }
    current = _Pass(request, inputs, days, chart, policy, calendar, off, counted).run()
    previous_request = ReportRequest(
        range=request.range.previous_year(),
        scope=request.scope,
        unit=request.unit,
        as_of=year_before(request.reference_day),
    )
    previous = _Pass(
        previous_request, inputs, days, chart, policy, calendar, off, counted, comparison=True
    ).run()
    figures = None
    if rules is not None:
        figures = rules_figures(
            request.range.start,
            request.range.end,
            request.reference_day,
            [row.unit for row in current.units if row.unit.kind is UnitKind.SECTION],
            section_placer(inputs.staff, inputs.history, chart),
            rules,
            policy,
            calendar,
        )
    return Report(
        request=request,
        current=current,
        previous=previous,
        categories=tuple(policy.categories.items()),
        min_group_size=policy.reports.care_min_group_size,
        counting=policy.counting,
        aims=policy.aims,
        rules=figures,
    )


def _working_days(
    codes: Mapping[str, Sequence[int]], working: Callable[[date], bool]
) -> dict[str, TeleworkDays]:
    """``ReportInputs.days`` as the walk reads them: (ordinal, full?) per day, ascending, a
    day's rows merged (their part bits OR-ed: a morning and an afternoon make a full day, as
    ``telework_days`` merges them) and closed days left out."""
    lowest = min((min(c) for c in codes.values() if c), default=None)
    highest = max((max(c) for c in codes.values() if c), default=None)
    closed: set[int] = set()  # nobody teleworked: no days to check
    if lowest is not None and highest is not None:
        span = range(lowest >> 2, (highest >> 2) + 1)
        closed = {o for o in span if not working(date.fromordinal(o))}
    result: dict[str, TeleworkDays] = {}
    for employee_id, person in codes.items():
        ordered = sorted(person)
        ordinals = [code >> 2 for code in ordered]
        if len(set(ordinals)) == len(ordinals):  # one row a day (most people)
            result[employee_id] = [
                (code >> 2, code & FULL_BITS == FULL_BITS)
                for code in ordered
                if code >> 2 not in closed
            ]
            continue
        merged: dict[int, int] = {}
        for code in ordered:
            ordinal = code >> 2
            merged[ordinal] = merged.get(ordinal, 0) | code & FULL_BITS
        result[employee_id] = [
            (ordinal, bits == FULL_BITS)
            for ordinal, bits in merged.items()
            if ordinal not in closed
        ]
    return result


class _Pass:
    """One range: a single walk over the staff, adding each person to their tallies.

    ``comparison``: only what the comparison with the previous year reads (the overview
    rows' headcounts, implementers, months, person-days and meetings, and the exclusions):
    no unit rows, category figures, Telework Week or people, and so no targets judged and
    nothing to suppress."""

    def __init__(
        self,
        request: ReportRequest,
        inputs: ReportInputs,
        days: Mapping[str, TeleworkDays],
        chart: OrgChart,
        policy: Policy,
        calendar: WorkCalendar,
        no_hours: Mapping[str, Sequence[int]] | None = None,
        counted: Mapping[str, tuple[Sequence[int], Sequence[int]]] | None = None,
        comparison: bool = False,
    ) -> None:
        report_range = request.range
        self.comparison = comparison
        self.counted = counted or {}
        self.no_hours = no_hours or {}
        self.request, self.range, self.inputs, self.days = request, report_range, inputs, days
        self.chart, self.policy, self.calendar = chart, policy, calendar
        self.reference = request.reference_day
        self.months = _months(report_range, calendar)
        self.month_of = {
            ordinal: index
            for index, month in enumerate(self.months)
            for ordinal in range(month.start.toordinal(), month.end.toordinal() + 1)
        }
        self.month_ends = [month.end.toordinal() for month in self.months]
        self.judged = (
            {}
            if comparison
            else {
                cid: judged_periods(
                    cid,
                    category,
                    report_range,
                    self.reference,
                    calendar,
                    prorate=policy.eligibility.prorate_first_period,
                    on_average=category.target.strength == "aim" and policy.aims.on_average,
                    min_working_days=policy.aims.min_working_days,
                )
                for cid, category in policy.categories.items()
            }
        )
        self._membership: dict[tuple[bool, ...], tuple[JudgedPeriods, ...]] = {}
        self.in_filter = (
            None if request.unit is None else {u.code for u in chart.units_under(request.unit)}
        )
        self.overview = self._overview_rows()
        self.unit_rows = self._unit_rows()
        self._targets: dict[str, list[Tally]] = {}
        self._unit_tallies = {row.unit.code: row.tally for row in self.unit_rows}
        self.groups = [r.tally for r in self.overview] + [r.tally for r in self.unit_rows]
        self._group_index = {id(tally): i for i, tally in enumerate(self.groups)}
        self._leaves: dict[str, tuple[int, ...]] = {}
        # People of one unit summed first, then added to its groups once (when the order of
        # the person-day sums cannot change them)
        self._sums: dict[str, UsageSum] | None = (
            {} if exact_sums(policy.counting.half_day_person_days) else None
        )
        self._week_sections: dict[str, str | None] = {}
        self._population: dict[str, _People] = {}
        self._belonging: dict[object, tuple[frozenset[str], frozenset[str]]] = {}
        self.population = Population()
        self.week = None if comparison else request.telework_week
        if self.week is not None and (
            self.week[1] < report_range.start or self.week[0] > report_range.end
        ):
            self.week = None
        self.week_counter = WeekCounter()
        self.week_ordinals = (
            (self.week[0].toordinal(), self.week[1].toordinal()) if self.week else (0, -1)
        )

    # -- rows --------------------------------------------------------------------------

    def _new_tally(self) -> Tally:
        return Tally(
            months=[MonthTally() for _ in self.months],
            categories={cid: CategoryTally() for cid in self.judged},
        )

    def _overview_rows(self) -> list[OverviewRow]:
        if self.request.unit is not None:
            unit = self.chart.unit(self.request.unit)
            return [OverviewRow(Scope(unit.office.value), unit, self._new_tally())]
        if self.request.scope is Scope.ALL:
            scopes: tuple[Scope, ...] = (Scope.HEAD_OFFICE, Scope.REGIONAL, Scope.ALL)
        else:
            scopes = (self.request.scope,)
        return [OverviewRow(s, None, self._new_tally()) for s in scopes]

    def _unit_rows(self) -> list[UnitRow]:
        if self.comparison:
            return []
        units = self.inputs.units
        children: dict[str | None, list[OrgUnit]] = {}
        for unit in units:
            children.setdefault(unit.parent, []).append(unit)
        for kids in children.values():  # 本省 before 地方支分部局等, then by code
            kids.sort(key=lambda u: (u.office is not Office.HEAD_OFFICE, u.code))
        if self.request.unit is not None:
            roots = [self.chart.unit(self.request.unit)]
            wanted = None  # every level under the chosen unit
        else:
            roots = [u for u in children.get(None, []) if self.request.scope.includes(u.office)]
            wanted = ROW_KINDS
        rows: list[UnitRow] = []
        # Depth first, children in order (a stack, not a recursive closure: that would be a
        # reference cycle keeping this pass and everything it read alive until collected)
        stack = [(root, 0) for root in reversed(roots)]
        while stack:
            unit, depth = stack.pop()
            if wanted is None or unit.kind in wanted:
                rows.append(UnitRow(unit, depth, self._new_tally()))
            stack.extend((child, depth + 1) for child in reversed(children.get(unit.code, [])))
        return rows

    def _tallies_for(self, code: str) -> list[Tally]:
        cached = self._targets.get(code)
        if cached is not None:
            return cached
        office = self.chart.office_of(code)
        tallies = [row.tally for row in self.overview if row.scope.includes(office)]
        by_code = self._unit_tallies
        current: str | None = code
        while current is not None:
            if current in by_code:
                tallies.append(by_code[current])
            current = self.chart.unit(current).parent
        self._targets[code] = tallies
        self._leaves[code] = tuple(sorted(self._group_index[id(t)] for t in tallies))
        return tallies

    # -- the walk ----------------------------------------------------------------------

    def run(self) -> ReportBody:
        history, ref = self.inputs.history, self.reference
        left = exempt = conditional = unknown = not_covered = 0
        people: list[PersonRow] = []
        first, last = self.range.start.toordinal(), ref.toordinal()
        for member in self.inputs.staff:
            if not self.policy.covers(member):  # 非常勤: outside the plan (policy)
                if history.was_in_post_during(member, self.range.start, ref) and self._in_scope(
                    history.unit_on(member, ref)
                ):
                    not_covered += 1
                continue
            days = self.days.get(member.employee_id, ())
            lo = bisect_left(days, (first,))
            hi = bisect_right(days, (last, True))
            totals = _NO_TELEWORK
            if hi > lo:  # usage: wherever the person was on each day, leavers included
                totals = self._add_usage(member, days, lo, hi)
            if self.week is not None:
                self._add_to_week(member, days)
            if not history.in_post_on(member, ref):
                if history.was_in_post_during(member, self.range.start, ref) and self._in_scope(
                    history.unit_on(member, self.range.start)
                ):
                    left += 1
                continue
            code = history.unit_on(member, ref)
            if code not in self.chart:
                unknown += 1 if self.request.unit is None else 0
                continue
            if not self._in_scope(code):
                continue
            reason, row = self._add_person(member, code, days, lo, hi, totals)
            if reason == "exempt":
                exempt += 1
            elif reason == "conditional":
                conditional += 1
            if row is not None:
                people.append(row)
        for code, sums in (self._sums or {}).items():
            for tally in self._tallies_for(code):
                sums.into(tally)
        for code, population in self._population.items():
            for tally in self._tallies_for(code):
                population.into(tally)
        self._add_meetings()
        if not self.comparison:  # no category figures otherwise
            suppress_small_groups(
                self.groups,
                self.population,
                self.policy.categories,
                self.policy.reports.care_min_group_size,
            )
        return ReportBody(
            range=self.range,
            reference_day=ref,
            months=tuple(self.months),
            overview=tuple(self.overview),
            units=tuple(self.unit_rows),
            telework_week=self._week_result(),
            people=tuple(sorted(people, key=lambda p: (p.unit, p.employee_id))),
            exclusions=Exclusions(left, exempt, conditional, unknown, not_covered),
        )

    def _in_scope(self, code: str) -> bool:
        if code not in self.chart:
            return False
        if self.in_filter is not None:
            return code in self.in_filter
        return self.request.scope.includes(self.chart.office_of(code))

    def _reason(self, member: StaffMember, on: date) -> str | None:
        """Why ``member`` is not eligible on ``on`` (None: eligible)."""
        if self.policy.is_exempt(member):
            return "exempt"
        if self.policy.eligibility.eligible_from(member.hire_date) > on:
            return "conditional"
        return None

    def _add_person(
        self,
        member: StaffMember,
        code: str,
        days: TeleworkDays,
        lo: int,
        hi: int,
        totals: _Totals,
    ) -> tuple[str | None, PersonRow | None]:
        """One person of the population (in post on the reference day, in ``code``): the
        denominators, the implementers of the rates, and target attainment. ``totals``: the
        person's telework of ``days[lo:hi]`` (``_add_usage`` counted it). Returns why they
        are not eligible (None: eligible) and their row when the report lists people."""
        policy = self.policy
        eligible_from = policy.eligibility.eligible_from(member.hire_date)
        reason = self._reason(member, self.reference)
        eligible = reason is None
        occasions, person_days, full, half, months = totals
        judged = eligible and not self.comparison
        judgements = self._judge(member, days, eligible_from) if judged else ()
        self._tallies_for(code)  # fills self._leaves[code]
        if judged:  # the groups and the categories this person is counted in
            belongs, exempted = self._belongs(member)
            self.population.add(
                self._leaves[code],
                belongs,
                frozenset(c for c, _, _, _ in judgements),
                exempted,
            )
        counted = self._population.get(code)  # added to the unit's groups after the walk
        if counted is None:
            counted = self._population[code] = _People()
        counted.add(eligible, hi > lo, months, judgements)
        if not self.request.per_person:
            return reason, None
        week_first, week_last = self.week_ordinals
        week_days = max(
            0,
            bisect_right(days, (week_last, True), lo, hi)
            - bisect_left(days, (week_first,), lo, hi),
        )
        return reason, PersonRow(
            employee_id=member.employee_id,
            name=member.name,
            unit=code,
            eligible=eligible,
            not_eligible_reason=reason,
            occasions=occasions,
            person_days=person_days,
            full_days=full,
            half_days=half,
            telework_week_days=week_days,
        )

    def _add_usage(self, member: StaffMember, days: TeleworkDays, lo: int, hi: int) -> _Totals:
        """Occasions, person-days and the months of everyone who teleworked in the range,
        each day counted in the unit the person belonged to that day (leavers and movers
        included): distinct people per group and per month. Returns the person's totals."""
        spans = self.inputs.history.units_between(
            member, self.range.start, date.fromordinal(days[hi - 1][0])
        )
        by_code: dict[str, Usage] = {}
        half_occasions = self.policy.counting.half_day_occasions
        half_value = self.policy.counting.half_day_person_days
        month_of = self.month_of
        if len(spans) == 1:  # most people: one unit all along
            code = spans[0][1]
            usage = Usage()
            counted = self.counted.get(member.employee_id) if self._sums is not None else None
            if counted is not None:  # month by month (the order of the sums does not matter)
                ordinals, fulls = counted
                usage.add_counted(
                    ordinals, fulls, lo, hi, month_of, self.month_ends, half_occasions, half_value
                )
            else:
                usage.add_days(days[lo:hi], month_of, self.month_ends, half_occasions, half_value)
            if self._in_scope(code):
                if self._sums is not None:
                    summed = self._sums.get(code)
                    if summed is None:
                        summed = self._sums[code] = UsageSum()
                    summed.add(usage)
                else:
                    for tally in self._tallies_for(code):
                        usage.into(tally)
            return (usage.occasions, usage.person_days, usage.full, usage.half, usage.months)
        span = 0
        for position in range(lo, hi):
            ordinal, is_full = days[position]
            while span + 1 < len(spans) and spans[span + 1][0] <= ordinal:
                span += 1
            code = spans[span][1]
            current = by_code.get(code)
            if current is None:
                current = by_code[code] = Usage()
            current.add(month_of[ordinal], is_full, half_occasions, half_value)
        if len(by_code) == 1:
            ((code, usage),) = by_code.items()
            if self._in_scope(code):
                for tally in self._tallies_for(code):
                    usage.into(tally)
            return (usage.occasions, usage.person_days, usage.full, usage.half, usage.months)
        merged: dict[int, tuple[Tally, Usage]] = {}  # a group covering two units: once
        for code, usage in by_code.items():
            if not self._in_scope(code):
                continue
            for tally in self._tallies_for(code):
                found = merged.get(id(tally))
                if found is None:
                    merged[id(tally)] = (tally, usage.copy())
                else:
                    found[1].merge(usage)
        for tally, usage in merged.values():
            usage.into(tally)
        person_days = 0.0  # summed day by day, as for one unit
        for position in range(lo, hi):
            person_days += 1.0 if days[position][1] else half_value
        units = by_code.values()
        return (
            sum(u.occasions for u in units),
            person_days,
            sum(u.full for u in units),
            sum(u.half for u in units),
            {index for u in units for index in u.months},
        )

    def _belongs(self, member: StaffMember) -> tuple[frozenset[str], frozenset[str]]:
        """The categories ``member`` belongs to by the roster, and those of them whose
        target their work exempts them from (the same for everyone with the same flags and
        work reason)."""
        key = (roster_key(member), member.exempt_reason)
        found = self._belonging.get(key)
        if found is None:
            belongs = frozenset(p.category_id for p in self._categories_of(member))
            exempted = frozenset(c for c in belongs if self.policy.categories[c].exempts(member))
            found = self._belonging[key] = (belongs, exempted)
        return found

    def _categories_of(self, member: StaffMember) -> tuple[JudgedPeriods, ...]:
        key = roster_key(member)
        categories = self._membership.get(key)
        if categories is None:
            categories = tuple(
                self.judged[cid]
                for cid, c in self.policy.categories.items()
                if c.when.holds_for(member)
            )
            self._membership[key] = categories
        return categories

    def _judge(
        self, member: StaffMember, days: TeleworkDays, eligible_from: date
    ) -> list[tuple[str, int, int, bool]]:
        categories = self._categories_of(member)
        out: list[tuple[str, int, int, bool]] = []
        half_occasions = self.policy.counting.half_day_occasions
        off = self.no_hours.get(member.employee_id, ())
        for periods in categories:
            if self.policy.categories[periods.category_id].exempts(member):
                continue  # e.g. 国会業務: no weekly aim, still in the category by the roster
            judged, met, attained = periods.judge(
                days, eligible_from, half_occasions, off, self.counted.get(member.employee_id)
            )
            if judged:
                out.append((periods.category_id, judged, met, attained))
        return out

    def _add_to_week(self, member: StaffMember, days: TeleworkDays) -> None:
        """Telework Week: the member counts in the section they were in on each day of the
        week (participants, per day), and in the headcount of the section they were in on
        the week's last day counted (in post then)."""
        history, (first, last) = self.inputs.history, self.week_ordinals
        last = min(last, self.reference.toordinal())
        if last < first:
            return
        at = date.fromordinal(last)
        if history.in_post_on(member, at):
            code = history.unit_on(member, at)
            section = self._week_section(code)
            if section is not None:
                self.week_counter.add_member(section, self._reason(member, at) is None)
        lo = bisect_left(days, (first,))
        hi = bisect_right(days, (last, True))
        if hi <= lo:
            return
        half_value = self.policy.counting.half_day_person_days
        hits: dict[str, list[tuple[int, float]]] = {}
        for position in range(lo, hi):
            ordinal, is_full = days[position]
            section = self._week_section(history.unit_on(member, date.fromordinal(ordinal)))
            if section is not None:
                hits.setdefault(section, []).append((ordinal, 1.0 if is_full else half_value))
        for section, section_days in hits.items():
            self.week_counter.add_days(section, section_days)

    def _week_section(self, code: str) -> str | None:
        if code in self._week_sections:
            return self._week_sections[code]
        found = None
        if self._in_scope(code):
            section = self.chart.section_of(code)
            found = None if section is None else section.code
        self._week_sections[code] = found
        return found

    def _week_result(self) -> TeleworkWeek | None:
        if self.week is None:
            return None
        sections = [r.unit for r in self.unit_rows if r.unit.kind is UnitKind.SECTION]
        return self.week_counter.result(self.week, sections, self.chart, self.calendar)

    def _add_meetings(self) -> None:
        start, ref = self.range.start, self.reference
        whole_organisation = self.request.unit is None and self.request.scope is Scope.ALL
        for day, code in self.inputs.meetings:
            if not start <= day <= ref:
                continue
            if code is not None and code in self.chart:
                if self._in_scope(code):
                    for tally in self._tallies_for(code):
                        tally.meetings += 1
            elif whole_organisation:
                self.overview[-1].tally.meetings += 1


class _People:
    """The population of one unit (in it on the reference day), counted person by person
    and added to the unit's groups once: headcounts, implementers and target attainment
    (integers, so the order of the sums cannot change them)."""

    __slots__ = (
        "categories",
        "eligible",
        "headcount",
        "implementers",
        "implementers_eligible",
        "months",
    )

    def __init__(self) -> None:
        self.headcount = self.eligible = self.implementers = self.implementers_eligible = 0
        self.months: dict[int, int] = {}  # 月1回以上: eligible implementers per month
        self.categories: dict[str, list[int]] = {}  # members, attained, judged, met

    def add(
        self,
        eligible: bool,
        teleworked: bool,
        months: Collection[int],
        judgements: Sequence[tuple[str, int, int, bool]],
    ) -> None:
        self.headcount += 1
        self.eligible += eligible
        if teleworked:
            self.implementers += 1
            self.implementers_eligible += eligible
            if eligible:
                counts = self.months
                for index in months:
                    counts[index] = counts.get(index, 0) + 1
        for cid, judged, met, attained in judgements:
            cell = self.categories.get(cid)
            if cell is None:
                cell = self.categories[cid] = [0, 0, 0, 0]
            cell[0] += 1
            cell[1] += attained
            cell[2] += judged
            cell[3] += met

    def into(self, tally: Tally) -> None:
        tally.headcount += self.headcount
        tally.eligible += self.eligible
        tally.implementers += self.implementers
        tally.implementers_eligible += self.implementers_eligible
        for index, count in self.months.items():
            tally.months[index].implementers_eligible += count
        for cid, (members, attained, judged, met) in self.categories.items():
            category = tally.categories[cid]
            category.members += members
            category.attained += attained
            category.periods_judged += judged
            category.periods_met += met


def _months(report_range: ReportRange, calendar: WorkCalendar) -> list[Period]:
    months: list[Period] = []
    period = period_for(PeriodKind.MONTH, report_range.start, calendar)
    while period.start <= report_range.end:
        months.append(period)
        period = period_for(PeriodKind.MONTH, period.end + timedelta(days=1), calendar)
    return months


async def make_report(
    source: ReportSource,
    request: ReportRequest,
    policy: Policy,
    calendar: WorkCalendar,
    rules_source: RulesSource | None = None,
) -> Report:
    """Read what ``request`` needs through ``source`` and build the report: telework from a
    week before the previous fiscal year (weeks straddle its start; fiscal-year targets
    count from its first day) to a week after the range; the 2026 rules' inputs through
    ``rules_source`` when given.

    The collector is paused while the inputs are read too (``collector_paused``): reading
    50,000 staff, their roster events and two years of telework spent seconds in full
    collections of a heap that only grew. Other tasks keep running meanwhile; only their
    cyclic garbage waits until the report is made."""
    previous_start, _ = calendar.fiscal_year_range(request.range.fiscal_year - 1)
    with collector_paused():
        inputs = await source.report_inputs(
            previous_start - timedelta(days=7), request.range.end + timedelta(days=7)
        )
        rules = None
        if rules_source is not None:
            r = request.range
            rules = await read_rules_inputs(
                rules_source, r.start, r.end, request.reference_day, policy
            )
        report = build_report(request, inputs, policy, calendar, rules)
        del inputs, rules  # freed now: the collection when the collector resumes skips them
    return report
