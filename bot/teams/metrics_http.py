"""``GET /metrics`` (Prometheus) behind a guard, never open on the port Teams talks to.

Two guards, either or both:

- ``TELEWORK_METRICS_PORT``: a listener of its own on ``TELEWORK_METRICS_HOST`` (loopback by
  default) that serves only ``/metrics``; the scraper runs beside the bot or on the internal
  network, and the public port has no ``/metrics`` at all;
- ``TELEWORK_METRICS_TOKEN``: ``/metrics`` answers only a request with
  ``Authorization: Bearer <token>`` (compared in constant time), on the main port and on the
  metrics listener alike.

With neither, ``/metrics`` does not exist (404) and start-up says how to turn it on.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from bot.core.metrics import BotMetrics
from bot.core.settings import Settings
from bot.teams.endpoint import local_requests_only

log = logging.getLogger(__name__)

METRICS_PORT = web.AppKey("metrics_port", int)
"""The port the metrics listener is bound to (useful with ``TELEWORK_METRICS_PORT=0``)."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def bearer_matches(request: web.Request, token: str) -> bool:
    """True when the request carries ``Authorization: Bearer <token>``."""
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


def metrics_view(metrics: BotMetrics, token: str) -> Handler:
    """The ``/metrics`` handler; with a ``token``, only for requests that carry it."""

    async def view(request: web.Request) -> web.StreamResponse:
        if token and not bearer_matches(request, token):
            return web.json_response(
                {"error": "a bearer token is required"},
                status=401,
                headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
            )
        return web.Response(body=metrics.render(), headers={"Content-Type": metrics.content_type})

    return view


def serve_metrics(app: web.Application, settings: Settings, metrics: BotMetrics) -> None:
    """Add ``/metrics`` to the main ``app`` (token only) and start the metrics listener with
    it (port only), as the settings say."""
    view = metrics_view(metrics, settings.metrics_token)
    if settings.metrics_token:
        app.router.add_get("/metrics", view)
    if settings.metrics_port is not None:
        app.cleanup_ctx.append(_listener(settings, view))
    if not settings.metrics_token and settings.metrics_port is None:
        log.info(
            "metrics are off: set TELEWORK_METRICS_PORT (a loopback listener) or "
            "TELEWORK_METRICS_TOKEN (bearer token on /metrics) to scrape them"
        )


def _listener(
    settings: Settings, view: Handler
) -> Callable[[web.Application], AsyncIterator[None]]:
    async def listen(app: web.Application) -> AsyncIterator[None]:
        # Anonymous mode binds loopback (settings) and refuses DNS-rebinding requests here too.
        middlewares = [local_requests_only] if settings.anonymous else []
        metrics_app = web.Application(middlewares=middlewares)
        metrics_app.router.add_get("/metrics", view)
        runner = web.AppRunner(metrics_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, settings.metrics_host, settings.metrics_port)
        await site.start()
        port = int(runner.addresses[0][1])
        app[METRICS_PORT] = port
        log.info("metrics on http://%s:%d/metrics", settings.metrics_host, port)
        try:
            yield
        finally:
            await runner.cleanup()

    return listen
