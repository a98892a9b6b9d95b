"""Two `telework-bot serve` processes on one PostgreSQL database: each scheduled firing fans
out once and each message is sent once (issue 5)."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text

from domain.policy import default_policy
from domain.schedule import EntryState, EntryStatus, ScheduleEntry
from storage.engine import create_engine, session_factory
from storage.schedule import SqlSchedule
from tests.conftest import _truncate_postgres
from tests.factories import seed_staff, staff
from tests.fakes.fake_connector import FakeConnector
from tests.fakes.ledger_data import add_deliveries, add_refs, user

ROOT = Path(__file__).resolve().parents[2]
EVENT_DRIVEN = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def wait_until(predicate, within: float) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + within
    while not await predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.2)


def any_hour_policy(folder: Path) -> Path:
    """The default policy, but the approvals reminder may be sent at any hour."""
    source = (ROOT / "domain" / "default_policy.toml").read_text("utf-8")
    changed = source.replace('approvals_reminder = "drop"', 'approvals_reminder = "send"')
    assert changed != source
    path = folder / "policy.toml"
    path.write_text(changed, "utf-8")
    return path


def is_approvals_reminder(activity: dict[str, Any]) -> bool:
    """The approvals reminder: a card whose button opens the list of pending requests."""
    return any(
        action.get("verb") == "approvals"
        for attachment in activity.get("attachments", [])
        for action in attachment.get("content", {}).get("actions", [])
    )


async def test_two_serve_processes_send_each_message_once(
    migrated_postgres_url: str, tmp_path: Path
) -> None:
    url = migrated_postgres_url
    await asyncio.to_thread(_truncate_postgres, url)
    connector = await FakeConnector().start()
    engine = create_engine(url)
    processes: list[asyncio.subprocess.Process] = []
    try:
        # An approver with a pending request (the scheduled job's audience) …
        await seed_staff(
            engine,
            staff("C1", aad_object_id="aad-chief", is_section_chief=True),
            staff("S1", aad_object_id="aad-staff"),
        )
        async with session_factory(engine).begin() as session:
            await session.execute(
                text(
                    "INSERT INTO teams_identity (tenant_id, teams_user_id, aad_object_id, "
                    "employee_id, first_seen_at, last_seen_at) VALUES "
                    "('tenant', :uid, 'aad-chief', 'C1', now(), now())"
                ),
                {"uid": user(0)},
            )
        await SqlSchedule(session_factory(engine)).save(
            [
                ScheduleEntry(
                    "S1", date(2099, 1, 5), "full", EntryStatus.TELEWORK, EntryState.PENDING
                )
            ],
            actor="test",
        )
        # … and event-driven messages already waiting in the ledger.
        await add_refs(engine, range(EVENT_DRIVEN + 1), connector.url)
        await add_deliveries(engine, range(1, EVENT_DRIVEN + 1), now=datetime.now(UTC))

        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_"))}
        env.update(
            TELEWORK_DATABASE_URL=url,
            TELEWORK_LOG_LEVEL="WARNING",
            # Every minute, so a firing is due within the reconcile window at start-up.
            TELEWORK_JOB_SCHEDULES="approvals-reminder=* * * * mon-sun",
            # The reminder is dropped outside working hours when it is sent (issue 14 item 14);
            # this test runs at any hour, so the policy lets it go at any time.
            TELEWORK_POLICY_FILE=str(any_hour_policy(tmp_path)),
        )
        for _ in range(2):
            processes.append(
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "bot.cli",
                    "serve",
                    cwd=ROOT,
                    env={**env, "TELEWORK_PORT": str(free_port())},
                    stdout=asyncio.subprocess.DEVNULL,
                    stderr=asyncio.subprocess.DEVNULL,
                )
            )

        # The approvals reminder fires every minute but sends only on working days (weekends
        # and holidays in Tokyo skip it), so what to expect depends on the day the test runs.
        working_day = (
            default_policy()
            .work_calendar()
            .is_working_day(datetime.now(ZoneInfo("Asia/Tokyo")).date())
        )

        async def reminder_fired() -> bool:
            async with engine.connect() as conn:
                fired = await conn.scalar(
                    text("SELECT count(*) FROM reminder_run WHERE job = 'approvals-reminder'")
                )
            return bool(fired)

        async def reminders_sent() -> bool:
            if working_day:
                return len(connector.delivered) >= EVENT_DRIVEN + 1
            return len(connector.delivered) >= EVENT_DRIVEN and await reminder_fired()

        await wait_until(reminders_sent, within=120)
        async with engine.connect() as conn:
            runs = (
                await conn.execute(
                    text(
                        "SELECT job, period_key, count(*) FROM reminder_run GROUP BY job, period_key"
                    )
                )
            ).all()
            deliveries = (
                await conn.execute(text("SELECT recipient, kind, period_key, status FROM delivery"))
            ).all()
        assert all(count == 1 for _job, _period, count in runs)
        approval_runs = [r for r in runs if r[0] == "approvals-reminder"]
        assert approval_runs  # the every-minute firing happened (other jobs may fire too)
        event_driven = [d for d in deliveries if d.kind == "reminder"]
        assert len(event_driven) == EVENT_DRIVEN
        assert all(d.status == "sent" for d in event_driven)
        reminders = [d for d in deliveries if d.kind == "approvals_reminder"]
        # One per firing, whichever replica fanned it out (none on a closed day).
        assert len(reminders) == (len(approval_runs) if working_day else 0)
        per_conversation = Counter(r.conversation_id for r in connector.delivered)
        # The approver may also get the daily nudge (its job catches up after 10:00), so count
        # only the approval reminders among the messages to conv-0.
        to_approver = [
            r.activity for r in connector.delivered if r.conversation_id == f"a:conv-{0:06d}"
        ]
        assert sum(map(is_approvals_reminder, to_approver)) == len(reminders)
        for n in range(1, EVENT_DRIVEN + 1):
            assert per_conversation[f"a:conv-{n:06d}"] == 1
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()
        await engine.dispose()
        await connector.stop()
