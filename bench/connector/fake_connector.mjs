#!/usr/bin/env node
// An independent fake Bot Framework Connector for measuring `telework-bot serve` from outside.
//
// Written for Node.js (>= 18, no packages) so that it shares no code with the bot, its tests or
// its Python libraries: it only speaks HTTP. It enforces a rate limit the way Teams does (at most
// --limit accepted requests in any sliding second; beyond it 429 with Retry-After), answers after
// --latency seconds, and counts what arrived, per conversation and per distinct activity, so a
// bench can tell delivered, duplicated and throttled messages apart.
//
//   node bench/connector/fake_connector.mjs --limit 50 --latency 0.08 [--port 0] [--require-token]
//
// The first line on stdout is the base URL (http://127.0.0.1:<port>), the bot's serviceUrl.
// Endpoints (the ones the bot calls for proactive sends and replies):
//   POST /v3/conversations/{id}/activities            send to a conversation (rate-limited)
//   POST /v3/conversations/{id}/activities/{replyTo}  reply in a turn (rate-limited)
//   POST /v3/conversations                            create a 1:1 conversation
//   GET  /v3/conversations/{id}/pagedmembers          members (none)
//   POST /{tenant}/oauth2/v2.0/token                  client-credentials token
//   GET  /_stats[?conversations=1]                    counters as JSON (and per-conversation counts)
//   POST /_reset                                      zero the counters
// With --require-token an activity without a Bearer token this server issued gets 401.

import http from "node:http";
import crypto from "node:crypto";

function options(argv) {
  const out = { port: 0, limit: 50, latency: 0, requireToken: false, host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    if (name === "--port") out.port = Number(value());
    else if (name === "--host") out.host = value();
    else if (name === "--limit") out.limit = Number(value());
    else if (name === "--latency") out.latency = Number(value());
    else if (name === "--require-token") out.requireToken = true;
    else throw new Error(`unknown option ${name}`);
  }
  if (!(out.limit >= 0) || !(out.latency >= 0)) throw new Error("--limit and --latency: >= 0");
  return out;
}

const opts = options(process.argv.slice(2));

function freshStats() {
  return {
    requests: 0, // activity posts (sends and replies)
    status: {}, // HTTP status -> count, activity posts only
    delivered: 0, // activity posts answered 2xx
    distinct: 0, // distinct (conversation, activity body) among them
    duplicates: 0, // delivered - distinct
    conversations: new Map(), // conversation id -> delivered count
    seen: new Set(), // conversation id + body digest
    firstAccepted: null, // ms since start
    lastAccepted: null,
    maxInOneSecond: 0, // the most accepted in any sliding second (checks the limiter)
    tokens: 0,
    unauthorized: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
}

let stats = freshStats();
const issuedTokens = new Set();
const started = process.hrtime.bigint();
const startedEpochMs = Date.now();
const nowMs = () => Number(process.hrtime.bigint() - started) / 1e6;
const epoch = (ms) => (startedEpochMs + ms) / 1000; // seconds since 1970, for a bench's clock

// Accepted requests' times within the last second: a ring buffer in order of acceptance.
let window = [];
let head = 0;
function admit() {
  if (opts.limit === 0) return { ok: true };
  const now = nowMs();
  while (head < window.length && window[head] <= now - 1000) head++;
  if (head > 4096) {
    window = window.slice(head);
    head = 0;
  }
  const inWindow = window.length - head;
  if (inWindow >= opts.limit) {
    const freesIn = (window[head] + 1000 - now) / 1000;
    return { ok: false, retryAfter: Math.max(1, Math.ceil(freesIn)) };
  }
  window.push(now);
  stats.maxInOneSecond = Math.max(stats.maxInOneSecond, inWindow + 1);
  return { ok: true };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res, status, body, headers = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
}

const later = (seconds) => new Promise((r) => setTimeout(r, seconds * 1000));

function statsJson(withConversations) {
  const perConversation = {};
  let moreThanOnce = 0;
  for (const [id, n] of stats.conversations) {
    if (n > 1) moreThanOnce++;
    if (withConversations) perConversation[id] = n;
  }
  const out = {
    requests: stats.requests,
    status: stats.status,
    delivered: stats.delivered,
    distinct: stats.distinct,
    duplicates: stats.duplicates,
    conversations_reached: stats.conversations.size,
    conversations_more_than_once: moreThanOnce,
    first_accepted_s: stats.firstAccepted === null ? null : stats.firstAccepted / 1000,
    last_accepted_s: stats.lastAccepted === null ? null : stats.lastAccepted / 1000,
    first_accepted_epoch_s: stats.firstAccepted === null ? null : epoch(stats.firstAccepted),
    last_accepted_epoch_s: stats.lastAccepted === null ? null : epoch(stats.lastAccepted),
    max_in_one_second: stats.maxInOneSecond,
    max_in_flight: stats.maxInFlight,
    in_flight: stats.inFlight,
    tokens_issued: stats.tokens,
    unauthorized: stats.unauthorized,
    limit: opts.limit,
    latency_s: opts.latency,
  };
  if (withConversations) out.per_conversation = perConversation;
  return out;
}

async function activity(req, res, conversationId) {
  stats.requests++;
  stats.inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  try {
    const raw = await readBody(req);
    let status = 201;
    let headers = {};
    let reply = null;
    const auth = req.headers.authorization || "";
    if (opts.requireToken && !issuedTokens.has(auth.replace(/^Bearer /, ""))) {
      status = 401;
      stats.unauthorized++;
      reply = { error: { code: "Unauthorized" } };
    } else {
      let body;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        body = null;
      }
      if (body === null || typeof body !== "object") {
        status = 400;
        reply = { error: { code: "BadArgument", message: "body is not a JSON object" } };
      } else {
        const verdict = admit();
        if (!verdict.ok) {
          status = 429;
          headers = { "Retry-After": String(verdict.retryAfter) };
          reply = { error: { code: "Throttled", message: "Too many requests" } };
        } else {
          const now = nowMs();
          if (stats.firstAccepted === null) stats.firstAccepted = now;
          stats.lastAccepted = now;
          stats.delivered++;
          stats.conversations.set(conversationId, (stats.conversations.get(conversationId) || 0) + 1);
          const digest = crypto.createHash("sha1").update(conversationId).update("\0").update(raw).digest("hex");
          if (stats.seen.has(digest)) stats.duplicates++;
          else {
            stats.seen.add(digest);
            stats.distinct++;
          }
          reply = { id: `activity-${stats.delivered}` };
        }
      }
    }
    if (opts.latency > 0) await later(opts.latency);
    stats.status[status] = (stats.status[status] || 0) + 1;
    send(res, status, reply, headers);
  } finally {
    stats.inFlight--;
  }
}

async function token(req, res) {
  await readBody(req);
  const value = crypto.randomBytes(18).toString("hex");
  issuedTokens.add(value);
  stats.tokens++;
  send(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: value });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://fake");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (req.method === "GET" && url.pathname === "/_stats") {
      return send(res, 200, statsJson(url.searchParams.get("conversations") === "1"));
    }
    if (req.method === "POST" && url.pathname === "/_reset") {
      stats = freshStats();
      window = [];
      head = 0;
      return send(res, 200, { ok: true });
    }
    if (req.method === "POST" && parts.length === 4 && parts[1] === "oauth2" && parts[3] === "token") {
      return await token(req, res);
    }
    if (parts[0] === "v3" && parts[1] === "conversations") {
      if (req.method === "POST" && parts.length === 2) {
        await readBody(req);
        return send(res, 201, { id: `a:conv-${crypto.randomBytes(6).toString("hex")}` });
      }
      if (req.method === "GET" && parts.length === 4 && parts[3] === "pagedmembers") {
        return send(res, 200, { members: [] });
      }
      if (req.method === "POST" && (parts.length === 4 || parts.length === 5) && parts[3] === "activities") {
        return await activity(req, res, parts[2]);
      }
    }
    await readBody(req);
    send(res, 404, { error: { code: "NotFound", message: `${req.method} ${url.pathname}` } });
  } catch (err) {
    if (!res.headersSent) send(res, 500, { error: { code: "InternalError", message: String(err) } });
  }
});

server.keepAliveTimeout = 60_000;
server.listen(opts.port, opts.host, () => {
  const { port } = server.address();
  process.stdout.write(`http://${opts.host}:${port}\n`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
