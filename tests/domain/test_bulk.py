"""domain.bulk: the collector stays paused until the last of overlapping blocks ends."""

from __future__ import annotations

import asyncio
import gc

import pytest

from domain.bulk import collector_paused


def test_nested_blocks_resume_the_collector_only_at_the_outermost_end() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block ending does not resume it
    assert gc.isenabled()


def test_an_exception_still_resumes_the_collector() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_overlapping_tasks_resume_it_when_the_last_one_ends() -> None:
    first_done = asyncio.Event()
    states: list[bool] = []

    async def short() -> None:
        with collector_paused():
            await asyncio.sleep(0)
        first_done.set()

    async def long() -> None:
        with collector_paused():
            await first_done.wait()
            states.append(gc.isenabled())  # the short one ended; this one still reads
        states.append(gc.isenabled())

    await asyncio.gather(long(), short())
    assert states == [False, True]
