"""REFERENCE COPY (domain/reports.py at debad73, before issue 16 goal 2 changed how the
report reads and counts): the report the equivalence tests hold the new one to. Do not
optimise or edit it, except to follow an intended change of the counting rules. Call it
through ``tests.report_reference.read.reference_report``: its ``make_report`` below would get
storage's new inputs (part codes, no occasions).

Fiscal-year telework reports (PDCA follow-up): one pass over the staff, tallied per scope
(本省 / 地方支分部局等 / 全体), per org unit (局・部 and 課・室), per month and per target
category, plus Telework Week participation by section and the previous year's figures.

Pure: the caller reads ``ReportInputs`` from storage. The counting rules are in
``domain.report_model`` and are printed in every output.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

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
from domain.report_week import WeekCounter
from tests.report_reference.report_targets import (
    JudgedPeriods,
    TeleworkDays,
    judged_periods,
    telework_days,
)
from tests.report_reference.report_usage import Usage

ROW_KINDS = (UnitKind.BUREAU, UnitKind.SECTION)


def build_report(
    request: ReportRequest,
    inputs: ReportInputs,
    policy: Policy,
    calendar: WorkCalendar,
    rules: RulesInputs | None = None,
) -> Report:
    """The report for ``request`` and the same period one year earlier (前年度同期): the
    previous range counted up to the same month and day as this report's reference day;
    with ``rules``, the 2026 rules' counts per month and 課室 (``domain.report_rules``)."""
    chart = OrgChart(inputs.units)
    if request.unit is not None:
        chart.unit(request.unit)  # KeyError naming the code if unknown
    working = calendar.is_working_day  # telework on a closed day never counts
    days = {
        eid: telework_days(on_working_days(pairs, working))
        for eid, pairs in inputs.occasions.items()
    }
    # 週休日（割振り0）on working days: the person's own working days are fewer (aims)
    off = {
        eid: sorted(d.toordinal() for d in set(dates) if working(d))
        for eid, dates in inputs.no_hours.items()
    }
    current = _Pass(request, inputs, days, chart, policy, calendar, off).run()
    previous_request = ReportRequest(
        range=request.range.previous_year(),
        scope=request.scope,
        unit=request.unit,
        as_of=year_before(request.reference_day),
    )
    previous = _Pass(previous_request, inputs, days, chart, policy, calendar, off).run()
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


class _Pass:
    """One range: a single walk over the staff, adding each person to their tallies."""

    def __init__(
        self,
        request: ReportRequest,
        inputs: ReportInputs,
        days: Mapping[str, TeleworkDays],
        chart: OrgChart,
        policy: Policy,
        calendar: WorkCalendar,
        no_hours: Mapping[str, Sequence[int]] | None = None,
    ) -> None:
        report_range = request.range
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
        self.judged = {
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
        self.population = Population()
        self.week = request.telework_week
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
            categories={cid: CategoryTally() for cid in self.policy.categories},
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

        def walk(unit: OrgUnit, depth: int) -> None:
            if wanted is None or unit.kind in wanted:
                rows.append(UnitRow(unit, depth, self._new_tally()))
            for child in children.get(unit.code, []):
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
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
            if hi > lo:  # usage: wherever the person was on each day, leavers included
                self._add_usage(member, days, lo, hi)
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
            row = self._add_person(member, code, days, lo, hi)
            if row.not_eligible_reason == "exempt":
                exempt += 1
            elif row.not_eligible_reason == "conditional":
                conditional += 1
            if self.request.per_person:
                people.append(row)
        self._add_meetings()
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
        self, member: StaffMember, code: str, days: TeleworkDays, lo: int, hi: int
    ) -> PersonRow:
        """One person of the population (in post on the reference day, in ``code``): the
        denominators, the implementers of the rates, and target attainment."""
        policy = self.policy
        eligible_from = policy.eligibility.eligible_from(member.hire_date)
        reason = self._reason(member, self.reference)
        eligible = reason is None
        half_occasions = policy.counting.half_day_occasions
        half_value = policy.counting.half_day_person_days
        occasions = full = half = 0
        person_days = 0.0
        months: set[int] = set()
        month_of = self.month_of
        week_first, week_last = self.week_ordinals
        week_days = 0
        for position in range(lo, hi):
            ordinal, is_full = days[position]
            occasions += 1 if is_full else half_occasions
            person_days += 1.0 if is_full else half_value
            full += is_full
            half += not is_full
            months.add(month_of[ordinal])
            week_days += week_first <= ordinal <= week_last
        judgements = self._judge(member, days, eligible_from) if eligible else ()
        tallies = self._tallies_for(code)
        if eligible:  # the groups and the categories this person is counted in
            belongs = frozenset(p.category_id for p in self._categories_of(member))
            self.population.add(
                self._leaves[code],
                belongs,
                frozenset(c for c, _, _, _ in judgements),
                frozenset(c for c in belongs if policy.categories[c].exempts(member)),
            )
        for tally in tallies:
            tally.headcount += 1
            tally.eligible += eligible
            if hi > lo:
                tally.implementers += 1
                tally.implementers_eligible += eligible
                if eligible:  # 月1回以上実施率
                    for index in months:
                        tally.months[index].implementers_eligible += 1
            for cid, judged, met, attained in judgements:
                category = tally.categories[cid]
                category.members += 1
                category.attained += attained
                category.periods_judged += judged
                category.periods_met += met
        return PersonRow(
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

    def _add_usage(self, member: StaffMember, days: TeleworkDays, lo: int, hi: int) -> None:
        """Occasions, person-days and the months of everyone who teleworked in the range,
        each day counted in the unit the person belonged to that day (leavers and movers
        included): distinct people per group and per month."""
        spans = self.inputs.history.units_between(
            member, self.range.start, date.fromordinal(days[hi - 1][0])
        )
        by_code: dict[str, Usage] = {}
        half_occasions = self.policy.counting.half_day_occasions
        half_value = self.policy.counting.half_day_person_days
        month_of = self.month_of
        span = 0
        for position in range(lo, hi):
            ordinal, is_full = days[position]
            while span + 1 < len(spans) and spans[span + 1][0] <= ordinal:
                span += 1
            code = spans[span][1]
            usage = by_code.get(code)
            if usage is None:
                usage = by_code[code] = Usage()
            usage.add(month_of[ordinal], is_full, half_occasions, half_value)
        if len(by_code) == 1:
            ((code, usage),) = by_code.items()
            if self._in_scope(code):
                for tally in self._tallies_for(code):
                    usage.into(tally)
            return
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
            judged, met, attained = periods.judge(days, eligible_from, half_occasions, off)
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
        if not self._in_scope(code):
            return None
        section = self.chart.section_of(code)
        return None if section is None else section.code

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
    ``rules_source`` when given."""
    previous_start, _ = calendar.fiscal_year_range(request.range.fiscal_year - 1)
    inputs = await source.report_inputs(
        previous_start - timedelta(days=7), request.range.end + timedelta(days=7)
    )
    rules = None
    if rules_source is not None:
        r = request.range
        rules = await read_rules_inputs(rules_source, r.start, r.end, request.reference_day, policy)
    return build_report(request, inputs, policy, calendar, rules)
