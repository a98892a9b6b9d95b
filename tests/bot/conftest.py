"""Fixtures for the bot's HTTP tests: a running app on a migrated SQLite database and a
recording Bot Framework connector on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.core.settings import Settings, load_settings
from bot.teams.server import create_app
from storage.engine import create_engine
from tests.cards import TEAMS_BUDGET, card_errors, card_payload_size, cards_in
from tests.factories import MEGAN_AAD, frozen_clock, seed_staff, staff

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "teams"
METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef"
METRICS_AUTH = {"Authorization": f"Bearer {METRICS_TOKEN}"}
"""/metrics needs a guard (bot.teams.metrics_http): tests that read it set this token."""


def teams_fixture(name: str) -> dict[str, Any]:
    """A real Teams payload from tests/fixtures/teams (``name`` without .json; each has a
    ``.source.txt`` naming the Microsoft documentation page it comes from)."""
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


@dataclass
class RecordingConnector:
    """Answers the connector's reply/send calls with 200 and records them. Every Adaptive Card
    the bot sends through it is checked against the 1.5 schema and Teams' size budget
    (tests/cards.py); the fixture fails the test at teardown if one was not right."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    server: TestServer | None = None
    bad_cards: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    async def _record(self, request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else None
        self.requests.append(
            {
                "method": request.method,
                "path": request.path,
                "body": body,
                "authorization": request.headers.get("Authorization"),
            }
        )
        if isinstance(body, dict):
            self._check_cards(body)
        return web.json_response({"id": f"reply-{len(self.requests)}"})

    def _check_cards(self, activity: dict[str, Any]) -> None:
        for content in cards_in(activity):
            problems = card_errors(content)
            if (size := card_payload_size(content)) > TEAMS_BUDGET:
                problems.append(f"{size:,} bytes in UTF-16, over the budget of {TEAMS_BUDGET:,}")
            if problems:
                summary = str(content.get("body", [{}])[0].get("text", ""))[:60]
                self.bad_cards.append(f"card {summary!r}: " + "; ".join(problems))

    def activities(self) -> list[dict[str, Any]]:
        return [r["body"] for r in self.requests if r["method"] == "POST"]


@pytest.fixture
async def connector() -> AsyncIterator[RecordingConnector]:
    recorder = RecordingConnector()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", recorder._record)
    recorder.server = TestServer(app, host="127.0.0.1")
    await recorder.server.start_server()
    yield recorder
    await recorder.server.close()
    assert not recorder.bad_cards, "the bot sent cards Teams would refuse:\n" + "\n".join(
        recorder.bad_cards
    )


BotClientFactory = Callable[..., "AsyncIterator[TestClient[Any, Any]]"]


@pytest.fixture
async def bot_client(
    sqlite_url: str,
) -> AsyncIterator[Callable[..., Any]]:
    """``await bot_client(**settings)`` → an aiohttp TestClient of the bot on 127.0.0.1.

    The per-sender turn rate limit is off unless a test sets TELEWORK_TURN_RATE_PER_MINUTE:
    conversations in tests are fast, and their clock is often frozen (no refill)."""
    clients: list[TestClient[Any, Any]] = []

    async def make(clock: Any = None, **overrides: Any) -> TestClient[Any, Any]:
        values: dict[str, Any] = {
            "TELEWORK_DATABASE_URL": sqlite_url,
            "TELEWORK_TURN_RATE_PER_MINUTE": 0,
            "_env_file": None,
        }
        values.update(overrides)
        settings: Settings = load_settings(**values)
        app = create_app(settings, clock=clock) if clock else create_app(settings)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


# The office most conversation tests use: Megan (staff) and her section chief in 総務課, and
# 佐藤 in another bureau; the bot's clock stopped on Thursday 2026-11-26 at 10:00.
NOW = frozen_clock(datetime(2026, 11, 26, 10, 0))
CHIEF_AAD = "0c1a2b3c-0000-4000-8000-00000000c41e"


@pytest.fixture
async def office(bot_client: Any, connector: RecordingConnector, sqlite_url: str) -> Any:
    """(Megan's chat, the chief's chat, the database URL)."""
    from tests.bot.chat import Chat  # it imports this module

    engine = create_engine(sqlite_url)
    await seed_staff(
        engine,
        staff("S1", name="メーガン", aad_object_id=MEGAN_AAD),
        staff(
            "C1", name="課長 一郎", aad_object_id=CHIEF_AAD, is_section_chief=True, is_manager=True
        ),
        staff("S2", name="佐藤 次郎", org_unit="関東局/総務課"),
    )
    await engine.dispose()
    client = await bot_client(clock=NOW)
    return (
        Chat(client, connector, MEGAN_AAD, "29:megan"),
        Chat(client, connector, CHIEF_AAD, "29:chief"),
        sqlite_url,
    )
