"""「届かない職員」/"unreachable staff": active staff the bot cannot message 1:1, with why."""

from __future__ import annotations

from collections import Counter

from bot.core.turn import Reply, Turn
from bot.ui.cards import card, heading, paragraph
from bot.ui.formatting import plain
from bot.ui.texts import text
from domain.reach import StaffReach, UnreachableReason

SHOWN = 30  # the rest: `telework-bot teams unreachable` lists everyone


async def unreachable(turn: Turn, _payload: object) -> Reply:
    """Admins only (the route says so)."""
    lang = turn.lang
    people = await turn.services.get(StaffReach).unreachable()  # type: ignore[type-abstract]
    if not people:
        return Reply(text=text(lang, "deliveries.unreachable_none"))
    counts = Counter(p.reason for p in people)
    body = [
        heading(text(lang, "deliveries.unreachable_title", count=len(people))),
        paragraph(
            "・".join(
                f"{text(lang, f'deliveries.reason.{reason.value}')} {counts[reason]}"
                for reason in UnreachableReason
                if counts[reason]
            )
        ),
    ]
    for person in people[:SHOWN]:
        reason = text(lang, f"deliveries.reason.{person.reason.value}")
        detail = f"（{person.detail}）" if person.detail and lang == "ja" else ""
        if person.detail and lang == "en":
            detail = f" ({person.detail})"
        body.append(
            paragraph(
                text(
                    lang,
                    "deliveries.unreachable_line",
                    name=plain(person.name),
                    employee_id=plain(person.employee_id),
                    unit=plain(person.org_unit),
                    reason=reason + detail,
                ),
                subtle=True,
            )
        )
    if len(people) > SHOWN:
        body.append(paragraph(text(lang, "deliveries.unreachable_more", count=len(people) - SHOWN)))
    body.append(paragraph(text(lang, "deliveries.unreachable_fix"), subtle=True))
    return Reply(card=card(body))
