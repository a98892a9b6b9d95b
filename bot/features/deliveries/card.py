"""「配信状況」/"deliveries [run]": an admin's view of proactive deliveries."""

from __future__ import annotations

from bot.core.turn import Reply, Turn
from bot.ui.cards import card, heading, paragraph
from bot.ui.texts import text
from domain.delivery import DeliveryStatus


async def deliveries(turn: Turn, _payload: object) -> Reply:
    """Admins only (the route says so)."""
    lang = turn.lang
    argument = turn.argument.strip().lstrip("#")
    run_id = int(argument) if argument.isdigit() else None
    reports = turn.services.deliveries
    progress = await reports.progress(run_id)
    scope = (
        text(lang, "deliveries.scope_run", run=run_id)
        if run_id is not None
        else text(lang, "deliveries.scope_all")
    )
    counts = {status.value: progress.count(status) for status in DeliveryStatus}
    body = [
        heading(text(lang, "deliveries.title", scope=scope)),
        paragraph(text(lang, "deliveries.counts", total=progress.total, **counts)),
    ]
    if run_id is None:
        for run in await reports.recent_runs(5):
            state = text(lang, "deliveries.done" if run.completed_at else "deliveries.running")
            body.append(
                paragraph(
                    text(
                        lang,
                        "deliveries.run",
                        run=run.run_id,
                        job=run.job,
                        period=run.period_key,
                        state=state,
                    ),
                    subtle=True,
                )
            )
    return Reply(card=card(body))
