"""Weekly patterns: 「毎週水曜テレワーク」 / "WFH every Wednesday" and ending them.

A pattern becomes concrete entries up to its end date, or ``HORIZON_WEEKS`` ahead when it has
none (the read-back says so). Closed days and days that already hold another entry are left
out and listed; nothing is replaced silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.core.turn import Reply, Turn
from bot.features.declare.declare import CLARIFY, question_text
from bot.features.declare.payloads import Pattern, Weekdays
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import entry_line, join_list, part_label, short_date, status_label
from bot.ui.texts import Lang, text
from dialogs.conversation import Clarification
from dialogs.understanding import Interpretation, Recurrence
from domain.declarations import MAX_LINES, Proposal, Requested, entries_to_save, propose
from domain.org import Viewer
from domain.schedule import WEEKDAYS, EntryStatus, RecurringPlan, is_valid_part

_ENTRY_STATUSES = frozenset(s.value for s in EntryStatus)

HORIZON_WEEKS = 13
_WEEKDAY_JA = dict(zip(WEEKDAYS, "月火水木金土日", strict=True))
_WEEKDAY_EN = dict(zip(WEEKDAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))


def _weekdays_label(weekdays: tuple[str, ...], lang: Lang) -> str:
    if lang == "ja":
        return "・".join(_WEEKDAY_JA[w] for w in weekdays) + "曜"
    return "/".join(_WEEKDAY_EN[w] for w in weekdays)


def _plan(turn: Turn, employee_id: str, pattern: Pattern) -> RecurringPlan | None:
    weekdays = tuple(w for w in WEEKDAYS if w in pattern.weekdays)
    today = turn.services.today()
    start = max(pattern.start, today) if pattern.start else today
    if not weekdays or not is_valid_part(pattern.part):
        return None
    until = pattern.until or start + timedelta(weeks=HORIZON_WEEKS)
    if until < start:
        return None
    plan = RecurringPlan(employee_id, weekdays, pattern.part, pattern.status, start, until)
    # One read-back card holds at most MAX_LINES days: a longer pattern ends at the last of
    # them, and the card's dates say so (it is never cut short silently).
    open_days = [d for d in plan.days(start, until) if turn.services.calendar.is_working_day(d)]
    if len(open_days) > MAX_LINES:
        plan = replace(plan, until=open_days[MAX_LINES - 1])
    return plan


async def _proposal(turn: Turn, viewer: Viewer, plan: RecurringPlan) -> tuple[Proposal, list[date]]:
    calendar = turn.services.calendar
    assert plan.until is not None
    days = plan.days(plan.start, plan.until)
    open_days = [d for d in days if calendar.is_working_day(d)]
    closed = [d for d in days if not calendar.is_working_day(d)]
    existing = await turn.services.schedule.entries(
        viewer.member.employee_id, plan.start, plan.until
    )
    proposal = propose(
        viewer.member,
        [Requested(d.isoformat(), plan.part, plan.status.value) for d in open_days],
        existing,
        policy=turn.services.policy,
        calendar=calendar,
        now=turn.services.now(),
    )
    # Recurring plans never replace what is already there: such days are left out.
    skipped = closed + [d.day for d in proposal.days if d.replaces]
    proposal.days = [d for d in proposal.days if not d.replaces]
    return proposal, sorted(skipped)


def _pattern(recurrence: Recurrence | None) -> Pattern | None:
    """The parser's recurrence as the card's pattern (None when it names no weekday)."""
    if recurrence is None or not recurrence.weekdays:
        return None
    status = recurrence.status.value if recurrence.status else EntryStatus.TELEWORK.value
    if status not in _ENTRY_STATUSES:
        return None
    return Pattern.model_validate(
        {
            "weekdays": list(recurrence.weekdays),
            "part": recurrence.part,
            "status": status,
            "from": recurrence.start,
            "until": recurrence.until,
        }
    )


async def declare_recurring(turn: Turn, meaning: Interpretation) -> Reply:
    """Read back the days of a weekly pattern; when the message left a question (which
    weekday? which status?), ask it and keep what it did say for the answer."""
    viewer = await turn.staff()
    lang = turn.lang
    if meaning.question:
        question = question_text(meaning, lang)
        turn.exchange.hold(CLARIFY, Clarification.begin(meaning, question).to_json())
        return Reply(text=question)
    pattern = _pattern(meaning.recurrence)
    plan = _plan(turn, viewer.member.employee_id, pattern) if pattern else None
    if plan is None:
        return Reply(text=text(lang, "question.which_day"))
    proposal, skipped = await _proposal(turn, viewer, plan)
    if not proposal.to_save:
        return Reply(text=text(lang, "recurring.nothing"))
    assert plan.until is not None
    body: list[dict[str, Any]] = [
        heading(
            text(
                lang,
                "recurring.title",
                weekdays=_weekdays_label(plan.weekdays, lang),
                part=part_label(plan.part, lang),
                status=status_label(plan.status, lang),
                start=short_date(plan.start, lang),
                until=short_date(plan.until, lang),
            )
        )
    ]
    body.extend(paragraph(entry_line(d.day, d.part, d.status, lang)) for d in proposal.to_save)
    if skipped:
        body.append(
            paragraph(
                text(
                    lang,
                    "recurring.skipped",
                    days=join_list((short_date(d, lang) for d in skipped), lang),
                ),
                subtle=True,
            )
        )
    data = {
        "weekdays": list(plan.weekdays),
        "part": plan.part,
        "status": plan.status.value,
        "from": plan.start.isoformat(),
        "until": plan.until.isoformat(),
    }
    return Reply(
        card=card(
            body,
            [
                execute(text(lang, "declare.button.confirm"), "recurring_confirm", **data),
                execute(text(lang, "declare.button.dismiss"), "declare_dismiss"),
            ],
        )
    )


async def recurring_confirm(turn: Turn, payload: Pattern) -> Reply:
    viewer = await turn.staff()
    lang = turn.lang
    plan = _plan(turn, viewer.member.employee_id, payload)
    if plan is None:
        return Reply(text=text(lang, "question.which_day"))
    proposal, _skipped = await _proposal(turn, viewer, plan)
    if not proposal.to_save:
        return Reply(card=card([paragraph(text(lang, "recurring.nothing"))]))
    saved = await turn.services.schedule.save_recurring(
        plan, entries_to_save(proposal), actor=viewer.member.employee_id
    )
    assert plan.until is not None
    return Reply(
        card=card(
            [
                paragraph(
                    text(
                        lang,
                        "recurring.saved",
                        weekdays=_weekdays_label(plan.weekdays, lang),
                        count=len(saved),
                        until=short_date(plan.until, lang),
                    )
                )
            ]
        )
    )


async def cancel_recurring(turn: Turn, meaning: Interpretation) -> Reply:
    """Ask to confirm ending the weekly patterns named (all when ``meaning`` names none);
    when the message left a question (which weekday's?), ask it and keep what it said."""
    lang = turn.lang
    if meaning.question:
        question = question_text(meaning, lang)
        turn.exchange.hold(CLARIFY, Clarification.begin(meaning, question).to_json())
        return Reply(text=question)
    named = meaning.recurrence.weekdays if meaning.recurrence else ()
    weekdays = [w for w in WEEKDAYS if w in named]
    label = (
        _weekdays_label(tuple(weekdays), lang) if weekdays else text(lang, "recurring.cancel_all")
    )
    return Reply(
        card=card(
            [heading(text(lang, "recurring.cancel_title", weekdays=label))],
            [
                execute(
                    text(lang, "cancel.button.confirm"),
                    "recurring_cancel_confirm",
                    weekdays=weekdays,
                ),
                execute(text(lang, "cancel.button.keep"), "cancel_keep"),
            ],
        )
    )


async def recurring_cancel_confirm(turn: Turn, payload: Weekdays) -> Reply:
    viewer = await turn.staff()
    lang = turn.lang
    weekdays = [w for w in WEEKDAYS if w in payload.weekdays]
    plans, entries = await turn.services.schedule.cancel_recurring(
        viewer.member.employee_id,
        weekdays,
        from_day=turn.services.today(),
        actor=viewer.member.employee_id,
    )
    if plans == 0:
        return Reply(card=card([paragraph(text(lang, "recurring.none"))]))
    return Reply(
        card=card([paragraph(text(lang, "recurring.cancelled", plans=plans, entries=entries))])
    )
