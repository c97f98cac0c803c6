package dev.aitrainingdirectory.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservabilityTest {

    @Test
    void aCallersRequestIdIsEchoedAndAMissingOrUnsafeOneIsReplaced() {
        given().header("X-Request-Id", "trace-42").when().get("/api/pay-tiers")
                .then().statusCode(200).header("X-Request-Id", equalTo("trace-42"));
        given().when().get("/api/pay-tiers")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "<script>alert(1)</script>").when().get("/api/nowhere")
                .then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void metricsCountRequestsPerEndpointAndListingsPerStatus() {
        given().get("/api/listings/999999").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("directory_listings{status=\"OPEN\"}"))
                .body(containsString("directory_listings{status=\"CLOSED\"}"))
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/api/listings/{id}\"}"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Search index"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
