package dev.aitrainingdirectory.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.aitrainingdirectory.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    /** Small limits, and client addresses taken from X-Forwarded-For so a test can be several clients. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "directory.rate-limit.anonymous-per-minute", "5",
                    "directory.rate-limit.partner-per-minute", "12",
                    "directory.rate-limit.curator-per-minute", "8",
                    "directory.http.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Test
    void anAnonymousClientOverItsLimitGets429WithRetryAfterAndOthersAreNotSlowed() {
        for (int request = 0; request < 5; request++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/api/pay-tiers").then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("5"))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(4 - request)));
        }
        Response limited = given().header("X-Forwarded-For", "203.0.113.7").get("/api/listings");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        given().header("X-Forwarded-For", "198.51.100.9").get("/api/pay-tiers").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.7").header("Authorization", Api.PARTNER).get("/api/pay-tiers")
                .then().statusCode(200).header("RateLimit-Limit", equalTo("12"));
    }

    @Test
    void healthAndDocumentationAreNotLimited() {
        for (int request = 0; request < 8; request++) {
            // Ready or not yet (the search index may still be building), but never limited.
            given().header("X-Forwarded-For", "192.0.2.44").get("/q/health/ready").then().statusCode(anyOf(is(200), is(503)));
        }
        given().header("X-Forwarded-For", "192.0.2.44").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void curatorsAreLimitedByKeyWhateverTheirAddress() {
        for (int request = 0; request < 8; request++) {
            given().header("X-Forwarded-For", "192.0.2." + request).header("Authorization", Api.CURATOR)
                    .get("/api/platforms").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "192.0.2.99").header("Authorization", Api.CURATOR)
                .get("/api/platforms").then().statusCode(429);
    }

    @Test
    void ipv6ClientsAreLimitedByTheirSlash64SoMovingWithinItGivesNoFreshBucket() {
        for (int request = 0; request < 5; request++) {
            given().header("X-Forwarded-For", "2001:db8:aa:bb::" + Integer.toHexString(request + 1)).get("/api/pay-tiers")
                    .then().statusCode(200);
        }
        given().header("X-Forwarded-For", "2001:db8:aa:bb:ffff:ffff:ffff:ffff").get("/api/pay-tiers").then().statusCode(429);
        given().header("X-Forwarded-For", "2001:db8:aa:bc::1").get("/api/pay-tiers").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("4"));
    }
}
