"""Rate limits for proactive sends: an adaptive pace for the app, sliding windows per conversation.

* :class:`AdaptiveRate` finds the connector's ceiling: it starts near the configured budget
  (``TELEWORK_DELIVERY_RATE``, the ceiling it never exceeds), creeps up while no 429 arrives,
  cuts the rate multiplicatively on a 429 (at most once per ``cooldown``: the 429s of requests
  already on the wire answer the same overshoot), then climbs back quickly to just under the rate
  that drew the 429 and probes above it slowly. It never goes below ``floor`` of the ceiling:
  429s that keep coming at the floor are not about our pace (a throttled tenant, random
  refusals), and :class:`ThrottleWindow` handles those by pausing everyone when they dominate.
* :class:`TokenBucket` spaces the sends at the controller's current rate.
* :class:`ConversationLimiter` keeps Teams' per-conversation windows and a conversation's own
  Retry-After.

Hand-written rather than ``aiolimiter`` (a leaky bucket whose ``acquire`` sleeps): the dispatcher
needs a rate that changes on every answer, a pause that pushes every later reservation past a
Retry-After, Teams' per-conversation rule (two sliding windows at once: 7 in 1 s *and* 60 in
30 s) plus a per-conversation block, and an injectable monotonic clock so the arithmetic is tested
without sleeping. The classes only *reserve* or *record*: they never sleep themselves.
"""

from __future__ import annotations

import math
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


class AdaptiveRate:
    """The pace of the app's sends: AIMD with a fast return to the last good rate."""

    def __init__(
        self,
        ceiling: float,
        *,
        start: float = 0.9,
        floor: float = 0.6,
        decrease: float = 0.9,
        cooldown: float = 1.0,
        recover_seconds: float = 1.0,
        probe_per_second: float = 0.5,
        margin: float = 0.03,
        monotonic: Monotonic = time.monotonic,
    ) -> None:
        if ceiling <= 0 or not 0 < floor <= start <= 1 or not 0 < decrease < 1:
            raise ValueError("need ceiling > 0, 0 < floor <= start <= 1 and 0 < decrease < 1")
        self.ceiling = ceiling
        self._floor = floor * ceiling
        self._decrease = decrease
        self._cooldown = cooldown
        self._recover = recover_seconds
        self._probe = probe_per_second
        self._margin = margin
        self._monotonic = monotonic
        self._rate = start * ceiling
        self._target = ceiling  # climb quickly up to here, then probe slowly
        self._last_cut = float("-inf")
        self._last_update = monotonic()
        self.cuts = 0

    @property
    def rate(self) -> float:
        return self._rate

    def on_success(self) -> None:
        """An accepted send: move up (quickly towards the target, slowly beyond it)."""
        now = self._monotonic()
        elapsed = min(1.0, max(0.0, now - self._last_update))
        self._last_update = now
        if self._rate < self._target:
            gap = self._target - self._rate
            self._rate += gap * (1 - math.exp(-elapsed / self._recover)) + self._probe * elapsed
        else:
            self._rate += self._probe * elapsed
        self._rate = min(self.ceiling, self._rate)

    def on_throttle(self) -> bool:
        """A 429: cut the rate unless it was cut within the cooldown. True if it was cut."""
        now = self._monotonic()
        self._last_update = now
        if now - self._last_cut < self._cooldown:
            return False
        self._last_cut = now
        self._target = max(self._floor, self._rate * (1 - self._margin))
        self._rate = max(self._floor, self._rate * self._decrease)
        self.cuts += 1
        return True


class ThrottleWindow:
    """The answers of the last ``window`` seconds: do 429s dominate them?"""

    def __init__(
        self,
        window: float = 2.0,
        *,
        min_answers: int = 10,
        dominant_share: float = 0.5,
        monotonic: Monotonic = time.monotonic,
    ) -> None:
        self._window = window
        self._min = min_answers
        self._share = dominant_share
        self._monotonic = monotonic
        self._answers: deque[tuple[float, bool]] = deque()
        self._throttled = 0

    def record(self, throttled: bool) -> None:
        now = self._monotonic()
        self._answers.append((now, throttled))
        self._throttled += throttled
        while self._answers and self._answers[0][0] <= now - self._window:
            self._throttled -= self._answers.popleft()[1]

    def dominated(self) -> bool:
        total = len(self._answers)
        return total >= self._min and self._throttled >= self._share * total

    def clear(self) -> None:
        self._answers.clear()
        self._throttled = 0


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
        self._blocked: dict[str, float] = {}
        self._reservations = 0

    def block(self, conversation_id: str, until: float) -> None:
        """Nothing to ``conversation_id`` before ``until`` (monotonic): its own Retry-After."""
        self._blocked[conversation_id] = max(self._blocked.get(conversation_id, 0.0), until)

    def peek(self, conversation_id: str) -> float:
        """The wait :meth:`reserve` would return now, without taking the slot."""
        now = self._monotonic()
        return self._slot(conversation_id, now, self._sent.get(conversation_id)) - now

    def reserve(self, conversation_id: str) -> float:
        """Take one slot for ``conversation_id``; return the seconds to wait before using it."""
        now = self._monotonic()
        self._reservations += 1
        if self._reservations % 1024 == 0:
            self._forget_idle(now)
        times = self._sent.setdefault(conversation_id, deque(maxlen=self._longest))
        at = self._slot(conversation_id, now, times)
        times.append(at)
        return at - now

    def _slot(self, conversation_id: str, now: float, times: deque[float] | None) -> float:
        at = max(now, self._blocked.get(conversation_id, now))
        if times:
            at = max(at, times[-1])
            for count, window in self._windows:
                if len(times) >= count:
                    at = max(at, times[-count] + window)
        return at

    def _forget_idle(self, now: float) -> None:
        idle = [key for key, times in self._sent.items() if times[-1] <= now - self._horizon]
        for key in idle:
            del self._sent[key]
        for key in [key for key, until in self._blocked.items() if until <= now]:
            del self._blocked[key]

    def __len__(self) -> int:
        return len(self._sent)
