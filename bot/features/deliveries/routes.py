"""The deliveries card: admins follow the progress of proactive messages."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, route
from bot.features.deliveries.card import deliveries
from bot.features.deliveries.unreachable import unreachable
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

UNREACHABLE = Words(
    words={"ja": ("届かない職員", "届かない人"), "en": ("unreachable staff", "unreachable")},
    title={"ja": "届かない職員", "en": "unreachable staff"},
    description={
        "ja": "事務局：ボットからメッセージを届けられない在職職員とその理由を表示します",
        "en": "Admins: active staff the bot cannot message, and why",
    },
    example={"ja": "届かない職員", "en": "unreachable staff"},
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
    route(
        "unreachable",
        unreachable,
        NoPayload,
        roles=(Role.ADMIN,),
        denied="deliveries.denied",
        words=UNREACHABLE,
    ),
)
INTENTS = ()
