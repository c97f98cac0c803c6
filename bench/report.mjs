// Turns the results of one bench/run.sh (results.jsonl) into markdown tables with the ratios against
// the targets of docs/PERFORMANCE.md and, given a directory, SVG charts of them (bench/charts.mjs) that
// the tables link to.
//   node bench/report.mjs results.jsonl [chart-directory]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { writeCharts } from "./charts.mjs";

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
const charts = process.argv[3] ? await writeCharts(rows, process.argv[3]) : [];
if (charts.length) {
  out.push("### Charts", "", ...charts.map((file) => `![${basename(file, ".svg")}](${basename(file)})`), "");
}
out.push("### Throughput and latency (wrk -t2 -c8)", "");
out.push("| database | listings | step | requests/s | p50 ms | p99 ms | errors |", "|---|---:|---|---:|---:|---:|---:|");
const steps = ["limit", "warm", "cold", "text"];
for (const db of dbs) {
  for (const size of sizes) {
    for (const step of steps) {
      const r = find(db, size, step);
      if (!r) continue;
      const label = step === "limit" ? `limit (\`${r.path ?? ""}\`)` : step === "text" ? "text search (cold q)" : `${step} search`;
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
out.push("| database | listings | warm / limit (≥ 0.6) | cold / limit (≥ 0.25 at 100k, 0.15 at 1M) | cold p99 ms (< 50 at 100k) | text / limit | text p99 ms | cold / json-server | peak RSS MiB |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
const coldTarget = (size) => (size >= 1000000 ? 0.15 : 0.25);
for (const db of dbs) {
  for (const size of sizes) {
    const limit = find(db, size, "limit"), warm = find(db, size, "warm"), cold = find(db, size, "cold"), text = find(db, size, "text");
    if (!warm && !cold) continue;
    const peer = find("json-server", size, "cold"), rss = find(db, size, "rss");
    const warmLimit = ratio(warm?.rps, limit?.rps), coldLimit = ratio(cold?.rps, limit?.rps), textLimit = ratio(text?.rps, limit?.rps);
    const coldPeer = ratio(cold?.rps, peer?.rps);
    const rssMb = rss ? rss.peakKb / 1024 : null;
    const targeted = size >= 100000;
    out.push(`| ${db} | ${sizeName(size)} | ${number(warmLimit, 2)}${targeted ? ` ${verdict(warmLimit, (x) => x >= 0.6)}` : ""} `
      + `| ${number(coldLimit, 2)}${targeted ? ` ${verdict(coldLimit, (x) => x >= coldTarget(size))}` : ""} `
      + `| ${latency(cold, "p99")}${size === 100000 ? ` ${verdict(latencyValue(cold, "p99"), (x) => x < 50)}` : ""} `
      + `| ${number(textLimit, 2)}${targeted ? ` ${verdict(textLimit, (x) => x >= coldTarget(size))}` : ""} `
      + `| ${latency(text, "p99")}${size === 100000 ? ` ${verdict(latencyValue(text, "p99"), (x) => x < 50)}` : ""} `
      + `| ${coldPeer == null ? "–" : number(coldPeer, 1)} | ${number(rssMb)} |`);
  }
}

if (sizes.length > 1) {
  const small = sizes[0], large = sizes[sizes.length - 1];
  out.push("", `### Growth: p50 at ${sizeName(large)} / p50 at ${sizeName(small)} (≤ 3 for cold searches; the target is stated for 1M / 10k)`, "");
  out.push("| database | step | p50 ms small | p50 ms large | ratio |", "|---|---|---:|---:|---:|");
  for (const db of dbs) {
    for (const step of ["warm", "cold", "text"]) {
      const a = find(db, small, step), b = find(db, large, step);
      if (!a || !b) continue;
      const growth = timedOut(a) || timedOut(b) ? null : ratio(b.p50, a.p50);
      out.push(`| ${db} | ${step} | ${latency(a, "p50")} | ${latency(b, "p50")} | ${growth == null ? "**missed** (timeouts)" : `${number(growth, 1)}${step === "cold" ? ` ${verdict(growth, (x) => x <= 3)}` : ""}`} |`);
    }
  }
}

out.push("", "### The search index", "");
out.push("| database | listings | full build ms | ready after a restart, ms (≤ 15,000 at 1M) | live heap MiB (≤ 150 at 1M) | live heap per listing, bytes | index on disk per listing, bytes | 1,000 imported through one, found on another after ms (≤ 1,000) |",
  "|---|---:|---:|---:|---:|---:|---:|---:|");
for (const db of dbs) {
  for (const size of sizes) {
    const build = find(db, size, "index-build"), restart = find(db, size, "restart"), heap = find(db, size, "heap");
    const visible = find(db, size, "visibility");
    if (!build && !restart && !heap) continue;
    const heapMb = heap?.liveKb != null ? heap.liveKb / 1024 : null;
    out.push(`| ${db} | ${sizeName(size)} | ${number(build?.ms)} | ${number(restart?.readyMs)}${size >= 1000000 ? ` ${verdict(restart?.readyMs, (x) => x <= 15000)}` : ""} `
      + `| ${number(heapMb)}${size >= 1000000 ? ` ${verdict(heapMb, (x) => x <= 150)}` : ""} | ${heap?.liveKb != null ? number(heap.liveKb * 1024 / size) : "–"} `
      + `| ${build?.indexBytes != null ? number(build.indexBytes / size) : "–"} `
      + `| ${visible ? `${number(visible.visibleMs)} ${verdict(visible.visibleMs, (x) => x <= 1000 && visible.found === 1000)} (import ${number(visible.importMs)} ms, ${visible.searches} search${visible.searches === 1 ? "" : "es"})` : "–"} |`);
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
