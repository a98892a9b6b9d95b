"""``telework-bot seed-demo``: a synthetic ministry with two years of telework."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import SettingsSource, fail, open_application, run, settings_or_exit

if TYPE_CHECKING:
    from bot.core.settings import Settings


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``seed-demo``."""

    @cli.command("seed-demo")
    def seed_demo_command(
        staff: Annotated[int, typer.Option(min=10, max=200_000, help="People.")] = 5000,
        fiscal_year: Annotated[int, typer.Option(help="Fiscal year of the data.")] = 2026,
        seed: Annotated[int, typer.Option(help="Random seed (same seed, same data).")] = 1,
        replace: Annotated[
            bool, typer.Option(help="Delete the roster, schedule and their events first.")
        ] = False,
        rules_2026: Annotated[
            bool,
            typer.Option(
                "--rules-2026",
                help="Add places, chiefs' orders, 週休3日 staff and start/end times (issue 18).",
            ),
        ] = False,
    ) -> None:
        """Fill the database with a synthetic ministry and two years of telework."""
        from storage.demo import DemoRefused

        chosen = settings()
        try:
            typer.echo(
                run(_seed(chosen, staff, fiscal_year, seed, replace=replace, rules_2026=rules_2026))
            )
        except DemoRefused as exc:
            fail(str(exc), code=1)


async def _seed(
    settings: Settings,
    staff: int,
    fiscal_year: int,
    seed: int,
    *,
    replace: bool,
    rules_2026: bool = False,
) -> str:
    from storage.demo import seed_demo
    from storage.demo_2026 import clear_rules_2026, seed_rules_2026

    async with open_application(settings) as application:
        if replace:
            await clear_rules_2026(application.engine)
        summary = await seed_demo(
            application.engine,
            application.services.policy,
            staff=staff,
            fiscal_year=fiscal_year,
            seed=seed,
            replace=replace,
        )
        extra = ""
        if rules_2026:
            services = application.services
            added = await seed_rules_2026(
                application.engine,
                services.policy,
                fiscal_year=fiscal_year,
                seed=seed,
                today=services.today(),
            )
            extra = (
                f"\n2026 rules: {added.places} places, {added.four_day_week_staff} 週休3日 staff, "
                f"{added.orders} orders ({added.ordered_days} ordered days), "
                f"{added.presence} presence reports, {added.movers} moved in from another "
                "ministry"
            )
    week = f"{summary.telework_week[0]}:{summary.telework_week[1]}"
    return (
        f"{summary.units} units, {summary.staff} staff, {summary.entries} entries, "
        f"{summary.events} events (Telework Week {week}){extra}"
    )
