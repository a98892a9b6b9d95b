"""Who is where: a section's board for a day, a person lookup, my schedule, section stats.

Visible to the section, its chief and admins only (domain.org.can_view_section).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.core.turn import Reply, Turn
from bot.ui.cards import card, heading, paragraph
from bot.ui.formatting import join_list, part_label, period_label, plain, short_date, status_label
from bot.ui.texts import text
from dialogs.understanding import Interpretation
from domain.occasions import merge_by_day
from domain.org import OrgChart, StaffMember, Viewer, can_view_section
from domain.periods import PeriodKind, period_for
from domain.schedule import EntryState, ScheduleEntry, occasion_part

GROUPS = ("telework", "office", "business_trip", "leave", "no_hours")


def _day_of(turn: Turn, meaning: Interpretation | None) -> date:
    if meaning is not None and meaning.entries:
        return meaning.entries[0].day
    period = meaning.period if meaning is not None else None
    today = turn.services.today()
    relative = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if period in relative:
        return today + timedelta(days=relative[period])
    try:  # the parser names one day as an ISO date ("12/8", 来週月曜)
        return date.fromisoformat(period or "")
    except ValueError:
        return today


def _members_of(section: str, chart: OrgChart, staff: dict[str, StaffMember]) -> list[StaffMember]:
    result = []
    for member in staff.values():
        unit = chart.section_of(member.org_unit) if member.org_unit in chart else None
        if unit is not None and unit.code == section:
            result.append(member)
    return sorted(result, key=lambda m: (m.reading or m.name, m.employee_id))


def _since_midnight(turn: Turn, day: date) -> datetime:
    return turn.services.calendar.at(day, time(0, 0))


async def board_today(turn: Turn, _payload: object) -> Reply:
    """「ボード」: today's board."""
    return await board(turn, None)


async def board(turn: Turn, meaning: Interpretation | None) -> Reply:
    """「明日誰がテレワーク？」: the section's board for the day the question names."""
    viewer = await turn.staff()
    if viewer.section is None:
        return Reply(text=text(turn.lang, "board.no_section"))
    day = _day_of(turn, meaning)
    chart = await turn.chart()
    people = _members_of(
        viewer.section, chart, await turn.services.directory.staff(active_only=True)
    )
    schedule = turn.services.schedule
    declared = await schedule.entries_on(day, [m.employee_id for m in people])
    presence = {}
    if day == turn.services.today():
        presence = await schedule.latest_presence(
            [m.employee_id for m in people], _since_midnight(turn, day)
        )
    lang = turn.lang
    by_person: dict[str, list[ScheduleEntry]] = {}
    for entry in declared:
        by_person.setdefault(entry.employee_id, []).append(entry)
    groups: dict[str, list[str]] = {g: [] for g in (*GROUPS, "none")}
    for member in people:
        mine = by_person.get(member.employee_id, [])
        label = plain(member.name)
        if member.employee_id in presence:
            label += f"〔{text(lang, 'presence.label.' + presence[member.employee_id][0])}〕"
        if not mine:
            groups["none"].append(label)
        for entry in mine:
            extra = "" if entry.part == "full" else f" {part_label(entry.part, lang)}"
            if entry.state == EntryState.PENDING:
                extra += f"（{text(lang, 'pending.state')}）" if lang == "ja" else " (pending)"
            groups[entry.status.value].append(label + extra)
    section = chart.unit(viewer.section)
    body: list[dict[str, Any]] = [
        heading(text(lang, "board.title", section=plain(section.name), date=short_date(day, lang)))
    ]
    for group, names in groups.items():
        body.append(
            {
                "type": "TextBlock",
                "weight": "Bolder",
                "spacing": "Medium",
                "text": f"{text(lang, 'board.group.' + group)}（{len(names)}）"
                if lang == "ja"
                else f"{text(lang, 'board.group.' + group)} ({len(names)})",
            }
        )
        body.append(paragraph(join_list(names, lang) if names else text(lang, "board.nobody")))
    return Reply(card=card(body))


def _normal(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value).casefold().split())


async def person(turn: Turn, meaning: Interpretation) -> Reply:
    """「田中さんはどこ？」: one person's day (people the viewer may see only)."""
    viewer = await turn.staff()
    lang = turn.lang
    name = meaning.person
    if not name:
        return Reply(text=meaning.question or text(lang, "person.who"))
    chart = await turn.chart()
    staff = await turn.services.directory.staff(active_only=True)
    wanted = _normal(name)
    matches = [
        m
        for m in staff.values()
        if wanted
        and (wanted in _normal(m.name) or (m.reading and wanted in _normal(m.reading)))
        and _visible(viewer, m, chart)
    ]
    if not matches:
        return Reply(text=text(lang, "person.not_found", name=plain(name)))
    if len(matches) > 1:
        names = join_list((plain(n) for n in sorted(m.name for m in matches)[:10]), lang)
        return Reply(text=text(lang, "person.many", name=plain(name), names=names))
    member = matches[0]
    day = _day_of(turn, meaning)
    mine = await turn.services.schedule.entries_on(day, [member.employee_id])
    lines = [
        f"{part_label(e.part, lang)} {status_label(e.status, lang)}"
        + (f"（{text(lang, 'pending.state')}）" if e.state == EntryState.PENDING else "")
        for e in mine
    ]
    if day == turn.services.today():
        presence = await turn.services.schedule.latest_presence(
            [member.employee_id], _since_midnight(turn, day)
        )
        if member.employee_id in presence:
            kind, at = presence[member.employee_id]
            local = at.astimezone(turn.services.calendar.tz)
            lines.append(f"{text(lang, 'presence.label.' + kind)} {local:%H:%M}〜")
    title = text(lang, "person.title", name=plain(member.name), date=short_date(day, lang))
    body = [heading(title)]
    body.extend(paragraph(line) for line in lines or [text(lang, "person.nothing")])
    return Reply(card=card(body))


def _visible(viewer: Viewer, member: StaffMember, chart: OrgChart) -> bool:
    section = chart.section_of(member.org_unit) if member.org_unit in chart else None
    return section is not None and can_view_section(viewer, section.code)


async def my_schedule(turn: Turn, _payload: object) -> Reply:
    viewer = await turn.staff()
    lang = turn.lang
    today = turn.services.today()
    mine = await turn.services.schedule.entries(
        viewer.member.employee_id, today, today + timedelta(days=13)
    )
    if not mine:
        return Reply(text=text(lang, "schedule.nothing"))
    body = [heading(text(lang, "schedule.title"))]
    for entry in mine:
        line = f"{short_date(entry.day, lang)} {part_label(entry.part, lang)} "
        line += status_label(entry.status, lang)
        if entry.state == EntryState.PENDING:
            line += f"（{text(lang, 'pending.state')}）" if lang == "ja" else " (pending)"
        body.append(paragraph(line))
    return Reply(card=card(body))


async def section_stats(turn: Turn, _payload: object) -> Reply:
    """This month in the viewer's section: who teleworked at least once, and person-days."""
    viewer = await turn.staff()
    lang = turn.lang
    if viewer.section is None or not can_view_section(viewer, viewer.section):
        return Reply(text=text(lang, "stats.denied"))
    services = turn.services
    today = services.today()
    month = period_for(PeriodKind.MONTH, today, services.calendar)
    chart = await turn.chart()
    people = _members_of(viewer.section, chart, await services.directory.staff(active_only=True))
    occasions = await services.schedule.telework_occasions(
        month.start, today, [m.employee_id for m in people]
    )
    counting = services.policy.counting
    person_days = 0.0
    teleworkers = 0
    for member in people:
        merged = merge_by_day(occasions.get(member.employee_id, []))
        if merged:
            teleworkers += 1
        person_days += sum(counting.person_days(occasion_part(p)) for p in merged.values())
    headcount = len(people)
    rate = f"{teleworkers / headcount:.0%}" if headcount else "-"
    section = chart.unit(viewer.section)
    return Reply(
        card=card(
            [
                heading(
                    text(
                        lang,
                        "stats.title",
                        section=plain(section.name),
                        period=period_label(month, lang),
                    )
                ),
                paragraph(
                    text(
                        lang,
                        "stats.body",
                        headcount=headcount,
                        people=teleworkers,
                        rate=rate,
                        days=f"{person_days:g}",
                    )
                ),
            ]
        )
    )
