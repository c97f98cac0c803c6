// Data generator for the benchmark: N realistic listings over a few hundred platforms, written
// through the service's public API (POST /api/pay-tiers, /api/platforms, /api/listings/import) so it
// fills H2 and PostgreSQL alike and exercises the real write path. Deterministic per seed.
//
//   node bench/generate.mjs <baseUrl> <curatorKey> <count> [seed] [--json=file] [--json-only]
//
// --json=file also writes the same listings, shaped like the API's answers, as a json-server
// database ({"listings": [...]}); with --json-only nothing is sent to a service (baseUrl and key
// are then ignored, give "-"). Node 20, no dependencies. Prints one JSON line with the timings.
//
// Distributions (from public directories and DOMAIN.md): most listings worldwide, a fifth restricted
// to a region, a third language-gated, credentials on most domain-expert work, pay skewed toward the
// lower tiers and the lower end of each range, 15 % pay unknown, 10 % per task (70 % of them with minutes per task),
// 8 % in EUR, GBP, INR, BRL or PHP, 1 in 12 hourly ones with a lower range for IN, KE, NG and PH,
// 10 % closed and 5 % paused, postedAt spread over the nine months before 2026-11-20, some expiring
// (always after 2027-06, so the expiry job never writes during a benchmark).
import { createWriteStream } from "node:fs";

const args = process.argv.slice(2);
const options = Object.fromEntries(args.filter((a) => a.startsWith("--")).map((a) => {
  const [name, value = "true"] = a.slice(2).split("=");
  return [name, value];
}));
const [baseUrl, curatorKey, countText, seedText = "1"] = args.filter((a) => !a.startsWith("--"));
const count = Number(countText);
if (!Number.isInteger(count) || count < 1) {
  console.error("usage: node bench/generate.mjs <baseUrl> <curatorKey> <count> [seed] [--json=file] [--json-only]");
  process.exit(2);
}
const jsonOnly = options["json-only"] === "true";
const seed = Number(seedText);
const BATCH = 1000;
const CONCURRENT_IMPORTS = 2;

// mulberry32: small, fast and the same on every Node version.
function generator(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed * 7919 + 17);
const pick = (items) => items[Math.floor(random() * items.length)];
const chance = (p) => random() < p;
function weighted(entries) { // [[value, weight], ...]
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) { if ((r -= w) < 0) return value; }
  return entries[entries.length - 1][0];
}
function sample(items, n) {
  const copy = [...items];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out.sort();
}
const round2 = (x) => Math.round(x * 100) / 100;

// ---- vocabulary ----
const TIERS = [
  { slug: "general-writing", name: "General Writing", min: 15, max: 25, weight: 40,
    description: "Open-domain comparison and rating of model answers; needs strong English." },
  { slug: "coding", name: "Coding", min: 30, max: 55, weight: 18,
    description: "Judging code, fixing bugs and answering architecture questions." },
  { slug: "languages", name: "Languages", min: 20, max: 60, weight: 17,
    description: "Work in a language other than English; rare languages pay more." },
  { slug: "stem-math", name: "STEM & Math", min: 40, max: 80, weight: 15,
    description: "Advanced mathematics, physics and research-grade science." },
  { slug: "domain-expert", name: "Domain Expert", min: 60, max: 150, weight: 10,
    description: "Medicine, law, finance and engineering work that asks for credentials." },
];
const TOPICS = {
  "general-writing": ["travel", "cooking", "history", "fitness", "parenting", "gardening", "movies", "music", "sports",
    "fashion", "pets", "careers", "personal finance", "poetry", "short stories", "news", "philosophy", "geography"],
  coding: ["python", "javascript", "typescript", "java", "rust", "go", "sql", "kotlin", "swift", "c++", "react",
    "kubernetes", "data pipelines", "unit tests", "security reviews", "algorithms"],
  languages: ["translation", "idioms", "grammar", "dialogue", "customer support", "summaries", "subtitles", "slang"],
  "stem-math": ["calculus", "linear algebra", "statistics", "physics", "chemistry", "biology", "astronomy",
    "number theory", "probability", "organic chemistry", "genetics", "thermodynamics"],
  "domain-expert": ["cardiology", "oncology", "radiology", "pharmacology", "contract law", "tax law", "litigation",
    "accounting", "corporate finance", "actuarial science", "civil engineering", "electrical engineering", "nursing"],
};
const CREDENTIALS = {
  cardiology: "medical-license", oncology: "medical-license", radiology: "medical-license", nursing: "nursing-license",
  pharmacology: "pharmacy-license", "contract law": "law-degree", "tax law": "law-degree", litigation: "bar-admission",
  accounting: "cpa", "corporate finance": "cfa", "actuarial science": "actuary-fellowship",
  "civil engineering": "pe-license", "electrical engineering": "pe-license",
};
// Currencies other than USD, with the illustrative rates the run sets (USD per unit).
const RATES = [["EUR", 1.08], ["GBP", 1.27], ["INR", 0.0118], ["BRL", 0.175], ["PHP", 0.0171]];

const TASK_SHAPES = {
  PREFERENCE_COMPARISON: [["Compare chatbot answers about", "Read a prompt and two model answers about {topic}, pick the better one and justify your choice."],
    ["Pick the better response on", "Choose between two AI responses on {topic} and explain what makes one more helpful."]],
  RESPONSE_RATING: [["Rate AI answers on", "Rate one model answer about {topic} on a 1-7 scale for helpfulness, factuality and safety."],
    ["Score assistant replies about", "Score assistant replies about {topic} for instruction-following and flag wrong spans."]],
  PROMPT_RESPONSE_WRITING: [["Write prompts and ideal answers on", "Write a realistic prompt about {topic} and its ideal answer, used as a gold standard."],
    ["Author expert questions in", "Write hard questions in {topic} with worked answers that stump current models."]],
  CODE_EVALUATION: [["Review generated code in", "Judge code written by a model in {topic}: correctness, style and tests."]],
  RED_TEAMING: [["Red-team a model on", "Try to make a model misbehave on {topic} and report what it did."]],
  FACT_CHECKING: [["Fact-check model claims on", "Check every claim a model makes about {topic} against reliable sources."]],
  TRANSLATION_REVIEW: [["Review translations of", "Review machine translations of {topic} texts for accuracy and fluency."]],
};
const TASK_TYPES_BY_TIER = {
  "general-writing": [["PREFERENCE_COMPARISON", 40], ["RESPONSE_RATING", 35], ["PROMPT_RESPONSE_WRITING", 10], ["FACT_CHECKING", 10], ["RED_TEAMING", 5]],
  coding: [["CODE_EVALUATION", 50], ["PREFERENCE_COMPARISON", 25], ["PROMPT_RESPONSE_WRITING", 20], ["RED_TEAMING", 5]],
  languages: [["TRANSLATION_REVIEW", 35], ["PREFERENCE_COMPARISON", 30], ["RESPONSE_RATING", 25], ["PROMPT_RESPONSE_WRITING", 10]],
  "stem-math": [["PROMPT_RESPONSE_WRITING", 45], ["PREFERENCE_COMPARISON", 25], ["RESPONSE_RATING", 20], ["FACT_CHECKING", 10]],
  "domain-expert": [["PROMPT_RESPONSE_WRITING", 50], ["RESPONSE_RATING", 30], ["FACT_CHECKING", 20]],
};
const CLOSINGS = ["Flexible hours, work from home.", "Paid weekly for tracked time.", "Short tasks of one to ten minutes.",
  "An entry assessment comes first.", "Ongoing project with steady volume.", "New batch every week.",
  "Detailed guidelines and examples provided.", "Quality is reviewed by a second contributor."];
const LANGUAGES = [["en", 50], ["es", 12], ["pt", 6], ["de", 5], ["fr", 5], ["hi", 4], ["ja", 3], ["zh", 3], ["ar", 3],
  ["it", 2], ["ko", 2], ["tl", 2], ["sw", 1], ["pl", 1], ["tr", 1], ["vi", 1], ["id", 1], ["nl", 1]];
const LANGUAGE_NAMES = { en: "English", es: "Spanish", pt: "Portuguese", de: "German", fr: "French", hi: "Hindi", ja: "Japanese",
  zh: "Chinese", ar: "Arabic", it: "Italian", ko: "Korean", tl: "Tagalog", sw: "Swahili", pl: "Polish", tr: "Turkish",
  vi: "Vietnamese", id: "Indonesian", nl: "Dutch" };
const REGIONS = [
  ["US", "CA", "GB", "IE", "AU", "NZ"],
  ["DE", "FR", "ES", "IT", "NL", "BE", "PT", "PL", "SE", "AT", "IE", "FI", "DK"],
  ["MX", "AR", "CO", "CL", "PE", "BR", "UY", "EC"],
  ["IN", "PH", "PK", "BD", "LK", "NP"],
  ["KE", "NG", "ZA", "GH", "EG", "MA"],
  ["JP", "KR", "SG", "MY", "ID", "VN", "TH"],
  ["US", "CA"], ["GB"], ["IN"], ["PH"], ["BR", "PT"],
];
const SANCTIONED = ["CU", "IR", "KP", "SY"];
const NAME_PARTS = [["Data", "Label", "Signal", "Prompt", "Eval", "Insight", "Human", "Quality", "Rater", "Feedback",
  "Crowd", "Expert", "Annotate", "Tuning", "Judge", "Verity", "Clarity", "Gold", "Vector", "Aligned"],
["works", "hub", "loop", "lab", "forge", "base", "point", "bridge", "line", "scale", "nest", "desk", "panel", "grid", "craft"]];

// ---- platforms ----
const platformCount = count >= 10000 ? 300 : Math.max(5, Math.ceil(count / 40));
const platforms = [];
for (let i = 0; i < platformCount; i++) {
  const name = `${NAME_PARTS[0][i % 20]}${NAME_PARTS[1][Math.floor(i / 20) % 15]}${i >= 300 ? " " + i : ""}`;
  const slug = `bench-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${String(i).padStart(3, "0")}`;
  const audience = weighted([["GENERALIST", 55], ["SPECIALIST", 30], ["CREDENTIALED", 15]]);
  const tiers = audience === "CREDENTIALED" ? ["domain-expert", ...(chance(0.5) ? ["stem-math"] : [])]
    : audience === "SPECIALIST" ? sample(["coding", "stem-math", "languages"], 1 + Math.floor(random() * 2))
      : ["general-writing", ...sample(["coding", "languages", "stem-math"], Math.floor(random() * 3))];
  const region = weighted([["world", 70], ["region", 20], ["english", 10]]);
  const eligibility = {
    countries: region === "region" ? [...new Set(pick(REGIONS.slice(0, 6)))].sort() : [],
    excludedCountries: region === "world" ? SANCTIONED : [],
    languages: region === "english" ? ["en"] : [],
    credentials: [],
  };
  platforms.push({
    slug, name, websiteUrl: `https://example.com/${slug}`,
    description: `Benchmark data: a ${audience.toLowerCase()} platform for ${tiers.join(", ")} work.`,
    audience,
    taskTypes: [...new Set(tiers.flatMap((t) => TASK_TYPES_BY_TIER[t].map(([type]) => type)))].sort(),
    payTiers: tiers,
    paymentMethods: sample(["PAYPAL", "PAYONEER", "BANK_TRANSFER"], 1 + Math.floor(random() * 3)),
    payoutSchedule: pick(["WEEKLY", "WEEKLY", "BI_WEEKLY", "MONTHLY"]),
    assessmentRequired: chance(0.7), identityVerification: chance(0.6), eligibility,
  });
}
// A few large platforms and a long tail: weight ~ 1/(rank+1).
const platformWeights = platforms.map((p, i) => [p, 1 / (i + 1) ** 0.8]);
const platformsByTier = Object.fromEntries(TIERS.map((t) => [t.slug,
  platformWeights.filter(([p]) => p.payTiers.includes(t.slug))]));

// ---- listings ----
const POSTED_FROM = Date.parse("2026-02-20T00:00:00Z");
const POSTED_TO = Date.parse("2026-11-20T00:00:00Z");
const EXPIRES_FROM = Date.parse("2027-06-01T00:00:00Z");
const DAY = 86400000;

function listing(index) {
  const tier = weighted(TIERS.map((t) => [t, t.weight]));
  const platform = weighted(platformsByTier[tier.slug]);
  const taskType = weighted(TASK_TYPES_BY_TIER[tier.slug]);
  const topic = pick(TOPICS[tier.slug]);
  const [titleStart, sentence] = pick(TASK_SHAPES[taskType]);
  // A third language-gated: languages-tier work always, the rest often English-only.
  const languages = tier.slug === "languages" ? [weighted(LANGUAGES.slice(1))]
    : chance(0.22) ? [weighted(LANGUAGES)] : [];
  if (languages.length && chance(0.08)) languages.push("en");
  const language = languages.find((l) => l !== "en");
  const restricted = chance(0.2);
  const eligibility = {
    countries: restricted ? [...new Set(pick(REGIONS))].sort() : [],
    excludedCountries: !restricted && chance(0.1) ? sample(SANCTIONED, 1 + Math.floor(random() * 3)) : [],
    languages: [...new Set(languages)].sort(),
    credentials: tier.slug === "domain-expert" && chance(0.8) ? [CREDENTIALS[topic] ?? "professional-license"]
      : tier.slug === "stem-math" && chance(0.25) ? ["phd"] : [],
  };
  const title = `${titleStart} ${topic}${language ? ` in ${LANGUAGE_NAMES[language]}` : ""}`.slice(0, 200);
  const description = `${sentence.replace("{topic}", topic)} ${pick(CLOSINGS)} ${pick(CLOSINGS)}`
    + ` Reference ${index}.`;
  const payKind = weighted([["hour", 67], ["unknown", 15], ["task", 10], ["foreign", 8]]);
  let pay;
  if (payKind === "hour" || payKind === "foreign") {
    const span = tier.max - tier.min;
    const low = tier.min + span * random() ** 2 * 0.7; // skewed to the low end
    const high = Math.min(tier.max, low + span * (0.1 + random() * 0.4));
    const [currency, rate] = payKind === "hour" ? ["USD", 1] : pick(RATES);
    pay = { min: round2(low / rate), max: round2(Math.max(low, high) / rate), currency, unit: "HOUR" };
    // Some projects pay less in lower-cost countries: a range by country on 1 in 12 hourly listings.
    if (chance(1 / 12)) {
      const share = 0.4 + random() * 0.2;
      pay.byCountry = [{ countries: ["IN", "KE", "NG", "PH"], min: round2(pay.min * share), max: round2(pay.max * share) }];
    }
  } else if (payKind === "task") {
    const low = 0.5 + random() * 4;
    pay = { min: round2(low), max: round2(low * (1 + random())), currency: "USD", unit: "TASK",
      ...(chance(0.7) ? { minutesPerTask: 2 + Math.floor(random() * 14) } : {}) };
  }
  const postedAt = new Date(POSTED_FROM + Math.floor(random() ** 0.7 * (POSTED_TO - POSTED_FROM) / 1000) * 1000);
  const status = weighted([["OPEN", 85], ["PAUSED", 5], ["CLOSED", 10]]);
  const expiresAt = chance(0.3) ? new Date(EXPIRES_FROM + Math.floor(random() * 400) * DAY) : null;
  const externalId = `bench-${seed}-${index}`;
  return {
    platform: platform.slug, externalId, title, description, taskType, payTier: tier.slug,
    ...(pay ? { pay } : {}), eligibility, status,
    applyUrl: `https://example.com/${platform.slug}/apply/${externalId}`,
    postedAt: postedAt.toISOString().replace(".000Z", "Z"),
    ...(expiresAt ? { expiresAt: expiresAt.toISOString().replace(".000Z", "Z") } : {}),
    lastVerifiedAt: new Date(postedAt.getTime() + Math.floor(random() * 20) * DAY).toISOString().replace(".000Z", "Z"),
  };
}

// The listing as the API shows it (for json-server): references by {slug, name}, effective rules.
const platformBySlug = new Map(platforms.map((p) => [p.slug, p]));
const tierBySlug = new Map(TIERS.map((t) => [t.slug, t]));
function asShown(row, id) {
  const p = platformBySlug.get(row.platform);
  const own = row.eligibility;
  const pc = p.eligibility.countries;
  const countries = pc.length === 0 ? own.countries : own.countries.length === 0 ? pc : own.countries.filter((c) => pc.includes(c));
  const union = (a, b) => [...new Set([...a, ...b])].sort();
  return { id, ...row, platform: { slug: p.slug, name: p.name }, payTier: { slug: row.payTier, name: tierBySlug.get(row.payTier).name },
    effectiveEligibility: { countries, excludedCountries: union(p.eligibility.excludedCountries, own.excludedCountries),
      languages: union(p.eligibility.languages, own.languages), credentials: union(p.eligibility.credentials, own.credentials) } };
}

// ---- writing ----
async function call(method, path, body) {
  const response = await fetch(baseUrl + path, {
    method, body: body && JSON.stringify(body),
    headers: { Authorization: `Bearer ${curatorKey}`, "Content-Type": "application/json", Accept: "application/json" },
  });
  const text = await response.text();
  if (!response.ok && !(method === "POST" && response.status === 409)) {
    throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 2000)}`);
  }
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const started = Date.now();
const timings = { count, seed, platforms: platformCount };
const json = options.json ? createWriteStream(options.json) : null;
if (json) json.write('{"listings":[\n');
if (!jsonOnly) {
  for (const [currency, rate] of RATES) {
    const known = await fetch(`${baseUrl}/api/exchange-rates/${currency}`);
    if (known.status === 404) {
      await call("PUT", `/api/exchange-rates/${currency}`, { rate, asOf: "2026-11-30", source: "Benchmark data: illustrative rate" });
    }
  }
  const existingTiers = new Set((await call("GET", "/api/pay-tiers")).json.items.map((t) => t.slug));
  for (const t of TIERS.filter((t) => !existingTiers.has(t.slug))) {
    await call("POST", "/api/pay-tiers", { slug: t.slug, name: t.name, description: `Benchmark data: ${t.description}`,
      publishedRange: { min: t.min, max: t.max, currency: "USD" } });
  }
  for (let i = 0; i < platforms.length; i += 10) {
    await Promise.all(platforms.slice(i, i + 10).map((p) => call("POST", "/api/platforms", p)));
  }
  timings.platformSeconds = (Date.now() - started) / 1000;
}
const importStarted = Date.now();
let next = 0;
let written = 0;
let lastReport = Date.now();
const batches = [];
for (let from = 0; from < count; from += BATCH) batches.push(from);
// Each batch is generated when a worker takes it, in order, so the data is the same whatever the timing.
function batchAt(b) {
  const rows = [];
  for (let i = batches[b]; i < Math.min(count, batches[b] + BATCH); i++) rows.push(listing(i));
  return rows;
}
async function worker() {
  while (next < batches.length) {
    const b = next++;
    const rows = batchAt(b);
    if (json) json.write(rows.map((row, k) => JSON.stringify(asShown(row, batches[b] + k + 1))).join(",\n")
      + (b === batches.length - 1 ? "\n" : ",\n"));
    if (!jsonOnly) {
      const result = (await call("POST", "/api/listings/import", { listings: rows })).json;
      if (result.created + result.updated + result.unchanged !== rows.length) throw new Error(`import answered ${JSON.stringify(result)}`);
    }
    written += rows.length;
    if (Date.now() - lastReport > 10000) {
      lastReport = Date.now();
      console.error(`${written}/${count} listings, ${Math.round(written / ((Date.now() - importStarted) / 1000))}/s`);
    }
  }
}
await Promise.all(Array.from({ length: jsonOnly ? 1 : CONCURRENT_IMPORTS }, worker));
if (json) { json.write("]}\n"); await new Promise((resolve) => json.end(resolve)); }
timings.importSeconds = (Date.now() - importStarted) / 1000;
timings.listingsPerSecond = Math.round(count / timings.importSeconds);
timings.totalSeconds = (Date.now() - started) / 1000;
console.log(JSON.stringify(timings));
