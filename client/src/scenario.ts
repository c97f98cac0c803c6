// The end-to-end scenario a partner would run: a client generated from the committed OpenAPI
// document, against the packaged service with a fresh database. Every response is checked against
// the document (see contract.ts); any unexpected status or body fails the run with a non-zero exit.
//
// Usage: DIRECTORY_URL=http://127.0.0.1:8080 CURATOR_KEY=... PARTNER_KEY=... tsx src/scenario.ts
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import { Contract } from "./contract.js";
import type { components, paths } from "./generated/directory-api.js";

type Listing = components["schemas"]["Listing"];
type ListingWrite = components["schemas"]["ListingWrite"];

const baseUrl = requiredEnv("DIRECTORY_URL");
const curator = { Authorization: `Bearer ${requiredEnv("CURATOR_KEY")}` };
const partner = { Authorization: `Bearer ${requiredEnv("PARTNER_KEY")}` };

const contract = new Contract();
const api = createClient<paths>({ baseUrl });
api.use(contract.middleware());

const steps: Array<[string, () => Promise<void>]> = [];
function step(name: string, run: () => Promise<void>): void {
  steps.push([name, run]);
}

step("the service serves the committed document and Swagger UI", async () => {
  for (const format of ["json", "yaml"]) {
    const served = await fetch(`${baseUrl}/q/openapi?format=${format}`);
    assert.equal(served.status, 200);
    const committed = readFileSync(new URL(`../../openapi/openapi.${format}`, import.meta.url), "utf8");
    assert.equal(await served.text(), committed, `/q/openapi?format=${format} is openapi/openapi.${format}`);
  }
  const swaggerUi = await fetch(`${baseUrl}/q/swagger-ui/`);
  assert.equal(swaggerUi.status, 200);
  assert.match(await swaggerUi.text(), /swagger-ui/i);
});

step("search with several filters, a sort and every facet", async () => {
  const { data, response } = await api.GET("/api/listings", {
    params: {
      query: {
        q: "example data", country: "IN", speaks: ["en", "es"], status: ["OPEN"], minPay: 10, includeUnknownPay: true, sort: "-pay",
        facets: ["platform", "tier", "taskType", "country", "language", "status"],
      },
    },
  });
  assert.equal(response.status, 200);
  assert.ok(data, "a page");
  assert.ok(data.totalItems > 0, "the example data has open listings for a contributor in India");
  assert.ok(response.headers.get("link")?.includes('rel="first"'), "a Link header with the first page");
  for (const listing of data.items) {
    assert.equal(listing.status, "OPEN");
    assert.ok(eligibleIn(listing, "IN"), `listing ${listing.id} admits a contributor in India`);
    assert.ok(listing.effectiveEligibility.languages.every((code) => ["en", "es"].includes(code)));
    if (listing.pay?.unit === "HOUR" && listing.pay.currency === "USD") {
      assert.ok(listing.pay.max >= 10, `listing ${listing.id} pays at least 10 USD an hour`);
    }
  }
  const facets = data.facets;
  assert.ok(facets, "facets were asked for");
  for (const facet of ["platform", "tier", "taskType", "country", "language", "status"] as const) {
    assert.ok(facets[facet], `the ${facet} facet is counted`);
  }
  const statuses = facets.status ?? [];
  assert.ok(statuses.some((value) => value.value !== "OPEN"), "the status facet leaves out its own filter");
});

step("search by tier and task type, and reject an unknown parameter", async () => {
  const { data } = await api.GET("/api/listings", {
    params: { query: { tier: ["coding", "stem-math"], taskType: ["CODE_EVALUATION", "RESPONSE_RATING"], size: 100 } },
  });
  assert.ok(data);
  for (const listing of data.items) {
    assert.ok(["coding", "stem-math"].includes(listing.payTier.slug));
    assert.ok(["CODE_EVALUATION", "RESPONSE_RATING"].includes(listing.taskType));
  }
  const typo = await api.GET("/api/listings", { params: { query: { contry: "IN" } as never } });
  assert.equal(typo.response.status, 400);
  assert.equal(typo.error?.errors?.[0]?.field, "contry");
});

step("page through every result of a search", async () => {
  const seen = new Set<number>();
  let page = 0;
  let totalPages = 1;
  let totalItems = 0;
  while (page < totalPages) {
    const { data, response } = await api.GET("/api/listings", {
      params: { query: { status: ["OPEN", "PAUSED", "CLOSED"], sort: "title", page, size: 7 } },
    });
    assert.ok(data);
    ({ totalPages, totalItems } = data);
    assert.equal(data.page, page);
    assert.ok(data.items.length <= 7);
    const link = response.headers.get("link") ?? "";
    assert.equal(link.includes('rel="next"'), page < totalPages - 1, `page ${page} links to a next page only when there is one`);
    for (const listing of data.items) {
      assert.ok(!seen.has(listing.id), `listing ${listing.id} is on one page only`);
      seen.add(listing.id);
    }
    page++;
  }
  assert.ok(totalPages > 1, "the example data fills more than one page of 7");
  assert.equal(seen.size, totalItems, "paging finds every listing exactly once");
});

step("read a listing with its ETag, then 304 while it is unchanged", async () => {
  const listing = await anyOpenListing();
  const first = await api.GET("/api/listings/{id}", { params: { path: { id: String(listing.id) } } });
  const etag = first.response.headers.get("etag");
  assert.ok(etag, "an ETag");
  assert.ok(first.data && "id" in first.data, "the listing as JSON");
  assert.equal(first.data.id, listing.id);
  const again = await api.GET("/api/listings/{id}", {
    params: { path: { id: String(listing.id) }, header: { "If-None-Match": etag } },
  });
  assert.equal(again.response.status, 304);
  assert.equal(again.response.headers.get("etag"), etag);
  const missing = await api.GET("/api/listings/{id}", { params: { path: { id: "999999999" } } });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.error?.status, 404);
});

step("read a listing as a schema.org JobPosting, with its own ETag", async () => {
  const listing = await anyOpenListing();
  const path = { id: String(listing.id) };
  const posting = await api.GET("/api/listings/{id}", { params: { path }, headers: { Accept: "application/ld+json" }, parseAs: "json" });
  assert.equal(posting.response.status, 200);
  assert.equal(posting.response.headers.get("content-type")?.split(";")[0], "application/ld+json");
  assert.ok(posting.data && "@type" in posting.data, "a JobPosting");
  assert.equal(posting.data["@type"], "JobPosting");
  assert.equal(posting.data.title, listing.title);
  assert.equal(posting.data.jobLocationType, "TELECOMMUTE");
  assert.equal(posting.data.hiringOrganization.name, listing.platform.name);
  assert.ok(posting.data.applicantLocationRequirements.length > 0);
  const tag = posting.response.headers.get("etag");
  assert.ok(tag);
  const json = await api.GET("/api/listings/{id}", { params: { path } });
  assert.notEqual(json.response.headers.get("etag"), tag, "JSON and JSON-LD are tagged apart");
  const again = await api.GET("/api/listings/{id}", {
    params: { path, header: { "If-None-Match": tag } }, headers: { Accept: "application/ld+json" },
  });
  assert.equal(again.response.status, 304);
});

step("vet platforms: hiring by country, payouts by country, onboarding, official domains", async () => {
  const waitlisted = await api.GET("/api/listings", { params: { query: { country: "IN", hiring: ["WAITLIST"], size: 100 } } });
  assert.ok(waitlisted.data && waitlisted.data.totalItems > 0, "the example data keeps India on a waitlist somewhere");
  for (const found of waitlisted.data.items) {
    assert.equal(found.hiring.status, "WAITLIST");
    assert.equal(found.hiring.country, "IN");
  }
  const open = await api.GET("/api/listings", { params: { query: { country: "IN", hiring: ["OPEN"], size: 100 } } });
  assert.ok(open.data);
  assert.ok(open.data.items.every((found) => !waitlisted.data?.items.some((other) => other.id === found.id)));

  const payoneerIn = await api.GET("/api/platforms", { params: { query: { paymentMethod: ["PAYONEER"], country: "IN" } } });
  const payoneerUs = await api.GET("/api/platforms", { params: { query: { paymentMethod: ["PAYONEER"], country: "US" } } });
  assert.ok(payoneerIn.data?.items.some((platform) => platform.slug === "outlier"));
  assert.ok(!payoneerUs.data?.items.some((platform) => platform.slug === "outlier"), "Outlier offers Payoneer in some countries only");

  const quick = await api.GET("/api/platforms", { params: { query: { maxAssessmentMinutes: 30, monitoring: false } } });
  assert.ok(quick.data);
  for (const platform of quick.data.items) {
    assert.equal(platform.monitoringSoftware, false);
    assert.ok(!platform.assessment.required || (platform.assessment.estimatedMinutes ?? Infinity) <= 30);
  }

  const outlier = await api.GET("/api/platforms/{slug}", { params: { path: { slug: "outlier" } } });
  assert.deepEqual(outlier.data?.officialDomains, ["outlier.ai"]);
  const lookAlike = await api.POST("/api/listings", {
    body: {
      platform: "outlier", externalId: `e2e-copy-${Date.now()}`, title: "Copied listing", description: "On a look-alike domain.",
      taskType: "RESPONSE_RATING", payTier: "languages", status: "OPEN", applyUrl: "https://outlier-ai.example/apply",
    },
    headers: curator,
  });
  assert.equal(lookAlike.response.status, 422);
  assert.ok(lookAlike.error?.errors?.some((error) => error.field === "applyUrl" && error.message.includes("outlier-ai.example")));
});

step("read the other resources", async () => {
  const platforms = await api.GET("/api/platforms", { params: { query: { country: "PH", sort: "-openListings" } } });
  assert.ok(platforms.data && platforms.data.totalItems > 0);
  const platform = await api.GET("/api/platforms/{slug}", { params: { path: { slug: "outlier" } } });
  assert.equal(platform.data?.slug, "outlier");
  const tiers = await api.GET("/api/pay-tiers");
  assert.deepEqual(new Set(tiers.data?.items.map((tier) => tier.slug)),
    new Set(["general-writing", "coding", "stem-math", "domain-expert", "languages"]));
  const tier = await api.GET("/api/pay-tiers/{slug}", { params: { path: { slug: "coding" } } });
  assert.equal(tier.data?.publishedRange.currency, "USD");
  const countries = await api.GET("/api/eligibility/countries");
  assert.ok((countries.data?.items.length ?? 0) > 200);
  const languages = await api.GET("/api/eligibility/languages");
  assert.ok(languages.data?.items.some((language) => language.code === "es"));
});

step("follow the changes feed to its end", async () => {
  let cursor: string | undefined;
  let held = 0;
  for (;;) {
    const { data } = await api.GET("/api/listings/changes", { params: { query: { cursor, limit: 25 } } });
    assert.ok(data);
    if (data.items.length === 0) {
      break;
    }
    held += data.items.filter((change) => !change.deleted).length;
    cursor = data.nextCursor;
  }
  const all = await api.GET("/api/listings", { params: { query: { status: ["OPEN", "PAUSED", "CLOSED"], size: 1 } } });
  assert.equal(held, all.data?.totalItems, "the changes feed holds every listing");
});

step("create, update and delete a listing with the curator key", async () => {
  const body: ListingWrite = {
    platform: "outlier", externalId: `e2e-${Date.now()}`, title: "Rate chatbot answers in Spanish (e2e)",
    description: "Created by the client scenario; deleted again at its end.", taskType: "RESPONSE_RATING",
    payTier: "languages", pay: { min: 18, max: 25, currency: "USD", unit: "HOUR" },
    eligibility: { countries: ["ES", "MX"], excludedCountries: [], languages: ["es"], credentials: [] },
    status: "OPEN", applyUrl: "https://outlier.ai", postedAt: new Date().toISOString(),
  };

  const anonymous = await api.POST("/api/listings", { body });
  assert.equal(anonymous.response.status, 401);
  const partnerWrite = await api.POST("/api/listings", { body, headers: partner });
  assert.equal(partnerWrite.response.status, 403);
  const invalid = await api.POST("/api/listings", { body: { ...body, applyUrl: "http://insecure.example" }, headers: curator });
  assert.equal(invalid.response.status, 422);

  const created = await api.POST("/api/listings", { body, headers: curator });
  assert.equal(created.response.status, 201);
  assert.ok(created.data);
  const id = String(created.data.id);
  assert.ok(created.response.headers.get("location")?.endsWith(`/api/listings/${id}`));
  const createdTag = created.response.headers.get("etag");
  assert.ok(createdTag);
  const duplicate = await api.POST("/api/listings", { body, headers: curator });
  assert.equal(duplicate.response.status, 409);

  const withoutIfMatch = await api.PATCH("/api/listings/{id}", {
    params: { path: { id }, header: {} as never }, body: { status: "PAUSED" }, headers: { ...curator, "Content-Type": "application/merge-patch+json" },
  });
  assert.equal(withoutIfMatch.response.status, 428);
  const patched = await api.PATCH("/api/listings/{id}", {
    params: { path: { id }, header: { "If-Match": createdTag } },
    body: { status: "PAUSED", pay: { min: 20, max: 28, currency: "USD", unit: "HOUR" } },
    headers: { ...curator, "Content-Type": "application/merge-patch+json" },
  });
  assert.equal(patched.response.status, 200);
  assert.equal(patched.data?.status, "PAUSED");
  assert.equal(patched.data?.pay?.max, 28);
  const stale = await api.PUT("/api/listings/{id}", {
    params: { path: { id }, header: { "If-Match": createdTag } }, body, headers: curator,
  });
  assert.equal(stale.response.status, 412);
  const patchedTag = patched.response.headers.get("etag");
  assert.ok(patchedTag);
  const replaced = await api.PUT("/api/listings/{id}", {
    params: { path: { id }, header: { "If-Match": patchedTag } }, body: { ...body, title: "Rate chatbot answers in Spanish (e2e, replaced)" },
    headers: curator,
  });
  assert.equal(replaced.response.status, 200);
  assert.equal(replaced.data?.pay?.max, 25, "a replace writes every field again");
  const replacedTag = replaced.response.headers.get("etag");
  assert.ok(replacedTag);

  const deleted = await api.DELETE("/api/listings/{id}", { params: { path: { id }, header: { "If-Match": replacedTag } }, headers: curator });
  assert.equal(deleted.response.status, 204);
  const gone = await api.GET("/api/listings/{id}", { params: { path: { id } } });
  assert.equal(gone.response.status, 404);
});

async function anyOpenListing(): Promise<Listing> {
  const { data } = await api.GET("/api/listings", { params: { query: { size: 1 } } });
  const listing = data?.items[0];
  assert.ok(listing, "an open listing");
  return listing;
}

function eligibleIn(listing: Listing, country: string): boolean {
  const rules = listing.effectiveEligibility;
  return (rules.countries.length === 0 || rules.countries.includes(country)) && !rules.excludedCountries.includes(country);
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
  try {
    await run();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}
console.log(`${contract.checkedResponses} responses matched the OpenAPI document`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
