"""Rate limits for proactive sends: one bucket for the app, sliding windows per conversation.

Hand-written rather than ``aiolimiter``: the dispatcher needs (1) a pause that pushes every
later reservation past a 429's Retry-After, (2) Teams' per-conversation rule, which is two
sliding windows at once (7 in 1 s *and* 60 in 30 s), and (3) an injectable monotonic clock so the
arithmetic is tested without sleeping. Both classes only *reserve*: they return how long the
caller must wait and never sleep themselves, so concurrent callers are served in order.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence

Monotonic = Callable[[], float]

TEAMS_CONVERSATION_WINDOWS: tuple[tuple[int, float], ...] = ((7, 1.0), (60, 30.0))
"""Teams' documented limit for a bot posting to one conversation."""


class TokenBucket:
    """A token bucket as GCRA: ``rate`` sends per second, bursts of up to ``burst``."""

    def __init__(self, rate: float, burst: int = 1, monotonic: Monotonic = time.monotonic) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self._burst = burst
        self._interval = 1.0 / rate
        self._tolerance = (burst - 1) * self._interval
        self._monotonic = monotonic
        self._tat = monotonic()  # theoretical arrival time of the next send

    @property
    def rate(self) -> float:
        return 1.0 / self._interval

    def set_rate(self, rate: float) -> None:
        """Change the steady rate (the dispatcher slows down after a 429, then recovers)."""
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._interval = 1.0 / rate
        self._tolerance = (self._burst - 1) * self._interval

    def reserve(self) -> float:
        """Take one send slot; return the seconds to wait before using it."""
        now = self._monotonic()
        allowed_at = max(now, self._tat - self._tolerance)
        self._tat = max(self._tat, now) + self._interval
        return allowed_at - now

    def pause_until(self, instant: float) -> None:
        """No slot before ``instant`` (monotonic); afterwards resume at the steady rate."""
        self._tat = max(self._tat, instant + self._tolerance)


class ConversationLimiter:
    """Sliding-window limits per conversation id (default: Teams' 7/s and 60/30 s)."""

    def __init__(
        self,
        windows: Sequence[tuple[int, float]] = TEAMS_CONVERSATION_WINDOWS,
        monotonic: Monotonic = time.monotonic,
    ) -> None:
        if not windows or any(n < 1 or w <= 0 for n, w in windows):
            raise ValueError("each window needs a positive count and length")
        self._windows = tuple(windows)
        self._horizon = max(w for _, w in self._windows)
        self._longest = max(n for n, _ in self._windows)
        self._monotonic = monotonic
        self._sent: dict[str, deque[float]] = {}
        self._reservations = 0

    def reserve(self, conversation_id: str) -> float:
        """Take one slot for ``conversation_id``; return the seconds to wait before using it."""
        now = self._monotonic()
        self._reservations += 1
        if self._reservations % 1024 == 0:
            self._forget_idle(now)
        times = self._sent.setdefault(conversation_id, deque(maxlen=self._longest))
        at = max(now, times[-1]) if times else now
        for count, window in self._windows:
            if len(times) >= count:
                at = max(at, times[-count] + window)
        times.append(at)
        return at - now

    def _forget_idle(self, now: float) -> None:
        idle = [key for key, times in self._sent.items() if times[-1] <= now - self._horizon]
        for key in idle:
            del self._sent[key]

    def __len__(self) -> int:
        return len(self._sent)
