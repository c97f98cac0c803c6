// The end-to-end proof of webhooks, as a partner's receiver sees them: a real HTTP server on loopback
// gets the deliveries of the packaged service, and each one must verify with the Standard Webhooks
// library a partner would use (`standardwebhooks`), arrive in commit order and only for listings the
// webhook's filters admit. Every response of the API is checked against the committed document (see
// contract.ts), and every delivery's body against the document's `webhooks` entry. A step that fails
// ends the run: the later ones build on its webhook and deliveries.
//
// Usage: DIRECTORY_URL=http://127.0.0.1:8080 CURATOR_KEY=... PARTNER_KEY=... tsx src/webhooks.ts
// (the service must allow http://127.0.0.1 receivers: -Ddirectory.webhooks.allow-private-hosts=127.0.0.1)
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { Contract } from "./contract.js";

// Loose types of the webhook API: written before the generated types of the document include it.
interface WebhookResource {
  id: number | string;
  url: string;
  description?: string;
  events: string[];
  filters?: Record<string, string | string[]>;
  enabled: boolean;
  secret?: string;
  version: number;
}
interface DeliveryRecord {
  id: number | string;
  eventType: string;
  listingId?: number;
  sequence?: number;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  statusCode?: number;
}
interface Payload {
  type: string;
  timestamp: string;
  sequence?: number;
  data: { id: number; deleted: boolean; listing?: { id: number; title: string; status: string; version: number } };
}
/** One request the receiver got, as it came over the wire. */
interface Received {
  headers: Record<string, string>;
  body: string;
  payload: Payload;
}

const baseUrl = requiredEnv("DIRECTORY_URL");
const curatorKey = requiredEnv("CURATOR_KEY");
const configuredPartnerKey = requiredEnv("PARTNER_KEY");
const EVENTS = ["listing.created", "listing.updated", "listing.closed", "listing.deleted"];
// Generous: the dispatcher runs within about a second of a write, but CI machines are slow.
const DEADLINE_MS = 30_000;
const contract = new Contract();
// Every delivery's body is checked against the request body of the document's `listingEvent` webhook.
const messageSchema = contract.validator("/webhooks/listingEvent/post/requestBody/content/application~1json/schema");

// The receiver: answers every delivery 204 and keeps it; a body that is no JSON fails the run later.
const received: Received[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") {
        headers[name] = value;
      }
    }
    let payload: Payload;
    try {
      payload = JSON.parse(body) as Payload;
    } catch {
      payload = { type: `unparsable: ${body.slice(0, 200)}`, timestamp: "", data: { id: -1, deleted: false } };
    }
    if (!messageSchema(payload)) {
      payload = { type: `not the documented message: ${JSON.stringify(messageSchema.errors)} ${body.slice(0, 500)}`, timestamp: "", data: { id: -1, deleted: false } };
    }
    received.push({ headers, body, payload });
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

// What the steps share: each one builds on the webhook and deliveries of the steps before.
let partnerKey = "";
let webhook: WebhookResource;
let secret = "";
let previousSecret = "";
let created: Received;

const steps: Array<[string, () => Promise<void>]> = [];
function step(name: string, run: () => Promise<void>): void {
  steps.push([name, run]);
}

step("a partner account owns a webhook; its secret is shown once", async () => {
  const partner = await call("POST", "/api/partners", {}, curatorKey, { name: `e2e webhooks ${Date.now()}`, contactEmail: "ops@example.org" });
  assert.equal(partner.status, 201);
  const issued = await call("POST", "/api/partners/{id}/keys", { id: partner.json.id }, curatorKey);
  assert.equal(issued.status, 201);
  partnerKey = issued.json.key as string;
  assert.ok(partnerKey.startsWith("dir_pk_"), "a partner account key");

  const body = { url: receiverUrl, description: "e2e", events: EVENTS, filters: { country: "IN" } };
  assert.equal((await call("POST", "/api/webhooks", {}, undefined, body)).status, 401);
  const configured = await call("POST", "/api/webhooks", {}, configuredPartnerKey, body);
  assert.equal(configured.status, 403, "a configured partner key has no account to own a webhook");
  const invalid = await call("POST", "/api/webhooks", {}, partnerKey, { ...body, url: "http://example.com/hook", events: ["listing.exploded"] });
  assert.equal(invalid.status, 422);
  const fields = (invalid.json.errors as Array<{ field: string }>).map((error) => error.field);
  assert.ok(fields.includes("url"), `plain http to a public host is refused: ${fields.join(", ")}`);
  assert.ok(fields.includes("events[0]"), `an unknown event is refused: ${fields.join(", ")}`);
  const unknownFilter = await call("POST", "/api/webhooks", {}, partnerKey, { ...body, filters: { colour: "red" } });
  assert.equal(unknownFilter.status, 422);
  assert.ok((unknownFilter.json.errors as Array<{ field: string }>).some((error) => error.field.startsWith("filters")));

  const answer = await call("POST", "/api/webhooks", {}, partnerKey, body);
  assert.equal(answer.status, 201, answer.text);
  webhook = answer.json as unknown as WebhookResource;
  assert.ok(answer.headers.get("location")?.endsWith(`/api/webhooks/${webhook.id}`));
  assert.equal(webhook.url, receiverUrl);
  assert.deepEqual([...webhook.events].sort(), [...EVENTS].sort());
  assert.deepEqual([webhook.filters?.country].flat(), ["IN"]);
  assert.equal(webhook.enabled, true);
  secret = webhook.secret ?? "";
  assert.ok(secret.startsWith("whsec_"), "a Standard Webhooks secret");

  const read = await call("GET", "/api/webhooks/{id}", { id: webhook.id }, partnerKey);
  assert.equal(read.status, 200);
  assert.ok(!("secret" in read.json) && !read.text.includes(secret.slice("whsec_".length)), "the secret is in the creation's answer only");
  const list = await call("GET", "/api/webhooks", {}, partnerKey);
  assert.equal(list.status, 200);
  assert.ok((list.json.items as WebhookResource[]).some((item) => item.id === webhook.id));
  assert.ok(!list.text.includes(secret.slice("whsec_".length)));

  // Another partner's webhook is not there for this one: not even its existence.
  const other = await call("POST", "/api/partners", {}, curatorKey, { name: `e2e other ${Date.now()}`, contactEmail: "ops@example.org" });
  const otherKey = (await call("POST", "/api/partners/{id}/keys", { id: other.json.id }, curatorKey)).json.key as string;
  assert.equal((await call("GET", "/api/webhooks/{id}", { id: webhook.id }, otherKey)).status, 404);
});

step("a test delivery is a webhook.ping that verifies with the webhook's secret", async () => {
  const test = await call("POST", "/api/webhooks/{id}/test", { id: webhook.id }, partnerKey);
  assert.equal(test.status, 200);
  const record = test.json as unknown as DeliveryRecord;
  assert.equal(record.eventType, "webhook.ping");
  assert.equal(record.status, "DELIVERED");
  assert.equal(record.statusCode, 204);
  const ping = await arrival("the webhook.ping", (delivery) => delivery.payload.type === "webhook.ping");
  assert.equal(ping.headers["content-type"]?.split(";")[0], "application/json");
  const verified = new Webhook(secret).verify(ping.body, ping.headers) as Payload;
  assert.equal(verified.type, "webhook.ping");
  assert.ok(!Number.isNaN(Date.parse(verified.timestamp)), "an ISO-8601 timestamp");
});

step("listing writes arrive signed, in commit order, and only when the filters admit them", async () => {
  // Each write waits for its message before the next: a message carries the listing as it is when the message is
  // made, so writes faster than the dispatcher would be announced with their latest state, and an event whose
  // listing is already deleted gives way to the deletion (docs/API.md).
  const ofListing = (type: string, listing: number) => (delivery: Received) =>
    delivery.payload.type === type && delivery.payload.data?.id === listing;
  const events: Received[] = [];
  const admitted = await createListing("Rate chatbot answers in Hindi (webhooks e2e)", { countries: ["IN"], excludedCountries: [] });
  const id = admitted.json.id as number;
  events.push(await arrival(`the listing.created of listing ${id}`, ofListing("listing.created", id)));
  const updated = await patchListing(id, admitted.etag, { title: "Rate chatbot answers in Hindi (webhooks e2e, updated)" });
  events.push(await arrival(`the listing.updated of listing ${id}`, ofListing("listing.updated", id)));
  const closed = await patchListing(id, updated.etag, { status: "CLOSED" });
  events.push(await arrival(`the listing.closed of listing ${id}`, ofListing("listing.closed", id)));
  // Written before the deletion, so the deletion's arrival proves this one was passed over, not late.
  const excluded = await createListing("Rate chatbot answers outside India (webhooks e2e)", { countries: [], excludedCountries: ["IN"] });
  const excludedId = excluded.json.id as number;
  const deleted = await call("DELETE", "/api/listings/{id}", { id }, curatorKey, undefined, { "If-Match": closed.etag });
  assert.equal(deleted.status, 204);
  events.push(await arrival(`the listing.deleted of listing ${id}`, ofListing("listing.deleted", id)));
  const verifier = new Webhook(secret);
  let sequence = -Infinity;
  for (const delivery of events) {
    const payload = verifier.verify(delivery.body, delivery.headers) as Payload;
    assert.ok(typeof payload.sequence === "number" && payload.sequence > sequence, `${payload.type}: the sequence grows (${payload.sequence} after ${sequence})`);
    sequence = payload.sequence;
    assert.equal(payload.data.id, id);
    assert.ok(!Number.isNaN(Date.parse(payload.timestamp)));
  }
  const [createdEvent, updatedEvent, closedEvent, deletedEvent] = events.map((delivery) => delivery.payload);
  assert.equal(createdEvent?.data.listing?.id, id);
  assert.equal(createdEvent?.data.deleted, false);
  assert.equal(createdEvent?.data.listing?.title, "Rate chatbot answers in Hindi (webhooks e2e)");
  assert.equal(updatedEvent?.data.listing?.id, id);
  assert.equal(updatedEvent?.data.listing?.title, "Rate chatbot answers in Hindi (webhooks e2e, updated)");
  assert.equal(closedEvent?.data.listing?.id, id);
  assert.equal(closedEvent?.data.listing?.status, "CLOSED");
  assert.deepEqual(deletedEvent?.data, { id, deleted: true }, "a deletion carries no listing");
  assert.equal(received.filter((delivery) => delivery.payload.data?.id === id).length, 4, "each event once");
  assert.ok(!received.some((delivery) => delivery.payload.data?.id === excludedId), `listing ${excludedId} excludes India: not delivered`);
  created = events[0] as Received;

  // A deletion goes to every webhook that takes deletions, whatever its filters: the listing is gone,
  // and a receiver may hold it from before the filters changed.
  const excludedGone = await call("DELETE", "/api/listings/{id}", { id: excludedId }, curatorKey, undefined, { "If-Match": excluded.etag });
  assert.equal(excludedGone.status, 204);
  const gone = await arrival(`the listing.deleted of listing ${excludedId}`,
    (delivery) => delivery.payload.type === "listing.deleted" && delivery.payload.data?.id === excludedId);
  assert.deepEqual((verifier.verify(gone.body, gone.headers) as Payload).data, { id: excludedId, deleted: true });
  assert.equal(new Set(received.map((delivery) => delivery.headers["webhook-id"])).size, received.length, "every webhook-id once");
});

step("the library refuses a changed body, an old timestamp and a wrong secret", async () => {
  const verifier = new Webhook(secret);
  const { body, headers } = created;
  verifier.verify(body, headers);
  const at = Math.floor(body.length / 2);
  const changed = body.slice(0, at) + (body[at] === "1" ? "2" : "1") + body.slice(at + 1);
  refuses("a body with one character changed", () => verifier.verify(changed, headers));
  const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
  const oldTimestamp = String(Math.floor(tenMinutesAgo.getTime() / 1000));
  refuses("the real signature under a timestamp 10 minutes old", () => verifier.verify(body, { ...headers, "webhook-timestamp": oldTimestamp }));
  // The library signs as the service does, so it can make a correct signature on an old message: then
  // only the age refuses it.
  const id = headers["webhook-id"] ?? "";
  const signedNow = verifier.sign(id, new Date(Number(headers["webhook-timestamp"]) * 1000), body);
  assert.ok(headers["webhook-signature"]?.split(" ").includes(signedNow), "the library's signature is the service's");
  const signedLongAgo = verifier.sign(id, tenMinutesAgo, body);
  refuses("a correct signature 10 minutes old", () => verifier.verify(body, { ...headers, "webhook-timestamp": oldTimestamp, "webhook-signature": signedLongAgo }),
    /too old/);
  const wrong = new Webhook(`whsec_${randomBytes(32).toString("base64")}`);
  refuses("another secret", () => wrong.verify(body, headers));
  refuses("no signature", () => verifier.verify(body, { "webhook-id": id, "webhook-timestamp": headers["webhook-timestamp"] ?? "" }));
});

step("after a rotation the next delivery verifies with the new secret and with the old one", async () => {
  const rotated = await call("POST", "/api/webhooks/{id}/secret", { id: webhook.id }, partnerKey);
  assert.equal(rotated.status, 200);
  previousSecret = secret;
  secret = rotated.json.secret as string;
  assert.ok(secret.startsWith("whsec_") && secret !== previousSecret, "a new secret");
  const expires = Date.parse(rotated.json.previousSecretExpiresAt as string);
  assert.ok(expires > Date.now(), "the old secret still signs for a while");
  const before = received.length;
  const test = await call("POST", "/api/webhooks/{id}/test", { id: webhook.id }, partnerKey);
  assert.equal(test.status, 200);
  const ping = await arrival("the webhook.ping after the rotation", (delivery) => delivery.payload.type === "webhook.ping", before);
  assert.equal(ping.headers["webhook-signature"]?.split(" ").length, 2, "signed with both secrets");
  assert.equal((new Webhook(secret).verify(ping.body, ping.headers) as Payload).type, "webhook.ping");
  assert.equal((new Webhook(previousSecret).verify(ping.body, ping.headers) as Payload).type, "webhook.ping");
  const read = await call("GET", "/api/webhooks/{id}", { id: webhook.id }, partnerKey);
  assert.ok(!read.text.includes(secret.slice("whsec_".length)) && !read.text.includes(previousSecret.slice("whsec_".length)));
});

step("the delivery log records every delivery as delivered", async () => {
  const listingEvents = received.filter((delivery) => delivery.payload.type !== "webhook.ping");
  let items: DeliveryRecord[] = [];
  // The receiver may have answered before the service recorded the answer: poll briefly.
  await until("every delivery recorded as DELIVERED", async () => {
    const page = await call("GET", "/api/webhooks/{id}/deliveries", { id: webhook.id }, partnerKey);
    assert.equal(page.status, 200);
    items = page.json.items as DeliveryRecord[];
    return listingEvents.every((delivery) => items.some((item) => matches(item, delivery) && item.status === "DELIVERED"));
  });
  for (const delivery of listingEvents) {
    const record = items.find((item) => matches(item, delivery));
    assert.ok(record && record.attempts >= 1 && record.statusCode === 204, `${delivery.payload.type} ${delivery.payload.sequence}: ${JSON.stringify(record)}`);
  }
  const pings = items.filter((item) => item.eventType === "webhook.ping");
  assert.equal(pings.length, 2, "both test pings");
  assert.ok(pings.every((item) => item.status === "DELIVERED" && item.statusCode === 204));
  assert.ok(items.every((item) => item.status === "DELIVERED"), `nothing pending or failed: ${JSON.stringify(items.filter((item) => item.status !== "DELIVERED"))}`);
});

step("the webhook changes with If-Match and is deleted", async () => {
  const read = await call("GET", "/api/webhooks/{id}", { id: webhook.id }, partnerKey);
  const etag = read.headers.get("etag") ?? "";
  assert.ok(etag, "an ETag");
  const merge = { "Content-Type": "application/merge-patch+json" };
  const patched = await call("PATCH", "/api/webhooks/{id}", { id: webhook.id }, partnerKey, { description: "e2e, patched" }, { ...merge, "If-Match": etag });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.description, "e2e, patched");
  const stale = await call("PATCH", "/api/webhooks/{id}", { id: webhook.id }, partnerKey, { description: "stale" }, { ...merge, "If-Match": etag });
  assert.equal(stale.status, 412);
  const deleted = await call("DELETE", "/api/webhooks/{id}", { id: webhook.id }, partnerKey, undefined, { "If-Match": patched.headers.get("etag") ?? "" });
  assert.equal(deleted.status, 204);
  assert.equal((await call("GET", "/api/webhooks/{id}", { id: webhook.id }, partnerKey)).status, 404);
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** One request at `template` (such as /api/webhooks/{id}) with `params` filled in; the answer is held to the document. */
async function call(method: string, template: string, params: Record<string, unknown>, key: string | undefined, body?: unknown,
  headers: Record<string, string> = {}): Promise<Answer> {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await contract.check(method.toLowerCase(), template, response.clone());
  const text = await response.text();
  const json = text && response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.status, headers: response.headers, text, json };
}

/** A listing on Outlier (which admits India) with the given eligibility; fails unless created. */
async function createListing(title: string, eligibility: { countries: string[]; excludedCountries: string[] }): Promise<Answer & { etag: string }> {
  const answer = await call("POST", "/api/listings", {}, curatorKey, {
    platform: "outlier", externalId: `e2e-webhooks-${Date.now()}-${randomBytes(3).toString("hex")}`, title,
    description: "Created by the webhooks scenario; deleted again at its end.", taskType: "RESPONSE_RATING",
    payTier: "languages", pay: { min: 15, max: 20, currency: "USD", unit: "HOUR" },
    eligibility: { ...eligibility, languages: ["hi"], credentials: [] },
    status: "OPEN", applyUrl: "https://outlier.ai", postedAt: new Date().toISOString(),
  });
  assert.equal(answer.status, 201, answer.text);
  return { ...answer, etag: answer.headers.get("etag") ?? assert.fail("an ETag") };
}

async function patchListing(id: number, etag: string, patch: Record<string, unknown>): Promise<Answer & { etag: string }> {
  const answer = await call("PATCH", "/api/listings/{id}", { id }, curatorKey, patch,
    { "Content-Type": "application/merge-patch+json", "If-Match": etag });
  assert.equal(answer.status, 200, answer.text);
  return { ...answer, etag: answer.headers.get("etag") ?? assert.fail("an ETag") };
}

/** The first delivery from index `from` on that `test` accepts, once it arrived; fails after the deadline. */
async function arrival(what: string, test: (delivery: Received) => boolean, from = 0): Promise<Received> {
  let found: Received | undefined;
  await until(what, async () => (found = received.slice(from).find(test)) !== undefined);
  return found as Received;
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const seen = received.map((delivery) => `${delivery.payload.type} ${delivery.payload.data?.id ?? ""}`).join(", ");
      assert.fail(`${what}: not within ${DEADLINE_MS / 1000} s (received so far: ${seen || "nothing"})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function refuses(what: string, verify: () => unknown, message?: RegExp): void {
  assert.throws(verify, (error: unknown) => error instanceof WebhookVerificationError && (!message || message.test(error.message)),
    `the library refuses ${what}`);
}

function matches(item: DeliveryRecord, delivery: Received): boolean {
  return item.eventType === delivery.payload.type && item.listingId === delivery.payload.data.id && item.sequence === delivery.payload.sequence;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name}`);
  }
  return value;
}

let passed = 0;
let failed = 0;
for (const [name, run] of steps) {
  if (failed > 0) {
    console.log(`SKIP ${name}`);
    continue;
  }
  try {
    await run();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}
receiver.close();
console.log(`${received.length} deliveries received; ${contract.checkedResponses} responses matched the OpenAPI document`);
console.log(`webhooks e2e: ${passed} passed, ${failed} failed, ${steps.length - passed - failed} skipped`);
process.exitCode = failed === 0 ? 0 : 1;
