package dev.aitrainingdirectory.platform;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
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

/** Curators create, replace, patch and delete platforms over HTTP; changes reach the platform's listings. */
@QuarkusTest
class PlatformWriteTest {

    private static final String CURATOR = "Bearer dev-curator-key";
    private static final String PARTNER = "Bearer dev-partner-key";
    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String ETAG_SHAPE = "\"[0-9]+-[0-9a-f]+\"";

    @Inject
    DirectoryFixture fixture;

    @Test
    void aCreatedPlatformAnswers201WithItsLocationAndETagAndEchoesTheFields() {
        String slug = DirectoryFixture.unique("created");
        Map<String, Object> body = platform(slug);

        Response created = curator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms");
        created.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", allOf(notNullValue(), containsString("/api/platforms/" + slug)))
                .header("ETag", matchesPattern(ETAG_SHAPE))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Write Test Platform"))
                .body("websiteUrl", equalTo("https://platform.example/" + slug))
                .body("description", equalTo("A platform written by a test."))
                .body("audience", equalTo("SPECIALIST"))
                .body("taskTypes", equalTo(List.of("PREFERENCE_COMPARISON", "RESPONSE_RATING")))
                .body("payTiers", equalTo(List.of("coding")))
                .body("paymentMethods", equalTo(List.of("PAYPAL")))
                .body("payoutSchedule", equalTo("WEEKLY"))
                .body("assessmentRequired", equalTo(true))
                .body("identityVerification", equalTo(false))
                .body("eligibility.countries", equalTo(List.of("IN", "PH")))
                .body("eligibility.excludedCountries", equalTo(List.of()))
                .body("eligibility.languages", equalTo(List.of("en")))
                .body("eligibility.credentials", equalTo(List.of()))
                .body("openListings", equalTo(0))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());

        Map<String, Object> echoed = created.jsonPath().getMap("$");
        String tag = created.header("ETag");
        Response read = given().when().get(created.header("Location"));
        read.then().statusCode(200).header("ETag", equalTo(tag));
        assertThat(read.jsonPath().getMap("$")).isEqualTo(echoed);
        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug).then().statusCode(304);
    }

    @Test
    void onlyTheRequiredFieldsAreNeededToCreateAPlatform() {
        String slug = DirectoryFixture.unique("minimal");
        curator().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Minimal", "websiteUrl", "https://minimal.example",
                        "description", "Only what is required.", "audience", "GENERALIST"))
                .when().post("/api/platforms")
                .then().statusCode(201)
                .body("taskTypes", equalTo(List.of()))
                .body("payTiers", equalTo(List.of()))
                .body("$", not(hasKey("payoutSchedule")))
                .body("assessmentRequired", equalTo(false))
                .body("eligibility.countries", equalTo(List.of()));
    }

    static Stream<Arguments> invalidPlatforms() {
        return Stream.of(
                invalid("an http website", "websiteUrl", body -> body.put("websiteUrl", "http://platform.example")),
                invalid("a website that is no URL", "websiteUrl", body -> body.put("websiteUrl", "platform.example")),
                invalid("an unassigned country", "eligibility.countries[1]",
                        body -> eligibility(body).put("countries", List.of("IN", "XX"))),
                invalid("a lower-case excluded country", "eligibility.excludedCountries[0]",
                        body -> eligibility(body).put("excludedCountries", List.of("us"))),
                invalid("a language that is no ISO 639-1 code", "eligibility.languages[0]",
                        body -> eligibility(body).put("languages", List.of("english"))),
                invalid("an unknown two-letter language", "eligibility.languages[0]",
                        body -> eligibility(body).put("languages", List.of("zz"))),
                invalid("a credential that is no slug", "eligibility.credentials[0]",
                        body -> eligibility(body).put("credentials", List.of("Law Degree"))),
                invalid("an unknown pay tier", "payTiers", body -> body.put("payTiers", List.of("coding", "no-such-tier"))),
                invalid("a missing name", "name", body -> body.remove("name")),
                invalid("a blank name", "name", body -> body.put("name", "   ")),
                invalid("a missing description", "description", body -> body.remove("description")),
                invalid("a missing audience", "audience", body -> body.remove("audience")),
                invalid("a missing slug", "slug", body -> body.remove("slug")),
                invalid("a slug that is not url-safe", "slug", body -> body.put("slug", "Not A Slug")));
    }

    private static Arguments invalid(String what, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(what, field, breakIt);
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @MethodSource("invalidPlatforms")
    void anInvalidPlatformIsRejectedWith422NamingTheFieldAndNothingIsCreated(
            String what, String field, Consumer<Map<String, Object>> breakIt) {
        String slug = DirectoryFixture.unique("invalid");
        Map<String, Object> body = platform(slug);
        breakIt.accept(body);
        long before = platformCount();

        curator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms")
                .then().statusCode(422)
                .contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("title", equalTo("Unprocessable Content"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));

        given().when().get("/api/platforms/" + slug).then().statusCode(404);
        assertThat(platformCount()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        String slug = DirectoryFixture.unique("many-errors");
        Map<String, Object> body = platform(slug);
        body.put("websiteUrl", "http://platform.example");
        body.remove("name");
        eligibility(body).put("countries", List.of("XX"));

        curator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms")
                .then().statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", allOf(hasItem("websiteUrl"), hasItem("name"), hasItem("eligibility.countries[0]")))
                .body("detail", containsString("3 invalid fields"));
        given().when().get("/api/platforms/" + slug).then().statusCode(404);
    }

    @Test
    void anAudienceOutsideTheEnumerationIsAClientErrorNeverAServerError() {
        String slug = DirectoryFixture.unique("audience");
        Map<String, Object> body = platform(slug);
        body.put("audience", "EVERYONE");

        curator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("audience"))
                .body("errors[0].message", containsString("GENERALIST, SPECIALIST, CREDENTIALED"))
                .body(not(containsString("dev.aitrainingdirectory")));
        given().when().get("/api/platforms/" + slug).then().statusCode(404);
    }

    @Test
    void valuesOfTheWrongTypeAreNamedWithoutJavaClassNames() {
        Map<String, Consumer<Map<String, Object>>> wrongTypes = Map.of(
                "taskTypes[0]", body -> body.put("taskTypes", List.of("SINGING")),
                "assessmentRequired", body -> body.put("assessmentRequired", "maybe"),
                "eligibility.countries", body -> eligibility(body).put("countries", "IN"),
                "eligibility.colour", body -> eligibility(body).put("colour", "blue"));
        wrongTypes.forEach((field, breakIt) -> {
            String slug = DirectoryFixture.unique("wrong-type");
            Map<String, Object> body = platform(slug);
            breakIt.accept(body);
            curator().contentType(ContentType.JSON).body(body)
                    .when().post("/api/platforms")
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of(field)))
                    .body(not(containsString("java")));
            given().when().get("/api/platforms/" + slug).then().statusCode(404);
        });
    }

    @Test
    void anUnknownPropertyIsRejectedWith400NamingIt() {
        String slug = DirectoryFixture.unique("unknown-property");
        Map<String, Object> body = platform(slug);
        body.put("openListing", 5);

        curator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("openListing"));
        given().when().get("/api/platforms/" + slug).then().statusCode(404);
    }

    @Test
    void readOnlyFieldsCannotBeWritten() {
        for (String readOnly : List.of("openListings", "version", "createdAt")) {
            String slug = DirectoryFixture.unique("read-only");
            Map<String, Object> body = platform(slug);
            body.put(readOnly, readOnly.equals("createdAt") ? "2020-01-01T00:00:00Z" : 7);

            curator().contentType(ContentType.JSON).body(body)
                    .when().post("/api/platforms")
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem(readOnly));
            given().when().get("/api/platforms/" + slug).then().statusCode(404);
        }
    }

    @Test
    void malformedOrMissingBodiesAreClientErrors() {
        long before = platformCount();
        curator().contentType(ContentType.JSON).body("{\"slug\": ")
                .when().post("/api/platforms")
                .then().statusCode(400).contentType(PROBLEM);
        curator().contentType(ContentType.JSON).body("null")
                .when().post("/api/platforms")
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType(PROBLEM);
        curator().contentType(ContentType.JSON)
                .when().post("/api/platforms")
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType(PROBLEM);
        curator().contentType(ContentType.JSON).body("[]")
                .when().post("/api/platforms")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        assertThat(platformCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateSlugAnswers409AndLeavesTheFirstPlatformAlone() {
        String slug = createPlatform(platform(DirectoryFixture.unique("duplicate")));
        String tag = etag(slug);
        Map<String, Object> again = platform(slug);
        again.put("name", "Impostor");
        long before = platformCount();

        curator().contentType(ContentType.JSON).body(again)
                .when().post("/api/platforms")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString(slug));

        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug).then().statusCode(304);
        assertThat(platformCount()).isEqualTo(before);
    }

    @Test
    void putNeedsIfMatchAndRefusesAStaleETag() {
        String slug = createPlatform(platform(DirectoryFixture.unique("put-conditions")));
        String original = etag(slug);
        Map<String, Object> body = platform(slug);
        body.put("name", "Renamed");

        curator().contentType(ContentType.JSON).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(428).contentType(PROBLEM).body("status", equalTo(428));
        curator().contentType(ContentType.JSON).header("If-Match", "\"99-0000000000000000\"").body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(412).contentType(PROBLEM);
        given().header("If-None-Match", original).when().get("/api/platforms/" + slug).then().statusCode(304);

        curator().contentType(ContentType.JSON).header("If-Match", original).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(200);
        body.put("name", "Renamed again");
        curator().contentType(ContentType.JSON).header("If-Match", original).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(412).contentType(PROBLEM);
        given().when().get("/api/platforms/" + slug).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("version", equalTo(1));
    }

    @Test
    void putWithTheCurrentETagReplacesThePlatformAndMovesVersionTagAndUpdatedAt() {
        String slug = createPlatform(platform(DirectoryFixture.unique("put")));
        Response before = given().when().get("/api/platforms/" + slug);
        String oldTag = before.header("ETag");
        Instant oldUpdatedAt = Instant.parse(before.jsonPath().getString("updatedAt"));
        Map<String, Object> replacement = new LinkedHashMap<>();
        replacement.put("name", "Replaced Platform");
        replacement.put("websiteUrl", "https://replaced.example/");
        replacement.put("description", "Replaced by a test.");
        replacement.put("audience", "CREDENTIALED");
        replacement.put("taskTypes", List.of("CODE_EVALUATION"));
        replacement.put("payTiers", List.of("general-writing", "stem-math"));
        replacement.put("paymentMethods", List.of("BANK_TRANSFER", "PAYONEER"));
        replacement.put("eligibility", Map.of("excludedCountries", List.of("US"), "credentials", List.of("law-degree")));

        Response replaced = curator().contentType(ContentType.JSON).header("If-Match", oldTag).body(replacement)
                .when().put("/api/platforms/" + slug);
        replaced.then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", allOf(matchesPattern(ETAG_SHAPE), not(equalTo(oldTag))))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Replaced Platform"))
                .body("websiteUrl", equalTo("https://replaced.example/"))
                .body("audience", equalTo("CREDENTIALED"))
                .body("taskTypes", equalTo(List.of("CODE_EVALUATION")))
                .body("payTiers", equalTo(List.of("general-writing", "stem-math")))
                .body("paymentMethods", equalTo(List.of("PAYONEER", "BANK_TRANSFER")))
                .body("$", not(hasKey("payoutSchedule")))
                .body("assessmentRequired", equalTo(false))
                .body("eligibility.countries", equalTo(List.of()))
                .body("eligibility.excludedCountries", equalTo(List.of("US")))
                .body("eligibility.languages", equalTo(List.of()))
                .body("eligibility.credentials", equalTo(List.of("law-degree")))
                .body("version", equalTo(1))
                .body("createdAt", equalTo(before.jsonPath().getString("createdAt")));
        String newTag = replaced.header("ETag");
        assertThat(Instant.parse(replaced.jsonPath().getString("updatedAt"))).isAfter(oldUpdatedAt);

        Response read = given().header("If-None-Match", oldTag).when().get("/api/platforms/" + slug);
        read.then().statusCode(200).header("ETag", equalTo(newTag));
        assertThat(read.jsonPath().getMap("$")).isEqualTo(replaced.jsonPath().getMap("$"));
        given().header("If-None-Match", newTag).when().get("/api/platforms/" + slug)
                .then().statusCode(304).header("ETag", equalTo(newTag));
    }

    @Test
    void putMayRepeatTheSlugButNotChangeIt() {
        String slug = createPlatform(platform(DirectoryFixture.unique("slug-fixed")));
        String tag = etag(slug);
        Map<String, Object> body = platform(slug);
        body.put("slug", DirectoryFixture.unique("other"));

        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("slug"));
        given().when().get("/api/platforms/" + body.get("slug")).then().statusCode(404);
        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug).then().statusCode(304);

        body.put("slug", slug);
        body.put("name", "Same slug");
        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(200).body("slug", equalTo(slug)).body("name", equalTo("Same slug"));
    }

    @Test
    void anInvalidPutChangesNothing() {
        String slug = createPlatform(platform(DirectoryFixture.unique("put-invalid")));
        String tag = etag(slug);
        Map<String, Object> body = platform(slug);
        body.put("websiteUrl", "http://insecure.example");
        eligibility(body).put("languages", List.of("EN"));

        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", allOf(hasItem("websiteUrl"), hasItem("eligibility.languages[0]")));
        body.remove("websiteUrl");
        body.put("webSiteUrl", "https://typo.example");
        curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .when().put("/api/platforms/" + slug)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("webSiteUrl"));

        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug).then().statusCode(304);
    }

    @Test
    void writesToAnUnknownPlatformAnswer404() {
        String slug = DirectoryFixture.unique("missing");
        curator().contentType(ContentType.JSON).header("If-Match", "\"0-0\"").body(platform(slug))
                .when().put("/api/platforms/" + slug).then().statusCode(404).contentType(PROBLEM);
        curator().contentType(MERGE_PATCH).header("If-Match", "\"0-0\"").body(Map.of("name", "x"))
                .when().patch("/api/platforms/" + slug).then().statusCode(404).contentType(PROBLEM);
        curator().header("If-Match", "\"0-0\"")
                .when().delete("/api/platforms/" + slug).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/platforms/" + slug).then().statusCode(404);
    }

    @Test
    void aMergePatchChangesOnlyTheGivenFields() {
        String slug = createPlatform(platform(DirectoryFixture.unique("patch")));
        Response before = given().when().get("/api/platforms/" + slug);

        Response patched = curator().contentType(MERGE_PATCH).header("If-Match", before.header("ETag"))
                .body(Map.of("description", "Patched description.", "eligibility", Map.of("excludedCountries", List.of("PH"))))
                .when().patch("/api/platforms/" + slug);
        patched.then().statusCode(200)
                .header("ETag", allOf(matchesPattern(ETAG_SHAPE), not(equalTo(before.header("ETag")))))
                .body("description", equalTo("Patched description."))
                .body("eligibility.excludedCountries", equalTo(List.of("PH")))
                .body("version", equalTo(1));

        Map<String, Object> expected = new HashMap<>(before.jsonPath().getMap("$"));
        expected.put("description", "Patched description.");
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = new HashMap<>((Map<String, Object>) expected.get("eligibility"));
        rules.put("excludedCountries", List.of("PH"));
        expected.put("eligibility", rules);
        expected.put("version", 1);
        Map<String, Object> after = new HashMap<>(given().when().get("/api/platforms/" + slug)
                .then().statusCode(200).extract().jsonPath().getMap("$"));
        assertThat(Instant.parse((String) after.remove("updatedAt"))).isAfter(Instant.parse((String) expected.remove("updatedAt")));
        assertThat(after).isEqualTo(expected);
        assertThat(patched.jsonPath().getMap("eligibility")).isEqualTo(rules);
    }

    @Test
    void aMergePatchWithNullRemovesAnOptionalField() {
        String slug = createPlatform(platform(DirectoryFixture.unique("patch-null")));
        given().when().get("/api/platforms/" + slug).then().body("payoutSchedule", equalTo("WEEKLY"));

        Map<String, Object> removal = new HashMap<>();
        removal.put("payoutSchedule", null);
        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug)).body(removal)
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(200)
                .body("$", not(hasKey("payoutSchedule")))
                .body("name", equalTo("Write Test Platform"));
        given().when().get("/api/platforms/" + slug).then().statusCode(200)
                .body("$", not(hasKey("payoutSchedule")))
                .body("version", equalTo(1));
    }

    @Test
    void aMergePatchThatRemovesARequiredFieldIsRejected() {
        String slug = createPlatform(platform(DirectoryFixture.unique("patch-required")));
        String tag = etag(slug);
        Map<String, Object> removal = new HashMap<>();
        removal.put("name", null);

        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(removal)
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("name"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("slug", "renamed-" + slug))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("slug"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("websiteUrl", "http://platform.example"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("websiteUrl"));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("audience", "EVERYONE"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("audience")))
                .body(not(containsString("dev.aitrainingdirectory")));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("colour", "blue"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("colour")))
                .body(not(containsString("dev.aitrainingdirectory")));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("eligibility", Map.of("countries", "IN")))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("eligibility.countries")))
                .body(not(containsString("java.util")));
        curator().contentType(MERGE_PATCH).header("If-Match", tag).body("{\"name\": ")
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(400).contentType(PROBLEM);

        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug).then().statusCode(304);
    }

    @Test
    void aMergePatchNeedsIfMatchAndItsMediaType() {
        String slug = createPlatform(platform(DirectoryFixture.unique("patch-conditions")));
        String original = etag(slug);

        curator().contentType(MERGE_PATCH).body(Map.of("name", "No precondition"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(428).contentType(PROBLEM);
        curator().contentType(ContentType.JSON).header("If-Match", original).body(Map.of("name", "Plain JSON"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(415).contentType(PROBLEM);
        curator().contentType(MERGE_PATCH).header("If-Match", original).body(Map.of("name", "First"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(200).body("name", equalTo("First"));
        curator().contentType(MERGE_PATCH).header("If-Match", original).body(Map.of("name", "Second"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(412).contentType(PROBLEM);

        given().when().get("/api/platforms/" + slug).then().body("name", equalTo("First")).body("version", equalTo(1));
    }

    @Test
    void aNewOpenListingChangesTheTagButNotTheVersionACuratorWritesAgainst() {
        String slug = createPlatform(platform(DirectoryFixture.unique("live-count")));
        String tag = etag(slug);
        fixture.listing(slug).create();
        assertThat(etag(slug)).isNotEqualTo(tag);

        curator().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("name", "Still version 0"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(200).body("openListings", equalTo(1)).body("version", equalTo(1));
    }

    @Test
    void aPlatformRestrictedToCountriesAndOpenedAgainChangesWhoFindsItsListings() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        Map<String, String> inBrazil = Map.of("platform", slug, "country", "BR");
        Map<String, String> inIndia = Map.of("platform", slug, "country", "IN");
        assertThat(Api.listingIds(inBrazil)).containsExactly(listing);

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug))
                .body(Map.of("eligibility", Map.of("countries", List.of("IN"))))
                .when().patch("/api/platforms/" + slug).then().statusCode(200);
        assertThat(Api.listingIds(inBrazil)).isEmpty();
        assertThat(Api.listingIds(inIndia)).containsExactly(listing);
        assertThat(Api.ok("/api/listings", Map.of("platform", slug, "facets", "country")).extract().jsonPath()
                .getList("facets.country.value", String.class)).containsExactly("IN");

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug))
                .body(Map.of("eligibility", Map.of("countries", List.of())))
                .when().patch("/api/platforms/" + slug).then().statusCode(200);
        assertThat(Api.listingIds(inBrazil)).containsExactly(listing);
        assertThat(Api.listingIds(inIndia)).containsExactly(listing);
    }

    @Test
    void aNewExclusionReachesThePlatformsListings() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        long closedListing = fixture.listing(slug).status(ListingStatus.CLOSED).create();
        Map<String, String> inFrance = Map.of("platform", slug, "country", "FR");
        assertThat(Api.listingIds(inFrance)).containsExactly(listing);
        JsonPath listingBefore = given().when().get("/api/listings/" + listing).then().statusCode(200).extract().jsonPath();
        String listingTag = given().when().get("/api/listings/" + listing).header("ETag");
        String cursor = latestChangeCursor();

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug))
                .body(Map.of("eligibility", Map.of("excludedCountries", List.of("FR"))))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(200).body("eligibility.excludedCountries", equalTo(List.of("FR")));

        assertThat(Api.listingIds(inFrance)).isEmpty();
        assertThat(Api.listingIds(Map.of("platform", slug, "country", "DE"))).containsExactly(listing);
        given().header("If-None-Match", listingTag).when().get("/api/listings/" + listing).then().statusCode(200)
                .body("eligibility.excludedCountries", equalTo(List.of()))
                .body("effectiveEligibility.excludedCountries", equalTo(List.of("FR")))
                .body("version", equalTo(listingBefore.getInt("version") + 1));
        given().when().get("/api/listings/" + closedListing).then().statusCode(200)
                .body("effectiveEligibility.excludedCountries", equalTo(List.of("FR")));

        JsonPath changes = changesAfter(cursor);
        assertThat(changedIds(changes)).contains(listing, closedListing);
        JsonPath entry = changes.param("id", listing);
        assertThat(entry.getBoolean("items.find { it.id == id }.deleted")).isFalse();
        assertThat(entry.getList("items.find { it.id == id }.listing.effectiveEligibility.excludedCountries", String.class))
                .containsExactly("FR");
        assertThat(entry.getInt("items.find { it.id == id }.listing.version")).isEqualTo(listingBefore.getInt("version") + 1);
    }

    @Test
    void aRenameReachesThePlatformsListings() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        String cursor = latestChangeCursor();

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug)).body(Map.of("name", "Renamed Platform"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(200);

        given().when().get("/api/listings/" + listing).then().statusCode(200)
                .body("platform.slug", equalTo(slug))
                .body("platform.name", equalTo("Renamed Platform"))
                .body("version", equalTo(1));
        assertThat(changedIds(changesAfter(cursor))).contains(listing);
    }

    @Test
    void aChangeThatListingsDoNotShowLeavesThemAlone() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        String cursor = latestChangeCursor();

        curator().contentType(MERGE_PATCH).header("If-Match", etag(slug))
                .body(Map.of("description", "Only the description changes.", "payoutSchedule", "MONTHLY"))
                .when().patch("/api/platforms/" + slug)
                .then().statusCode(200);

        given().when().get("/api/listings/" + listing).then().statusCode(200).body("version", equalTo(0));
        assertThat(changedIds(changesAfter(cursor))).doesNotContain(listing);
    }

    @Test
    void deleteNeedsIfMatchAndRefusesAStaleETag() {
        String slug = createPlatform(platform(DirectoryFixture.unique("delete-conditions")));
        String original = etag(slug);

        curator().when().delete("/api/platforms/" + slug).then().statusCode(428).contentType(PROBLEM);
        curator().contentType(MERGE_PATCH).header("If-Match", original).body(Map.of("name", "Changed"))
                .when().patch("/api/platforms/" + slug).then().statusCode(200);
        curator().header("If-Match", original).when().delete("/api/platforms/" + slug)
                .then().statusCode(412).contentType(PROBLEM);
        given().when().get("/api/platforms/" + slug).then().statusCode(200).body("name", equalTo("Changed"));

        curator().header("If-Match", etag(slug)).when().delete("/api/platforms/" + slug).then().statusCode(204);
        given().when().get("/api/platforms/" + slug).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPlatformWithListingsOfAnyStatusCannotBeDeletedUntilTheyAreGone() {
        String slug = fixture.platform(worldwide());
        long closed = fixture.listing(slug).status(ListingStatus.CLOSED).create();
        String tag = etag(slug);

        curator().header("If-Match", tag).when().delete("/api/platforms/" + slug)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(slug));
        given().when().get("/api/platforms/" + slug).then().statusCode(200).body("slug", equalTo(slug));

        String listingTag = given().when().get("/api/listings/" + closed).then().statusCode(200).extract().header("ETag");
        curator().header("If-Match", listingTag).when().delete("/api/listings/" + closed).then().statusCode(204);
        given().when().get("/api/listings/" + closed).then().statusCode(404);

        curator().header("If-Match", etag(slug)).when().delete("/api/platforms/" + slug).then().statusCode(204);
        given().when().get("/api/platforms/" + slug).then().statusCode(404).contentType(PROBLEM);
        assertThat(Api.ok("/api/platforms", Map.of("q", slug)).extract().jsonPath().getList("items.slug")).isEmpty();
        curator().header("If-Match", tag).when().delete("/api/platforms/" + slug).then().statusCode(404);
    }

    @Test
    void aDeletedSlugCanBeUsedAgain() {
        String slug = createPlatform(platform(DirectoryFixture.unique("reuse")));
        curator().header("If-Match", etag(slug)).when().delete("/api/platforms/" + slug).then().statusCode(204);

        curator().contentType(ContentType.JSON).body(platform(slug)).when().post("/api/platforms")
                .then().statusCode(201).body("version", equalTo(0));
    }

    @Test
    void ofTwoConcurrentPutsWithTheSameETagExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String slug = createPlatform(platform(DirectoryFixture.unique("race")));
                fixture.listing(slug).create();
                String tag = etag(slug);
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> puts = new ArrayList<>();
                for (String name : List.of("Writer A", "Writer B")) {
                    Map<String, Object> body = platform(slug);
                    body.put("name", name);
                    eligibility(body).put("excludedCountries", List.of(name.endsWith("A") ? "US" : "GB"));
                    Callable<Integer> put = () -> {
                        ready.countDown();
                        start.await();
                        return curator().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                                .when().put("/api/platforms/" + slug).statusCode();
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
                String excluded = winner.endsWith("A") ? "US" : "GB";
                given().when().get("/api/platforms/" + slug).then().statusCode(200)
                        .body("name", equalTo(winner))
                        .body("eligibility.excludedCountries", equalTo(List.of(excluded)))
                        .body("version", equalTo(1));
                assertThat(Api.ok("/api/listings", Map.of("platform", slug)).extract().jsonPath()
                        .getList("items.effectiveEligibility.excludedCountries")).containsExactly(List.of(excluded));
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
                    Map<String, Object> body = platform(slug);
                    body.put("name", name);
                    Callable<Response> post = () -> {
                        ready.countDown();
                        start.await();
                        return curator().contentType(ContentType.JSON).body(body).when().post("/api/platforms");
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
                given().when().get("/api/platforms/" + slug).then().statusCode(200).body("name", equalTo(winner));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", (Function<WriteTarget, Response>) target -> target.spec().contentType(ContentType.JSON)
                        .body(platform(target.newSlug())).when().post("/api/platforms")),
                Arguments.of("PUT", (Function<WriteTarget, Response>) target -> target.spec().contentType(ContentType.JSON)
                        .header("If-Match", target.tag()).body(renamed(target.slug()))
                        .when().put("/api/platforms/" + target.slug())),
                Arguments.of("PATCH", (Function<WriteTarget, Response>) target -> target.spec().contentType(MERGE_PATCH)
                        .header("If-Match", target.tag()).body(Map.of("name", "Hijacked"))
                        .when().patch("/api/platforms/" + target.slug())),
                Arguments.of("DELETE", (Function<WriteTarget, Response>) target -> target.spec().header("If-Match", target.tag())
                        .when().delete("/api/platforms/" + target.slug())));
    }

    /** What an unauthorised write aims at: an existing platform, its current tag and a slug not yet taken. */
    record WriteTarget(RequestSpecification spec, String slug, String tag, String newSlug) {
    }

    @ParameterizedTest(name = "{0} without the curator role is refused")
    @MethodSource("writes")
    void writesNeedACuratorKeyAndChangeNothingWithout(String method, Function<WriteTarget, Response> write) {
        String slug = createPlatform(platform(DirectoryFixture.unique("guarded")));
        String tag = etag(slug);
        String newSlug = DirectoryFixture.unique("guarded-new");

        write.apply(new WriteTarget(given(), slug, tag, newSlug)).then()
                .statusCode(401).contentType(PROBLEM).body("status", equalTo(401))
                .header("WWW-Authenticate", containsString("Bearer"));
        write.apply(new WriteTarget(given().header("Authorization", "Bearer not-a-key"), slug, tag, newSlug)).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        write.apply(new WriteTarget(given().header("Authorization", "Basic ZGV2LWN1cmF0b3Ita2V5Og=="), slug, tag, newSlug)).then()
                .statusCode(401).contentType(PROBLEM);
        write.apply(new WriteTarget(given().header("Authorization", PARTNER), slug, tag, newSlug)).then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));

        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug).then().statusCode(304);
        given().when().get("/api/platforms/" + newSlug).then().statusCode(404);
        write.apply(new WriteTarget(curator(), slug, tag, newSlug)).then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
    }

    private static RequestSpecification curator() {
        return given().header("Authorization", CURATOR);
    }

    /** A complete platform body that each test may change before sending. */
    private static Map<String, Object> platform(String slug) {
        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("countries", List.of("IN", "PH"));
        eligibility.put("excludedCountries", List.of());
        eligibility.put("languages", List.of("en"));
        eligibility.put("credentials", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Write Test Platform");
        body.put("websiteUrl", "https://platform.example/" + slug);
        body.put("description", "A platform written by a test.");
        body.put("audience", "SPECIALIST");
        body.put("taskTypes", List.of("RESPONSE_RATING", "PREFERENCE_COMPARISON"));
        body.put("payTiers", List.of("coding"));
        body.put("paymentMethods", List.of("PAYPAL"));
        body.put("payoutSchedule", "WEEKLY");
        body.put("assessmentRequired", true);
        body.put("identityVerification", false);
        body.put("eligibility", eligibility);
        return body;
    }

    private static Map<String, Object> renamed(String slug) {
        Map<String, Object> body = platform(slug);
        body.put("name", "Hijacked");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> eligibility(Map<String, Object> body) {
        return (Map<String, Object>) body.get("eligibility");
    }

    private static String createPlatform(Map<String, Object> body) {
        curator().contentType(ContentType.JSON).body(body).when().post("/api/platforms").then().statusCode(201);
        return (String) body.get("slug");
    }

    private static String etag(String slug) {
        return given().when().get("/api/platforms/" + slug).then().statusCode(200).extract().header("ETag");
    }

    private static long platformCount() {
        return Api.ok("/api/platforms", Map.of()).extract().jsonPath().getLong("totalItems");
    }

    /** The cursor after every change made so far, as a client that has caught up with the feed holds it. */
    private static String latestChangeCursor() {
        String cursor = "0";
        while (true) {
            JsonPath page = Api.ok("/api/listings/changes", Map.of("cursor", cursor, "limit", 1000)).extract().jsonPath();
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
