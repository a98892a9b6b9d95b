"""iCalendar (RFC 5545 / iTIP RFC 5546) files for team meetings, built with ``icalendar``.

One VEVENT per meeting with a stable UID, local times with ``TZID=Asia/Tokyo`` and the matching
VTIMEZONE, ``METHOD:REQUEST`` for invitations and updates (``SEQUENCE`` grows with every change)
and ``METHOD:CANCEL`` with ``STATUS:CANCELLED`` for a cancellation.

How the file travels: Teams lets a bot send real files only through a file-consent card in a
1:1 chat (and Graph/SharePoint elsewhere), so the file goes as an attachment with
``contentType: text/calendar`` and a ``data:`` URL (the Bot Framework attachment shape; Web
Chat, the Agents Playground and mail bridges offer it as a download) *and* the invitation card
carries an "Add to Outlook calendar" link, which works in every Teams client. Each recipient's
file names only the organiser and that recipient, which keeps a 100-person invitation small.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from icalendar import Calendar, Event, vCalAddress, vText

from domain.calendar import WorkCalendar
from domain.meetings import Meeting, MeetingState, Participant

PRODID = "-//telework-bot//team meetings//JA"
UID_DOMAIN = "telework-bot"
OUTLOOK_COMPOSE = "https://outlook.office.com/calendar/0/deeplink/compose"


def event_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@{UID_DOMAIN}"


def _address(person: Participant, role: str | None = None) -> vCalAddress | None:
    if not person.email:
        return None
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(person.name)
    if role is not None:
        address.params["role"] = vText(role)
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE")
    return address


def meeting_ics(
    meeting: Meeting,
    *,
    calendar: WorkCalendar,
    organiser: Participant,
    attendee: Participant | None,
    stamp: datetime,
    description: str = "",
) -> bytes:
    """The .ics for one recipient: REQUEST while the meeting stands, CANCEL once cancelled."""
    if meeting.slot is None:
        raise ValueError("a meeting without a fixed time has no calendar entry")
    cancelled = meeting.state == MeetingState.CANCELLED
    ics = Calendar()
    ics.add("prodid", PRODID)
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.slot.starts_at(calendar))
    event.add("dtend", meeting.slot.ends_at(calendar))
    event.add("sequence", meeting.sequence)
    event.add("summary", meeting.title)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if meeting.join_url:
        event.add("location", meeting.join_url)
        event.add("url", meeting.join_url)
    if description:
        event.add("description", description)
    organiser_address = _address(organiser)
    if organiser_address is not None:
        event.add("organizer", organiser_address)
    if attendee is not None and (address := _address(attendee, "REQ-PARTICIPANT")) is not None:
        event.add("attendee", address)
    ics.add_component(event)
    ics.add_missing_timezones()
    content: bytes = ics.to_ical()
    return content


def ics_attachment(content: bytes, name: str = "meeting.ics") -> dict[str, Any]:
    """A Bot Framework attachment carrying the file as a ``data:`` URL."""
    encoded = base64.b64encode(content).decode("ascii")
    return {
        "contentType": "text/calendar",
        "contentUrl": f"data:text/calendar;charset=utf-8;base64,{encoded}",
        "name": name,
    }


def outlook_link(meeting: Meeting, calendar: WorkCalendar, body: str = "") -> str | None:
    """Outlook on the web's "new event" compose link, prefilled (None without a time)."""
    if meeting.slot is None:
        return None
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": meeting.title,
        "startdt": meeting.slot.starts_at(calendar).isoformat(),
        "enddt": meeting.slot.ends_at(calendar).isoformat(),
        "body": body,
        "location": meeting.join_url or "",
    }
    return f"{OUTLOOK_COMPOSE}?{urlencode(query)}"
