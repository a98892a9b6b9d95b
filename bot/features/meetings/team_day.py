"""The team telework day (チームテレワーク日): the day next week on which most of a section
already teleworks, and the chief's proposal of a day to the whole section."""

from __future__ import annotations

from datetime import timedelta

from bot.core.turn import Reply, Turn
from bot.features.meetings.cards import TEAM_DAY
from bot.features.meetings.desk import desk_of
from bot.features.meetings.forms import next_week
from bot.features.meetings.payloads import ProposeDay
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.messages import card_message, language_of
from bot.ui.texts import text
from domain.delivery import NewDelivery
from domain.meeting_slots import team_telework_days, telework_counts
from domain.org import StaffMember, Viewer, can_manage_section
from domain.schedule import ScheduleEntry


async def _section(turn: Turn, viewer: Viewer) -> list[StaffMember]:
    chart = await turn.chart()
    staff = await turn.services.directory.staff(active_only=True)
    return [
        m
        for m in staff.values()
        if m.org_unit in chart
        and (s := chart.section_of(m.org_unit)) is not None
        and s.code == viewer.section
    ]


async def team_day(turn: Turn, _payload: object) -> Reply:
    """「チームテレワーク日」: next week's telework count per day and the best day; the chief
    also gets buttons to propose a day to the section."""
    viewer = await turn.staff()
    lang = turn.lang
    if viewer.section is None:
        return Reply(text=text(lang, "meetings.no_section"))
    members = await _section(turn, viewer)
    ids = [m.employee_id for m in members]
    start, end = next_week(turn.services.today())
    days = turn.services.calendar.working_days(start, end)
    entries: dict[str, list[ScheduleEntry]] = {}
    for day in days:
        for entry in await turn.services.schedule.entries_on(day, ids):
            entries.setdefault(entry.employee_id, []).append(entry)
    counts = dict(telework_counts(days, ids, entries))
    best = team_telework_days(days, ids, entries)
    section = (await turn.chart()).unit(viewer.section).name
    body = [
        heading(
            text(
                lang,
                "meetings.team_day_title",
                section=plain(section),
                start=short_date(start, lang),
                end=short_date(end, lang),
            )
        )
    ]
    body += [
        paragraph(text(lang, "meetings.team_day_line", day=short_date(d, lang), count=counts[d]))
        for d in days
    ]
    if best:
        body.append(
            paragraph(
                text(
                    lang,
                    "meetings.team_day_best",
                    day=short_date(best[0], lang),
                    count=counts[best[0]],
                    total=len(ids),
                )
            )
        )
    else:
        body.append(paragraph(text(lang, "meetings.team_day_empty")))
    actions = []
    if can_manage_section(viewer, viewer.section):
        ordered = best[:1] + [d for d in days if d not in best[:1]]
        actions = [
            execute(
                text(lang, "meetings.team_day_propose", day=short_date(d, lang)),
                "team_day_propose",
                day=d.isoformat(),
            )
            for d in ordered[:5]
        ]
    return Reply(card=card(body, actions))


async def propose(turn: Turn, payload: ProposeDay) -> Reply:
    """The chief proposes a day: each member gets a card with a one-press telework
    declaration (the normal declaration flow, validated and approved as usual)."""
    viewer = await turn.staff()
    lang = turn.lang
    if viewer.section is None or not can_manage_section(viewer, viewer.section):
        return Reply(text=text(lang, "meetings.not_chief"))
    calendar, today = turn.services.calendar, turn.services.today()
    day = payload.day
    if not calendar.is_working_day(day) or not today < day <= today + timedelta(days=31):
        return Reply(text=text(lang, "meetings.refused.slot_closed", day=short_date(day, lang)))
    members = [
        m for m in await _section(turn, viewer) if m.employee_id != viewer.member.employee_id
    ]
    chat_ids = await turn.services.directory.chat_ids([m.employee_id for m in members])
    deliveries = []
    for member in members:
        if member.employee_id not in chat_ids:
            continue
        their = language_of(member)
        shown = short_date(day, their)
        line = text(their, "meetings.team_day_proposal", chief=plain(viewer.member.name), day=shown)
        summary = text(their, "meetings.team_day_proposal", chief=viewer.member.name, day=shown)
        button = execute(
            text(their, "meetings.team_day_declare", day=shown),
            "declare_confirm",
            entries=[{"date": day.isoformat(), "part": "full", "status": "telework"}],
            replacing=[],
        )
        deliveries.append(
            NewDelivery(
                chat_ids[member.employee_id],
                TEAM_DAY,
                f"{viewer.section}:{day.isoformat()}",
                card_message(card([paragraph(line)], [button]), summary),
            )
        )
    added = await desk_of(turn).teams.propose_team_day(
        viewer.section, day, actor=viewer.member.employee_id, deliveries=deliveries
    )
    turn.services.doorbell.ring()
    return Reply(
        text=text(lang, "meetings.team_day_proposed", day=short_date(day, lang), count=added)
    )
