package dev.aitrainingdirectory.platform;

import static dev.aitrainingdirectory.support.DirectoryFixture.countries;
import static dev.aitrainingdirectory.support.DirectoryFixture.excluding;
import static dev.aitrainingdirectory.support.DirectoryFixture.languages;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformResourceTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void aPlatformShowsItsRulesAndCountsOnlyOpenListings() {
        String slug = fixture.platform(countries("IN", "PH"));
        fixture.listing(slug).create();
        fixture.listing(slug).create();
        fixture.listing(slug).status(ListingStatus.CLOSED).create();

        given().when().get("/api/platforms/" + slug)
                .then().statusCode(200)
                .header("ETag", not(equalTo(null)))
                .body("slug", equalTo(slug))
                .body("eligibility.countries", equalTo(List.of("IN", "PH")))
                .body("payTiers", equalTo(List.of("coding", "general-writing")))
                .body("openListings", equalTo(2));
    }

    @Test
    void anUnchangedPlatformAnswers304AndANewListingChangesItsTag() {
        String slug = fixture.platform(worldwide());
        String tag = given().when().get("/api/platforms/" + slug).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug)
                .then().statusCode(304).header("ETag", equalTo(tag));
        fixture.listing(slug).create();
        given().header("If-None-Match", tag).when().get("/api/platforms/" + slug)
                .then().statusCode(200).body("openListings", equalTo(1)).header("ETag", not(equalTo(tag)));
    }

    @Test
    void filtersNarrowThePlatformList() {
        String prefix = DirectoryFixture.unique("filter");
        String everywhere = fixture.platform(prefix + "-a", "Filter Everywhere " + prefix, Audience.GENERALIST, worldwide());
        String noIndia = fixture.platform(prefix + "-b", "Filter No India " + prefix, Audience.SPECIALIST, excluding("IN"));
        String spanish = fixture.platform(prefix + "-c", "Filter Spanish " + prefix, Audience.CREDENTIALED, languages("es"));
        Map<String, String> mine = Map.of("q", prefix);

        assertThat(slugs(mine)).containsExactly(everywhere, noIndia, spanish);
        assertThat(slugs(with(mine, "country", "IN"))).containsExactly(everywhere, spanish);
        assertThat(slugs(with(mine, "speaks", "en"))).containsExactly(everywhere, noIndia);
        assertThat(slugs(with(mine, "audience", "SPECIALIST,CREDENTIALED"))).containsExactly(noIndia, spanish);
        assertThat(slugs(with(mine, "tier", "coding"))).containsExactly(everywhere, noIndia, spanish);
        assertThat(slugs(with(mine, "tier", "domain-expert"))).isEmpty();
        assertThat(slugs(with(mine, "paymentMethod", "PAYONEER"))).isEmpty();
        assertThat(slugs(with(mine, "taskType", "PREFERENCE_COMPARISON"))).hasSize(3);
        assertThat(slugs(with(mine, "assessmentRequired", "true"))).isEmpty();
        assertThat(slugs(with(mine, "q", prefix + " spanish"))).containsExactly(spanish);
    }

    @Test
    void platformsSortByOpenListingsThenSlug() {
        String prefix = DirectoryFixture.unique("busy");
        String quiet = fixture.platform(prefix + "-quiet", "Quiet " + prefix, Audience.GENERALIST, worldwide());
        String busy = fixture.platform(prefix + "-busy", "Busy " + prefix, Audience.GENERALIST, worldwide());
        fixture.listing(busy).create();
        fixture.listing(busy).create();
        fixture.listing(quiet).create();

        assertThat(slugs(Map.of("q", prefix, "sort", "-openListings"))).containsExactly(busy, quiet);
        assertThat(slugs(Map.of("q", prefix, "sort", "name"))).containsExactly(busy, quiet);
    }

    @Test
    void unknownSlugsAndBadFiltersAnswerProblemDetails() {
        given().when().get("/api/platforms/no-such-platform").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-platform"));
        given().queryParam("audience", "EVERYONE").when().get("/api/platforms").then().statusCode(400)
                .body("errors.field", hasItems("audience"));
        given().queryParam("holds", "law-degree").when().get("/api/platforms").then().statusCode(400)
                .body("errors.field", hasItems("holds"));
        given().queryParam("sort", "-name").when().get("/api/platforms").then().statusCode(400);
    }

    @Test
    void theExamplePlatformsAreListed() {
        given().queryParam("size", 100).when().get("/api/platforms").then().statusCode(200)
                .body("items.slug", hasItems("dataannotation", "outlier", "surge-ai", "mercor"));
    }

    private static List<String> slugs(Map<String, String> query) {
        return Api.ok("/api/platforms", query).extract().jsonPath().getList("items.slug", String.class);
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> extended = new java.util.HashMap<>(query);
        extended.put(name, value);
        return extended;
    }
}
