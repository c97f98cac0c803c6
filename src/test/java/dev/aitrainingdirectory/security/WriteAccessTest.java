package dev.aitrainingdirectory.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write operation the OpenAPI document lists answers 401 without a key or with a wrong one,
 * and 403 with a partner key, changing nothing; every read answers 401 with a wrong key. A new
 * operation is covered automatically; one that is not protected fails here.
 */
@QuarkusTest
class WriteAccessTest {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    @Inject
    DirectoryFixture fixture;

    private String platform;
    private String tier;
    private long listing;

    @BeforeEach
    void givenResourcesToAttack() {
        tier = fixture.payTier(10, 20);
        platform = fixture.platform(DirectoryFixture.worldwide());
        listing = fixture.listing(platform).create();
    }

    @Test
    void everyWriteOperationRejectsAnonymousWrongAndPartnerKeysAndChangesNothing() {
        List<String[]> operations = writeOperations();
        assertThat(operations).as("write operations in the OpenAPI document").hasSizeGreaterThanOrEqualTo(13);
        String before = snapshot();
        for (String[] operation : operations) {
            String method = operation[0];
            String path = concrete(operation[1]);
            attempt(given(), method, path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
            attempt(given().header("Authorization", "Bearer not-a-key"), method, path).then().statusCode(401)
                    .contentType("application/problem+json");
            attempt(given().header("Authorization", "Basic Y3VyYXRvcjpwYXNzd29yZA=="), method, path).then().statusCode(401);
            attempt(given().header("Authorization", Api.PARTNER), method, path).then().statusCode(403)
                    .contentType("application/problem+json").body("status", equalTo(403));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCuratorKeyPassesTheRoleCheckOfEveryWriteOperation() {
        for (String[] operation : writeOperations()) {
            String path = concrete(operation[1]);
            int status = attempt(given().header("Authorization", Api.CURATOR), operation[0], path).then().extract().statusCode();
            assertThat(status).as("%s %s with the curator key", operation[0], operation[1]).isNotIn(401, 403).isLessThan(500);
        }
    }

    @Test
    void partnerAndCuratorKeysMayRead() {
        given().header("Authorization", Api.PARTNER).get("/api/listings/" + listing).then().statusCode(200);
        given().header("Authorization", Api.CURATOR).get("/api/platforms/" + platform).then().statusCode(200);
    }

    /**
     * A key the service does not know is refused on every read the document lists, not served as anonymous:
     * a partner with a mistyped or revoked key hears it on its first request. No key, or a known one, reads.
     */
    @Test
    void everyReadRefusesAKeyTheServiceDoesNotKnowAndServesNoKeyAndKnownKeys() {
        List<String[]> reads = operations(Set.of("get"));
        assertThat(reads).as("read operations in the OpenAPI document").hasSizeGreaterThanOrEqualTo(14);
        for (String[] read : reads) {
            String path = concrete(read[1]) + (read[1].endsWith("/suggest") ? "?q=cod" : "");
            for (String unknown : List.of("Bearer not-a-key", "Bearer ", "Basic Y3VyYXRvcjpwYXNzd29yZA==", "dev-partner-key")) {
                io.restassured.response.Response answer = given().header("Authorization", unknown).get(path);
                assertThat(answer.statusCode()).as("GET %s with '%s'", read[1], unknown).isEqualTo(401);
                answer.then().contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
            }
            for (RequestSpecification reader : List.of(given(), given().header("Authorization", Api.PARTNER),
                    given().header("Authorization", Api.CURATOR))) {
                assertThat(reader.get(path).statusCode()).as("GET %s", path).isEqualTo(200);
            }
        }
    }

    private static List<String[]> writeOperations() {
        return operations(WRITE_METHODS);
    }

    /** Method and path of every operation with one of these methods in the served OpenAPI document. */
    private static List<String[]> operations(Set<String> wanted) {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream().filter(wanted::contains)
                .forEach(method -> operations.add(new String[] {method, path})));
        return operations;
    }

    /** The path of an operation with its key filled in: this test's listing, platform and tier, and the euro's rate. */
    private String concrete(String path) {
        return path.replace("{id}", Long.toString(listing)).replace("{currency}", "EUR")
                .replace("{slug}", path.startsWith("/api/pay-tiers") ? tier : platform);
    }

    /** A request that would change something if it were let through: a valid-looking body and the current ETag. */
    private io.restassured.response.Response attempt(RequestSpecification request, String method, String path) {
        String tag = path.matches("/api/[a-z-]+/[^/]+") ? given().get(path).then().extract().header("ETag") : null;
        if (tag != null) {
            request.header("If-Match", tag);
        }
        Body body = Bodies.object().with("title", "Changed by an intruder").with("name", "Changed by an intruder");
        return switch (method) {
            case "post" -> request.contentType("application/json").body(body).post(path);
            case "put" -> request.contentType("application/json").body(body).put(path);
            case "patch" -> request.contentType("application/merge-patch+json").body(body).patch(path);
            default -> request.delete(path);
        };
    }

    /** What the attacked resources and the directory's totals look like now. */
    private String snapshot() {
        return String.join("\n",
                given().get("/api/listings/" + listing).then().statusCode(200).extract().asString(),
                given().get("/api/platforms/" + platform).then().statusCode(200).extract().asString(),
                given().get("/api/pay-tiers/" + tier).then().statusCode(200).extract().asString(),
                given().queryParam("status", "OPEN,PAUSED,CLOSED").get("/api/listings").then().extract().path("totalItems").toString(),
                given().queryParam("size", 1).get("/api/platforms").then().extract().path("totalItems").toString());
    }
}
