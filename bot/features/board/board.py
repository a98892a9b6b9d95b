"""Who is where: a section's board for a day, a person lookup, my schedule, section stats.

Visible to the section, its chief and admins only (domain.org.can_view_section).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from pydantic import Field

from bot.core.router import Payload
from bot.core.turn import Reply, Turn
from bot.ui.cards import card, execute, heading, paragraph
from bot.ui.formatting import join_list, part_label, period_label, plain, short_date, status_label
from bot.ui.texts import text
from dialogs.understanding import Interpretation
from domain.occasions import merge_by_day
from domain.org import OrgChart, StaffMember, UnitKind, Viewer, can_view_section
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


_KATAKANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}  # ァ..ヶ → ぁ..ゖ
MAX_CANDIDATES = 10


def _normal(value: str) -> str:
    """For matching names: NFKC, case and spaces folded, katakana as hiragana (メガン = めがん,
    so a name typed in either script finds the roster's よみがな)."""
    folded = "".join(unicodedata.normalize("NFKC", value).casefold().split())
    return folded.translate(_KATAKANA)


def _matches(wanted: str, member: StaffMember) -> bool:
    return wanted in _normal(member.name) or (
        member.reading is not None and wanted in _normal(member.reading)
    )


class PersonPick(Payload):
    """A candidate's button on the namesakes card: who, and the day that was asked about."""

    employee_id: Annotated[str, Field(min_length=1, max_length=64)]
    day: date


async def person(turn: Turn, meaning: Interpretation) -> Reply:
    """「田中さんはどこ？」: one person's day. Only people the viewer may see are searched (their
    own section, or everyone for admins), by name or よみがな; namesakes are listed with their
    section, 係 and e-mail, each with a button."""
    viewer = await turn.staff()
    lang = turn.lang
    name = meaning.person
    if not name:
        return Reply(text=meaning.question or text(lang, "person.who"))
    chart = await turn.chart()
    staff = await turn.services.directory.staff(active_only=True)
    wanted = _normal(name)
    matches = [
        m for m in staff.values() if wanted and _matches(wanted, m) and _visible(viewer, m, chart)
    ]
    if not matches:
        key = "person.not_found.admin" if viewer.is_admin else "person.not_found"
        return Reply(text=text(lang, key, name=plain(name)))
    day = _day_of(turn, meaning)
    exact = [m for m in matches if _normal(m.name) == wanted]
    if len(matches) > 1 and len(exact) != 1:
        return Reply(card=_candidates(turn, name, matches, day, chart))
    return await _person_day(turn, exact[0] if exact else matches[0], day)


def _candidates(
    turn: Turn, name: str, matches: list[StaffMember], day: date, chart: OrgChart
) -> dict[str, Any]:
    lang = turn.lang
    ordered = sorted(matches, key=lambda m: (m.reading or m.name, m.org_unit, m.employee_id))
    body: list[dict[str, Any]] = [
        heading(text(lang, "person.many.title", name=plain(name), count=len(matches))),
        paragraph(text(lang, "person.many.pick"), subtle=True),
    ]
    for member in ordered[:MAX_CANDIDATES]:
        section = chart.section_of(member.org_unit) if member.org_unit in chart else None
        unit = chart.unit(member.org_unit) if member.org_unit in chart else None
        team = unit.name if unit is not None and unit.kind is UnitKind.SUBSECTION else "—"
        line = text(
            lang,
            "person.candidate",
            name=plain(member.name),
            section=plain(section.name if section else "—"),
            team=plain(team),
            email=plain(member.email or "—"),
        )
        body.append(
            {
                "type": "Container",
                "separator": True,
                "items": [
                    paragraph(line),
                    {
                        "type": "ActionSet",
                        "actions": [
                            execute(
                                text(lang, "person.pick", name=member.name[:20]),
                                "person_pick",
                                employee_id=member.employee_id,
                                day=day.isoformat(),
                            )
                        ],
                    },
                ],
            }
        )
    if len(ordered) > MAX_CANDIDATES:
        body.append(paragraph(text(lang, "person.many.more", more=len(ordered) - MAX_CANDIDATES)))
    return card(body)


async def person_pick(turn: Turn, payload: PersonPick) -> Reply:
    """A namesake's button: that person's day, if the viewer may still see them."""
    viewer = await turn.staff()
    member = await turn.services.directory.member(payload.employee_id)
    if member is None or not member.active or not _visible(viewer, member, await turn.chart()):
        return Reply(text=text(turn.lang, "person.gone"))
    return await _person_day(turn, member, payload.day)


async def _person_day(turn: Turn, member: StaffMember, day: date) -> Reply:
    lang = turn.lang
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
