"""The cached clients behind botbuilder's CloudAdapter (issue 16 goal 5)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from botframework.connector.auth import AuthenticationConstants, ClaimsIdentity

from bot.teams.sdk_auth import CachingBotFrameworkAuthentication


class CountingFactory:
    def __init__(self) -> None:
        self.created: list[tuple[str, str | None]] = []

    async def create(self, service_url: str, audience: str | None = None) -> Any:
        self.created.append((service_url, audience))
        return SimpleNamespace(url=service_url, closed=False)


class Inner:
    def __init__(self) -> None:
        self.factory = CountingFactory()
        self.factories = 0

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> CountingFactory:
        self.factories += 1
        return self.factory

    async def authenticate_request(self, activity: Any, auth_header: Any) -> Any:
        """As botbuilder's anonymous authentication: a result with its own factory."""
        identity = ClaimsIdentity({}, True)
        return SimpleNamespace(claims_identity=identity, connector_factory=self.factory)


def claims(app_id: str) -> ClaimsIdentity:
    return ClaimsIdentity({AuthenticationConstants.AUDIENCE_CLAIM: app_id}, True)


async def test_one_connector_client_per_app_service_url_and_audience_serves_every_turn() -> None:
    inner = Inner()
    auth = CachingBotFrameworkAuthentication(inner)  # type: ignore[arg-type]
    first = await auth.create_connector_factory(claims("app")).create("https://a/", "aud")
    for _ in range(5):  # five more turns
        again = await auth.create_connector_factory(claims("app")).create("https://a/", "aud")
        assert again is first
    other_url = await auth.create_connector_factory(claims("app")).create("https://b/", "aud")
    other_app = await auth.create_connector_factory(claims("app2")).create("https://a/", "aud")
    assert other_url is not first and other_app is not first
    # Built three times: once per (app id, serviceUrl, audience), never again per turn.
    assert len(inner.factory.created) == 3


async def test_past_the_bound_clients_are_built_per_turn_and_not_kept() -> None:
    inner = Inner()
    auth = CachingBotFrameworkAuthentication(inner, max_clients=2)  # type: ignore[arg-type]
    for n in range(3):
        await auth.create_connector_factory(claims("app")).create(f"https://{n}/")
    await auth.create_connector_factory(claims("app")).create("https://2/")
    assert [url for url, _ in inner.factory.created] == [
        "https://0/",
        "https://1/",
        "https://2/",
        "https://2/",
    ]


async def test_the_anonymous_path_gets_the_cached_clients_too() -> None:
    """Without a validator the endpoint asks the authentication to authenticate the request;
    the factory in that result must hand out the cached client as well."""
    inner = Inner()
    auth = CachingBotFrameworkAuthentication(inner)  # type: ignore[arg-type]
    clients = []
    for _ in range(4):  # four turns
        result = await auth.authenticate_request(SimpleNamespace(), None)
        clients.append(await result.connector_factory.create("http://127.0.0.1:9/", None))
    assert all(client is clients[0] for client in clients)
    assert inner.factory.created == [("http://127.0.0.1:9/", None)]
