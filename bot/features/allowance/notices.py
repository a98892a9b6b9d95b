"""The message a person gets when their chief orders them to work from home, or cancels the
order: enqueued with the change, sent by the dispatcher. The first one asks for the place
category when the person has none recorded (asked once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.features.allowance.allowance import pattern_label, place_choices
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.messages import card_message, language_of
from bot.ui.texts import text
from domain.allowance import TeleworkOrder
from domain.delivery import NewDelivery
from domain.org import StaffMember

ORDER_NOTICE = "allowance_order"


def order_notice(
    member: StaffMember,
    chief: StaffMember,
    chat_id: str | None,
    *,
    cancelled: bool,
    ask_place: bool,
) -> Callable[[TeleworkOrder, int], Sequence[NewDelivery]]:
    """A ``notify`` callback for ``SqlAllowance.make_order`` / ``cancel_order``."""

    def build(order: TeleworkOrder, count: int) -> Sequence[NewDelivery]:
        if chat_id is None:  # never talked to the bot: the schedule still shows it
            return []
        lang = language_of(member)
        key = "order.notice_cancelled" if cancelled else "order.notice_made"
        body = [
            heading(text(lang, "order.form_title")),
            paragraph(
                text(
                    lang,
                    key,
                    chief=plain(chief.name),
                    start=short_date(order.start, lang),
                    until=short_date(order.until, lang),
                    pattern=pattern_label(order, lang),
                    count=count,
                )
            ),
        ]
        actions = []
        if ask_place and not cancelled:
            body.append(paragraph(text(lang, "allowance.place_ask")))
            body.append(place_choices(lang))
            actions.append(execute(text(lang, "allowance.place_save"), "allowance_place"))
        state = "cancelled" if cancelled else "made"
        return [
            NewDelivery(
                recipient=chat_id,
                kind=ORDER_NOTICE,
                period_key=f"order:{order.id}:{state}",
                payload=card_message(card(body, actions), text(lang, "order.form_title")),
            )
        ]

    return build
