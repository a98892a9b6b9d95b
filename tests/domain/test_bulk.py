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


def test_blocks_in_threads_share_one_count() -> None:
    """A chat's report is built in a worker thread while the loop's thread plans nudges:
    whichever ends first leaves the collector paused for the other."""
    import threading

    inside = threading.Barrier(2)
    first_out = threading.Event()
    seen: list[bool] = []

    def worker() -> None:
        with collector_paused():
            inside.wait()
        first_out.set()

    thread = threading.Thread(target=worker)
    thread.start()
    with collector_paused():
        inside.wait()
        first_out.wait(5)
        seen.append(gc.isenabled())  # the worker's block ended; this one is still open
    thread.join()
    assert seen == [False]
    assert gc.isenabled()
