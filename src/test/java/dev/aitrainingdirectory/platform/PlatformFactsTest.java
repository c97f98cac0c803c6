package dev.aitrainingdirectory.platform;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What contractors check on a platform before they apply: hiring per country, onboarding and payout
 * facts, and official domains, written by curators, shown on platforms and their listings, and searched by.
 */
@QuarkusTest
class PlatformFactsTest {

    private static final String PROBLEM = "application/problem+json";

    /** A platform as a curator writes it, with every fact, open everywhere on its own domain; tests change what they need. */
    private static Body platform(String slug) {
        return Bodies.platform(slug)
                .with("name", "Facts " + slug)
                .with("websiteUrl", "https://www." + slug + ".example")
                .with("description", "A platform with every fact a contractor checks.")
                .with("audience", "GENERALIST")
                .with("paymentMethods", List.of("PAYPAL", "PAYONEER"))
                .with("identityVerification", true)
                .without("assessmentRequired")
                .without("eligibility")
                .with("hiring", Map.of("status", "OPEN", "byCountry", Map.of("IN", "WAITLIST", "PH", "PAUSED"),
                        "verifiedAt", "2026-11-30T09:00:00Z"))
                .with("officialDomains", List.of(slug + ".example"))
                .with("assessment", Map.of("required", true, "paid", false, "estimatedMinutes", 90))
                .with("monitoringSoftware", true)
                .with("minimumAge", 18)
                .with("devices", List.of("COMPUTER", "WEBCAM"))
                .with("taxForms", List.of("W-9", "W-8BEN"))
                .with("paymentMethodCountries", List.of(Map.of("method", "PAYONEER", "countries", List.of("IN", "KE"))))
                .with("minimumPayout", Map.of("amount", 10, "currency", "USD"))
                .with("firstPayoutHoldDays", 7);
    }

    private static String create(Body body) {
        asCurator().contentType(ContentType.JSON).body(body).post("/api/platforms").then().statusCode(201);
        return (String) body.get("slug");
    }

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A listing open everywhere that applies at {@code applyUrl}. */
    private static Body listingBody(String platform, String applyUrl) {
        return Bodies.listing(platform, DirectoryFixture.unique("ext")).without("eligibility").with("applyUrl", applyUrl);
    }

    private static long listing(String platform, String applyUrl) {
        return asCurator().contentType(ContentType.JSON).body(listingBody(platform, applyUrl)).post("/api/listings").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void everyFactACuratorWritesIsShownOnThePlatform() {
        String slug = create(platform(DirectoryFixture.unique("facts")));

        JsonPath read = given().get("/api/platforms/" + slug).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("hiring.status")).isEqualTo("OPEN");
        assertThat(read.getMap("hiring.byCountry")).isEqualTo(Map.of("IN", "WAITLIST", "PH", "PAUSED"));
        assertThat(read.getString("hiring.verifiedAt")).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(read.getList("officialDomains")).containsExactly(slug + ".example");
        assertThat(read.getMap("assessment")).isEqualTo(Map.of("required", true, "paid", false, "estimatedMinutes", 90));
        assertThat(read.getBoolean("assessmentRequired")).isTrue();
        assertThat(read.getBoolean("monitoringSoftware")).isTrue();
        assertThat(read.getInt("minimumAge")).isEqualTo(18);
        assertThat(read.getList("devices")).containsExactly("COMPUTER", "WEBCAM");
        assertThat(read.getList("taxForms")).containsExactly("W-8BEN", "W-9");
        assertThat(read.getList("paymentMethodCountries")).containsExactly(Map.of("method", "PAYONEER", "countries", List.of("IN", "KE")));
        assertThat(read.getString("minimumPayout.currency")).isEqualTo("USD");
        assertThat(read.getDouble("minimumPayout.amount")).isEqualTo(10.0);
        assertThat(read.getInt("firstPayoutHoldDays")).isEqualTo(7);
    }

    @Test
    void aPlatformWrittenWithoutTheNewFactsIsOpenOnItsWebsitesDomain() {
        Body body = platform(DirectoryFixture.unique("plain"));
        List.of("hiring", "officialDomains", "assessment", "monitoringSoftware", "minimumAge", "devices", "taxForms",
                "paymentMethodCountries", "minimumPayout", "firstPayoutHoldDays").forEach(body::without);
        body.with("assessmentRequired", true);
        String slug = create(body);

        JsonPath read = given().get("/api/platforms/" + slug).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("hiring.status")).isEqualTo("OPEN");
        assertThat(read.getMap("hiring.byCountry")).isEmpty();
        assertThat(read.getList("officialDomains")).containsExactly("www." + slug + ".example");
        assertThat(read.getMap("assessment")).isEqualTo(Map.of("required", true));
        assertThat(read.getBoolean("monitoringSoftware")).isFalse();
        assertThat(read.getMap("")).doesNotContainKeys("minimumAge", "minimumPayout", "firstPayoutHoldDays");
    }

    @Test
    void badFactsAreRefusedFieldByFieldAndNothingIsStored() {
        Body body = platform(DirectoryFixture.unique("bad"))
                .with("hiring", Map.of("status", "HIRING", "byCountry", Map.of("XX", "OPEN", "IN", "SOON")))
                .with("officialDomains", List.of("https://bad.example", "bad.example/jobs", "192.168.0.1", "*.bad.example", "Bad.Example"))
                .with("assessment", Map.of("required", true, "paid", true, "estimatedMinutes", -5))
                .with("minimumAge", 12)
                .with("minimumPayout", Map.of("amount", -1, "currency", "XYZ"))
                .with("firstPayoutHoldDays", -1)
                .with("paymentMethodCountries", List.of(Map.of("method", "BANK_TRANSFER", "countries", List.of("ZZ"))));

        asCurator().contentType(ContentType.JSON).body(body).post("/api/platforms").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItems("hiring.status", "hiring.byCountry.XX", "hiring.byCountry.IN",
                        "officialDomains[0]", "officialDomains[1]", "officialDomains[2]", "officialDomains[3]", "officialDomains[4]",
                        "assessment.estimatedMinutes", "minimumAge", "minimumPayout.amount", "minimumPayout.currency",
                        "firstPayoutHoldDays", "paymentMethodCountries[0].method", "paymentMethodCountries[0].countries[0]"));
        given().get("/api/platforms/" + body.get("slug")).then().statusCode(404);

        body = platform(DirectoryFixture.unique("old")).with("minimumAge", 101);
        asCurator().contentType(ContentType.JSON).body(body).post("/api/platforms").then()
                .statusCode(422).body("errors.field", hasItem("minimumAge"));
    }

    @Test
    void aCountryNamedTwiceInByCountryIsRefusedNotSilentlyMerged() {
        String slug = DirectoryFixture.unique("twice");
        Body body = Bodies.platform(slug)
                .with("hiring", Bodies.raw("{\"status\": \"OPEN\", \"byCountry\": {\"IN\": \"WAITLIST\", \"IN\": \"OPEN\"}}"));

        asCurator().contentType(ContentType.JSON).body(body).post("/api/platforms").then()
                .statusCode(422).body("errors.field", hasItem("hiring.byCountry.IN"))
                .body("errors.message", hasItem(containsString("second time")));
        given().get("/api/platforms/" + slug).then().statusCode(404);
    }

    @Test
    void aListingMustApplyOnAnOfficialDomainOrASubdomainOfOne() {
        String slug = create(platform(DirectoryFixture.unique("domains")));

        listing(slug, "https://" + slug + ".example/apply");
        listing(slug, "https://app." + slug + ".example/tasks/1");
        Body body = listingBody(slug, "https://" + slug + "-jobs.example/apply");
        asCurator().contentType(ContentType.JSON).body(body).post("/api/listings").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("applyUrl"))
                .body("errors.message", hasItem(containsString("'" + slug + "-jobs.example'")));
        body.with("applyUrl", "https://evil" + slug + ".example/apply");
        asCurator().contentType(ContentType.JSON).body(body).post("/api/listings").then().statusCode(422);
        asCurator().contentType(ContentType.JSON).body(Bodies.listingImport(List.of(body))).post("/api/listings/import").then()
                .statusCode(422).body("errors.field", hasItem("listings[0].applyUrl"));
        assertThat(Api.total(Map.of("platform", slug))).isEqualTo(2);
    }

    @Test
    void domainsThatWouldStrandListingsAreAConflictNamingThem() {
        Body body = platform(DirectoryFixture.unique("strand"));
        String slug = (String) body.get("slug");
        body.with("officialDomains", List.of(slug + ".example", slug + "-old.example"));
        create(body);
        long kept = listing(slug, "https://" + slug + ".example/apply");
        long stranded = listing(slug, "https://" + slug + "-old.example/apply");

        body.with("officialDomains", List.of(slug + ".example"));
        String tag = etag("/api/platforms/" + slug);
        asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(body).put("/api/platforms/" + slug).then()
                .statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("ids " + stranded + ")"))
                .body("errors.message", hasItem(containsString("listing " + stranded + " applies at '" + slug + "-old.example'")));
        assertThat(given().get("/api/platforms/" + slug).jsonPath().getList("officialDomains")).hasSize(2);
        assertThat(etag("/api/platforms/" + slug)).isEqualTo(tag);

        asCurator().header("If-Match", etag("/api/listings/" + stranded)).delete("/api/listings/" + stranded).then().statusCode(204);
        asCurator().contentType(ContentType.JSON).header("If-Match", etag("/api/platforms/" + slug)).body(body)
                .put("/api/platforms/" + slug).then().statusCode(200);
        given().get("/api/listings/" + kept).then().statusCode(200);
    }

    @Test
    void hiringFiltersPlatformsAndListingsByTheAskedCountrysStatus() {
        String slug = create(platform(DirectoryFixture.unique("hiring")));
        long listing = listing(slug, "https://" + slug + ".example/apply");

        assertThat(Api.listingIds(Map.of("platform", slug, "hiring", "OPEN"))).containsExactly(listing);
        assertThat(Api.listingIds(Map.of("platform", slug, "hiring", "OPEN", "country", "US"))).containsExactly(listing);
        assertThat(Api.listingIds(Map.of("platform", slug, "hiring", "OPEN", "country", "IN"))).isEmpty();
        assertThat(Api.listingIds(Map.of("platform", slug, "hiring", "WAITLIST,PAUSED", "country", "IN"))).containsExactly(listing);
        assertThat(Api.listingIds(Map.of("platform", slug, "hiring", "WAITLIST"))).isEmpty();

        given().queryParams(Map.of("platform", slug, "country", "PH")).get("/api/listings").then().statusCode(200)
                .body("items[0].hiring.status", org.hamcrest.Matchers.equalTo("PAUSED"))
                .body("items[0].hiring.country", org.hamcrest.Matchers.equalTo("PH"));
        given().queryParams(Map.of("platform", slug)).get("/api/listings").then().statusCode(200)
                .body("items[0].hiring.status", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("items[0].hiring.verifiedAt", org.hamcrest.Matchers.equalTo("2026-11-30T09:00:00Z"));

        assertThat(platformSlugs(Map.of("q", "Facts", "hiring", "WAITLIST", "country", "IN"))).contains(slug);
        assertThat(platformSlugs(Map.of("q", "Facts", "hiring", "OPEN", "country", "IN"))).doesNotContain(slug);
        assertThat(platformSlugs(Map.of("q", "Facts", "hiring", "OPEN"))).contains(slug);
    }

    @Test
    void aHiringChangeIsACuratorWriteWhoseListingsAppearInTheChangeFeed() {
        String slug = create(platform(DirectoryFixture.unique("waitlist")));
        long listing = listing(slug, "https://" + slug + ".example/apply");
        String cursor = Api.latestChangeCursor();
        String listingTag = etag("/api/listings/" + listing);

        asCurator().contentType("application/merge-patch+json").header("If-Match", etag("/api/platforms/" + slug))
                .body(Bodies.object().with("hiring.status", "WAITLIST").with("hiring.byCountry.PH", null))
                .patch("/api/platforms/" + slug).then().statusCode(200)
                .body("hiring.status", org.hamcrest.Matchers.equalTo("WAITLIST"))
                .body("hiring.byCountry", org.hamcrest.Matchers.equalTo(Map.of("IN", "WAITLIST")));

        given().queryParam("cursor", cursor).get("/api/listings/changes").then().statusCode(200)
                .body("items.id", hasItem((int) listing));
        assertThat(etag("/api/listings/" + listing)).isNotEqualTo(listingTag);
        assertThat(Api.listingIds(Map.of("platform", slug, "hiring", "WAITLIST", "country", "PH"))).containsExactly(listing);
    }

    @Test
    void paymentMethodWithCountryKeepsPlatformsThatPayByItThere() {
        String slug = create(platform(DirectoryFixture.unique("payout")));
        long listing = listing(slug, "https://" + slug + ".example/apply");

        assertThat(Api.listingIds(Map.of("platform", slug, "paymentMethod", "PAYONEER"))).containsExactly(listing);
        assertThat(Api.listingIds(Map.of("platform", slug, "paymentMethod", "PAYONEER", "country", "KE"))).containsExactly(listing);
        assertThat(Api.listingIds(Map.of("platform", slug, "paymentMethod", "PAYONEER", "country", "US"))).isEmpty();
        assertThat(Api.listingIds(Map.of("platform", slug, "paymentMethod", "PAYPAL", "country", "US"))).containsExactly(listing);
        assertThat(Api.listingIds(Map.of("platform", slug, "paymentMethod", "BANK_TRANSFER"))).isEmpty();

        assertThat(platformSlugs(Map.of("q", "Facts", "paymentMethod", "PAYONEER", "country", "IN"))).contains(slug);
        assertThat(platformSlugs(Map.of("q", "Facts", "paymentMethod", "PAYONEER", "country", "US"))).doesNotContain(slug);
    }

    @Test
    void onboardingFiltersKeepWhatAContractorChoosesBy() {
        String unpaid = create(platform(DirectoryFixture.unique("unpaid")));
        String paid = create(platform(DirectoryFixture.unique("paid"))
                .with("assessment", Map.of("required", true, "paid", true, "estimatedMinutes", 30)).with("monitoringSoftware", false));
        String none = create(platform(DirectoryFixture.unique("none"))
                .with("assessment", Map.of("required", false)).with("monitoringSoftware", false));
        String unknown = create(platform(DirectoryFixture.unique("unknown")).with("assessment", Map.of("required", true)));
        long onUnpaid = listing(unpaid, "https://" + unpaid + ".example/a");
        long onPaid = listing(paid, "https://" + paid + ".example/a");
        long onNone = listing(none, "https://" + none + ".example/a");
        long onUnknown = listing(unknown, "https://" + unknown + ".example/a");
        String all = String.join(",", unpaid, paid, none, unknown);

        assertThat(Api.listingIds(Map.of("platform", all, "assessmentPaid", true))).containsExactlyInAnyOrder(onPaid, onNone);
        assertThat(Api.listingIds(Map.of("platform", all, "assessmentPaid", false))).containsExactly(onUnpaid);
        assertThat(Api.listingIds(Map.of("platform", all, "maxAssessmentMinutes", 60))).containsExactlyInAnyOrder(onPaid, onNone);
        assertThat(Api.listingIds(Map.of("platform", all, "maxAssessmentMinutes", 90)))
                .containsExactlyInAnyOrder(onPaid, onNone, onUnpaid);
        assertThat(Api.listingIds(Map.of("platform", all, "monitoring", false))).containsExactlyInAnyOrder(onPaid, onNone);
        assertThat(Api.listingIds(Map.of("platform", all, "monitoring", true))).containsExactlyInAnyOrder(onUnpaid, onUnknown);

        assertThat(platformSlugs(Map.of("q", "Facts", "assessmentPaid", true))).contains(paid, none).doesNotContain(unpaid, unknown);
        assertThat(platformSlugs(Map.of("q", "Facts", "maxAssessmentMinutes", 60))).contains(paid, none).doesNotContain(unpaid, unknown);
        assertThat(platformSlugs(Map.of("q", "Facts", "monitoring", false))).contains(paid, none).doesNotContain(unpaid, unknown);
        given().queryParam("maxAssessmentMinutes", -1).get("/api/listings").then().statusCode(400)
                .body("errors.field", hasItem("maxAssessmentMinutes"));
        given().queryParam("hiring", "SOON").get("/api/platforms").then().statusCode(400).body("errors.field", hasItem("hiring"));
    }

    @Test
    void aPatchOfAssessmentRequiredAloneTurnsTheAssessmentOff() {
        String slug = create(platform(DirectoryFixture.unique("off")));

        asCurator().contentType("application/merge-patch+json").header("If-Match", etag("/api/platforms/" + slug))
                .body(Bodies.object().with("assessmentRequired", false)).patch("/api/platforms/" + slug).then().statusCode(200)
                .body("assessmentRequired", org.hamcrest.Matchers.equalTo(false))
                .body("assessment", org.hamcrest.Matchers.equalTo(Map.of("required", false)));
        asCurator().contentType("application/merge-patch+json").header("If-Match", etag("/api/platforms/" + slug))
                .body(Bodies.object().with("assessmentRequired", true).with("assessment.required", false)).patch("/api/platforms/" + slug)
                .then().statusCode(422).body("errors.field", hasItem("assessmentRequired"));
    }

    private static List<String> platformSlugs(Map<String, ?> query) {
        Map<String, Object> sized = new HashMap<>(query);
        sized.put("size", 100);
        return Api.ok("/api/platforms", sized).extract().jsonPath().getList("items.slug", String.class);
    }
}
