"""Implements :class:`domain.reach.StaffReach`: active staff joined to their Teams identity,
their 1:1 conversation reference, install/uninstall events and their latest delivery."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import col

from domain.identity import ChatUser
from domain.reach import ChatToOpen, Unreachable, UnreachableReason
from storage.engine import READ_ONLY
from storage.ledger_sql import DELIVERY
from storage.org import StaffRow, identity_matches_staff
from storage.tables import ConversationRef, Event, TeamsIdentity

REFUSED_STATUSES = (403, 404)


class SqlStaffReach:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def unreachable(self) -> list[Unreachable]:
        staff, identity = StaffRow, TeamsIdentity
        async with self._engine.connect() as conn:
            await conn.execution_options(**READ_ONLY)
            async with conn.begin():
                people = (
                    await conn.execute(
                        select(col(staff.employee_id), col(staff.name), col(staff.org_unit))
                        .where(col(staff.active).is_(True))
                        .order_by(col(staff.org_unit), col(staff.employee_id))
                    )
                ).all()
                matched = (
                    await conn.execute(
                        select(col(staff.employee_id), col(identity.teams_user_id))
                        .join(identity, identity_matches_staff())
                        .where(col(staff.active).is_(True))
                        .order_by(col(identity.last_seen_at))
                    )
                ).all()
                personal_refs = await _personal_refs(conn)
                personal = {r.user_key for r in personal_refs}
                installs = (
                    await conn.execute(
                        select(col(Event.actor), col(Event.kind), col(Event.payload))
                        .where(col(Event.kind).in_(("bot.installed", "bot.uninstalled")))
                        .order_by(col(Event.id))
                    )
                ).all()
                d = DELIVERY.c
                latest = (
                    select(d.recipient, func.max(d.id).label("last"))
                    .where(d.status.in_(("sent", "failed")))
                    .group_by(d.recipient)
                    .subquery()
                )
                refused = (
                    await conn.execute(
                        select(d.recipient, d.last_http_status, d.updated_at)
                        .join(latest, latest.c.last == d.id)
                        .where(d.status == "failed", d.last_http_status.in_(REFUSED_STATUSES))
                    )
                ).all()
        teams_id: dict[str, str] = {e: u for e, u in matched}  # the latest seen wins
        state: dict[str, str] = {}
        for actor, kind, payload in installs:
            if _personal(payload):
                state[actor] = kind
        refusals = {r.recipient: (r.last_http_status, r.updated_at) for r in refused}
        # The dispatcher marks a 1:1 reference not working on a 403/404 (until the person
        # writes again); that mark wins over the last failed delivery.
        refusals.update(
            (r.user_key, (r.not_working_status, r.not_working_since))
            for r in personal_refs
            if r.not_working_since is not None
        )
        found = []
        for employee_id, name, org_unit in people:
            user = teams_id.get(employee_id)
            reason, detail = None, ""
            if user is None:
                reason = UnreachableReason.NOT_IN_TEAMS
            elif state.get(user) == "bot.uninstalled":
                reason = UnreachableReason.UNINSTALLED
            elif user not in personal:
                reason = UnreachableReason.NO_CONVERSATION
            elif user in refusals:
                status, at = refusals[user]
                reason = UnreachableReason.REFUSED
                detail = f"HTTP {status} {at:%Y-%m-%d}" if at else f"HTTP {status}"
            if reason is not None:
                found.append(Unreachable(employee_id, name, org_unit, reason, detail))
        return found

    async def chats_to_open(self, employee_ids: Sequence[str]) -> list[ChatToOpen]:
        if not employee_ids:
            return []
        staff, identity, ref = StaffRow, TeamsIdentity, ConversationRef
        async with self._engine.connect() as conn:
            await conn.execution_options(**READ_ONLY)
            async with conn.begin():
                known = (
                    await conn.execute(
                        select(
                            col(staff.employee_id),
                            col(identity.tenant_id),
                            col(identity.teams_user_id),
                            col(identity.aad_object_id),
                            col(identity.user_principal_name),
                            col(identity.display_name),
                            col(identity.locale),
                        )
                        .join(identity, identity_matches_staff())
                        .where(col(staff.employee_id).in_(list(employee_ids)))
                        .order_by(col(identity.last_seen_at))
                    )
                ).all()
                users = [row.teams_user_id for row in known]
                personal = {r.user_key for r in await _personal_refs(conn, users)}
                places = (
                    await conn.execute(
                        select(
                            col(ref.tenant_id),
                            col(ref.service_url),
                            col(ref.bot_id),
                            col(ref.bot_name),
                        ).order_by(col(ref.updated_at))
                    )
                ).all()
        where = {tenant: (url, bot, name) for tenant, url, bot, name in places}  # latest wins
        latest = {row.employee_id: row for row in known}  # the latest seen identity wins
        chats = []
        for employee_id, row in sorted(latest.items()):
            if row.teams_user_id in personal or row.tenant_id not in where:
                continue
            url, bot, name = where[row.tenant_id]
            user = ChatUser(
                tenant_id=row.tenant_id,
                user_id=row.teams_user_id,
                aad_object_id=row.aad_object_id,
                user_principal_name=row.user_principal_name,
                display_name=row.display_name,
                locale=row.locale,
            )
            chats.append(ChatToOpen(employee_id, user, url, bot, name))
        return chats


async def _personal_refs(conn: AsyncConnection, users: Sequence[str] | None = None) -> list[Any]:
    """The 1:1 conversation references (of ``users`` only, when given), with the dispatcher's
    not-working mark."""
    ref = ConversationRef
    query = select(
        col(ref.user_key), col(ref.not_working_status), col(ref.not_working_since)
    ).where(col(ref.conversation_type) == "personal")
    if users is not None:
        query = query.where(col(ref.user_key).in_(list(users)))
    return list((await conn.execute(query)).all())


def _personal(payload: Any) -> bool:
    return isinstance(payload, dict) and payload.get("scope") == "personal"
