"""The organisation in SQL: org units, staff records, and linking Teams users to staff."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict, fields
from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, and_, func, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Field, SQLModel, col, select

from domain.identity import ChatUser
from domain.org import (
    ROSTER_FIELDS,
    EmploymentType,
    ExemptReason,
    Office,
    OrgChart,
    OrgUnit,
    StaffMember,
    UnitKind,
)
from domain.roster import SENSITIVE_FIELDS, ImportPlan
from storage.identity import append_event
from storage.people_filter import People
from storage.preferences import UserPreferenceRow
from storage.sql import upsert
from storage.tables import TeamsIdentity, UtcDateTime, utcnow


class OrgUnitRow(SQLModel, table=True):
    """An org unit; ``code`` is its path (総務局/人事課/給与係)."""

    __tablename__ = "org_unit"

    code: str = Field(primary_key=True, max_length=255)
    name: str = Field(max_length=255)
    name_en: str | None = Field(default=None, max_length=255)
    kind: str = Field(max_length=16)
    office: str = Field(max_length=16)
    parent: str | None = Field(default=None, max_length=255, foreign_key="org_unit.code")
    updated_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


class StaffRow(SQLModel, table=True):
    """A staff record. ``care_*`` are sensitive: admins only, never logged."""

    __tablename__ = "staff"

    employee_id: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=255)
    reading: str | None = Field(default=None, max_length=255)
    email: str = Field(max_length=320, unique=True)
    aad_object_id: str | None = Field(default=None, max_length=64, index=True)
    org_unit: str = Field(max_length=255, foreign_key="org_unit.code", index=True)
    hire_date: date = Field(sa_column=Column(Date, nullable=False))
    is_manager: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    is_section_chief: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    care_preschool: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    care_family: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    exempt_reason: str | None = Field(default=None, max_length=32)
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, index=True))
    preferred_language: str | None = Field(default=None, max_length=2)
    time_zone: str = Field(default="Asia/Tokyo", max_length=64)
    employment: str = Field(default="full_time", max_length=16)  # 常勤/非常勤 (issue 14)
    ministry_since: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    updated_at: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))


# The staff columns a StaffMember is built from: the fields a roster sets.
_MEMBER_COLUMNS = ROSTER_FIELDS
# ``staff()`` builds members positionally: the columns it reads must be the fields in order.
if (*_MEMBER_COLUMNS, "chat_language", "written_language") != tuple(
    f.name for f in fields(StaffMember)
):
    raise RuntimeError("storage.org: StaffMember's fields and the roster columns differ in order")


def to_member(row: StaffRow, preference: UserPreferenceRow | None = None) -> StaffMember:
    return StaffMember(
        employee_id=row.employee_id,
        name=row.name,
        reading=row.reading,
        email=row.email,
        aad_object_id=row.aad_object_id,
        org_unit=row.org_unit,
        hire_date=row.hire_date,
        is_manager=row.is_manager,
        is_section_chief=row.is_section_chief,
        care_preschool=row.care_preschool,
        care_family=row.care_family,
        exempt_reason=ExemptReason(row.exempt_reason) if row.exempt_reason else None,
        active=row.active,
        preferred_language=row.preferred_language,
        time_zone=row.time_zone,
        employment=EmploymentType(row.employment),
        ministry_since=row.ministry_since,
        chat_language=preference.language if preference else None,
        written_language=preference.written_language if preference else None,
    )


async def _member(session: AsyncSession, row: StaffRow) -> StaffMember:
    return to_member(row, await session.get(UserPreferenceRow, row.employee_id))


async def _linked(
    session: AsyncSession, user: ChatUser
) -> tuple[TeamsIdentity | None, StaffMember | None]:
    """The Teams user's identity row and, when it is linked to an active member, the member."""
    identity = (
        await session.execute(
            select(TeamsIdentity).where(
                TeamsIdentity.tenant_id == user.tenant_id,
                TeamsIdentity.teams_user_id == user.user_id,
            )
        )
    ).scalar_one_or_none()
    if identity is not None and identity.employee_id:
        row = await session.get(StaffRow, identity.employee_id)
        if row is not None and row.active:
            return identity, await _member(session, row)
    return identity, None


def to_unit(row: OrgUnitRow) -> OrgUnit:
    return OrgUnit(
        code=row.code,
        name=row.name,
        name_en=row.name_en,
        kind=UnitKind(row.kind),
        office=Office(row.office),
        parent=row.parent,
    )


def _staff_values(member: StaffMember) -> dict[str, object]:
    values = {name: getattr(member, name) for name in ROSTER_FIELDS}
    values["exempt_reason"] = member.exempt_reason.value if member.exempt_reason else None
    values["employment"] = member.employment.value
    return values


def _event_payload(fields: tuple[str, ...], member: StaffMember | None) -> dict[str, object]:
    """Changed fields with their new values; sensitive values are never written out."""
    payload: dict[str, object] = {}
    for name in fields:
        if name in SENSITIVE_FIELDS or member is None:
            payload[name] = "(changed)" if member is not None else None
        else:
            value = getattr(member, name)
            payload[name] = value.isoformat() if isinstance(value, date) else value
    return payload


class SqlOrganisation:
    """Reads and writes the organisation; imports apply in one transaction with events."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def chart(self) -> OrgChart:
        async with self._sessions() as session:
            rows = (await session.execute(select(OrgUnitRow))).scalars().all()
        return OrgChart(to_unit(row) for row in rows)

    async def units(self, *, active_only: bool = False) -> dict[str, str]:
        """Employee id → the code of their org unit (two columns: cheaper than ``staff``)."""
        table = StaffRow.__table__  # type: ignore[attr-defined]
        statement = sa_select(table.c.employee_id, table.c.org_unit)
        if active_only:
            statement = statement.where(table.c.active.is_(True))
        async with self._sessions() as session:
            # Core rows fetched at once (not the ORM's row-by-row loading): 100,000 people
            conn = await session.connection()
            return {key: value for key, value in (await conn.execute(statement)).all()}

    async def staff(
        self, *, active_only: bool = False, only: Collection[str] | None = None
    ) -> dict[str, StaffMember]:
        """Staff records by employee id (``only``: just these people's, built from the
        rows read: a few thousand ids do not fit in one statement's parameters)."""
        # Plain columns, not ORM objects: building 100k StaffRow instances costs more than
        # the query (bench/quota.py).
        table = StaffRow.__table__  # type: ignore[attr-defined]
        preference = UserPreferenceRow.__table__  # type: ignore[attr-defined]
        statement = sa_select(
            *(table.c[name] for name in _MEMBER_COLUMNS),
            preference.c.language.label("chat_language"),
            preference.c.written_language,
        ).outerjoin(preference, preference.c.employee_id == table.c.employee_id)
        if active_only:
            statement = statement.where(table.c.active.is_(True))
        async with self._sessions() as session:
            conn = await session.connection()  # Core rows, not the ORM's loading: 100,000
            rows = (await conn.execute(statement)).all()
        # Positional (the columns are the dataclass's fields in order) and enum values looked
        # up once: 100,000 members in a fraction of the time of keyword arguments.
        reasons: dict[str | None, ExemptReason | None] = {None: None, "": None}
        reasons |= {r.value: r for r in ExemptReason}
        employments = {e.value: e for e in EmploymentType}
        reason_at = _MEMBER_COLUMNS.index("exempt_reason")
        employment_at = _MEMBER_COLUMNS.index("employment")
        members = {}
        for row in rows:
            if only is not None and row[0] not in only:
                continue
            values = list(row)
            values[reason_at] = reasons[values[reason_at]]
            values[employment_at] = employments[values[employment_at]]
            members[values[0]] = StaffMember(*values)
        return members

    async def member(self, employee_id: str) -> StaffMember | None:
        async with self._sessions() as session:
            row = await session.get(StaffRow, employee_id)
            return await _member(session, row) if row else None

    async def apply_import(self, plan: ImportPlan, *, actor: str) -> None:
        """Write units, then staff changes, each recorded as an event, in one transaction."""
        now = utcnow()
        async with self._sessions.begin() as session:
            for unit in _parents_first(plan.units):
                await session.execute(
                    upsert(
                        session,
                        OrgUnitRow.__table__,  # type: ignore[attr-defined]
                        {
                            **asdict(unit),
                            "kind": unit.kind.value,
                            "office": unit.office.value,
                            "updated_at": now,
                        },
                        conflict=("code",),
                        update=("name", "kind", "office", "parent", "updated_at"),
                    )
                )
            for change in plan.changes:
                if change.kind == "deactivated":
                    await session.execute(
                        update(StaffRow)
                        .where(StaffRow.employee_id == change.employee_id)  # type: ignore[arg-type]
                        .values(active=False, updated_at=now)
                    )
                else:
                    assert change.after is not None
                    await session.execute(
                        upsert(
                            session,
                            StaffRow.__table__,  # type: ignore[attr-defined]
                            {**_staff_values(change.after), "updated_at": now},
                            conflict=("employee_id",),
                            update=(*change.fields, "updated_at"),
                        )
                    )
                append_event(
                    session,
                    actor=actor,
                    kind=f"staff.{change.kind}",
                    subject=change.employee_id,
                    payload=_event_payload(change.fields, change.after),
                )

    async def link(self, user: ChatUser) -> StaffMember | None:
        """The staff record for a Teams user, linking it on first contact: by Entra object
        id, else by UPN/e-mail (case-insensitive). None when nobody matches."""
        async with self._sessions() as session:  # every turn: a read, unless not yet linked
            _, member = await _linked(session, user)
        if member is not None:
            return member
        async with self._sessions.begin() as session:
            identity, member = await _linked(session, user)
            if member is not None:
                return member
            row = await _match(session, user)
            if row is None:
                return None
            if identity is not None:
                identity.employee_id = row.employee_id
                append_event(
                    session,
                    actor=user.user_id,
                    kind="identity.linked",
                    subject=row.employee_id,
                    payload={"teams_user_id": user.user_id},
                )
            return await _member(session, row)

    async def note_principal_name(self, user: ChatUser, principal_name: str) -> None:
        """Remember a UPN learnt from the Teams members API (for linking by e-mail)."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(TeamsIdentity)
                .where(
                    col(TeamsIdentity.tenant_id) == user.tenant_id,
                    col(TeamsIdentity.teams_user_id) == user.user_id,
                )
                .values(user_principal_name=principal_name)
            )

    async def chat_ids(self, employee_ids: Sequence[str]) -> dict[str, str]:
        """The Teams user id each person last talked to the bot with (if any)."""
        if not employee_ids:
            return {}
        identity, staff = TeamsIdentity, StaffRow
        matches = identity_matches_staff()
        people = People(employee_ids)
        async with self._sessions() as session:
            rows = await session.execute(
                sa_select(col(staff.employee_id), col(identity.teams_user_id))
                .join(identity, matches)
                .where(people.where(col(staff.employee_id)), col(staff.active).is_(True))
                .order_by(col(identity.last_seen_at))
            )
            # The most recently seen identity wins (ordered ascending, later rows overwrite).
            return {
                employee_id: user_id for employee_id, user_id in rows if people.keeps(employee_id)
            }

    async def unmatched(self) -> list[TeamsIdentity]:
        """Teams users who talked to the bot and match no staff record (for admins)."""
        async with self._sessions() as session:
            rows = (
                (
                    await session.execute(
                        select(TeamsIdentity)
                        .where(TeamsIdentity.employee_id == None)  # noqa: E711
                        .order_by(TeamsIdentity.last_seen_at.desc())  # type: ignore[attr-defined]
                    )
                )
                .scalars()
                .all()
            )
        return list(rows)


def identity_matches_staff() -> ColumnElement[bool]:
    """The join of ``teams_identity`` to ``staff``: the linked record, else (not yet linked)
    the same Entra object id, else the same UPN when the record names no object id — the
    rules of :meth:`SqlOrganisation.link`, for reaching people in bulk."""
    identity, staff = TeamsIdentity, StaffRow
    return or_(
        col(identity.employee_id) == col(staff.employee_id),
        and_(
            col(identity.employee_id).is_(None),
            func.lower(col(identity.aad_object_id)) == func.lower(col(staff.aad_object_id)),
        ),
        and_(
            col(identity.employee_id).is_(None),
            col(staff.aad_object_id).is_(None),
            func.lower(col(identity.user_principal_name)) == col(staff.email),
        ),
    )


async def _match(session: AsyncSession, user: ChatUser) -> StaffRow | None:
    active = StaffRow.active == True  # noqa: E712
    if user.aad_object_id:
        row = (
            await session.execute(
                select(StaffRow).where(
                    active, func.lower(StaffRow.aad_object_id) == user.aad_object_id.lower()
                )
            )
        ).scalar_one_or_none()
        if row is not None:
            return row
    if user.user_principal_name:
        # A record that names another Entra object id is someone else, whatever its e-mail.
        return (
            await session.execute(
                select(StaffRow).where(
                    active,
                    func.lower(StaffRow.email) == user.user_principal_name.casefold(),
                    StaffRow.aad_object_id == None,  # noqa: E711
                )
            )
        ).scalar_one_or_none()
    return None


def _parents_first(units: list[OrgUnit]) -> list[OrgUnit]:
    depth = {unit.code: unit.code.count("/") for unit in units}
    return sorted(units, key=lambda unit: (depth[unit.code], unit.code))
