"""People's preferences, one row per person, read by chat and proactive sends alike: the
language they chose and the one they write in, pause (until a day or until resumed), snoozed
nudges and the Friday digest opt-in. Changed by upsert; a choice is recorded as an event."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, false
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, select

from domain.nudges import ReminderPreference
from storage.identity import append_event
from storage.sql import upsert
from storage.tables import UtcDateTime, utcnow


class UserPreferenceRow(SQLModel, table=True):
    """A person's choices: language (chosen in chat; the language of their recent messages),
    paused reminders (until a day, or until resumed), snoozed nudges, the Friday digest."""

    __tablename__ = "user_preference"

    employee_id: str = Field(primary_key=True, max_length=64, foreign_key="staff.employee_id")
    paused_until: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    paused_indefinitely: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    snoozed_until: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    digest: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, index=True))
    language: str | None = Field(default=None, max_length=2)
    written_language: str | None = Field(default=None, max_length=2)
    # 「Teams にも表示」: the telework day as a Teams status note (Microsoft Graph).
    teams_status: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    updated_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


def _to_preference(row: UserPreferenceRow) -> ReminderPreference:
    return ReminderPreference(
        employee_id=row.employee_id,
        paused_until=row.paused_until,
        paused_indefinitely=row.paused_indefinitely,
        snoozed_until=row.snoozed_until,
        digest=row.digest,
        teams_status=row.teams_status,
    )


_DEFAULTS: dict[str, Any] = {
    "paused_until": None,
    "paused_indefinitely": False,
    "snoozed_until": None,
    "digest": False,
    "teams_status": False,
    "language": None,
    "written_language": None,
}


class SqlPreferences:
    """People's reminder preferences; one row per person, changed by upsert with an event."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get(self, employee_id: str) -> ReminderPreference:
        async with self._sessions() as session:
            row = await session.get(UserPreferenceRow, employee_id)
        return _to_preference(row) if row else ReminderPreference(employee_id)

    async def all(self) -> dict[str, ReminderPreference]:
        """Every stored preference (people without a row have the defaults)."""
        async with self._sessions() as session:
            rows = (await session.execute(select(UserPreferenceRow))).scalars().all()
        return {row.employee_id: _to_preference(row) for row in rows}

    async def pause(self, employee_id: str, until: date | None, *, actor: str) -> None:
        """Pause suppressible messages until ``until`` (inclusive), or until resumed."""
        await self._set(
            employee_id,
            actor,
            "reminders.paused",
            paused_until=until,
            paused_indefinitely=until is None,
        )

    async def resume(self, employee_id: str, *, actor: str) -> None:
        await self._set(
            employee_id,
            actor,
            "reminders.resumed",
            paused_until=None,
            paused_indefinitely=False,
            snoozed_until=None,
        )

    async def snooze(self, employee_id: str, until: date, *, actor: str) -> None:
        """Hold quota nudges until ``until`` (inclusive)."""
        await self._set(employee_id, actor, "reminders.snoozed", snoozed_until=until)

    async def set_digest(self, employee_id: str, on: bool, *, actor: str) -> None:
        await self._set(employee_id, actor, "reminders.digest", digest=on)

    async def set_teams_status(self, employee_id: str, on: bool, *, actor: str) -> None:
        """「Teams にも表示」: show the person's telework days as a Teams status note."""
        await self._set(employee_id, actor, "preference.teams_status", teams_status=on)

    async def teams_status_subscribers(self) -> list[str]:
        """Everyone who asked for the Teams status note."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(UserPreferenceRow.employee_id).where(
                    UserPreferenceRow.teams_status == True  # noqa: E712
                )
            )
        return sorted(rows.scalars())

    async def set_language(self, employee_id: str, language: str, *, actor: str) -> None:
        """The language the person chose in chat: used for everything the bot sends them."""
        await self._set(employee_id, actor, "preference.language", language=language)

    async def note_written_language(self, employee_id: str, language: str) -> None:
        """The language the person's latest (long enough) message was written in. Not an
        event: it is observed, not chosen. Callers write only when it changed."""
        async with self._sessions.begin() as session:
            await session.execute(
                upsert(
                    session,
                    UserPreferenceRow.__table__,  # type: ignore[attr-defined]
                    {
                        "employee_id": employee_id,
                        **_DEFAULTS,
                        "written_language": language,
                        "updated_at": utcnow(),
                    },
                    conflict=("employee_id",),
                    update=("written_language", "updated_at"),
                )
            )

    async def _set(self, employee_id: str, actor: str, kind: str, **values: Any) -> None:
        now = utcnow()
        async with self._sessions.begin() as session:
            await session.execute(
                upsert(
                    session,
                    UserPreferenceRow.__table__,  # type: ignore[attr-defined]
                    {"employee_id": employee_id, **_DEFAULTS, **values, "updated_at": now},
                    conflict=("employee_id",),
                    update=(*values, "updated_at"),
                )
            )
            shown = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
            append_event(session, actor=actor, kind=kind, subject=employee_id, payload=shown)
