"""The approval request card: one card per request (a weekly plan is one request of many
days, not a card per day), with 「すべて承認」 for a request of several days.

Every copy stays current: the card carries an Adaptive Card ``refresh`` (Universal Actions)
for the approver it was sent to, so Teams asks the bot for the current card (verb
``approval_card``) whenever that approver sees it; a decided request comes back without
buttons, saying what was decided. Pressing a button answers with the same current card.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.ui.cards import Card, card, execute, heading, paragraph
from bot.ui.formatting import entry_line, plain
from bot.ui.texts import Lang, text
from domain.org import StaffMember
from domain.schedule import EntryState, ScheduleEntry

REFRESH_VERB = "approval_card"
MAX_DAYS = 60  # a request's days on one card (a quarter of working days at most)


def request_card(
    lang: Lang,
    requester: StaffMember,
    entries: Sequence[ScheduleEntry],
    approver_chat_id: str | None,
    *,
    result: str | None = None,
) -> Card:
    """The card for ``entries`` (one request) as they stand now; ``result``: what the person
    pressing just did; ``approver_chat_id``: whose copy refreshes (None: no refresh)."""
    shown = sorted(entries, key=lambda e: (e.day, e.part))[:MAX_DAYS]
    pending = [e for e in shown if e.state == EntryState.PENDING and e.id is not None]
    body: list[dict[str, Any]] = [heading(text(lang, "notify.request_title"))]
    if result:
        body.append(paragraph(result))
    name = plain(requester.name)
    if len(shown) == 1 and pending:
        only = shown[0]
        line = entry_line(only.day, only.part, only.status, lang)
        body.append(paragraph(text(lang, "notify.request_body", name=name, entry=line)))
    else:
        body.append(paragraph(text(lang, "notify.request_days", name=name, count=len(shown))))
        for entry in shown:
            line = entry_line(entry.day, entry.part, entry.status, lang)
            if entry.state != EntryState.PENDING:
                line = text(lang, "notify.day_state", entry=line, state=_state(lang, entry.state))
            body.append({**paragraph(line), "spacing": "None"})
    actions: list[dict[str, Any]] = []
    if pending:
        body.append(
            {
                "type": "Input.Text",
                "id": f"comment_{pending[0].id}",
                "placeholder": text(lang, "approvals.comment"),
                "maxLength": 200,
            }
        )
        if len(pending) == 1:
            entry_id = pending[0].id
            actions = [
                execute(text(lang, "approvals.approve"), "approve", entry_id=entry_id),
                execute(text(lang, "approvals.reject"), "reject", entry_id=entry_id),
            ]
        else:
            ids = [e.id for e in pending]
            count = len(ids)
            actions = [
                execute(
                    text(lang, "approvals.approve_all", count=count), "approve_all", entry_ids=ids
                ),
                execute(
                    text(lang, "approvals.reject_all", count=count), "reject_all", entry_ids=ids
                ),
            ]
    else:
        body.append(paragraph(text(lang, "approvals.closed"), subtle=True))
    content = card(body, actions)
    if approver_chat_id:
        ids = [e.id for e in shown if e.id is not None]
        data = {"command": REFRESH_VERB, "entry_ids": ids}
        content["refresh"] = {
            "action": {
                "type": "Action.Execute",
                "verb": REFRESH_VERB,
                "data": data,
                # (clients without Universal Actions never refresh; the fallback is for form)
                "fallback": {"type": "Action.Submit", "data": data},
            },
            "userIds": [approver_chat_id],
        }
    return content


def _state(lang: Lang, state: EntryState) -> str:
    return text(lang, f"approvals.state.{state.value}")
