// Writes bench/pgbench/NN-*.sql: for each of the ten cold reference searches (bench/wrk/searches.lua),
// the SQL statements the service issues for it on PostgreSQL when it answers from the database, in
// order, with pgbench variables in place of the values that the cold run varies. Run with
// `node bench/pgbench/make-scripts.mjs`. Since the in-memory index (ListingIndex), the service issues
// these only while a newer index is being built; they stay the measure of the database answering the
// same searches alone (docs/PERFORMANCE.md).
//
// The statements were captured from the service (ALTER DATABASE directory_bench SET log_statement =
// 'all', one cold request of each kind, statements read from the PostgreSQL log; see
// docs/PERFORMANCE.md) and are written here the way ListingCriteria.toSql, EligibilitySql and
// ListingSearch build them. When those change, capture again and update this file.
//
// Differences from the service, kept small on purpose:
// - the values the service binds as parameters are pgbench variables (-M prepared binds them too);
//   a string chosen from a list is an array element indexed by a random variable;
// - the page of listings is fetched by 20 random ids (the service fetches the ids its previous
//   statement found; pgbench cannot carry a list between statements), with the eligibility rows of
//   the same listings fetched like Hibernate's batch fetches do;
// - a platform's or tier's id is looked up by slug like the service does, kept with \gset;
// - the ids and fetch statements always run (the service skips them when the page is empty).
// - JIT is off, as the service turns it off on its connections (run.sh sets PGOPTIONS).
// Variables given by run.sh: -D platforms=<platforms> -D listings=<listings>.
import { writeFileSync, readdirSync, unlinkSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const list = (values) => `array[${values.map((v) => `'${v}'`).join(",")}]`;
const COUNTRIES = ["IN", "US", "PH", "BR", "MX", "NG", "KE", "DE", "FR", "ES", "GB", "CA", "AU", "JP", "KR", "PK",
  "BD", "ZA", "EG", "AR", "CO", "CL", "PE", "PL", "IT", "NL", "SE", "PT", "ID", "VN", "TH", "MY", "SG", "IE", "NZ",
  "GH", "MA", "LK", "NP", "UY"];
const LANGUAGES = ["es", "pt", "de", "fr", "hi", "ja", "zh", "ar", "it", "ko", "tl", "sw", "pl", "tr", "vi", "id", "nl"];
const WORDS = ["python", "rust", "java", "sql", "calculus", "physics", "statistics", "cardiology", "tax", "law",
  "travel", "cooking", "history", "music", "translation", "grammar", "rate", "compare", "fact-check", "review",
  "weekly", "assessment", "guidelines", "spanish", "german", "code", "tests", "poetry", "chemistry", "accounting"];
const CREDENTIALS = ["law-degree", "medical-license", "cpa", "phd", "pe-license", "bar-admission", "cfa"];
const TIERS = ["general-writing", "coding", "languages", "stem-math", "domain-expert"];
const TASK_TYPES = ["PREFERENCE_COMPARISON", "RESPONSE_RATING", "PROMPT_RESPONSE_WRITING", "CODE_EVALUATION",
  "RED_TEAMING", "FACT_CHECKING", "TRANSLATION_REVIEW"];
const FIRST = ["Data", "Label", "Signal", "Prompt", "Eval", "Insight", "Human", "Quality", "Rater", "Feedback",
  "Crowd", "Expert", "Annotate", "Tuning", "Judge", "Verity", "Clarity", "Gold", "Vector", "Aligned"];
const SECOND = ["works", "hub", "loop", "lab", "forge", "base", "point", "bridge", "line", "scale", "nest", "desk",
  "panel", "grid", "craft"];

const country = `(${list(COUNTRIES)})[:country]`;
const setCountry = `\\set country random(1, ${COUNTRIES.length})`;
// A postedAfter before every listing, unique per request, like the cold run's.
const setUnique = "\\set unique random(0, 86399999)";
const after = "('2025-01-01 00:00:00+00'::timestamptz + :unique * interval '1 millisecond')";

// ListingCriteria.toSql and EligibilitySql, on l.effective_eligibility_id.
const c = {
  words: "l.search_text like '%' || (" + list(WORDS) + ")[:word] || '%' escape '\\'",
  country: `not exists (select 1 from eligibility_excluded_country ex where ex.eligibility_id = l.effective_eligibility_id and ex.code = ${country}) and (l.worldwide or exists (select 1 from eligibility_country ec where ec.eligibility_id = l.effective_eligibility_id and ec.code = ${country}))`,
  speaks: (codes) => `not exists (select 1 from eligibility_language el where el.eligibility_id = l.effective_eligibility_id and el.code not in (${codes}))`,
  holds: `not exists (select 1 from eligibility_credential cr where cr.eligibility_id = l.effective_eligibility_id and cr.code not in ((${list(CREDENTIALS)})[:credential]))`,
  language: `exists (select 1 from eligibility_language el where el.eligibility_id = l.effective_eligibility_id and el.code in ((${list(LANGUAGES)})[:language]))`,
  open: "(l.status in ('OPEN') and (l.expires_at is null or l.expires_at > now()))",
  posted: (bound = after) => `l.posted_at > ${bound}`,
};
const where = (conditions) => " where " + conditions.join(" and ");
// The stored flag (V4): the listing's effective rules list no country.
const worldwide = "l.worldwide";

const NEWEST = "l.posted_at desc, l.id";
const BEST_PAID = "l.hourly_usd_max desc nulls last, l.id";
const TITLE = "l.title_sort_key, l.id";

// count, ids of the page, the page's listings and their eligibility rows (ListingSearch.search).
function page(conditions, orderBy, paged = true) {
  const statements = [
    `select count(*) from task_listing l${where(conditions)};`,
    `select l.id from task_listing l${where(conditions)} order by ${orderBy} ${paged ? "offset (:page * 20) rows fetch next 20 rows only" : "fetch first 20 rows only"};`,
  ];
  const ids = Array.from({ length: 20 }, (_, i) => `:id${i}`);
  statements.push("select tl1_0.id,tl1_0.apply_url,tl1_0.created_at,tl1_0.description,tl1_0.effective_eligibility_id,ee1_0.id,tl1_0.eligibility_id,e1_0.id,tl1_0.expires_at,tl1_0.external_id,tl1_0.hourly_usd_max,tl1_0.hourly_usd_min,tl1_0.last_verified_at,tl1_0.pay_currency,tl1_0.pay_max,tl1_0.pay_min,tl1_0.pay_tier_id,pt1_0.id,pt1_0.created_at,pt1_0.description,pt1_0.name,pt1_0.range_currency,pt1_0.range_max,pt1_0.range_min,pt1_0.slug,pt1_0.updated_at,pt1_0.version,tl1_0.pay_unit,tl1_0.platform_id,p1_0.id,p1_0.assessment_required,p1_0.audience,p1_0.created_at,p1_0.description,p1_0.eligibility_id,p1_0.identity_verification,p1_0.name,p1_0.name_sort_key,p1_0.payout_schedule,p1_0.search_text,p1_0.slug,p1_0.updated_at,p1_0.version,p1_0.website_url,tl1_0.posted_at,tl1_0.search_text,tl1_0.status,tl1_0.task_type,tl1_0.title,tl1_0.title_sort_key,tl1_0.updated_at,tl1_0.version"
    + " from task_listing tl1_0 join platform p1_0 on p1_0.id=tl1_0.platform_id join pay_tier pt1_0 on pt1_0.id=tl1_0.pay_tier_id join eligibility e1_0 on e1_0.id=tl1_0.eligibility_id join eligibility ee1_0 on ee1_0.id=tl1_0.effective_eligibility_id"
    + ` where tl1_0.id in (${ids.join(",")});`);
  // A listing's own and effective eligibility ids follow the platforms' (two per listing, in order).
  const eligibilityIds = `array[${ids.map((id) => `${id} * 2 + :platforms - 1, ${id} * 2 + :platforms`).join(", ")}]::bigint[]`;
  for (const [table, alias, column] of [["eligibility_country", "c1_0", "code"], ["eligibility_excluded_country", "ec1_0", "code"],
    ["eligibility_language", "l1_0", "code"], ["eligibility_credential", "c1_0", "code"]]) {
    statements.push(`select ${alias}.eligibility_id,${alias}.${column} from ${table} ${alias} where ${alias}.eligibility_id = any (${eligibilityIds});`);
  }
  return statements;
}
const setIds = Array.from({ length: 20 }, (_, i) => `\\set id${i} random(1, :listings)`);

const platformColumns = "p1_0.id,p1_0.assessment_required,p1_0.audience,p1_0.created_at,p1_0.description,p1_0.eligibility_id,p1_0.identity_verification,p1_0.name,p1_0.name_sort_key,p1_0.payout_schedule,p1_0.search_text,p1_0.slug,p1_0.updated_at,p1_0.version,p1_0.website_url";
const tierColumns = "pt1_0.id,pt1_0.created_at,pt1_0.description,pt1_0.name,pt1_0.range_currency,pt1_0.range_max,pt1_0.range_min,pt1_0.slug,pt1_0.updated_at,pt1_0.version";
// Facets (ListingSearch.countFacets), each over the conditions without its own filter.
const facet = {
  platform: (conditions) => [`select l.platform_id, count(*) from task_listing l${where(conditions)} group by l.platform_id;`,
    `select ${platformColumns} from platform p1_0 where p1_0.id in (select generate_series(1, :platforms));`],
  tier: (conditions) => [`select l.pay_tier_id, count(*) from task_listing l${where(conditions)} group by l.pay_tier_id;`,
    `select ${tierColumns} from pay_tier pt1_0 where pt1_0.id in (1,2,3,4,5);`],
  taskType: (conditions) => [`select l.task_type, count(*) from task_listing l${where(conditions)} group by l.task_type;`],
  country: (conditions) => [
    `select l.platform_id, count(*) from task_listing l${where([...conditions, worldwide])} group by l.platform_id;`,
    `select l.platform_id, ex.code, count(*) from task_listing l join eligibility_excluded_country ex on ex.eligibility_id = l.effective_eligibility_id${where([...conditions, worldwide])} group by l.platform_id, ex.code;`,
    `select l.platform_id, ec.code, count(*) from task_listing l join eligibility_country ec on ec.eligibility_id = l.effective_eligibility_id left join eligibility_excluded_country ex on ex.eligibility_id = l.effective_eligibility_id and ex.code = ec.code${where([...conditions, "not (l.worldwide) and ex.code is null"])} group by l.platform_id, ec.code;`],
  language: (conditions) => [`select l.platform_id, el.code, count(*) from task_listing l join eligibility_language el on el.eligibility_id = l.effective_eligibility_id${where(conditions)} group by l.platform_id, el.code;`],
  status: (conditions) => [`select s.status, count(*) from (select case when l.status <> 'CLOSED' and l.expires_at <= now() then 'CLOSED' else l.status end as status from task_listing l${where(conditions)}) s group by s.status;`],
};
const platformSlug = `'bench-' || lower((${list(FIRST)})[:platform % 20 + 1] || (${list(SECOND)})[(:platform / 20) % 15 + 1]) || '-' || lpad(:platform::text, 3, '0')`;
const tierSlug = (variable) => `(${list(TIERS)})[:${variable}]`;

const pay = (bound) => `(l.hourly_usd_max >= ${bound})`;
const kinds = [
  ["00-newest", [setUnique, "\\set page random(0, 4)"], page([c.open, c.posted()], NEWEST)],
  ["01-country-facets", [setUnique, setCountry], [
    ...page([c.country, c.open, c.posted()], NEWEST, false),
    ...facet.tier([c.country, c.open, c.posted()]),
    ...facet.country([c.open, c.posted()])]],
  ["02-speaks-holds-pay", [setUnique, `\\set language random(1, ${LANGUAGES.length})`, `\\set credential random(1, ${CREDENTIALS.length})`, "\\set page random(0, 4)"],
    page([c.speaks(`'en', (${list(LANGUAGES)})[:language]`), c.holds, c.open, c.posted()], BEST_PAID)],
  ["03-language-facets", [setUnique, `\\set language random(1, ${LANGUAGES.length})`], [
    ...page([c.language, c.open, c.posted()], NEWEST, false),
    ...facet.platform([c.language, c.open, c.posted()]),
    ...facet.taskType([c.language, c.open, c.posted()])]],
  ["04-tier-task-type", [setUnique, `\\set tier random(1, ${TIERS.length})`, `\\set tasktype random(1, ${TASK_TYPES.length})`, "\\set page random(0, 4)"], [
    `select ${tierColumns} from pay_tier pt1_0 where pt1_0.slug in (${tierSlug("tier")}) \\gset tier_`,
    ...page([`l.pay_tier_id in (:tier_id)`, `l.task_type in ((${list(TASK_TYPES)})[:tasktype])`, c.open, c.posted()], NEWEST)]],
  ["05-platform-title", [setUnique, "\\set platform random(0, :platforms - 1)", "\\set page random(0, 1)"], [
    `select ${platformColumns} from platform p1_0 where p1_0.slug in (${platformSlug}) \\gset platform_`,
    ...page([`l.platform_id in (:platform_id)`, c.open, c.posted()], TITLE)]],
  ["06-min-pay-unknown", [setUnique, "\\set minpay random(10, 119)", "\\set page random(0, 4)"],
    page([c.open, `(l.hourly_usd_max is null or ${pay(":minpay")})`, c.posted()], BEST_PAID)],
  ["07-words-facet", [setUnique, `\\set word random(1, ${WORDS.length})`], [
    ...page([c.words, c.open, c.posted()], NEWEST, false),
    ...facet.tier([c.words, c.open, c.posted()])]],
  ["08-posted-after-country", [setUnique, setCountry, "\\set day random(0, 230)"],
    page([c.country, c.open, c.posted(`('2026-03-01 00:00:00+00'::timestamptz + :day * interval '1 day' + :unique * interval '1 millisecond')`)], NEWEST, false)],
  ["09-everything-all-facets", [setUnique, setCountry, `\\set tier random(1, ${TIERS.length})`, `\\set minpay random(15, 54)`], (() => {
    const tiers = "l.pay_tier_id in (:tiers_first, :tiers_second)";
    const speaks = c.speaks("'en'");
    const all = [c.country, speaks, tiers, c.open, pay(":minpay"), c.posted()];
    return [
      `select min(pt1_0.id) as first, max(pt1_0.id) as second from pay_tier pt1_0 where pt1_0.slug in (${tierSlug("tier")}, (${list(TIERS)})[(:tier + 1) % 5 + 1]) \\gset tiers_`,
      ...page(all, NEWEST, false),
      ...facet.platform(all),
      ...facet.tier([c.country, speaks, c.open, pay(":minpay"), c.posted()]),
      ...facet.taskType(all),
      ...facet.country([speaks, tiers, c.open, pay(":minpay"), c.posted()]),
      ...facet.language(all),
      ...facet.status([c.country, speaks, tiers, pay(":minpay"), c.posted()]),
    ];
  })()],
];

for (const file of readdirSync(here).filter((f) => f.endsWith(".sql"))) unlinkSync(`${here}/${file}`);
for (const [name, sets, statements] of kinds) {
  const text = [`-- Generated by make-scripts.mjs: the SQL of cold search kind ${name} (bench/wrk/searches.lua).`,
    ...sets, ...setIds, ...statements].join("\n") + "\n";
  writeFileSync(`${here}/${name}.sql`, text);
}
