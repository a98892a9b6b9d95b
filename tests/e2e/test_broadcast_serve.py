"""A broadcast through ``telework-bot serve`` reaches everyone exactly once, as measured by the
independent Node.js connector (``bench/connector/fake_connector.mjs``; issue 16 goal 1).

The same path as ``bench/broadcast_serve.py`` at a small size: roster import, a mandatory
campaign created on the command line, ``serve`` with the daily campaign job due in the next
minute, the connector enforcing 50 accepted requests a second, in a time zone where it is a
working day (it skips in the few hours of a year when it is a weekend or holiday everywhere). Not timed: it checks that every
conversation got the announcement once, that nothing failed and that the ledger agrees.
Outside CI it skips when Node.js is missing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.broadcast_serve import (
    CONNECTOR,
    NoWorkingDay,
    broadcast_through_serve,
    conversation,
    node,
)
from tests.e2e.conftest import tail, unavailable

RECIPIENTS = 200


@pytest.fixture
def node_available() -> None:
    executable = node()
    if executable is None:
        unavailable("Node.js (node) is needed for the independent connector")
    version = subprocess.run([executable, "--version"], capture_output=True, text=True, check=False)
    major = int(version.stdout.strip().lstrip("v").split(".")[0] or 0)
    if major < 18:
        unavailable(f"the independent connector needs Node.js 18 or later, found {version.stdout}")
    assert CONNECTOR.is_file()


@pytest.mark.usefixtures("node_available")
def test_every_recipient_gets_the_broadcast_exactly_once(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    try:
        outcome = broadcast_through_serve(database_url, RECIPIENTS, limit=50, latency=0.02, log=log)
    except NoWorkingDay as exc:  # campaign steps fall due on working days only
        pytest.skip(str(exc))

    assert outcome.per_conversation == {conversation(n): 1 for n in range(RECIPIENTS)}, tail(log)
    assert outcome.delivered == RECIPIENTS
    assert outcome.duplicates == 0
    assert outcome.failed == 0
    assert outcome.ledger == {"sent": RECIPIENTS}
    # The dispatcher paced itself under the connector's limit: sent all at once, 200
    # messages would draw about 150 refusals; the paced ones draw a handful at most.
    assert outcome.throttled <= RECIPIENTS // 20, outcome
