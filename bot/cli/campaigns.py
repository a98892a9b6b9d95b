"""``telework-bot campaign create|preview|list|cancel``: campaigns from the command line.

``--dry-run`` validates and previews (audience size, rendered samples in both languages) or
counts what a cancel would stop, and writes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from bot.cli.wiring import SettingsSource, campaigns, open_application, run, settings_or_exit

if TYPE_CHECKING:
    from datetime import date

    from bot.app import Application
    from bot.features.campaigns.form import Preview
    from domain.campaigns import Campaign

T = TypeVar("T")


def _echo_preview(campaign: Campaign, preview: Preview, announce: date) -> None:
    typer.echo(f"{campaign.name}: {campaign.start} – {campaign.end}, announced {announce}")
    typer.echo(
        f"audience {preview.audience} (reminded: {preview.eligible}), "
        f"{preview.chiefs} chiefs, {preview.sections} sections"
    )
    for (lang, key), text in preview.samples.items():
        typer.echo(f"  [{lang} {key}] {text}")


async def _preview_of(application: Application, campaign: Campaign) -> None:
    from bot.features.campaigns.form import build_preview
    from domain.campaigns import Timeline

    services = application.services
    staff = await services.directory.staff(active_only=True)
    chart = await services.directory.chart()
    shown = build_preview(campaign, staff, chart, services.policy, services.calendar)
    _echo_preview(campaign, shown, Timeline.of(campaign, services.calendar).announce_on)


def _actor() -> str:
    import getpass

    return f"cli:{getpass.getuser()}"


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``campaign`` group (settings are read when a command runs)."""
    app = typer.Typer(name="campaign", help="Telework Week / Month and ad-hoc campaigns.")
    cli.add_typer(app, name="campaign")

    def with_application(action: Callable[[Application], Awaitable[T]]) -> T:
        async def go() -> T:
            async with open_application(settings()) as application:
                return await action(application)

        return run(go())

    @app.command()
    def create(
        name: Annotated[str, typer.Option(help="e.g. テレワークウィーク2027")],
        start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
        end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.")],
        kind: Annotated[str, typer.Option(help="telework_week, telework_month or adhoc")] = "adhoc",
        audience: Annotated[list[str] | None, typer.Option(help="Org unit code (repeat).")] = None,
        rule_unit: Annotated[
            list[str] | None, typer.Option(help='Department with "one per section" (repeat).')
        ] = None,
        announce_days: Annotated[int, typer.Option(help="Announce N days before.")] = 7,
        mandatory: Annotated[bool, typer.Option(help="Ignore people's pauses.")] = False,
        announcement_ja: Annotated[str | None, typer.Option()] = None,
        announcement_en: Annotated[str | None, typer.Option()] = None,
        reminder_ja: Annotated[str | None, typer.Option()] = None,
        reminder_en: Annotated[str | None, typer.Option()] = None,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Preview only.")] = False,
    ) -> None:
        """Create a campaign (templates may use {name} {campaign} {start} {end} {days}
        {section} {designated})."""
        from bot.features.campaigns.form import campaign_from_form
        from domain.campaigns import CampaignError
        from domain.delivery import SystemClock

        data: dict[str, Any] = {
            "name": name,
            "start": start,
            "end": end,
            "kind": kind,
            "audience": audience or [],
            "rule_units": rule_unit or [],
            "announce_days": announce_days,
            "mandatory": str(mandatory).lower(),
            "announcement_ja": announcement_ja,
            "announcement_en": announcement_en,
            "reminder_ja": reminder_ja,
            "reminder_en": reminder_en,
        }
        actor = _actor()
        today = SystemClock().now().date()

        async def go(application: Application) -> None:
            try:
                campaign = campaign_from_form(data, today, actor)
            except CampaignError as exc:
                typer.echo(f"error: {exc}", err=True)
                raise typer.Exit(2) from None
            await _preview_of(application, campaign)
            if dry_run:
                typer.echo("dry run: nothing was saved")
                return
            created = await campaigns(application).create(campaign, actor=actor)
            typer.echo(f"campaign {created.id} created")

        with_application(go)

    @app.command()
    def preview(campaign_id: Annotated[int, typer.Option("--id")]) -> None:
        """Audience size and rendered samples of a stored campaign."""

        async def go(application: Application) -> None:
            campaign = await campaigns(application).get(campaign_id)
            if campaign is None:
                typer.echo(f"error: no campaign {campaign_id}", err=True)
                raise typer.Exit(1)
            await _preview_of(application, campaign)

        with_application(go)

    @app.command("list")
    def list_campaigns() -> None:
        """Every campaign, latest first."""

        async def go(application: Application) -> None:
            for c in await campaigns(application).all():
                typer.echo(f"{c.id}  {c.start} – {c.end}  {c.state.value:9}  {c.name}")

        with_application(go)

    @app.command()
    def cancel(
        campaign_id: Annotated[int, typer.Option("--id")],
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Count only.")] = False,
    ) -> None:
        """Cancel a campaign: its pending messages are cancelled; sent ones and everything
        else stay."""
        from domain.delivery import SystemClock

        async def go(application: Application) -> None:
            if dry_run:
                count = await _pending_messages(application, campaign_id)
                typer.echo(f"dry run: {count} pending messages would be cancelled")
                return
            cancelled = await campaigns(application).cancel(
                campaign_id, actor=_actor(), now=SystemClock().now()
            )
            if cancelled is None:
                typer.echo(f"error: campaign {campaign_id} unknown or already cancelled", err=True)
                raise typer.Exit(1)
            typer.echo(f"campaign {campaign_id} cancelled ({cancelled} pending messages)")

        with_application(go)


async def _pending_messages(application: Application, campaign_id: int) -> int:
    """How many of a campaign's messages are still waiting to be sent."""
    from sqlalchemy import func, select

    from domain.campaigns import CAMPAIGN_KINDS
    from domain.delivery import DeliveryStatus
    from storage.ledger_sql import DELIVERY

    d = DELIVERY.c
    async with application.engine.connect() as conn:
        count = (
            await conn.execute(
                select(func.count()).where(
                    d.kind.in_(sorted(CAMPAIGN_KINDS)),
                    d.period_key.startswith(f"{campaign_id}:", autoescape=True),
                    d.status == DeliveryStatus.PENDING.value,
                )
            )
        ).scalar_one()
    return int(count)
