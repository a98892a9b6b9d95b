"""``telework-bot campaign create|preview|list|cancel``: campaigns from the command line.

Mount with ``register(cli, settings_or_exit)``. ``--dry-run`` validates and previews (audience
size, rendered samples in both languages) or counts what a cancel would stop, and writes
nothing.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, TypeVar

import typer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.settings import Settings
from bot.features.campaigns.form import Preview, build_preview, campaign_from_form
from domain.campaigns import CAMPAIGN_KINDS, Campaign, CampaignError, Timeline
from domain.delivery import DeliveryStatus, SystemClock
from domain.policy import load_policy
from storage.campaigns import SqlCampaigns
from storage.engine import create_engine, session_factory
from storage.ledger_sql import DELIVERY
from storage.org import SqlOrganisation

T = TypeVar("T")


def _echo_preview(campaign: Campaign, preview: Preview, announce: date) -> None:
    typer.echo(f"{campaign.name}: {campaign.start} – {campaign.end}, announced {announce}")
    typer.echo(
        f"audience {preview.audience} (reminded: {preview.eligible}), "
        f"{preview.chiefs} chiefs, {preview.sections} sections"
    )
    for (lang, key), text in preview.samples.items():
        typer.echo(f"  [{lang} {key}] {text}")


def register(cli: typer.Typer, get_settings: Callable[[], Settings]) -> None:
    """Add the ``campaign`` sub-commands to ``cli`` (settings are read when a command runs)."""
    app = typer.Typer(name="campaign", help="Telework Week / Month and ad-hoc campaigns.")
    cli.add_typer(app, name="campaign")

    def run(action: Callable[[Settings, AsyncEngine], Awaitable[T]]) -> T:
        settings = get_settings()

        async def go() -> T:
            engine = create_engine(settings.database_url)
            try:
                return await action(settings, engine)
            finally:
                await engine.dispose()

        return asyncio.run(go())

    async def preview_of(settings: Settings, engine: AsyncEngine, campaign: Campaign) -> None:
        policy = load_policy(settings.policy_file or None)
        calendar = policy.work_calendar()
        organisation = SqlOrganisation(session_factory(engine))
        staff = await organisation.staff(active_only=True)
        shown = build_preview(campaign, staff, await organisation.chart(), policy, calendar)
        _echo_preview(campaign, shown, Timeline.of(campaign, calendar).announce_on)

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
        actor = f"cli:{getpass.getuser()}"
        today = SystemClock().now().date()

        async def go(settings: Settings, engine: AsyncEngine) -> None:
            try:
                campaign = campaign_from_form(data, today, actor)
            except CampaignError as exc:
                typer.echo(f"error: {exc}", err=True)
                raise typer.Exit(2) from None
            await preview_of(settings, engine, campaign)
            if dry_run:
                typer.echo("dry run: nothing was saved")
                return
            created = await SqlCampaigns(session_factory(engine)).create(campaign, actor=actor)
            typer.echo(f"campaign {created.id} created")

        run(go)

    @app.command()
    def preview(campaign_id: Annotated[int, typer.Option("--id")]) -> None:
        """Audience size and rendered samples of a stored campaign."""

        async def go(settings: Settings, engine: AsyncEngine) -> None:
            campaign = await SqlCampaigns(session_factory(engine)).get(campaign_id)
            if campaign is None:
                typer.echo(f"error: no campaign {campaign_id}", err=True)
                raise typer.Exit(1)
            await preview_of(settings, engine, campaign)

        run(go)

    @app.command("list")
    def list_campaigns() -> None:
        """Every campaign, latest first."""

        async def go(_settings: Settings, engine: AsyncEngine) -> None:
            for c in await SqlCampaigns(session_factory(engine)).all():
                typer.echo(f"{c.id}  {c.start} – {c.end}  {c.state.value:9}  {c.name}")

        run(go)

    @app.command()
    def cancel(
        campaign_id: Annotated[int, typer.Option("--id")],
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Count only.")] = False,
    ) -> None:
        """Cancel a campaign: its pending messages are cancelled; sent ones and everything
        else stay."""

        async def go(_settings: Settings, engine: AsyncEngine) -> None:
            campaigns = SqlCampaigns(session_factory(engine))
            if dry_run:
                d = DELIVERY.c
                async with engine.connect() as conn:
                    count = (
                        await conn.execute(
                            select(func.count()).where(
                                d.kind.in_(sorted(CAMPAIGN_KINDS)),
                                d.period_key.startswith(f"{campaign_id}:", autoescape=True),
                                d.status == DeliveryStatus.PENDING.value,
                            )
                        )
                    ).scalar_one()
                typer.echo(f"dry run: {count} pending messages would be cancelled")
                return
            actor = f"cli:{getpass.getuser()}"
            cancelled = await campaigns.cancel(campaign_id, actor=actor, now=SystemClock().now())
            if cancelled is None:
                typer.echo(f"error: campaign {campaign_id} unknown or already cancelled", err=True)
                raise typer.Exit(1)
            typer.echo(f"campaign {campaign_id} cancelled ({cancelled} pending messages)")

        run(go)
