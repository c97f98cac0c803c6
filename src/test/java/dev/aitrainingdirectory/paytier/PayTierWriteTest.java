package dev.aitrainingdirectory.paytier;

import static dev.aitrainingdirectory.support.Bodies.object;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is a pay tier's own among curated writes: its range stays a range, and a renamed tier reaches its
 * listings. The rules every curated write keeps are proved in CuratedWriteContractTest.
 */
@QuarkusTest
class PayTierWriteTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    DirectoryFixture fixture;

    @Test
    void aMergePatchInsideTheRangeMustLeaveAWholeRange() {
        String slug = fixture.payTier(20, 30);
        String tag = etag(slug);

        Api.asCurator().contentType(MERGE_PATCH).header("If-Match", tag).body(object().with("publishedRange.currency", null))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(422).body("errors.field", hasItem("publishedRange.currency"));
        Api.asCurator().contentType(MERGE_PATCH).header("If-Match", tag).body(object().with("publishedRange.min", 31))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(422).body("errors.field", hasItem("publishedRange.min"));

        given().header("If-None-Match", tag).when().get("/api/pay-tiers/" + slug).then().statusCode(304);
    }

    @Test
    void aRenameReachesTheTiersListings() {
        String slug = fixture.payTier(20, 30);
        String platform = fixture.platform(worldwide());
        long listing = fixture.listing(platform).tier(slug).create();
        long closedListing = fixture.listing(platform).tier(slug).status(ListingStatus.CLOSED).create();
        long otherTier = fixture.listing(platform).create();
        String listingTag = given().when().get("/api/listings/" + listing).then().statusCode(200)
                .body("payTier.name", equalTo("Test tier")).extract().header("ETag");
        String cursor = Api.latestChangeCursor();

        Api.asCurator().contentType(MERGE_PATCH).header("If-Match", etag(slug)).body(object().with("name", "Renamed Tier"))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(200).body("name", equalTo("Renamed Tier"));

        given().header("If-None-Match", listingTag).when().get("/api/listings/" + listing).then().statusCode(200)
                .body("payTier.slug", equalTo(slug))
                .body("payTier.name", equalTo("Renamed Tier"))
                .body("version", equalTo(1));
        given().when().get("/api/listings/" + closedListing).then().statusCode(200)
                .body("payTier.name", equalTo("Renamed Tier"));
        assertThat(Api.ok("/api/listings", Map.of("platform", platform, "tier", slug)).extract().jsonPath()
                .getList("items.payTier.name", String.class)).containsExactly("Renamed Tier");

        JsonPath changes = Api.changesAfter(cursor);
        assertThat(changes.getList("items.id", Long.class)).contains(listing, closedListing).doesNotContain(otherTier);
        JsonPath entry = changes.param("id", listing);
        assertThat(entry.getString("items.find { it.id == id }.listing.payTier.name")).isEqualTo("Renamed Tier");
        assertThat(entry.getInt("items.find { it.id == id }.listing.version")).isEqualTo(1);
    }

    @Test
    void aNewRangeLeavesTheTiersListingsAlone() {
        String slug = fixture.payTier(20, 30);
        long listing = fixture.listing(fixture.platform(worldwide())).tier(slug).create();
        String cursor = Api.latestChangeCursor();

        Api.asCurator().contentType(MERGE_PATCH).header("If-Match", etag(slug))
                .body(object().with("publishedRange.max", 45).with("description", "Pays more now."))
                .when().patch("/api/pay-tiers/" + slug)
                .then().statusCode(200);

        given().when().get("/api/listings/" + listing).then().statusCode(200)
                .body("payTier.name", equalTo("Test tier")).body("version", equalTo(0));
        assertThat(Api.changedAfter(cursor)).doesNotContain(listing);
    }

    private static String etag(String slug) {
        return given().when().get("/api/pay-tiers/" + slug).then().statusCode(200).extract().header("ETag");
    }
}
