"""The Graph adapter against the fake Graph: tokens, retries, errors, and each call's shape."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.settings import load_settings
from bot.graph import Microsoft365, connect
from bot.graph.check import check
from domain.m365 import InstallResult, M365Error, M365Failure
from domain.meetings import Meeting, Participant
from tests.fakes.fake_graph import (
    CATALOGUE_APP,
    Failure,
    FakeGraph,
    self_signed_certificate,
)

FEATURES = "meetings,freebusy,install,status"
START = datetime(2026, 12, 8, 5, 0, tzinfo=UTC)  # 14:00 in Tokyo


@pytest.fixture
async def fake() -> AsyncIterator[FakeGraph]:
    graph = FakeGraph()
    await graph.start()
    graph.add_user("lead@example.go.jp", "aaaaaaaa-0000-4000-8000-000000000001")
    graph.add_user("sato@example.go.jp")
    yield graph
    await graph.close()


class Waits(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.fixture
async def m365(fake: FakeGraph, waits: Waits) -> AsyncIterator[Microsoft365]:
    graph = connect(load_settings(**fake.settings(FEATURES), _env_file=None), sleep=waits)
    assert graph is not None
    yield graph
    await graph.close()


def meeting() -> Meeting:
    return Meeting(
        uid="u-1",
        title="課内打合せ",
        organiser="E1",
        duration=60,
        participants=(
            Participant("E1", "Lead", email="lead@example.go.jp"),
            Participant("E2", "Sato", email="sato@example.go.jp"),
            Participant("G1", "Guest", chat_id="29:guest", is_staff=False),
        ),
    )


def test_off_without_features() -> None:
    assert connect(load_settings(_env_file=None)) is None


async def test_one_token_for_many_calls(fake: FakeGraph, m365: Microsoft365) -> None:
    for _ in range(3):
        await m365.client.request("GET", "/users/lead@example.go.jp/presence")
    assert fake.tokens_issued == 1


async def test_certificate_credential(fake: FakeGraph, tmp_path: Path, waits: Waits) -> None:
    both, cert = self_signed_certificate()
    fake.certificate_pem = cert
    path = tmp_path / "graph.pem"
    path.write_bytes(both)
    settings = load_settings(
        **fake.settings(
            "status",
            TELEWORK_GRAPH_CLIENT_SECRET="",
            TELEWORK_GRAPH_CERTIFICATE_FILE=str(path),
        ),
        _env_file=None,
    )
    graph = connect(settings, sleep=waits)
    assert graph is not None
    try:
        await graph.client.request("GET", "/users/lead@example.go.jp/presence")
    finally:
        await graph.close()
    assert fake.tokens_issued == 1
    # The fake refuses a secret once the app uses a certificate: the test can fail.
    fake.certificate_pem = None
    graph = connect(settings, sleep=waits)
    assert graph is not None
    try:
        with pytest.raises(M365Error) as refused:
            await graph.client.token.get()
    finally:
        await graph.close()
    assert refused.value.failure == M365Failure.REJECTED


async def test_429_waits_for_retry_after_then_succeeds(
    fake: FakeGraph, m365: Microsoft365, waits: Waits
) -> None:
    fake.fail_next("presence", Failure(429, "7"), Failure(503))
    answer = await m365.client.request("GET", "/users/lead@example.go.jp/presence")
    assert answer.status == 200
    assert waits == [7.0, 2.0]  # Retry-After, then the back-off's second step
    assert [c.status for c in fake.graph_calls("presence")] == [429, 503, 200]


async def test_throttled_after_the_last_attempt(
    fake: FakeGraph, m365: Microsoft365, waits: Waits
) -> None:
    fake.fail_next("presence", *[Failure(429, "1")] * 5)
    with pytest.raises(M365Error) as failed:
        await m365.client.request("GET", "/users/lead@example.go.jp/presence")
    assert failed.value.failure == M365Failure.THROTTLED
    assert len(waits) == 4


async def test_permission_and_unknown_user(fake: FakeGraph, m365: Microsoft365) -> None:
    fake.permissions.discard("Presence.ReadWrite.All")
    with pytest.raises(M365Error) as refused:
        await m365.client.request("GET", "/users/lead@example.go.jp/presence")
    assert refused.value.failure == M365Failure.PERMISSION
    with pytest.raises(M365Error) as unknown:
        await m365.client.request("GET", "/users/nobody@example.go.jp/calendar/events")
    assert unknown.value.failure == M365Failure.UNKNOWN_USER


async def test_event_create_update_cancel(fake: FakeGraph, m365: Microsoft365) -> None:
    assert m365.calendar is not None
    created = await m365.calendar.create(
        "lead@example.go.jp", meeting(), START, START + timedelta(hours=1)
    )
    assert created.join_url and created.join_url.startswith("https://teams.microsoft.com/")
    [event] = fake.events()
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == ["sato@example.go.jp"]
    assert event["startUtc"] == START
    # A create retried with the same meeting (the answer was lost) makes no second event.
    again = await m365.calendar.create(
        "lead@example.go.jp", meeting(), START, START + timedelta(hours=1)
    )
    assert again.event_id == created.event_id and len(fake.events()) == 1
    moved = START + timedelta(days=1)
    await m365.calendar.update(
        "lead@example.go.jp", created.event_id, meeting(), moved, moved + timedelta(hours=1)
    )
    assert event["startUtc"] == moved and event["changes"] == 1
    await m365.calendar.cancel("lead@example.go.jp", created.event_id, "中止します")
    assert event["isCancelled"] is True


async def test_free_busy_batches_by_the_api_limit(fake: FakeGraph, m365: Microsoft365) -> None:
    assert m365.free_busy is not None
    people = [f"p{i}@example.go.jp" for i in range(45)]
    for person in people:
        fake.add_user(person)
    fake.user("p3@example.go.jp").busy.append((START, START + timedelta(hours=1), "busy"))
    fake.user("p4@example.go.jp").busy.append((START, START + timedelta(hours=1), "tentative"))
    found = await m365.free_busy.busy(
        "lead@example.go.jp", [*people, "gone@example.go.jp"], START, START + timedelta(days=1)
    )
    assert len(fake.graph_calls("getSchedule")) == 3  # 46 addresses, 20 a request
    assert found["p3@example.go.jp"] == [(START, START + timedelta(hours=1))]
    assert found["p4@example.go.jp"] == []  # tentative does not block
    assert "gone@example.go.jp" not in found  # unknown: not known to be free either


async def test_install_is_idempotent(fake: FakeGraph, m365: Microsoft365) -> None:
    assert m365.installer is not None
    first = await m365.installer.install("sato@example.go.jp")
    second = await m365.installer.install("sato@example.go.jp")
    unknown = await m365.installer.install("nobody@example.go.jp")
    assert (first.result, second.result) == (InstallResult.INSTALLED, InstallResult.ALREADY)
    assert fake.user("sato@example.go.jp").apps == {CATALOGUE_APP}
    assert unknown.result == InstallResult.FAILED and "unknown_user" in (unknown.reason or "")


async def test_status_note_and_refusal(fake: FakeGraph, m365: Microsoft365) -> None:
    assert m365.status is not None
    expires = START + timedelta(hours=4)
    await m365.status.set_note("lead@example.go.jp", "本日テレワーク（〜17:45）", expires)
    assert fake.user("lead@example.go.jp").status == {
        "message": "本日テレワーク（〜17:45）",
        "expires": expires,
    }
    assert m365.status.available
    fake.permissions.discard("Presence.ReadWrite.All")
    with pytest.raises(M365Error):
        await m365.status.set_note("lead@example.go.jp", "x", expires)
    assert not m365.status.available


async def test_check_names_the_missing_permission(fake: FakeGraph, m365: Microsoft365) -> None:
    fake.permissions.discard("Calendars.ReadBasic")
    fake.permissions.discard("Calendars.ReadWrite")
    found = {p.name: p for p in await check(m365, "lead@example.go.jp", CATALOGUE_APP)}
    assert found["token"].ok and found["install"].ok and found["status"].ok
    assert not found["meetings"].ok and "Calendars.ReadWrite" in found["meetings"].detail
    assert not found["freebusy"].ok and "Calendars.ReadBasic" in found["freebusy"].detail
    assert not any(c.method in ("PATCH", "DELETE") for c in fake.calls)
    assert not fake.graph_calls("POST .*(events|installedApps|setStatusMessage)")


async def test_concurrent_calls_share_one_token_and_a_revoked_one_is_renewed(
    fake: FakeGraph, m365: Microsoft365
) -> None:
    import asyncio

    path = "/users/lead@example.go.jp/presence"
    await asyncio.gather(*(m365.client.request("GET", path) for _ in range(10)))
    assert fake.tokens_issued == 1
    fake._tokens.clear()  # the tenant revoked it: 401, one fresh token, the call succeeds
    assert (await m365.client.request("GET", path)).status == 200
    assert fake.tokens_issued == 2
