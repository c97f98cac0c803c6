package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.DirectoryFixture.countries;
import static dev.aitrainingdirectory.support.DirectoryFixture.excluding;
import static dev.aitrainingdirectory.support.DirectoryFixture.languages;
import static dev.aitrainingdirectory.support.DirectoryFixture.rules;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.platform.TaskType;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facet counts are disjunctive: each value's count equals the total a client gets by putting that
 * value in the facet's own filter, keeping every other filter.
 */
@QuarkusTest
class ListingFacetTest {

    private static final String ALL_FACETS = "platform,tier,taskType,country,language,status";

    @Inject
    DirectoryFixture fixture;

    private String platforms;
    private String first;

    @BeforeEach
    void buildDataset() {
        first = fixture.platform(worldwide());
        String second = fixture.platform(countries("IN", "PH", "US"));
        String third = fixture.platform(rules(List.of(), List.of("US"), List.of("en"), List.of()));
        platforms = String.join(",", first, second, third);
        fixture.listing(first).tier("coding").taskType(TaskType.CODE_EVALUATION).hourly(30, 50).create();
        fixture.listing(first).tier("coding").eligibility(countries("IN")).create();
        fixture.listing(first).eligibility(languages("es")).hourly(15, 20).create();
        fixture.listing(first).eligibility(excluding("PH")).taskType(TaskType.RESPONSE_RATING).create();
        fixture.listing(first).status(ListingStatus.CLOSED).eligibility(languages("es", "pt")).create();
        fixture.listing(first).status(ListingStatus.PAUSED).tier("coding").create();
        fixture.listing(second).eligibility(countries("PH")).taskType(TaskType.RESPONSE_RATING).create();
        fixture.listing(second).eligibility(countries("GB")).create();
        fixture.listing(second).tier("coding").eligibility(languages("tl")).create();
        fixture.listing(second).expiresAt(Instant.now().minus(1, ChronoUnit.DAYS)).postedAt("2026-10-01T00:00:00Z").create();
        fixture.listing(third).eligibility(languages("es")).create();
        fixture.listing(third).taskType(TaskType.RESPONSE_RATING).eligibility(countries("US", "IN")).create();
        fixture.listing(third).tier("coding").hourly(40, 45).create();
    }

    @Test
    void countsWithoutFiltersMatchEveryValueOnItsOwn() {
        assertFacetsAreDisjunctive(Map.of("platform", platforms));
    }

    @Test
    void countsUnderSeveralFiltersLeaveOutOnlyTheirOwn() {
        assertFacetsAreDisjunctive(Map.of("platform", platforms, "country", "IN", "tier", "coding"));
        assertFacetsAreDisjunctive(Map.of("platform", platforms, "language", "es", "status", "OPEN,CLOSED"));
        assertFacetsAreDisjunctive(Map.of("platform", platforms, "taskType", "RESPONSE_RATING", "speaks", "en"));
        assertFacetsAreDisjunctive(Map.of("platform", first, "minPay", "20", "includeUnknownPay", "true"));
    }

    @Test
    void facetsWithOneValuePerListingCountEachListingOnceLargestFirst() {
        JsonPath page = Api.ok("/api/listings", Map.of("platform", platforms, "facets", ALL_FACETS)).extract().jsonPath();
        long total = page.getLong("totalItems");
        assertThat(total).as("13 listings, of which one closed, one paused and one expired").isEqualTo(10);
        for (String facet : List.of("platform", "tier", "taskType")) {
            List<Map<String, Object>> values = page.getList("facets." + facet);
            assertThat(values).isSortedAccordingTo(Comparator.comparing((Map<String, Object> value) ->
                    -((Number) value.get("count")).longValue()).thenComparing(value -> (String) value.get("value")));
            assertThat(values.stream()
                    .filter(value -> !facet.equals("platform") || platforms.contains((String) value.get("value")))
                    .mapToLong(value -> ((Number) value.get("count")).longValue()).sum())
                    .as("each listing has exactly one %s", facet).isEqualTo(total);
        }
        assertThat(page.getList("facets.status.value", String.class)).containsExactly("OPEN", "CLOSED", "PAUSED");
        assertThat(page.getList("facets.status.count", Integer.class)).containsExactly(10, 2, 1);
    }

    private static void assertFacetsAreDisjunctive(Map<String, String> filters) {
        Map<String, Object> query = new HashMap<>(filters);
        query.put("facets", ALL_FACETS);
        JsonPath page = Api.ok("/api/listings", query).extract().jsonPath();
        for (String facet : ALL_FACETS.split(",")) {
            List<Map<String, Object>> values = page.getList("facets." + facet);
            assertThat(values).as("facet %s under %s", facet, filters).isNotNull();
            for (Map<String, Object> value : values) {
                Map<String, Object> replaced = new HashMap<>(filters);
                replaced.put(facet, value.get("value"));
                long expected = Api.total(replaced);
                assertThat(((Number) value.get("count")).longValue())
                        .as("count of %s=%s under %s", facet, value.get("value"), filters)
                        .isEqualTo(expected);
            }
        }
        // A value the facet leaves out gives no result: spot-check countries absent from the country facet.
        List<String> countriesListed = page.getList("facets.country.value", String.class);
        for (String code : List.of("KP", "PH", "IN", "US", "GB", "FR")) {
            if (!countriesListed.contains(code)) {
                Map<String, Object> replaced = new HashMap<>(filters);
                replaced.put("country", code);
                assertThat(Api.total(replaced)).as("country %s is not in the facet", code).isZero();
            }
        }
        given().queryParams(query).when().get("/api/listings").then().statusCode(200);
    }
}
