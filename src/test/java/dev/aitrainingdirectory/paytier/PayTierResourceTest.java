package dev.aitrainingdirectory.paytier;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.listing.PayUnit;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PayTierResourceTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void theExampleTiersAreListedCheapestFirstWithTheirPublishedRanges() {
        given().when().get("/api/pay-tiers").then().statusCode(200)
                .body("items.findAll { it.slug in ['general-writing','languages','coding','stem-math','domain-expert'] }.slug",
                        equalTo(List.of("general-writing", "languages", "coding", "stem-math", "domain-expert")))
                .body("items.find { it.slug == 'coding' }.publishedRange.min", equalTo(30.0f))
                .body("items.find { it.slug == 'coding' }.publishedRange.max", equalTo(55.0f))
                .body("items.find { it.slug == 'domain-expert' }.publishedRange.max", equalTo(150.0f))
                .body("page", nullValue());
    }

    @Test
    void observedPayComesFromOpenListingsWithAnHourlyUsdFigure() {
        String tier = fixture.payTier(10, 100);
        String platform = fixture.platform(worldwide());
        fixture.listing(platform).tier(tier).hourly(20, 30).create();
        fixture.listing(platform).tier(tier).hourly(40, 60).create();
        fixture.listing(platform).tier(tier).hourly(10, 14).create();
        fixture.listing(platform).tier(tier).hourly(70, 90).create();
        fixture.listing(platform).tier(tier).hourly(100, 200).status(ListingStatus.CLOSED).create();
        fixture.listing(platform).tier(tier).pay(1, 500, "USD", PayUnit.TASK).create();
        // 50-100 EUR at the example rate of 1.08 USD: 54-108 USD an hour, midpoint 81.
        fixture.listing(platform).tier(tier).pay(50, 100, "EUR", PayUnit.HOUR).create();
        fixture.listing(platform).tier(tier).create();

        // Midpoints 12, 25, 50, 80, 81: the median is 50.
        given().when().get("/api/pay-tiers/" + tier).then().statusCode(200)
                .body("observed.openListings", equalTo(5))
                .body("observed.min", equalTo(10.0f))
                .body("observed.median", equalTo(50.0f))
                .body("observed.max", equalTo(108.0f));
        fixture.listing(platform).tier(tier).hourly(26, 26).create();
        given().when().get("/api/pay-tiers/" + tier).then().statusCode(200)
                .body("observed.openListings", equalTo(6))
                .body("observed.median", equalTo(38.0f));
    }

    @Test
    void aTierWithoutHourlyListingsHasNoObservedFigures() {
        String tier = fixture.payTier(10, 20);
        given().when().get("/api/pay-tiers/" + tier).then().statusCode(200)
                .body("observed.openListings", equalTo(0))
                .body("observed.median", nullValue());
    }

    @Test
    void anUnchangedTierAnswers304UntilItsObservedPayChanges() {
        String tier = fixture.payTier(10, 20);
        String tag = given().when().get("/api/pay-tiers/" + tier).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + tier).then().statusCode(304);
        fixture.listing(fixture.platform(worldwide())).tier(tier).hourly(12, 18).create();
        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + tier).then().statusCode(200)
                .header("ETag", not(equalTo(tag)));
    }

    @Test
    void anUnknownTierAnswers404() {
        given().when().get("/api/pay-tiers/no-such-tier").then().statusCode(404).contentType("application/problem+json");
    }
}
