"""The delivery dispatcher: the one replica holding the sender lease drains the ledger.

Loop: hold the lease → reap expired attempts → respect the shared send gate → claim a batch →
for each delivery take a per-conversation slot and an app-wide token at the adaptive pace → send
concurrently (bounded) → record the outcome, fenced on the row's lease. A 429 delays its own
request and conversation and slows the pace; everyone pauses only when 429s dominate. A
heartbeat renews the sender lease and the row leases. An idle dispatcher waits on
:meth:`Dispatcher.wake` or the next due time, bounded by ``idle_wait``; it never spins.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.delivery import (
    ClaimedDelivery,
    Clock,
    ConversationSender,
    ConversationTarget,
    DeliveryLedger,
    DuplicatePolicy,
    SendOutcome,
    SendResult,
    SendWindow,
    classify,
)
from scheduler.metrics import DeliveryMetrics
from scheduler.rate_limit import (
    TEAMS_CONVERSATION_WINDOWS,
    AdaptiveRate,
    ConversationLimiter,
    ThrottleWindow,
    TokenBucket,
)

log = logging.getLogger(__name__)

UNREACHABLE_REASONS = {
    403: "the person blocked or removed the bot: ",
    404: "the conversation no longer exists: ",
}


@dataclass(frozen=True)
class DispatcherSettings:
    """Tuning of the dispatcher; the defaults suit Teams (about 50 requests/s per app).

    ``rate_per_second`` is the ceiling the adaptive pace never exceeds, not the pace itself
    (see :class:`scheduler.rate_limit.AdaptiveRate`). ``max_in_flight`` bounds the sends on the
    wire: 64 covers more than a second of connector latency at 50/s.
    """

    rate_per_second: float = 50.0
    burst: int = 2  # a token of slack wins back a late wake-up (at most one extra per second)
    start_fraction: float = 0.9  # start here (of the ceiling), then find the connector's limit
    floor_fraction: float = 0.6  # never slower than this because of 429s alone
    slowdown_after_429: float = 0.9  # multiply the rate by this on a 429 (once per cooldown)
    slowdown_cooldown_seconds: float = 1.0
    probe_per_second: float = 0.2  # above the last good rate: win back this many sends/s per s
    storm_window_seconds: float = 2.0  # 429s dominating this window pause every sender
    storm_share: float = 0.5
    conversation_windows: tuple[tuple[int, float], ...] = TEAMS_CONVERSATION_WINDOWS
    batch_size: int = 50
    max_in_flight: int = 64
    hold_conversation_wait_seconds: float = 1.0  # longer waits go back to the ledger
    claim_lease: timedelta = timedelta(seconds=60)
    # A replica takes over from a dead leader within leader_ttl + leader_renew (≤ 4 s).
    leader_ttl: timedelta = timedelta(seconds=3)
    leader_renew: timedelta = timedelta(seconds=1)
    retry_budget: timedelta = timedelta(hours=3)  # 5xx/timeouts retried this long after queueing
    backoff_base_seconds: float = 2.0
    backoff_cap_seconds: float = 300.0
    default_retry_after_seconds: float = 5.0
    max_retry_after_seconds: float = 600.0
    idle_wait_seconds: float = 5.0
    reap_every_seconds: float = 10.0
    duplicate_policy: DuplicatePolicy = field(default_factory=DuplicatePolicy)

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Capped exponential back-off with "equal jitter" (half fixed, half random)."""
        ceiling = min(self.backoff_cap_seconds, self.backoff_base_seconds * 2 ** (attempt - 1))
        return float(ceiling / 2 + rng.uniform(0, ceiling / 2))


class Dispatcher:
    """Sends what the ledger holds. Construct once per process; ``start``/``stop`` it."""

    def __init__(
        self,
        ledger: DeliveryLedger,
        sender: ConversationSender,
        *,
        clock: Clock,
        owner: str,
        replica: str | None = None,
        window: SendWindow | None = None,
        settings: DispatcherSettings | None = None,
        metrics: DeliveryMetrics | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._ledger = ledger
        self._sender = sender
        self._clock = clock
        self._owner = owner
        # Owners named "<replica>/<incarnation>": a restart of the same replica takes the lease
        # and the dead incarnation's claims at once instead of waiting for them to expire.
        self._succeeding = f"{replica}/" if replica else None
        if self._succeeding and not owner.startswith(self._succeeding):
            raise ValueError("owner must be named <replica>/<incarnation>")
        self._window = window  # quiet hours, checked when each message is about to go
        self._settings = settings or DispatcherSettings()
        self._metrics = metrics
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not security
        s = self._settings
        self._pace = AdaptiveRate(
            s.rate_per_second,
            start=s.start_fraction,
            floor=min(s.floor_fraction, s.start_fraction),
            decrease=s.slowdown_after_429,
            cooldown=s.slowdown_cooldown_seconds,
            probe_per_second=s.probe_per_second,
        )
        self._bucket = TokenBucket(self._pace.rate, s.burst)  # paces the launches …
        self._spacing = TokenBucket(self._pace.rate, s.burst)  # … and the requests themselves
        self._storm = ThrottleWindow(s.storm_window_seconds, dominant_share=s.storm_share)
        self._conversations = ConversationLimiter(s.conversation_windows)
        self._slots = asyncio.Semaphore(s.max_in_flight)
        self._in_flight: set[asyncio.Task[None]] = set()
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._drained = asyncio.Event()
        self._leader = False
        self._paused_until_mono = 0.0
        self._last_reap = float("-inf")
        self._main: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    @property
    def is_leader(self) -> bool:
        return self._leader

    @property
    def owner(self) -> str:
        return self._owner

    async def start(self) -> None:
        if self._main is not None:
            raise RuntimeError("dispatcher already started")
        self._leader = await self._ledger.acquire_leadership(
            self._owner, self._settings.leader_ttl, succeeding=self._succeeding
        )
        if self._leader:
            await self._take_over()
        self._set_leader_metric()
        self._heartbeat = asyncio.create_task(self._beat(), name=f"heartbeat-{self._owner}")
        self._main = asyncio.create_task(self._run(), name=f"dispatcher-{self._owner}")

    async def stop(self, grace_seconds: float = 10.0) -> None:
        """Stop claiming, let in-flight sends finish (up to the grace), give the lease back."""
        self._stopping.set()
        self._wakeup.set()
        if self._main is not None:
            await self._main
        if self._in_flight:
            _, pending = await asyncio.wait(self._in_flight, timeout=grace_seconds)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            await asyncio.gather(self._heartbeat, return_exceptions=True)
        if self._leader:
            with contextlib.suppress(Exception):
                await self._ledger.release_leadership(self._owner)
            self._leader = False
            self._set_leader_metric()

    def wake(self) -> None:
        """Something was enqueued: look at the ledger now instead of after the idle wait."""
        self._drained.clear()
        self._wakeup.set()

    async def wait_drained(self) -> None:
        """Until this dispatcher found nothing pending and nothing in flight (tests, bench)."""
        await self._drained.wait()

    # --- the loops --------------------------------------------------------------------------

    async def _beat(self) -> None:
        s = self._settings
        period = s.leader_renew.total_seconds()
        extend_every = s.claim_lease.total_seconds() / 3
        extended = time.monotonic()
        while True:
            await asyncio.sleep(period)
            try:
                was_leader = self._leader
                self._leader = await self._ledger.acquire_leadership(self._owner, s.leader_ttl)
                if self._leader:
                    if not was_leader:
                        log.warning("dispatcher %s took over the sender lease", self._owner)
                        await self._take_over()
                        self._wakeup.set()
                    if time.monotonic() - extended >= extend_every:
                        # The sender lease is renewed every second; the claims last much longer
                        # and need renewing only now and then (fewer row locks against sends).
                        extended = time.monotonic()
                        await self._ledger.extend_leases(self._owner, s.claim_lease)
                elif was_leader:
                    log.warning("dispatcher %s lost the sender lease", self._owner)
                self._set_leader_metric()
                if self._metrics is not None:
                    self._metrics.observe_queue(await self._ledger.queue_stats())
            except Exception:
                log.exception("dispatcher heartbeat failed")

    async def _run(self) -> None:
        s = self._settings
        while not self._stopping.is_set():
            try:
                if not self._leader:
                    await self._idle(s.leader_renew.total_seconds())
                    continue
                await self._maybe_reap()
                if await self._wait_for_gate():
                    continue
                batch = await self._ledger.claim(self._owner, s.batch_size, s.claim_lease)
                if not batch:
                    await self._idle_until_due()
                    continue
                await self._dispatch(batch)
            except Exception:
                log.exception("dispatcher loop failed; retrying")
                await self._idle(min(5.0, s.idle_wait_seconds))

    async def _dispatch(self, batch: list[ClaimedDelivery]) -> None:
        """Launch the batch at the adaptive pace: a token is taken just before each launch, so
        a cut in the rate applies at once to everything not yet on the wire."""
        s = self._settings
        for index, delivery in enumerate(batch):
            if self._stopping.is_set() or not self._leader:
                await self._ledger.release([d.id for d in batch[index:]], self._owner)
                return
            if await self._held(delivery):
                continue
            await self._slots.acquire()
            conversation_wait = 0.0
            if delivery.target is not None:
                conversation = delivery.target.conversation_id
                conversation_wait = self._conversations.peek(conversation)
                if conversation_wait > s.hold_conversation_wait_seconds:
                    # Its conversation is blocked (Retry-After, a full 30 s window): give the
                    # row back to the ledger rather than hold a slot while waiting.
                    self._slots.release()
                    await self._ledger.postpone(
                        delivery.id,
                        self._owner,
                        self._clock.now() + timedelta(seconds=conversation_wait),
                    )
                    continue
                conversation_wait = self._conversations.reserve(conversation)
                if conversation_wait <= 0:
                    await self._take_token()
            task = asyncio.create_task(self._deliver(delivery, conversation_wait))
            self._in_flight.add(task)
            task.add_done_callback(self._landed)

    def _landed(self, task: asyncio.Task[None]) -> None:
        self._in_flight.discard(task)
        if not self._in_flight:
            self._wakeup.set()  # the loop may be idling only because sends were in flight

    async def _held(self, delivery: ClaimedDelivery) -> bool:
        """Quiet hours at the moment of sending: wait for the next allowed time, or drop."""
        if self._window is None:
            return False
        hold = self._window.hold(delivery.kind, self._clock.now())
        if hold is None:
            return False
        if hold.until is None:
            log.info("delivery %s (%s) dropped: %s", delivery.id, delivery.kind, hold.reason)
            await self._ledger.cancel(delivery.id, self._owner, hold.reason)
        else:
            await self._ledger.postpone(delivery.id, self._owner, hold.until)
        return True

    async def _take_token(self) -> None:
        """Wait for the app-wide slot at the current pace (and past any pause)."""
        if self._bucket.rate != self._pace.rate:
            self._bucket.set_rate(self._pace.rate)
        wait = self._bucket.reserve()
        while wait > 0:
            if wait > 0.5:
                await self._idle(wait, wake_on_enqueue=False)
            else:
                await asyncio.sleep(wait)
            wait = self._paused_until_mono - time.monotonic()  # a storm while we slept

    async def _take_over(self) -> None:
        taken = await self._ledger.take_over(self._owner, self._settings.duplicate_policy)
        if taken:
            log.warning("took over %d deliveries claimed by a previous sender", taken)

    async def _maybe_reap(self) -> None:
        now = time.monotonic()
        if now - self._last_reap >= self._settings.reap_every_seconds:
            self._last_reap = now
            reaped = await self._ledger.reap_expired(self._settings.duplicate_policy)
            if reaped:
                log.warning("reaped %d deliveries whose sender died mid-attempt", reaped)

    async def _wait_for_gate(self) -> bool:
        """True if the shared gate is closed (after waiting for it, or for a stop)."""
        until = await self._ledger.paused_until()
        if until is None:
            return False
        remaining = (until - self._clock.now()).total_seconds()
        if remaining <= 0:
            return False
        self._paused_until_mono = max(self._paused_until_mono, time.monotonic() + remaining)
        self._bucket.pause_until(self._paused_until_mono)
        self._spacing.pause_until(self._paused_until_mono)
        await self._idle(remaining, wake_on_enqueue=False)
        return True

    async def _idle_until_due(self) -> None:
        s = self._settings
        timeout = s.idle_wait_seconds
        due = await self._ledger.next_due_at()
        if due is None and not self._in_flight:
            # Nothing pending; drained once no attempt (ours or a dead sender's) is open either.
            if (await self._ledger.queue_stats()).depth == 0:
                self._drained.set()
            else:
                timeout = min(timeout, self._settings.reap_every_seconds)
        if due is not None:
            timeout = min(timeout, max(0.0, (due - self._clock.now()).total_seconds()))
        if timeout > 0:
            # A send that ends in "retry later" wakes us, so does an enqueue (wake()).
            await self._idle(timeout)

    async def _idle(self, seconds: float, *, wake_on_enqueue: bool = True) -> None:
        waiters: set[asyncio.Task[bool]] = {asyncio.create_task(self._stopping.wait())}
        if wake_on_enqueue:
            waiters.add(asyncio.create_task(self._wakeup.wait()))
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            if wake_on_enqueue:
                self._wakeup.clear()

    # --- one delivery -----------------------------------------------------------------------

    async def _deliver(self, delivery: ClaimedDelivery, conversation_wait: float) -> None:
        try:
            if conversation_wait > 0:  # a short wait for the conversation's window
                await asyncio.sleep(conversation_wait)
                await self._take_token()
            await self._deliver_once(delivery)
        except Exception:
            log.exception("delivery %s: recording the outcome failed", delivery.id)
        finally:
            self._slots.release()

    async def _deliver_once(self, delivery: ClaimedDelivery) -> None:
        ledger, owner = self._ledger, self._owner
        if delivery.target is None:
            await ledger.mark_failed(delivery.id, owner, None, "no conversation reference")
            self._count(SendOutcome.FAILED)
            return
        if self._stopping.is_set():
            await ledger.release([delivery.id], owner)
            return
        if delivery.deadline is not None and self._clock.now() >= delivery.deadline:
            await ledger.mark_failed(delivery.id, owner, None, "its deadline passed before sending")
            self._count(SendOutcome.FAILED)
            return
        if not await ledger.start_attempt(delivery.id, owner, delivery.target):
            log.warning("delivery %s: lease lost before the attempt", delivery.id)
            return
        # Launches are paced; a queue of commits can still bunch them up. Space the requests
        # themselves at the same pace (a wait of a few milliseconds at most, normally).
        if self._spacing.rate != self._pace.rate:
            self._spacing.set_rate(self._pace.rate)
        spacing = max(self._spacing.reserve(), self._paused_until_mono - time.monotonic())
        if spacing > 0:
            await asyncio.sleep(spacing)
        try:
            result = await self._sender.send(delivery.target, delivery.payload)
        except Exception as exc:  # the port promises not to raise; be safe anyway
            log.exception("delivery %s: sender raised", delivery.id)
            result = SendResult(http_status=None, error=f"sender raised {type(exc).__name__}")
        outcome = classify(result)
        self._count(outcome)
        self._storm.record(outcome is SendOutcome.THROTTLED)
        error = result.error or f"HTTP {result.http_status}"
        if outcome is SendOutcome.SENT:
            assert result.http_status is not None
            self._pace.on_success()
            recorded = await ledger.mark_sent(
                delivery.id, owner, result.http_status, result.activity_id
            )
            if not recorded:
                log.error("delivery %s: sent, but its lease was lost before recording", delivery.id)
        elif outcome is SendOutcome.THROTTLED:
            await self._throttled(delivery, delivery.target, result, error)
        elif outcome is SendOutcome.RETRY:
            await self._retry_or_give_up(delivery, result, error)
        elif outcome is SendOutcome.UNREACHABLE:
            assert result.http_status is not None
            reason = UNREACHABLE_REASONS.get(result.http_status, "") + error
            await ledger.mark_failed(delivery.id, owner, result.http_status, reason)
            await ledger.mark_not_working(delivery.target, result.http_status, reason)
        else:
            await ledger.mark_failed(delivery.id, owner, result.http_status, error)

    def _give_up_at(self, delivery: ClaimedDelivery) -> datetime:
        """The retry budget from when it was queued, or the message's deadline if sooner."""
        queued = delivery.created_at or self._clock.now()
        end = queued + self._settings.retry_budget
        return min(end, delivery.deadline) if delivery.deadline is not None else end

    async def _retry_or_give_up(
        self, delivery: ClaimedDelivery, result: SendResult, error: str
    ) -> None:
        """Transient (5xx, timeout, lost connection): back off, capped and jittered, within the
        budget; past it, ``failed`` with the reason."""
        attempts = delivery.attempts + 1
        retry_at = self._clock.now() + timedelta(
            seconds=self._settings.backoff(attempts, self._rng)
        )
        give_up_at = self._give_up_at(delivery)
        if retry_at <= give_up_at:
            await self._ledger.retry_later(
                delivery.id, self._owner, retry_at, result.http_status, error, throttled=False
            )
            self._wakeup.set()
            return
        why = (
            "its deadline"
            if delivery.deadline is not None and give_up_at == delivery.deadline
            else f"the retry budget of {self._settings.retry_budget}"
        )
        await self._ledger.mark_failed(
            delivery.id,
            self._owner,
            result.http_status,
            f"gave up after {attempts} attempts: the next would be past {why}; last: {error}",
        )

    async def _throttled(
        self, delivery: ClaimedDelivery, target: ConversationTarget, result: SendResult, error: str
    ) -> None:
        """A 429 delays its own request and conversation by the Retry-After and slows the pace;
        only when 429s dominate the recent answers does every sender pause."""
        delay = self._throttle_delay(result)
        retry_at = self._clock.now() + timedelta(seconds=delay)
        if delivery.deadline is not None and retry_at > delivery.deadline:
            self._pace.on_throttle()
            await self._ledger.mark_failed(
                delivery.id,
                self._owner,
                result.http_status,
                f"throttled, and its Retry-After ends past its deadline; last: {error}",
            )
            return
        self._conversations.block(target.conversation_id, time.monotonic() + delay)
        if self._pace.on_throttle():
            log.info("429: pace cut to %.1f/s", self._pace.rate)
        if self._storm.dominated():
            log.warning("429s dominate the last answers: every sender pauses %.1f s", delay)
            self._storm.clear()
            await self._pause_everyone(delay)
        await self._ledger.retry_later(
            delivery.id, self._owner, retry_at, result.http_status, error, throttled=True
        )
        self._wakeup.set()

    def _throttle_delay(self, result: SendResult) -> float:
        s = self._settings
        delay = result.retry_after_seconds
        if delay is None or delay < 0:
            delay = s.default_retry_after_seconds
        return min(delay, s.max_retry_after_seconds)

    async def _pause_everyone(self, delay: float) -> None:
        until = time.monotonic() + delay
        self._paused_until_mono = max(self._paused_until_mono, until)
        self._bucket.pause_until(until)
        self._spacing.pause_until(until)
        await self._ledger.pause(self._clock.now() + timedelta(seconds=delay))

    def _count(self, outcome: SendOutcome) -> None:
        if self._metrics is not None:
            self._metrics.count_send(outcome)

    def _set_leader_metric(self) -> None:
        if self._metrics is not None:
            self._metrics.leader.set(1 if self._leader else 0)
