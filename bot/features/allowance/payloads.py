"""Card data of the allowance feature: who and which days come from the card, who asks never
does (the router gives the handler the sender)."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field, StrictInt, field_validator

from bot.core.router import Payload
from domain.allowance import PlaceCategory
from domain.schedule import WEEKDAYS


class Place(Payload):
    """The place category chosen on the card (Input id: place)."""

    place: PlaceCategory


class OrderForm(Payload):
    """The chief's order form (Input ids: employee, from, until, weekdays, days)."""

    employee: Annotated[str, Field(min_length=1, max_length=64)]
    start: datetime.date = Field(alias="from")
    until: datetime.date
    weekdays: tuple[str, ...] = ()
    days: Annotated[str, Field(max_length=300)] = ""

    @field_validator("weekdays", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        """Teams sends a multi-select as "mon,wed"."""
        if isinstance(value, str):
            return tuple(v for v in value.split(",") if v)
        return value

    @field_validator("weekdays")
    @classmethod
    def _known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(v not in WEEKDAYS for v in value):
            raise ValueError("unknown weekday")
        return value


class OrderId(Payload):
    order_id: StrictInt
