// SVG charts of one bench/run.sh (the rows of results.jsonl), drawn with Vega-Lite and rendered by Vega
// without a browser: throughput and p99 latency per directory size, each search beside the service's own
// limit (GET /api, no search at all) and beside the peer (json-server answering the nearest searches).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import { compile } from "vega-lite";

/** The steps drawn, in legend order, with the name a reader sees. */
const SERIES = [
  ["limit", "limit: GET /api, no search"],
  ["warm", "warm search (answer cached)"],
  ["text", "text search (q, cold)"],
  ["cold", "cold search (filters, not cached)"],
  ["peer", "json-server, nearest cold search"],
];
const SIZE_NAMES = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
/** The latency target of docs/PERFORMANCE.md that a chart can show as a line: cold and text p99 at 100k. */
const P99_TARGET_MS = 50;

/** The points of the charts: one per database, size and step that the run measured without a timeout. */
export function chartPoints(rows) {
  const points = [];
  for (const row of rows) {
    const step = row.db === "json-server" && row.step === "cold" ? "peer" : row.step;
    const series = SERIES.find(([key]) => key === step);
    if (!series || !(row.size > 0) || row.rps == null) continue;
    points.push({
      database: row.db === "json-server" ? "json-server" : row.db,
      size: row.size,
      sizeName: SIZE_NAMES(row.size),
      series: series[1],
      rps: row.rps,
      // wrk leaves requests that timed out out of its percentiles: such a step has no p99 to draw.
      p99: (row.timeouts ?? 0) > 0 ? null : row.p99,
    });
  }
  return points;
}

function spec(points, { field, title, axisTitle, rule }) {
  const sizes = [...new Set(points.map((p) => p.size))].sort((a, b) => a - b).map(SIZE_NAMES);
  const databases = [...new Set(points.map((p) => p.database))];
  const encoding = {
    x: { field: "sizeName", type: "ordinal", sort: sizes, title: "listings in the directory", axis: { labelAngle: 0 } },
    y: { field, type: "quantitative", scale: { type: "log" }, title: axisTitle },
    color: { field: "series", type: "nominal", sort: SERIES.map(([, name]) => name), title: null, legend: { orient: "bottom", columns: 2, labelLimit: 300 } },
    ...(databases.length > 2 ? { strokeDash: { field: "database", type: "nominal", title: "database" } } : {}),
    detail: { field: "database" },
    tooltip: [{ field: "database" }, { field: "sizeName", title: "listings" }, { field: "series" }, { field, format: ",.1f" }],
  };
  const layers = [
    { mark: { type: "line", point: { size: 60, filled: true } }, encoding },
    { mark: { type: "text", dx: 6, align: "left", baseline: "middle", fontSize: 10 },
      transform: [{ joinaggregate: [{ op: "max", field: "size", as: "largest" }], groupby: ["series", "database"] },
        { filter: "datum.size === datum.largest" }],
      encoding: { ...encoding, text: { field, type: "quantitative", format: ",.3~r" } } },
  ];
  if (rule) {
    layers.push({ data: { values: [{ value: rule.value, label: rule.label }] },
      layer: [
        { mark: { type: "rule", strokeDash: [4, 3], color: "#555" }, encoding: { y: { field: "value", type: "quantitative" } } },
        { mark: { type: "text", align: "left", dx: 4, dy: -6, color: "#555", fontSize: 10 },
          encoding: { y: { field: "value", type: "quantitative" }, x: { value: 0 }, text: { field: "label" } } },
      ] });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: databases.filter((d) => d !== "json-server").join(", ") },
    width: 420, height: 260,
    data: { values: points.filter((p) => p[field] != null) },
    layer: layers,
    config: { font: "sans-serif", view: { stroke: null } },
  };
}

async function render(vegaLiteSpec) {
  const view = new vega.View(vega.parse(compile(vegaLiteSpec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Writes throughput.svg and p99.svg into `directory`; returns the files written (none without data). */
export async function writeCharts(rows, directory) {
  const points = chartPoints(rows);
  if (points.length === 0) return [];
  const charts = [
    ["throughput.svg", spec(points, { field: "rps", title: "Requests per second (wrk -t2 -c8), log scale", axisTitle: "requests/s" })],
    ["p99.svg", spec(points, { field: "p99", title: "p99 latency, log scale", axisTitle: "p99 ms",
      rule: { value: P99_TARGET_MS, label: `target for cold and text search at 100k: < ${P99_TARGET_MS} ms` } })],
  ];
  const written = [];
  for (const [name, chart] of charts) {
    const file = join(directory, name);
    writeFileSync(file, await render(chart));
    written.push(file);
  }
  return written;
}
