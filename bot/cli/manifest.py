"""``telework-bot manifest build``: the Teams app package for the organisation's catalogue.

It reads only the app's listing (bot.core.listing: the app id, the public host, the
organisation's name, the app's names, colour and public URLs), never the bot's secret, so the
person who packages the app does not need ``MICROSOFT_APP_PASSWORD``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.wiring import SettingsSource, settings_or_exit

if TYPE_CHECKING:  # pydantic-settings and jsonschema: loaded only when a package is built
    from bot.core.listing import AppListing
    from manifest.build import Listing

PACKAGE = "telework-bot"
DEV_DEVELOPER = "telework-bot contributors"
DEV_DOMAIN = "localhost"


def package_version() -> str:
    """The installed telework-bot's version: the package's version by default."""
    from importlib.metadata import version  # reads every installed distribution: not at start

    return version(PACKAGE)


def listing_for_package(listing: AppListing, *, dev: bool) -> Listing:
    """The manifest builder's :class:`manifest.build.Listing` from the settings.

    A development package may leave the public host and the organisation's name unset: it
    then points at ``https://localhost/…`` and names the project as its developer."""
    import manifest.build  # jsonschema: loaded only when a package is built

    if dev and not listing.public_domain:
        listing = listing.model_copy(update={"public_domain": DEV_DOMAIN})
    return manifest.build.Listing(
        developer_name=listing.organisation_name or (DEV_DEVELOPER if dev else ""),
        website_url=listing.public_website_url,
        privacy_url=listing.public_privacy_url,
        terms_url=listing.public_terms_url,
        public_domain=listing.public_domain,
        accent_color=listing.accent_color,
        names={lang: listing.names(lang) for lang in ("en", "ja")},
    )


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add the ``manifest`` command group to ``cli``. Packaging reads only the listing
    settings (never the bot's secret), so ``settings`` is not used."""
    manifest_cli = typer.Typer(help="The Teams app package.", no_args_is_help=True)
    cli.add_typer(manifest_cli, name="manifest")
    manifest_cli.command("build")(manifest_build)


def manifest_build(
    out: Annotated[Path, typer.Option(help="Where to write the zip.")] = Path("telework-bot.zip"),
    app_id: Annotated[
        str | None, typer.Option(help="The bot's app id (default: MICROSOFT_APP_ID).")
    ] = None,
    domain: Annotated[
        str | None, typer.Option(help="The bot's public host (default: TELEWORK_PUBLIC_DOMAIN).")
    ] = None,
    version: Annotated[
        str | None,
        typer.Option(
            help="The package version (default: telework-bot's own version). Raise it to "
            "re-publish the same release with changed names or links."
        ),
    ] = None,
    graph_app_id: Annotated[
        str | None,
        typer.Option(
            help="The Entra app id that will install the app for people through Microsoft "
            "Graph (TeamsAppInstallation.ReadWriteSelfForUser.All): adds webApplicationInfo."
        ),
    ] = None,
    dev: Annotated[
        bool,
        typer.Option(
            "--dev",
            help="A development package for sideloading: localhost, tunnels and unset "
            "organisation names are allowed.",
        ),
    ] = False,
) -> None:
    """Build the Teams app package (manifest, Japanese localisation, icons), validated.

    Without --dev the package must point at the bot's public pages over https (not localhost
    or an example name) and name the organisation (TELEWORK_ORGANISATION_NAME)."""
    from bot.app import build_router
    from bot.core.settings import SettingsError, load_listing
    from manifest.build import ManifestError, build_manifest, write_package

    overrides = {"TELEWORK_PUBLIC_DOMAIN": domain} if domain is not None else {}
    if app_id is not None:
        overrides["MICROSOFT_APP_ID"] = app_id
    try:
        settings = load_listing(**overrides)
    except SettingsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    listing = listing_for_package(settings, dev=dev)
    router = build_router()
    try:
        manifest, localization = build_manifest(
            app_id=settings.app_id,
            version=version or package_version(),
            listing=listing,
            command_lists=router.manifest_command_lists("en"),
            command_lists_ja=router.manifest_command_lists("ja"),
            dev=dev,
            graph_app_id=graph_app_id,
        )
    except ManifestError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    files = write_package(out, manifest, localization)
    kind = "development package" if dev else "package"
    typer.echo(
        f"wrote {out} ({kind} {manifest['version']}, app id {settings.app_id}, "
        f"privacy {listing.privacy_url}; {', '.join(files)})"
    )
