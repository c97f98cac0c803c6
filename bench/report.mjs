// Turns the results of one bench/run.sh (results.jsonl) into markdown tables with the ratios of issue #6.
//   node bench/report.mjs results.jsonl
import { readFileSync } from "node:fs";

const rows = readFileSync(process.argv[2], "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
const find = (db, size, step) => rows.find((r) => r.db === db && r.size === size && r.step === step);
const dbs = [...new Set(rows.filter((r) => r.db === "h2" || r.db === "postgresql").map((r) => r.db))];
const sizes = [...new Set(rows.filter((r) => r.size > 0).map((r) => r.size))].sort((a, b) => a - b);
const number = (x, digits = 0) => (x == null || Number.isNaN(x) ? "–" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ms = (x) => (x == null ? "–" : x < 10 ? number(x, 2) : x < 100 ? number(x, 1) : number(x, 0));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const verdict = (value, ok) => (value == null ? "–" : `${ok(value) ? "met" : "**missed**"}`);
// wrk leaves requests that timed out (10 s) out of its latency percentiles: a step with timeouts
// has no valid p50/p99, only a lower bound.
const timedOut = (r) => r && (r.timeouts ?? 0) > 0;
const latency = (r, key) => (!r ? "–" : timedOut(r) ? `> 10,000 (${r.timeouts} timed out)` : ms(r[key]));
const latencyValue = (r, key) => (!r ? null : timedOut(r) ? Infinity : r[key]);
const sizeName = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

const out = [];
out.push("### Throughput and latency (wrk -t2 -c8; pgbench -c8 -j2)", "");
out.push("| database | listings | step | requests/s | p50 ms | p99 ms | errors |", "|---|---:|---|---:|---:|---:|---:|");
const steps = ["limit", "warm", "cold", "pgbench"];
for (const db of dbs) {
  for (const size of sizes) {
    for (const step of steps) {
      const r = find(db, size, step);
      if (!r) continue;
      const label = step === "limit" ? `limit (\`${r.path ?? ""}\`)` : step === "pgbench" ? "pgbench (cold SQL)" : `${step} search`;
      const errors = (r.non2xx ?? 0) + (r.connectErrors ?? 0) + (r.readErrors ?? 0) + (r.writeErrors ?? 0) + (r.timeouts ?? 0);
      out.push(`| ${db} | ${sizeName(size)} | ${label} | ${number(r.rps, r.rps < 10 ? 1 : 0)} | ${latency(r, "p50")} | ${latency(r, "p99")} | ${errors} |`);
    }
  }
}
for (const size of sizes) {
  const r = find("json-server", size, "cold");
  if (r) out.push(`| json-server | ${sizeName(size)} | nearest cold searches | ${number(r.rps, r.rps < 100 ? 1 : 0)} | ${latency(r, "p50")} | ${latency(r, "p99")} | ${r.non2xx + r.connectErrors + r.readErrors + r.writeErrors + r.timeouts} |`);
}

out.push("", "### Ratios against the targets", "");
out.push("| database | listings | warm / limit (≥ 0.5) | cold / pgbench (≥ 0.5) | cold p99 ms (< 100 at 100k) | cold / json-server (≥ 10) | warm / json-server | peak RSS MiB (< 400) |",
  "|---|---:|---:|---:|---:|---:|---:|---:|");
for (const db of dbs) {
  for (const size of sizes) {
    const limit = find(db, size, "limit"), warm = find(db, size, "warm"), cold = find(db, size, "cold");
    if (!warm && !cold) continue;
    const pgbench = find(db, size, "pgbench"), peer = find("json-server", size, "cold"), rss = find(db, size, "rss");
    const warmLimit = ratio(warm?.rps, limit?.rps), coldPg = ratio(cold?.rps, pgbench?.rps);
    const coldPeer = ratio(cold?.rps, peer?.rps), warmPeer = ratio(warm?.rps, peer?.rps);
    const rssMb = rss ? rss.peakKb / 1024 : null;
    out.push(`| ${db} | ${sizeName(size)} | ${number(warmLimit, 2)} ${verdict(warmLimit, (x) => x >= 0.5)} `
      + `| ${coldPg == null ? "–" : `${number(coldPg, 2)} ${verdict(coldPg, (x) => x >= 0.5)}`} `
      + `| ${latency(cold, "p99")}${size === 100000 ? ` ${verdict(latencyValue(cold, "p99"), (x) => x < 100)}` : ""} `
      + `| ${coldPeer == null ? "–" : `${number(coldPeer, 1)} ${verdict(coldPeer, (x) => x >= 10)}`} `
      + `| ${warmPeer == null ? "–" : number(warmPeer, 1)} `
      + `| ${number(rssMb)} ${verdict(rssMb, (x) => x < 400)} |`);
  }
}

if (sizes.length > 1) {
  const small = sizes[0], large = sizes[sizes.length - 1];
  out.push("", `### Growth: p50 at ${sizeName(large)} / p50 at ${sizeName(small)} (≤ 10; the target is stated for 1M / 10k)`, "");
  out.push("| database | step | p50 ms small | p50 ms large | ratio |", "|---|---|---:|---:|---:|");
  for (const db of dbs) {
    for (const step of ["warm", "cold", "pgbench"]) {
      const a = find(db, small, step), b = find(db, large, step);
      if (!a || !b) continue;
      const growth = timedOut(a) || timedOut(b) ? null : ratio(b.p50, a.p50);
      out.push(`| ${db} | ${step} | ${latency(a, "p50")} | ${latency(b, "p50")} | ${growth == null ? "**missed** (timeouts)" : `${number(growth, 1)} ${verdict(growth, (x) => x <= 10)}`} |`);
    }
  }
}

out.push("", "### Startup and loading", "");
out.push("| database | startup to first answer, ms (< 2500) | Quarkus \"started in\" | load (listings/s through the import API) |", "|---|---:|---:|---|");
for (const db of dbs) {
  const s = find(db, 0, "startup");
  const loads = sizes.map((size) => find(db, size, "load")).filter(Boolean)
    .map((l) => `${sizeName(l.count)}: ${number(l.listingsPerSecond)}/s (${number(l.totalSeconds, 0)} s)`).join(", ");
  out.push(`| ${db} | ${s ? `${number(s.ms)} ${verdict(s.ms, (x) => x < 2500)} (runs: ${s.all.join(", ")})` : "–"} `
    + `| ${s?.quarkusStartedSeconds != null ? `${s.quarkusStartedSeconds} s` : "–"} | ${loads || "cached"} |`);
}
const loads = rows.filter((r) => r.load1 != null).map((r) => r.load1);
if (loads.length) {
  out.push("", `Load average (1 min) of the machine when the steps started: ${Math.min(...loads)} to ${Math.max(...loads)}`
    + " (the harness itself keeps about 2 busy; more means other work shared the machine).");
}
console.log(out.join("\n"));
