"""The lead's form: its card, reading it back (every value re-validated, card data is never
trusted), who the participants are, and the ranked candidate times."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from bot.core.turn import Turn
from bot.features.meetings.cards import NAMES_SHOWN, names, when
from bot.features.meetings.desk import MeetingDesk
from bot.features.meetings.payloads import FormFields, Mentioned
from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import join_list, plain, short_date
from bot.ui.texts import Lang, text
from domain.m365 import M365Error
from domain.meeting_slots import (
    BusySource,
    RankedSlot,
    day_slots,
    local_slots,
    parse_typed_slots,
    rank_slots,
    team_telework_days,
    top_slots,
)
from domain.meetings import (
    MeetingRefused,
    Participant,
    Slot,
    check_capacity,
    check_duration,
    check_slot,
    check_title,
    check_window,
)
from domain.org import Viewer
from domain.schedule import ScheduleEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidates:
    """The ranked times of the candidates card. ``outlook``: whether Outlook calendars were
    read (None: Microsoft 365 is not connected; False: it failed, only declared schedules
    were used)."""

    typed: list[RankedSlot]
    suggested: list[RankedSlot]
    team_days: list[date] | None
    outlook: bool | None = None


@dataclass(frozen=True)
class MeetingForm:
    """The lead's answers, validated."""

    title: str
    duration: int
    days: list[date]
    who: str  # "section", "mentioned" or "team:<id>"
    team_day: bool
    typed: str
    save_as: str
    mentioned: list[dict[str, str]]
    raw: dict[str, Any]


def mentioned_people(turn: Turn, limit: int = 101) -> list[dict[str, str]]:
    """The people @mentioned in this message, at most ``limit`` (the channel edge leaves the
    bot out and each person in once)."""
    people: list[dict[str, str]] = []
    for mention in turn.mentions[:limit]:
        people.append({"id": mention.user_id, "name": mention.name[:100]})
    return people


def next_week(today: date) -> tuple[date, date]:
    monday = today + timedelta(days=7 - today.weekday())
    return monday, monday + timedelta(days=4)


def form_card(turn: Turn, desk: MeetingDesk, choices: list[tuple[str, str]], data: Any) -> Card:
    lang = turn.lang
    start, end = next_week(turn.services.today())
    durations = [
        {"title": text(lang, "meetings.minutes", minutes=m), "value": str(m)}
        for m in desk.settings.durations
    ]
    return card(
        [
            heading(text(lang, "meetings.form_title")),
            paragraph(text(lang, "meetings.form_intro"), subtle=True),
            _input("Input.Text", "title", text(lang, "meetings.field_title"), maxLength=100),
            _input(
                "Input.ChoiceSet",
                "duration",
                text(lang, "meetings.field_duration"),
                choices=durations,
                value="60" if 60 in desk.settings.durations else None,
            ),
            _input(
                "Input.Date",
                "window_start",
                text(lang, "meetings.field_start"),
                value=start.isoformat(),
            ),
            _input(
                "Input.Date", "window_end", text(lang, "meetings.field_end"), value=end.isoformat()
            ),
            _input(
                "Input.ChoiceSet",
                "who",
                text(lang, "meetings.field_participants"),
                choices=[{"title": t, "value": v} for v, t in choices],
                value=choices[0][0] if choices else None,
            ),
            _input(
                "Input.Toggle",
                "team_day",
                None,
                title=text(lang, "meetings.field_team_day"),
                valueOn="true",
                valueOff="false",
            ),
            _input("Input.Text", "typed", text(lang, "meetings.field_typed"), maxLength=300),
            _input("Input.Text", "save_as", text(lang, "meetings.field_save_as"), maxLength=50),
        ],
        [execute(text(lang, "meetings.next"), "meeting_candidates", mentioned=data)],
    )


def _input(kind: str, ident: str, label: str | None, **extra: Any) -> dict[str, Any]:
    element: dict[str, Any] = {"type": kind, "id": ident}
    if label:
        element["label"] = label
    element.update({k: v for k, v in extra.items() if v is not None})
    return element


def read_form(
    turn: Turn, desk: MeetingDesk, fields: FormFields, mentioned: Sequence[Mentioned]
) -> MeetingForm:
    """The form's values checked against the rules (raises :class:`MeetingRefused`)."""
    settings = desk.settings
    try:
        duration = int(fields.duration.strip() or "0")
        start = date.fromisoformat(fields.window_start.strip())
        end = date.fromisoformat(fields.window_end.strip())
    except ValueError:
        raise MeetingRefused("date") from None
    title = check_title(fields.title.strip()[:300])
    check_duration(duration, settings)
    days = check_window(start, end, turn.services.today(), turn.services.calendar, settings)
    raw = {k: str(v).strip()[:300] for k, v in fields.model_dump().items()}
    return MeetingForm(
        title=title,
        duration=duration,
        days=days,
        who=fields.who.strip()[:200],
        team_day=fields.team_day.strip() == "true",
        typed=fields.typed.strip()[:300],
        save_as=fields.save_as.strip()[:50],
        mentioned=[{"id": m.id, "name": m.name} for m in mentioned],
        raw=raw,
    )


async def participants(
    turn: Turn, desk: MeetingDesk, viewer: Viewer, form: MeetingForm
) -> list[Participant]:
    """The lead first, then the chosen people (deduplicated); capacity checked."""
    directory = turn.services.directory
    staff = await directory.staff(active_only=True)
    lead = viewer.member
    keys: list[str] = []
    guests: list[Participant] = []
    if form.who == "section":
        if viewer.section is None:
            raise MeetingRefused("participants")
        chart = await turn.chart()
        for member in staff.values():
            section = chart.section_of(member.org_unit) if member.org_unit in chart else None
            if section is not None and section.code == viewer.section:
                keys.append(member.employee_id)
    elif form.who == "mentioned":
        if not form.mentioned:
            raise MeetingRefused("no_mentions")
        known = await desk.teams.employees_for_chat_ids([m["id"] for m in form.mentioned])
        for mention in form.mentioned:
            employee = known.get(mention["id"])
            if employee in staff:
                keys.append(employee)
            else:
                guests.append(
                    Participant(
                        mention["id"],
                        mention["name"] or mention["id"],
                        chat_id=mention["id"],
                        is_staff=False,
                    )
                )
    elif form.who.startswith("team:"):
        team = next(
            (t for t in await desk.teams.teams_of(lead.employee_id) if f"team:{t.id}" == form.who),
            None,
        )
        if team is None:
            raise MeetingRefused("team_unknown")
        keys.extend(m.key for m in team.members if m.is_staff and m.key in staff)
        guests.extend(m for m in team.members if not m.is_staff)
    else:
        raise MeetingRefused("participants")
    ordered = list(dict.fromkeys([lead.employee_id, *keys]))
    chat_ids = await directory.chat_ids(ordered)
    people = [
        Participant(
            key,
            staff[key].name if key in staff else lead.name,
            chat_id=chat_ids.get(key) or (turn.sender.user_id if key == lead.employee_id else None),
            email=staff[key].email if key in staff else lead.email,
        )
        for key in ordered
    ]
    seen = {p.chat_id for p in people if p.chat_id}
    people.extend(g for g in guests if g.chat_id not in seen)
    check_capacity(len(people), desk.settings)
    return people


async def outlook_busy(
    turn: Turn, desk: MeetingDesk, people: list[Participant], days: list[date]
) -> tuple[dict[str, list[Slot]], bool | None]:
    """Participants' Outlook busy times as local slots by participant key, asked once for
    the whole window (and whether that worked; None when not connected)."""
    if desk.free_busy is None:
        return {}, None
    by_mailbox = {p.email.lower(): p.key for p in people if p.email}
    organiser = people[0].email if people and people[0].email else None
    if organiser is None or not by_mailbox:
        return {}, None
    calendar = turn.services.calendar
    start = calendar.at(days[0], time(0, 0))
    end = calendar.at(days[-1] + timedelta(days=1), time(0, 0))
    try:
        found = await desk.free_busy.busy(organiser, list(by_mailbox), start, end)
    except M365Error as exc:  # a remote service: rank from declared schedules alone
        log.warning("outlook free/busy not read: %s", exc.failure.value)
        return {}, False
    busy: dict[str, list[Slot]] = {}
    for mailbox, intervals in found.items():
        key = by_mailbox.get(mailbox.lower())
        if key is not None:
            busy[key] = local_slots(intervals, calendar)
    return busy, True


async def candidates(
    turn: Turn, desk: MeetingDesk, form: MeetingForm, people: list[Participant]
) -> Candidates:
    """Typed slots ranked, suggested slots, the team telework day(s) if asked for."""
    services = turn.services
    keys = [p.key for p in people]
    staff_keys = [p.key for p in people if p.is_staff]
    entries: dict[str, list[ScheduleEntry]] = {}
    for day in form.days:
        for entry in await services.schedule.entries_on(day, staff_keys):
            entries.setdefault(entry.employee_id, []).append(entry)
    busy = await desk.meetings.busy(keys, form.days[0], form.days[-1])
    outlook, read = await outlook_busy(turn, desk, people, form.days)
    days, team_days = form.days, None
    if form.team_day:
        team_days = team_telework_days(form.days, staff_keys, entries)
        days = team_days or form.days
    now = services.now()
    typed = [
        check_slot(s, now, services.calendar, desk.settings)
        for s in parse_typed_slots(form.typed, form.duration, services.today())
    ]
    soon = now + desk.settings.min_notice
    slots = [
        s
        for s in day_slots(days, form.duration, desk.settings)
        if s.starts_at(services.calendar) >= soon
    ]
    ranked = rank_slots(slots, keys, entries, busy, outlook)
    return Candidates(
        rank_slots(typed, keys, entries, busy, outlook),
        top_slots(ranked, desk.settings.shown_slots),
        team_days,
        read,
    )


def busy_names(ranked: RankedSlot, name_of: dict[str, str], lang: Lang) -> str:
    """Who cannot attend, each with where the busy mark came from."""
    sources = ranked.busy_from or tuple(BusySource.SCHEDULE for _ in ranked.busy)
    shown = [
        text(lang, f"meetings.busy_from.{source.value}", name=plain(name_of[key]))
        for key, source in zip(ranked.busy, sources, strict=True)
    ]
    listed = join_list(shown[:NAMES_SHOWN], lang)
    more = len(shown) - NAMES_SHOWN
    if more > 0:
        listed += f" ほか{more}名" if lang == "ja" else f" and {more} more"
    return listed


def slot_value(slot: Slot) -> str:
    return f"{slot.day.isoformat()}T{slot.start // 60:02d}:{slot.start % 60:02d}"


def candidates_card(
    lang: Lang,
    form: MeetingForm,
    people: list[Participant],
    found: Candidates,
) -> Card:
    typed, suggested, team_days = found.typed, found.suggested, found.team_days
    total = len(people)
    name_of = {p.key: p.name for p in people}
    body: list[dict[str, Any]] = [
        heading(
            text(
                lang,
                "meetings.candidates_title",
                title=plain(form.title),
                count=total,
                minutes=form.duration,
            )
        ),
    ]
    if team_days is not None:
        key = "meetings.team_day_note" if team_days else "meetings.team_day_none"
        body.append(
            paragraph(text(lang, key, days=", ".join(short_date(d, lang) for d in team_days)))
        )
    if found.outlook is not None:
        key = "meetings.outlook_read" if found.outlook else "meetings.outlook_failed"
        body.append(paragraph(text(lang, key), subtle=True))
    shown = [(r, True) for r in typed] + [
        (r, False) for r in suggested if r.slot not in {t.slot for t in typed}
    ]
    if not shown:
        body.append(paragraph(text(lang, "meetings.none_available")))
        return card(body)
    choices = []
    for ranked, was_typed in shown:
        label = when(ranked.slot, lang) + (text(lang, "meetings.typed_mark") if was_typed else "")
        line = text(
            lang,
            "meetings.candidate_line",
            when=label,
            available=len(ranked.available),
            total=total,
            telework=len(ranked.teleworking),
        )
        items = [paragraph(line)]
        items.append(
            paragraph(
                text(
                    lang,
                    "meetings.candidate_who",
                    names=names([name_of[k] for k in ranked.available], lang),
                ),
                subtle=True,
            )
        )
        if ranked.busy:
            items.append(
                paragraph(
                    text(lang, "meetings.candidate_busy", names=busy_names(ranked, name_of, lang)),
                    subtle=True,
                )
            )
        body.append({"type": "Container", "separator": True, "items": items})
        choices.append({"title": label, "value": slot_value(ranked.slot)})
    preselected = ",".join(c["value"] for c in choices[:3])
    body.append(
        _input(
            "Input.ChoiceSet",
            "slots",
            text(lang, "meetings.pick"),
            choices=choices,
            isMultiSelect=True,
            style="expanded",
            value=preselected,
        )
    )
    button = execute(
        text(lang, "meetings.send_poll"), "meeting_poll", form=form.raw, mentioned=form.mentioned
    )
    return card(body, [button])
