package dev.aitrainingdirectory.platform;

import static dev.aitrainingdirectory.support.Bodies.object;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.Concurrently;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is a platform's own among curated writes: what a body leaves out, how its errors read, and changes
 * that reach the platform's listings. The rules every curated write keeps are proved in
 * CuratedWriteContractTest.
 */
@QuarkusTest
class PlatformWriteTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    DirectoryFixture fixture;

    @Test
    void onlyTheRequiredFieldsAreNeededAndWhatACreateOrReplaceLeavesOutIsEmpty() {
        String slug = DirectoryFixture.unique("minimal");
        Body required = Bodies.platform(slug).without("taskTypes").without("payTiers").without("paymentMethods")
                .without("payoutSchedule").without("assessmentRequired").without("identityVerification").without("eligibility");

        String tag = assertEmptyBeyond(Api.asCurator().contentType(ContentType.JSON).body(required)
                .when().post("/api/platforms").then().statusCode(201)).extract().header("ETag");

        Body full = Bodies.platform(slug);
        String fullTag = Api.asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(full)
                .when().put("/api/platforms/" + slug).then().statusCode(200)
                .body("payoutSchedule", equalTo("WEEKLY")).extract().header("ETag");
        assertEmptyBeyond(Api.asCurator().contentType(ContentType.JSON).header("If-Match", fullTag).body(required)
                .when().put("/api/platforms/" + slug).then().statusCode(200));
    }

    private static ValidatableResponse assertEmptyBeyond(ValidatableResponse platform) {
        return platform
                .body("taskTypes", equalTo(List.of()))
                .body("payTiers", equalTo(List.of()))
                .body("paymentMethods", equalTo(List.of()))
                .body("$", not(hasKey("payoutSchedule")))
                .body("assessmentRequired", equalTo(false))
                .body("identityVerification", equalTo(false))
                .body("eligibility.countries", equalTo(List.of()))
                .body("eligibility.languages", equalTo(List.of()));
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Body body = Bodies.platform(DirectoryFixture.unique("many-errors"))
                .with("websiteUrl", "http://platform.example")
                .without("name")
                .with("eligibility.countries", List.of("XX"));

        Api.asCurator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms")
                .then().statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", allOf(hasItem("websiteUrl"), hasItem("name"), hasItem("eligibility.countries[0]")))
                .body("detail", containsString("3 invalid fields"));
        given().when().get("/api/platforms/" + body.get("slug")).then().statusCode(404);
    }

    @Test
    void anAudienceOutsideTheEnumerationIsRefusedNamingTheValuesItMayTake() {
        Body body = Bodies.platform(DirectoryFixture.unique("audience")).with("audience", "EVERYONE");

        Api.asCurator().contentType(ContentType.JSON).body(body)
                .when().post("/api/platforms")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("audience"))
                .body("errors[0].message", containsString("GENERALIST, SPECIALIST, CREDENTIALED"));
    }

    @Test
    void aPlatformRestrictedToCountriesAndOpenedAgainChangesWhoFindsItsListings() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        Map<String, String> inBrazil = Map.of("platform", slug, "country", "BR");
        Map<String, String> inIndia = Map.of("platform", slug, "country", "IN");
        assertThat(Api.listingIds(inBrazil)).containsExactly(listing);

        patch(slug, object().with("eligibility.countries", List.of("IN"))).statusCode(200);
        assertThat(Api.listingIds(inBrazil)).isEmpty();
        assertThat(Api.listingIds(inIndia)).containsExactly(listing);
        assertThat(Api.ok("/api/listings", Map.of("platform", slug, "facets", "country")).extract().jsonPath()
                .getList("facets.country.value", String.class)).containsExactly("IN");

        patch(slug, object().with("eligibility.countries", List.of())).statusCode(200);
        assertThat(Api.listingIds(inBrazil)).containsExactly(listing);
        assertThat(Api.listingIds(inIndia)).containsExactly(listing);
    }

    @Test
    void aNewExclusionReachesThePlatformsListings() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        long closedListing = fixture.listing(slug).status(ListingStatus.CLOSED).create();
        Map<String, String> inFrance = Map.of("platform", slug, "country", "FR");
        assertThat(Api.listingIds(inFrance)).containsExactly(listing);
        JsonPath listingBefore = given().when().get("/api/listings/" + listing).then().statusCode(200).extract().jsonPath();
        String listingTag = given().when().get("/api/listings/" + listing).header("ETag");
        String cursor = Api.latestChangeCursor();

        patch(slug, object().with("eligibility.excludedCountries", List.of("FR")))
                .statusCode(200).body("eligibility.excludedCountries", equalTo(List.of("FR")));

        assertThat(Api.listingIds(inFrance)).isEmpty();
        assertThat(Api.listingIds(Map.of("platform", slug, "country", "DE"))).containsExactly(listing);
        given().header("If-None-Match", listingTag).when().get("/api/listings/" + listing).then().statusCode(200)
                .body("eligibility.excludedCountries", equalTo(List.of()))
                .body("effectiveEligibility.excludedCountries", equalTo(List.of("FR")))
                .body("version", equalTo(listingBefore.getInt("version") + 1));
        given().when().get("/api/listings/" + closedListing).then().statusCode(200)
                .body("effectiveEligibility.excludedCountries", equalTo(List.of("FR")));

        JsonPath changes = Api.changesAfter(cursor);
        assertThat(changes.getList("items.id", Long.class)).contains(listing, closedListing);
        JsonPath entry = changes.param("id", listing);
        assertThat(entry.getBoolean("items.find { it.id == id }.deleted")).isFalse();
        assertThat(entry.getList("items.find { it.id == id }.listing.effectiveEligibility.excludedCountries", String.class))
                .containsExactly("FR");
        assertThat(entry.getInt("items.find { it.id == id }.listing.version")).isEqualTo(listingBefore.getInt("version") + 1);
    }

    @Test
    void ofTwoRacingReplacesTheWinnersRulesAreTheOnesItsListingsShow() throws Exception {
        String slug = fixture.platform(worldwide());
        fixture.listing(slug).create();
        String tag = etag(slug);
        List<String> exclusions = List.of("US", "GB");

        List<Integer> statuses = Concurrently.run(2, writer -> () -> Api.asCurator().contentType(ContentType.JSON)
                .header("If-Match", tag).body(Bodies.platform(slug).with("eligibility.excludedCountries", List.of(exclusions.get(writer))))
                .when().put("/api/platforms/" + slug).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        String excluded = exclusions.get(statuses.indexOf(200));
        given().when().get("/api/platforms/" + slug).then().statusCode(200)
                .body("eligibility.excludedCountries", equalTo(List.of(excluded)));
        assertThat(Api.ok("/api/listings", Map.of("platform", slug)).extract().jsonPath()
                .getList("items.effectiveEligibility.excludedCountries")).containsExactly(List.of(excluded));
    }

    @Test
    void aRenameReachesThePlatformsListings() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        String cursor = Api.latestChangeCursor();

        patch(slug, object().with("name", "Renamed Platform")).statusCode(200);

        given().when().get("/api/listings/" + listing).then().statusCode(200)
                .body("platform.slug", equalTo(slug))
                .body("platform.name", equalTo("Renamed Platform"))
                .body("version", equalTo(1));
        assertThat(Api.changedAfter(cursor)).contains(listing);
    }

    @Test
    void aChangeThatListingsDoNotShowLeavesThemAlone() {
        String slug = fixture.platform(worldwide());
        long listing = fixture.listing(slug).create();
        String cursor = Api.latestChangeCursor();

        patch(slug, object().with("description", "Only the description changes.").with("payoutSchedule", "MONTHLY"))
                .statusCode(200);

        given().when().get("/api/listings/" + listing).then().statusCode(200).body("version", equalTo(0));
        assertThat(Api.changedAfter(cursor)).doesNotContain(listing);
    }

    private static ValidatableResponse patch(String slug, Body patch) {
        return Api.asCurator().contentType(MERGE_PATCH).header("If-Match", etag(slug)).body(patch)
                .when().patch("/api/platforms/" + slug).then();
    }

    private static String etag(String slug) {
        return given().when().get("/api/platforms/" + slug).then().statusCode(200).extract().header("ETag");
    }
}
