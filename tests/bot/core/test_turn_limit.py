"""The per-sender turn rate limit, on a fake clock."""

from __future__ import annotations

import pytest

from bot.core.turn_limit import Admission, TurnRateLimit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_one_notice_then_silence() -> None:
    clock = Clock()
    limit = TurnRateLimit(30, clock=clock)
    assert limit.burst == 10
    assert [limit.admit("29:a") for _ in range(10)] == [Admission.ALLOWED] * 10
    assert limit.admit("29:a") is Admission.LIMITED_NOTIFY
    assert limit.admit("29:a") is Admission.LIMITED
    assert limit.admit("29:a") is Admission.LIMITED
    assert limit.admit("29:b") is Admission.ALLOWED  # per sender


def test_tokens_come_back_at_the_configured_rate() -> None:
    clock = Clock()
    limit = TurnRateLimit(30, burst=1, clock=clock)  # one turn every 2 seconds
    assert limit.admit("29:a") is Admission.ALLOWED
    assert limit.admit("29:a") is Admission.LIMITED_NOTIFY
    clock.now += 1.9
    assert limit.admit("29:a") is Admission.LIMITED
    clock.now += 0.2
    assert limit.admit("29:a") is Admission.ALLOWED
    assert limit.admit("29:a") is Admission.LIMITED_NOTIFY  # a new episode is announced again
    clock.now += 3600
    assert limit.admit("29:a") is Admission.ALLOWED
    assert limit.admit("29:a") is Admission.LIMITED_NOTIFY  # refills only up to the burst


def test_a_clock_going_back_gives_no_tokens() -> None:
    clock = Clock()
    limit = TurnRateLimit(60, burst=1, clock=clock)
    assert limit.admit("29:a") is Admission.ALLOWED
    clock.now -= 3600
    assert limit.admit("29:a") is Admission.LIMITED_NOTIFY


def test_zero_disables() -> None:
    limit = TurnRateLimit(0, clock=Clock())
    assert not limit.enabled
    assert all(limit.admit("29:a") is Admission.ALLOWED for _ in range(1000))
    assert len(limit) == 0


def test_memory_is_bounded_whatever_the_senders() -> None:
    clock = Clock()
    limit = TurnRateLimit(30, burst=1, clock=clock, capacity=100)
    assert limit.admit("29:regular") is Admission.ALLOWED
    for n in range(10_000):
        limit.admit(f"29:flood-{n}" + "x" * 1000)
    assert len(limit) == 100
    # The least recently seen were dropped: the regular sender starts again, full.
    assert limit.admit("29:regular") is Admission.ALLOWED


def test_odd_sender_ids_are_fine() -> None:
    limit = TurnRateLimit(30, burst=1, clock=Clock())
    assert limit.admit("\ud800") is Admission.ALLOWED  # a lone surrogate from JSON
    assert limit.admit("") is Admission.ALLOWED  # no sender: one shared bucket
    assert limit.admit("") is Admission.LIMITED_NOTIFY


def test_a_negative_rate_is_refused() -> None:
    with pytest.raises(ValueError):
        TurnRateLimit(-1)
