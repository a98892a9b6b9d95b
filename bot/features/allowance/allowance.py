"""「手当」: a person's own 在宅勤務等手当 status (never anyone else's), and their place
category, asked once and remembered."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.router import NoPayload
from bot.core.turn import Reply, Turn
from bot.features.allowance.payloads import Place
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import join_list, short_date
from bot.ui.texts import Lang, text
from domain.allowance import (
    MonthAssessment,
    PlaceCategory,
    TeleworkOrder,
    assess_month,
    data_range,
    place_on,
)
from domain.schedule import WEEKDAYS
from storage.allowance import SqlAllowance

_WEEKDAY_JA = "月火水木金土日"
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def store(turn: Turn) -> SqlAllowance:
    return turn.services.get(SqlAllowance)


def place_label(place: PlaceCategory | None, lang: Lang) -> str:
    return text(lang, f"allowance.place.{place.value if place else 'none'}")


def month_label(month: date, lang: Lang) -> str:
    return f"{month.year}年{month.month}月" if lang == "ja" else f"{month:%b %Y}"


def pattern_label(order: TeleworkOrder, lang: Lang) -> str:
    """毎週月・水 / 個別日 12/7(月)…"""
    parts = []
    if order.weekdays:
        names = [
            _WEEKDAY_JA[WEEKDAYS.index(w)] if lang == "ja" else _WEEKDAY_EN[WEEKDAYS.index(w)]
            for w in order.weekdays
        ]
        parts.append(text(lang, "order.every", days=("・" if lang == "ja" else ", ").join(names)))
    if order.days:
        days = join_list((short_date(d, lang) for d in order.days), lang)
        parts.append(text(lang, "order.and_days", days=days))
    return " ".join(parts)


def place_choices(lang: Lang) -> dict[str, Any]:
    return {
        "type": "Input.ChoiceSet",
        "id": "place",
        "label": text(lang, "allowance.place_label"),
        "value": PlaceCategory.HOME.value,
        "style": "expanded",
        "choices": [{"title": place_label(p, lang), "value": p.value} for p in PlaceCategory],
    }


def assessment_lines(result: MonthAssessment, lang: Lang) -> list[str]:
    """The figures and the answer with its reason."""
    lines = [text(lang, "allowance.days", days=result.whole_days)]
    if result.window and result.average is not None:
        months = join_list(
            (
                text(lang, "allowance.window_month", month=month_label(m, lang), days=d)
                for m, d in result.window
            ),
            lang,
        )
        lines.append(text(lang, "allowance.window", months=months, average=f"{result.average:g}"))
    answer = text(lang, f"allowance.answer.{result.eligibility.value}")
    reason = text(lang, f"allowance.reason.{result.reason}", **result.values)
    lines.append(f"**{answer}**　{reason}" if lang == "ja" else f"**{answer}**. {reason}")
    return lines


async def my_allowance(turn: Turn, _payload: NoPayload) -> Reply:
    """The person's own card: place, this month's figures and answer, the orders in force."""
    viewer = await turn.staff()
    lang = turn.lang
    services = turn.services
    rules = services.policy.allowance
    if not rules.enabled:
        return Reply(text=text(lang, "allowance.disabled"))
    me = viewer.member.employee_id
    today = services.today()
    month = today.replace(day=1)
    first, last = data_range(month, rules)
    allowance = store(turn)
    orders = await allowance.orders([me])
    places = await allowance.places([me])
    days = await allowance.telework_days(first, last, [me])
    moves = {me: viewer.member.ministry_since} if viewer.member.ministry_since else None
    [result] = assess_month(month, [me], days, orders, places, rules, services.calendar, moves)
    place = place_on(places.get(me, []), today)
    body: list[dict[str, Any]] = [
        heading(text(lang, "allowance.title", month=month_label(month, lang))),
        paragraph(text(lang, "allowance.place", place=place_label(place, lang))),
    ]
    body.extend(paragraph(line) for line in assessment_lines(result, lang))
    active = [o for o in orders if o.active and o.until >= today]
    if active:
        body.append(paragraph(text(lang, "allowance.orders")))
        body.extend(
            paragraph(
                text(
                    lang,
                    "allowance.order_line",
                    start=short_date(o.start, lang),
                    until=short_date(o.until, lang),
                    pattern=pattern_label(o, lang),
                )
            )
            for o in active
        )
    actions = []
    if place is None:
        body.append(paragraph(text(lang, "allowance.place_ask")))
    body.append(place_choices(lang))
    actions.append(
        execute(
            text(lang, "allowance.place_save" if place is None else "allowance.place_change"),
            "allowance_place",
        )
    )
    body.append(paragraph(text(lang, "allowance.privacy"), subtle=True))
    return Reply(card=card(body, actions))


async def set_place(turn: Turn, payload: Place) -> Reply:
    """Remember the person's place category from today on (an event)."""
    viewer = await turn.staff()
    me = viewer.member.employee_id
    today = turn.services.today()
    await store(turn).set_place(me, payload.place, since=today, actor=me)
    said = text(
        turn.lang,
        "allowance.place_saved",
        place=place_label(payload.place, turn.lang),
        since=short_date(today, turn.lang),
    )
    return Reply(card=card([paragraph(said)]))
