package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is a listing's own among curated writes: it shows its platform, tier and rules, its external id is
 * unique per platform, and its id is a number. The rules every curated write keeps are proved in
 * CuratedWriteContractTest.
 */
@QuarkusTest
class ListingWriteTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void aCreatedListingShowsItsPlatformTierAndRulesAndIsFound() {
        String platform = fixture.platform(worldwide());
        long id = asCurator().contentType(ContentType.JSON).body(Bodies.listing(platform, "shown"))
                .when().post("/api/listings")
                .then().statusCode(201)
                .body("platform.slug", equalTo(platform))
                .body("payTier.name", equalTo("Coding"))
                .body("effectiveEligibility.countries", equalTo(List.of("IN", "PH")))
                .extract().jsonPath().getLong("id");

        assertThat(Api.listingIds(Map.of("platform", platform, "country", "IN"))).containsExactly(id);
        assertThat(Api.listingIds(Map.of("platform", platform, "country", "BR"))).isEmpty();
    }

    @Test
    void invalidFieldsAreEachNamedInOneAnswerAndNothingIsWritten() {
        String platform = fixture.platform(worldwide());
        Body body = Bodies.listing(platform, "invalid")
                .with("applyUrl", "http://insecure.example/apply")
                .with("title", "")
                .with("payTier", "no-such-tier")
                .with("pay.min", 60).with("pay.max", 40)
                .with("eligibility.countries", List.of("XX"))
                .with("eligibility.languages", List.of("english"));

        asCurator().contentType(ContentType.JSON).body(body).when().post("/api/listings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("applyUrl", "title", "payTier", "pay.min", "eligibility.countries[0]",
                        "eligibility.languages[0]"));
        assertThat(Api.total(everyStatusOn(platform))).isZero();
    }

    @Test
    void anExternalIdIsUniqueOnItsPlatformButMayRepeatOnAnother() {
        String platform = fixture.platform(worldwide());
        asCurator().contentType(ContentType.JSON).body(Bodies.listing(platform, "same")).when().post("/api/listings")
                .then().statusCode(201);
        String otherPlatform = fixture.platform(worldwide());

        asCurator().contentType(ContentType.JSON).body(Bodies.listing(otherPlatform, "same")).when().post("/api/listings")
                .then().statusCode(201).body("platform.slug", equalTo(otherPlatform));
        assertThat(Api.total(everyStatusOn(platform))).isEqualTo(1);
    }

    @Test
    void anIdThatIsNoNumberNamesNoListingToWrite() {
        String platform = fixture.platform(worldwide());
        asCurator().contentType(ContentType.JSON).header("If-Match", "\"0-0\"").body(Bodies.listing(platform, "x"))
                .when().put("/api/listings/abc").then().statusCode(404).contentType("application/problem+json");
        asCurator().header("If-Match", "\"0-0\"").when().delete("/api/listings/abc")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Api.total(everyStatusOn(platform))).isZero();
    }

    private static Map<String, String> everyStatusOn(String platform) {
        return Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED");
    }
}
