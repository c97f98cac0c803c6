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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation the OpenAPI document lists as needing a key answers 401 without a key or with a wrong one, and 403
 * with a known key of a role the document does not name, changing nothing; every write needs a key; every operation
 * answers 401 with a key the service does not know. A new operation is covered automatically; one whose protection
 * differs from what the document tells partners fails here.
 */
@QuarkusTest
class WriteAccessTest {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    @Inject
    DirectoryFixture fixture;

    private String platform;
    private String tier;
    private long listing;
    private long partner;
    private long partnerKey;
    private long webhook;
    /** The key of a partner account, which reads its own account where a configured partner key has none. */
    private String accountKey;

    @BeforeEach
    void givenResourcesToAttack() {
        tier = fixture.payTier(10, 20);
        platform = fixture.platform(DirectoryFixture.worldwide());
        listing = fixture.listing(platform).create();
        partner = Api.asCurator().contentType("application/json")
                .body(Bodies.object().with("name", DirectoryFixture.unique("Target")).with("contactEmail", "ops@example.org"))
                .post("/api/partners").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath issued = Api.asCurator().post("/api/partners/" + partner + "/keys").then().statusCode(201).extract().jsonPath();
        partnerKey = issued.getLong("id");
        accountKey = "Bearer " + issued.getString("key");
        webhook = given().header("Authorization", accountKey).contentType("application/json")
                .body(Bodies.object().with("url", "http://127.0.0.1:9/hook").with("events", List.of("listing.created")))
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Its webhook goes with the test, so that no later dispatch sends to it. */
    @AfterEach
    void deleteTheWebhook() {
        String tag = given().header("Authorization", accountKey).get("/api/webhooks/" + webhook).then().extract().header("ETag");
        if (tag != null) {
            given().header("Authorization", accountKey).header("If-Match", tag).delete("/api/webhooks/" + webhook)
                    .then().statusCode(204);
        }
    }

    @Test
    void everyProtectedOperationRejectsAnonymousWrongAndOtherRolesKeysAndChangesNothing() {
        List<Operation> operations = protectedOperations();
        assertThat(operations).as("operations that need a key").hasSizeGreaterThanOrEqualTo(27);
        assertThat(operations(WRITE_METHODS)).as("every write needs a key").allMatch(operation -> !operation.roles().isEmpty());
        String before = snapshot();
        for (Operation operation : operations) {
            String path = concrete(operation.path());
            attempt(given(), operation.method(), path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
            attempt(given().header("Authorization", "Bearer not-a-key"), operation.method(), path).then().statusCode(401)
                    .contentType("application/problem+json");
            attempt(given().header("Authorization", "Basic Y3VyYXRvcjpwYXNzd29yZA=="), operation.method(), path).then().statusCode(401);
            keys().forEach((role, key) -> {
                if (!operation.roles().contains(role)) {
                    int status = attempt(given().header("Authorization", key), operation.method(), path).then()
                            .contentType("application/problem+json").extract().statusCode();
                    assertThat(status).as("%s %s with a %s key", operation.method(), operation.path(), role).isEqualTo(403);
                }
            });
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aKeyOfTheRoleTheDocumentNamesPassesTheRoleCheck() {
        // Deletions last, the partner account's very last: deleting it first would revoke the key the partner operations need.
        List<Operation> operations = protectedOperations().stream()
                .sorted(java.util.Comparator.comparing((Operation operation) -> operation.method().equals("delete"))
                        .thenComparing(operation -> operation.path().startsWith("/api/partners/{id}"))).toList();
        for (Operation operation : operations) {
            String path = concrete(operation.path());
            for (String role : operation.roles()) {
                int status = attempt(given().header("Authorization", keys().get(role)), operation.method(), path).then()
                        .extract().statusCode();
                assertThat(status).as("%s %s with the %s key", operation.method(), operation.path(), role)
                        .isNotIn(401, 403).isLessThan(500);
            }
        }
    }

    @Test
    void partnerAndCuratorKeysMayRead() {
        given().header("Authorization", Api.PARTNER).get("/api/listings/" + listing).then().statusCode(200);
        given().header("Authorization", accountKey).get("/api/listings/" + listing).then().statusCode(200);
        given().header("Authorization", Api.CURATOR).get("/api/platforms/" + platform).then().statusCode(200);
    }

    /**
     * A key the service does not know is refused on every read the document lists, not served as anonymous:
     * a partner with a mistyped or revoked key hears it on its first request. No key, or a known one, reads.
     */
    @Test
    void everyPublicReadRefusesAKeyTheServiceDoesNotKnowAndServesNoKeyAndKnownKeys() {
        List<Operation> reads = operations(Set.of("get")).stream().filter(read -> read.roles().isEmpty()).toList();
        assertThat(reads).as("public reads in the OpenAPI document").hasSizeGreaterThanOrEqualTo(14);
        for (Operation read : reads) {
            String path = concrete(read.path()) + (read.path().endsWith("/suggest") ? "?q=cod" : "");
            for (String unknown : List.of("Bearer not-a-key", "Bearer ", "Basic Y3VyYXRvcjpwYXNzd29yZA==", "dev-partner-key",
                    "Bearer dir_pk_" + "A".repeat(43))) {
                io.restassured.response.Response answer = given().header("Authorization", unknown).get(path);
                assertThat(answer.statusCode()).as("GET %s with '%s'", read.path(), unknown).isEqualTo(401);
                answer.then().contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
            }
            for (RequestSpecification reader : List.of(given(), given().header("Authorization", Api.PARTNER),
                    given().header("Authorization", accountKey), given().header("Authorization", Api.CURATOR))) {
                assertThat(reader.get(path).statusCode()).as("GET %s", path).isEqualTo(200);
            }
        }
    }

    /** One operation of the document, with the roles its security requirement names (none: anyone may call it). */
    private record Operation(String method, String path, List<String> roles) {
    }

    /** A known key of each role: the curator's, and a partner account's. */
    private Map<String, String> keys() {
        return Map.of(Roles.CURATOR, Api.CURATOR, Roles.PARTNER, accountKey);
    }

    private static List<Operation> protectedOperations() {
        return operations(Set.of("get", "post", "put", "patch", "delete")).stream()
                .filter(operation -> !operation.roles().isEmpty()).toList();
    }

    /** Every operation with one of these methods in the served OpenAPI document. */
    @SuppressWarnings("unchecked")
    private static List<Operation> operations(Set<String> wanted) {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (wanted.contains(method)) {
                List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
                List<String> roles = security == null ? List.of()
                        : security.stream().flatMap(requirement -> requirement.values().stream().flatMap(List::stream)).toList();
                operations.add(new Operation(method, path, roles));
            }
        }));
        return operations;
    }

    /** The path of an operation with its keys filled in: this test's resources, and the euro's rate. */
    private String concrete(String path) {
        String id = Long.toString(path.startsWith("/api/partners") ? partner : path.startsWith("/api/webhooks") ? webhook : listing);
        return path.replace("{id}", id).replace("{keyId}", Long.toString(partnerKey)).replace("{currency}", "EUR")
                .replace("{slug}", path.startsWith("/api/pay-tiers") ? tier : platform);
    }

    /** A request that would change something if it were let through: a valid-looking body and the current ETag. */
    private io.restassured.response.Response attempt(RequestSpecification request, String method, String path) {
        String reader = path.startsWith("/api/webhooks") ? accountKey : Api.CURATOR;
        String tag = path.matches("/api/[a-z-]+/[^/]+") ? given().header("Authorization", reader).get(path).then().extract().header("ETag") : null;
        if (tag != null) {
            request.header("If-Match", tag);
        }
        Body body = Bodies.object().with("title", "Changed by an intruder").with("name", "Changed by an intruder");
        return switch (method) {
            case "post" -> request.contentType("application/json").body(body).post(path);
            case "put" -> request.contentType("application/json").body(body).put(path);
            case "patch" -> request.contentType("application/merge-patch+json").body(body).patch(path);
            case "get" -> request.get(path);
            default -> request.delete(path);
        };
    }

    /** What the attacked resources and the directory's totals look like now. */
    private String snapshot() {
        return String.join("\n",
                given().get("/api/listings/" + listing).then().statusCode(200).extract().asString(),
                given().get("/api/platforms/" + platform).then().statusCode(200).extract().asString(),
                given().get("/api/pay-tiers/" + tier).then().statusCode(200).extract().asString(),
                // The account without its keys' last use, which a request with the key itself updates.
                Api.asCurator().get("/api/partners/" + partner).then().statusCode(200).extract().asString()
                        .replaceAll(",?\"lastUsedAt\":\"[^\"]*\"", ""),
                given().header("Authorization", accountKey).get("/api/webhooks/" + webhook).then().statusCode(200).extract().asString(),
                given().queryParam("status", "OPEN,PAUSED,CLOSED").get("/api/listings").then().extract().path("totalItems").toString(),
                given().queryParam("size", 1).get("/api/platforms").then().extract().path("totalItems").toString());
    }
}
