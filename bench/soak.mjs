// Soak: mixed reads and writes at a steady rate against a running service, then an audit.
// Every write the service acknowledged (2xx) must be visible at the end, exactly as written;
// no answer may be a 5xx. Usage: node soak.mjs <baseUrl> <curatorKey> <partnerKey> <seconds> <requestsPerSecond>
const [baseUrl, curatorKey, partnerKey, seconds = "600", rate = "40"] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const interval = 1000 / Number(rate);
const statuses = new Map();
const expected = new Map(); // listing id -> { title, deleted }
let fiveHundreds = 0;
let sent = 0;
let inFlight = 0;
let serial = 0;

function count(status) {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (status >= 500) fiveHundreds++;
}

async function call(method, path, { key = partnerKey, body, headers = {} } = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { "Content-Type": headers["Content-Type"] ?? "application/json" } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  count(response.status);
  const text = await response.text();
  return { status: response.status, etag: response.headers.get("ETag"), json: text ? JSON.parse(text) : null };
}

const reads = [
  "/api/listings?country=IN&facets=tier,country",
  "/api/listings?speaks=en,es&minPay=30&sort=-pay",
  "/api/listings?q=rate&size=50",
  "/api/platforms?country=PH",
  "/api/pay-tiers",
  "/api/eligibility/languages",
  "/api/listings/changes?limit=100",
];

async function oneOperation() {
  const dice = Math.random();
  if (dice < 0.8) {
    await call("GET", reads[Math.floor(Math.random() * reads.length)]);
    return;
  }
  const live = [...expected.entries()].filter(([, state]) => !state.deleted);
  if (dice < 0.9 || live.length === 0) {
    const externalId = `soak-${process.pid}-${serial++}`;
    const created = await call("POST", "/api/listings", {
      key: curatorKey,
      body: {
        platform: "outlier", externalId, title: `Soak ${externalId}`, description: "Written by the soak run.",
        taskType: "RESPONSE_RATING", payTier: "general-writing", status: "OPEN", applyUrl: "https://outlier.ai",
        postedAt: new Date().toISOString(), pay: { min: 15, max: 20, currency: "USD", unit: "HOUR" },
      },
    });
    if (created.status === 201) expected.set(created.json.id, { title: created.json.title, deleted: false });
    return;
  }
  const [id] = live[Math.floor(Math.random() * live.length)];
  const current = await call("GET", `/api/listings/${id}`);
  if (current.status !== 200) return;
  if (dice < 0.97) {
    const title = `Soak edit ${serial++}`;
    const patched = await call("PATCH", `/api/listings/${id}`, {
      key: curatorKey, body: { title }, headers: { "If-Match": current.etag, "Content-Type": "application/merge-patch+json" },
    });
    if (patched.status === 200) expected.set(id, { title, deleted: false });
  } else {
    const deleted = await call("DELETE", `/api/listings/${id}`, { key: curatorKey, headers: { "If-Match": current.etag } });
    if (deleted.status === 204) expected.set(id, { deleted: true });
  }
}

const started = Date.now();
while (Date.now() < deadline) {
  const next = started + sent * interval;
  const wait = next - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  sent++;
  inFlight++;
  oneOperation().catch((error) => { count(599); console.error("request failed:", error.message); })
    .finally(() => { inFlight--; });
}
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));

// Audit: every acknowledged write is there, as written.
let missing = 0;
for (const [id, state] of expected) {
  const response = await fetch(`${baseUrl}/api/listings/${id}`, { headers: { Authorization: `Bearer ${partnerKey}` } });
  const body = response.status === 200 ? await response.json() : null;
  const ok = state.deleted ? response.status === 404 : response.status === 200 && body.title === state.title;
  if (!ok) { missing++; console.error(`write not accounted for: listing ${id} expected ${JSON.stringify(state)}, got ${response.status}`); }
}
const elapsed = (Date.now() - started) / 1000;
console.log(JSON.stringify({
  seconds: Math.round(elapsed), requests: sent, requestsPerSecond: +(sent / elapsed).toFixed(1),
  statuses: Object.fromEntries([...statuses.entries()].sort()), fiveHundreds,
  writesAcknowledged: expected.size, writesNotAccountedFor: missing,
}));
process.exit(fiveHundreds === 0 && missing === 0 ? 0 : 1);
