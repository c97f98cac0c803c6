package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Concurrently;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two curators patching the same version: exactly one wins, the other learns with 412. (Racing replaces
 * of every curated resource are in CuratedWriteContractTest.)
 */
@QuarkusTest
class ListingConcurrencyTest {

    @Inject
    DirectoryFixture fixture;

    @RepeatedTest(5)
    void twoCuratorsPatchingTheSameVersionEndWithOneSuccessAndOne412() throws Exception {
        long id = fixture.listing(fixture.platform(worldwide())).title("Original").create();
        String tag = given().when().get("/api/listings/" + id).then().statusCode(200).extract().header("ETag");
        List<String> titles = List.of("Curator A's title", "Curator B's title");

        List<Integer> statuses = Concurrently.run(2, curator -> () -> asCurator().contentType("application/merge-patch+json")
                .header("If-Match", tag).body(Bodies.object().with("title", titles.get(curator)))
                .when().patch("/api/listings/" + id).then().extract().statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        given().when().get("/api/listings/" + id).then().statusCode(200)
                .body("title", equalTo(titles.get(statuses.indexOf(200))))
                .body("version", equalTo(1));
    }
}
