"""Teams through Graph: installing the bot's app for a person, and their status note.

Installing needs ``TeamsAppInstallation.ReadWriteSelfForUser.All`` (the app installs only
itself; the package must carry ``webApplicationInfo``, see ``manifest build --graph-app-id``).
Graph answers 409 Conflict when the app is already installed: that is success. Status notes
need ``Presence.ReadWrite.All``; once Graph refuses it (403) the notes report themselves
unavailable and the option is hidden from people's settings.
"""

from __future__ import annotations

from datetime import datetime

from bot.graph.calendar import graph_time
from bot.graph.client import GraphClient, segment
from domain.m365 import InstallOutcome, InstallResult, M365Error, M365Failure


class GraphAppInstaller:
    """Implements :class:`domain.m365.AppInstaller` for the catalogue app ``teams_app_id``."""

    def __init__(self, client: GraphClient, teams_app_id: str) -> None:
        self._client = client
        self._app = teams_app_id

    async def install(self, mailbox: str) -> InstallOutcome:
        binding = f"{self._client.base_url}/appCatalogs/teamsApps/{segment(self._app)}"
        try:
            answer = await self._client.request(
                "POST",
                f"/users/{segment(mailbox)}/teamwork/installedApps",
                json={"teamsApp@odata.bind": binding},
                accept=(409,),
            )
        except M365Error as exc:
            return InstallOutcome(InstallResult.FAILED, str(exc))
        if answer.status == 409:
            return InstallOutcome(InstallResult.ALREADY)
        return InstallOutcome(InstallResult.INSTALLED)


class GraphStatusNotes:
    """Implements :class:`domain.m365.StatusNotes` (``Presence.ReadWrite.All``)."""

    def __init__(self, client: GraphClient) -> None:
        self._client = client
        self._refused = False

    @property
    def available(self) -> bool:
        return not self._refused

    async def set_note(self, mailbox: str, message: str, expires: datetime) -> None:
        body = {
            "statusMessage": {
                "message": {"content": message, "contentType": "text"},
                "expiryDateTime": graph_time(expires),
            }
        }
        try:
            await self._client.request(
                "POST", f"/users/{segment(mailbox)}/presence/setStatusMessage", json=body
            )
        except M365Error as exc:
            if exc.failure == M365Failure.PERMISSION:
                self._refused = True
            raise
