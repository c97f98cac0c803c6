package dev.aitrainingdirectory.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference lists cover every ISO code and agree with what the search finds for each. */
@QuarkusTest
class EligibilityResourceTest {

    @Test
    void everyCountryIsListedWithWhatTheCountryFilterFinds() {
        List<Map<String, Object>> countries = given().when().get("/api/eligibility/countries")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(countries).hasSize(249);
        assertThat(countries).extracting(country -> country.get("code")).contains("IN", "PH", "US", "KP", "ZW").isSorted();
        assertThat(countries).filteredOn(country -> country.get("code").equals("IN"))
                .extracting(country -> country.get("name")).containsExactly("India");
        for (Map<String, Object> country : countries) {
            assertAgreesWithSearch(country, "country");
        }
    }

    @Test
    void everyLanguageIsListedWithWhatTheLanguageFilterFinds() {
        List<Map<String, Object>> languages = given().when().get("/api/eligibility/languages")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(languages).extracting(language -> language.get("code")).contains("en", "es", "hi", "tl", "he").isSorted()
                .doesNotContain("iw");
        assertThat(languages).hasSizeGreaterThan(180);
        for (Map<String, Object> language : languages) {
            assertAgreesWithSearch(language, "language");
        }
    }

    private static void assertAgreesWithSearch(Map<String, Object> entry, String filter) {
        String code = (String) entry.get("code");
        JsonPath search = Api.ok("/api/listings", Map.of(filter, code, "facets", "platform", "size", 1)).extract().jsonPath();
        assertThat(((Number) entry.get("openListings")).longValue()).as("open listings for %s", code)
                .isEqualTo(search.getLong("totalItems"));
        assertThat(((Number) entry.get("platforms")).longValue()).as("platforms for %s", code)
                .isEqualTo(search.getList("facets.platform").size());
    }
}
