package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/** Two curators racing on the same version: exactly one wins, the other learns with 412. */
@QuarkusTest
class ListingConcurrencyTest {

    @Inject
    DirectoryFixture fixture;

    @RepeatedTest(5)
    void twoCuratorsPatchingTheSameVersionEndWithOneSuccessAndOne412() throws Exception {
        long id = fixture.listing(fixture.platform(worldwide())).title("Original").create();
        String tag = given().when().get("/api/listings/" + id).then().statusCode(200).extract().header("ETag");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String title : List.of("Curator A's title", "Curator B's title")) {
            answers.add(pool.submit(() -> {
                start.await();
                return asCurator().contentType("application/merge-patch+json").header("If-Match", tag)
                        .body(Bodies.object().with("title", title))
                        .when().patch("/api/listings/" + id).then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        String title = given().when().get("/api/listings/" + id).then().statusCode(200)
                .extract().path("title");
        assertThat(title).isIn("Curator A's title", "Curator B's title");
        assertThat(given().when().get("/api/listings/" + id).then().extract().<Integer>path("version")).isEqualTo(1);
    }
}
