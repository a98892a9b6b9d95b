"""``telework-bot teams install|unreachable``: reach every rostered employee (issue 17 item 3).

``install`` installs the bot's Teams app for active staff through Microsoft Graph (the
``install`` feature of ``TELEWORK_GRAPH_FEATURES``). Each new install makes Teams open the
person's 1:1 chat with the bot and send the bot an install event, which the running bot
records (the conversation reference) and answers with its welcome card: from then on
proactive messages reach them. ``unreachable`` lists 「届かない職員」: active staff the bot
still cannot message 1:1, with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import SettingsSource, fail, open_application, run, settings_or_exit

if TYPE_CHECKING:
    from bot.app import Application
    from bot.core.settings import Settings
    from domain.org import StaffMember

CONCURRENCY = 4  # Graph throttles installs per tenant; retries honour Retry-After


def _actor() -> str:
    import getpass

    return f"cli:{getpass.getuser()}"


async def _targets(application: Application, section: str | None) -> list[StaffMember]:
    directory = application.services.directory
    staff = await directory.staff(active_only=True)
    if section is None:
        return sorted(staff.values(), key=lambda m: m.employee_id)
    chart = await directory.chart()
    if section not in chart:
        fail(f"--section: no unit {section!r} in the roster")
    chosen = []
    for member in staff.values():
        unit = chart.section_of(member.org_unit) if member.org_unit in chart else None
        if unit is not None and unit.code == section:
            chosen.append(member)
    return sorted(chosen, key=lambda m: m.employee_id)


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``teams`` group."""
    app = typer.Typer(name="teams", help="Reach every rostered employee in Teams.")
    cli.add_typer(app, name="teams")

    @app.command("install")
    def install(
        everyone: Annotated[bool, typer.Option("--all", help="Every active staff member.")] = False,
        section: Annotated[
            str | None, typer.Option("--section", help="Only this section (its unit code).")
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="List who would be installed; call nothing.")
        ] = False,
    ) -> None:
        """Install the app for active staff through Microsoft Graph (already installed is
        fine); one line per person; exit 1 if any failed."""
        if everyone == (section is not None):
            fail("choose --all or --section CODE")
        from bot.core.graph_settings import GraphFeature

        configured = settings()
        if not dry_run and GraphFeature.INSTALL not in configured.graph_features:
            fail("the install feature is off: add install to TELEWORK_GRAPH_FEATURES")
        failed = run(_install(configured, section, dry_run=dry_run))
        if failed:
            raise typer.Exit(1)

    @app.command("unreachable")
    def unreachable() -> None:
        """「届かない職員」: active staff the bot cannot message 1:1, with the reason."""
        from domain.reach import StaffReach

        async def show() -> None:
            async with open_application(settings()) as application:
                reach = application.services.get(StaffReach)  # type: ignore[type-abstract]
                people = await reach.unreachable()
            for person in people:
                detail = f" ({person.detail})" if person.detail else ""
                typer.echo(
                    f"{person.employee_id}\t{person.name}\t{person.org_unit}\t"
                    f"{person.reason.value}{detail}"
                )
            typer.echo(f"{len(people)} active staff cannot be reached")

        run(show())


async def _open_chats(configured: Settings, application: Application, ids: list[str]) -> int:
    """Open the 1:1 chat of those known in Teams who have none yet (the install event of
    someone who had the app already will not come again). One line per chat tried."""
    import aiohttp

    from bot.teams.proactive import teams_connector
    from bot.teams.team_install import open_personal_chat
    from domain.reach import StaffReach

    reach = application.services.get(StaffReach)  # type: ignore[type-abstract]
    chats = await reach.chats_to_open(ids)
    if not chats:
        return 0
    opened = 0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as http:
        connector = teams_connector(configured, http)
        for chat in chats:
            done = await open_personal_chat(
                connector,
                application.turns,
                chat.user,
                service_url=chat.service_url,
                bot_id=chat.bot_id,
                bot_name=chat.bot_name,
            )
            opened += done
            state = "chat opened" if done else "chat not opened (Teams refused or failed)"
            typer.echo(f"{chat.employee_id}\t{state}")
    return opened


async def _install(configured: Settings, section: str | None, *, dry_run: bool) -> int:
    import asyncio

    from domain.m365 import InstallOutcome, InstallResult, mailbox_of

    async with open_application(configured) as application:
        people = await _targets(application, section)
        if dry_run:
            for member in people:
                typer.echo(
                    f"{member.employee_id}\t{member.name}\t{mailbox_of(member)}\twould install"
                )
            typer.echo(f"{len(people)} staff would be installed (dry run: nothing was called)")
            return 0
        graph = application.m365  # closed with the application
        assert graph is not None and graph.installer is not None
        installer = graph.installer
        slots = asyncio.Semaphore(CONCURRENCY)

        async def one(member: StaffMember) -> InstallOutcome:
            async with slots:
                return await installer.install(mailbox_of(member))

        outcomes = await asyncio.gather(*(one(member) for member in people))
        counts = dict.fromkeys(InstallResult, 0)
        for member, outcome in zip(people, outcomes, strict=True):
            counts[outcome.result] += 1
            reason = f"\t{outcome.reason}" if outcome.reason else ""
            typer.echo(f"{member.employee_id}\t{member.name}\t{outcome.result.value}{reason}")
        summary = ", ".join(f"{result.value} {counts[result]}" for result in InstallResult)
        typer.echo(f"{len(people)} staff: {summary}")
        have_app = [
            m.employee_id
            for m, outcome in zip(people, outcomes, strict=True)
            if outcome.result != InstallResult.FAILED
        ]
        opened = await _open_chats(configured, application, have_app)
        typer.echo(
            f"1:1 chats opened now: {opened}. Teams opens the others' chats as it tells the "
            "bot about each new install; `telework-bot teams unreachable` lists who is "
            "still missing."
        )
        await application.events.append(
            actor=_actor(),
            kind="teams.install",
            subject=section or "all",
            payload={result.value: counts[result] for result in InstallResult},
        )
        return counts[InstallResult.FAILED]
