package dev.aitrainingdirectory.exampledata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example directory is there, marked as such, and exercises every filter. */
@QuarkusTest
class ExampleDataTest {

    private static final String EXAMPLES = "dataannotation,outlier,surge-ai,mercor";

    @Test
    void everyExampleIsMarkedAsExampleData() {
        List<Map<String, Object>> listings = Api.ok("/api/listings",
                Map.of("platform", EXAMPLES, "status", "OPEN,PAUSED,CLOSED", "size", 100)).extract().jsonPath().getList("items");
        assertThat(listings).hasSizeBetween(24, 60)
                .allSatisfy(listing -> assertThat((String) listing.get("description")).startsWith("Example data:"));
        given().queryParam("size", 100).when().get("/api/platforms").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.slug in ['dataannotation','outlier','surge-ai','mercor'] }.description", String.class)
                .forEach(description -> assertThat(description).startsWith("Example data:"));
    }

    @Test
    void theExamplesExerciseEveryFilter() {
        Map<String, String> examples = Map.of("platform", EXAMPLES);
        assertThat(total(examples, "country", "IN")).as("open to India").isPositive();
        assertThat(total(examples, "country", "KP")).as("excluded everywhere").isZero();
        assertThat(total(examples, "language", "es")).as("language-gated").isPositive();
        assertThat(total(examples, "speaks", "en")).isLessThan(total(examples, "speaks", "en,es,hi,ja,fr,de,ko,tl,sw"));
        assertThat(total(examples, "holds", "law-degree")).isLessThan(total(examples, "holds", "law-degree,medical-license"));
        assertThat(total(examples, "minPay", "60")).isLessThan(total(Map.of("platform", EXAMPLES, "minPay", "60"), "includeUnknownPay", "true"));
        assertThat(total(examples, "status", "CLOSED")).as("closed ones kept for the record").isPositive();
        assertThat(total(examples, "status", "PAUSED")).isPositive();
        for (String tier : List.of("general-writing", "coding", "stem-math", "domain-expert", "languages")) {
            assertThat(total(examples, "tier", tier)).as("open listings in %s", tier).isPositive();
        }
        for (String platform : EXAMPLES.split(",")) {
            assertThat(total(Map.of(), "platform", platform)).as("open listings on %s", platform).isPositive();
        }
    }

    private static long total(Map<String, String> base, String name, String value) {
        Map<String, String> query = new java.util.HashMap<>(base);
        query.put(name, value);
        return Api.total(query);
    }
}
