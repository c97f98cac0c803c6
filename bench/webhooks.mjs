// Webhook delivery, by hand (bench/webhooks.sh starts it): a receiver in this process (node:http on
// loopback, checking every signature) and the packaged service, measured against three targets:
//   latency  With a healthy receiver, listing writes offered at BENCH_WH_RATE (100) a second for
//            BENCH_WH_SECONDS (10) with at most BENCH_WH_CONNECTIONS (8) in flight (the service takes
//            one write at a time: more in flight would only queue, and answer 503 after 10 s), first
//            the creation of 100 listings and then merge patches of them in turn: from each write's
//            commit (the listing's updatedAt in the write's answer, the service's clock, which is this
//            machine's) to the receipt of its event, p99 under 1 s; after BENCH_WH_WARMUP (10) seconds
//            of the same writes, not measured (JIT, pools). Once per database of BENCH_WH_LATENCY_DBS
//            (h2 postgresql).
//   crash    PostgreSQL: the same writes for BENCH_WH_CRASH_SECONDS (5) to one instance, whose receiver
//            answers after BENCH_WH_CRASH_DELAY_MS (20) so that deliveries are still going out when
//            the writes end; then kill -9 of that instance and a restart on the same database. Every
//            event must be received at least once.
//   pair     PostgreSQL: two instances on one database, both delivering, the writes alternating between
//            them: no webhook-id may be received twice when neither crashes. Each instance's count of
//            deliveries (its Prometheus counter) shows that both took part.
// Every write answered 2xx is one event, so the writes are the expected set. An event is known by its
// `sequence`: a delivery's body is fixed when the event is fanned out, with the listing as it is then,
// which can be a later version than its write's. The writes to one listing go one after the other, so
// its n-th write is the n-th sequence received for it. The service's delivery log (GET
// /api/webhooks/{id}/deliveries) is compared with what arrived, too.
// Prints one JSON line per measurement and a markdown table; exits 1 when a request failed, a
// signature did not verify, an event was lost or the log says delivered what never arrived (a missed
// latency or duplicate target is reported only).
//   node bench/webhooks.mjs     (settings from the environment, see bench/webhooks.sh)
import { spawn, execFileSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = process.env;
const h2App = env.BENCH_H2_APP ?? "/tmp/bench-h2-app";
const pgApp = env.BENCH_PG_APP ?? "/tmp/bench-pg-app";
const pg = { host: env.BENCH_PG_HOST ?? "127.0.0.1", port: env.BENCH_PG_PORT ?? "5432", user: env.BENCH_PG_USER ?? "postgres", db: "directory_bench_wh" };
const rate = Number(env.BENCH_WH_RATE ?? 100);
const connections = Number(env.BENCH_WH_CONNECTIONS ?? 8);
const seconds = Number(env.BENCH_WH_SECONDS ?? 10);
const warmup = Number(env.BENCH_WH_WARMUP ?? 10);
const crashSeconds = Number(env.BENCH_WH_CRASH_SECONDS ?? 5);
const crashDelayMs = Number(env.BENCH_WH_CRASH_DELAY_MS ?? 20);
const latencyDbs = (env.BENCH_WH_LATENCY_DBS ?? "h2 postgresql").split(" ").filter(Boolean);
const scenarios = (env.BENCH_WH_SCENARIOS ?? "latency crash pair").split(" ").filter(Boolean);
const heap = env.BENCH_HEAP ?? "256m";
const LISTINGS = 100;
const TARGET_P99_MS = 1000;
// A delivery in flight when its instance died may only be retried after its claim runs out: generous.
const DRAIN_MS = Number(env.BENCH_WH_DRAIN_SECONDS ?? 120) * 1000;
const out = env.BENCH_OUT ?? mkdtempSync(join(tmpdir(), "bench-webhooks-"));
mkdirSync(out, { recursive: true });

const curatorKey = `bench-curator-${randomBytes(8).toString("hex")}`;
const curatorHash = createHash("sha256").update(curatorKey).digest("hex");
const EVENTS = ["listing.created", "listing.updated", "listing.closed", "listing.deleted"];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => console.error(`[webhooks ${new Date().toISOString().slice(11, 19)}] ${message}`);
const freePort = () => new Promise((resolve) => {
  const server = createNetServer().listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

// --- the receiver ---------------------------------------------------------------------------------

/** A receiver for one measurement: keeps the first receipt of each event (by sequence) and counts every webhook-id. */
class Receiver {
  constructor() {
    this.delayMs = 0;
    this.secret = "";
    this.reset();
    this.idCounts = new Map(); // webhook-id -> receipts
    this.requests = 0;
    this.badSignatures = 0;
    this.unparsable = 0;
    this.server = createHttpServer((request, response) => {
      const chunks = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", () => {
        this.take(request.headers, Buffer.concat(chunks), Date.now());
        const answer = () => response.writeHead(204).end();
        if (this.delayMs > 0) setTimeout(answer, this.delayMs); else answer();
      });
    });
  }

  /** Forgets the events that arrived so far (after a warm-up); webhook-ids are still counted, for the delivery log. */
  reset() {
    this.events = new Map(); // sequence -> { listingId, version, firstAt, ids }
  }

  async listen() {
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}/hook`;
  }

  take(headers, body, at) {
    this.requests++;
    const id = headers["webhook-id"];
    if (!this.verifies(headers, body)) {
      this.badSignatures++;
      return;
    }
    this.idCounts.set(id, (this.idCounts.get(id) ?? 0) + 1);
    let payload;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      this.unparsable++;
      return;
    }
    if (!EVENTS.includes(payload.type)) return; // webhook.ping and the like
    const event = this.events.get(payload.sequence) ?? { listingId: payload.data?.id, version: payload.data?.listing?.version, firstAt: at, ids: new Set() };
    event.ids.add(id);
    this.events.set(payload.sequence, event);
  }

  // The Standard Webhooks signature: v1,base64(HMAC-SHA256(secret, "id.timestamp.body")), any of them.
  verifies(headers, body) {
    if (!this.secret || !headers["webhook-id"] || !headers["webhook-timestamp"]) return false;
    const key = Buffer.from(this.secret.replace(/^whsec_/, ""), "base64");
    const signed = createHmac("sha256", key).update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`).update(body).digest("base64");
    return (headers["webhook-signature"] ?? "").split(" ").includes(`v1,${signed}`);
  }

  /** The sequences received for each listing, in order. */
  byListing() {
    const found = new Map();
    for (const [sequence, event] of this.events) found.set(event.listingId, [...(found.get(event.listingId) ?? []), sequence]);
    for (const sequences of found.values()) sequences.sort((a, b) => a - b);
    return found;
  }

  close() {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(resolve));
  }
}

// --- instances of the service ---------------------------------------------------------------------

function psql(sql) {
  execFileSync("psql", ["-h", pg.host, "-p", pg.port, "-U", pg.user, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qtA", "-c", sql],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...env, PGOPTIONS: "-c client_min_messages=warning" } }); // no NOTICE of a database not there
}

function freshPostgres() {
  psql(`drop database if exists ${pg.db} with (force)`);
  psql(`create database ${pg.db} template template0 locale_provider icu icu_locale 'en-US'`);
}

/** Starts the service of `db` ("h2" or "postgresql") with its working directory `dir`; resolves when ready. */
async function startInstance(db, dir) {
  const app = db === "h2" ? h2App : pgApp;
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const database = db === "postgresql"
    ? { QUARKUS_DATASOURCE_JDBC_URL: `jdbc:postgresql://${pg.host}:${pg.port}/${pg.db}`, QUARKUS_DATASOURCE_USERNAME: pg.user, QUARKUS_DATASOURCE_PASSWORD: "" }
    : {}; // the H2 build keeps its default JDBC URL: ./data under the working directory
  const logFile = join(dir, "service.log");
  const output = openSync(logFile, "a");
  const child = spawn("java", [`-Xmx${heap}`, "-XX:+ExitOnOutOfMemoryError", `-Dquarkus.http.port=${port}`, "-Dquarkus.http.host=127.0.0.1",
    `-Ddirectory.search-index.path=${join(dir, "search-index")}`, "-Ddirectory.rate-limit.enabled=false", "-Dquarkus.http.access-log.enabled=false",
    "-Dquarkus.shutdown.delay=0s", `-Ddirectory.security.curator-key-hashes=${curatorHash}`, "-Ddirectory.webhooks.allow-private-hosts=127.0.0.1",
    ...(env.BENCH_SERVICE_OPTS ?? "").split(" ").filter(Boolean), "-jar", join(app, "quarkus-run.jar")],
  { cwd: dir, env: { ...env, ...database }, stdio: ["ignore", output, output] });
  let exited = false;
  const exit = new Promise((resolve) => child.on("exit", () => { exited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`the ${db} instance in ${dir} exited while starting:\n${tail(logFile)}`);
    if (Date.now() - started > 180_000) throw new Error(`the ${db} instance in ${dir} was not ready in 180 s:\n${tail(logFile)}`);
    try { if ((await fetch(`${url}/q/health/ready`)).ok) break; } catch { /* not listening yet */ }
    await sleep(100);
  }
  return {
    url, dir, logFile, readyMs: Date.now() - started,
    stop: async () => { if (!exited) { child.kill("SIGTERM"); await Promise.race([exit, sleep(30_000)]); if (!exited) child.kill("SIGKILL"); await exit; } },
    crash: async () => { child.kill("SIGKILL"); await exit; },
  };
}

const tail = (file) => readFileSync(file, "utf8").split("\n").slice(-30).join("\n");

// --- requests -------------------------------------------------------------------------------------

/** Every failed request of the run, whatever its measurement: any one makes the run fail. */
const errors = [];

async function request(base, method, path, key, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return { json: text ? JSON.parse(text) : {}, etag: response.headers.get("etag") };
}

/** A partner account with a key and its webhook of every listing event, pointing at the receiver. */
async function subscribe(base, receiver) {
  const partner = await request(base, "POST", "/api/partners", curatorKey, { name: `bench ${Date.now()}`, contactEmail: "ops@example.org" });
  const { key } = (await request(base, "POST", `/api/partners/${partner.json.id}/keys`, curatorKey)).json;
  const webhook = (await request(base, "POST", "/api/webhooks", key, { url: receiver.url, description: "bench", events: EVENTS })).json;
  receiver.secret = webhook.secret;
  return { webhookId: webhook.id, key };
}

/**
 * Writes offered at `rate` a second for `ms`, at most `connections` in flight, spread over `bases` (a
 * listing's writes alternate between them): first the creation of LISTINGS listings, then merge patches of
 * them in turn, each waiting for the answer to the one before on its listing (its ETag). Resolves with the
 * writes of each listing in order (commit and answer times, version) and the rate achieved.
 */
async function writeLoad(bases, ms, runId) {
  const first = (await (await fetch(`${bases[0]}/api/platforms?size=1`)).json()).items[0];
  const listings = Array.from({ length: LISTINGS }, () => ({ chain: Promise.resolve(), id: null, etag: null, broken: false, writes: [] }));
  let failed = 0;
  let inFlight = 0;
  let freed = () => {};
  const write = async (i) => {
    const listing = listings[i % LISTINGS];
    if (listing.broken) return;
    const base = bases[(i + Math.floor(i / LISTINGS)) % bases.length];
    try {
      const answer = i < LISTINGS
        ? await request(base, "POST", "/api/listings", curatorKey, {
          platform: first.slug, externalId: `bench-webhooks-${runId}-${i}`, title: `Webhook benchmark ${runId} ${i}`,
          description: "A listing of the webhook benchmark.", taskType: "RESPONSE_RATING", payTier: "general-writing",
          status: "OPEN", applyUrl: `https://${first.officialDomains[0]}/apply`, postedAt: "2026-11-27T00:00:00Z" })
        : await request(base, "PATCH", `/api/listings/${listing.id}`, curatorKey, { title: `Webhook benchmark ${runId} ${i % LISTINGS}, write ${i}` },
          { "Content-Type": "application/merge-patch+json", "If-Match": listing.etag });
      listing.id = answer.json.id;
      listing.etag = answer.etag;
      listing.writes.push({ committedAt: Date.parse(answer.json.updatedAt), answeredAt: Date.now(), version: answer.json.version });
    } catch (error) {
      listing.broken = true; // its ETag is unknown now: no more writes to it
      failed++;
      errors.push(`write ${i}: ${error.message}`);
    }
  };
  const started = performance.now();
  const writes = [];
  let total = 0;
  for (let i = 0; performance.now() - started < ms; i++) {
    const wait = (i * 1000) / rate - (performance.now() - started);
    if (wait > 0) await sleep(wait);
    while (inFlight >= connections) await new Promise((resolve) => { freed = resolve; });
    if (performance.now() - started >= ms) break;
    inFlight++;
    total++;
    const listing = listings[i % LISTINGS];
    listing.chain = listing.chain.then(() => write(i)).finally(() => { inFlight--; freed(); });
    writes.push(listing.chain);
  }
  await Promise.all(writes);
  const elapsed = (performance.now() - started) / 1000;
  const expected = new Map(listings.filter((listing) => listing.id !== null).map((listing) => [listing.id, listing.writes]));
  return { expected, failed, writes: total, writesPerSecond: Number((total / elapsed).toFixed(1)) };
}

/** How many of each listing's writes have no event received yet. */
function missing(receiver, expected) {
  const received = receiver.byListing();
  let count = 0;
  for (const [id, writes] of expected) count += Math.max(0, writes.length - (received.get(id)?.length ?? 0));
  return count;
}

/** Waits until the receiver holds an event for every write, or `ms` passed; then `graceMs` more for late duplicates. */
async function drain(receiver, expected, ms, graceMs = 2000) {
  const started = Date.now();
  while (missing(receiver, expected) > 0 && Date.now() - started < ms) await sleep(50);
  const allMs = missing(receiver, expected) === 0 ? Date.now() - started : null;
  await sleep(graceMs);
  return allMs;
}

/** The service's own account: its delivery log of the webhook, against what arrived. */
async function deliveryLog(base, { webhookId, key }, receiver) {
  const records = [];
  for (let page = 0; ; page++) {
    const { json } = await request(base, "GET", `/api/webhooks/${webhookId}/deliveries?size=100&page=${page}`, key);
    records.push(...json.items);
    if (page + 1 >= json.totalPages) break;
  }
  return {
    logged: records.length,
    loggedNotDelivered: records.filter((record) => record.status !== "DELIVERED").length,
    loggedDeliveredNotReceived: records.filter((record) => record.status === "DELIVERED" && !receiver.idCounts.has(record.id)).length,
  };
}

/** How many deliveries this instance recorded as delivered (its counter directory_webhook_deliveries). */
async function deliveredBy(base) {
  const text = await (await fetch(`${base}/q/metrics`)).text();
  const found = text.match(/^directory_webhook_deliveries_total\{[^}]*outcome="delivered"[^}]*\} (\S+)/m);
  return found ? Number(found[1]) : null;
}

function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Lost, duplicate and latency figures of one measurement. */
function summary(receiver, expected) {
  const received = receiver.byListing();
  const fromCommit = [];
  const fromAnswer = [];
  let writes = 0;
  let lost = 0;
  let extra = 0;
  let staleLastBodies = 0;
  for (const [id, listingWrites] of expected) {
    const sequences = received.get(id) ?? [];
    writes += listingWrites.length;
    lost += Math.max(0, listingWrites.length - sequences.length);
    extra += Math.max(0, sequences.length - listingWrites.length);
    // The last event's body is fixed after its write: it must show the last version.
    if (sequences.length > 0 && receiver.events.get(sequences.at(-1)).version !== listingWrites.at(-1)?.version) staleLastBodies++;
    if (sequences.length !== listingWrites.length) continue; // which write an event belongs to is unclear then
    listingWrites.forEach((write, n) => {
      const at = receiver.events.get(sequences[n]).firstAt;
      fromCommit.push(at - write.committedAt);
      fromAnswer.push(at - write.answeredAt);
    });
  }
  fromCommit.sort((a, b) => a - b);
  fromAnswer.sort((a, b) => a - b);
  const ours = [...receiver.events.values()].filter((event) => expected.has(event.listingId));
  return {
    expected: writes, received: writes - lost, lost, extraOfOurListings: extra,
    otherListingsEvents: receiver.events.size - ours.length, // the example data's, such as an expiry
    requests: receiver.requests, badSignatures: receiver.badSignatures, unparsable: receiver.unparsable,
    duplicateIds: [...receiver.idCounts.values()].filter((count) => count > 1).length,
    eventsUnderSeveralIds: ours.filter((event) => event.ids.size > 1).length, staleLastBodies,
    medianMs: percentile(fromCommit, 50), p99Ms: percentile(fromCommit, 99), maxMs: fromCommit.at(-1) ?? null,
    minMs: fromCommit[0] ?? null, p99FromAnswerMs: percentile(fromAnswer, 99),
  };
}

// --- the measurements -----------------------------------------------------------------------------

async function measureLatency(db) {
  const dir = join(out, `latency-${db}`);
  rmSync(dir, { recursive: true, force: true });
  if (db === "postgresql") freshPostgres();
  const receiver = new Receiver();
  await receiver.listen();
  const instance = await startInstance(db, dir);
  try {
    const webhook = await subscribe(instance.url, receiver);
    if (warmup > 0) {
      const warm = await writeLoad([instance.url], warmup * 1000, `warmup-${db}-${Date.now()}`);
      await drain(receiver, warm.expected, 60_000, 500);
      receiver.reset();
    }
    const load = await writeLoad([instance.url], seconds * 1000, `latency-${db}-${Date.now()}`);
    const allMs = await drain(receiver, load.expected, 60_000);
    return { step: "latency", db, writes: load.writes, writesPerSecond: load.writesPerSecond, failedWrites: load.failed, allReceivedMs: allMs,
      ...summary(receiver, load.expected), ...(await deliveryLog(instance.url, webhook, receiver)) };
  } finally {
    await instance.stop();
    await receiver.close();
  }
}

async function measureCrash() {
  const dir = join(out, "crash");
  rmSync(dir, { recursive: true, force: true });
  freshPostgres();
  const receiver = new Receiver();
  await receiver.listen();
  let instance = await startInstance("postgresql", dir);
  try {
    const webhook = await subscribe(instance.url, receiver);
    receiver.delayMs = crashDelayMs;
    const load = await writeLoad([instance.url], crashSeconds * 1000, `crash-${Date.now()}`);
    const pendingAtKill = missing(receiver, load.expected);
    await instance.crash();
    log(`crash: killed with ${pendingAtKill} of ${load.writes} events not yet received; restarting on the same database`);
    const restarted = Date.now();
    instance = await startInstance("postgresql", dir);
    const draining = Date.now();
    const allMs = await drain(receiver, load.expected, DRAIN_MS, 3000);
    return {
      step: "crash", db: "postgresql", writes: load.writes, writesPerSecond: load.writesPerSecond, failedWrites: load.failed, pendingAtKill,
      restartReadyMs: instance.readyMs, allReceivedAfterRestartMs: allMs === null ? null : draining - restarted + allMs,
      ...summary(receiver, load.expected), ...(await deliveryLog(instance.url, webhook, receiver)),
    };
  } finally {
    await instance.stop();
    await receiver.close();
  }
}

async function measurePair() {
  const dirs = [join(out, "pair-1"), join(out, "pair-2")];
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  freshPostgres();
  const receiver = new Receiver();
  await receiver.listen();
  const instances = [];
  try {
    // One after the other: the first loads the example data into the empty database.
    for (const dir of dirs) instances.push(await startInstance("postgresql", dir));
    const webhook = await subscribe(instances[0].url, receiver);
    const load = await writeLoad(instances.map((instance) => instance.url), seconds * 1000, `pair-${Date.now()}`);
    const allMs = await drain(receiver, load.expected, 60_000, 5000);
    const deliveredByInstance = await Promise.all(instances.map((instance) => deliveredBy(instance.url)));
    return { step: "pair", db: "postgresql", writes: load.writes, writesPerSecond: load.writesPerSecond, failedWrites: load.failed, allReceivedMs: allMs,
      deliveredByInstance, ...summary(receiver, load.expected), ...(await deliveryLog(instances[1].url, webhook, receiver)) };
  } finally {
    for (const instance of instances) await instance.stop();
    await receiver.close();
  }
}

const results = [];
const run = async (name, measure) => {
  log(`${name}: starting`);
  try {
    const result = await measure();
    results.push(result);
    console.log(JSON.stringify(result));
  } catch (error) {
    errors.push(`${name}: ${error.stack ?? error.message}`);
    log(`${name} FAILED: ${error.message}`);
  }
};
if (scenarios.includes("latency")) for (const db of latencyDbs) await run(`latency ${db}`, () => measureLatency(db));
if (scenarios.includes("crash")) await run("crash", measureCrash);
if (scenarios.includes("pair")) await run("pair", measurePair);
if (scenarios.some((name) => name !== "latency") || latencyDbs.includes("postgresql")) psql(`drop database if exists ${pg.db} with (force)`);

const met = (ok) => (ok ? "met" : "**missed**");
const ms = (value) => (value === null || value === undefined ? "–" : `${Math.round(value)}`);
const rows = [];
for (const r of results) {
  const counts = `${r.received}/${r.expected} events received, ${r.lost} lost, ${r.duplicateIds} webhook-ids twice, ${r.badSignatures} bad signatures;`
    + ` delivery log: ${r.logged} entries, ${r.loggedNotDelivered} not DELIVERED, ${r.loggedDeliveredNotReceived} DELIVERED but not received`;
  const writes = `${r.writes} writes at ${r.writesPerSecond}/s${r.failedWrites ? `, ${r.failedWrites} failed` : ""}`;
  if (r.step === "latency") {
    const fast = r.p99Ms !== null && r.p99Ms < TARGET_P99_MS && r.lost === 0;
    // The target holds at its rate only: a p99 at a lower rate says little about the one asked for.
    const result = r.writesPerSecond < rate * 0.95
      ? `**missed**: the service took ${r.writesPerSecond} writes/s, not ${rate}, with ${connections} in flight (p99 ${fast ? "under" : "over"} ${TARGET_P99_MS} ms at that rate)`
      : met(fast);
    rows.push(`| ${r.db}: commit to receipt, p99 < ${TARGET_P99_MS} ms at ${rate} writes/s | ${writes}; median ${ms(r.medianMs)} ms, p99 ${ms(r.p99Ms)} ms, max ${ms(r.maxMs)} ms (p99 from the write's answer ${ms(r.p99FromAnswerMs)} ms); ${counts} | ${result} |`);
  } else if (r.step === "crash") {
    rows.push(`| PostgreSQL: kill -9 during deliveries and a restart, every event received at least once | ${writes}; ${r.pendingAtKill} events not yet received at the kill; ${counts}; all received ${ms(r.allReceivedAfterRestartMs)} ms after the restart began (ready in ${ms(r.restartReadyMs)} ms) | ${met(r.lost === 0 && r.pendingAtKill > 0)}${r.pendingAtKill === 0 ? " (nothing was pending at the kill: not exercised)" : ""} |`);
  } else {
    const both = r.deliveredByInstance.every((count) => count > 0);
    rows.push(`| PostgreSQL: two instances delivering, no webhook-id received twice | ${writes}; ${counts}; ${r.eventsUnderSeveralIds} events under several webhook-ids; delivered by each instance: ${r.deliveredByInstance.join(" + ")}; median ${ms(r.medianMs)} ms, p99 ${ms(r.p99Ms)} ms | ${met(r.duplicateIds === 0 && r.eventsUnderSeveralIds === 0 && r.lost === 0)}${both ? "" : " (one instance delivered nothing: not exercised)"} |`);
  }
}
console.log(`
| target | measured | result |
|---|---|---|
${rows.join("\n")}
`);
const lost = results.reduce((sum, r) => sum + r.lost + r.badSignatures + r.unparsable + r.loggedDeliveredNotReceived, 0);
if (errors.length > 0) console.error(`${errors.length} request(s) or step(s) failed:\n${errors.slice(0, 20).join("\n")}`);
if (lost > 0) console.error(`${lost} event(s) lost or delivered unverifiable`);
console.error(`service logs and working directories in ${out}`);
process.exit(errors.length === 0 && lost === 0 ? 0 : 1);
