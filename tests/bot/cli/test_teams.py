"""``telework-bot teams install|unreachable`` against the fake Graph and a migrated SQLite."""

from __future__ import annotations

import asyncio
from typing import Any

import typer
from sqlalchemy import select
from typer.testing import CliRunner

from bot.cli.teams import register
from bot.core.settings import load_settings
from domain.identity import ChatUser, ConversationAddress
from storage.engine import create_engine, session_factory
from storage.identity import SqlTurnRecorder
from storage.tables import Event
from tests.factories import seed_staff, staff
from tests.fakes.fake_connector import FakeConnector
from tests.fakes.fake_graph import CATALOGUE_APP, Failure, FakeGraph, served_in_thread

OTHER = "関東局/総務課"


def seed(url: str, connector_url: str | None = None) -> None:
    async def go() -> None:
        engine = create_engine(url)
        try:
            await seed_staff(
                engine,
                staff("E1", aad_object_id="00000000-0000-4000-8000-000000000001"),
                staff("E2"),
                staff("E3", org_unit=OTHER),
                staff("E4"),  # not in the tenant
                staff("E5", active=False),
            )
            if connector_url:  # E2 has met the bot in a group chat only: no 1:1 chat yet
                await SqlTurnRecorder(session_factory(engine)).record_turn(
                    ChatUser("tenant", "29:e2", user_principal_name="e2@example.go.jp"),
                    ConversationAddress(
                        conversation_id="19:group@thread.v2",
                        conversation_type="groupChat",
                        service_url=connector_url,
                        channel_id="msteams",
                        bot_id="28:bot",
                        bot_name="bot",
                        tenant_id="tenant",
                        team_id=None,
                        user_key="",
                    ),
                )
        finally:
            await engine.dispose()

    asyncio.run(go())


def events(url: str) -> list[Event]:
    async def go() -> list[Event]:
        engine = create_engine(url)
        try:
            async with engine.connect() as conn:
                rows = await conn.execute(select(Event).where(Event.kind == "teams.install"))
                return list(rows)  # type: ignore[arg-type]
        finally:
            await engine.dispose()

    return asyncio.run(go())


def app_for(**values: Any) -> typer.Typer:
    app = typer.Typer()
    register(app, lambda: load_settings(**values, _env_file=None))
    return app


def test_install_everyone_exactly_once(sqlite_url: str) -> None:
    fake, cli, teams = FakeGraph(), CliRunner(), FakeConnector()
    with served_in_thread(fake), served_in_thread(teams):
        seed(sqlite_url, teams.url)
        fake.add_user("e1@example.go.jp", "00000000-0000-4000-8000-000000000001")
        for upn in ("e2@example.go.jp", "e3@example.go.jp", "e5@example.go.jp"):
            fake.add_user(upn)
        app = app_for(TELEWORK_DATABASE_URL=sqlite_url, **fake.settings("install"))
        fake.fail_next("installedApps", Failure(429, "0"))

        dry = cli.invoke(app, ["teams", "install", "--all", "--dry-run"])
        assert dry.exit_code == 0, dry.output
        assert "4 staff would be installed" in dry.output and not fake.calls
        assert "00000000-0000-4000-8000-000000000001" in dry.output  # object id first

        first = cli.invoke(app, ["teams", "install", "--all"])
        assert first.exit_code == 1, first.output  # E4 is not in the tenant
        rows = [line.split("\t") for line in first.output.splitlines()]
        lines = {row[0]: row for row in rows if len(row) >= 3}
        assert lines["E1"][2] == "installed" and lines["E2"][2] == "installed"
        assert lines["E4"][2] == "failed" and "unknown_user" in lines["E4"][3]
        assert "E5" not in lines  # has left
        assert "4 staff: installed 3, already 0, failed 1" in first.output
        # E2 is known in Teams without a 1:1 chat: the command opens it and records it.
        assert ["E2", "chat opened"] in rows and "1:1 chats opened now: 1" in first.output
        assert [c["members"] for c in teams.created_conversations] == [[{"id": "29:e2"}]]
        # The throttled request was retried: every tenant user has the app exactly once.
        assert fake.user("e1@example.go.jp").apps == {CATALOGUE_APP}
        assert fake.user("e3@example.go.jp").apps == {CATALOGUE_APP}
        assert not fake.user("e5@example.go.jp").apps

        again = cli.invoke(app, ["teams", "install", "--section", OTHER])
        assert again.exit_code == 0, again.output
        assert "1 staff: installed 0, already 1, failed 0" in again.output
        unreachable = cli.invoke(app, ["teams", "unreachable"]).output
    assert "E2\t" not in unreachable and "E1\t" in unreachable  # E1: waiting for Teams
    assert [e.subject for e in events(sqlite_url)] == ["all", OTHER]
    assert events(sqlite_url)[0].payload == {"installed": 3, "already": 0, "failed": 1}


def test_install_needs_the_feature_and_a_choice(sqlite_url: str) -> None:
    cli = CliRunner()
    app = app_for(TELEWORK_DATABASE_URL=sqlite_url)
    assert "install feature is off" in cli.invoke(app, ["teams", "install", "--all"]).output
    assert "choose --all" in cli.invoke(app, ["teams", "install"]).output


def test_unreachable_lists_reasons(sqlite_url: str) -> None:
    seed(sqlite_url)
    result = CliRunner().invoke(app_for(TELEWORK_DATABASE_URL=sqlite_url), ["teams", "unreachable"])
    assert result.exit_code == 0, result.output
    assert "E1\tE1\t大臣官房/総務課\tnot_in_teams" in result.output
    assert "4 active staff cannot be reached" in result.output
