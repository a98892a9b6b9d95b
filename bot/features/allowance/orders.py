"""Chiefs' orders (命令) to work from home: the form, making one, the section's list and
cancelling. Only the chief of the person's section (or an admin) may; every order and every
cancellation is an event, and the days it names show on the person's schedule as telework
they cannot drop themselves."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from bot.core.router import NoPayload
from bot.core.turn import Reply, Turn
from bot.features.allowance.allowance import pattern_label, store
from bot.features.allowance.notices import order_notice
from bot.features.allowance.payloads import OrderForm, OrderId
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.texts import Lang, text
from domain.allowance import TeleworkOrder
from domain.org import can_approve_for, can_manage_section, sections_of
from domain.schedule import WEEKDAYS

_WEEKDAY_JA = "月火水木金土日"
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})")
MAX_ORDER_DAYS = 366


def parse_days(value: str, start: date) -> tuple[date, ...] | None:
    """「12/7 12/8」: each M/D on or after ``start`` (the next such date); None when a piece
    cannot be read."""
    cleaned = unicodedata.normalize("NFKC", value).replace("、", " ").replace(",", " ")
    days = []
    for piece in cleaned.split():
        match = _MONTH_DAY.fullmatch(piece)
        if not match:
            return None
        month, day = int(match[1]), int(match[2])
        for year in (start.year, start.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                return None
            if candidate >= start:
                days.append(candidate)
                break
    return tuple(sorted(set(days)))


def order_form(lang: Lang, people: list[tuple[str, str]], today: date) -> dict[str, Any]:
    weekday_names = _WEEKDAY_JA if lang == "ja" else _WEEKDAY_EN
    return card(
        [
            heading(text(lang, "order.form_title")),
            {
                "type": "Input.ChoiceSet",
                "id": "employee",
                "label": text(lang, "order.person"),
                "isRequired": True,
                "errorMessage": text(lang, "order.person"),
                "choices": [{"title": name, "value": e} for e, name in people],
            },
            {
                "type": "Input.Date",
                "id": "from",
                "label": text(lang, "order.from"),
                "value": today.isoformat(),
                "isRequired": True,
                "errorMessage": text(lang, "order.from"),
            },
            {
                "type": "Input.Date",
                "id": "until",
                "label": text(lang, "order.until"),
                "value": (today + timedelta(days=90)).isoformat(),
                "isRequired": True,
                "errorMessage": text(lang, "order.until"),
            },
            {
                "type": "Input.ChoiceSet",
                "id": "weekdays",
                "label": text(lang, "order.weekdays"),
                "isMultiSelect": True,
                "choices": [
                    {"title": weekday_names[i], "value": w} for i, w in enumerate(WEEKDAYS[:5])
                ],
            },
            {
                "type": "Input.Text",
                "id": "days",
                "label": text(lang, "order.days"),
                "maxLength": 300,
            },
        ],
        [execute(text(lang, "order.submit"), "order_submit")],
    )


async def open_order_form(turn: Turn, _payload: NoPayload) -> Reply:
    """「在宅勤務命令」: the form, listing the staff of the chief's section."""
    viewer = await turn.staff()
    lang = turn.lang
    if viewer.section is None or not can_manage_section(viewer, viewer.section):
        return Reply(text=text(lang, "order.denied"))
    chart = await turn.chart()
    staff = await turn.services.directory.staff(active_only=True)
    section_of = sections_of(staff, chart)
    people = sorted(
        (
            (e, plain(m.name))
            for e, m in staff.items()
            if section_of.get(e) == viewer.section and e != viewer.member.employee_id
        ),
        key=lambda p: p[1],
    )[:100]
    return Reply(card=order_form(lang, people, turn.services.today()))


async def submit_order(turn: Turn, payload: OrderForm) -> Reply:
    """Make the order: its working days from today on become the person's telework."""
    viewer = await turn.staff()
    lang = turn.lang
    services = turn.services
    member = await services.directory.member(payload.employee)
    chart = await turn.chart()
    if member is None or not can_approve_for(viewer, member, chart):
        return Reply(text=text(lang, "order.not_yours"))
    if payload.until < payload.start or (payload.until - payload.start).days > MAX_ORDER_DAYS:
        return Reply(text=text(lang, "order.too_long"))
    specific = parse_days(payload.days, payload.start) if payload.days.strip() else ()
    if specific is None:
        return Reply(text=text(lang, "order.bad_days", value=plain(payload.days)))
    if not payload.weekdays and not specific:
        return Reply(text=text(lang, "order.no_days"))
    today = services.today()
    order = TeleworkOrder(
        employee_id=member.employee_id,
        ordered_by=viewer.member.employee_id,
        start=payload.start,
        until=max((payload.until, *specific)),
        made_at=services.now(),
        weekdays=tuple(w for w in WEEKDAYS if w in payload.weekdays),
        days=specific,
    )
    days = [d for d in order.working_days(services.calendar) if d >= today]
    if not days:
        return Reply(text=text(lang, "order.no_days"))
    allowance = store(turn)
    chat_id = (await services.directory.chat_ids([member.employee_id])).get(member.employee_id)
    ask_place = not (await allowance.places([member.employee_id])).get(member.employee_id)
    notify = order_notice(member, viewer.member, chat_id, cancelled=False, ask_place=ask_place)
    made = await allowance.make_order(order, days, notify=notify)
    services.doorbell.ring()
    return Reply(
        card=card(
            [
                paragraph(
                    text(
                        lang,
                        "order.made",
                        name=plain(member.name),
                        start=short_date(made.start, lang),
                        until=short_date(made.until, lang),
                        pattern=pattern_label(made, lang),
                        count=len(days),
                    )
                )
            ]
        )
    )


async def section_orders(turn: Turn, _payload: NoPayload) -> Reply:
    """「命令一覧」: the section's orders in force, each with a cancel button."""
    viewer = await turn.staff()
    lang = turn.lang
    if viewer.section is None or not can_manage_section(viewer, viewer.section):
        return Reply(text=text(lang, "order.denied"))
    chart = await turn.chart()
    staff = await turn.services.directory.staff()
    section_of = sections_of(staff, chart)
    members = [e for e, s in section_of.items() if s == viewer.section]
    today = turn.services.today()
    orders = [o for o in await store(turn).orders(members) if o.active and o.until >= today]
    if not orders:
        return Reply(text=text(lang, "order.none"))
    body = [heading(text(lang, "order.list_title", section=plain(chart.unit(viewer.section).name)))]
    actions = []
    for number, order in enumerate(orders[:20], start=1):
        name = plain(staff[order.employee_id].name)
        line = text(
            lang,
            "allowance.order_line",
            start=short_date(order.start, lang),
            until=short_date(order.until, lang),
            pattern=pattern_label(order, lang),
        )
        body.append(
            paragraph(f"{number}. {name}：{line}" if lang == "ja" else f"{number}. {name}: {line}")
        )
        actions.append(
            execute(f"{number}. {text(lang, 'order.cancel')}", "order_cancel", order_id=order.id)
        )
    return Reply(card=card(body, actions))


async def cancel_order(turn: Turn, payload: OrderId) -> Reply:
    """Cancel an order and the days it made from today on (the chief of that person's
    section or an admin only: card data may be forged)."""
    viewer = await turn.staff()
    lang = turn.lang
    allowance = store(turn)
    found = [o for o in await allowance.orders() if o.id == payload.order_id and o.active]
    member = await turn.services.directory.member(found[0].employee_id) if found else None
    if member is None or not can_approve_for(viewer, member, await turn.chart()):
        return Reply(card=card([paragraph(text(lang, "order.none"))]))
    services = turn.services
    chat_id = (await services.directory.chat_ids([member.employee_id])).get(member.employee_id)
    count = await allowance.cancel_order(
        payload.order_id,
        actor=viewer.member.employee_id,
        from_day=services.today(),
        notify=order_notice(member, viewer.member, chat_id, cancelled=True, ask_place=False),
    )
    services.doorbell.ring()
    return Reply(card=card([paragraph(text(lang, "order.cancelled", count=count or 0))]))
