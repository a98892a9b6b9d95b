"""Proactive delivery: value types and the ports the dispatcher and the scheduler talk through.

A delivery is one message to one recipient for one (kind, period); the ledger keeps it until it
is sent, has failed for good, or was cancelled. Teams has no idempotency key, so a process that
dies between "Teams accepted" and "the ledger recorded it" can leave a message whose fate is
unknown; :class:`DuplicatePolicy` says, per kind, whether such a message is sent again or marked
``unknown`` (where a duplicate is worse than a miss).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol


class DeliveryStatus(StrEnum):
    """Where a delivery is in its life. ``pending`` rows may carry a claim (a lease)."""

    PENDING = "pending"
    SENDING = "sending"  # an HTTP attempt has started and its outcome is not yet recorded
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the sender died mid-attempt and the kind forbids a blind resend
    CANCELLED = "cancelled"


OPEN_STATUSES = frozenset({DeliveryStatus.PENDING, DeliveryStatus.SENDING})


class OnLeaseExpiry(StrEnum):
    """What the reaper does with a delivery whose sender died during the attempt."""

    RESEND = "resend"
    MARK_UNKNOWN = "mark_unknown"


@dataclass(frozen=True)
class DuplicatePolicy:
    """Per-kind choice between a possible duplicate (resend) and a possible miss (unknown)."""

    at_most_once_kinds: frozenset[str] = frozenset()

    def on_lease_expiry(self, kind: str) -> OnLeaseExpiry:
        if kind in self.at_most_once_kinds:
            return OnLeaseExpiry.MARK_UNKNOWN
        return OnLeaseExpiry.RESEND


@dataclass(frozen=True)
class SendResult:
    """The outcome of one HTTP attempt. ``http_status`` is None for a timeout or lost connection."""

    http_status: int | None
    activity_id: str | None = None
    retry_after_seconds: float | None = None
    error: str | None = None
    refused_here: bool = False  # never sent: our own rules refused the address


class SendOutcome(StrEnum):
    """How the dispatcher treats a :class:`SendResult`."""

    SENT = "sent"
    THROTTLED = "throttled"  # 429: wait, slow everyone, no attempt burnt
    RETRY = "retry"  # 412/5xx/timeout: back off within the retry budget
    UNREACHABLE = "unreachable"  # 403/404: blocked, uninstalled, conversation gone
    FAILED = "failed"  # other 4xx: never going to work


TRANSIENT_STATUSES = frozenset({408, 412, 500, 502, 503, 504})
UNREACHABLE_STATUSES = frozenset({403, 404})


def classify(result: SendResult) -> SendOutcome:
    """Map an HTTP outcome to what the ledger should do with the delivery."""
    status = result.http_status
    if result.refused_here:
        return SendOutcome.FAILED
    if status is None or status in TRANSIENT_STATUSES:
        return SendOutcome.RETRY
    if 200 <= status < 300:
        return SendOutcome.SENT
    if status == 429:
        return SendOutcome.THROTTLED
    if status in UNREACHABLE_STATUSES:
        return SendOutcome.UNREACHABLE
    if status >= 500:
        return SendOutcome.RETRY
    return SendOutcome.FAILED


@dataclass(frozen=True)
class Hold:
    """Not now: wait until ``until``, or drop the message (``until`` None), with the reason."""

    until: datetime | None
    reason: str


class SendWindow(Protocol):
    """When a kind of message may go out, checked at the moment of sending (quiet hours)."""

    def hold(self, kind: str, now: datetime) -> Hold | None:
        """None: send now. Else wait or drop."""
        ...


@dataclass(frozen=True)
class ConversationTarget:
    """Where to post: the channel's service URL and the conversation id."""

    service_url: str
    conversation_id: str


class ConversationSender(Protocol):
    """The notifier port: post one activity (Bot Framework JSON) to a conversation."""

    async def send(self, target: ConversationTarget, activity: Mapping[str, Any]) -> SendResult:
        """Send once; never raise for HTTP or network errors, report them in the result."""
        ...


class Clock(Protocol):
    """Wall-clock time (UTC, timezone-aware). Tests pass a frozen clock."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class NewDelivery:
    """A message to enqueue. ``conversation_id`` overrides the recipient's 1:1 conversation."""

    recipient: str
    kind: str
    period_key: str
    payload: Mapping[str, Any]
    conversation_id: str | None = None
    run_id: int | None = None
    deadline: datetime | None = None  # pointless after this instant: retries stop there


@dataclass(frozen=True)
class ClaimedDelivery:
    """A delivery this dispatcher holds a lease on; ``target`` is None if unresolvable."""

    id: int
    kind: str
    recipient: str
    period_key: str
    payload: Mapping[str, Any]
    attempts: int
    throttles: int
    target: ConversationTarget | None
    created_at: datetime | None = None
    deadline: datetime | None = None


@dataclass(frozen=True)
class QueueStats:
    """What the metrics show: open deliveries and the age of the oldest due one."""

    depth: int
    oldest_due_age_seconds: float


@dataclass(frozen=True)
class RunProgress:
    """Counts by status for one run (or for everything when ``run_id`` is None)."""

    run_id: int | None
    counts: Mapping[DeliveryStatus, int] = field(default_factory=dict)

    def count(self, status: DeliveryStatus) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RunSummary:
    """One firing as the operator sees it."""

    run_id: int
    job: str
    period_key: str
    scheduled_for: datetime | None
    completed_at: datetime | None


class DeliveryLedger(Protocol):
    """The dispatcher's view of the ledger. Every write after a claim is fenced on ``owner``."""

    async def acquire_leadership(
        self, owner: str, ttl: timedelta, *, succeeding: str | None = None
    ) -> bool:
        """Take or renew the sender lease; False while another owner holds a live one, unless
        that owner's name starts with ``succeeding`` (an earlier incarnation of this replica,
        which a restart replaces at once)."""
        ...

    async def take_over(self, owner: str, policy: DuplicatePolicy) -> int:
        """The new sender lease holder reclaims every claim made by anybody else: unattempted
        ones go back to pending, attempts in flight are resent (or marked ``unknown``). Safe
        because every later write of the old holder is fenced on its name."""
        ...

    async def release_leadership(self, owner: str) -> None: ...

    async def claim(self, owner: str, limit: int, lease: timedelta) -> list[ClaimedDelivery]:
        """Lease up to ``limit`` due pending deliveries (oldest first)."""
        ...

    async def extend_leases(self, owner: str, lease: timedelta) -> int:
        """Push back the expiry of every open delivery ``owner`` still holds."""
        ...

    async def start_attempt(
        self, delivery_id: int, owner: str, target: ConversationTarget | None = None
    ) -> bool:
        """Mark ``sending`` (and the target used) just before the HTTP call; False if the
        lease was lost."""
        ...

    async def mark_sent(
        self, delivery_id: int, owner: str, http_status: int, activity_id: str | None
    ) -> bool: ...

    async def mark_failed(
        self, delivery_id: int, owner: str, http_status: int | None, error: str
    ) -> bool: ...

    async def retry_later(
        self,
        delivery_id: int,
        owner: str,
        available_at: datetime,
        http_status: int | None,
        error: str,
        *,
        throttled: bool,
    ) -> bool:
        """Back to pending at ``available_at``; a throttle refunds the attempt it counted."""
        ...

    async def release(self, delivery_ids: list[int], owner: str) -> int:
        """Give back claimed deliveries that were never attempted (clean shutdown)."""
        ...

    async def postpone(self, delivery_id: int, owner: str, available_at: datetime) -> bool:
        """Give a claimed, unattempted delivery back, due again at ``available_at``."""
        ...

    async def cancel(self, delivery_id: int, owner: str, reason: str) -> bool:
        """A claimed, unattempted delivery that is pointless now: ``cancelled`` with the reason."""
        ...

    async def mark_not_working(
        self, target: ConversationTarget, http_status: int, reason: str
    ) -> None:
        """Record that the conversation answered 403/404 (until the person writes again)."""
        ...

    async def reap_expired(self, policy: DuplicatePolicy) -> int:
        """Deal with deliveries whose sender's lease expired mid-attempt."""
        ...

    async def paused_until(self) -> datetime | None:
        """The shared send gate: no sender posts before this instant."""
        ...

    async def pause(self, until: datetime) -> None:
        """Close the shared gate until ``until`` (never shortens an existing pause)."""
        ...

    async def next_due_at(self) -> datetime | None:
        """When the earliest pending delivery becomes due (for a bounded idle wait)."""
        ...

    async def queue_stats(self) -> QueueStats: ...


@dataclass(frozen=True)
class Firing:
    """One claimed firing of a scheduled job: the run that deliveries point back to."""

    run_id: int
    job: str
    period_key: str
    scheduled_for: datetime


FiringHandler = Callable[[Firing], Awaitable[None]]
"""A scheduled job: fan out the firing's deliveries. Must be safe to run twice (re-runnable)."""


class FiringLedger(Protocol):
    """Claims of scheduled firings, so that exactly one replica fans each one out."""

    async def claim_firing(
        self, job: str, period_key: str, scheduled_for: datetime, owner: str
    ) -> int | None:
        """The run id if this caller won the claim, else None."""
        ...

    async def complete_firing(self, run_id: int) -> None: ...

    async def reclaim_stale_firings(self, owner: str, older_than: timedelta) -> list[Firing]:
        """Take over firings claimed long ago and never completed (their replica died)."""
        ...


@dataclass(frozen=True)
class FailedDelivery:
    """A delivery that failed for good, as the operator sees it: what, to whom, when, why
    (the last HTTP status and error the sender reported)."""

    kind: str
    recipient: str
    http_status: int | None
    error: str | None
    at: datetime
    attempts: int
