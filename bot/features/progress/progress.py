"""「目標」/「進捗」/"my status": a person's quota status as a card."""

from __future__ import annotations

from datetime import date, time, timedelta

from bot.core.turn import Reply, Turn
from bot.ui.cards import Card, card, heading, paragraph
from bot.ui.formatting import period_label, short_date
from bot.ui.texts import Lang, text
from domain.allowance import assess_month, data_range
from domain.org import StaffMember
from domain.quota import NoTargetReason, QuotaStatus, Standing, TargetProgress, quota_status
from domain.schedule import EntryState, EntryStatus, occasion_part
from domain.worktime import START, PresenceHistory, hours_and_minutes, interval_cases
from storage.allowance import SqlAllowance


async def progress(turn: Turn, _payload: object) -> Reply:
    viewer = await turn.staff()
    services = turn.services
    today = services.today()
    first, last = services.calendar.fiscal_year_range(services.calendar.fiscal_year(today))
    # Weekly periods can straddle the fiscal year's edges.
    occasions = await services.schedule.telework_occasions(
        first - timedelta(days=7), last + timedelta(days=7), [viewer.member.employee_id]
    )
    confirmed = occasions.get(viewer.member.employee_id, [])
    status = quota_status(viewer.member, services.policy, services.calendar, today, confirmed)
    # Days awaiting approval are neither done nor planned yet, but the person has asked for
    # them: count them apart (the same quota rules: half days, one per day, inside the period).
    entries = await services.schedule.entries(
        viewer.member.employee_id, first - timedelta(days=7), last + timedelta(days=7)
    )
    asked = [
        (e.day, occasion_part(e.part).value)
        for e in entries
        if e.state is EntryState.PENDING and e.status is EntryStatus.TELEWORK
    ]
    pending: dict[str, int] = {}
    if asked:
        with_asked = quota_status(
            viewer.member, services.policy, services.calendar, today, [*confirmed, *asked]
        )
        counted = {t.category: t.done + t.planned for t in status.targets}
        pending = {
            t.category: max(0, t.done + t.planned - counted.get(t.category, 0))
            for t in with_asked.targets
        }
    extra = await _allowance_line(turn, viewer.member)
    extra += await _interval_line(turn, viewer.member.employee_id)
    days_off = {
        e.day
        for e in entries
        if e.status is EntryStatus.NO_HOURS and e.state is EntryState.CONFIRMED
    }
    short = _short_weeks(status, days_off, turn)
    return Reply(card=progress_card(status, viewer.member, turn, pending, extra, short))


def _short_weeks(status: QuotaStatus, days_off: set[date], turn: Turn) -> dict[str, int]:
    """Per aim whose current period is not a period of the aim for this person: their own
    working days in it (the organisation's less their 週休日（割振り0）), fewer than
    ``[aims] min_working_days`` — the same rule the report judges aims by."""
    services = turn.services
    policy = services.policy
    short: dict[str, int] = {}
    for target in status.targets:
        if policy.categories[target.category].target.strength != "aim":
            continue
        working = services.calendar.working_days(target.period.start, target.period.end)
        own = sum(1 for d in working if d not in days_off)
        if own < policy.aims.min_working_days:
            short[target.category] = own
    return short


async def _allowance_line(turn: Turn, member: StaffMember) -> list[str]:
    """The person's own 在宅勤務等手当 answer this month, when an order concerns them
    (issue 18 §3); the 「手当」 card has the details. Empty otherwise."""
    services = turn.services
    employee_id = member.employee_id
    rules = services.policy.allowance
    allowance = services.extensions.get(SqlAllowance)
    if not rules.enabled or not isinstance(allowance, SqlAllowance):
        return []
    orders = await allowance.orders([employee_id])
    if not any(o.active for o in orders):
        return []
    month = services.today().replace(day=1)
    first, last = data_range(month, rules)
    days = await allowance.telework_days(first, last, [employee_id])
    places = await allowance.places([employee_id])
    moves = {employee_id: member.ministry_since} if member.ministry_since else None
    [result] = assess_month(
        month, [employee_id], days, orders, places, rules, services.calendar, moves
    )
    average = f"{result.average:g}" if result.average is not None else "-"
    return [
        text(
            turn.lang,
            f"progress.allowance.{result.eligibility.value}",
            days=result.whole_days,
            average=average,
        )
    ]


async def _interval_line(turn: Turn, employee_id: str) -> list[str]:
    """The person's own 勤務間インターバル figure this month (issue 18 §3): how many of their
    業務開始 came sooner than the interval, and the shortest rest. Only when the check is on
    and they reported a start this month; the card is personal (1:1 chats only)."""
    services = turn.services
    rules = services.policy.worktime
    history = services.find(PresenceHistory)  # type: ignore[type-abstract]
    if not rules.interval_check or history is None:
        return []
    calendar = services.calendar
    today = services.today()
    first = today.replace(day=1)
    reports = await history.presence_reports(
        calendar.at(first - timedelta(days=1), time(0)),
        calendar.at(today + timedelta(days=1), time(0)),
        [employee_id],
    )
    if not any(r.kind == START and r.at.astimezone(calendar.tz).date() >= first for r in reports):
        return []
    cases = [c for c in interval_cases(reports, rules, calendar.tz) if c.day >= first]
    hours = f"{rules.interval_hours:g}"
    if not cases:
        return [text(turn.lang, "progress.interval.none", hours=hours)]
    shortest_hours, shortest_minutes = hours_and_minutes(min(c.rest for c in cases))
    return [
        text(
            turn.lang,
            "progress.interval.some",
            hours=hours,
            count=len(cases),
            rest_hours=shortest_hours,
            rest_minutes=shortest_minutes,
        )
    ]


def progress_card(
    status: QuotaStatus,
    member: StaffMember,
    turn: Turn,
    pending: dict[str, int] | None = None,
    extra: list[str] | None = None,
    short: dict[str, int] | None = None,
) -> Card:
    """The card; ``pending``: per category, the days awaiting approval in its period;
    ``extra``: the person's own further figures (the allowance), at the end; ``short``: per
    aim, the person's own working days when too few for the period to count."""
    pending = pending or {}
    short = short or {}
    lang = turn.lang
    body = [heading(text(lang, "progress.title", date=short_date(status.on, lang)))]
    tail = [paragraph(line) for line in extra or ()]
    if status.no_target is not None:
        body.append(paragraph(_no_target(status, member, lang)))
        return card(body + tail)
    policy = turn.services.policy
    for target in status.targets:
        category = policy.categories[target.category].name(lang)
        aim = policy.categories[target.category].target.strength == "aim"
        body.append(
            {
                "type": "TextBlock",
                "weight": "Bolder",
                "wrap": True,
                "spacing": "Medium",
                "text": text(
                    lang,
                    "progress.target.aim" if aim else "progress.target",
                    category=category,
                    needed=target.needed,
                    period=period_label(target.period, lang),
                ),
            }
        )
        if target.category in short:
            own = short[target.category]
            body.append(paragraph(text(lang, "progress.aim.short", days=own), subtle=True))
            continue
        if target.standing == Standing.MET:
            body.append(paragraph(text(lang, "progress.met", done=target.done)))
            continue
        body.append(paragraph(_counts(target, pending.get(target.category, 0), lang)))
        if aim:  # judged on average over the year: no deadline, never "behind"
            body.append(
                paragraph(text(lang, "progress.aim.open", needed=target.needed), subtle=True)
            )
        elif target.next_deadline is not None and target.next_deadline <= status.on:
            # On pace until today, but the milestone is today: say so rather than "on track".
            body.append(paragraph(text(lang, "progress.due_today", remaining=target.remaining)))
        elif target.standing == Standing.BEHIND or target.next_deadline is None:
            body.append(
                paragraph(text(lang, "progress.behind", deadline=short_date(target.deadline, lang)))
            )
        else:
            body.append(
                paragraph(
                    text(lang, "progress.on_track", next=short_date(target.next_deadline, lang)),
                    subtle=True,
                )
            )
    return card(body + tail)


def _counts(target: TargetProgress, pending: int, lang: Lang) -> str:
    """Done, planned (approved days ahead) and awaiting approval; what is left to plan."""
    asked = text(lang, "progress.pending", pending=pending) if pending else ""
    to_plan = max(0, target.remaining - target.planned - pending)
    values = {"done": target.done, "planned": target.planned, "asked": asked}
    if to_plan > 0:
        return text(lang, "progress.done", remaining=to_plan, **values)
    if target.planned >= target.remaining:
        return text(lang, "progress.done.planned_enough", **values)
    return text(lang, "progress.done.pending_enough", **values)


def _no_target(status: QuotaStatus, member: StaffMember, lang: Lang) -> str:
    reason = status.no_target
    if reason == NoTargetReason.EXEMPT and member.exempt_reason is not None:
        work = text(lang, f"exempt.{member.exempt_reason.value}")
        return text(lang, "progress.none.exempt", reason=work)
    if reason == NoTargetReason.CONDITIONAL_APPOINTMENT and status.conditional_until:
        return text(
            lang, "progress.none.conditional", until=short_date(status.conditional_until, lang)
        )
    if reason == NoTargetReason.NOT_COVERED:
        return text(lang, "progress.none.not_covered")
    if reason == NoTargetReason.INACTIVE:
        return text(lang, "progress.none.inactive")
    return text(lang, "progress.none.no_category")
