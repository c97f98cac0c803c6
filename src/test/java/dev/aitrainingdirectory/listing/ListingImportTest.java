package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingImportTest {

    private static final Map<String, String> EVERY_STATUS = Map.of("status", "OPEN,PAUSED,CLOSED");

    @Inject
    DirectoryFixture fixture;

    private String platform;

    @BeforeEach
    void givenAPlatform() {
        platform = fixture.platform(worldwide());
    }

    @Test
    void anImportCreatesThenUpdatesThenLeavesUnchanged() {
        List<Body> rows = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            rows.add(row("batch-" + index, "Task " + index));
        }
        importing(rows).then().statusCode(200)
                .body("created", equalTo(5)).body("updated", equalTo(0)).body("unchanged", equalTo(0));

        rows.get(1).with("title", "Task one, renamed");
        rows.get(3).with("status", "CLOSED");
        rows.add(row("batch-5", "Task 5"));
        importing(rows).then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(2)).body("unchanged", equalTo(3));

        assertThat(Api.total(withPlatform(EVERY_STATUS))).isEqualTo(6);
        assertThat(Api.total(withPlatform(Map.of()))).isEqualTo(5);
        assertThat(Api.ok("/api/listings", withPlatform(Map.of("q", "renamed"))).extract().<Integer>path("totalItems")).isEqualTo(1);
    }

    @Test
    void oneBadRowRejectsTheWholeImportNamingEveryBadRow() {
        importing(List.of(row("keep-0", "Existing"))).then().statusCode(200);
        long before = Api.total(withPlatform(EVERY_STATUS));
        String versionBefore = given().queryParams(withPlatform(Map.of())).get("/api/listings").then().extract().path("items[0].version").toString();

        List<Body> rows = new ArrayList<>();
        rows.add(row("keep-0", "Changed title"));
        rows.add(row("new-1", "Fine"));
        rows.add(row("new-2", "Bad URL").with("applyUrl", "http://insecure.example"));
        rows.add(row("new-3", "Fine too"));
        rows.add(row("new-4", "Bad country").with("eligibility.countries", List.of("ZZ")));
        rows.add(row("new-1", "Repeated key"));

        importing(rows).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("listings[2].applyUrl", "listings[4].eligibility.countries[0]",
                        "listings[5].externalId"));

        assertThat(Api.total(withPlatform(EVERY_STATUS))).isEqualTo(before);
        given().queryParams(withPlatform(Map.of())).get("/api/listings").then()
                .body("items[0].title", equalTo("Existing"))
                .body("items[0].version.toString()", equalTo(versionBefore));
    }

    @Test
    void anImportOfMoreThanAThousandRowsIsRejected() {
        List<Body> rows = new ArrayList<>();
        for (int index = 0; index < 1001; index++) {
            rows.add(row("big-" + index, "Row " + index));
        }
        importing(rows).then().statusCode(422).body("errors.field", hasItem("listings"));
        assertThat(Api.total(withPlatform(EVERY_STATUS))).isZero();
    }

    @Test
    void aThousandRowsImportInOneGo() {
        List<Body> rows = new ArrayList<>();
        for (int index = 0; index < 1000; index++) {
            rows.add(row("bulk-" + index, "Row " + index));
        }
        importing(rows).then().statusCode(200).body("created", equalTo(1000));
        assertThat(Api.total(withPlatform(EVERY_STATUS))).isEqualTo(1000);
    }

    @Test
    void importNeedsACuratorKey() {
        given().contentType(ContentType.JSON).body(Bodies.listingImport(List.of(row("anon", "Anonymous"))))
                .when().post("/api/listings/import").then().statusCode(401);
        given().header("Authorization", Api.PARTNER).contentType(ContentType.JSON)
                .body(Bodies.listingImport(List.of(row("partner", "Partner")))).when().post("/api/listings/import")
                .then().statusCode(403);
        assertThat(Api.total(withPlatform(EVERY_STATUS))).isZero();
    }

    private io.restassured.response.Response importing(List<Body> rows) {
        return asCurator().contentType(ContentType.JSON).body(Map.of("listings", rows)).when().post("/api/listings/import");
    }

    private Map<String, String> withPlatform(Map<String, String> query) {
        Map<String, String> scoped = new HashMap<>(query);
        scoped.put("platform", platform);
        return scoped;
    }

    private Body row(String externalId, String title) {
        return Bodies.listing(platform, externalId).with("title", title);
    }
}
