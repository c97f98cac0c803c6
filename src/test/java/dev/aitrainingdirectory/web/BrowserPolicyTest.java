package dev.aitrainingdirectory.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BrowserPolicyTest.WriteOrigin.class)
class BrowserPolicyTest {

    /** One frontend origin may write; any origin may read. */
    public static class WriteOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("directory.cors.write-origins", "https://curators.example");
        }
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndNoServerVersion() {
        given().get("/api/listings").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Strict-Transport-Security", nullValue())
                .header("Server", nullValue());
        given().get("/api/nowhere").then().statusCode(404).header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().header("X-Forwarded-Proto", "https").get("/api/pay-tiers").then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void anyOriginMayReadButOnlyTheWriteOriginMayWrite() {
        given().header("Origin", "https://anyone.example").get("/api/pay-tiers").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://anyone.example"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://anyone.example").header("Access-Control-Request-Method", "POST")
                .options("/api/listings").then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://curators.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, if-match, content-type")
                .options("/api/listings/1").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("https://curators.example"))
                .header("Access-Control-Allow-Methods", equalTo("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void pagesPastTenThousandResultsAreRefused() {
        given().queryParam("page", 100).queryParam("size", 100).get("/api/listings").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParam("page", 99).queryParam("size", 100).get("/api/listings").then().statusCode(200);
    }
}
