"""Domain errors: expected problems whose message is fit to show to the person who caused them.

Anything that is not a ``DomainError`` is a defect and goes to the turn-error handler instead.
"""

from __future__ import annotations


class DomainError(Exception):
    """An expected problem (bad input, not allowed, unknown person) with a user-facing message."""


class PolicyError(DomainError):
    """A telework policy file that cannot be read or does not validate.

    The message names the file and every offending key path, one per line, e.g.
    ``categories[1].target.count: must be greater than 0``.
    """


class CalendarRangeError(DomainError, ValueError):
    """A date outside the years for which the national holiday calendar is known."""


class Refused(DomainError):
    """An expected refusal explained to the person in their language: ``key`` names the
    sentence in the text catalogue and ``values`` fill its placeholders (dates are shown in
    the chat's short form)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values
