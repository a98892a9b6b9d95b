"""The send limits (scheduler/rate_limit.py) on a fake monotonic clock: no sleeping.

Both limiters only *reserve*: ``reserve()`` returns how long the caller must wait, and the
instant it may send is ``now + wait``. The tests collect those instants and check them against
Teams' rules: at most 7 messages in any 1 s and 60 in any 30 s to one conversation, and after a
429 nothing before its Retry-After.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.dispatcher import DispatcherSettings
from scheduler.rate_limit import (
    TEAMS_CONVERSATION_WINDOWS,
    AdaptiveRate,
    ConversationLimiter,
    ThrottleWindow,
    TokenBucket,
)


class FakeMonotonic:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def reserve_many(
    limiter: ConversationLimiter, clock: FakeMonotonic, conv: str, n: int
) -> list[float]:
    """``n`` reservations at the current instant; the instants each may send at."""
    return [clock.now + limiter.reserve(conv) for _ in range(n)]


EPSILON = 1e-9  # ``now + wait`` may differ from the reserved instant in the last bit


def busiest(instants: Sequence[float], window: float) -> int:
    """The most sends in any half-open window ``[t, t + window)``."""
    ordered = sorted(instants)
    return max(
        (sum(1 for u in ordered if t - EPSILON <= u < t + window - EPSILON) for t in ordered),
        default=0,
    )


# --- per conversation: Teams' 7 per second and 60 per 30 seconds ------------------------------


def test_teams_limits_are_the_default_for_the_limiter_and_the_dispatcher() -> None:
    assert TEAMS_CONVERSATION_WINDOWS == ((7, 1.0), (60, 30.0))
    assert DispatcherSettings().conversation_windows == TEAMS_CONVERSATION_WINDOWS


def test_seven_at_once_go_now_and_the_eighth_waits_a_second() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)  # the defaults: Teams' windows
    waits = [limiter.reserve("a:conv") for _ in range(8)]
    assert waits == [0.0] * 7 + [1.0]


def test_the_sixty_first_in_thirty_seconds_waits_for_the_long_window() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)
    instants = reserve_many(limiter, clock, "a:conv", 61)
    start = clock.now
    # The 1 s window alone would let 7 go each second: the 61st at start + 8 s.
    assert instants[59] == start + 8.0
    # The 30 s window holds the 61st until 30 s after the first.
    assert instants[60] == start + 30.0
    assert busiest(instants, 1.0) == 7
    assert busiest(instants, 30.0) == 60


def test_a_full_conversation_does_not_hold_up_another() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)
    reserve_many(limiter, clock, "a:busy", 61)
    assert limiter.reserve("a:other") == 0.0


def test_time_passing_frees_the_windows() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)
    reserve_many(limiter, clock, "a:conv", 7)
    clock.advance(0.5)
    assert limiter.reserve("a:conv") == 0.5  # still within the first second
    clock.advance(30.0)
    assert reserve_many(limiter, clock, "a:conv", 7) == [clock.now] * 7


def test_a_caller_that_sends_when_told_never_breaks_a_window() -> None:
    """A sender that reserves, waits what it is told, then sends: 200 messages to one chat."""
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)
    sent: list[float] = []
    for _ in range(200):
        clock.advance(limiter.reserve("a:conv"))
        sent.append(clock.now)
    assert busiest(sent, 1.0) == 7
    assert busiest(sent, 30.0) == 60
    # … and it is not slower than the rules require: 200 = 3 × 60 + 20 → 90 s + 2 s + a bit.
    assert sent[-1] - sent[0] == pytest.approx(92.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.floats(min_value=0.0, max_value=2.0)),
        max_size=150,
    )
)
def test_reserved_instants_respect_every_window_in_any_order(
    steps: list[tuple[str, float]],
) -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(((3, 1.0), (5, 4.0)), monotonic=clock)
    instants: dict[str, list[float]] = {}
    for conv, pause in steps:
        clock.advance(pause)
        wait = limiter.reserve(conv)
        assert wait >= 0.0
        instants.setdefault(conv, []).append(clock.now + wait)
    for reserved in instants.values():
        assert all(b >= a - EPSILON for a, b in pairwise(reserved))
        assert busiest(reserved, 1.0) <= 3
        assert busiest(reserved, 4.0) <= 5


def test_idle_conversations_are_forgotten_but_busy_ones_are_not() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)
    reserve_many(limiter, clock, "a:old", 1)
    clock.advance(31.0)
    reserve_many(limiter, clock, "a:recent", 61)  # its window reaches 30 s ahead
    for n in range(1024 - 62):
        limiter.reserve(f"a:n{n}")  # the 1024th reservation sweeps
    assert len(limiter) == 1024 - 62 + 1  # "a:old" is gone, everything recent is kept
    assert limiter.reserve("a:recent") == 30.0  # still counted: not a fresh start


@pytest.mark.parametrize("windows", [(), ((0, 1.0),), ((7, 0.0),), ((7, -1.0),)])
def test_windows_must_make_sense(windows: tuple[tuple[int, float], ...]) -> None:
    with pytest.raises(ValueError, match="window"):
        ConversationLimiter(windows)


# --- the app-wide bucket and the 429 pause --------------------------------------------------


def test_the_bucket_spaces_sends_at_its_rate() -> None:
    clock = FakeMonotonic()
    bucket = TokenBucket(rate=10, burst=1, monotonic=clock)
    assert [bucket.reserve() for _ in range(4)] == pytest.approx([0.0, 0.1, 0.2, 0.3])
    clock.advance(10.0)
    assert bucket.reserve() == 0.0  # idle time is not a debt


def test_a_burst_goes_at_once_then_the_rate_applies() -> None:
    clock = FakeMonotonic()
    bucket = TokenBucket(rate=10, burst=3, monotonic=clock)
    assert [bucket.reserve() for _ in range(5)] == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2])


def test_a_429_pause_holds_every_later_send_until_retry_after() -> None:
    clock = FakeMonotonic()
    bucket = TokenBucket(rate=10, burst=3, monotonic=clock)
    bucket.reserve()
    bucket.pause_until(clock.now + 5.0)  # Retry-After: 5
    waits = [bucket.reserve() for _ in range(3)]
    # Nothing before the pause ends, and no burst after it: the steady rate from there.
    assert waits == pytest.approx([5.0, 5.1, 5.2])
    clock.advance(4.9)
    assert bucket.reserve() == pytest.approx(0.4)  # still queued behind the pause


def test_the_pause_counts_from_the_clock_not_from_the_queue() -> None:
    clock = FakeMonotonic()
    bucket = TokenBucket(rate=10, monotonic=clock)
    clock.advance(2.0)
    bucket.pause_until(clock.now + 1.0)
    assert bucket.reserve() == pytest.approx(1.0)
    clock.advance(20.0)
    assert bucket.reserve() == 0.0  # over: no lasting slowdown


def test_an_earlier_pause_does_not_pull_queued_sends_forward() -> None:
    clock = FakeMonotonic()
    bucket = TokenBucket(rate=1, monotonic=clock)
    for _ in range(5):
        bucket.reserve()  # queued until now + 4 s
    bucket.pause_until(clock.now + 2.0)
    assert bucket.reserve() == pytest.approx(5.0)


def test_a_slower_rate_after_429_and_its_recovery() -> None:
    clock = FakeMonotonic()
    bucket = TokenBucket(rate=10, monotonic=clock)
    bucket.set_rate(2)
    assert bucket.rate == 2
    assert [bucket.reserve() for _ in range(3)] == pytest.approx([0.0, 0.5, 1.0])
    bucket.set_rate(10)
    # What is queued stays queued at the old pace; from there on 10 a second.
    assert [bucket.reserve() for _ in range(2)] == pytest.approx([1.5, 1.6])


@pytest.mark.parametrize(("rate", "burst"), [(0, 1), (-1, 1), (1, 0)])
def test_the_bucket_refuses_nonsense(rate: float, burst: int) -> None:
    with pytest.raises(ValueError, match="rate"):
        TokenBucket(rate, burst)
    with pytest.raises(ValueError, match="rate"):
        TokenBucket(1).set_rate(0)


# --- a conversation's own Retry-After ------------------------------------------------------------


def test_a_blocked_conversation_waits_and_the_others_do_not() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(monotonic=clock)
    limiter.block("a", clock.now + 3.0)
    assert limiter.peek("a") == pytest.approx(3.0)
    assert limiter.peek("b") == 0.0
    assert limiter.reserve("a") == pytest.approx(3.0)
    assert limiter.reserve("b") == 0.0
    clock.advance(3.0)
    assert limiter.peek("c") == 0.0


def test_peek_does_not_take_the_slot() -> None:
    clock = FakeMonotonic()
    limiter = ConversationLimiter(((1, 1.0),), monotonic=clock)
    assert limiter.reserve("a") == 0.0
    assert limiter.peek("a") == pytest.approx(1.0)
    assert limiter.peek("a") == pytest.approx(1.0)
    assert limiter.reserve("a") == pytest.approx(1.0)
    assert limiter.peek("a") == pytest.approx(2.0)


# --- the adaptive pace -------------------------------------------------------------------------


def sends(pace: AdaptiveRate, clock: FakeMonotonic, seconds: float) -> None:
    """Successes at the current pace for ``seconds``."""
    end = clock.now + seconds
    while clock.now < end:
        clock.advance(1 / pace.rate)
        pace.on_success()


def test_the_pace_starts_near_the_budget_and_never_passes_the_ceiling() -> None:
    clock = FakeMonotonic()
    pace = AdaptiveRate(50, monotonic=clock)
    assert pace.rate == pytest.approx(45)
    sends(pace, clock, 3)
    assert 49 < pace.rate <= 50
    sends(pace, clock, 60)
    assert pace.rate == 50


def test_a_429_cuts_the_pace_once_per_cooldown_then_it_returns_under_the_old_rate() -> None:
    clock = FakeMonotonic()
    pace = AdaptiveRate(50, monotonic=clock)
    sends(pace, clock, 10)
    assert pace.on_throttle() is True
    assert pace.rate == pytest.approx(45)
    clock.advance(0.2)
    assert pace.on_throttle() is False  # the same overshoot, answered for other requests
    assert pace.rate == pytest.approx(45)
    sends(pace, clock, 3)
    assert 48 <= pace.rate < 50  # back quickly to just under the rate that drew the 429 …
    before = pace.rate
    sends(pace, clock, 2)
    assert pace.rate - before <= 1.1  # … then only probing slowly (0.5/s per second)


def test_429s_at_random_never_push_the_pace_below_the_floor() -> None:
    clock = FakeMonotonic()
    pace = AdaptiveRate(50, monotonic=clock)
    for _ in range(200):
        clock.advance(0.1)
        pace.on_throttle()
    assert pace.rate == pytest.approx(30)


def test_throttle_window_is_dominated_only_by_many_recent_429s() -> None:
    clock = FakeMonotonic()
    window = ThrottleWindow(2.0, min_answers=10, dominant_share=0.5, monotonic=clock)
    for _ in range(9):
        window.record(True)
    assert not window.dominated()  # too few answers to say
    window.record(False)
    assert window.dominated()  # 9 of 10
    clock.advance(2.5)
    for n in range(20):
        window.record(n % 5 == 0)  # 20% at random
    assert not window.dominated()
    for _ in range(20):
        window.record(True)
    assert window.dominated()
    window.clear()
    assert not window.dominated()
