package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingWriteTest {

    @Inject
    DirectoryFixture fixture;

    private String platform;

    @BeforeEach
    void givenAPlatform() {
        platform = fixture.platform(worldwide());
    }

    @Test
    void aCuratorCreatesAListingAndReadsItBack() {
        ExtractableResponse<Response> created = asCurator().contentType(ContentType.JSON).body(listing("ext-1"))
                .when().post("/api/listings")
                .then().statusCode(201)
                .header("Location", containsString("/api/listings/"))
                .header("ETag", notNullValue())
                .body("platform.slug", equalTo(platform))
                .body("payTier.name", equalTo("Coding"))
                .body("pay.max", equalTo(55.0f))
                .body("effectiveEligibility.countries", equalTo(List.of("IN", "PH")))
                .body("version", equalTo(0))
                .extract();

        given().when().get(created.header("Location")).then().statusCode(200)
                .body("title", equalTo("Rate Python answers")).header("ETag", equalTo(created.header("ETag")));
        assertThat(Api.listingIds(Map.of("platform", platform, "country", "IN"))).containsExactly(created.<Integer>path("id").longValue());
    }

    @Test
    void aClientCannotSetIdVersionOrTimestamps() {
        Map<String, Object> body = listing("ext-2");
        body.put("version", 7);
        asCurator().contentType(ContentType.JSON).body(body).when().post("/api/listings")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("version"));
        body.remove("version");
        body.put("createdAt", "2020-01-01T00:00:00Z");
        asCurator().contentType(ContentType.JSON).body(body).when().post("/api/listings").then().statusCode(400);
        assertThat(Api.total(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).isZero();
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsWritten() {
        Map<String, Object> body = listing("ext-3");
        body.put("applyUrl", "http://insecure.example/apply");
        body.put("title", "");
        body.put("payTier", "no-such-tier");
        body.put("pay", Map.of("min", 60, "max", 40, "currency", "USD", "unit", "HOUR"));
        body.put("eligibility", Map.of("countries", List.of("XX"), "languages", List.of("english")));

        asCurator().contentType(ContentType.JSON).body(body).when().post("/api/listings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Unprocessable Content"))
                .body("errors.field", hasItem("applyUrl"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("payTier"))
                .body("errors.field", hasItem("pay.min"))
                .body("errors.field", hasItem("eligibility.countries[0]"))
                .body("errors.field", hasItem("eligibility.languages[0]"));
        assertThat(Api.total(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).isZero();
    }

    @Test
    void malformedBodiesAnswer400() {
        asCurator().contentType(ContentType.JSON).body("{\"title\": ").when().post("/api/listings")
                .then().statusCode(400).contentType("application/problem+json");
        asCurator().contentType(ContentType.JSON).body("{\"taskType\": \"DANCING\"}").when().post("/api/listings")
                .then().statusCode(400).contentType("application/problem+json");
        asCurator().contentType(ContentType.JSON).when().post("/api/listings")
                .then().statusCode(422).contentType("application/problem+json");
        asCurator().contentType(ContentType.TEXT).body("hello").when().post("/api/listings")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aSecondListingWithTheSameExternalIdOnThePlatformIsAConflict() {
        asCurator().contentType(ContentType.JSON).body(listing("same")).when().post("/api/listings").then().statusCode(201);
        asCurator().contentType(ContentType.JSON).body(listing("same")).when().post("/api/listings")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("same"));
        String otherPlatform = fixture.platform(worldwide());
        Map<String, Object> elsewhere = listing("same");
        elsewhere.put("platform", otherPlatform);
        asCurator().contentType(ContentType.JSON).body(elsewhere).when().post("/api/listings").then().statusCode(201);
    }

    @Test
    void replacingNeedsTheCurrentETag() {
        ExtractableResponse<Response> created = create("ext-4");
        String location = created.header("Location");
        String tag = created.header("ETag");
        Map<String, Object> changed = listing("ext-4");
        changed.put("title", "Rate Rust answers");

        asCurator().contentType(ContentType.JSON).body(changed).when().put(location)
                .then().statusCode(428).contentType("application/problem+json");
        asCurator().contentType(ContentType.JSON).header("If-Match", "\"99-0\"").body(changed).when().put(location)
                .then().statusCode(412).contentType("application/problem+json");
        String newTag = asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(changed).when().put(location)
                .then().statusCode(200)
                .body("title", equalTo("Rate Rust answers"))
                .body("version", equalTo(1))
                .header("ETag", not(equalTo(tag)))
                .extract().header("ETag");

        asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(changed).when().put(location)
                .then().statusCode(412);
        given().header("If-None-Match", tag).when().get(location).then().statusCode(200);
        given().header("If-None-Match", newTag).when().get(location).then().statusCode(304);
        String updatedAt = given().when().get(location).then().extract().path("updatedAt");
        assertThat(Instant.parse(updatedAt)).isAfter(Instant.parse(created.path("updatedAt")));
    }

    @Test
    void aMergePatchChangesOnlyTheGivenFieldsAndNullRemovesOne() {
        ExtractableResponse<Response> created = create("ext-5");
        asCurator().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body("{\"status\": \"PAUSED\", \"pay\": null, \"eligibility\": {\"countries\": [\"PH\"]}}")
                .when().patch(created.header("Location"))
                .then().statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("$", not(hasKey("pay")))
                .body("eligibility.countries", equalTo(List.of("PH")))
                .body("eligibility.languages", equalTo(List.of("en")))
                .body("title", equalTo("Rate Python answers"));
        asCurator().contentType("application/merge-patch+json").body("{\"status\": \"OPEN\"}")
                .when().patch(created.header("Location")).then().statusCode(428);
    }

    @Test
    void anInvalidPatchChangesNothing() {
        ExtractableResponse<Response> created = create("ext-6");
        asCurator().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body("{\"applyUrl\": \"ftp://example.com\"}").when().patch(created.header("Location"))
                .then().statusCode(422).body("errors[0].field", equalTo("applyUrl"));
        asCurator().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body("{\"colour\": \"red\"}").when().patch(created.header("Location"))
                .then().statusCode(400);
        given().when().get(created.header("Location")).then().statusCode(200)
                .body("version", equalTo(0)).header("ETag", equalTo(created.header("ETag")));
    }

    @Test
    void deletingNeedsTheCurrentETagAndThenTheListingIsGone() {
        ExtractableResponse<Response> created = create("ext-7");
        String location = created.header("Location");
        asCurator().when().delete(location).then().statusCode(428);
        asCurator().header("If-Match", "\"5-0\"").when().delete(location).then().statusCode(412);
        asCurator().header("If-Match", created.header("ETag")).when().delete(location).then().statusCode(204);
        given().when().get(location).then().statusCode(404);
        asCurator().header("If-Match", created.header("ETag")).when().delete(location).then().statusCode(404);
    }

    @Test
    void unknownListingsAnswer404ForWrites() {
        asCurator().contentType(ContentType.JSON).header("If-Match", "\"0-0\"").body(listing("x"))
                .when().put("/api/listings/987654321").then().statusCode(404);
        asCurator().header("If-Match", "\"0-0\"").when().delete("/api/listings/abc").then().statusCode(404);
    }

    private ExtractableResponse<Response> create(String externalId) {
        return asCurator().contentType(ContentType.JSON).body(listing(externalId))
                .when().post("/api/listings").then().statusCode(201).extract();
    }

    private Map<String, Object> listing(String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("platform", platform);
        body.put("externalId", externalId);
        body.put("title", "Rate Python answers");
        body.put("description", "Judge two Python answers and explain the better one.");
        body.put("taskType", "CODE_EVALUATION");
        body.put("payTier", "coding");
        body.put("pay", Map.of("min", 35, "max", 55, "currency", "USD", "unit", "HOUR"));
        body.put("eligibility", Map.of("countries", List.of("IN", "PH"), "languages", List.of("en")));
        body.put("status", "OPEN");
        body.put("applyUrl", "https://platform.example/apply/" + externalId);
        body.put("postedAt", "2026-11-20T10:00:00Z");
        return body;
    }
}
