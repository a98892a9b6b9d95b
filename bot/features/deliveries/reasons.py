"""Why a delivery failed, in words an administrator can act on.

The ledger keeps what the sender reported: the last HTTP status (``None`` when no answer came)
and the error text (``aiohttp``'s exception, the connector's body, or a refusal of ours). This
maps them to one reason; the card shows the reason's sentence and the status.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    TERMINAL_CLOSED = "terminal_closed"  # bot.teams.loopback: no terminal chat open
    REFUSED_ADDRESS = "refused_address"  # a serviceUrl we do not send to
    CREDENTIALS = "token"  # the identity platform refused the bot's credentials
    UNREACHABLE = "unreachable"  # no connection (DNS, refused, reset)
    TIMEOUT = "timeout"
    UNAUTHORIZED = "unauthorized"  # 401
    FORBIDDEN = "forbidden"  # 403: blocked, uninstalled, or not allowed in this tenant
    NOT_FOUND = "not_found"  # 404: the conversation is gone
    TOO_LARGE = "too_large"  # 413
    REJECTED = "rejected"  # other 4xx: the message itself was refused
    THROTTLED = "throttled"  # 429 every time
    SERVER = "server"  # 5xx
    OTHER = "other"


def reason_of(http_status: int | None, error: str | None) -> Reason:
    """The reason for one failure (see the module docstring)."""
    said = (error or "").lower()
    if "terminal chat" in said:
        return Reason.TERMINAL_CLOSED
    if "refuses the serviceurl" in said:
        return Reason.REFUSED_ADDRESS
    if "token endpoint" in said:
        return Reason.CREDENTIALS
    if http_status is None:
        if "timeout" in said:
            return Reason.TIMEOUT
        if said:
            return Reason.UNREACHABLE
        return Reason.OTHER
    table = {401: Reason.UNAUTHORIZED, 403: Reason.FORBIDDEN, 404: Reason.NOT_FOUND}
    table |= {413: Reason.TOO_LARGE, 429: Reason.THROTTLED}
    if http_status in table:
        return table[http_status]
    if 500 <= http_status < 600:
        return Reason.SERVER
    if 400 <= http_status < 500:
        return Reason.REJECTED
    return Reason.OTHER
