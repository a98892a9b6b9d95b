"""What the meeting cards send back, validated before any handler runs."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import Field, StrictInt, field_validator

from bot.core.router import Payload
from domain.meetings import Rsvp

# Long enough for anything a card's input allows; the domain checks the real limits (a title
# over its limit is refused with a sentence, not as broken card data).
Typed = Annotated[str, Field(max_length=2000)]
MAX_MENTIONED = 101  # capacity (100) plus the lead
_TEAMS_ID = re.compile(r"^\d+:[\w\-.@:]{1,250}$")


class MeetingRef(Payload):
    """A button on a card about one meeting."""

    meeting_id: StrictInt


class Finalise(MeetingRef):
    """The lead fixes candidate ``index`` (optionally pasting a join link)."""

    index: StrictInt
    join_url: Typed = ""


class Change(MeetingRef):
    """The lead moves the meeting (``sequence``: the version the card showed)."""

    sequence: StrictInt
    day: Typed = ""
    time: Typed = ""
    join_url: Typed = ""


class Vote(MeetingRef):
    """The poll's ticked candidates: indexes joined by commas (an Input.ChoiceSet value)."""

    choices: Typed = ""


class Answer(MeetingRef):
    """An RSVP to the invitation of version ``sequence``."""

    sequence: StrictInt
    response: Rsvp


class Mentioned(Payload):
    """Someone @mentioned when the form was opened in a group chat or channel."""

    id: str
    name: str = ""

    @field_validator("id")
    @classmethod
    def _teams_id(cls, value: str) -> str:
        if not _TEAMS_ID.match(value):
            raise ValueError("not a Teams user id")
        return value

    @field_validator("name")
    @classmethod
    def _short(cls, value: str) -> str:
        return value[:100]


class FormFields(Payload):
    """The lead's form (Input ids)."""

    title: Typed = ""
    duration: Typed = ""
    window_start: Typed = ""
    window_end: Typed = ""
    who: Typed = ""
    team_day: Typed = ""
    typed: Typed = ""
    save_as: Typed = ""


class Suggest(FormFields):
    """The form's button: its fields, and the people mentioned when it was opened."""

    mentioned: Annotated[tuple[Mentioned, ...], Field(max_length=MAX_MENTIONED)] = ()


class StartPoll(Payload):
    """The candidates card's button: the form again, and the ticked times."""

    form: FormFields = FormFields()
    mentioned: Annotated[tuple[Mentioned, ...], Field(max_length=MAX_MENTIONED)] = ()
    slots: Typed = ""


class ProposeDay(Payload):
    """A chief proposes a team telework day to the section."""

    day: date
