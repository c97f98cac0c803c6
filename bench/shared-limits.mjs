// The rate limits across two instances, under load, by hand (bench/shared-limits.sh starts it):
//   1. One client's limit, its requests alternating between two instances as fast as 8 connections go,
//      for BENCH_SECONDS: how many were served, against what one bucket allows in that time (its
//      capacity plus its refill), with the buckets in Redis and, side by side, in each instance's memory.
//   2. Redis killed during load and started again: 5xx answers (the target is none), the slowest answer,
//      and how soon each instance said it had fallen back to its own buckets, and gone back.
// Prints one JSON line per measurement and a markdown summary.
//   node bench/shared-limits.mjs <jar> <seconds>
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [jar, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 10);
const LIMIT = 600; // per minute, anonymous: 10 a second of refill on top of 600 at once
const CONNECTIONS = 8;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

function startRedis(port) {
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  return redis;
}

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try { if (await check()) return; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

async function startService(store, redisPort) {
  const port = await freePort();
  const args = [`-Dquarkus.http.port=${port}`, "-Dquarkus.http.access-log.enabled=false", "-Xmx256m",
    `-Ddirectory.rate-limit.anonymous-per-minute=${LIMIT}`, "-Ddirectory.http.trusted-proxies=127.0.0.1",
    `-Ddirectory.rate-limit.store=${store}`, `-Dquarkus.redis.hosts=redis://127.0.0.1:${redisPort}`,
    ...(process.env.BENCH_SERVICE_OPTS ?? "").split(" ").filter(Boolean), "-jar", jar];
  const directory = mkdtempSync(join(tmpdir(), "shared-limits-"));
  const log = openSync(join(directory, "service.log"), "w");
  const child = spawn("java", args, { cwd: directory, stdio: ["ignore", log, log] });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/q/health/ready`)).ok, 60_000, `${store} instance on ${port} ready`);
  // How often it fell back to its own buckets so far: the WARNs of ratelimit/SharedBuckets.
  const fallbacks = () => readFileSync(join(directory, "service.log"), "utf8").split("\n").filter((line) => line.includes("Redis failed")).length;
  return { url, fallbacks, stop: () => child.kill("SIGKILL") };
}

/** Sends from CONNECTIONS loops until `durationMs` has passed; `address(n)` names the client of request n. */
async function load(instances, durationMs, address) {
  const counts = { requests: 0, ok: 0, limited: 0, serverErrors: 0, failed: 0, maxMs: 0 };
  const end = Date.now() + durationMs;
  let n = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const i = n++;
      const started = performance.now();
      try {
        const answer = await fetch(`${instances[i % instances.length].url}/api/pay-tiers`, { headers: { "X-Forwarded-For": address(i) } });
        await answer.arrayBuffer();
        if (answer.status === 200) counts.ok++;
        else if (answer.status === 429) counts.limited++;
        else if (answer.status >= 500) counts.serverErrors++;
      } catch {
        counts.failed++;
      }
      counts.requests++;
      counts.maxMs = Math.max(counts.maxMs, performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return counts;
}

async function shared(instance) {
  const health = await (await fetch(`${instance.url}/q/health/ready`)).json();
  return health.checks.find((check) => check.name === "Rate limits").data.shared;
}

const results = [];
const redisPort = await freePort();
let redis = startRedis(redisPort);
try {
  await sleep(300);
  // 1. One client's limit across two instances, each store in turn, with the same load.
  for (const store of ["redis", "memory"]) {
    const pair = [await startService(store, redisPort), await startService(store, redisPort)];
    try {
      const client = `198.51.100.${store === "redis" ? 1 : 2}`;
      const started = Date.now();
      const counts = await load(pair, seconds * 1000, () => client);
      const elapsed = (Date.now() - started) / 1000;
      const allowed = LIMIT + LIMIT * elapsed / 60;
      const row = { step: "one client, two instances", store, ...counts, seconds: elapsed, allowed: Math.round(allowed),
        servedOverAllowed: Number((counts.ok / allowed).toFixed(3)), fallbacks: pair.map((instance) => instance.fallbacks()) };
      results.push(row);
      console.log(JSON.stringify(row));
    } finally {
      pair.forEach((instance) => instance.stop());
    }
  }

  // 2. Redis killed during load, then started again: many clients, so the answers are mostly 200.
  const pair = [await startService("redis", redisPort), await startService("redis", redisPort)];
  try {
    const loading = load(pair, 3 * seconds * 1000, (i) => `203.0.113.${i % 250}`);
    await sleep(seconds * 1000);
    const killedAt = Date.now();
    redis.kill("SIGKILL");
    const fellBack = await Promise.all(pair.map(async (instance) => {
      await until(async () => (await shared(instance)) === false, 10_000, "fallback");
      return Date.now() - killedAt;
    }));
    await sleep(seconds * 1000 - (Date.now() - killedAt));
    const restartedAt = Date.now();
    redis = startRedis(redisPort);
    const wentBack = await Promise.all(pair.map(async (instance) => {
      await until(async () => (await shared(instance)) === true, 30_000, "back to Redis");
      return Date.now() - restartedAt;
    }));
    const counts = await loading;
    const row = { step: "Redis killed during load", store: "redis", ...counts, fellBackMs: fellBack, backMs: wentBack };
    results.push(row);
    console.log(JSON.stringify(row));
  } finally {
    pair.forEach((instance) => instance.stop());
  }
} finally {
  redis.kill("SIGKILL");
}

const [withRedis, inMemory, outage] = results;
console.log(`
| measurement | buckets in Redis | buckets in each instance's memory |
|---|---:|---:|
| one client's requests served in ${withRedis.seconds.toFixed(1)} s / ${inMemory.seconds.toFixed(1)} s, alternating between two instances | ${withRedis.ok} | ${inMemory.ok} |
| what one bucket of ${LIMIT} a minute allows in that time | ${withRedis.allowed} | ${inMemory.allowed} |
| served / allowed (target: within 5 % of 1 with Redis) | ${withRedis.servedOverAllowed} | ${inMemory.servedOverAllowed} |
| requests, 429s | ${withRedis.requests}, ${withRedis.limited} | ${inMemory.requests}, ${inMemory.limited} |

| Redis killed for ${seconds} s during ${3 * seconds} s of load on two instances | |
|---|---:|
| requests | ${outage.requests} |
| 5xx answers (target 0) | ${outage.serverErrors} |
| failed connections | ${outage.failed} |
| slowest answer, ms | ${Math.round(outage.maxMs)} |
| readiness said "shared: false" after the kill, ms (target ≤ 1,000; polled every 50 ms) | ${outage.fellBackMs.join(", ")} |
| readiness said "shared: true" after the restart, ms | ${outage.backMs.join(", ")} |`);
process.exit(results.length === 3 && outage.serverErrors === 0 ? 0 : 1);
