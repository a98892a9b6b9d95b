"""Outlook for team meetings: the organiser's event with a Teams meeting, and free/busy.

Events are written in UTC (Outlook shows them in each reader's zone) with the meeting's UID
as ``transactionId``, so a create retried after a lost answer does not make a second event.
A change sends only what can change (subject, times, attendees): the Teams meeting, and so its
join link, stays the same.
``getSchedule`` is asked in batches of :data:`SCHEDULES_PER_REQUEST` addresses and windows of
at most :data:`MAX_WINDOW` (the API's limits); ``busy`` and ``oof`` (out of office) count as
busy, ``tentative`` and ``workingElsewhere`` do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.graph.client import GraphClient, segment
from domain.m365 import BusyTimes, CalendarEvent, M365Error, M365Failure
from domain.meetings import Meeting

SCHEDULES_PER_REQUEST = 20
MAX_WINDOW = timedelta(days=62)
BUSY_STATUSES = frozenset({"busy", "oof"})


def graph_time(moment: datetime) -> dict[str, str]:
    """A dateTimeTimeZone in UTC."""
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return {"dateTime": utc.isoformat(timespec="seconds"), "timeZone": "UTC"}


def read_graph_time(value: Any) -> datetime:
    """A dateTimeTimeZone answered in UTC (the default without a Prefer header)."""
    if not isinstance(value, dict) or str(value.get("timeZone", "UTC")).upper() != "UTC":
        raise ValueError("expected a UTC dateTimeTimeZone")
    text = str(value["dateTime"])
    whole, _dot, _fraction = text.partition(".")
    return datetime.fromisoformat(whole).replace(tzinfo=UTC)


def _attendees(meeting: Meeting, organiser: str) -> list[dict[str, Any]]:
    return [
        {"emailAddress": {"address": p.email, "name": p.name}, "type": "required"}
        for p in meeting.participants
        if p.email and p.email.lower() != organiser.lower() and p.key != meeting.organiser
    ]


def _event(body: Any) -> CalendarEvent:
    if not isinstance(body, dict) or not body.get("id"):
        raise M365Error(M365Failure.REJECTED, "the event came back without an id")
    online = body.get("onlineMeeting") or {}
    join_url = online.get("joinUrl") if isinstance(online, dict) else None
    return CalendarEvent(str(body["id"]), str(join_url) if join_url else None)


class GraphMeetingCalendar:
    """Implements :class:`domain.m365.MeetingCalendar` (``Calendars.ReadWrite``)."""

    def __init__(self, client: GraphClient, description: str = "") -> None:
        self._client = client
        self._description = description

    def _fields(self, meeting: Meeting, organiser: str, start: datetime, end: datetime) -> Any:
        return {
            "subject": meeting.title,
            "start": graph_time(start),
            "end": graph_time(end),
            "attendees": _attendees(meeting, organiser),
        }

    async def create(
        self, organiser: str, meeting: Meeting, start: datetime, end: datetime
    ) -> CalendarEvent:
        body = self._fields(meeting, organiser, start, end)
        body["isOnlineMeeting"] = True
        body["onlineMeetingProvider"] = "teamsForBusiness"
        body["transactionId"] = meeting.uid
        if self._description:
            body["body"] = {"contentType": "text", "content": self._description}
        answer = await self._client.request(
            "POST", f"/users/{segment(organiser)}/events", json=body
        )
        return _event(answer.body)

    async def update(
        self, organiser: str, event_id: str, meeting: Meeting, start: datetime, end: datetime
    ) -> CalendarEvent:
        answer = await self._client.request(
            "PATCH",
            f"/users/{segment(organiser)}/events/{segment(event_id)}",
            json=self._fields(meeting, organiser, start, end),
        )
        return _event(answer.body)

    async def cancel(self, organiser: str, event_id: str, comment: str) -> None:
        await self._client.request(
            "POST",
            f"/users/{segment(organiser)}/events/{segment(event_id)}/cancel",
            json={"comment": comment},
        )


class GraphFreeBusy:
    """Implements :class:`domain.m365.FreeBusy` (``Calendars.ReadBasic``)."""

    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def busy(
        self, organiser: str, mailboxes: Sequence[str], start: datetime, end: datetime
    ) -> BusyTimes:
        found: dict[str, list[tuple[datetime, datetime]]] = {}
        wanted = list(dict.fromkeys(m for m in mailboxes if m))
        window_start = start
        while window_start < end:
            window_end = min(end, window_start + MAX_WINDOW)
            for first in range(0, len(wanted), SCHEDULES_PER_REQUEST):
                batch = wanted[first : first + SCHEDULES_PER_REQUEST]
                await self._batch(organiser, batch, window_start, window_end, found)
            window_start = window_end
        return found

    async def _batch(
        self,
        organiser: str,
        batch: list[str],
        start: datetime,
        end: datetime,
        found: dict[str, list[tuple[datetime, datetime]]],
    ) -> None:
        answer = await self._client.request(
            "POST",
            f"/users/{segment(organiser)}/calendar/getSchedule",
            json={
                "schedules": batch,
                "startTime": graph_time(start),
                "endTime": graph_time(end),
                "availabilityViewInterval": 15,
            },
        )
        asked = {m.lower(): m for m in batch}
        values = answer.body.get("value", []) if isinstance(answer.body, dict) else []
        for schedule in values:
            mailbox = asked.get(str(schedule.get("scheduleId", "")).lower())
            if mailbox is None or schedule.get("error"):
                continue  # unknown address or no access: not known to be free either
            busy = found.setdefault(mailbox, [])
            for item in schedule.get("scheduleItems", []):
                if str(item.get("status", "")).lower() not in BUSY_STATUSES:
                    continue
                try:
                    busy.append((read_graph_time(item["start"]), read_graph_time(item["end"])))
                except (KeyError, ValueError):
                    continue
