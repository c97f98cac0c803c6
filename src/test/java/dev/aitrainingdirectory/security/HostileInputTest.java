package dev.aitrainingdirectory.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The inputs that ApiFuzzIT found answered with 500, accepted wrongly or echoed unbounded: each now a clear 4xx. */
@QuarkusTest
class HostileInputTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void moreThanFiftyFacetsAreABadRequestNotAServerError() {
        given().queryParam("facets", String.join(",", java.util.stream.IntStream.rangeClosed(0, 50).mapToObj(n -> "facet" + n).toList()))
                .when().get("/api/listings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("facets"));
    }

    @Test
    void aNulInASlugFindsNothingInsteadOfReachingTheDatabase() {
        given().urlEncodingEnabled(false).when().get("/api/platforms/outlier%00")
                .then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get("/api/pay-tiers/coding%00")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMergePatchThatIsNotUtf8IsRejectedAndChangesNothing() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        String tag = given().get("/api/platforms/" + platform).then().extract().header("ETag");
        byte[] latin1 = "{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Api.asCurator().header("If-Match", tag).contentType("application/merge-patch+json").body(latin1)
                .when().patch("/api/platforms/" + platform)
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/platforms/" + platform).then().body("name", equalTo("Test platform"));
    }

    @Test
    void aMergePatchThatIsNoObjectIsRejected() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        String tag = given().get("/api/platforms/" + platform).then().extract().header("ETag");
        for (String patch : new String[] {"null", "[]", "\"name\"", ""}) {
            Api.asCurator().header("If-Match", tag).contentType("application/merge-patch+json").body(patch)
                    .when().patch("/api/platforms/" + platform)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void timestampsPastTheYear9999AreRejected() {
        given().queryParam("postedAfter", "+10000-01-01T00:00:00Z")
                .when().get("/api/listings")
                .then().statusCode(400).body("errors.field", hasItem("postedAfter"));
        String platform = fixture.platform(DirectoryFixture.worldwide());
        Api.asCurator().contentType(ContentType.JSON).body(listing(platform).with("postedAt", "+10000-01-01T00:00:00Z"))
                .when().post("/api/listings")
                .then().statusCode(400).body("errors.field", hasItem("postedAt"));
        Api.asCurator().contentType(ContentType.JSON).body(listing(platform).with("postedAt", "1732700000"))
                .when().post("/api/listings")
                .then().statusCode(400).body("errors.field", hasItem("postedAt"));
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRejectedNotCoerced() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        Api.asCurator().contentType(ContentType.JSON).body(listing(platform).with("title", 12))
                .when().post("/api/listings")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        Api.asCurator().contentType(ContentType.JSON).body(listing(platform).with("taskType", 0))
                .when().post("/api/listings")
                .then().statusCode(400).body("errors.field", hasItem("taskType"));
        Api.asCurator().contentType(ContentType.JSON).body(listing(platform).json() + " trailing")
                .when().post("/api/listings")
                .then().statusCode(400);
        given().queryParam("platform", platform).get("/api/listings").then().body("totalItems", equalTo(0));
    }

    @Test
    void theInstanceIsAPercentEncodedPath() {
        given().urlEncodingEnabled(false).when().get("/api/platforms/%22%3Cno%20such%3E%22")
                .then().statusCode(404).body("instance", equalTo("/api/platforms/%22%3Cno%20such%3E%22"));
    }

    @Test
    void hugeValuesAreNotEchoedWhole() {
        String huge = "x".repeat(3000);
        given().queryParam("sort", huge)
                .when().get("/api/listings")
                .then().statusCode(400)
                .body("errors[0].message.length()", lessThanOrEqualTo(1000))
                .body("errors[0].message", containsString("is not one of"))
                .body("detail.length()", lessThanOrEqualTo(1000));
    }

    @Test
    void parameterNamesAreCaseSensitive() {
        given().queryParam("Q", "rating")
                .when().get("/api/listings")
                .then().statusCode(400).body("errors.field", hasItem("Q"))
                .body("errors.field", not(hasItem("q")));
    }

    private static Body listing(String platform) {
        return Bodies.listing(platform, DirectoryFixture.unique("hostile"));
    }
}
