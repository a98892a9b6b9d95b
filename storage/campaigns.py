"""Campaigns, their audiences and sections' designated days. Every change appends an event in
its transaction; cancelling a campaign cancels its pending deliveries in that same transaction.
(People's reminder preferences live in ``storage.preferences``.)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, delete, update
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, col, select

from domain.campaigns import CAMPAIGN_KINDS, Campaign, CampaignKind, CampaignState
from domain.delivery import DeliveryStatus
from storage.identity import append_event
from storage.ledger_sql import DELIVERY, rowcount
from storage.tables import BigId, UtcDateTime, utcnow


class CampaignRow(SQLModel, table=True):
    """A campaign. Never deleted: cancelling sets ``state`` (and is an event)."""

    __tablename__ = "campaign"

    id: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    name: str = Field(max_length=255)
    kind: str = Field(max_length=32)
    start_day: date = Field(sa_column=Column(Date, nullable=False))
    end_day: date = Field(sa_column=Column(Date, nullable=False))
    messages: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    rule_units: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    announce_days_before: int = Field(default=7)
    reminder_weekdays: str = Field(default="mon,tue,wed,thu,fri", max_length=32)
    mandatory: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    state: str = Field(default=CampaignState.ACTIVE.value, max_length=16, index=True)
    created_by: str = Field(max_length=255)
    created_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    cancelled_at: datetime | None = Field(default=None, sa_column=Column(UtcDateTime()))


class CampaignAudienceRow(SQLModel, table=True):
    """An org unit a campaign addresses (with every unit below it); none means everyone."""

    __tablename__ = "campaign_audience"

    campaign_id: int = Field(
        sa_column=Column(BigId, ForeignKey("campaign.id"), primary_key=True, nullable=False)
    )
    org_unit: str = Field(primary_key=True, max_length=255)


class SectionDesignatedDayRow(SQLModel, table=True):
    """A day a section's chief picked for the section to telework together in a campaign."""

    __tablename__ = "section_designated_day"

    campaign_id: int = Field(
        sa_column=Column(BigId, ForeignKey("campaign.id"), primary_key=True, nullable=False)
    )
    section: str = Field(primary_key=True, max_length=255)
    day: date = Field(sa_column=Column(Date, primary_key=True, nullable=False))
    designated_by: str = Field(max_length=64)
    designated_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


def _to_campaign(row: CampaignRow, audience: Sequence[str]) -> Campaign:
    return Campaign(
        id=row.id,
        name=row.name,
        kind=CampaignKind(row.kind),
        start=row.start_day,
        end=row.end_day,
        messages=row.messages,
        audience=tuple(sorted(audience)),
        rule_units=tuple(row.rule_units),
        announce_days_before=row.announce_days_before,
        reminder_weekdays=tuple(w for w in row.reminder_weekdays.split(",") if w),
        mandatory=row.mandatory,
        state=CampaignState(row.state),
        created_by=row.created_by,
    )


class SqlCampaigns:
    """Campaigns and designated days in SQL."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def create(self, campaign: Campaign, *, actor: str) -> Campaign:
        """Store a validated campaign; returns it with its id."""
        async with self._sessions.begin() as session:
            row = CampaignRow(
                name=campaign.name,
                kind=campaign.kind.value,
                start_day=campaign.start,
                end_day=campaign.end,
                messages={k: dict(v) for k, v in campaign.messages.items()},
                rule_units=list(campaign.rule_units),
                announce_days_before=campaign.announce_days_before,
                reminder_weekdays=",".join(campaign.reminder_weekdays),
                mandatory=campaign.mandatory,
                created_by=actor,
                created_at=utcnow(),
            )
            session.add(row)
            await session.flush()
            assert row.id is not None
            for unit in sorted(set(campaign.audience)):
                session.add(CampaignAudienceRow(campaign_id=row.id, org_unit=unit))
            append_event(
                session,
                actor=actor,
                kind="campaign.created",
                subject=f"campaign:{row.id}",
                payload={
                    "name": campaign.name,
                    "start": campaign.start.isoformat(),
                    "end": campaign.end.isoformat(),
                    "audience": sorted(set(campaign.audience)),
                },
            )
            return _to_campaign(row, campaign.audience)

    async def get(self, campaign_id: int) -> Campaign | None:
        async with self._sessions() as session:
            row = await session.get(CampaignRow, campaign_id)
            if row is None:
                return None
            audiences = await _audiences(session, [campaign_id])
        return _to_campaign(row, audiences.get(campaign_id, []))

    async def all(self, *, include_cancelled: bool = True) -> list[Campaign]:
        """Every campaign, latest start first."""
        statement = select(CampaignRow).order_by(col(CampaignRow.start_day).desc())
        if not include_cancelled:
            statement = statement.where(CampaignRow.state == CampaignState.ACTIVE.value)
        async with self._sessions() as session:
            rows = (await session.execute(statement)).scalars().all()
            ids = [r.id for r in rows if r.id is not None]
            audiences = await _audiences(session, ids)
        return [_to_campaign(r, audiences.get(r.id or 0, [])) for r in rows]

    async def around(self, day: date, *, margin_days: int = 70) -> list[Campaign]:
        """Active campaigns whose timeline may touch ``day`` (announcement to results)."""
        lo, hi = date.fromordinal(day.toordinal() - margin_days), day
        statement = select(CampaignRow).where(
            CampaignRow.state == CampaignState.ACTIVE.value,
            col(CampaignRow.end_day) >= lo,
            col(CampaignRow.start_day) <= date.fromordinal(hi.toordinal() + margin_days),
        )
        async with self._sessions() as session:
            rows = (await session.execute(statement.order_by(col(CampaignRow.id)))).scalars().all()
            audiences = await _audiences(session, [r.id for r in rows if r.id is not None])
        return [_to_campaign(r, audiences.get(r.id or 0, [])) for r in rows]

    async def cancel(self, campaign_id: int, *, actor: str, now: datetime) -> int | None:
        """Cancel a campaign and its pending deliveries (sent ones stay sent; other campaigns
        and nudges are untouched). Returns the deliveries cancelled, None if unknown or
        already cancelled."""
        async with self._sessions.begin() as session:
            changed = await session.execute(
                update(CampaignRow)
                .where(
                    col(CampaignRow.id) == campaign_id,
                    col(CampaignRow.state) == CampaignState.ACTIVE.value,
                )
                .values(state=CampaignState.CANCELLED.value, cancelled_at=now)
            )
            if rowcount(changed) != 1:
                return None
            d = DELIVERY.c
            cancelled = rowcount(
                await session.execute(
                    update(DELIVERY)
                    .where(
                        d.kind.in_(sorted(CAMPAIGN_KINDS)),
                        d.period_key.startswith(f"{campaign_id}:", autoescape=True),
                        d.status == DeliveryStatus.PENDING.value,
                    )
                    .values(
                        status=DeliveryStatus.CANCELLED.value,
                        lease_owner=None,
                        lease_expires_at=None,
                        updated_at=now,
                    )
                )
            )
            append_event(
                session,
                actor=actor,
                kind="campaign.cancelled",
                subject=f"campaign:{campaign_id}",
                payload={"campaign_id": campaign_id, "deliveries_cancelled": cancelled},
            )
            return cancelled

    async def designate(
        self, campaign_id: int, section: str, days: Sequence[date], *, actor: str
    ) -> None:
        """Replace a section's designated days for a campaign."""
        async with self._sessions.begin() as session:
            await session.execute(
                delete(SectionDesignatedDayRow).where(
                    col(SectionDesignatedDayRow.campaign_id) == campaign_id,
                    col(SectionDesignatedDayRow.section) == section,
                )
            )
            now = utcnow()
            for day in sorted(set(days)):
                session.add(
                    SectionDesignatedDayRow(
                        campaign_id=campaign_id,
                        section=section,
                        day=day,
                        designated_by=actor,
                        designated_at=now,
                    )
                )
            append_event(
                session,
                actor=actor,
                kind="campaign.designated",
                subject=f"campaign:{campaign_id}",
                payload={"section": section, "days": [d.isoformat() for d in sorted(set(days))]},
            )

    async def designated_days(
        self, start: date, end: date, *, campaign_id: int | None = None
    ) -> dict[str, list[date]]:
        """Section → designated days between ``start`` and ``end`` of active campaigns (of
        one campaign when ``campaign_id`` is given)."""
        row, campaign = SectionDesignatedDayRow, CampaignRow
        statement = (
            sa_select(col(row.section), col(row.day))
            .join(campaign, col(campaign.id) == col(row.campaign_id))
            .where(
                col(campaign.state) == CampaignState.ACTIVE.value,
                col(row.day) >= start,
                col(row.day) <= end,
            )
            .order_by(col(row.day))
        )
        if campaign_id is not None:
            statement = statement.where(col(row.campaign_id) == campaign_id)
        out: dict[str, list[date]] = {}
        async with self._sessions() as session:
            for section, day in await session.execute(statement):
                out.setdefault(section, []).append(day)
        return out


async def _audiences(session: AsyncSession, ids: list[int]) -> dict[int, list[str]]:
    if not ids:
        return {}
    out: dict[int, list[str]] = {}
    rows = await session.execute(
        sa_select(col(CampaignAudienceRow.campaign_id), col(CampaignAudienceRow.org_unit)).where(
            col(CampaignAudienceRow.campaign_id).in_(ids)
        )
    )
    for campaign_id, unit in rows:
        out.setdefault(campaign_id, []).append(unit)
    return out
