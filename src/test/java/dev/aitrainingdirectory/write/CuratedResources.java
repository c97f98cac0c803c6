package dev.aitrainingdirectory.write;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.listing.PayUnit;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.DirectoryFixture;
import dev.aitrainingdirectory.write.CuratedResource.Draft;
import dev.aitrainingdirectory.write.CuratedResource.Fields;
import dev.aitrainingdirectory.write.CuratedResource.Referrer;
import dev.aitrainingdirectory.write.CuratedResource.Rejection;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The curated resources, each described for {@link CuratedWriteContractTest}. */
final class CuratedResources {

    /**
     * ISO 4217 codes that no other test writes a rate for, handed out one per draft: rates outlive a test and
     * every test shares the database. Grep src/test before giving a rate to one of these anywhere else.
     */
    private static final List<String> CURRENCIES = List.of(
            "AED", "AFN", "AMD", "AOA", "ARS", "AUD", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB",
            "BSD", "BTN", "BWP", "BYN", "BZD", "CDF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DOP", "DZD",
            "EGP", "ERN", "ETB", "FJD", "FKP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
            "IDR", "ILS", "IQD", "ISK", "JMD", "JOD", "KGS", "KHR", "KMF", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
            "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MUR", "MVR", "MWK", "MYR", "MZN", "NAD");
    private static final AtomicInteger NEXT_CURRENCY = new AtomicInteger();

    private CuratedResources() {
    }

    static List<CuratedResource> all() {
        return List.of(PLATFORMS, PAY_TIERS, LISTINGS, EXCHANGE_RATES);
    }

    static final CuratedResource PLATFORMS = new CuratedResource("platforms", "/api/platforms", false, true,
            fixture -> keyed("/api/platforms", DirectoryFixture.unique("contract"), Bodies::platform),
            draft -> Api.ok("/api/platforms", Map.of()).extract().jsonPath().getLong("totalItems"),
            new Fields("name", "description", "payoutSchedule", "eligibility.excludedCountries", List.of("PH"), "slug", Set.of()),
            List.of(
                    invalid("an http website", "websiteUrl", body -> body.with("websiteUrl", "http://platform.example")),
                    invalid("a website that is no URL", "websiteUrl", body -> body.with("websiteUrl", "platform.example")),
                    invalid("an unassigned country", "eligibility.countries[1]",
                            body -> body.with("eligibility.countries", List.of("IN", "XX"))),
                    invalid("a lower-case excluded country", "eligibility.excludedCountries[0]",
                            body -> body.with("eligibility.excludedCountries", List.of("us"))),
                    invalid("a language that is no ISO 639-1 code", "eligibility.languages[0]",
                            body -> body.with("eligibility.languages", List.of("english"))),
                    invalid("an unknown two-letter language", "eligibility.languages[0]",
                            body -> body.with("eligibility.languages", List.of("zz"))),
                    invalid("a credential that is no slug", "eligibility.credentials[0]",
                            body -> body.with("eligibility.credentials", List.of("Law Degree"))),
                    invalid("an unknown pay tier", "payTiers", body -> body.with("payTiers", List.of("coding", "no-such-tier"))),
                    invalid("a missing name", "name", body -> body.without("name")),
                    invalid("a blank name", "name", body -> body.with("name", "   ")),
                    invalid("a missing description", "description", body -> body.without("description")),
                    invalid("a missing audience", "audience", body -> body.without("audience")),
                    invalid("a missing slug", "slug", body -> body.without("slug")),
                    invalid("a slug that is not url-safe", "slug", body -> body.with("slug", "Not A Slug"))),
            List.of(
                    invalid("a task type that does not exist", "taskTypes[0]", body -> body.with("taskTypes", List.of("SINGING"))),
                    invalid("an audience that does not exist", "audience", body -> body.with("audience", "EVERYONE")),
                    invalid("a string for a boolean", "assessmentRequired", body -> body.with("assessmentRequired", "maybe")),
                    invalid("a string for a list", "eligibility.countries", body -> body.with("eligibility.countries", "IN")),
                    invalid("an unknown property inside a rule", "eligibility.colour", body -> body.with("eligibility.colour", "blue")),
                    invalid("the server's count", "openListings", body -> body.with("openListings", 7)),
                    invalid("the server's timestamp", "createdAt", body -> body.with("createdAt", "2020-01-01T00:00:00Z"))),
            List.of(
                    new Referrer("an open listing on it", true, (fixture, slug) -> deleting(fixture.listing(slug).create())),
                    new Referrer("a closed listing on it", false,
                            (fixture, slug) -> deleting(fixture.listing(slug).status(ListingStatus.CLOSED).create()))));

    static final CuratedResource PAY_TIERS = new CuratedResource("pay tiers", "/api/pay-tiers", false, true,
            fixture -> keyed("/api/pay-tiers", DirectoryFixture.unique("contract"), Bodies::payTier),
            draft -> given().get("/api/pay-tiers").then().statusCode(200).extract().jsonPath().getList("items").size(),
            new Fields("name", "description", null, "publishedRange.max", new BigDecimal("80"), "slug", Set.of()),
            List.of(
                    invalid("a published minimum above the maximum", "publishedRange.min",
                            body -> body.with("publishedRange.min", new BigDecimal("60"))),
                    invalid("a negative minimum", "publishedRange.min", body -> body.with("publishedRange.min", new BigDecimal("-1"))),
                    invalid("a minimum with fractions of a cent", "publishedRange.min",
                            body -> body.with("publishedRange.min", new BigDecimal("10.125"))),
                    invalid("a missing maximum", "publishedRange.max", body -> body.without("publishedRange.max")),
                    invalid("a lower-case currency", "publishedRange.currency", body -> body.with("publishedRange.currency", "usd")),
                    invalid("a missing range", "publishedRange", body -> body.without("publishedRange")),
                    invalid("a missing name", "name", body -> body.without("name")),
                    invalid("a blank name", "name", body -> body.with("name", " ")),
                    invalid("a missing description", "description", body -> body.without("description")),
                    invalid("a missing slug", "slug", body -> body.without("slug")),
                    invalid("a slug that is not url-safe", "slug", body -> body.with("slug", "Coding_Tier"))),
            List.of(
                    invalid("a string for an amount", "publishedRange.min", body -> body.with("publishedRange.min", "thirty")),
                    invalid("an unknown property inside the range", "publishedRange.average",
                            body -> body.with("publishedRange.average", 35)),
                    invalid("the server's observed pay", "observed", body -> body.with("observed.openListings", 3))),
            List.of(
                    new Referrer("an open listing in it", true, (fixture, slug) ->
                            deleting(fixture.listing(fixture.platform(worldwide())).tier(slug).hourly(30, 35).create())),
                    new Referrer("a closed listing in it", false, (fixture, slug) -> deleting(
                            fixture.listing(fixture.platform(worldwide())).tier(slug).status(ListingStatus.CLOSED).create())),
                    new Referrer("a platform that offers it", false, CuratedResources::offering)));

    static final CuratedResource LISTINGS = new CuratedResource("listings", "/api/listings", false, true,
            fixture -> {
                String externalId = DirectoryFixture.unique("contract");
                return new Draft(externalId, null, Bodies.listing(fixture.platform(worldwide()), externalId));
            },
            draft -> Api.total(Map.of("platform", draft.body().get("platform"), "status", "OPEN,PAUSED,CLOSED")),
            new Fields("title", "description", "pay", "eligibility.countries", List.of("PH"), null, Set.of("effectiveEligibility")),
            List.of(
                    invalid("an http apply URL", "applyUrl", body -> body.with("applyUrl", "http://platform.example/apply")),
                    invalid("an empty title", "title", body -> body.with("title", "")),
                    invalid("an unknown pay tier", "payTier", body -> body.with("payTier", "no-such-tier")),
                    invalid("a minimum pay above the maximum", "pay.min", body -> body.with("pay.min", 60).with("pay.max", 40)),
                    invalid("an unassigned country", "eligibility.countries[0]", body -> body.with("eligibility.countries", List.of("XX"))),
                    invalid("a language that is no ISO 639-1 code", "eligibility.languages[0]",
                            body -> body.with("eligibility.languages", List.of("english"))),
                    invalid("a missing status", "status", body -> body.without("status")),
                    invalid("a missing platform", "platform", body -> body.without("platform"))),
            List.of(
                    invalid("a task type that does not exist", "taskType", body -> body.with("taskType", "DANCING")),
                    invalid("the server's id", "id", body -> body.with("id", 5)),
                    invalid("the server's timestamp", "createdAt", body -> body.with("createdAt", "2020-01-01T00:00:00Z"))),
            List.of());

    static final CuratedResource EXCHANGE_RATES = new CuratedResource("exchange rates", "/api/exchange-rates", true, false,
            fixture -> keyed("/api/exchange-rates", currency(), currency -> Bodies.exchangeRate("0.05")),
            draft -> given().get("/api/exchange-rates").then().statusCode(200).extract().jsonPath().getList("items").size(),
            new Fields("source", "asOf", null, null, null, "currency", Set.of()),
            List.of(
                    invalid("a rate of zero", "rate", body -> body.with("rate", 0)),
                    invalid("a negative rate", "rate", body -> body.with("rate", new BigDecimal("-1.5"))),
                    invalid("a rate with more than ten decimals", "rate", body -> body.with("rate", new BigDecimal("0.00000000001"))),
                    invalid("a missing rate", "rate", body -> body.without("rate")),
                    invalid("a missing day", "asOf", body -> body.without("asOf")),
                    invalid("a blank source", "source", body -> body.with("source", " ")),
                    invalid("a currency other than the URL's", "currency", body -> body.with("currency", "NOK"))),
            List.of(
                    invalid("a string for the rate", "rate", body -> body.with("rate", "high")),
                    invalid("a day that is no date", "asOf", body -> body.with("asOf", "yesterday"))),
            List.of(new Referrer("a listing paid in it", false, (fixture, currency) -> deleting(
                    fixture.listing(fixture.platform(worldwide())).pay(100, 200, currency, PayUnit.HOUR).create()))));

    private static Draft keyed(String collection, String key, java.util.function.Function<String, Bodies.Body> body) {
        return new Draft(key, collection + "/" + key, body.apply(key));
    }

    private static Rejection invalid(String what, String field, java.util.function.UnaryOperator<Bodies.Body> breakIt) {
        return new Rejection(what, field, breakIt);
    }

    private static String currency() {
        int next = NEXT_CURRENCY.getAndIncrement();
        if (next >= CURRENCIES.size()) {
            throw new IllegalStateException("The contract test has used all its " + CURRENCIES.size() + " currencies: add more");
        }
        return CURRENCIES.get(next);
    }

    /** What releases a row a listing uses: deleting the listing. */
    private static Runnable deleting(long listing) {
        return () -> {
            String tag = given().get("/api/listings/" + listing).then().statusCode(200).extract().header("ETag");
            Api.asCurator().header("If-Match", tag).delete("/api/listings/" + listing).then().statusCode(204);
        };
    }

    /** A new platform offering the tier {@code slug}; what it returns makes the platform drop the tier. */
    private static Runnable offering(DirectoryFixture fixture, String slug) {
        String platform = DirectoryFixture.unique("offering");
        Api.asCurator().contentType(ContentType.JSON).body(Bodies.platform(platform).with("payTiers", List.of("coding", slug)))
                .post("/api/platforms").then().statusCode(201);
        return () -> {
            String tag = given().get("/api/platforms/" + platform).then().statusCode(200).extract().header("ETag");
            Api.asCurator().contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Bodies.object().with("payTiers", List.of("coding")))
                    .patch("/api/platforms/" + platform).then().statusCode(200);
        };
    }
}
