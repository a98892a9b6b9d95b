"""What nudge and campaign planning reads, in a few set-based queries (never one per person):
live telework in a window, who is on leave or busy on which day, and how many nudges of a
period each recipient has already been issued (from the delivery ledger itself)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import String, func, or_, text, type_coerce
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from domain.delivery import DeliveryStatus
from domain.nudges import PromptHistory, parse_nudge_key
from domain.periods import Period
from domain.quota import PeriodTelework, QuotaFrame, QuotaStatus
from domain.schedule import (
    DEFAULT_TIME_RANGES,
    EntryState,
    EntryStatus,
    TimeRangeRule,
    occasion_part,
)
from storage.engine import READ_ONLY
from storage.ledger_sql import DELIVERY
from storage.org import StaffRow, identity_matches_staff
from storage.schedule import LIVE, ScheduleEntryRow
from storage.tables import TeamsIdentity
from storage.telework_counts import SqlTeleworkCounts


@dataclass
class ScheduleFacts:
    """Live entries of everyone in a window, shaped for planning."""

    telework: dict[str, list[tuple[date, str]]] = field(default_factory=dict)
    busy: dict[str, set[date]] = field(default_factory=dict)  # any live entry on the day
    leave: dict[str, set[date]] = field(default_factory=dict)  # a live leave entry on the day
    # Confirmed telework days (approved where approval is required): what results count, as
    # reports do (issue 14 item 4); ``telework`` also holds requests awaiting approval.
    confirmed: dict[str, set[date]] = field(default_factory=dict)
    # a live 週休日（割振り0）entry on the day (issue 18): a day off, though not leave
    no_hours: dict[str, set[date]] = field(default_factory=dict)

    def on_leave(self, employee_id: str, day: date) -> bool:
        """Whether the person is off that day (leave or a day without working hours): no
        nudge or campaign message then."""
        return day in self.leave.get(employee_id, ()) or day in self.no_hours.get(employee_id, ())

    def teleworkers(
        self, start: date, end: date, counts: Callable[[date], bool] | None = None
    ) -> set[str]:
        """People with live telework on some day from ``start`` to ``end`` (only on days
        ``counts`` accepts, e.g. working days: telework on a closed day never counts)."""
        return {
            emp
            for emp, days in self.telework.items()
            if any(start <= d <= end and (counts is None or counts(d)) for d, _ in days)
        }

    def confirmed_teleworkers(
        self, start: date, end: date, counts: Callable[[date], bool] | None = None
    ) -> set[str]:
        """People with confirmed telework on some day from ``start`` to ``end`` (only on
        days ``counts`` accepts), as results and reports count them."""
        return {
            emp
            for emp, days in self.confirmed.items()
            if any(start <= d <= end and (counts is None or counts(d)) for d in days)
        }


@dataclass
class DaysAhead:
    """What suggesting a day and skipping people off today need of everyone's days ahead."""

    busy: dict[str, set[date]] = field(default_factory=dict)  # any live entry on the day
    off_today: set[str] = field(default_factory=set)  # live leave or 週休日 entry today
    # section → day after today → live telework entries of its people (a suggestion's crowd)
    section_days: dict[str, Counter[date]] = field(default_factory=dict)


class SqlNudgeFacts:
    """Read-only queries for the nudge and campaign jobs."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        time_ranges: TimeRangeRule = DEFAULT_TIME_RANGES,
    ) -> None:
        self._sessions = sessions
        self._time_ranges = time_ranges

    async def schedule(
        self, telework_from: date, telework_to: date, busy_from: date, busy_to: date
    ) -> ScheduleFacts:
        """Live telework (confirmed or awaiting approval: declared) in the first window, and
        every live entry in the second (leave, office, trips: busy days)."""
        facts = ScheduleFacts()
        row = ScheduleEntryRow
        telework_status, confirmed = EntryStatus.TELEWORK.value, EntryState.CONFIRMED.value
        leave, no_hours = EntryStatus.LEAVE.value, EntryStatus.NO_HOURS.value
        parts: dict[str, str] = {}

        def add_telework(employee_id: str, day: date, part: str, state: str) -> None:
            shown = parts.get(part)
            if shown is None:
                shown = parts[part] = occasion_part(part, self._time_ranges).value
            facts.telework.setdefault(employee_id, []).append((day, shown))
            if state == confirmed:
                facts.confirmed.setdefault(employee_id, set()).add(day)

        def add_busy(employee_id: str, day: date, status: str) -> None:
            facts.busy.setdefault(employee_id, set()).add(day)
            if status == leave:
                facts.leave.setdefault(employee_id, set()).add(day)
            elif status == no_hours:
                facts.no_hours.setdefault(employee_id, set()).add(day)

        async with self._sessions() as session:
            # Core rows (not through the ORM): 100,000 people's days ahead are many rows
            conn = await session.connection(execution_options=READ_ONLY)
            if busy_from <= telework_from and telework_to <= busy_to:
                # the telework window lies in the busy one (nudges: the days ahead): one read
                both = sa_select(
                    col(row.employee_id), col(row.day), col(row.status), col(row.part),
                    col(row.state),
                ).where(
                    col(row.state).in_(LIVE), col(row.day) >= busy_from, col(row.day) <= busy_to
                )  # fmt: skip
                for employee_id, day, status, part, state in await conn.execute(both):
                    add_busy(employee_id, day, status)
                    if status == telework_status and telework_from <= day <= telework_to:
                        add_telework(employee_id, day, part, state)
                return facts
            telework = sa_select(
                col(row.employee_id), col(row.day), col(row.part), col(row.state)
            ).where(
                col(row.status) == telework_status,
                col(row.state).in_(LIVE),
                col(row.day) >= telework_from,
                col(row.day) <= telework_to,
            )
            busy = sa_select(col(row.employee_id), col(row.day), col(row.status)).where(
                col(row.state).in_(LIVE), col(row.day) >= busy_from, col(row.day) <= busy_to
            )
            for employee_id, day, part, state in await conn.execute(telework):
                add_telework(employee_id, day, part, state)
            for employee_id, day, status in await conn.execute(busy):
                add_busy(employee_id, day, status)
        return facts

    async def days_ahead(self, today: date, end: date, sections: Mapping[str, str]) -> DaysAhead:
        """Every live entry from ``today`` to ``end`` in one read of three columns, shaped for
        nudge planning (``sections``: employee id → 課/室, whose telework is counted)."""
        row = ScheduleEntryRow
        telework = EntryStatus.TELEWORK.value
        off = {EntryStatus.LEAVE.value, EntryStatus.NO_HOURS.value}
        # The day as stored (SQLite: ISO text; PostgreSQL: a date), turned into a date once
        # per distinct day below rather than once per row (a week of days, 100,000 people).
        stored_day = type_coerce(col(row.day), String)
        statement = sa_select(col(row.employee_id), stored_day, col(row.status)).where(
            col(row.state).in_(LIVE), col(row.day) >= today, col(row.day) <= end
        )
        ahead = DaysAhead()
        busy, section_days = ahead.busy, ahead.section_days
        as_date: dict[object, date] = {}
        async with self._sessions() as session:
            conn = await session.connection(execution_options=READ_ONLY)
            rows = (await conn.execute(statement)).all()
        for employee_id, stored, status in rows:
            day = as_date.get(stored)
            if day is None:
                day = as_date[stored] = (
                    stored if isinstance(stored, date) else date.fromisoformat(stored)
                )
            days = busy.get(employee_id)
            if days is None:
                days = busy[employee_id] = set()
            days.add(day)
            if day == today:
                if status in off:
                    ahead.off_today.add(employee_id)
            elif status == telework:
                section = sections.get(employee_id)
                if section is not None:
                    counts = section_days.get(section)
                    if counts is None:
                        counts = section_days[section] = Counter()
                    counts[day] += 1
        return ahead

    async def declared_statuses(
        self, frame: QuotaFrame, windows: Sequence[Period]
    ) -> list[QuotaStatus]:
        """The active staff's quota statuses by ``frame`` on live telework (confirmed or
        awaiting approval: declared) counted in SQL, only ``windows`` counted (the periods of
        the targets that may nudge today): what nudge planning weighs."""
        counts = SqlTeleworkCounts(self._sessions, self._time_ranges)
        return await counts.quota_statuses(frame, states=LIVE, active_only=True, windows=windows)

    async def declared_per_period(
        self, periods: Sequence[Period], on: date, is_working_day: Callable[[date], bool]
    ) -> dict[str, dict[tuple[date, date], PeriodTelework]]:
        """Live telework (confirmed or awaiting approval: declared) counted per person and
        period in SQL (``storage.telework_counts``): what nudge planning weighs against the
        targets, without loading every occasion of a fiscal year."""
        counts = SqlTeleworkCounts(self._sessions, self._time_ranges)
        return await counts.per_period(periods, on, is_working_day, states=LIVE)

    async def issued(self, kind: str, period_prefixes: Iterable[str]) -> dict[str, dict[str, int]]:
        """Recipient → category → deliveries of ``kind`` whose period key starts with one of
        ``period_prefixes`` (``manager:FY2026:``), whatever their status: an issued nudge
        counts even if it was cancelled or failed, so the cap is never exceeded."""
        prefixes = list(period_prefixes)
        if not prefixes:
            return {}
        d = DELIVERY.c
        statement = (
            sa_select(d.recipient, d.period_key, func.count())
            .where(
                d.kind == kind,
                or_(*(d.period_key.startswith(p, autoescape=True) for p in prefixes)),
            )
            .group_by(d.recipient, d.period_key)
        )
        out: dict[str, dict[str, int]] = {}
        async with self._sessions() as session:
            await session.connection(execution_options=READ_ONLY)
            for recipient, key, count in await session.execute(statement):
                parsed = parse_nudge_key(key)
                if parsed is not None:
                    per = out.setdefault(recipient, {})
                    per[parsed[0]] = per.get(parsed[0], 0) + int(count)
        return out

    async def keys_sent(self, kind: str, period_key: str) -> set[str]:
        """Recipients who already have a delivery ``(kind, period_key)``."""
        d = DELIVERY.c
        async with self._sessions() as session:
            await session.connection(execution_options=READ_ONLY)
            rows = await session.execute(
                sa_select(d.recipient).where(d.kind == kind, d.period_key == period_key)
            )
            return {r for (r,) in rows}

    async def chat_ids(self) -> dict[str, str]:
        """Employee id → Teams user id for every active person who talked to the bot: the
        rules of ``SqlOrganisation.chat_ids`` without an IN list (100,000 ids do not fit
        in one statement's parameters)."""
        identity, staff = TeamsIdentity, StaffRow
        matches = identity_matches_staff()
        statement = (
            sa_select(col(staff.employee_id), col(identity.teams_user_id))
            .join(identity, matches)
            .where(col(staff.active).is_(True))
            .order_by(col(identity.last_seen_at))
        )
        async with self._sessions() as session:
            conn = await session.connection(execution_options=READ_ONLY)
            if conn.dialect.name == "postgresql":
                # The OR of the join's three rules inflates its cost estimate past JIT's
                # threshold: compiling took 0.9 s of a 1.0 s read of 100,000 people.
                await conn.execute(text("SET LOCAL jit = off"))
            # The most recently seen identity wins (ascending order, later rows overwrite).
            return {key: value for key, value in (await conn.execute(statement)).all()}

    # -- nudge fatigue (issue 14 item 15) -----------------------------------------------------

    async def prompt_history(
        self,
        kinds: Iterable[str],
        nudge_kind: str,
        *,
        week_start: datetime,
        day_start: datetime,
        nudges_since: datetime,
        keep_nudges: int,
        chat: Mapping[str, str],
    ) -> dict[str, PromptHistory]:
        """Recipient → prompts of ``kinds`` created since ``week_start`` / ``day_start`` (not
        cancelled or failed: those never reached anyone), the latest ``keep_nudges`` nudges
        since ``nudges_since`` (newest first) and when the person last responded: their last
        word to the bot, or the last entry they declared (``chat``: employee id → recipient)."""
        d = DELIVERY.c
        dropped = (DeliveryStatus.CANCELLED.value, DeliveryStatus.FAILED.value)
        since = min(week_start, nudges_since)
        statement = sa_select(d.recipient, d.kind, d.created_at).where(
            d.kind.in_(list(kinds)), d.created_at >= since, d.status.not_in(dropped)
        )
        identity, row = TeamsIdentity, ScheduleEntryRow
        seen = sa_select(col(identity.teams_user_id), col(identity.last_seen_at)).where(
            col(identity.last_seen_at) >= since
        )
        declared = (
            sa_select(col(row.employee_id), func.max(col(row.created_at)))
            .where(col(row.created_at) >= since)
            .group_by(col(row.employee_id))
        )
        week: dict[str, int] = {}
        today: dict[str, int] = {}
        nudges: dict[str, list[datetime]] = {}
        responded: dict[str, datetime] = {}
        async with self._sessions() as session:
            await session.connection(execution_options=READ_ONLY)
            for recipient, kind, created in await session.execute(statement):
                at = _aware(created)
                if at >= week_start:
                    week[recipient] = week.get(recipient, 0) + 1
                if at >= day_start:
                    today[recipient] = today.get(recipient, 0) + 1
                if kind == nudge_kind and at >= nudges_since:
                    nudges.setdefault(recipient, []).append(at)
            for user_id, last_seen in await session.execute(seen):
                responded[user_id] = max(_aware(last_seen), responded.get(user_id, since))
            for employee_id, at in await session.execute(declared):
                chat_id = chat.get(employee_id)
                if chat_id is not None and at is not None:
                    responded[chat_id] = max(_aware(at), responded.get(chat_id, since))
        out: dict[str, PromptHistory] = {}
        for recipient in week.keys() | nudges.keys():
            out[recipient] = PromptHistory(
                week.get(recipient, 0),
                today.get(recipient, 0),
                tuple(sorted(nudges.get(recipient, ()), reverse=True)[:keep_nudges]),
                responded.get(recipient),
            )
        return out


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
