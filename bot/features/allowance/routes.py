"""在宅勤務等手当: the person's own card and place; chiefs' orders (命令)."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, route
from bot.features.allowance.allowance import my_allowance, set_place
from bot.features.allowance.orders import (
    cancel_order,
    open_order_form,
    section_orders,
    submit_order,
)
from bot.features.allowance.payloads import OrderForm, OrderId, Place
from domain.org import Role

ALLOWANCE = Words(
    words={
        "ja": ("手当", "在宅勤務等手当", "在宅手当"),
        "en": ("allowance", "telework allowance"),
    },
    title={"ja": "手当", "en": "allowance"},
    description={
        "ja": "あなたの在宅勤務等手当の状況（命令による終日在宅勤務の日数と平均）を表示します",
        "en": "Your telework allowance status: ordered whole days and the average",
    },
    example={"ja": "手当", "en": "allowance"},
    in_menu=False,
)
ORDER = Words(
    words={"ja": ("在宅勤務命令", "テレワーク命令"), "en": ("order telework", "order wfh")},
    title={"ja": "在宅勤務命令", "en": "order telework"},
    description={
        "ja": "課室の職員に在宅勤務を命じます（課室長）",
        "en": "Order a member of your section to work from home (chiefs)",
    },
    example={"ja": "在宅勤務命令", "en": "order telework"},
    in_menu=False,
)
ORDERS = Words(
    words={"ja": ("命令一覧", "在宅勤務命令一覧"), "en": ("orders", "telework orders")},
    title={"ja": "命令一覧", "en": "orders"},
    description={
        "ja": "課室の在宅勤務の命令を表示し、取り消します（課室長）",
        "en": "Your section's orders to work from home; cancel one (chiefs)",
    },
    example={"ja": "命令一覧", "en": "orders"},
    in_menu=False,
)
CHIEFS = (Role.SECTION_CHIEF, Role.ADMIN)

ROUTES = (
    route("allowance", my_allowance, NoPayload, words=ALLOWANCE),
    route("allowance_place", set_place, Place),
    route("order", open_order_form, NoPayload, roles=CHIEFS, denied="order.denied", words=ORDER),
    route("order_submit", submit_order, OrderForm, roles=CHIEFS, denied="order.denied"),
    route("orders", section_orders, NoPayload, roles=CHIEFS, denied="order.denied", words=ORDERS),
    route("order_cancel", cancel_order, OrderId, roles=CHIEFS, denied="order.denied"),
)
INTENTS = ()
