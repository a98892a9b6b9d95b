"""An in-process fake of Microsoft Graph and its token endpoint (aiohttp on 127.0.0.1).

It checks what the real service checks and what we rely on: the client-credentials form (a
secret, or a certificate's signed assertion with its thumbprint), a bearer token on every
call, the request shapes of events, getSchedule, installedApps and setStatusMessage (400 when
a field is missing or wrong, with the reason), and the permissions granted to the app (403
``Authorization_RequestDenied`` without). Unknown users get 404. ``fail_next`` scripts 429
with Retry-After, 5xx, or anything else for the next matching calls.

It keeps what a tenant would: events per mailbox, installed apps per user, status messages.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import threading
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import jwt
from aiohttp import web

TENANT = "00000000-0000-4000-8000-00000000ten7"
CLIENT_ID = "11111111-1111-4111-8111-111111111111"
SECRET = "fake-graph-secret"
CATALOGUE_APP = "22222222-2222-4222-8222-222222222222"
ALL_PERMISSIONS = frozenset(
    {
        "Calendars.ReadWrite",
        "Calendars.ReadBasic",
        "TeamsAppInstallation.ReadWriteSelfForUser.All",
        "Presence.ReadWrite.All",
    }
)
SCHEDULES_LIMIT = 20
Served = TypeVar("Served", bound=Any)
BUSY_KINDS = frozenset({"free", "tentative", "busy", "oof", "workingElsewhere"})


@dataclass(frozen=True)
class Failure:
    status: int
    retry_after: str | None = None
    code: str = "TooManyRequests"


@dataclass
class User:
    id: str
    upn: str
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    apps: set[str] = field(default_factory=set)
    status: dict[str, Any] | None = None
    busy: list[tuple[datetime, datetime, str]] = field(default_factory=list)


@dataclass
class Call:
    method: str
    path: str
    body: Any
    status: int


def _error(status: int, code: str, message: str, **headers: str) -> web.Response:
    return web.json_response(
        {"error": {"code": code, "message": message}}, status=status, headers=headers
    )


def _utc(value: Any, what: str) -> datetime:
    if not isinstance(value, dict) or set(value) != {"dateTime", "timeZone"}:
        raise ValueError(f"{what} must be a dateTimeTimeZone")
    if value["timeZone"] != "UTC":
        raise ValueError(f"{what}: this fake expects UTC")
    return datetime.fromisoformat(value["dateTime"]).replace(tzinfo=UTC)


@dataclass
class FakeGraph:
    """``await fake.start()``; then ``fake.base_url`` and ``fake.token_url`` are its addresses."""

    permissions: set[str] = field(default_factory=lambda: set(ALL_PERMISSIONS))
    certificate_pem: bytes | None = None  # the public certificate when the app uses one
    token_lifetime: int = 3600
    calls: list[Call] = field(default_factory=list)
    tokens_issued: int = 0

    def __post_init__(self) -> None:
        self.users: dict[str, User] = {}
        self._failures: list[tuple[re.Pattern[str], deque[Failure]]] = []
        self._tokens: set[str] = set()
        self._transactions: dict[str, str] = {}
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.token_url = ""

    # --- control ----------------------------------------------------------------------------

    def add_user(self, upn: str, object_id: str | None = None) -> User:
        user = User(object_id or str(uuid.uuid4()), upn)
        self.users[user.id.lower()] = user
        self.users[upn.lower()] = user
        return user

    def user(self, key: str) -> User:
        return self.users[key.lower()]

    def fail_next(self, pattern: str, *failures: Failure) -> None:
        """The next calls whose ``METHOD path`` matches ``pattern`` get ``failures``."""
        self._failures.append((re.compile(pattern), deque(failures)))

    def events(self) -> list[dict[str, Any]]:
        seen = {id(u): u for u in self.users.values()}
        return [e for u in seen.values() for e in u.events.values()]

    def graph_calls(self, pattern: str) -> list[Call]:
        return [c for c in self.calls if re.search(pattern, f"{c.method} {c.path}")]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(f"/{TENANT}/oauth2/v2.0/token", self._token)
        app.router.add_route("*", "/v1.0/{tail:.*}", self._graph)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        root = f"http://127.0.0.1:{port}"
        self.base_url = f"{root}/v1.0"
        self.token_url = f"{root}/{TENANT}/oauth2/v2.0/token"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def settings(self, features: str, **more: Any) -> dict[str, Any]:
        """Settings overrides pointing the bot at this fake (secret credential)."""
        values = {
            "TELEWORK_GRAPH_FEATURES": features,
            "TELEWORK_GRAPH_TENANT_ID": TENANT,
            "TELEWORK_GRAPH_CLIENT_ID": CLIENT_ID,
            "TELEWORK_GRAPH_CLIENT_SECRET": SECRET,
            "TELEWORK_GRAPH_TEAMS_APP_ID": CATALOGUE_APP,
            "TELEWORK_GRAPH_BASE_URL": self.base_url,
            "TELEWORK_GRAPH_TOKEN_URL": self.token_url,
        }
        values.update(more)
        return values

    # --- the token endpoint -----------------------------------------------------------------

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        if form.get("grant_type") != "client_credentials" or form.get("client_id") != CLIENT_ID:
            return web.json_response({"error": "invalid_client"}, status=400)
        scope = str(form.get("scope", ""))
        if scope != self.base_url.removesuffix("/v1.0") + "/.default":
            return web.json_response({"error": "invalid_scope"}, status=400)
        if "client_secret" in form:
            if form["client_secret"] != SECRET or self.certificate_pem is not None:
                return web.json_response({"error": "invalid_client"}, status=401)
        elif not self._assertion_ok(form):
            return web.json_response({"error": "invalid_client"}, status=401)
        token = uuid.uuid4().hex
        self._tokens.add(token)
        self.tokens_issued += 1
        return web.json_response(
            {"token_type": "Bearer", "expires_in": self.token_lifetime, "access_token": token}
        )

    def _assertion_ok(self, form: dict[str, Any]) -> bool:
        from cryptography import x509

        if self.certificate_pem is None:
            return False
        if form.get("client_assertion_type") != (
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        ):
            return False
        assertion = str(form.get("client_assertion", ""))
        certificate = x509.load_pem_x509_certificate(self.certificate_pem)
        try:
            header = jwt.get_unverified_header(assertion)
            claims = jwt.decode(
                assertion,
                certificate.public_key(),  # type: ignore[arg-type]
                algorithms=["RS256"],
                audience=self.token_url,
                issuer=CLIENT_ID,
            )
        except jwt.PyJWTError:
            return False
        return bool(header.get("x5t#S256")) and claims.get("sub") == CLIENT_ID

    # --- Graph ------------------------------------------------------------------------------

    async def _graph(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            try:
                body = await request.json()
            except ValueError:
                return self._record(request, path, body, _error(400, "BadRequest", "not JSON"))
        return self._record(request, path, body, await self._answer(request, path, body))

    def _record(
        self, request: web.Request, path: str, body: Any, response: web.Response
    ) -> web.Response:
        self.calls.append(Call(request.method, path, body, response.status))
        return response

    async def _answer(self, request: web.Request, path: str, body: Any) -> web.Response:
        bearer = request.headers.get("Authorization", "")
        if not bearer.startswith("Bearer ") or bearer[7:] not in self._tokens:
            return _error(401, "InvalidAuthenticationToken", "no valid token")
        for pattern, failures in self._failures:
            if failures and pattern.search(f"{request.method} {path}"):
                failure = failures.popleft()
                headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
                return _error(failure.status, failure.code, "scripted", **headers)
        match = re.fullmatch(r"/users/([^/]+)(/.*)", path)
        if match is None:
            return _error(404, "BadRequest", "unknown resource")
        user = self.users.get(match[1].lower())
        rest = match[2]
        if user is None:
            return _error(404, "ResourceNotFound", f"user {match[1]} not found")
        try:
            return self._route(request.method, user, rest, body, request.query)
        except ValueError as exc:
            return _error(400, "BadRequest", str(exc))

    def _need(self, *permissions: str) -> web.Response | None:
        if any(p in self.permissions for p in permissions):
            return None
        return _error(403, "Authorization_RequestDenied", "Insufficient privileges")

    def _route(self, method: str, user: User, rest: str, body: Any, query: Any) -> web.Response:
        if method == "POST" and rest == "/events":
            return self._need("Calendars.ReadWrite") or self._create_event(user, body)
        if method == "GET" and rest == "/calendar/events":
            return self._need("Calendars.ReadWrite") or web.json_response(
                {"value": [{"id": e["id"]} for e in user.events.values()][:1]}
            )
        found = re.fullmatch(r"/events/([^/]+)(/cancel)?", rest)
        if found is not None:
            refused = self._need("Calendars.ReadWrite")
            if refused:
                return refused
            event = user.events.get(found[1])
            if event is None:
                return _error(404, "ErrorItemNotFound", "no such event")
            if method == "PATCH" and found[2] is None:
                return self._update_event(event, body)
            if method == "POST" and found[2]:
                if set(body or {}) != {"comment"}:
                    raise ValueError("cancel takes {comment}")
                event["isCancelled"] = True
                return web.Response(status=202)
        if method == "POST" and rest == "/calendar/getSchedule":
            refused = self._need("Calendars.ReadBasic", "Calendars.ReadWrite")
            return refused or self._schedule(body)
        if rest == "/teamwork/installedApps":
            refused = self._need("TeamsAppInstallation.ReadWriteSelfForUser.All")
            if refused:
                return refused
            if method == "GET":
                return web.json_response({"value": [{"id": a} for a in sorted(user.apps)]})
            if method == "POST":
                return self._install(user, body)
        if rest == "/presence" and method == "GET":
            return self._need("Presence.ReadWrite.All") or web.json_response(
                {"id": user.id, "availability": "Available"}
            )
        if method == "POST" and rest == "/presence/setStatusMessage":
            return self._need("Presence.ReadWrite.All") or self._status(user, body)
        return _error(404, "BadRequest", f"{method} {rest} is not faked")

    def _event_fields(self, body: Any, *, create: bool) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise ValueError("an event is a JSON object")
        if not isinstance(body.get("subject"), str) or not body["subject"]:
            raise ValueError("subject is required")
        start, end = _utc(body.get("start"), "start"), _utc(body.get("end"), "end")
        if not start < end:
            raise ValueError("start must be before end")
        attendees = body.get("attendees")
        if not isinstance(attendees, list):
            raise ValueError("attendees must be a list")
        for attendee in attendees:
            address = (attendee.get("emailAddress") or {}).get("address")
            if not address or "@" not in address or attendee.get("type") != "required":
                raise ValueError("each attendee needs emailAddress.address and type")
        if create:
            if body.get("isOnlineMeeting") is not True:
                raise ValueError("isOnlineMeeting must be true")
            if body.get("onlineMeetingProvider") != "teamsForBusiness":
                raise ValueError("onlineMeetingProvider must be teamsForBusiness")
            if not body.get("transactionId"):
                raise ValueError("this client always sends a transactionId")
        elif {"onlineMeetingProvider", "transactionId"} & set(body):
            raise ValueError("an update does not change the online meeting or the transaction")
        return {**body, "startUtc": start, "endUtc": end}

    def _create_event(self, user: User, body: Any) -> web.Response:
        fields = self._event_fields(body, create=True)
        known = self._transactions.get(fields["transactionId"])
        if known is not None and known in user.events:
            return web.json_response(self._shown(user.events[known]), status=201)
        event_id = f"AAMk{next(self._ids):04d}"
        join = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{event_id}%40thread.v2/0"
        event = {**fields, "id": event_id, "joinUrl": join, "isCancelled": False, "changes": 0}
        user.events[event_id] = event
        self._transactions[fields["transactionId"]] = event_id
        return web.json_response(self._shown(event), status=201)

    def _update_event(self, event: dict[str, Any], body: Any) -> web.Response:
        fields = self._event_fields(body, create=False)
        fields.pop("transactionId", None)
        event.update(fields)
        event["changes"] += 1
        return web.json_response(self._shown(event))

    @staticmethod
    def _shown(event: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": event["id"],
            "subject": event["subject"],
            "isOnlineMeeting": True,
            "onlineMeeting": {"joinUrl": event["joinUrl"]},
        }

    def _schedule(self, body: Any) -> web.Response:
        if not isinstance(body, dict) or not isinstance(body.get("schedules"), list):
            raise ValueError("schedules is required")
        schedules = body["schedules"]
        if not schedules or len(schedules) > SCHEDULES_LIMIT:
            raise ValueError(f"between 1 and {SCHEDULES_LIMIT} schedules")
        start, end = _utc(body.get("startTime"), "startTime"), _utc(body.get("endTime"), "endTime")
        if not start < end or end - start > timedelta(days=62):
            raise ValueError("the window must be positive and at most 62 days")
        values = []
        for address in schedules:
            who = self.users.get(str(address).lower())
            if who is None:
                values.append(
                    {"scheduleId": address, "error": {"responseCode": "ErrorMailRecipientNotFound"}}
                )
                continue
            items = [
                {
                    "status": kind,
                    "start": {
                        "dateTime": f"{s.replace(tzinfo=None).isoformat()}.0000000",
                        "timeZone": "UTC",
                    },
                    "end": {
                        "dateTime": f"{e.replace(tzinfo=None).isoformat()}.0000000",
                        "timeZone": "UTC",
                    },
                }
                for s, e, kind in who.busy
                if s < end and start < e
            ]
            values.append({"scheduleId": address, "scheduleItems": items})
        return web.json_response({"value": values})

    def _install(self, user: User, body: Any) -> web.Response:
        expected = f"{self.base_url}/appCatalogs/teamsApps/{CATALOGUE_APP}"
        if not isinstance(body, dict) or set(body) != {"teamsApp@odata.bind"}:
            raise ValueError("the body is {teamsApp@odata.bind}")
        if body["teamsApp@odata.bind"] != expected:
            return _error(404, "NotFound", "no such app in the catalogue")
        if CATALOGUE_APP in user.apps:
            return _error(409, "Conflict", "App is already installed.")
        user.apps.add(CATALOGUE_APP)
        return web.Response(status=201)

    def _status(self, user: User, body: Any) -> web.Response:
        status = (body or {}).get("statusMessage") if isinstance(body, dict) else None
        message = (status or {}).get("message") or {}
        if not message.get("content") or message.get("contentType") != "text":
            raise ValueError("statusMessage.message needs content and contentType text")
        expiry = _utc(status.get("expiryDateTime"), "expiryDateTime")
        user.status = {"message": message["content"], "expires": expiry}
        return web.Response(status=200)


@contextmanager
def served_in_thread(fake: Served) -> Iterator[Served]:
    """Run a fake server (this one, the fake connector) on a loop of its own, for
    command-line tests, which run their own loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(10)
    try:
        yield fake
    finally:
        stop = getattr(fake, "close", None) or fake.stop
        asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def self_signed_certificate() -> tuple[bytes, bytes]:
    """(a PEM file with the private key and its certificate, the certificate alone)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "telework-bot test")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return key_pem + cert_pem, cert_pem
