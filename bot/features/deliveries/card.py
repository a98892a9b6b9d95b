"""「配信状況」/"deliveries [run]": an admin's view of proactive deliveries: counts by status,
the latest runs of the scheduled jobs (by name, in local time) and the latest failures with
their reason in words (``reasons``)."""

from __future__ import annotations

from datetime import datetime

from bot.core.turn import Reply, Turn
from bot.features.deliveries.reasons import reason_of
from bot.ui.cards import card, heading, paragraph
from bot.ui.formatting import plain, short_date
from bot.ui.texts import CATALOGUE, Lang, text
from domain.delivery import DeliveryStatus, FailedDelivery

FAILURES_SHOWN = 5


def _named(lang: Lang, prefix: str, name: str) -> str:
    """A job's or a message kind's readable name; the id itself when it has none."""
    key = f"{prefix}.{name}"
    return text(lang, key) if key in CATALOGUE[lang] else name


def _local(turn: Turn, at: datetime | None) -> str:
    if at is None:
        return "—"
    local = at.astimezone(turn.services.calendar.tz)
    return f"{short_date(local.date(), turn.lang)} {local:%H:%M}"


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
                        job=_named(lang, "deliveries.job", run.job),
                        at=_local(turn, run.scheduled_for),
                        state=state,
                    ),
                    subtle=True,
                )
            )
    if progress.count(DeliveryStatus.FAILED):
        failures = await reports.recent_failures(FAILURES_SHOWN)
        if failures:
            body.append(paragraph(text(lang, "deliveries.failures"), subtle=False))
            names = await _recipients(turn, failures)
            body.extend(paragraph(_failure(turn, f, names)) for f in failures)
    return Reply(card=card(body))


async def _recipients(turn: Turn, failures: list[FailedDelivery]) -> dict[str, str]:
    """Teams user id → name, for the recipients of ``failures`` the roster knows."""
    directory = turn.services.directory
    staff = await directory.staff(active_only=False)
    wanted = {f.recipient for f in failures}
    by_chat = {
        chat: staff[employee_id].name
        for employee_id, chat in (await directory.chat_ids(list(staff))).items()
        if chat in wanted
    }
    return by_chat


def _failure(turn: Turn, failure: FailedDelivery, names: dict[str, str]) -> str:
    lang = turn.lang
    reason = text(lang, f"deliveries.reason.{reason_of(failure.http_status, failure.error)}")
    status = (
        text(lang, "deliveries.http", status=failure.http_status)
        if failure.http_status is not None
        else text(lang, "deliveries.no_answer")
    )
    return text(
        lang,
        "deliveries.failure",
        at=_local(turn, failure.at),
        kind=_named(lang, "deliveries.kind", failure.kind),
        who=plain(names.get(failure.recipient, text(lang, "deliveries.someone"))),
        reason=reason,
        status=status,
    )
