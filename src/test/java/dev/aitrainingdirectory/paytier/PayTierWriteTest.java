package dev.aitrainingdirectory.paytier;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Curators create, replace, patch and delete pay tiers over HTTP; a renamed tier reaches its listings. */
@QuarkusTest
class PayTierWriteTest {

    private static final String CURATOR = "Bearer dev-curator-key";
    private static final String PARTNER = "Bearer dev-partner-key";
    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String ETAG_SHAPE = "\"[0-9]+-[0-9a-f]+\"";

    @Inject
    DirectoryFixture fixture;

    @Test
    void aCreatedTierAnswers201WithItsLocationAndETagAndEchoesTheFields() {
        String slug = DirectoryFixture.unique("created");

        Response created = curator().contentType(ContentType.JSON).body(tier(slug))
                .when().post("/api/pay-tiers");
        created.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", allOf(notNullValue(), containsString("/api/pay-tiers/" + slug)))
                .header("ETag", matchesPattern(ETAG_SHAPE))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Write Test Tier"))
                .body("description", equalTo("A tier written by a test."))
                .body("publishedRange.currency", equalTo("USD"))
                .body("observed.openListings", equalTo(0))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        assertRange(created.jsonPath(), "25.50", "40");

        Response read = given().when().get(created.header("Location"));
        read.then().statusCode(200).header("ETag", equalTo(created.header("ETag")));
        assertThat(withoutRange(read.jsonPath())).isEqualTo(withoutRange(created.jsonPath()));
        assertRange(read.jsonPath(), "25.50", "40");
        given().header("If-None-Match", created.header("ETag")).when().get("/api/pay-tiers/" + slug).then().statusCode(304);
        assertThat(given().when().get("/api/pay-tiers").then().statusCode(200).extract().jsonPath()
                .getList("items.slug", String.class)).contains(slug);
    }

    static Stream<Arguments> invalidTiers() {
        return Stream.of(
                invalid("a published minimum above the maximum", "publishedRange.min",
                        body -> range(body).put("min", new BigDecimal("60"))),
                invalid("a negative minimum", "publishedRange.min", body -> range(body).put("min", new BigDecimal("-1"))),
                invalid("a minimum with fractions of a cent", "publishedRange.min",
                        body -> range(body).put("min", new BigDecimal("10.125"))),
                invalid("a missing maximum", "publishedRange.max", body -> range(body).remove("max")),
                invalid("a lower-case currency", "publishedRange.currency", body -> range(body).put("currency", "usd")),
                invalid("a missing range", "publishedRange", body -> body.remove("publishedRange")),
                invalid("a missing name", "name", body -> body.remove("name")),
                invalid("a blank name", "name", body -> body.put("name", " ")),
                invalid("a missing description", "description", body -> body.remove("description")),
                invalid("a missing slug", "slug", body -> body.remove("slug")),
                invalid("a slug that is not url-safe", "slug", body -> body.put("slug", "Coding_Tier")));
    }

    private static Arguments invalid(String what, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(what, field, breakIt);
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @MethodSource("invalidTiers")
    void anInvalidTierIsRejectedWith422NamingTheFieldAndNothingIsCreated(
            String what, String field, Consumer<Map<String, Object>> breakIt) {
        String slug = DirectoryFixture.unique("invalid");
        Map<String, Object> body = tier(slug);
        breakIt.accept(body);
        int before = tierCount();

        curator().contentType(ContentType.JSON).body(body)
                .when().post("/api/pay-tiers")
                .then().statusCode(422)
                .contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));

        given().when().get("/api/pay-tiers/" + slug).then().statusCode(404);
        assertThat(tierCount()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeAndUnknownPropertiesAreRejectedWith400() {
        int before = tierCount();
        Map<String, Consumer<Map<String, Object>>> rejected = Map.of(
                "publishedRange.min", body -> range(body).put("min", "thirty"),
                "publishedRange.average", body -> range(body).put("average", 35),
                "observed", body -> body.put("observed", Map.of("openListings", 3)),
                "version", body -> body.put("version", 4));
        rejected.forEach((field, breakIt) -> {
            String slug = DirectoryFixture.unique("rejected");
            Map<String, Object> body = tier(slug);
            breakIt.accept(body);
            curator().contentType(ContentType.JSON).body(body)
                    .when().post("/api/pay-tiers")
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of(field)))
                    .body(not(containsString("java")));
            given().when().get("/api/pay-tiers/" + slug).then().statusCode(404);
        });
        curator().contentType(ContentType.JSON).body("{\"slug\": ")
                .when().post("/api/pay-tiers")
                .then().statusCode(400).contentType(PROBLEM);
        curator().contentType(ContentType.JSON).body("null")
                .when().post("/api/pay-tiers")
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType(PROBLEM);
        assertThat(tierCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateSlugAnswers409AndLeavesTheFirstTierAlone() {
        String slug = createTier(tier(DirectoryFixture.unique("duplicate")));
        String tag = etag(slug);
        String exampleTag = etag("coding");
        int before = tierCount();

        Map<String, Object> again = tier(slug);
        again.put("name", "Impostor");
        curator().contentType(ContentType.JSON).body(again)
                .when().post("/api/pay-tiers")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(slug));
        curator().contentType(ContentType.JSON).body(tier("coding"))
                .when().post("/api/pay-tiers")
                .then().statusCode(409).contentType(PROBLEM);

        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + slug).then().statusCode(304);
        given().header("If-None-Match", exampleTag).when().get("/api/pay-tiers/coding").then().statusCode(304);
        assertThat(tierCount()).isEqualTo(before);
    }

    @Test
    void putNeedsIfMatchAndRefusesAStaleETag() {
        String slug = createTier(tier(DirectoryFixture.unique("put-conditions")));
        String original = etag(slug);
        Map<String, Object> body = tier(slug);
        body.put("name", "Renamed");

        curator().contentType(ContentType.JSON).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(428).contentType(PROBLEM).body("status", equalTo(428));
        curator().contentType(ContentType.JSON).header("If-Match", "\"7-0000000000000000\"").body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(412).contentType(PROBLEM);
        given().header("If-None-Match", original).when().get("/api/pay-tiers/" + slug).then().statusCode(304);

        curator().contentType(ContentType.JSON).header("If-Match", original).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(200);
        body.put("name", "Renamed again");
        curator().contentType(ContentType.JSON).header("If-Match", original).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(412).contentType(PROBLEM);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("version", equalTo(1));
    }

    @Test
    void putWithTheCurrentETagReplacesTheTierAndMovesVersionTagAndUpdatedAt() {
        String slug = createTier(tier(DirectoryFixture.unique("put")));
        Response before = given().when().get("/api/pay-tiers/" + slug);
        String oldTag = before.header("ETag");
        Map<String, Object> replacement = new LinkedHashMap<>();
        replacement.put("name", "Replaced Tier");
        replacement.put("description", "Replaced by a test.");
        replacement.put("publishedRange", Map.of("min", new BigDecimal("12.25"), "max", new BigDecimal("18"), "currency", "EUR"));

        Response replaced = curator().contentType(ContentType.JSON).header("If-Match", oldTag).body(replacement)
                .when().put("/api/pay-tiers/" + slug);
        replaced.then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", allOf(matchesPattern(ETAG_SHAPE), not(equalTo(oldTag))))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Replaced Tier"))
                .body("description", equalTo("Replaced by a test."))
                .body("publishedRange.currency", equalTo("EUR"))
                .body("version", equalTo(1))
                .body("createdAt", equalTo(before.jsonPath().getString("createdAt")));
        assertRange(replaced.jsonPath(), "12.25", "18");
        String newTag = replaced.header("ETag");
        assertThat(Instant.parse(replaced.jsonPath().getString("updatedAt")))
                .isAfter(Instant.parse(before.jsonPath().getString("updatedAt")));

        Response read = given().header("If-None-Match", oldTag).when().get("/api/pay-tiers/" + slug);
        read.then().statusCode(200).header("ETag", equalTo(newTag)).body("name", equalTo("Replaced Tier"));
        assertThat(withoutRange(read.jsonPath())).isEqualTo(withoutRange(replaced.jsonPath()));
        given().header("If-None-Match", newTag).when().get("/api/pay-tiers/" + slug)
                .then().statusCode(304).header("ETag", equalTo(newTag));
    }

    @Test
    void putMayRepeatTheSlugButNotChangeIt() {
        String slug = createTier(tier(DirectoryFixture.unique("slug-fixed")));
        String tag = etag(slug);
        Map<String, Object> body = tier(slug);
        body.put("slug", DirectoryFixture.unique("other"));

        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("slug"));
        given().when().get("/api/pay-tiers/" + body.get("slug")).then().statusCode(404);
        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + slug).then().statusCode(304);

        body.put("slug", slug);
        body.put("name", "Same slug");
        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(200).body("slug", equalTo(slug)).body("name", equalTo("Same slug"));
    }

    @Test
    void anInvalidPutChangesNothing() {
        String slug = createTier(tier(DirectoryFixture.unique("put-invalid")));
        String tag = etag(slug);
        Map<String, Object> body = tier(slug);
        range(body).put("min", new BigDecimal("99"));

        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("publishedRange.min"));
        body.remove("publishedRange");
        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("publishedRange"));

        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + slug).then().statusCode(304);
    }

    @Test
    void writesToAnUnknownTierAnswer404() {
        String slug = DirectoryFixture.unique("missing");
        curator().contentType(ContentType.JSON).header("If-Match", "\"0-0\"").body(tier(slug))
                .when().put("/api/pay-tiers/" + slug).then().statusCode(404).contentType(PROBLEM);
        curator().contentType(MERGE_PATCH).header("If-Match", "\"0-0\"").body(Map.of("name", "x"))
                .when().patch("/api/pay-tiers/" + slug).then().statusCode(404).contentType(PROBLEM);
        curator().header("If-Match", "\"0-0\"")
                .when().delete("/api/pay-tiers/" + slug).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(404);
    }

    @Test
    void aMergePatchChangesOnlyTheGivenFieldsEvenInsideTheRange() {
        String slug = createTier(tier(DirectoryFixture.unique("patch")));
        Response before = given().when().get("/api/pay-tiers/" + slug);

        Response patched = curator().contentType(MERGE_PATCH).header("If-Match", before.header("ETag"))
                .body(Map.of("publishedRange", Map.of("max", new BigDecimal("80"))))
                .when().patch("/api/pay-tiers/" + slug);
        patched.then().statusCode(200)
                .header("ETag", allOf(matchesPattern(ETAG_SHAPE), not(equalTo(before.header("ETag")))))
                .body("publishedRange.currency", equalTo("USD"))
                .body("version", equalTo(1));
        assertRange(patched.jsonPath(), "25.50", "80");

        JsonPath after = given().when().get("/api/pay-tiers/" + slug).then().statusCode(200).extract().jsonPath();
        assertRange(after, "25.50", "80");
        Map<String, Object> expected = withoutRange(before.jsonPath());
        Map<String, Object> actual = withoutRange(after);
        assertThat(Instant.parse((String) actual.remove("updatedAt"))).isAfter(Instant.parse((String) expected.remove("updatedAt")));
        expected.put("version", 1);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aMergePatchCannotRemoveARequiredFieldOrBreakTheRange() {
        String slug = createTier(tier(DirectoryFixture.unique("patch-invalid")));
        String tag = etag(slug);
        Map<String, Object> noDescription = new HashMap<>();
        noDescription.put("description", null);
        Map<String, Object> noCurrency = new HashMap<>();
        noCurrency.put("currency", null);

        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(noDescription)
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("description"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("publishedRange", noCurrency))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("publishedRange.currency"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("publishedRange", Map.of("min", 41)))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("publishedRange.min"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("slug", "renamed-" + slug))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("slug"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("publishedRange", Map.of("min", "low")))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("publishedRange.min")))
                .body(not(containsString("java")));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("colour", "blue"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("colour")));

        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + slug).then().statusCode(304);
    }

    @Test
    void aMergePatchNeedsIfMatchAndItsMediaType() {
        String slug = createTier(tier(DirectoryFixture.unique("patch-conditions")));
        String original = etag(slug);

        curator().contentType(MERGE_PATCH).body(Map.of("name", "No precondition"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(428).contentType(PROBLEM);
        curator().contentType(ContentType.JSON).header("If-Match", original).body(Map.of("name", "Plain JSON"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(415).contentType(PROBLEM);
        curator().contentType(MERGE_PATCH).header("If-Match", original).body(Map.of("name", "First"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(200).body("name", equalTo("First"));
        curator().contentType(MERGE_PATCH).header("If-Match", original).body(Map.of("name", "Second"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(412).contentType(PROBLEM);

        given().when().get("/api/pay-tiers/" + slug).then().body("name", equalTo("First")).body("version", equalTo(1));
    }

    @Test
    void newObservedPayChangesTheTagButNotTheVersionACuratorWritesAgainst() {
        String slug = createTier(tier(DirectoryFixture.unique("observed")));
        String tag = etag(slug);
        fixture.listing(fixture.platform(worldwide())).tier(slug).hourly(30, 35).create();
        assertThat(etag(slug)).isNotEqualTo(tag);

        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("description", "Still version 0."))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(200).body("observed.openListings", equalTo(1)).body("version", equalTo(1));
    }

    @Test
    void aRenameReachesTheTiersListings() {
        String slug = fixture.payTier(20, 30);
        String platform = fixture.platform(worldwide());
        long listing = fixture.listing(platform).tier(slug).create();
        long closedListing = fixture.listing(platform).tier(slug).status(ListingStatus.CLOSED).create();
        long otherTier = fixture.listing(platform).create();
        String listingTag = given().when().get("/api/listings/" + listing).then().statusCode(200)
                .body("payTier.name", equalTo("Test tier")).extract().header("ETag");
        String cursor = latestChangeCursor();

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug)).body(Map.of("name", "Renamed Tier"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(200).body("name", equalTo("Renamed Tier"));

        given().header("If-None-Match", listingTag).when().get("/api/listings/" + listing).then().statusCode(200)
                .body("payTier.slug", equalTo(slug))
                .body("payTier.name", equalTo("Renamed Tier"))
                .body("version", equalTo(1));
        given().when().get("/api/listings/" + closedListing).then().statusCode(200)
                .body("payTier.name", equalTo("Renamed Tier"));
        assertThat(Api.ok("/api/listings", Map.of("platform", platform, "tier", slug)).extract().jsonPath()
                .getList("items.payTier.name", String.class)).containsExactly("Renamed Tier");

        JsonPath changes = changesAfter(cursor);
        assertThat(changedIds(changes)).contains(listing, closedListing).doesNotContain(otherTier);
        JsonPath entry = changes.param("id", listing);
        assertThat(entry.getString("items.find { it.id == id }.listing.payTier.name")).isEqualTo("Renamed Tier");
        assertThat(entry.getInt("items.find { it.id == id }.listing.version")).isEqualTo(1);
    }

    @Test
    void aNewRangeLeavesTheTiersListingsAlone() {
        String slug = fixture.payTier(20, 30);
        long listing = fixture.listing(fixture.platform(worldwide())).tier(slug).create();
        String cursor = latestChangeCursor();

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug))
                .body(Map.of("publishedRange", Map.of("max", 45), "description", "Pays more now."))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(200);

        given().when().get("/api/listings/" + listing).then().statusCode(200)
                .body("payTier.name", equalTo("Test tier")).body("version", equalTo(0));
        assertThat(changedIds(changesAfter(cursor))).doesNotContain(listing);
    }

    @Test
    void deleteNeedsIfMatchAndRefusesAStaleETag() {
        String slug = createTier(tier(DirectoryFixture.unique("delete-conditions")));
        String original = etag(slug);

        curator().when().delete("/api/pay-tiers/" + slug).then().statusCode(428).contentType(PROBLEM);
        curator().contentType(MERGE_PATCH).header("If-Match", original).body(Map.of("name", "Changed"))
                .when().patch("/api/pay-tiers/" + slug).then().statusCode(200);
        curator().header("If-Match", original).when().delete("/api/pay-tiers/" + slug)
                .then().statusCode(412).contentType(PROBLEM);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(200).body("name", equalTo("Changed"));

        curator().header("If-Match", etag(slug)).when().delete("/api/pay-tiers/" + slug).then().statusCode(204);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(404).contentType(PROBLEM);
        assertThat(given().when().get("/api/pay-tiers").then().statusCode(200).extract().jsonPath()
                .getList("items.slug", String.class)).doesNotContain(slug);
    }

    @Test
    void aTierAPlatformOffersCannotBeDeletedUntilThePlatformDropsIt() {
        String slug = createTier(tier(DirectoryFixture.unique("offered")));
        String platform = DirectoryFixture.unique("offering");
        curator().contentType(ContentType.JSON)
                .body(Map.of("slug", platform, "name", "Offering", "websiteUrl", "https://offering.example",
                        "description", "Offers the tier.", "audience", "GENERALIST", "payTiers", List.of("coding", slug)))
                .when().post("/api/platforms").then().statusCode(201);

        curator().header("If-Match", etag(slug)).when().delete("/api/pay-tiers/" + slug)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(slug));
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(200);

        String platformTag = given().when().get("/api/platforms/" + platform).then().extract().header("ETag");
        curator().contentType(MERGE_PATCH).header("If-Match", platformTag).body(Map.of("payTiers", List.of("coding")))
                .when().patch("/api/platforms/" + platform).then().statusCode(200).body("payTiers", equalTo(List.of("coding")));
        curator().header("If-Match", etag(slug)).when().delete("/api/pay-tiers/" + slug).then().statusCode(204);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(404);
    }

    @Test
    void aTierAListingUsesCannotBeDeletedUntilTheListingIsGone() {
        String slug = createTier(tier(DirectoryFixture.unique("used")));
        long listing = fixture.listing(fixture.platform(worldwide())).tier(slug).status(ListingStatus.CLOSED).create();

        curator().header("If-Match", etag(slug)).when().delete("/api/pay-tiers/" + slug)
                .then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(200);

        String listingTag = given().when().get("/api/listings/" + listing).then().statusCode(200).extract().header("ETag");
        curator().header("If-Match", listingTag).when().delete("/api/listings/" + listing).then().statusCode(204);
        curator().header("If-Match", etag(slug)).when().delete("/api/pay-tiers/" + slug).then().statusCode(204);
        given().when().get("/api/pay-tiers/" + slug).then().statusCode(404);
    }

    @Test
    void ofTwoConcurrentPutsWithTheSameETagExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String slug = createTier(tier(DirectoryFixture.unique("race")));
                fixture.listing(fixture.platform(worldwide())).tier(slug).create();
                String tag = etag(slug);
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> puts = new ArrayList<>();
                for (String name : List.of("Writer A", "Writer B")) {
                    Map<String, Object> body = tier(slug);
                    body.put("name", name);
                    Callable<Integer> put = () -> {
                        ready.countDown();
                        start.await();
                        return curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                                .when().put("/api/pay-tiers/" + slug).statusCode();
                    };
                    puts.add(pool.submit(put));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> put : puts) {
                    statuses.add(put.get(30, TimeUnit.SECONDS));
                }

                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
                String winner = statuses.get(0) == 200 ? "Writer A" : "Writer B";
                given().when().get("/api/pay-tiers/" + slug).then().statusCode(200)
                        .body("name", equalTo(winner)).body("version", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofTwoConcurrentCreatesWithTheSameSlugOneIsCreatedAndTheOtherAnswers409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String slug = DirectoryFixture.unique("twin");
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> posts = new ArrayList<>();
                for (String name : List.of("Twin A", "Twin B")) {
                    Map<String, Object> body = tier(slug);
                    body.put("name", name);
                    Callable<Response> post = () -> {
                        ready.countDown();
                        start.await();
                        return curator().contentType(ContentType.JSON).body(body).when().post("/api/pay-tiers");
                    };
                    posts.add(pool.submit(post));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                start.countDown();
                List<Response> answers = new ArrayList<>();
                for (Future<Response> post : posts) {
                    answers.add(post.get(30, TimeUnit.SECONDS));
                }

                assertThat(answers).extracting(Response::statusCode).as("round %d", round).containsExactlyInAnyOrder(201, 409);
                Response conflict = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
                assertThat(conflict.contentType()).startsWith(PROBLEM);
                String winner = answers.get(0).statusCode() == 201 ? "Twin A" : "Twin B";
                given().when().get("/api/pay-tiers/" + slug).then().statusCode(200).body("name", equalTo(winner));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", (Function<WriteTarget, Response>) target -> target.spec().contentType(ContentType.JSON)
                        .body(tier(target.newSlug())).when().post("/api/pay-tiers")),
                Arguments.of("PUT", (Function<WriteTarget, Response>) target -> target.spec().contentType(ContentType.JSON)
                        .header("If-Match", target.tag()).body(renamed(target.slug()))
                        .when().put("/api/pay-tiers/" + target.slug())),
                Arguments.of("PATCH", (Function<WriteTarget, Response>) target -> target.spec().contentType(MERGE_PATCH)
                        .header("If-Match", target.tag()).body(Map.of("name", "Hijacked"))
                        .when().patch("/api/pay-tiers/" + target.slug())),
                Arguments.of("DELETE", (Function<WriteTarget, Response>) target -> target.spec().header("If-Match", target.tag())
                        .when().delete("/api/pay-tiers/" + target.slug())));
    }

    /** What an unauthorised write aims at: an existing tier, its current tag and a slug not yet taken. */
    record WriteTarget(RequestSpecification spec, String slug, String tag, String newSlug) {
    }

    @ParameterizedTest(name = "{0} without the curator role is refused")
    @MethodSource("writes")
    void writesNeedACuratorKeyAndChangeNothingWithout(String method, Function<WriteTarget, Response> write) {
        String slug = createTier(tier(DirectoryFixture.unique("guarded")));
        String tag = etag(slug);
        String newSlug = DirectoryFixture.unique("guarded-new");

        write.apply(new WriteTarget(given(), slug, tag, newSlug)).then()
                .statusCode(401).contentType(PROBLEM).body("status", equalTo(401))
                .header("WWW-Authenticate", containsString("Bearer"));
        write.apply(new WriteTarget(given().header("Authorization", "Bearer not-a-key"), slug, tag, newSlug)).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        write.apply(new WriteTarget(given().header("Authorization", "dev-curator-key"), slug, tag, newSlug)).then()
                .statusCode(401).contentType(PROBLEM);
        write.apply(new WriteTarget(given().header("Authorization", PARTNER), slug, tag, newSlug)).then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));

        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + slug).then().statusCode(304);
        given().when().get("/api/pay-tiers/" + newSlug).then().statusCode(404);
        write.apply(new WriteTarget(curator(), slug, tag, newSlug)).then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
    }

    private static RequestSpecification curator() {
        return given().header("Authorization", CURATOR);
    }

    /** A complete tier body that each test may change before sending. */
    private static Map<String, Object> tier(String slug) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("min", new BigDecimal("25.50"));
        range.put("max", new BigDecimal("40"));
        range.put("currency", "USD");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Write Test Tier");
        body.put("description", "A tier written by a test.");
        body.put("publishedRange", range);
        return body;
    }

    private static Map<String, Object> renamed(String slug) {
        Map<String, Object> body = tier(slug);
        body.put("name", "Hijacked");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> range(Map<String, Object> body) {
        return (Map<String, Object>) body.get("publishedRange");
    }

    private static String createTier(Map<String, Object> body) {
        curator().contentType(ContentType.JSON).body(body).when().post("/api/pay-tiers").then().statusCode(201);
        return (String) body.get("slug");
    }

    private static String etag(String slug) {
        return given().when().get("/api/pay-tiers/" + slug).then().statusCode(200).extract().header("ETag");
    }

    private static int tierCount() {
        return given().when().get("/api/pay-tiers").then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    /** The range compared as amounts, whatever scale the JSON number is written with. */
    private static void assertRange(JsonPath tier, String min, String max) {
        assertThat(new BigDecimal(tier.getString("publishedRange.min"))).isEqualByComparingTo(min);
        assertThat(new BigDecimal(tier.getString("publishedRange.max"))).isEqualByComparingTo(max);
    }

    /** The tier's fields but the range's amounts, which {@link #assertRange} compares. */
    private static Map<String, Object> withoutRange(JsonPath tier) {
        Map<String, Object> fields = new HashMap<>(tier.getMap("$"));
        fields.put("publishedRange", tier.getString("publishedRange.currency"));
        return fields;
    }

    /** The cursor after every change made so far, as a client that has caught up with the feed holds it. */
    private static String latestChangeCursor() {
        String cursor = "0";
        while (true) {
            JsonPath page = changesAfter(cursor);
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
            cursor = page.getString("nextCursor");
        }
    }

    private static JsonPath changesAfter(String cursor) {
        return Api.ok("/api/listings/changes", Map.of("cursor", cursor, "limit", 1000)).extract().jsonPath();
    }

    private static List<Long> changedIds(JsonPath changes) {
        return changes.getList("items.id", Long.class);
    }
}
