"""``telework-bot graph check``: a token, then one harmless call per enabled feature.

Each probe reads (never writes) what the feature will later write, with the same permission
or one it implies, for one mailbox (``--user``): a 403 names the permission to grant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.core.graph_settings import GraphFeature
from bot.graph import Microsoft365
from bot.graph.calendar import graph_time
from bot.graph.client import segment
from domain.m365 import M365Error, M365Failure

PERMISSIONS = {
    GraphFeature.MEETINGS: "Calendars.ReadWrite",
    GraphFeature.FREEBUSY: "Calendars.ReadBasic",
    GraphFeature.INSTALL: "TeamsAppInstallation.ReadWriteSelfForUser.All",
    GraphFeature.STATUS: "Presence.ReadWrite.All",
}


@dataclass(frozen=True)
class Probe:
    """What one check found: ``ok``, or the failure and what to do about it."""

    name: str
    ok: bool
    detail: str


async def _probe(graph: Microsoft365, feature: GraphFeature, user: str, app_id: str) -> None:
    client, who = graph.client, segment(user)
    if feature == GraphFeature.MEETINGS:
        await client.request("GET", f"/users/{who}/calendar/events?$top=1&$select=id")
    elif feature == GraphFeature.FREEBUSY:
        start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        await client.request(
            "POST",
            f"/users/{who}/calendar/getSchedule",
            json={
                "schedules": [user],
                "startTime": graph_time(start),
                "endTime": graph_time(start + timedelta(hours=1)),
                "availabilityViewInterval": 60,
            },
        )
    elif feature == GraphFeature.INSTALL:
        await client.request(
            "GET",
            f"/users/{who}/teamwork/installedApps?$expand=teamsApp"
            f"&$filter=teamsApp/id eq '{segment(app_id)}'",
        )
    else:
        await client.request("GET", f"/users/{who}/presence")


async def check(graph: Microsoft365, user: str, app_id: str) -> list[Probe]:
    """The token first (nothing else is tried without one), then each enabled feature."""
    try:
        await graph.client.token.get()
    except M365Error as exc:
        return [Probe("token", False, f"no token: {exc}")]
    found = [Probe("token", True, "the app got a token")]
    for feature in sorted(graph.features):
        permission = PERMISSIONS[feature]
        try:
            await _probe(graph, feature, user, app_id)
        except M365Error as exc:
            if exc.failure == M365Failure.PERMISSION:
                detail = f"missing permission {permission} (or {user} is outside its policy)"
            elif exc.failure == M365Failure.UNKNOWN_USER:
                detail = f"{user} is not a user of the tenant (or has no mailbox)"
            else:
                detail = f"{exc}"
            found.append(Probe(feature.value, False, detail))
        else:
            found.append(Probe(feature.value, True, f"{permission} works for {user}"))
    return found
