"""An in-process fake of the Bot Framework Connector (aiohttp on 127.0.0.1, a free port).

It records every request and every message it "accepted" (what a user would see), and misbehaves
on demand: scripted replies per conversation (429 with Retry-After in seconds or as an HTTP
date, 5xx, 412, 403, 404, accept-then-fail, a dropped connection), added latency, and an enforced
rate limit (N accepted requests in any 1 s window; beyond it 429), and storms: a share of
requests answered 429 (Retry-After 1–3 s) or 500/502/503/504 at random (seeded).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Reply:
    """One scripted answer. ``accept`` records the message as delivered despite the status."""

    status: int
    retry_after: str | None = None
    accept: bool = False
    drop: bool = False  # close the connection without an answer


OK = Reply(200)


@dataclass
class Received:
    conversation_id: str
    activity: dict[str, Any]
    authorization: str | None
    at: float


@dataclass
class FakeConnector:
    """Start with ``await fake.start()``; ``fake.url`` is the serviceUrl to use."""

    latency: float = 0.0
    rate_limit: int | None = None
    requests: list[Received] = field(default_factory=list)
    delivered: list[Received] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    created_conversations: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    status_counts: Counter[int] = field(default_factory=Counter)
    throttled_at: list[float] = field(default_factory=list)  # when each 429 was answered
    token_lifetime: int = 3600
    p429: float = 0.0  # share of requests answered 429 at random
    p5xx: float = 0.0  # share answered 500/502/503/504 at random
    seed: int = 20

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._script: dict[str, deque[Reply]] = {}
        self._default_script: deque[Reply] = deque()
        self._window: deque[float] = deque()
        self._waiters: list[tuple[int, asyncio.Event]] = []
        self._runner: web.AppRunner | None = None
        self.url = ""
        self._next_id = 0

    # --- control ----------------------------------------------------------------------------

    def script(self, conversation_id: str, *replies: Reply) -> None:
        """Answer the next requests for ``conversation_id`` with ``replies``, then 200."""
        self._script.setdefault(conversation_id, deque()).extend(replies)

    def script_any(self, *replies: Reply) -> None:
        """Answer the next requests, whatever the conversation, with ``replies``."""
        self._default_script.extend(replies)

    async def wait_delivered(self, count: int, within: float = 20.0) -> None:
        if len(self.delivered) >= count:
            return
        event = asyncio.Event()
        self._waiters.append((count, event))
        await asyncio.wait_for(event.wait(), within)

    def delivered_counts(self) -> Counter[str]:
        return Counter(r.conversation_id for r in self.delivered)

    # --- server -----------------------------------------------------------------------------

    async def start(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations/{cid}/activities", self._activity)
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_get("/v3/conversations/{cid}/pagedmembers", self._paged_members)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_get("/_stats", self._stats)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def _next_reply(self, conversation_id: str) -> Reply:
        queue = self._script.get(conversation_id)
        if queue:
            return queue.popleft()
        if self._default_script:
            return self._default_script.popleft()
        if self.p429 and self._rng.random() < self.p429:
            return Reply(429, retry_after=str(self._rng.randint(1, 3)))
        if self.p5xx and self._rng.random() < self.p5xx:
            return Reply(self._rng.choice((500, 502, 503, 504)))
        if self.rate_limit is not None:
            now = time.monotonic()
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) >= self.rate_limit:
                return Reply(429, retry_after="1")
            self._window.append(now)
        return OK

    async def _activity(self, request: web.Request) -> web.StreamResponse:
        cid = request.match_info["cid"]
        body = await request.json()
        record = Received(cid, body, request.headers.get("Authorization"), time.monotonic())
        self.requests.append(record)
        reply = self._next_reply(cid)
        if 200 <= reply.status < 300 or reply.accept:
            self.delivered.append(record)
            self._notify()
        if self.latency:
            await asyncio.sleep(self.latency)
        self.status_counts[reply.status] += 1
        if reply.drop:
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=reply.status)
        headers = {"Retry-After": reply.retry_after} if reply.retry_after else {}
        if reply.status == 429:
            self.throttled_at.append(time.monotonic())
        if 200 <= reply.status < 300:
            self._next_id += 1
            return web.json_response({"id": f"activity-{self._next_id}"}, status=reply.status)
        return web.json_response(
            {"error": {"code": "Fake", "message": f"scripted {reply.status}"}},
            status=reply.status,
            headers=headers,
        )

    def _notify(self) -> None:
        for count, event in list(self._waiters):
            if len(self.delivered) >= count:
                event.set()
                self._waiters.remove((count, event))

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "requests": len(self.requests),
                "delivered": len(self.delivered),
                "distinct": len(self.delivered_counts()),
                "status": {str(k): v for k, v in self.status_counts.items()},
            }
        )

    async def _create(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.created_conversations.append(body)
        user = body["members"][0]["id"]
        return web.json_response({"id": f"a:personal-{user}"}, status=201)

    async def _paged_members(self, request: web.Request) -> web.Response:
        size = int(request.query.get("pageSize", "500"))
        start = int(request.query.get("continuationToken", "0"))
        page: dict[str, Any] = {"members": self.members[start : start + size]}
        if start + size < len(self.members):
            page["continuationToken"] = str(start + size)
        return web.json_response(page)

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.token_requests.append({k: str(v) for k, v in form.items()})
        if form.get("client_secret") != "secret":
            return web.json_response({"error": "invalid_client"}, status=401)
        return web.json_response(
            {
                "token_type": "Bearer",
                "expires_in": self.token_lifetime,
                "access_token": f"token-{len(self.token_requests)}",
            }
        )


async def _serve(latency: float, rate_limit: int | None, p429: float, p5xx: float) -> None:
    fake = await FakeConnector(latency=latency, rate_limit=rate_limit, p429=p429, p5xx=p5xx).start()
    print(fake.url, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await fake.stop()


if __name__ == "__main__":  # a fake in its own process (bench/broadcast.py)
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--rate-limit", type=int, default=None)
    parser.add_argument("--p429", type=float, default=0.0)
    parser.add_argument("--p5xx", type=float, default=0.0)
    args = parser.parse_args()
    asyncio.run(_serve(args.latency, args.rate_limit, args.p429, args.p5xx))
