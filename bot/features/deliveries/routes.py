"""The deliveries card: admins follow the progress of proactive messages."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, route
from bot.features.deliveries.card import deliveries
from domain.org import Role

DELIVERIES = Words(
    words={"ja": ("配信状況",), "en": ("deliveries",)},
    title={"ja": "配信状況", "en": "deliveries"},
    description={
        "ja": "事務局：お知らせの配信状況（送信済・未送信・失敗）を表示します",
        "en": "Admins: progress of proactive messages (sent / pending / failed)",
    },
    example={"ja": "配信状況 12", "en": "deliveries 12"},
    in_menu=False,  # admins only
)

ROUTES = (
    route(
        "deliveries",
        deliveries,
        NoPayload,
        roles=(Role.ADMIN,),
        denied="deliveries.denied",
        words=DELIVERIES,
    ),
)
INTENTS = ()
