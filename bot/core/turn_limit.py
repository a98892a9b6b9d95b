"""A per-sender turn rate limit: a token bucket for each Teams user, in bounded memory.

Anyone who can reach ``/api/messages`` (in anonymous development mode, anyone on the machine;
in production, any Teams user, even one the roster does not know) can send turns as fast as
they like. Each sender may take ``per_minute`` turns a minute on average, with a small burst;
the rest are dropped before any work is done, and the sender is told once per episode (not
for every dropped turn).

The buckets live in an LRU of at most ``capacity`` senders keyed by a fixed-size digest of
the sender id, so neither many senders nor long ids grow memory without bound; a sender
pushed out of the LRU simply starts again with a full bucket.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

DEFAULT_CAPACITY = 10_000
MAX_BURST = 10


class Admission(Enum):
    """What to do with a turn."""

    ALLOWED = "allowed"
    LIMITED_NOTIFY = "limited_notify"  # the first turn refused in this episode: say why
    LIMITED = "limited"  # refused again: stay silent


@dataclass
class _Bucket:
    tokens: float
    updated: float
    told: bool = False


class TurnRateLimit:
    """``per_minute`` turns a minute per sender (0: no limit), bursts of up to ``burst``."""

    def __init__(
        self,
        per_minute: int,
        *,
        burst: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        capacity: int = DEFAULT_CAPACITY,
    ) -> None:
        if per_minute < 0:
            raise ValueError("per_minute must be 0 (no limit) or more")
        self.per_minute = per_minute
        self.burst = float(burst if burst is not None else max(1, min(MAX_BURST, per_minute)))
        self._per_second = per_minute / 60.0
        self._clock = clock
        self._capacity = capacity
        self._buckets: OrderedDict[bytes, _Bucket] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def __len__(self) -> int:
        return len(self._buckets)

    def admit(self, sender: str) -> Admission:
        """Spend one of ``sender``'s tokens, if there is one."""
        if not self.enabled:
            return Admission.ALLOWED
        now = self._clock()
        key = hashlib.blake2b(sender.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(tokens=self.burst, updated=now)
            self._buckets[key] = bucket
            if len(self._buckets) > self._capacity:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self.burst, bucket.tokens + elapsed * self._per_second)
            bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.told = False
            return Admission.ALLOWED
        if bucket.told:
            return Admission.LIMITED
        bucket.told = True
        return Admission.LIMITED_NOTIFY
