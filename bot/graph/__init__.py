"""The Microsoft Graph adapter (issue 17): implements the ports of ``domain.m365`` with a small
aiohttp client. Only the composition root (``bot.app``) and the command line import it;
features reach Microsoft 365 through the ports (import-linter enforces this).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.graph_settings import GraphFeature, GraphSettings
from bot.graph.calendar import GraphFreeBusy, GraphMeetingCalendar
from bot.graph.client import GraphClient, Sleep, graph_scope
from bot.graph.teamwork import GraphAppInstaller, GraphStatusNotes
from bot.graph.token import AppCredential, Certificate


@dataclass
class Microsoft365:
    """The Graph client and one adapter per feature switched on (None for the others)."""

    client: GraphClient
    features: frozenset[GraphFeature]
    calendar: GraphMeetingCalendar | None
    free_busy: GraphFreeBusy | None
    installer: GraphAppInstaller | None
    status: GraphStatusNotes | None

    async def close(self) -> None:
        await self.client.close()


def credential_of(settings: GraphSettings) -> AppCredential:
    """The app's credential (reads the certificate file, if one is configured)."""
    certificate = None
    if settings.graph_certificate_file is not None:
        certificate = Certificate.load(
            settings.graph_certificate_file, settings.graph_certificate_password
        )
    return AppCredential(
        token_url=settings.graph_token_endpoint,
        client_id=settings.graph_client_id,
        scope=graph_scope(settings.graph_base_url),
        secret=settings.graph_client_secret,
        certificate=certificate,
    )


def connect(settings: GraphSettings, *, sleep: Sleep | None = None) -> Microsoft365 | None:
    """The adapters for ``TELEWORK_GRAPH_FEATURES`` (None when it is empty). No I/O but
    reading the certificate file: the HTTP session opens on the first call."""
    features = settings.graph_features
    if not features:
        return None
    credential = credential_of(settings)
    client = (
        GraphClient(settings.graph_base_url, credential)
        if sleep is None
        else GraphClient(settings.graph_base_url, credential, sleep=sleep)
    )
    return Microsoft365(
        client=client,
        features=features,
        calendar=GraphMeetingCalendar(client) if GraphFeature.MEETINGS in features else None,
        free_busy=GraphFreeBusy(client) if GraphFeature.FREEBUSY in features else None,
        installer=(
            GraphAppInstaller(client, settings.graph_teams_app_id)
            if GraphFeature.INSTALL in features
            else None
        ),
        status=GraphStatusNotes(client) if GraphFeature.STATUS in features else None,
    )
