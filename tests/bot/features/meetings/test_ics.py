"""The .ics files parsed back with icalendar, field by field: UID, TZID and local times,
METHOD, SEQUENCE on updates, METHOD:CANCEL on cancellation; the attachment shape."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar

from bot.features.meetings.ics import ics_attachment, meeting_ics, outlook_link
from domain.calendar import WorkCalendar
from domain.meetings import Meeting, MeetingState, Participant, Slot

CAL = WorkCalendar()
LEAD = Participant("C1", "課長 一郎", email="c1@example.go.jp")
MEGAN = Participant("S1", "メーガン", email="s1@example.go.jp")
STAMP = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
MEETING = Meeting(
    uid="8f1c0d",
    title="課内打合せ（チーム型テレワーク）",
    organiser="C1",
    duration=60,
    participants=(LEAD, MEGAN),
    state=MeetingState.SCHEDULED,
    slot=Slot(date(2026, 12, 8), 14 * 60, 15 * 60),
    join_url="https://teams.microsoft.com/l/meetup-join/abc",
)


def parsed(meeting: Meeting) -> Calendar:
    raw = meeting_ics(meeting, calendar=CAL, organiser=LEAD, attendee=MEGAN, stamp=STAMP)
    assert b"\r\n" in raw  # RFC 5545 line endings
    return Calendar.from_ical(raw)


def event_of(ics: Calendar):  # type: ignore[no-untyped-def]
    [event] = ics.walk("VEVENT")
    return event


def test_request_field_by_field() -> None:
    ics = parsed(MEETING)
    assert ics["METHOD"] == "REQUEST" and ics["VERSION"] == "2.0"
    assert str(ics["PRODID"]).startswith("-//telework-bot//")
    [zone] = ics.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Tokyo"
    event = event_of(ics)
    assert event["UID"] == "8f1c0d@telework-bot"
    assert event["SUMMARY"] == "課内打合せ（チーム型テレワーク）"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert event["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert (start.hour, start.minute, start.date()) == (14, 0, date(2026, 12, 8))
    assert start.utcoffset() == timedelta(hours=9) and end - start == timedelta(hours=1)
    assert start == datetime(2026, 12, 8, 14, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert event.decoded("DTSTAMP") == STAMP
    assert event["SEQUENCE"] == 0 and event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == MEETING.join_url and event["URL"] == MEETING.join_url
    assert str(event["ORGANIZER"]) == "mailto:c1@example.go.jp"
    assert event["ORGANIZER"].params["CN"] == "課長 一郎"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:s1@example.go.jp"
    assert attendee.params["RSVP"] == "TRUE" and attendee.params["PARTSTAT"] == "NEEDS-ACTION"


def test_update_bumps_sequence_with_the_same_uid() -> None:
    moved = replace(MEETING, sequence=2, slot=Slot(date(2026, 12, 9), 10 * 60, 11 * 60))
    event = event_of(parsed(moved))
    assert event["UID"] == "8f1c0d@telework-bot" and event["SEQUENCE"] == 2
    assert event.decoded("DTSTART") == datetime(2026, 12, 9, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_cancellation_is_method_cancel() -> None:
    cancelled = replace(MEETING, state=MeetingState.CANCELLED, sequence=3)
    ics = parsed(cancelled)
    assert ics["METHOD"] == "CANCEL"
    event = event_of(ics)
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 3
    assert event["UID"] == "8f1c0d@telework-bot"


def test_attachment_and_outlook_link() -> None:
    raw = meeting_ics(MEETING, calendar=CAL, organiser=LEAD, attendee=None, stamp=STAMP)
    attachment = ics_attachment(raw)
    assert attachment["contentType"] == "text/calendar" and attachment["name"] == "meeting.ics"
    prefix, encoded = attachment["contentUrl"].split(",", 1)
    assert prefix == "data:text/calendar;charset=utf-8;base64"
    assert base64.b64decode(encoded) == raw
    assert "ATTENDEE" not in raw.decode()  # a group's copy names nobody
    query = parse_qs(urlsplit(outlook_link(MEETING, CAL) or "").query)
    assert query["startdt"] == ["2026-12-08T14:00:00+09:00"]
    assert query["enddt"] == ["2026-12-08T15:00:00+09:00"]
    assert query["subject"] == [MEETING.title] and query["location"] == [MEETING.join_url]
