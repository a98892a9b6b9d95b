"""Reading many rows and building many objects at once (100,000 people's quota statuses, a
day's nudge plan, a fiscal-year report) without the cyclic garbage collector walking them
over and over. Plain Python, so the domain (the report) and storage (bulk reads) share it;
nested and overlapping blocks (tasks interleaving across awaits) resume the collector only
when the last one ends, also across threads (a chat's report is built in a worker thread
while the loop's thread may plan nudges)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_depth = 0  # collector_paused blocks open (tasks may overlap across awaits)
_was_enabled = False
_lock = threading.Lock()  # the counter and the flag change together, from any thread


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reading and building many long-lived
    objects: each collection it would trigger walks every live object (each row read and
    everything built so far) and frees nothing, seconds over 100,000 people. Reference
    counting still frees what is dropped; the collector resumes when the last open block
    ends. Meant for a few seconds of bulk work (other tasks of the loop run meanwhile)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
